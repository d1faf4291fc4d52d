package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/herald-reader/herald/nlp"
)

var hostileQuotes = []string{
	"*not emphasis* and _not either_ or __bold__",
	"a | table | pipe",
	"<script>alert(1)</script> &amp; <b>bold</b>",
	"`code` and ``more code``",
	"> not a nested quote",
	"- not a list item",
	"# not a heading",
	"1. not an ordered list",
	"[x](http://evil) and ![img](http://evil/i.png) and [ref][1]",
	"see http://bare.example/x, www.bare.example and mail@bare.example",
	"a \\ backslash and a trailing one \\",
	"tabs\tand\nnewlines",
	"\"quotes\" ‘single’ “double” — dashes - and & ampersands, commas",
}

func hostileExport() *Export {
	a := &Article{ID: 7, Title: "*Bold* [title](http://evil) <i>", Feed: "Feed | One", Author: "_Ann_",
		Link: "https://news.example/a?x=1&y=2", Published: time.Date(2025, 11, 22, 9, 5, 0, 0, time.UTC)}
	e := &Export{Query: Query{Leaders: []Ref{{ID: "p", Name: "P*"}}}, Articles: []*Article{a}}
	for i, q := range hostileQuotes {
		e.Statements = append(e.Statements, Statement{Article: a, Statement: nlp.Statement{Kind: nlp.KindDirect,
			Quote: q, Start: i * 100, End: i*100 + len(q), Cue: "said", Confidence: 0.75,
			Speaker: &nlp.Speaker{ID: "p", Name: "Pat *Smith*", Leader: true}}})
	}
	return e
}

// mdDoc is a parsed export: the blockquotes' text as rendered, and what
// markup the parser found.
type mdDoc struct {
	quotes    []string
	links     []string
	emphasis  int
	code      int
	html      int
	autolinks int
	headings  []string
}

func parseMD(t *testing.T, src []byte) mdDoc {
	t.Helper()
	body := stripFrontMatter(t, src)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	root := md.Parser().Parse(text.NewReader(body))
	var d mdDoc
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Blockquote:
			d.quotes = append(d.quotes, plain(v, body))
		case *ast.Heading:
			d.headings = append(d.headings, plain(v, body))
		case *ast.Link:
			d.links = append(d.links, string(v.Destination))
		case *ast.AutoLink:
			d.autolinks++
		case *ast.Emphasis:
			d.emphasis++
		case *ast.CodeSpan:
			d.code++
		case *ast.RawHTML, *ast.HTMLBlock:
			d.html++
		}
		return ast.WalkContinue, nil
	})
	return d
}

// plain is a node's text as a reader sees it.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := c.(type) {
		case *ast.Text:
			b.Write(util.UnescapePunctuations(v.Value(src)))
			if v.SoftLineBreak() {
				b.WriteString(" ")
			}
		case *ast.String:
			b.Write(v.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func stripFrontMatter(t *testing.T, src []byte) []byte {
	t.Helper()
	s := string(src)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("no front matter:\n%s", s)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("front matter not closed:\n%s", s)
	}
	return []byte(s[4+end+5:])
}

func TestHostileQuotesRenderLiterally(t *testing.T) {
	for _, g := range []Group{ByArticle, BySpeaker} {
		out, err := Bytes(hostileExport(), Options{Format: Markdown, Group: g})
		if err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("HERALD_EXPORT_SAMPLES"); dir != "" { // for markdownlint in .ci/run
			if err := os.WriteFile(filepath.Join(dir, "hostile-by-"+string(g)+".md"), out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		d := parseMD(t, out)
		if len(d.quotes) != len(hostileQuotes) {
			t.Fatalf("%s: %d blockquotes, want %d:\n%s", g, len(d.quotes), len(hostileQuotes), out)
		}
		for i, q := range hostileQuotes {
			want := "“" + QuoteText(q) + "”"
			if d.quotes[i] != want {
				t.Errorf("%s: quote %d renders as\n%q\nwant\n%q", g, i, d.quotes[i], want)
			}
		}
		if d.emphasis+d.code+d.html+d.autolinks > 0 {
			t.Errorf("%s: markup leaked: %d emphasis, %d code, %d html, %d autolinks\n%s", g, d.emphasis, d.code, d.html, d.autolinks, out)
		}
		for _, l := range d.links {
			if strings.Contains(l, "://evil") || !strings.HasPrefix(l, "https://news.example/a?x=1&y=2") {
				t.Errorf("%s: unexpected link %q", g, l)
			}
		}
		if bytes.Contains(out, []byte("\n\n\n")) || !bytes.HasSuffix(out, []byte("\n")) || bytes.HasSuffix(out, []byte("\n\n")) {
			t.Errorf("%s: blank lines or trailing newlines wrong:\n%q", g, out)
		}
	}
}

func TestHostileQuotesRoundTripInJSONAndCSV(t *testing.T) {
	e := hostileExport()
	out, err := Bytes(e, Options{Format: JSON})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(hostileQuotes) {
		t.Fatalf("%d JSON lines, want %d", len(lines), len(hostileQuotes))
	}
	sch := compileSchema(t)
	for i, l := range lines {
		var r Record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if r.Quote != hostileQuotes[i] || r.Title != e.Articles[0].Title || r.Feed != "Feed | One" {
			t.Errorf("line %d: %+v", i+1, r)
		}
		validate(t, sch, l)
	}

	out, err = Bytes(e, Options{Format: CSV})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(hostileQuotes)+1 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("csv: %d rows, header %v", len(rows), rows[0])
	}
	for i, q := range hostileQuotes {
		// encoding/csv reads \r\n inside a field as \n; the quotes here have none.
		if got := rows[i+1][5]; got != q {
			t.Errorf("csv row %d quote %q, want %q", i+1, got, q)
		}
		if rows[i+1][1] != "p" || rows[i+1][12] != "2025-11-22T09:05:00Z" || rows[i+1][7] != "0.75" {
			t.Errorf("csv row %d: %v", i+1, rows[i+1])
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
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

func validate(t *testing.T, sch *jsonschema.Schema, line string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s\ndoes not validate: %v", line, err)
	}
}

// The schema is strict enough to catch a wrong line.
func TestSchemaRejectsBadLines(t *testing.T) {
	sch := compileSchema(t)
	good := `{"schema":1,"speaker_id":null,"speaker_name":null,"leader":false,"kind":"indirect","quote":"q","cue":"","confidence":0.5,"article_id":1,"title":"t","url":"","feed":"f","published":null}`
	validate(t, sch, good)
	for _, bad := range []string{
		strings.Replace(good, `"schema":1`, `"schema":2`, 1),
		strings.Replace(good, `"indirect"`, `"quoted"`, 1),
		strings.Replace(good, `"confidence":0.5`, `"confidence":"high"`, 1),
		strings.Replace(good, `"published":null`, `"published":"yesterday"`, 1),
		strings.Replace(good, `"quote":"q",`, ``, 1),
		strings.Replace(good, `"schema":1`, `"schema":1,"extra":true`, 1),
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

func TestMarkdownShape(t *testing.T) {
	a := &Article{ID: 1, Title: "Talks", Feed: "Wire", Link: "https://w.example/t", Published: time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)}
	b := &Article{ID: 2, Title: "More talks", Feed: "Wire", Author: "Jo Reporter", Link: "https://w.example/m"}
	sp := &nlp.Speaker{ID: "keir-starmer", Name: "Keir Starmer", Leader: true}
	e := &Export{Articles: []*Article{a, b}, Roles: map[string]string{"keir-starmer": "Prime Minister"},
		Generated: time.Date(2025, 11, 25, 10, 0, 0, 0, time.UTC), Version: "1.2.3",
		Query: Query{Leaders: []Ref{{ID: "keir-starmer", Name: "Keir Starmer"}}}}
	add := func(art *Article, kind, quote, cue string, speaker *nlp.Speaker) {
		e.Statements = append(e.Statements, Statement{Article: art, Statement: nlp.Statement{Kind: kind, Quote: quote, Cue: cue, Speaker: speaker}})
	}
	add(a, nlp.KindDirect, "I do not agree with Trump,", "said", sp)
	add(a, nlp.KindDirect, "We will stand together.", "added", sp)
	add(a, nlp.KindIndirect, "the talks were useful", "said", sp)
	add(b, nlp.KindDirect, "Next week;", "", nil)
	add(b, nlp.KindDirect, "And then more.", "carry-over", sp)
	out, err := Bytes(e, Options{Format: Markdown})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"---\ntitle: \"herald export\"\nquery: \"leader: Keir Starmer\"\ngenerated: 2025-11-25T10:00:00Z\nherald: \"1.2.3\"\narticles: 2\nstatements: 5\ndirect: 4\nreported: 1\nspeakers: 1\n---\n",
		"## [Talks](<https://w.example/t>)\n\nWire · 2025-11-20 09:00 UTC\n\n> “I do not agree with Trump”\n\n— Keir Starmer, Prime Minister, said · [in context](<https://w.example/t#:~:text=I%20do%20not%20agree%20with%20Trump>)\n\n> “We will stand together.”\n",
		"\nKeir Starmer, Prime Minister, said (reported): the talks were useful · [in context](",
		"## [More talks](<https://w.example/m>)\n\nWire · by Jo Reporter\n\n> “Next week”\n\n— Unattributed · [in context]",
		"> “And then more.”\n\n— Keir Starmer, Prime Minister · [in context]",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("markdown lacks\n%s\n--- in ---\n%s", want, s)
		}
	}
	if strings.Count(s, "## [Talks]") != 1 {
		t.Errorf("the source block is repeated:\n%s", s)
	}
	if strings.Contains(s, "“the talks were useful") || strings.Contains(s, "> the talks") {
		t.Errorf("reported speech is quoted:\n%s", s)
	}
	if !strings.HasSuffix(s, "\n") || strings.HasSuffix(s, "\n\n") {
		t.Errorf("want exactly one trailing newline: %q", s[len(s)-20:])
	}
	lines := strings.Split(s, "\n")
	for i := 1; i+1 < len(lines); i++ {
		if lines[i] == "" && strings.HasPrefix(lines[i-1], ">") && strings.HasPrefix(lines[i+1], ">") {
			t.Errorf("blank line between blockquotes at line %d", i+1)
		}
	}

	out, err = Bytes(e, Options{Format: Markdown, Group: BySpeaker})
	if err != nil {
		t.Fatal(err)
	}
	s = string(out)
	for _, want := range []string{
		"## Keir Starmer\n\nPrime Minister\n\nFrom [Talks](<https://w.example/t>) · Wire · 2025-11-20 09:00 UTC\n\n> “I do not agree with Trump”\n\n— Keir Starmer said · [in context]",
		"## Unattributed\n\nFrom [More talks](<https://w.example/m>) · Wire · by Jo Reporter\n\n> “Next week”\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("speaker markdown lacks\n%s\n--- in ---\n%s", want, s)
		}
	}
	if strings.Count(s, "From [Talks]") != 1 {
		t.Errorf("the article is cited more than once for one speaker:\n%s", s)
	}
}

func TestQuoteText(t *testing.T) {
	for in, want := range map[string]string{
		"…agree with Trump,":  "…agree with Trump",
		"We will;":            "We will",
		"As follows: ":        "As follows",
		"Done.":               "Done.",
		"Really?":             "Really?",
		"two\n lines,\t":      "two lines",
		"Wait…":               "Wait…",
		"a, b, and c, ":       "a, b, and c",
		"a quote, then more:": "a quote, then more",
	} {
		if got := QuoteText(in); got != want {
			t.Errorf("QuoteText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFragmentURL(t *testing.T) {
	tests := []struct{ link, quote, want string }{
		{"https://a.example/p", "Hello, world - and you & me", "https://a.example/p#:~:text=Hello%2C%20world%20%2D%20and%20you%20%26%20me"},
		{"https://a.example/p#top", "short", "https://a.example/p#top:~:text=short"},
		{"https://a.example/p", "one two three four five six seven eight nine", "https://a.example/p#:~:text=one%20two%20three%20four,six%20seven%20eight%20nine"},
		{"https://a.example/p", "Erdoğan", "https://a.example/p#:~:text=Erdo%C4%9Fan"},
		{"file:///tmp/x", "words", ""},
		{"", "words", ""},
	}
	for _, tt := range tests {
		if got := FragmentURL(tt.link, tt.quote); got != tt.want {
			t.Errorf("FragmentURL(%q, %q) = %q, want %q", tt.link, tt.quote, got, tt.want)
		}
	}
}

func TestDedupPrefersTheDirectStatement(t *testing.T) {
	a, b := &Article{ID: 1}, &Article{ID: 2}
	st := func(art *Article, kind, quote string, start, end int) Statement {
		return Statement{Article: art, Statement: nlp.Statement{Kind: kind, Quote: quote, Start: start, End: end}}
	}
	in := []Statement{
		st(a, nlp.KindIndirect, "that the door remains open to new talks", 10, 50), // contains the direct one
		st(a, nlp.KindDirect, "the door remains open", 15, 36),
		st(a, nlp.KindIndirect, "door remains", 20, 32),                          // inside the direct one
		st(a, nlp.KindIndirect, "that the economy will grow next year", 80, 116), // elsewhere: kept
		st(b, nlp.KindIndirect, "the door remains open", 15, 36),                 // another article: kept
		st(a, nlp.KindIndirect, "THE DOOR REMAINS OPEN, he said", 0, 0),          // no span, same words
		st(a, nlp.KindDirect, "a second direct quote that overlaps", 12, 40),     // direct: always kept
	}
	var got []string
	for _, s := range Dedup(in) {
		got = append(got, s.Kind+":"+s.Quote)
	}
	want := []string{"direct:the door remains open", "indirect:that the economy will grow next year",
		"indirect:the door remains open", "direct:a second direct quote that overlaps"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Dedup kept\n%q\nwant\n%q", got, want)
	}
}

func TestQueryLabelAndFileName(t *testing.T) {
	now := time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC)
	q := Query{FeedID: 3, FeedTitle: "Europe Wire", Tags: []string{"uk"}, Unread: true,
		Leaders: []Ref{{ID: "keir-starmer", Name: "Keir Starmer"}}, Countries: []Ref{{ID: "france", Name: "France"}},
		Search: "trade deal", Since: time.Date(2025, 11, 18, 9, 0, 0, 0, time.UTC), SinceText: "7d"}
	if got, want := q.Label(), `feed: Europe Wire; tag: uk; unread; leader: Keir Starmer; country: France; search: "trade deal"; since: 2025-11-18 09:00 (7d)`; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
	if got, want := q.FileName(now, JSON), "2025-11-25-feed-europe-wire-tag-uk-unread-leader-keir-starmer-country-france-search-trade-deal-since-7d.jsonl"; got != want {
		t.Errorf("FileName = %q, want %q", got, want)
	}
	one := Query{Article: 9, ArticleTitle: "Leaders meet in Geneva"}
	if got := one.FileName(now, Markdown); got != "2025-11-25-leaders-meet-in-geneva.md" {
		t.Errorf("article FileName = %q", got)
	}
	if one.Title() != "Leaders meet in Geneva" || (Query{}).Title() != "herald export" || (Query{}).Label() != "" {
		t.Errorf("titles %q %q, empty label %q", one.Title(), Query{}.Title(), Query{}.Label())
	}
	if got := (Query{Until: time.Date(2025, 11, 23, 0, 0, 0, 0, time.UTC)}).FileName(now, CSV); got != "2025-11-25-until-2025-11-23.csv" {
		t.Errorf("until FileName = %q", got)
	}
}

func TestParseFormatAndGroup(t *testing.T) {
	for in, want := range map[string]Format{"": Markdown, "md": Markdown, "JSON": JSON, "jsonl": JSON, "csv": CSV} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), "markdown, json or csv") {
		t.Errorf("ParseFormat(pdf): %v", err)
	}
	if g, err := ParseGroup("speaker"); err != nil || g != BySpeaker {
		t.Errorf("ParseGroup(speaker) = %q, %v", g, err)
	}
	if _, err := ParseGroup("feed"); err == nil {
		t.Error("ParseGroup(feed) accepted")
	}
}

func TestEmptyExport(t *testing.T) {
	out, err := Bytes(&Export{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(out), "---\n\nNo statements found.\n") {
		t.Errorf("empty export:\n%s", out)
	}
	for _, f := range []Format{JSON, CSV} {
		out, err := Bytes(&Export{}, Options{Format: f})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[Format]string{JSON: "", CSV: strings.Join(csvHeader, ",") + "\n"}[f]; string(out) != want {
			t.Errorf("%s: empty export %q, want %q", f, out, want)
		}
	}
}

// WriteJSON's hand-written encoder writes what encoding/json would.
func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	e := hostileExport()
	odd := &Article{ID: 3, Title: "bad \xff utf-8 \u2028 \u2029 \x00 \x1f \x7f é 😀", Feed: "\"f\"\\"}
	for _, q := range []string{"\x01\b\f\n\r\t<>&", "\xed\xa0\x80 surrogate", "", "plain"} {
		e.Statements = append(e.Statements, Statement{Article: odd, Statement: nlp.Statement{Kind: nlp.KindIndirect, Quote: q, Confidence: 1}})
	}
	e.Statements = append(e.Statements, Statement{Statement: nlp.Statement{Kind: nlp.KindDirect, Quote: "no article", Confidence: 0.123456789}})
	got, err := Bytes(e, Options{Format: JSON})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	for _, r := range Records(e) {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := strings.Split(string(got), "\n"), strings.Split(want.String(), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("line %d:\n got %s\nwant %s", i+1, got[i], want[i])
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d lines, want %d", len(got), len(want))
		}
	}
}

// Headings are unique and end without sentence punctuation, as
// markdownlint wants (MD024, MD026), whatever the titles are.
func TestHeadingsAreUniqueAndUnpunctuated(t *testing.T) {
	a := &Article{ID: 1, Title: "Talks end!", Feed: "Wire"}
	b := &Article{ID: 2, Title: "Talks end!", Feed: "Other wire"}
	c := &Article{ID: 3, Title: "Talks end:", Link: "https://c.example/x", Feed: "Wire"}
	sp := &nlp.Speaker{ID: "a", Name: "Mentioned"}
	e := &Export{Articles: []*Article{a, b, c}}
	for _, art := range e.Articles {
		e.Statements = append(e.Statements, Statement{Article: art, Statement: nlp.Statement{Kind: nlp.KindDirect, Quote: "Yes.", Speaker: sp}})
	}
	e.Mentions = []Mention{{Name: "Mentioned", Kind: "person", Mentions: 3, Articles: 3}}
	out, err := Bytes(e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("HERALD_EXPORT_SAMPLES"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "same-titles.md"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := parseMD(t, out).headings
	want := []string{"Talks end", "Talks end (2)", "Talks end:", "Mentioned"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("headings %q, want %q", got, want)
	}
	out, err = Bytes(e, Options{Group: BySpeaker})
	if err != nil {
		t.Fatal(err)
	}
	if got := parseMD(t, out).headings; strings.Join(got, "|") != "Mentioned|Mentioned (2)" {
		t.Errorf("speaker headings %q", got)
	}
}
