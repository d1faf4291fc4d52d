package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tokensToText is the fallback for markup the tree builder rejects (it
// refuses nesting deeper than 512 elements): a flat pass over the tokens
// with the same rules as the tree walk.
func tokensToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var w writer
	skipDepth := 0 // >0 while inside an element whose content is dropped
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			w.breakParagraph()
			return strings.Join(w.paras, "\n")
		case html.TextToken:
			if skipDepth == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			tok := z.Token()
			n := &html.Node{Type: html.ElementNode, DataAtom: tok.DataAtom, Data: tok.Data, Attr: tok.Attr}
			if skipped(n) {
				if tt == html.StartTagToken && !isVoid(tok.DataAtom) {
					skipDepth++
				} else if tt == html.EndTagToken && skipDepth > 0 {
					skipDepth--
				}
				continue
			}
			if skipDepth > 0 {
				continue
			}
			switch tt {
			case html.StartTagToken:
				w.enter(n)
			case html.SelfClosingTagToken:
				w.enter(n)
				w.leave(n)
			case html.EndTagToken:
				if n.DataAtom == atom.Pre && w.preDeep == 0 {
					continue
				}
				w.leave(n)
			}
		}
	}
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Img, atom.Input, atom.Embed, atom.Br, atom.Hr, atom.Area, atom.Source, atom.Track, atom.Wbr, atom.Frame:
		return true
	}
	return false
}
