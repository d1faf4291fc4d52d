package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/nlp"
)

// maxQuoteLines caps how many lines of a quote the sidebar shows.
const maxQuoteLines = 4

// sidebarPane lists the open article's statements in order: the speaker
// (leaders marked ♛) and the quote.
type sidebarPane struct {
	sh    *shared
	stmts []nlp.Statement
	// sources, when set, names each statement's outlet and date (the
	// cross-article list); title overrides the pane's heading.
	sources []string
	title   string
	empty   string // shown when there are no statements
	pager          // cursor: the statement, -1 before the user selects one; offset: the first line shown
	w, h    int

	// rendered entries, rebuilt on change
	entries [][]string
	starts  []int // first line of each entry
	dirty   bool

	selected func(i int) // the selection moved to statement i (may be nil)
	loading  func() bool // the statements are still coming (may be nil)
}

func newSidebarPane(sh *shared) *sidebarPane { return &sidebarPane{sh: sh, pager: pager{cursor: -1}} }

func (p *sidebarPane) setSize(w, h int) { p.w, p.h, p.dirty = w, h, true }

func (p *sidebarPane) setStatements(s []nlp.Statement) {
	p.stmts, p.sources, p.cursor, p.offset, p.dirty = s, nil, -1, 0, true
}

// setSourced shows statements from many articles, each with its source.
func (p *sidebarPane) setSourced(s []nlp.Statement, sources []string) {
	p.stmts, p.sources, p.cursor, p.offset, p.dirty = s, sources, -1, 0, true
}

// speakerLabel names a statement's speaker, marking leaders.
func speakerLabel(s nlp.Statement) string {
	if s.Speaker == nil || s.Speaker.Name == "" {
		return "(unattributed)"
	}
	name := safeLine(s.Speaker.Name)
	if s.Speaker.Leader {
		return "♛ " + name
	}
	return name
}

func (p *sidebarPane) build() {
	if !p.dirty {
		return
	}
	p.dirty = false
	st := p.sh.st
	p.entries = p.entries[:0]
	p.starts = p.starts[:0]
	line := 0
	w := max(4, p.w-2)
	for i, s := range p.stmts {
		var e []string
		sp := speakerLabel(s)
		if s.Speaker != nil && s.Speaker.Leader {
			sp = st.text[clsLeader][0][0].Render(sp)
		} else if s.Speaker != nil {
			sp = st.text[clsPerson][0][0].Render(sp)
		} else {
			sp = st.Muted.Render(sp)
		}
		kind := ""
		if s.Kind == nlp.KindIndirect {
			kind = st.Muted.Render(" (reported)")
		}
		e = append(e, fmt.Sprintf("%d. %s%s", i+1, sp, kind))
		if i < len(p.sources) {
			e = append(e, "  "+st.Muted.Render(safeLine(p.sources[i])))
		}
		q := wrapPlain(quoted(s), w-1)
		if len(q) > maxQuoteLines {
			q = q[:maxQuoteLines]
			q[maxQuoteLines-1] = fit(q[maxQuoteLines-1], w-2) + "…"
		}
		for _, l := range q {
			e = append(e, "  "+st.text[clsNone][1][0].Render(l))
		}
		p.entries = append(p.entries, e)
		p.starts = append(p.starts, line)
		line += len(e) + 1
	}
}

func (p *sidebarPane) totalLines() int {
	p.build()
	if len(p.entries) == 0 {
		return 0
	}
	last := len(p.entries) - 1
	return p.starts[last] + len(p.entries[last])
}

func (p *sidebarPane) bodyHeight() int { return max(1, p.h-1) }

// move selects the statement d steps away and reports whether the
// selection changed.
func (p *sidebarPane) move(d int) bool {
	if len(p.stmts) == 0 {
		return false
	}
	prev := p.cursor
	if p.cursor < 0 {
		if d > 0 {
			p.cursor = 0
		} else {
			p.cursor = len(p.stmts) - 1
		}
	} else {
		p.cursor = clamp(p.cursor+d, 0, len(p.stmts)-1)
	}
	p.reveal()
	return p.cursor != prev
}

func (p *sidebarPane) reveal() {
	p.build()
	if p.cursor < 0 {
		return
	}
	start := p.starts[p.cursor]
	p.show(start, start+len(p.entries[p.cursor]), p.totalLines(), p.bodyHeight())
}

func (p *sidebarPane) scrollBy(d int) { p.pan(d, p.totalLines(), p.bodyHeight()) }

// update handles the pane's keys; a moved selection calls selected.
func (p *sidebarPane) update(msg tea.KeyMsg) tea.Cmd {
	d, ok := movement(p.sh.keys, msg, p.entriesPerPage(), len(p.stmts))
	if ok && p.move(d) && p.selected != nil {
		p.selected(p.cursor)
	}
	return nil
}

// entriesPerPage is about how many statements one screen shows.
func (p *sidebarPane) entriesPerPage() int {
	p.build()
	if len(p.entries) == 0 {
		return 1
	}
	return max(1, p.bodyHeight()*len(p.entries)/max(1, p.totalLines()))
}

// entryAt is the statement drawn at row y, or -1.
func (p *sidebarPane) entryAt(y int) int {
	p.build()
	line := p.offset + y - 1
	for i := range p.entries {
		if line >= p.starts[i] && line < p.starts[i]+len(p.entries[i]) {
			return i
		}
	}
	return -1
}

// click selects the statement drawn at row y; it reports a change.
func (p *sidebarPane) click(y int) bool {
	i := p.entryAt(y)
	if i < 0 {
		return false
	}
	changed := i != p.cursor
	p.cursor = i
	p.reveal()
	return changed
}

func (p *sidebarPane) view(focused bool) string {
	loading := p.loading != nil && p.loading()
	p.build()
	st := p.sh.st
	title := "Statements"
	if p.title != "" {
		title = p.title
	}
	if n := len(p.stmts); n > 0 {
		title = fmt.Sprintf("%s (%d)", title, n)
	}
	lines := []string{p.sh.paneTitle(title, focused, p.w)}
	if len(p.stmts) == 0 {
		msg := "  no quotes found"
		if p.empty != "" {
			msg = "  " + p.empty
		}
		if loading {
			msg = "  reading…"
		}
		lines = append(lines, st.Muted.Render(msg))
		return block(lines, p.w, p.h)
	}
	var all []string
	for i, e := range p.entries {
		for j, l := range e {
			mark := " "
			if i == p.cursor {
				mark = st.Accent.Render("▌")
				if j == 0 {
					l = st.Bold.Render(l)
				}
			}
			all = append(all, mark+l)
		}
		all = append(all, "")
	}
	end := min(len(all), p.offset+p.bodyHeight())
	lines = append(lines, all[min(p.offset, end):end]...)
	return block(lines, p.w, p.h)
}

// quoted is a statement's words as the reader shows them: a direct quote
// between quotation marks, reported speech without them (they are the
// article's words, not the speaker's).
func quoted(s nlp.Statement) string {
	if s.Kind == nlp.KindIndirect {
		return safeLine(s.Quote)
	}
	return "“" + safeLine(s.Quote) + "”"
}

// quoteText is what the copy key puts on the clipboard.
func quoteText(s nlp.Statement, feed, link string) string {
	var b strings.Builder
	b.WriteString(quoted(s))
	if s.Speaker != nil && s.Speaker.Name != "" {
		b.WriteString(" — " + safeLine(s.Speaker.Name))
	}
	src := safeLine(feed)
	if l := safeLine(link); l != "" {
		if src != "" {
			src += ", "
		}
		src += l
	}
	if src != "" {
		b.WriteString(" (" + src + ")")
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
