package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/herald-reader/herald/nlp"
)

func sampleReport() Report {
	starmer := &nlp.Speaker{ID: "keir-starmer", Name: "Keir Starmer", Leader: true}
	doc := nlp.Doc{
		Text: "…",
		Entities: []nlp.Entity{
			{Kind: nlp.KindPerson, ID: "keir-starmer", Name: "Keir Starmer", Leader: true},
			{Kind: nlp.KindPerson, ID: "keir-starmer", Name: "Keir Starmer", Leader: true},
			{Kind: nlp.KindCountry, ID: "france", Name: "France"},
		},
		Statements: []nlp.Statement{
			{Kind: nlp.KindDirect, Quote: "We *will* [win](http://evil) <b>now</b> # 1. | x", Speaker: starmer},
			{Kind: nlp.KindDirect, Quote: "Nobody knows.", Speaker: nil},
			{Kind: nlp.KindIndirect, Quote: "talks would resume", Speaker: starmer},
		},
	}
	return Report{
		Title:     "Statements: Talks",
		Filters:   []string{"leader: Keir Starmer"},
		Generated: time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC),
		Articles: []Article{{Title: "Talks_in [Paris]", Feed: "Wire", Link: "https://example.org/a b",
			Published: time.Date(2025, 11, 19, 0, 0, 0, 0, time.UTC), Doc: doc}},
	}
}

func TestMarkdownStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sampleReport()); err != nil {
		t.Fatal(err)
	}
	src := buf.Bytes()
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	root := md.Parser().Parse(text.NewReader(src))

	var headings []string
	quotes, links, tables, emph, raw := 0, 0, 0, 0, 0
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, strings.Repeat("#", n.Level)+" "+string(n.Text(src)))
		case *ast.Blockquote:
			quotes++
		case *ast.Link:
			links++
			if string(n.Destination) != "https://example.org/a%20b" {
				t.Errorf("link destination %q", n.Destination)
			}
		case *extast.Table:
			tables++
		case *ast.Emphasis:
			if !strings.Contains(string(n.Text(src)), "reported") {
				emph++
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			raw++
		}
		return ast.WalkContinue, nil
	})
	want := []string{"# Statements: Talks", "## Keir Starmer (leader)", "## Unattributed", "## Mentioned"}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings = %q, want %q", headings, want)
	}
	if quotes != 3 || tables != 1 {
		t.Errorf("blockquotes %d (want 3), tables %d (want 1)\n%s", quotes, tables, src)
	}
	if links != 3 {
		t.Errorf("links %d: only the source links may be links (the quote's [win](...) must be escaped)\n%s", links, src)
	}
	if emph != 0 || raw != 0 {
		t.Errorf("quote markup leaked: %d emphasis, %d raw HTML\n%s", emph, raw, src)
	}
	if !strings.Contains(buf.String(), "| France | country | 1 | 1 |") || !strings.Contains(buf.String(), "| Keir Starmer | leader | 2 | 1 |") {
		t.Errorf("mention table wrong:\n%s", src)
	}
}

func TestEscapeRendersLiterally(t *testing.T) {
	md := goldmark.New()
	for _, s := range []string{"# not a heading", "- not a list", "1. not a list", "a *b* _c_ `d` <e> [f](g) & h", "> no quote", `back\slash`} {
		var out bytes.Buffer
		if err := md.Convert([]byte(Escape(s)), &out); err != nil {
			t.Fatal(err)
		}
		html := out.String()
		for _, tag := range []string{"<h1", "<ul", "<ol", "<em", "<code", "<a ", "<blockquote", "<e>"} {
			if strings.Contains(html, tag) {
				t.Errorf("Escape(%q) renders %s: %s", s, tag, html)
			}
		}
	}
}

func TestNoStatements(t *testing.T) {
	var buf bytes.Buffer
	Write(&buf, Report{Title: "Empty"})
	if !strings.Contains(buf.String(), "No statements found.") {
		t.Errorf("got %q", buf.String())
	}
}
