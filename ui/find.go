package ui

import (
	"fmt"
	"regexp"
	"strings"
)

// In-article search: `/` while reading finds words in the article; every
// match is marked and n / N walk them. An article opened under a search
// filter starts with that filter's words marked.

// findSpans returns the byte ranges of every word of term in text, any
// case, in order and without overlaps.
func findSpans(text, term string) []span {
	words := strings.Fields(term)
	if len(words) == 0 {
		return nil
	}
	alts := make([]string, len(words))
	for i, w := range words {
		alts[i] = regexp.QuoteMeta(w)
	}
	re := regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
	var out []span
	for _, m := range re.FindAllStringIndex(text, -1) {
		out = append(out, span{m[0], m[1], 0})
	}
	return out
}

// refind marks the matches of the reader's find term in its text.
func (p *readerPane) refind() {
	p.hl.found = findSpans(p.text, p.find)
	p.findIdx = -1
	p.painted = nil
}

// setFind searches the article for term and moves to the first match on
// or after the top of the screen.
func (p *readerPane) setFind(term string) {
	p.find, p.findWalk = term, true
	p.refind()
	if len(p.hl.found) == 0 {
		return
	}
	top := 0
	if t := p.top(); t < len(p.lines) {
		top = p.lines[t].start
	}
	for i, s := range p.hl.found {
		if s.start >= top {
			p.findIdx = i - 1
			break
		}
	}
	p.moveFind(1)
}

// moveFind puts the cursor on the match d steps away, wrapping around.
func (p *readerPane) moveFind(d int) {
	n := len(p.hl.found)
	if n == 0 {
		return
	}
	p.findIdx = ((p.findIdx+d)%n + n) % n
	s := p.hl.found[p.findIdx]
	p.ent, p.sel = -1, -1
	p.hl.cur = span{s.start, s.end, 0}
	p.painted = nil
	p.scrollTo(p.lineOf(s.start))
}

func (p *readerPane) clearFind() {
	p.find, p.hl.found, p.findIdx, p.findWalk = "", nil, -1, false
	p.clearEntity()
	p.painted = nil
}

// findStatus describes the search for the status line.
func (p *readerPane) findStatus(next, prev string) string {
	if len(p.hl.found) == 0 {
		return fmt.Sprintf("%q is not in this article", p.find)
	}
	return fmt.Sprintf("match %d of %d for %q · %s/%s next/previous", max(1, p.findIdx+1), len(p.hl.found), p.find, next, prev)
}
