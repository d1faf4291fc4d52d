package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/herald-reader/herald/nlp"
)

// FuzzMarkdownQuote: whatever a quote holds, it renders as one blockquote
// showing exactly its words, with no markup of its own.
func FuzzMarkdownQuote(f *testing.F) {
	for _, q := range hostileQuotes {
		f.Add(q)
	}
	f.Add("1) x")
	f.Add("+ item")
	f.Add("=== setext")
	f.Add("&#x41; &copy;")
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) {
			return
		}
		a := &Article{ID: 1, Title: q, Feed: q, Author: q, Link: "https://x.example/a"}
		e := &Export{Articles: []*Article{a}, Statements: []Statement{{Article: a,
			Statement: nlp.Statement{Kind: nlp.KindDirect, Quote: q, Cue: q, Speaker: &nlp.Speaker{ID: "s", Name: q}}}}}
		words := QuoteText(q)
		if words == "" || strings.ContainsAny(words, "“”") {
			return
		}
		out, err := Bytes(e, Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := parseMD(t, out)
		if len(d.quotes) != 1 || d.quotes[0] != "“"+words+"”" {
			t.Fatalf("quote %q renders as %q:\n%s", q, d.quotes, out)
		}
		if d.emphasis+d.code+d.html+d.autolinks > 0 {
			t.Fatalf("quote %q: markup leaked (%d emphasis, %d code, %d html, %d autolinks):\n%s", q, d.emphasis, d.code, d.html, d.autolinks, out)
		}
		for _, l := range d.links {
			if !strings.HasPrefix(l, "https://x.example/a") {
				t.Fatalf("quote %q: link %q:\n%s", q, l, out)
			}
		}
	})
}
