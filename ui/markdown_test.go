package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdDoc is what the export tests check in a markdown file, read back with
// a CommonMark parser.
type mdDoc struct {
	text     string
	headings []mdHeading
	quotes   []string // the text of each blockquote
	tables   int
}

type mdHeading struct {
	level int
	text  string
}

func (d mdDoc) hasHeading(level int, text string) bool {
	for _, h := range d.headings {
		if h.level == level && h.text == text {
			return true
		}
	}
	return false
}

// inlineText is the plain text of a node's inline children.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(util.UnescapePunctuations(t.Segment.Value(src)))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func parseMarkdown(t *testing.T, path string) mdDoc {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := mdDoc{text: string(src)}
	// YAML front matter first, then CommonMark.
	rest, ok := strings.CutPrefix(string(src), "---\ntitle: ")
	_, body, closed := strings.Cut(rest, "\n---\n")
	if !ok || !closed {
		t.Fatalf("%s does not start with front matter that has a title:\n%s", path, src)
	}
	src = []byte(body)
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	root := md.Parser().Parse(text.NewReader(src))
	err = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			doc.headings = append(doc.headings, mdHeading{n.Level, inlineText(n, src)})
		case *ast.Blockquote:
			doc.quotes = append(doc.quotes, inlineText(n, src))
			return ast.WalkSkipChildren, nil
		}
		if n.Kind() == east.KindTable {
			doc.tables++
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(doc.text, "\n\n") || !strings.HasSuffix(doc.text, "\n") {
		t.Errorf("%s does not end with exactly one newline", path)
	}
	return doc
}
