package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/sahilm/fuzzy"
	"golang.org/x/text/unicode/norm"
)

// pickerOverlay chooses a leader or a country to filter by: a text input
// that filters the entities fuzzily as one types, each with how often the
// articles under the current filters mention it.
type pickerOverlay struct {
	sh      *shared
	chosen  map[string]bool      // entity ids already filtered on: not offered
	pick    func(c chip) tea.Cmd // adds the chosen entity's chip
	kind    string               // store.CountLeaders or store.CountCountries
	seq     int
	input   *lineInput
	loading bool
	// enterEarly: enter came while loading; the first match is taken once
	// the entities arrive, so typing "Lmacron⏎" at speed still works
	enterEarly bool
	err        string
	all        []store.EntityCount
	keys       []string // folded names, for matching
	matches    []fuzzy.Match
	pager
	rows int // entries shown at the last view
}

// aliasScore marks a match on another name than the one shown.
const aliasScore = -1 << 30

type entitiesLoadedMsg struct {
	seq    int
	counts []store.EntityCount
	err    error
}

func loadEntitiesCmd(lib Library, seq int, kind string, q store.ArticleQuery) tea.Cmd {
	return func() tea.Msg {
		c, err := lib.EntityCounts(kind, q)
		return entitiesLoadedMsg{seq: seq, counts: c, err: err}
	}
}

// openPicker shows the picker for kind and starts loading its entities.
func (m *Model) openPicker(kind string) tea.Cmd {
	m.pickerSeq++
	chosen := map[string]bool{}
	for _, c := range m.chips {
		chosen[c.id] = true
	}
	p := &pickerOverlay{sh: m.sh, chosen: chosen, pick: m.addChip, kind: kind, seq: m.pickerSeq, loading: true,
		input: newInput("› ", "type to filter · j/k or ↑/↓ move")}
	m.overlay = p
	return loadEntitiesCmd(m.sh.lib, p.seq, kind, m.query())
}

func (p *pickerOverlay) title() string {
	if p.kind == store.CountCountries {
		return "Filter by country"
	}
	return "Filter by leader"
}

// choose takes the entity under the cursor: it reports whether the picker
// closes, and the command that adds the entity's chip.
func (p *pickerOverlay) choose() (bool, tea.Cmd) {
	if p.cursor >= len(p.matches) {
		return false, nil
	}
	c := p.all[p.matches[p.cursor].Index]
	return true, p.pick(entityChip(c.Kind, c.ID, c.Name, c.Leader || p.kind == store.CountLeaders))
}

// onLoaded takes the entities, leaving out those already chosen; an enter
// typed while they loaded then chooses, as update's results say.
func (p *pickerOverlay) onLoaded(msg entitiesLoadedMsg) (bool, tea.Cmd) {
	if msg.seq != p.seq {
		return false, nil
	}
	p.loading = false
	if msg.err != nil {
		p.err = msg.err.Error()
		return false, nil
	}
	chosen := p.chosen
	p.all = p.all[:0]
	p.keys = p.keys[:0]
	for _, c := range msg.counts {
		if !chosen[c.ID] {
			p.all = append(p.all, c)
			p.keys = append(p.keys, foldName(c.Name))
		}
	}
	p.filter()
	if p.enterEarly {
		return p.choose()
	}
	return false, nil
}

// foldName lowers a name and drops its diacritics rune by rune, so that the
// matched positions are those of the name ("Erdoğan" is "erdogan").
func foldName(s string) string {
	var b strings.Builder
	for _, r := range s {
		d := []rune(norm.NFD.String(string(r)))
		if len(d) > 0 && !unicode.Is(unicode.Mn, d[0]) {
			r = d[0]
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// filter matches the typed text against the names; with nothing typed,
// every entity in the store's order (most articles first).
func (p *pickerOverlay) filter() {
	pattern := foldName(strings.TrimSpace(p.input.Value()))
	p.matches = p.matches[:0]
	if pattern == "" {
		for i := range p.all {
			p.matches = append(p.matches, fuzzy.Match{Str: p.keys[i], Index: i})
		}
	} else {
		p.matches = fuzzy.Find(pattern, p.keys)
		// then the entities known by another name that contains the text
		found := make(map[int]bool, len(p.matches))
		for _, m := range p.matches {
			found[m.Index] = true
		}
		for i, c := range p.all {
			if alias, ok := p.sh.aliasMatch(c.ID, pattern); ok && !found[i] {
				p.matches = append(p.matches, fuzzy.Match{Str: alias, Index: i, Score: aliasScore})
			}
		}
	}
	p.cursor, p.offset = 0, 0
}

func (p *pickerOverlay) update(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := p.sh.keys
	switch {
	case msg.Type == tea.KeyEsc:
		return true, nil
	case msg.Type == tea.KeyEnter:
		if p.loading {
			p.enterEarly = true
			return false, nil
		}
		return p.choose()
	case msg.Type == tea.KeyCtrlP || (key.Matches(msg, k.Up) && p.navigates(msg)):
		p.move(-1)
	case msg.Type == tea.KeyCtrlN || (key.Matches(msg, k.Down) && p.navigates(msg)):
		p.move(1)
	case msg.Type != tea.KeyRunes && key.Matches(msg, k.PageUp, k.PageDown):
		// a page is the rows on screen, as in every list (see movement)
		d, _ := movement(k, msg, p.rows, len(p.matches))
		p.move(d)
	default:
		before := p.input.Value()
		p.input.update(msg)
		if p.input.Value() != before {
			p.filter()
		}
	}
	return false, nil
}

// navigates reports whether a movement key moves the cursor: always for
// named keys (arrows), and for letters (j/k) until something is typed, so
// that names with those letters can still be typed after the first.
func (p *pickerOverlay) navigates(msg tea.KeyMsg) bool {
	return msg.Type != tea.KeyRunes || p.input.Value() == ""
}

func (p *pickerOverlay) move(d int) { p.pager.move(d, len(p.matches), p.rows) }

func (p *pickerOverlay) view(w, h int) string {
	st := p.sh.st
	bw := clamp(w-4, 20, 72) // inside the border and padding
	if w-4 < 20 {
		bw = max(10, w-4)
	}
	p.rows = max(1, h-7)
	lines := []string{
		fit(st.Title.Render(p.title()), bw-12) + st.Muted.Render(fitLeft(p.countLabel(), 12)),
		p.input.view(&st, bw),
		st.Muted.Render(fitLeft("mentions articles", bw)),
	}
	switch {
	case p.loading:
		lines = append(lines, st.Muted.Render("loading…"))
	case p.err != "":
		lines = append(lines, st.Error.Render("! "+safeLine(p.err)))
	case len(p.matches) == 0 && len(p.all) == 0:
		lines = append(lines, st.Muted.Render("none in the articles shown"))
	case len(p.matches) == 0:
		lines = append(lines, st.Muted.Render("no match"))
	}
	p.follow(len(p.matches), p.rows)
	from, to := p.shown(len(p.matches), p.rows)
	for i := from; i < to; i++ {
		lines = append(lines, p.row(i, bw))
	}
	box := st.Overlay.Render(block(lines, bw, min(len(lines), p.rows+3)))
	return block(strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n"), w, h)
}

func (p *pickerOverlay) countLabel() string {
	if p.loading || p.err != "" {
		return ""
	}
	if len(p.matches) == len(p.all) {
		return fmt.Sprintf("%d", len(p.all))
	}
	return fmt.Sprintf("%d of %d", len(p.matches), len(p.all))
}

// row renders one entity: its name with the matched letters in bold, and
// its counts.
func (p *pickerOverlay) row(i, w int) string {
	st := p.sh.st
	m := p.matches[i]
	c := p.all[m.Index]
	matched := map[int]bool{} // rune positions (the key has one rune per name rune)
	alias := ""
	if m.Score == aliasScore {
		alias = st.Muted.Render(" (" + safeLine(m.Str) + ")")
	}
	for _, j := range m.MatchedIndexes {
		if j <= len(m.Str) {
			matched[utf8.RuneCountInString(m.Str[:j])] = true
		}
	}
	var name strings.Builder
	ri := -1
	for _, r := range c.Name {
		ri++
		switch {
		case r == '\n' || r == '\t':
			r = ' '
		case unsafeRune(r):
			continue
		}
		s := string(r)
		if matched[ri] {
			s = st.Accent.Render(s)
		}
		name.WriteString(s)
	}
	mark := " "
	counts := fmt.Sprintf("%8d %8d", c.Mentions, c.Articles)
	line := fit(mark+name.String()+alias, w-len(counts)-2) + " " + counts
	if i == p.cursor {
		return st.SelectedFocus.Render(fit("▸"+line, w))
	}
	return " " + line
}
