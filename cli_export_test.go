package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/herald-reader/herald/internal/cputime"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/herald-reader/herald/feeds/export"
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

// fxQuote is a statement over the first occurrence of words; kind ""
// is direct.
type fxQuote struct{ words, speakerID, speakerName, kind, cue string }

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
		kind, cue := nlp.KindDirect, "said"
		if q.kind != "" {
			kind = q.kind
		}
		if q.cue != "" {
			cue = q.cue
		}
		doc.Statements = append(doc.Statements, nlp.Statement{Kind: kind, Quote: q.words, Start: i, End: i + len(q.words),
			Speaker: &nlp.Speaker{ID: q.speakerID, Name: q.speakerName, Leader: true}, Cue: cue, Confidence: 0.9})
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

tags = ["uk", "world"]

[[feeds]]
url = "https://europe.example/rss"
title = "Europe Wire"
tags = ["europe"]

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
		{URL: "https://world.example/rss", Title: "World Desk", Tags: []string{"uk", "world"}},
		{URL: "https://europe.example/rss", Title: "Europe Wire", Tags: []string{"europe"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2025, 11, d, 9, 0, 0, 0, time.UTC) }
	save := func(feedID int64, guid, link, author, body string, published time.Time) int64 {
		title, _, _ := strings.Cut(body, "\n")
		if _, _, err := st.SaveArticles(feedID, []store.NewArticle{{GUID: guid, Link: link, Title: title, Author: author, Published: published, Text: body}}); err != nil {
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
		if err := st.SaveAnnotation(id, art.Hash, annotatorVersion(t), doc); err != nil {
			t.Fatal(err)
		}
	}
	starmer := fxSpan{"Keir Starmer", nlp.KindPerson, "keir-starmer", "Keir Starmer", true}
	paris := save(feeds[0].ID, "paris", "https://world.example/paris", "Jane Doe", articleParis, day(20))
	annotate(paris, fxDoc(t, articleParis, []fxSpan{
		{"British", nlp.KindCountry, "united-kingdom", "United Kingdom", false}, starmer,
		{"French", nlp.KindCountry, "france", "France", false},
		{"Emmanuel Macron", nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true},
	}, []fxQuote{
		{words: "We will stand together on Ukraine,", speakerID: "keir-starmer", speakerName: "Keir Starmer"},
		{words: "frank and useful", speakerID: "emmanuel-macron", speakerName: "Emmanuel Macron", cue: "called"},
		// The reported form of the same words: exported once, as the quote.
		{words: "the talks “frank and useful”", speakerID: "emmanuel-macron", speakerName: "Emmanuel Macron", kind: nlp.KindIndirect, cue: "called"},
	}))
	kyiv := save(feeds[1].ID, "kyiv", "https://europe.example/kyiv", "", articleKyiv, day(22))
	annotate(kyiv, fxDoc(t, articleKyiv, []fxSpan{
		{"Ukrainian", nlp.KindCountry, "ukraine", "Ukraine", false},
		{"Volodymyr Zelensky", nlp.KindPerson, "volodymyr-zelensky", "Volodymyr Zelensky", true},
		{"Britain", nlp.KindCountry, "united-kingdom", "United Kingdom", false}, starmer,
	}, []fxQuote{
		{words: "Britain for its support", speakerID: "volodymyr-zelensky", speakerName: "Volodymyr Zelensky", kind: nlp.KindIndirect, cue: "thanked"},
		{words: "Every shell matters *today*,", speakerID: "volodymyr-zelensky", speakerName: "Volodymyr Zelensky", cue: "told"},
		{words: "[Our] support is [not](http://x.example) up for debate.", speakerID: "keir-starmer", speakerName: "Keir Starmer", cue: "replied"},
	}))
	save(feeds[0].ID, "ankara", "https://world.example/ankara", "", articleAnkara, day(24))
	return f
}

// annotatorVersion is the version herald export annotates with for a
// config without [nlp] additions: annotations saved under it are current.
func annotatorVersion(t testing.TB) string {
	t.Helper()
	ann, err := nlp.New(nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ann.Version()
}

func (f exportFixture) run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"--config", f.cfg, "export"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// splitExport splits a markdown export into its front matter (key: value,
// strings unquoted) and its body.
func splitExport(t *testing.T, out string) (map[string]string, string) {
	t.Helper()
	rest, ok := strings.CutPrefix(out, "---\n")
	fm, body, closed := strings.Cut(rest, "\n---\n")
	if !ok || !closed {
		t.Fatalf("no front matter in:\n%s", out)
	}
	m := map[string]string{}
	for _, line := range strings.Split(fm, "\n") {
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("front matter line %q", line)
		}
		if strings.HasPrefix(v, `"`) {
			if err := json.Unmarshal([]byte(v), &v); err != nil {
				t.Fatalf("front matter %s: %v", line, err)
			}
		}
		m[k] = v
	}
	return m, body
}

// mdBlock is one top-level block of parsed markdown.
type mdBlock struct {
	kind     string   // h2, p, quote, table, ...
	text     string   // as rendered (a table: rows, cells joined by |)
	links    []string // destinations of the links inside the block
	emphasis bool     // escaped text must have none
}

// parseMarkdown parses an export's body as GitHub-flavoured markdown.
func parseMarkdown(t *testing.T, src string) []mdBlock {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
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
				switch c.(type) {
				case *extast.TableRow, *extast.TableHeader:
					sb.WriteString("\n")
				}
				return ast.WalkContinue, nil
			}
			switch v := c.(type) {
			case *ast.Text:
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

func TestExportMarkdownByArticle(t *testing.T) {
	f := newExportFixture(t)
	before := time.Now().Add(-time.Second)
	code, out, errOut := f.run(t, "--leader", "keir starmer", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	fm, body := splitExport(t, out)
	for k, want := range map[string]string{"title": "herald export", "query": "leader: Keir Starmer", "herald": version,
		"articles": "2", "statements": "2", "direct": "2", "reported": "0", "speakers": "1"} {
		if fm[k] != want {
			t.Errorf("front matter %s = %q, want %q", k, fm[k], want)
		}
	}
	if g, err := time.Parse(time.RFC3339, fm["generated"]); err != nil || g.Before(before.Truncate(time.Second)) || g.After(time.Now()) {
		t.Errorf("generated %q (%v)", fm["generated"], err)
	}
	blocks := parseMarkdown(t, body)
	// One source block per article (newest first), its quote and the
	// quote's attribution; then the table of mentions.
	if got, want := blockKinds(blocks), "h2 p quote p h2 p quote p h2 table"; got != want {
		t.Fatalf("structure %q, want %q\n%s", got, want, out)
	}
	kyivHead, kyivMeta, kyivQuote, kyivWho := blocks[0], blocks[1], blocks[2], blocks[3]
	if kyivHead.text != "Zelensky thanks allies" || len(kyivHead.links) != 1 || kyivHead.links[0] != "https://europe.example/kyiv" {
		t.Errorf("source heading %+v", kyivHead)
	}
	if kyivMeta.text != "Europe Wire · 2025-11-22 09:00 UTC" {
		t.Errorf("source line %q", kyivMeta.text)
	}
	if kyivQuote.text != "“[Our] support is [not](http://x.example) up for debate.”" || kyivQuote.emphasis || len(kyivQuote.links) != 0 {
		t.Errorf("quote %+v (want literal brackets, no link)", kyivQuote)
	}
	if kyivWho.text != "— Keir Starmer, Prime Minister of the United Kingdom, replied · in context" || len(kyivWho.links) != 1 ||
		!strings.HasPrefix(kyivWho.links[0], "https://europe.example/kyiv#:~:text=%5BOur%5D%20support%20is%20%5Bnot%5D") {
		t.Errorf("attribution %+v", kyivWho)
	}
	if blocks[5].text != "World Desk · by Jane Doe · 2025-11-20 09:00 UTC" {
		t.Errorf("source line %q", blocks[5].text)
	}
	// The comma belongs to the sentence around the quote.
	if blocks[6].text != "“We will stand together on Ukraine”" {
		t.Errorf("quote %q", blocks[6].text)
	}
	table := blocks[9].text
	for _, row := range []string{"Keir Starmer|leader|2|2", "United Kingdom|country|2|2", "France|country|1|1"} {
		if !strings.Contains(table, row) {
			t.Errorf("table lacks row %q:\n%s", row, table)
		}
	}
	if strings.Contains(out, "Every shell") || strings.Contains(table, "Erdo") {
		t.Errorf("other speakers or unmatched articles leaked in:\n%s", out)
	}

	// Reported speech: a paragraph, never between quotation marks.
	code, out, errOut = f.run(t, "--leader", "zelensky", "-o", "-")
	_, body = splitExport(t, out)
	blocks = parseMarkdown(t, body)
	if code != exitOK || blockKinds(blocks) != "h2 p p quote p h2 table" {
		t.Fatalf("exit %d, structure %q: %s\n%s", code, blockKinds(blocks), errOut, out)
	}
	if r := blocks[2].text; !strings.HasPrefix(r, "Volodymyr Zelensky, ") || !strings.Contains(r, ", thanked (reported): Britain for its support · in context") ||
		strings.ContainsAny(r, "“”\"") {
		t.Errorf("reported speech %q", r)
	}
	if q := blocks[3]; q.emphasis || q.text != "“Every shell matters *today*”" {
		t.Errorf("markdown in a quote was not escaped: %+v", q)
	}
}

func TestExportGroupBySpeakerAndNamesMatchLikePickers(t *testing.T) {
	f := newExportFixture(t)
	tests := []struct {
		name     string
		args     []string
		speakers []string // the h2 sections before "Mentioned"
		query    string
	}{
		{"alias and country alias", []string{"--leader", "Zelenskyy", "--country", "UK"}, []string{"Volodymyr Zelensky"}, "leader: Volodymyr Zelensky; country: United Kingdom"},
		{"surname, no case", []string{"--leader", "MACRON"}, []string{"Emmanuel Macron"}, "leader: Emmanuel Macron"},
		{"demonym", []string{"--country", "french"}, []string{"Keir Starmer", "Emmanuel Macron"}, "country: France"},
		{"two countries AND", []string{"--country", "Britain", "--country", "Ukraine"}, []string{"Volodymyr Zelensky", "Keir Starmer"}, "country: United Kingdom; country: Ukraine"},
		{"feed by title", []string{"--feed", "europe wire"}, []string{"Volodymyr Zelensky", "Keir Starmer"}, "feed: Europe Wire"},
		{"feed by URL", []string{"--feed", "https://europe.example/rss", "--leader", "starmer"}, []string{"Keir Starmer"}, "feed: Europe Wire; leader: Keir Starmer"},
		{"fuzzy fallback", []string{"--leader", "zelnsky"}, []string{"Volodymyr Zelensky"}, "leader: Volodymyr Zelensky"},
		{"since a date", []string{"--since", "2025-11-21", "--country", "United Kingdom"}, []string{"Volodymyr Zelensky", "Keir Starmer"}, "country: United Kingdom; since: 2025-11-21 00:00 (2025-11-21)"},
		{"tag", []string{"--tag", "EUROPE", "--leader", "starmer"}, []string{"Keir Starmer"}, "tag: europe; leader: Keir Starmer"},
		{"until a date", []string{"--until", "2025-11-20", "--country", "France"}, []string{"Keir Starmer", "Emmanuel Macron"}, "country: France; until: 2025-11-20 (the whole day)"},
		{"search", []string{"--search", "shell"}, []string{"Volodymyr Zelensky", "Keir Starmer"}, `search: "shell"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := f.run(t, append(tt.args, "--group", "speaker", "-o", "-")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			fm, body := splitExport(t, out)
			var speakers []string
			for _, b := range parseMarkdown(t, body) {
				if b.kind == "h2" && b.text != "Mentioned" {
					speakers = append(speakers, b.text)
				}
			}
			if strings.Join(speakers, "; ") != strings.Join(tt.speakers, "; ") {
				t.Errorf("speakers %q, want %q\n%s", speakers, tt.speakers, out)
			}
			if fm["query"] != tt.query {
				t.Errorf("query %q, want %q", fm["query"], tt.query)
			}
		})
	}
	// Grouped by speaker, each article is cited once per speaker.
	_, out, _ := f.run(t, "--feed", "europe wire", "--group", "speaker", "-o", "-")
	if n := strings.Count(out, "From [Zelensky thanks allies]"); n != 2 {
		t.Errorf("the article is cited %d times for two speakers:\n%s", n, out)
	}
}

// A reported statement that repeats a direct one is exported once.
func TestExportDropsTheReportedFormOfAQuote(t *testing.T) {
	f := newExportFixture(t)
	code, out, errOut := f.run(t, "--leader", "macron", "--format", "json", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], `"kind":"direct","quote":"frank and useful","cue":"called"`) {
		t.Errorf("want only the direct quote:\n%s", out)
	}
}

func TestExportJSONAndCSV(t *testing.T) {
	f := newExportFixture(t)
	code, out, errOut := f.run(t, "--country", "ukraine", "--format", "json", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sch := exportSchema(t)
	var recs []export.Record
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		validateLine(t, sch, line)
		var r export.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3:\n%s", len(recs), out)
	}
	want := []string{"indirect|Britain for its support|thanked", "direct|Every shell matters *today*,|told",
		"direct|[Our] support is [not](http://x.example) up for debate.|replied"}
	for i, r := range recs {
		if got := r.Kind + "|" + r.Quote + "|" + r.Cue; got != want[i] {
			t.Errorf("record %d: %s, want %s", i, got, want[i])
		}
		if r.Schema != 1 || r.Title != "Zelensky thanks allies" || r.URL != "https://europe.example/kyiv" ||
			r.Feed != "Europe Wire" || r.Published == nil || *r.Published != "2025-11-22T09:00:00Z" || r.SpeakerID == nil {
			t.Errorf("record %d: %+v", i, r)
		}
	}

	code, out, errOut = f.run(t, "--country", "ukraine", "--format", "csv", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "schema" || rows[0][5] != "quote" {
		t.Fatalf("csv rows %q", rows)
	}
	for i, r := range recs {
		if rows[i+1][5] != r.Quote || rows[i+1][1] != *r.SpeakerID || rows[i+1][12] != *r.Published {
			t.Errorf("csv row %d %q differs from JSON %+v", i+1, rows[i+1], r)
		}
	}
}

func TestExportBadUsage(t *testing.T) {
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
		{[]string{"--tag", "sport"}, "the tags are europe, uk, world"},
		{[]string{"--since", "yesterday"}, "--since"},
		{[]string{"--since", "-3d"}, "--since"},
		{[]string{"--until", "soon"}, "--until"},
		{[]string{"--since", "2025-11-22", "--until", "2025-11-21T00:00:00Z"}, "is not before --until"},
		{[]string{"--format", "pdf"}, "markdown, json or csv"},
		{[]string{"--group", "feed"}, "article or speaker"},
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
	left, err := st.Unannotated(annotatorVersion(t), 0)
	if err != nil || len(left) != 0 {
		t.Errorf("unannotated after export: %v (%v)", left, err)
	}
	fm, _ := splitExport(t, out)
	if _, ok := fm["query"]; ok {
		t.Errorf("an unfiltered export has a query: %q", fm["query"])
	}
	for _, who := range []string{"— Keir Starmer", "— Emmanuel Macron", "— Volodymyr Zelensky"} {
		if !strings.Contains(out, who) {
			t.Errorf("unfiltered export lacks %s", who)
		}
	}
}

func TestExportGoesToStdoutOrANewFile(t *testing.T) {
	f := newExportFixture(t)
	today := time.Now().Format("2006-01-02")

	// Standard output is not a terminal (a pipe, as in herald export | head).
	code, out, errOut := f.run(t, "--leader", "Starmer")
	if code != exitOK || !strings.HasPrefix(out, "---\ntitle: ") || strings.Contains(errOut, "wrote") {
		t.Fatalf("to a pipe: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	stdoutIsTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { stdoutIsTerminal = func(io.Writer) bool { return false } })
	want := []string{
		filepath.Join(f.exports, today+"-leader-keir-starmer-country-france.md"),
		filepath.Join(f.exports, today+"-leader-keir-starmer-country-france-2.md"),
	}
	for i, path := range want {
		code, out, errOut := f.run(t, "--leader", "Starmer", "--country", "France")
		if code != exitOK || out != "" {
			t.Fatalf("run %d: exit %d, stdout %q, stderr %s", i, code, out, errOut)
		}
		if !strings.Contains(errOut, "wrote "+path+" (1 statement)") {
			t.Errorf("run %d: stderr %q does not name %s", i, errOut, path)
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), "---\ntitle: \"herald export\"\n") {
			t.Errorf("run %d: %s: %v %q", i, path, err, data)
		}
	}
	code, _, errOut = f.run(t, "--tag", "europe", "--format", "csv")
	if code != exitOK || !strings.Contains(errOut, filepath.Join(f.exports, today+"-tag-europe.csv")) {
		t.Errorf("csv: exit %d, stderr %q", code, errOut)
	}
	// -o FILE: an existing file is kept and the export goes beside it.
	mine := filepath.Join(f.dir, "notes.md")
	if err := os.WriteFile(mine, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = f.run(t, "--country", "Ukraine", "-o", mine)
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
	// Without [export].dir: the current directory.
	cfg, err := os.ReadFile(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	noDir := filepath.Join(f.dir, "nodir.toml")
	if err := os.WriteFile(noDir, []byte(strings.Replace(string(cfg), "[export]", "[exportx]", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cwd := t.TempDir()
	t.Chdir(cwd)
	code, out, errOut = runCLI(t, "", "--config", noDir, "export", "--country", "Ukraine")
	wantPath := filepath.Join(cwd, today+"-country-ukraine.md")
	if _, err := os.Stat(wantPath); code != exitOK || out != "" || err != nil || !strings.Contains(errOut, wantPath) {
		t.Errorf("no export dir: exit %d, stat %v, stderr %q", code, err, errOut)
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
	// --until a date includes that whole day.
	if got, err := parseWhen("--until", "2025-11-01", now, true); err != nil || !got.Equal(time.Date(2025, 11, 2, 0, 0, 0, 0, time.Local)) {
		t.Errorf("--until 2025-11-01 = %v, %v", got, err)
	}
	if got, err := parseWhen("--until", "2d", now, true); err != nil || !got.Equal(now.AddDate(0, 0, -2)) {
		t.Errorf("--until 2d = %v, %v", got, err)
	}
}

var generatedLine = regexp.MustCompile(`(?m)^generated: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$`)

// versionLine is the front matter's herald version, which comes from the
// build (a module version, a VCS revision or "devel").
var versionLine = regexp.MustCompile(`(?m)^herald: ".*"$`)

// TestExportGolden compares whole exports, one per format and grouping,
// with testdata/export; run with HERALD_UPDATE_GOLDEN=1 to rewrite them
// after a deliberate change.
func TestExportGolden(t *testing.T) {
	f := newExportFixture(t)
	// Until the 23rd: the article left for the annotator is out.
	base := []string{"--until", "2025-11-23"}
	tests := []struct {
		file string
		args []string
	}{
		{"by-article.md", []string{"--group", "article"}},
		{"by-speaker.md", []string{"--group", "speaker"}},
		{"leader-keir-starmer.md", []string{"--leader", "Keir Starmer"}},
		{"statements.jsonl", []string{"--format", "json"}},
		{"statements.csv", []string{"--format", "csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, out, errOut := f.run(t, append(append(base, tt.args...), "-o", "-")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			got := out
			if strings.HasSuffix(tt.file, ".md") {
				if !generatedLine.MatchString(out) {
					t.Fatalf("no generated line in:\n%s", out)
				}
				got = generatedLine.ReplaceAllString(out, "generated: (date)")
				got = versionLine.ReplaceAllString(got, "herald: (version)")
			}
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

// TestExportSampleFeed exports the embedded sample feed in each grouping
// and format: goldmark finds one blockquote per direct statement, and each
// JSON line validates against the documented schema. With
// HERALD_EXPORT_SAMPLES=DIR the markdown is kept there for markdownlint
// (.ci/run).
func TestExportSampleFeed(t *testing.T) {
	dir := isolate(t)
	cfg := fetchConfig(t, dir, "herald:world.xml")
	if code, _, errOut := runCLI(t, "", "--config", cfg, "fetch"); code != exitOK {
		t.Fatalf("fetch: exit %d: %s", code, errOut)
	}
	exportOut := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, "", append([]string{"--config", cfg, "export", "-o", "-"}, args...)...)
		if code != exitOK {
			t.Fatalf("export %v: exit %d: %s", args, code, errOut)
		}
		return out
	}
	sch := exportSchema(t)
	keep := os.Getenv("HERALD_EXPORT_SAMPLES")
	for _, filter := range [][]string{nil, {"--leader", "Starmer"}, {"--country", "Ukraine"}} {
		direct, total := 0, 0
		jsonOut := exportOut(append([]string{"--format", "json"}, filter...)...)
		for _, line := range strings.Split(strings.TrimSuffix(jsonOut, "\n"), "\n") {
			if line == "" {
				continue
			}
			validateLine(t, sch, line)
			total++
			if strings.Contains(line, `"kind":"direct"`) {
				direct++
			}
		}
		if total == 0 || direct == 0 {
			t.Fatalf("%v: %d statements, %d direct: the sample should have some", filter, total, direct)
		}
		for _, group := range []string{"article", "speaker"} {
			out := exportOut(append([]string{"--group", group}, filter...)...)
			fm, body := splitExport(t, out)
			quotes := 0
			for _, b := range parseMarkdown(t, body) {
				if b.kind == "quote" {
					quotes++
					if b.emphasis || len(b.links) > 0 || !strings.HasPrefix(b.text, "“") || !strings.HasSuffix(b.text, "”") {
						t.Errorf("%v %s: quote block %+v", filter, group, b)
					}
				}
			}
			if quotes != direct || fm["direct"] != strconv.Itoa(direct) || fm["statements"] != strconv.Itoa(total) {
				t.Errorf("%v %s: %d blockquotes, front matter %v; JSON has %d direct of %d", filter, group, quotes, fm, direct, total)
			}
			if strings.Contains(out, "\n\n\n") || strings.HasSuffix(out, "\n\n") {
				t.Errorf("%v %s: extra blank lines", filter, group)
			}
			if keep != "" {
				name := fmt.Sprintf("sample-by-%s-%s.md", group, strings.ReplaceAll(strings.Join(append([]string{"all"}, filter...), "-"), "--", ""))
				if err := os.WriteFile(filepath.Join(keep, name), []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func exportSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(export.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("statement.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("statement.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateLine(t *testing.T, sch *jsonschema.Schema, line string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s\ndoes not validate: %v", line, err)
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
	version := annotatorVersion(b)
	starmer := fxSpan{"Keir Starmer", nlp.KindPerson, "keir-starmer", "Keir Starmer", true}
	macron := fxSpan{"Emmanuel Macron", nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true}
	london := fxSpan{"London", nlp.KindCountry, "united-kingdom", "United Kingdom", false}
	for _, a := range list {
		art, err := st.Article(a.ID)
		if err != nil {
			b.Fatal(err)
		}
		doc := fxDoc(b, art.Text, []fxSpan{starmer, macron, london}, []fxQuote{
			{words: "We talked about trade", speakerID: "keir-starmer", speakerName: "Keir Starmer"},
			{words: "And about security,", speakerID: "emmanuel-macron", speakerName: "Emmanuel Macron"},
			{words: "Nothing was agreed,", speakerID: "keir-starmer", speakerName: "Keir Starmer"},
			{words: "We meet again in May,", speakerID: "emmanuel-macron", speakerName: "Emmanuel Macron"},
			{words: "Good,", speakerID: "keir-starmer", speakerName: "Keir Starmer"},
		})
		if err := st.SaveAnnotation(a.ID, art.Hash, version, doc); err != nil {
			b.Fatal(err)
		}
	}
	return f
}

// BenchmarkExport10kStatements: 2,000 articles with 10,000 statements,
// exported whole and for one leader (6,000 of them), as markdown and as
// JSON lines. Budget: 300 ms.
func BenchmarkExport10kStatements(b *testing.B) {
	f := benchExportStore(b, 2000)
	for _, args := range [][]string{
		{"--format", "markdown"}, {"--format", "json"},
		{"--format", "markdown", "--leader", "Starmer"}, {"--format", "json", "--leader", "Starmer"},
	} {
		b.Run(strings.Join(args, " "), func(b *testing.B) {
			// On a shared machine wall time mostly measures the queue for
			// a core: report the process's CPU time per export too.
			cpu0, _ := cputime.Process()
			defer func() {
				cpu1, _ := cputime.Process()
				b.ReportMetric(float64((cpu1-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
			}()
			for i := 0; i < b.N; i++ {
				var out, errb bytes.Buffer
				if code := run(append([]string{"--config", f.cfg, "export", "-o", "-"}, args...), strings.NewReader(""), &out, &errb); code != 0 {
					b.Fatalf("exit %d: %s", code, errb.String())
				}
				n := strings.Count(out.String(), "\n> “")
				if args[1] == "json" {
					n = strings.Count(out.String(), "\n")
				}
				if n < 6000 {
					b.Fatalf("%d statements exported", n)
				}
			}
		})
	}
}

// An export marks the articles it quotes, so that retention never prunes
// them; without the export the same cap removes the older article.
func TestExportKeepsItsArticlesFromRetention(t *testing.T) {
	prune := func(f exportFixture) (store.PruneStats, []store.ArticleSummary) {
		t.Helper()
		st, err := store.Open(f.db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		st.SetRetention(store.Retention{PerFeed: 1})
		ps, err := st.Prune()
		if err != nil {
			t.Fatal(err)
		}
		left, err := st.Articles(store.ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return ps, left
	}
	has := func(list []store.ArticleSummary, link string) bool {
		for _, a := range list {
			if a.Link == link {
				return true
			}
		}
		return false
	}

	control := newExportFixture(t)
	if ps, left := prune(control); ps.Articles != 1 || has(left, "https://world.example/paris") {
		t.Fatalf("control: pruned %d, paris kept %v; want the older world article pruned", ps.Articles, has(left, "https://world.example/paris"))
	}

	f := newExportFixture(t)
	if code, _, errOut := f.run(t, "--leader", "keir starmer", "-o", "-"); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	if ps, left := prune(f); ps.Articles != 0 || !has(left, "https://world.example/paris") {
		t.Errorf("after an export: pruned %d, paris kept %v; want nothing pruned", ps.Articles, has(left, "https://world.example/paris"))
	}
}
