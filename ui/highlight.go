package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/nlp"
)

// The reader wraps the plain text itself and keeps, for every screen line,
// the byte range of the text it shows. Highlights are byte ranges of the same
// text, so each line is painted from the ranges that intersect it: wrapping
// can never cut a highlight's escape codes or move a highlight.

// lineRange is one wrapped line: text[start:end], without the newline or the
// spaces at which it was broken.
type lineRange struct{ start, end int }

// span is a highlighted byte range.
type span struct{ start, end, cls int }

// highlights is an article's spans, each group sorted and non-overlapping.
type highlights struct {
	entities []span     // cls is clsLeader, clsPerson or clsCountry
	quotes   []span     // cls is the statement index
	cur      span       // the entity under the reader's cursor; empty for none
	found    []span     // the matches of an in-article search
	marks    []linkMark // link numbers drawn after their anchors, by position
}

// newHighlights takes the spans from doc, dropping any that are out of range,
// not on rune boundaries, or overlapping an earlier span of the same group.
func newHighlights(doc nlp.Doc) highlights {
	var h highlights
	for _, e := range doc.Entities {
		cls := clsPerson
		switch {
		case e.Kind == nlp.KindCountry:
			cls = clsCountry
		case e.Leader:
			cls = clsLeader
		}
		if validRange(doc.Text, e.Start, e.End) {
			h.entities = append(h.entities, span{e.Start, e.End, cls})
		}
	}
	for i, s := range doc.Statements {
		if s.Kind != nlp.KindIndirect && validRange(doc.Text, s.Start, s.End) {
			h.quotes = append(h.quotes, span{s.Start, s.End, i})
		}
	}
	h.entities = disjoint(h.entities)
	h.quotes = disjoint(h.quotes)
	return h
}

func validRange(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	return utf8.RuneStart(text[start]) && (end == len(text) || utf8.RuneStart(text[end]))
}

func disjoint(spans []span) []span {
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	out := spans[:0]
	last := -1
	for _, s := range spans {
		if s.start >= last {
			out = append(out, s)
			last = s.end
		}
	}
	return out
}

// covering returns the span of sorted, disjoint spans that contains pos.
func covering(spans []span, pos int) (span, bool) {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end > pos })
	if i < len(spans) && spans[i].start <= pos {
		return spans[i], true
	}
	return span{}, false
}

// wrapText word-wraps text to width display cells. Paragraphs are separated
// by '\n'; a word longer than the width is broken between runes.
func wrapText(text string, width int) []lineRange {
	if width < 1 {
		width = 1
	}
	var lines []lineRange
	pos := 0
	for {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		lines = wrapParagraph(lines, text, pos, end, width, nil)
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return lines
}

// wrapArticle wraps an article's text like wrapText, with a blank line
// between two paragraphs that have none between them. marks (sorted by
// position) widen the words they follow.
func wrapArticle(text string, width int, marks []linkMark) []lineRange {
	var lines []lineRange
	pos := 0
	for {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		lines = wrapParagraph(lines, text, pos, end, max(1, width), marks)
		if nl < 0 {
			return lines
		}
		next := text[end+1:]
		if i := strings.IndexByte(next, '\n'); i >= 0 {
			next = next[:i]
		}
		if cur := text[pos:end]; strings.TrimSpace(cur) != "" && strings.TrimSpace(next) != "" && !tight(cur, next) {
			lines = append(lines, lineRange{end, end})
		}
		pos = end + 1
	}
}

// tight reports two paragraphs that belong together: list items, or lines
// of indented (preformatted) text.
func tight(a, b string) bool {
	indented := func(s string) bool { return strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") }
	return (listItem(a) && listItem(b)) || (indented(a) && indented(b)) ||
		((a == linksHeading || linkListItem(a)) && linkListItem(b))
}

func listItem(s string) bool {
	for _, m := range []string{"• ", "◦ ", "▪ "} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && strings.HasPrefix(s[i:], ". ")
}

func wrapParagraph(lines []lineRange, text string, start, end, width int, marks []linkMark) []lineRange {
	lineStart, lineEnd, lineW := -1, -1, 0
	flush := func() {
		if lineStart >= 0 {
			lines = append(lines, lineRange{lineStart, lineEnd})
		}
		lineStart, lineEnd, lineW = -1, -1, 0
	}
	i := start
	for i < end {
		// gap of spaces before the next word
		gapStart := i
		for i < end && isSpace(text[i]) {
			i++
		}
		gap := i - gapStart
		if i >= end {
			break
		}
		ws := i
		for i < end && !isSpace(text[i]) {
			i++
		}
		we := i
		w := cellWidth(text[ws:we]) + marksWidth(marks, ws, we)
		switch {
		case lineStart >= 0 && lineW+gap+w <= width:
			lineEnd, lineW = we, lineW+gap+w
		case w <= width:
			flush()
			lineStart, lineEnd, lineW = ws, we, w
			if gapStart == start && gap > 0 && gap+w <= width {
				lineStart, lineW = start, gap+w // keep a paragraph's indentation (<pre>)
			}
		default: // a word wider than the line: break it between runes
			flush()
			for p := ws; p < we; {
				cut := p + fitBytes(text[p:we], width)
				if cut == p { // one rune wider than the line
					_, n := utf8.DecodeRuneInString(text[p:we])
					cut = p + n
				}
				lines = append(lines, lineRange{p, cut})
				p = cut
			}
			// continue the last piece as an open line
			last := lines[len(lines)-1]
			lines = lines[:len(lines)-1]
			lineStart, lineEnd, lineW = last.start, last.end, cellWidth(text[last.start:last.end])
		}
	}
	if lineStart < 0 {
		lines = append(lines, lineRange{start, start}) // blank paragraph
		return lines
	}
	flush()
	return lines
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' }

func cellWidth(s string) int { return ansi.StringWidth(s) }

// fitBytes returns how many bytes of s fit in width cells, on rune boundaries.
func fitBytes(s string, width int) int {
	w := 0
	for i, r := range s {
		rw := ansi.StringWidth(string(r))
		if w+rw > width {
			return i
		}
		w += rw
	}
	return len(s)
}

// segment is a run of a line with one style.
type segment struct {
	start, end int
	cls        int  // entity class
	quote      int  // statement index or -1
	selected   bool // part of the selected statement
	found      bool // part of a search match
}

// segments splits line ln into runs of constant style. sel is the index of
// the selected statement, or -1.
func (h highlights) segments(ln lineRange, sel int) []segment {
	cuts := []int{ln.start, ln.end}
	add := func(spans []span) {
		i := sort.Search(len(spans), func(i int) bool { return spans[i].end > ln.start })
		for ; i < len(spans) && spans[i].start < ln.end; i++ {
			if spans[i].start > ln.start {
				cuts = append(cuts, spans[i].start)
			}
			if spans[i].end < ln.end {
				cuts = append(cuts, spans[i].end)
			}
		}
	}
	add(h.entities)
	add(h.quotes)
	add(h.found)
	for _, mk := range h.marksIn(ln) {
		cuts = append(cuts, mk.pos)
	}
	sort.Ints(cuts)
	var segs []segment
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b {
			continue
		}
		seg := segment{start: a, end: b, quote: -1}
		if e, ok := covering(h.entities, a); ok {
			seg.cls = e.cls
		}
		if q, ok := covering(h.quotes, a); ok {
			seg.quote = q.cls
			seg.selected = q.cls == sel
		}
		_, seg.found = covering(h.found, a)
		if n := len(segs); n > 0 && segs[n-1].cls == seg.cls && segs[n-1].quote == seg.quote && segs[n-1].found == seg.found && a != h.cur.start && a != h.cur.end && !h.markAt(a) {
			segs[n-1].end = b
			continue
		}
		segs = append(segs, seg)
	}
	return segs
}

// paintLine renders one wrapped line with its highlights and the link
// numbers after their anchors.
func (h highlights) paintLine(text string, ln lineRange, sel int, st *Styles) string {
	var b strings.Builder
	marks := h.marksIn(ln)
	for _, seg := range h.segments(ln, sel) {
		for len(marks) > 0 && marks[0].pos <= seg.start {
			b.WriteString(st.Muted.Render(marks[0].label))
			marks = marks[1:]
		}
		s := displayText(text[seg.start:seg.end])
		inQ, selQ := 0, 0
		if seg.quote >= 0 {
			inQ = 1
		}
		if seg.selected {
			selQ = 1
		}
		if h.cur.end > h.cur.start && seg.start >= h.cur.start && seg.end <= h.cur.end {
			b.WriteString(st.text[seg.cls][inQ][selQ].Reverse(true).Render(s))
			continue
		}
		if seg.found {
			b.WriteString(st.text[seg.cls][inQ][selQ].Underline(true).Bold(true).Render(s))
			continue
		}
		if seg.cls == clsNone && inQ == 0 {
			b.WriteString(s)
			continue
		}
		b.WriteString(st.text[seg.cls][inQ][selQ].Render(s))
	}
	for _, mk := range marks {
		b.WriteString(st.Muted.Render(mk.label))
	}
	return b.String()
}

// displayText makes text safe to print with the project's one policy
// (feeds/sanitize): controls and whole escape sequences go, and tabs and
// newlines become spaces so that a line stays one line.
func displayText(s string) string {
	t := sanitize.Text(s)
	if strings.ContainsAny(t, "\t\n") {
		t = strings.NewReplacer("\t", " ", "\n", " ").Replace(t)
	}
	return t
}

// unsafeRune reports a rune that must not reach a one-line display: one
// feeds/sanitize removes, or a newline or tab (the inputs make them spaces).
func unsafeRune(r rune) bool {
	return r == '\n' || r == '\t' || r == utf8.RuneError || sanitize.Unsafe(r)
}

// safeLine makes a one-line string (a title, a feed name) safe to print.
func safeLine(s string) string { return displayText(s) }
