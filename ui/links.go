package ui

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/feeds/store"
)

// An article's links are listed, numbered, after its text, and the number
// is drawn after the link's anchor in the text ("the report[1]"). The list
// is appended to the text shown, after the annotated text, so that every
// highlight's byte range stays what the annotator gave. The numbers in the
// text are drawn, not inserted: a linkMark is a label painted at a byte
// position, which the wrapper counts in the width of the word it follows.

// linkMark is a link's number drawn after the anchor text ending at pos.
type linkMark struct {
	pos   int
	label string // "[n]"
}

// linkLabel is the number of link i (from 0) as the list and marks show it.
func linkLabel(i int) string { return "[" + strconv.Itoa(i+1) + "]" }

// findLinkMarks places each link's number after its anchor in text: the
// anchors are searched in order, each after the one before, as whole
// words. A link whose anchor is not found (or has no text) is only listed.
func findLinkMarks(text string, links []store.Link) []linkMark {
	var marks []linkMark
	from := 0
	for i, l := range links {
		anchor := strings.TrimSpace(l.Text)
		if anchor == "" {
			continue
		}
		if at := findWord(text, anchor, from); at >= 0 {
			from = at + len(anchor)
			marks = append(marks, linkMark{pos: from, label: linkLabel(i)})
		}
	}
	return marks
}

// findWord finds needle in text at or after from, not inside a longer word.
func findWord(text, needle string, from int) int {
	for from <= len(text) {
		i := strings.Index(text[from:], needle)
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(needle)
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (at == 0 || !wordRune(before)) && (end == len(text) || !wordRune(after)) {
			return at
		}
		_, n := utf8.DecodeRuneInString(text[at:])
		from = at + n
	}
	return -1
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// linksFooter is the numbered list of links appended to the text shown:
// "[n] URL", then the anchor text when it says more than the URL.
func linksFooter(links []store.Link) string {
	if len(links) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n" + linksHeading)
	for i, l := range links {
		b.WriteString("\n" + linkLabel(i) + " " + safeLine(l.URL))
		if t := safeLine(strings.TrimSpace(l.Text)); t != "" && t != l.URL {
			b.WriteString(" (" + t + ")")
		}
	}
	return b.String()
}

// linksHeading starts the list of links.
const linksHeading = "Links:"

// linkListItem reports a line of the links list ("[12] …").
func linkListItem(s string) bool {
	if !strings.HasPrefix(s, "[") {
		return false
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 1 && strings.HasPrefix(s[i:], "] ")
}

// marksIn returns the marks drawn on line ln: those after a byte of it.
func (h highlights) marksIn(ln lineRange) []linkMark {
	if len(h.marks) == 0 {
		return nil
	}
	i := sort.Search(len(h.marks), func(i int) bool { return h.marks[i].pos > ln.start })
	j := i
	for j < len(h.marks) && h.marks[j].pos <= ln.end {
		j++
	}
	return h.marks[i:j]
}

// markAt reports a mark at byte pos.
func (h highlights) markAt(pos int) bool {
	i := sort.Search(len(h.marks), func(i int) bool { return h.marks[i].pos >= pos })
	return i < len(h.marks) && h.marks[i].pos == pos
}

// marksWidth is the width of the marks drawn after bytes of text[ws:we].
func marksWidth(marks []linkMark, ws, we int) int {
	if len(marks) == 0 {
		return 0
	}
	w := 0
	i := sort.Search(len(marks), func(i int) bool { return marks[i].pos > ws })
	for ; i < len(marks) && marks[i].pos <= we; i++ {
		w += len(marks[i].label)
	}
	return w
}

// show makes body, with the list of the article's links after it, the text
// the reader wraps and paints, and places the links' numbers in body. The
// highlights must be set first: the marks go with them.
func (p *readerPane) show(body string) {
	p.text = body + linksFooter(p.art.Links)
	p.hl.marks = findLinkMarks(body, p.art.Links)
}
