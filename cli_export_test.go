package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// exportFixture is a config and a store with three short articles: two
// annotated by hand (so the expected markdown does not depend on the
// annotator's accuracy) and one left for export to annotate.
type exportFixture struct {
	dir, cfg, db, exports string
}

// The articles are written for these tests.
const (
	articleParis = "Starmer and Macron meet in Paris\n" +
		"British Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on Thursday.\n" +
		"“We will stand together on Ukraine,” Starmer said.\n" +
		"Macron called the talks “frank and useful”."
	articleKyiv = "Zelensky thanks allies\n" +
		"Ukrainian President Volodymyr Zelensky thanked Britain for its support.\n" +
		"“Every shell matters *today*,” Zelensky told reporters.\n" +
		"Keir Starmer replied: “[Our] support is [not](http://x.example) up for debate.”"
	articleAnkara = "Talks in Ankara\n" +
		"President Recep Tayyip Erdoğan said on Monday that “the door remains open” to new talks."
)

// fxSpan is an entity over the first occurrence of mention in doc text.
type fxSpan struct {
	mention, kind, id, name string
	leader                  bool
}

// fxQuote is a statement over the first occurrence of words.
type fxQuote struct{ words, speakerID, speakerName string }

func fxDoc(t testing.TB, txt string, spans []fxSpan, quotes []fxQuote) nlp.Doc {
	t.Helper()
	doc := nlp.Doc{Text: txt}
	for _, s := range spans {
		i := strings.Index(txt, s.mention)
		if i < 0 {
			t.Fatalf("%q not in text", s.mention)
		}
		doc.Entities = append(doc.Entities, nlp.Entity{Kind: s.kind, ID: s.id, Name: s.name, Leader: s.leader,
			Text: s.mention, Start: i, End: i + len(s.mention)})
	}
	for _, q := range quotes {
		i := strings.Index(txt, q.words)
		if i < 0 {
			t.Fatalf("%q not in text", q.words)
		}
		doc.Statements = append(doc.Statements, nlp.Statement{Kind: nlp.KindDirect, Quote: q.words, Start: i, End: i + len(q.words),
			Speaker: &nlp.Speaker{ID: q.speakerID, Name: q.speakerName, Leader: true}, Cue: "said", Confidence: 0.9})
	}
	return doc
}

func newExportFixture(t *testing.T) exportFixture {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HERALD_CONFIG", "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg-config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg-data"))
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	f := exportFixture{dir: dir, cfg: filepath.Join(dir, "config.toml"),
		db: filepath.Join(dir, "herald.db"), exports: filepath.Join(dir, "exports")}
	cfg := `[[feeds]]
url = "https://world.example/rss"
title = "World Desk"

[[feeds]]
url = "https://europe.example/rss"
title = "Europe Wire"

[store]
path = "` + f.db + `"

[export]
dir = "` + f.exports + `"
`
	if err := os.WriteFile(f.cfg, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	feeds, err := st.SyncFeeds([]store.FeedConfig{
		{URL: "https://world.example/rss", Title: "World Desk"},
		{URL: "https://europe.example/rss", Title: "Europe Wire"},
	})
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2025, 11, d, 9, 0, 0, 0, time.UTC) }
	save := func(feedID int64, guid, link, body string, published time.Time) int64 {
		title, _, _ := strings.Cut(body, "\n")
		if _, _, err := st.SaveArticles(feedID, []store.NewArticle{{GUID: guid, Link: link, Title: title, Published: published, Text: body}}); err != nil {
			t.Fatal(err)
		}
		list, err := st.Articles(store.ArticleQuery{FeedID: feedID})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if a.Link == link {
				return a.ID
			}
		}
		t.Fatalf("article %s not saved", link)
		return 0
	}
	annotate := func(id int64, doc nlp.Doc) {
		art, err := st.Article(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SaveAnnotation(id, art.Hash, nlp.Version, doc); err != nil {
			t.Fatal(err)
		}
	}
	starmer := fxSpan{"Keir Starmer", nlp.KindPerson, "keir-starmer", "Keir Starmer", true}
	paris := save(feeds[0].ID, "paris", "https://world.example/paris", articleParis, day(20))
	annotate(paris, fxDoc(t, articleParis, []fxSpan{
		{"British", nlp.KindCountry, "united-kingdom", "United Kingdom", false}, starmer,
		{"French", nlp.KindCountry, "france", "France", false},
		{"Emmanuel Macron", nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true},
	}, []fxQuote{
		{"We will stand together on Ukraine,", "keir-starmer", "Keir Starmer"},
		{"frank and useful", "emmanuel-macron", "Emmanuel Macron"},
	}))
	kyiv := save(feeds[1].ID, "kyiv", "https://europe.example/kyiv", articleKyiv, day(22))
	annotate(kyiv, fxDoc(t, articleKyiv, []fxSpan{
		{"Ukrainian", nlp.KindCountry, "ukraine", "Ukraine", false},
		{"Volodymyr Zelensky", nlp.KindPerson, "volodymyr-zelensky", "Volodymyr Zelensky", true},
		{"Britain", nlp.KindCountry, "united-kingdom", "United Kingdom", false}, starmer,
	}, []fxQuote{
		{"Every shell matters *today*,", "volodymyr-zelensky", "Volodymyr Zelensky"},
		{"[Our] support is [not](http://x.example) up for debate.", "keir-starmer", "Keir Starmer"},
	}))
	save(feeds[0].ID, "ankara", "https://world.example/ankara", articleAnkara, day(24))
	return f
}

func (f exportFixture) run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"--config", f.cfg, "export"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// mdBlock is one top-level block of parsed markdown.
type mdBlock struct {
	kind string // h1, h2, p, quote, table
	text string // plain text (for a table: its rows, cells joined by |)
	// links are the destinations of the links inside the block.
	links []string
	// emphasis is true when the block contains emphasis: escaped quotes
	// must not.
	emphasis bool
}

// parseMarkdown parses src as CommonMark with tables and lists its blocks.
func parseMarkdown(t *testing.T, src string) []mdBlock {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var blocks []mdBlock
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		b := mdBlock{}
		switch v := n.(type) {
		case *ast.Heading:
			b.kind = "h" + string(rune('0'+v.Level))
		case *ast.Paragraph:
			b.kind = "p"
		case *ast.Blockquote:
			b.kind = "quote"
		case *extast.Table:
			b.kind = "table"
		default:
			b.kind = n.Kind().String()
		}
		var sb strings.Builder
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				if _, ok := c.(*extast.TableRow); ok {
					sb.WriteString("\n")
				}
				if _, ok := c.(*extast.TableHeader); ok {
					sb.WriteString("\n")
				}
				return ast.WalkContinue, nil
			}
			switch v := c.(type) {
			case *ast.Text:
				// Segments keep backslash escapes; the rendered text has none.
				sb.Write(util.UnescapePunctuations(v.Segment.Value(source)))
				if v.SoftLineBreak() {
					sb.WriteString(" ")
				}
			case *ast.String:
				sb.Write(v.Value)
			case *ast.Link:
				b.links = append(b.links, string(v.Destination))
			case *ast.AutoLink:
				b.links = append(b.links, string(v.URL(source)))
			case *ast.Emphasis:
				b.emphasis = true
			case *extast.TableCell:
				if c.PreviousSibling() != nil {
					sb.WriteString("|")
				}
			}
			return ast.WalkContinue, nil
		})
		b.text = strings.TrimSpace(sb.String())
		blocks = append(blocks, b)
	}
	return blocks
}

func blockKinds(blocks []mdBlock) string {
	var k []string
	for _, b := range blocks {
		k = append(k, b.kind)
	}
	return strings.Join(k, " ")
}

func TestExportLeaderToStdout(t *testing.T) {
	f := newExportFixture(t)
	code, out, errOut := f.run(t, "--leader", "keir starmer", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	blocks := parseMarkdown(t, out)
	// Title, filters, date; one speaker section with two quotes (newest
	// first); the table of mentions.
	if got, want := blockKinds(blocks), "h1 p p h2 quote quote h2 table"; got != want {
		t.Fatalf("structure %q, want %q\n%s", got, want, out)
	}
	if blocks[0].text != "herald export" || !strings.Contains(blocks[1].text, "leader: Keir Starmer") {
		t.Errorf("heading %q, filters %q", blocks[0].text, blocks[1].text)
	}
	if !strings.Contains(blocks[2].text, time.Now().Format("2006-01-02")) {
		t.Errorf("no generation date in %q", blocks[2].text)
	}
	if blocks[3].text != "Keir Starmer (leader)" {
		t.Errorf("speaker heading %q", blocks[3].text)
	}
	newest, older := blocks[4], blocks[5]
	if !strings.Contains(newest.text, "[Our] support is [not](http://x.example) up for debate.") ||
		newest.emphasis || len(newest.links) != 1 || newest.links[0] != "https://europe.example/kyiv" {
		t.Errorf("newest quote: %+v (want literal brackets, one link to its article)", newest)
	}
	if !strings.Contains(newest.text, "Europe Wire") || !strings.Contains(newest.text, "2025-11-22") {
		t.Errorf("newest quote lacks outlet or date: %q", newest.text)
	}
	if !strings.Contains(older.text, "We will stand together on Ukraine") || len(older.links) != 1 ||
		older.links[0] != "https://world.example/paris" || !strings.Contains(older.text, "World Desk") {
		t.Errorf("older quote: %+v", older)
	}
	table := blocks[7].text
	for _, row := range []string{"Keir Starmer|leader|2|2", "United Kingdom|country|2|2", "France|country|1|1"} {
		if !strings.Contains(table, row) {
			t.Errorf("table lacks row %q:\n%s", row, table)
		}
	}
	if strings.Contains(out, "Every shell") || strings.Contains(table, "Erdo") {
		t.Errorf("other speakers or unmatched articles leaked in:\n%s", out)
	}

	code, out, errOut = f.run(t, "--leader", "zelensky", "-o", "-")
	blocks = parseMarkdown(t, out)
	if code != exitOK || len(blocks) < 5 || blocks[4].kind != "quote" {
		t.Fatalf("exit %d, structure %q: %s", code, blockKinds(blocks), errOut)
	}
	if q := blocks[4]; q.emphasis || !strings.Contains(q.text, "Every shell matters *today*,") {
		t.Errorf("markdown in a quote was not escaped: %+v", q)
	}
}

func TestExportNamesMatchLikePickers(t *testing.T) {
	f := newExportFixture(t)
	tests := []struct {
		name     string
		args     []string
		speakers []string // the h2 sections before "Mentioned"
		filters  string
	}{
		{"alias and country alias", []string{"--leader", "Zelenskyy", "--country", "UK"}, []string{"Volodymyr Zelensky (leader)"}, "leader: Volodymyr Zelensky; country: United Kingdom"},
		{"surname, no case", []string{"--leader", "MACRON"}, []string{"Emmanuel Macron (leader)"}, "leader: Emmanuel Macron"},
		{"demonym", []string{"--country", "french"}, []string{"Keir Starmer (leader)", "Emmanuel Macron (leader)"}, "country: France"},
		{"two countries AND", []string{"--country", "Britain", "--country", "Ukraine"}, []string{"Volodymyr Zelensky (leader)", "Keir Starmer (leader)"}, "country: United Kingdom; country: Ukraine"},
		{"feed by title", []string{"--feed", "europe wire"}, []string{"Volodymyr Zelensky (leader)", "Keir Starmer (leader)"}, "feed: Europe Wire"},
		{"feed by URL", []string{"--feed", "https://europe.example/rss", "--leader", "starmer"}, []string{"Keir Starmer (leader)"}, "feed: Europe Wire; leader: Keir Starmer"},
		{"fuzzy fallback", []string{"--leader", "zelnsky"}, []string{"Volodymyr Zelensky (leader)"}, "leader: Volodymyr Zelensky"},
		{"since a date", []string{"--since", "2025-11-21", "--country", "United Kingdom"}, []string{"Volodymyr Zelensky (leader)", "Keir Starmer (leader)"}, "country: United Kingdom; since: 2025-11-21 00:00 (2025-11-21)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := f.run(t, append(tt.args, "-o", "-")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			blocks := parseMarkdown(t, out)
			var speakers []string
			for _, b := range blocks {
				if b.kind == "h2" && b.text != "Mentioned" {
					speakers = append(speakers, b.text)
				}
			}
			if strings.Join(speakers, "; ") != strings.Join(tt.speakers, "; ") {
				t.Errorf("speakers %q, want %q\n%s", speakers, tt.speakers, out)
			}
			if !strings.Contains(blocks[1].text, tt.filters) {
				t.Errorf("filters %q, want %q", blocks[1].text, tt.filters)
			}
		})
	}
}

func TestExportBadNamesAreUsageErrors(t *testing.T) {
	f := newExportFixture(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--leader", "Nobody Atall"}, `--leader "Nobody Atall" matches no known person`},
		{[]string{"--leader", "Starmre"}, "did you mean Keir Starmer"}, // close, but no subsequence
		{[]string{"--leader", "France"}, "use --country"},
		{[]string{"--country", "Atlantis"}, "matches no known country"},
		{[]string{"--feed", "Nowhere Times"}, `"World Desk", "Europe Wire"`},
		{[]string{"--feed", "example"}, "ambiguous"},
		{[]string{"--since", "yesterday"}, "--since"},
		{[]string{"--since", "-3d"}, "--since"},
		{[]string{"stray"}, "no arguments"},
	}
	for _, tt := range tests {
		code, out, errOut := f.run(t, append(tt.args, "-o", "-")...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d (want 2), stdout %q, stderr %q (want %q)", tt.args, code, out, errOut, tt.want)
		}
	}
}

func TestExportAnnotatesMissingArticles(t *testing.T) {
	f := newExportFixture(t)
	code, out, errOut := f.run(t, "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	st, err := store.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	left, err := st.Unannotated(nlp.Version, 0)
	if err != nil || len(left) != 0 {
		t.Errorf("unannotated after export: %v (%v)", left, err)
	}
	blocks := parseMarkdown(t, out)
	if !strings.HasPrefix(blockKinds(blocks), "h1 p h2 quote") || strings.HasPrefix(blocks[1].text, "Filters") {
		t.Errorf("unfiltered export: structure %q\n%s", blockKinds(blocks), out)
	}
	for _, speaker := range []string{"Keir Starmer (leader)", "Emmanuel Macron (leader)", "Volodymyr Zelensky (leader)"} {
		if !strings.Contains(out, "## "+speaker) {
			t.Errorf("unfiltered export lacks %s", speaker)
		}
	}
}

func TestExportWritesNewFilesInExportDir(t *testing.T) {
	f := newExportFixture(t)
	today := time.Now().Format("2006-01-02")
	want := []string{
		filepath.Join(f.exports, today+"-leader-keir-starmer-country-france.md"),
		filepath.Join(f.exports, today+"-leader-keir-starmer-country-france-2.md"),
	}
	for i, path := range want {
		code, out, errOut := f.run(t, "--leader", "Starmer", "--country", "France")
		if code != exitOK || out != "" {
			t.Fatalf("run %d: exit %d, stdout %q, stderr %s", i, code, out, errOut)
		}
		if !strings.Contains(errOut, path) {
			t.Errorf("run %d: stderr %q does not name %s", i, errOut, path)
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), "# herald export") {
			t.Errorf("run %d: %s: %v %q", i, path, err, data)
		}
	}
	// -o FILE: an existing file is kept and the export goes beside it.
	mine := filepath.Join(f.dir, "notes.md")
	if err := os.WriteFile(mine, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := f.run(t, "--country", "Ukraine", "-o", mine)
	if b, _ := os.ReadFile(mine); code != exitOK || string(b) != "my notes" {
		t.Fatalf("exit %d, notes.md now %q: %s", code, b, errOut)
	}
	if !strings.Contains(errOut, filepath.Join(f.dir, "notes-2.md")) {
		t.Errorf("stderr %q does not name notes-2.md", errOut)
	}
	// -o DIR/: a default-named file in that directory.
	code, _, errOut = f.run(t, "--country", "Ukraine", "-o", f.dir+string(filepath.Separator))
	if code != exitOK || !strings.Contains(errOut, filepath.Join(f.dir, today+"-country-ukraine.md")) {
		t.Errorf("-o DIR/: exit %d, stderr %q", code, errOut)
	}
}

func TestExportRuntimeFailureExitsOne(t *testing.T) {
	f := newExportFixture(t)
	blocker := filepath.Join(f.dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// The output directory is a file: nothing can be written there.
	code, _, errOut := f.run(t, "-o", filepath.Join(blocker, "out.md"))
	if code != exitFailure || errOut == "" {
		t.Errorf("exit %d (want 1), stderr %q", code, errOut)
	}
}

func TestParseSince(t *testing.T) {
	now := time.Date(2025, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"", time.Time{}, true},
		{"7d", now.AddDate(0, 0, -7), true},
		{"2w", now.AddDate(0, 0, -14), true},
		{"24h", now.Add(-24 * time.Hour), true},
		{"90m", now.Add(-90 * time.Minute), true},
		{"2025-11-01", time.Date(2025, 11, 1, 0, 0, 0, 0, time.Local), true},
		{"2025-11-01T08:00:00Z", time.Date(2025, 11, 1, 8, 0, 0, 0, time.UTC), true},
		{"0d", time.Time{}, false},
		{"-1h", time.Time{}, false},
		{"7 days", time.Time{}, false},
		{"d", time.Time{}, false},
		{"2025-13-01", time.Time{}, false},
	}
	for _, tt := range tests {
		got, err := parseSince(tt.in, now)
		if (err == nil) != tt.ok || !got.Equal(tt.want) {
			t.Errorf("parseSince(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestResolveAmbiguity(t *testing.T) {
	r := &resolver{byKind: map[string][]entityCandidate{
		kindLeader: withCounts([]entityCandidate{
			{id: "kim-jong-un", name: "Kim Jong Un", keys: keysOf("kim-jong-un", "Kim Jong Un"), weak: keysOf("Kim")},
			{id: "kim-keon-hee", name: "Kim Keon-hee", keys: keysOf("kim-keon-hee", "Kim Keon-hee"), weak: keysOf("Kim")},
		}, []store.EntityCount{
			{ID: "maria-lopez", Name: "María López", Kind: "person", Articles: 3},
			{ID: "mario-lopes", Name: "Mario Lopes", Kind: "person", Articles: 1},
			{ID: "kim-jong-un", Name: "Kim Jong Un", Kind: "person", Articles: 5},
		}),
	}}
	tests := []struct {
		input, id, errWant string
	}{
		{"kim jong-un", "kim-jong-un", ""},
		{"Kim", "", "ambiguous"},
		{"maria lopez", "maria-lopez", ""}, // store-only person, no accent typed
		{"López", "maria-lopez", ""},       // surname of a store-only person
		{"lop", "", "María López (maria-lopez, 3 articles), Mario Lopes"},
		{"Mria Lopz", "maria-lopez", ""}, // fuzzy: one subsequence match
	}
	for _, tt := range tests {
		m, err := r.resolve(kindLeader, tt.input)
		switch {
		case tt.errWant != "":
			if err == nil || !strings.Contains(err.Error(), tt.errWant) {
				t.Errorf("resolve(%q) = %+v, %v; want error with %q", tt.input, m, err, tt.errWant)
			}
		case err != nil || m.id != tt.id:
			t.Errorf("resolve(%q) = %+v, %v; want %s", tt.input, m, err, tt.id)
		}
	}
}

// benchExportStore fills a store with articles × 5 statements, all annotated.
func benchExportStore(b *testing.B, articles int) exportFixture {
	b.Helper()
	dir := b.TempDir()
	b.Setenv("HERALD_CONFIG", "")
	f := exportFixture{dir: dir, cfg: filepath.Join(dir, "config.toml"), db: filepath.Join(dir, "herald.db"), exports: filepath.Join(dir, "exports")}
	cfg := "[[feeds]]\nurl = \"https://bench.example/rss\"\ntitle = \"Bench\"\n[store]\npath = \"" + f.db + "\"\n[export]\ndir = \"" + f.exports + "\"\n"
	if err := os.WriteFile(f.cfg, []byte(cfg), 0o644); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(f.db)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	feeds, err := st.SyncFeeds([]store.FeedConfig{{URL: "https://bench.example/rss", Title: "Bench"}})
	if err != nil {
		b.Fatal(err)
	}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	body := func(i int) string {
		return fmt.Sprintf("Story %d\nKeir Starmer met Emmanuel Macron in London.\n"+
			"“We talked about trade number %d,” Starmer said.\n“And about security,” Macron said.\n"+
			"“Nothing was agreed,” Starmer added.\n“We meet again in May,” Macron said.\n“Good,” said Starmer.", i, i)
	}
	items := make([]store.NewArticle, articles)
	for i := range items {
		items[i] = store.NewArticle{GUID: fmt.Sprint(i), Link: fmt.Sprintf("https://bench.example/%d", i),
			Title: fmt.Sprintf("Story %d", i), Published: base.Add(time.Duration(i) * time.Minute), Text: body(i)}
	}
	if _, _, err := st.SaveArticles(feeds[0].ID, items); err != nil {
		b.Fatal(err)
	}
	list, err := st.Articles(store.ArticleQuery{})
	if err != nil {
		b.Fatal(err)
	}
	starmer := fxSpan{"Keir Starmer", nlp.KindPerson, "keir-starmer", "Keir Starmer", true}
	macron := fxSpan{"Emmanuel Macron", nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true}
	london := fxSpan{"London", nlp.KindCountry, "united-kingdom", "United Kingdom", false}
	for _, a := range list {
		art, err := st.Article(a.ID)
		if err != nil {
			b.Fatal(err)
		}
		doc := fxDoc(b, art.Text, []fxSpan{starmer, macron, london}, []fxQuote{
			{"We talked about trade", "keir-starmer", "Keir Starmer"},
			{"And about security,", "emmanuel-macron", "Emmanuel Macron"},
			{"Nothing was agreed,", "keir-starmer", "Keir Starmer"},
			{"We meet again in May,", "emmanuel-macron", "Emmanuel Macron"},
			{"Good,", "keir-starmer", "Keir Starmer"},
		})
		if err := st.SaveAnnotation(a.ID, art.Hash, nlp.Version, doc); err != nil {
			b.Fatal(err)
		}
	}
	return f
}

// BenchmarkExport10kStatements: 2,000 articles with 10,000 statements,
// exported whole and for one leader (6,000 of them). Budget: 500 ms.
func BenchmarkExport10kStatements(b *testing.B) {
	f := benchExportStore(b, 2000)
	for _, args := range [][]string{{"-o", "-"}, {"--leader", "Starmer", "-o", "-"}} {
		b.Run(strings.Join(args[:len(args)-2], " "), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var out, errb bytes.Buffer
				if code := run(append([]string{"--config", f.cfg, "export"}, args...), strings.NewReader(""), &out, &errb); code != 0 {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
				if n := strings.Count(out.String(), "\n> "); n < 6000 {
					b.Fatalf("%d quotes exported", n)
				}
			}
		})
	}
}

var generatedLine = regexp.MustCompile(`(?m)^Generated \d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+$`)

// TestExportGolden compares whole exports with testdata/export; run with
// HERALD_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
func TestExportGolden(t *testing.T) {
	f := newExportFixture(t)
	tests := []struct {
		file string
		args []string
	}{
		{"leader-keir-starmer.md", []string{"--leader", "Keir Starmer"}},
		{"country-ukraine-feed-europe-wire.md", []string{"--country", "ukraine", "--feed", "Europe Wire"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, out, errOut := f.run(t, append(tt.args, "-o", "-")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !generatedLine.MatchString(out) {
				t.Fatalf("no Generated line in:\n%s", out)
			}
			got := generatedLine.ReplaceAllString(out, "Generated (date)")
			path := filepath.Join("testdata", "export", tt.file)
			if os.Getenv("HERALD_UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("export differs from %s:\n--- got\n%s\n--- want\n%s", path, got, want)
			}
		})
	}
}
