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
			b.Write(t.Segment.Value(src))
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
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	root := md.Parser().Parse(text.NewReader(src))
	doc := mdDoc{text: string(src)}
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
	if len(doc.headings) == 0 || doc.headings[0].level != 1 {
		t.Errorf("%s does not start with a level-1 heading: %v", path, doc.headings)
	}
	return doc
}
