// Package htmltext turns article HTML into plain paragraphs, one per line,
// for the reader and the NLP. It walks the parsed tree (golang.org/x/net/html)
// and never matches regular expressions over markup.
package htmltext

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/feeds/sanitize"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ToText returns the text of an HTML fragment or document as paragraphs
// separated by single newlines, with no blank lines. Entities are decoded;
// scripts, styles, embedded frames, media and form controls are dropped;
// block elements and <br> end a paragraph; inline white space collapses to
// single spaces, except inside <pre>, whose lines keep their indentation;
// list items start with a bullet ("• ", "◦ " when nested) or their number;
// table cells are joined with spaces; link text is kept without its URL;
// images become "[image: alt]" when their alt text says something (not a
// file name or just "image"); <q> gets curly quotes so that quoted speech
// stays visible. A blank line inside a
// text run also ends a paragraph, as many feeds send text with blank lines
// and only a few tags. Input with no markup is treated as plain text. The
// result is sanitised for the terminal.
func ToText(s string) string {
	text, _ := ToTextLinks(s)
	return text
}

// Link is a link of the article: where it goes and its text.
type Link struct {
	URL, Text string
}

// ToTextLinks is ToText that also returns the article's links, in order
// and without repeats, numbered from 1 by their place in the slice: only
// absolute http and https links, sanitised like the text.
func ToTextLinks(s string) (string, []Link) {
	return ToTextLinksAt(s, nil)
}

// ToTextLinksAt is ToTextLinks that also keeps relative links, resolved
// against base (the page or feed the HTML came from); a nil base keeps only
// absolute links.
func ToTextLinksAt(s string, base *url.URL) (string, []Link) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	if !LooksLikeHTML(s) {
		return plainText(s), nil
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil { // nesting too deep for the tree builder
		return tokensToText(s), nil
	}
	w := writer{base: base}
	w.walk(doc)
	w.breakParagraph()
	return strings.Join(w.paras, "\n"), w.links
}

// LooksLikeHTML reports whether s contains something that looks like a tag
// ("<p", "</", "<!--") closed by a later '>', or an entity reference such as
// "&amp;" or "&#8217;".
func LooksLikeHTML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			if i+1 < len(s) && isTagStart(s[i+1]) && strings.IndexByte(s[i+1:], '>') >= 0 {
				return true
			}
		case '&':
			if isEntity(s[i+1:]) {
				return true
			}
		}
	}
	return false
}

func isTagStart(c byte) bool {
	return c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// isEntity reports whether s (the text after '&') starts with an entity
// reference: a name, "#digits" or "#xhex", closed by ';'.
func isEntity(s string) bool {
	n, max := 0, 32
	digitsOnly, hex := false, false
	if strings.HasPrefix(s, "#x") || strings.HasPrefix(s, "#X") {
		s, hex, max = s[2:], true, 6
	} else if strings.HasPrefix(s, "#") {
		s, digitsOnly, max = s[1:], true, 7
	}
	for n < len(s) && n <= max {
		c := s[n]
		ok := false
		switch {
		case hex:
			ok = (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'f')
		case digitsOnly:
			ok = c >= '0' && c <= '9'
		default:
			ok = (c|0x20 >= 'a' && c|0x20 <= 'z') || (n > 0 && c >= '0' && c <= '9')
		}
		if !ok {
			break
		}
		n++
	}
	return n > 0 && n <= max && n < len(s) && s[n] == ';'
}

// plainText keeps the paragraphs of text without markup: when the text has
// blank lines they separate paragraphs and single newlines inside one are
// hard wraps; otherwise every line is a paragraph.
func plainText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	wrapped := false
	for i := 1; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" && strings.TrimSpace(lines[i-1]) != "" {
			wrapped = true
			break
		}
	}
	var paras []string
	var cur []string
	flush := func() {
		if p := sanitize.Line(strings.Join(cur, " ")); p != "" {
			paras = append(paras, p)
		}
		cur = cur[:0]
	}
	for _, line := range lines {
		if !wrapped || strings.TrimSpace(line) == "" {
			cur = append(cur, line)
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return strings.Join(paras, "\n")
}

// writer accumulates paragraphs while the tree is walked.
type writer struct {
	paras   []string
	cur     bytes.Buffer // kept across paragraphs, so that each does not grow a new one
	space   bool         // a space is owed before the next word
	preDeep int          // depth inside <pre>
	mark    string       // the list item mark that starts cur, until text follows
	links   []Link
	link    *Link // the <a> being read
	seen    map[string]bool
	base    *url.URL // what relative links resolve against; nil: drop them
}

// walk visits the tree without recursion, so that absurdly deep markup from
// a hostile feed cannot exhaust the stack.
func (w *writer) walk(root *html.Node) {
	n := root
	for {
		if w.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		w.leave(n)
		for n != root && n.NextSibling == nil {
			n = n.Parent
			w.leave(n)
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// enter handles the start of n and reports whether its children are wanted.
func (w *writer) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default:
		return false // comments, doctypes
	}
	if skipped(n) {
		return false
	}
	switch {
	case n.DataAtom == atom.Img:
		w.word(imageText(n))
		w.space = true
	case n.DataAtom == atom.Br || n.DataAtom == atom.Hr:
		w.breakParagraph()
	case n.DataAtom == atom.Pre:
		w.breakParagraph()
		w.preDeep++
	case n.DataAtom == atom.Q:
		w.word("“")
	case n.DataAtom == atom.A:
		for _, a := range n.Attr {
			if a.Key != "href" {
				continue
			}
			if href := w.resolve(a.Val); isWebLink(href) {
				w.link = &Link{URL: sanitize.Line(href)}
			}
		}
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = w.cur.Len() > 0
	case n.DataAtom == atom.Li:
		w.breakParagraph()
		w.mark = bullet(n)
		w.cur.WriteString(w.mark)
	case isBlock(n.DataAtom):
		w.breakParagraph()
	}
	return true
}

// resolve makes href absolute against the writer's base, when it has one.
func (w *writer) resolve(href string) string {
	if w.base == nil || isWebLink(href) {
		return href
	}
	h := strings.TrimSpace(href)
	if strings.HasPrefix(h, "#") || h == "" {
		return href // a place on the same page is no link to list
	}
	u, err := url.Parse(h)
	if err != nil {
		return href
	}
	r := w.base.ResolveReference(u)
	if r.Host == "" {
		return href
	}
	return r.String()
}

// isWebLink accepts absolute http and https URLs.
func isWebLink(href string) bool {
	h := strings.ToLower(strings.TrimSpace(href))
	return strings.HasPrefix(h, "http://") || strings.HasPrefix(h, "https://")
}

// bullet is the mark a list item starts with: its number in an ordered
// list, else a bullet that changes with the nesting.
func bullet(li *html.Node) string {
	if p := li.Parent; p != nil && p.DataAtom == atom.Ol {
		n := 1
		for _, a := range p.Attr {
			if a.Key == "start" {
				if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v >= 0 && v < 1e6 {
					n = v
				}
			}
		}
		for s := li.PrevSibling; s != nil; s = s.PrevSibling {
			if s.Type == html.ElementNode && s.DataAtom == atom.Li {
				n++
			}
		}
		return strconv.Itoa(n) + ". "
	}
	depth := 0
	for a := li.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Li {
			depth++
		}
	}
	return [...]string{"• ", "◦ ", "▪ "}[min(depth, 2)]
}

// imageText is an image's placeholder, or "" when its alt text says
// nothing a reader needs.
func imageText(n *html.Node) string {
	alt := ""
	for _, a := range n.Attr {
		if a.Key == "alt" {
			alt = strings.Join(strings.Fields(a.Val), " ")
		}
	}
	low := strings.ToLower(alt)
	switch {
	case alt == "", low == "image", low == "photo", low == "picture", low == "img":
		return ""
	case !strings.Contains(alt, " ") && strings.Contains(alt, "."):
		return "" // a file name
	}
	return "[image: " + alt + "]"
}

// leave handles the end of n, after its children.
func (w *writer) leave(n *html.Node) {
	if n.Type != html.ElementNode || skipped(n) {
		return
	}
	switch {
	case n.DataAtom == atom.Pre:
		w.breakParagraph()
		w.preDeep--
	case n.DataAtom == atom.Q:
		w.space = false
		w.word("”")
	case n.DataAtom == atom.A && w.link != nil:
		if w.seen == nil {
			w.seen = map[string]bool{}
		}
		if l := *w.link; !w.seen[l.URL] {
			w.seen[l.URL] = true
			l.Text = sanitize.Line(l.Text)
			w.links = append(w.links, l)
		}
		w.link = nil
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		w.space = w.cur.Len() > 0
	case isBlock(n.DataAtom):
		w.breakParagraph()
	}
}

// text adds a text node, collapsing white space; a blank line (two newlines
// in one run of white space) or any newline inside <pre> ends the paragraph.
func (w *writer) text(s string) {
	if w.link != nil {
		w.link.Text += s
	}
	if w.preDeep > 0 {
		w.preText(s)
		return
	}
	newlines := 0
	inSpace := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if !inSpace {
				newlines = 0
			}
			inSpace = true
			if r == '\n' {
				newlines++
				if w.preDeep > 0 || newlines == 2 {
					w.breakParagraph()
				}
			}
			w.space = w.cur.Len() > 0
			i += size
			continue
		}
		inSpace = false
		if w.space {
			w.cur.WriteByte(' ')
			w.space = false
		}
		if r == utf8.RuneError && size == 1 {
			w.cur.WriteRune(r) // a byte that is not UTF-8 becomes U+FFFD, as ranging over s gives it
			i++
			continue
		}
		// The word goes in whole, up to the next space or bad byte.
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) || (r == utf8.RuneError && size == 1) {
				break
			}
			j += size
		}
		w.cur.WriteString(s[i:j])
		i = j
	}
}

// preText keeps the spaces of preformatted text; each newline ends a line.
func (w *writer) preText(s string) {
	for _, r := range s {
		switch r {
		case '\n':
			w.breakParagraph()
		case '\r':
		case '\t':
			w.cur.WriteString("    ")
		default:
			w.cur.WriteRune(r)
		}
	}
}

// word writes s as if it were text glued to what follows.
func (w *writer) word(s string) {
	if w.space {
		w.cur.WriteByte(' ')
		w.space = false
	}
	w.cur.WriteString(s)
}

func (w *writer) breakParagraph() {
	if w.mark != "" && string(w.cur.Bytes()) == w.mark {
		return // keep the item's mark for its first block of text
	}
	w.mark = ""
	if w.cur.Len() > 0 {
		text := w.cur.String()
		p := sanitize.Line(text)
		if w.preDeep > 0 && p != "" {
			// keep the indentation and inner spacing; sanitize still cleans
			p = strings.TrimRight(strings.ReplaceAll(sanitize.Text(text), "\n", " "), " ")
		}
		if p != "" && p != "“" && p != "”" {
			w.paras = append(w.paras, p)
		}
		w.cur.Reset()
	}
	w.space = false
}

// skipped reports elements whose content is never article text.
func skipped(n *html.Node) bool {
	if n.DataAtom == atom.Img {
		return imageText(n) == ""
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
		atom.Svg, atom.Math, atom.Head, atom.Object, atom.Embed, atom.Canvas,
		atom.Audio, atom.Video, atom.Picture, atom.Img, atom.Select, atom.Button,
		atom.Textarea, atom.Input, atom.Map, atom.Frameset, atom.Frame:
		return true
	}
	// Foreign-content elements with an unknown atom (e.g. "svg:title") and
	// anything hidden by the author stay out too.
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote,
		atom.Tr, atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption,
		atom.Figure, atom.Figcaption, atom.Section, atom.Article, atom.Header,
		atom.Footer, atom.Aside, atom.Nav, atom.Main, atom.Address, atom.Details,
		atom.Summary, atom.Form, atom.Fieldset, atom.Legend, atom.Center,
		atom.Dialog, atom.Hgroup, atom.Menu, atom.Body, atom.Html, atom.Option:
		return true
	}
	return false
}
