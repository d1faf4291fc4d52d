package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/herald-reader/herald/feeds/store"
)

// linksOverlay lists the open article's links by number and opens one in
// the browser: typing a number goes to that link, the movement keys move,
// enter (or the open-link key) opens. Like every overlay it gets the shared
// context and a callback, not the model.
type linksOverlay struct {
	sh    *shared
	links []store.Link
	open  func(link string) tea.Cmd
	typed string // the number typed so far
	pager
	rows int // links shown at the last view
}

// openLinks shows the open article's links.
func (m *Model) openLinks() tea.Cmd {
	if !m.reading || m.reader.id == 0 || m.reader.loading {
		return m.setStatus("open an article to list its links", false)
	}
	if len(m.reader.art.Links) == 0 {
		return m.setStatus("the article has no links", false)
	}
	m.overlay = &linksOverlay{sh: m.sh, links: m.reader.art.Links, open: m.openURLCmd}
	return nil
}

func (o *linksOverlay) update(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := o.sh.keys
	switch {
	case msg.Type == tea.KeyEnter || key.Matches(msg, k.OpenLink):
		return true, o.open(o.links[o.cursor].URL)
	case msg.Type == tea.KeyEsc || key.Matches(msg, k.Back) || key.Matches(msg, k.BackOrQuit) || key.Matches(msg, k.OpenLinks):
		return true, nil
	case msg.Type == tea.KeyBackspace:
		if o.typed != "" {
			o.typed = o.typed[:len(o.typed)-1]
			o.goTyped()
		}
		return false, nil
	case msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '0' && msg.Runes[0] <= '9':
		o.typeDigit(byte(msg.Runes[0]))
		return false, nil
	}
	if d, ok := movement(k, msg, o.rows, len(o.links)); ok {
		o.typed = ""
		o.move(d, len(o.links), o.rows)
	}
	return false, nil
}

// typeDigit adds a digit to the number typed; a number past the last link
// starts again from the digit.
func (o *linksOverlay) typeDigit(d byte) {
	next := o.typed + string(d)
	if n, err := strconv.Atoi(next); err != nil || n > len(o.links) {
		next = string(d)
	}
	o.typed = strings.TrimLeft(next, "0")
	o.goTyped()
}

func (o *linksOverlay) goTyped() {
	if n, err := strconv.Atoi(o.typed); err == nil && n >= 1 && n <= len(o.links) {
		o.cursor = n - 1
	}
}

func (o *linksOverlay) view(w, h int) string {
	st := o.sh.st
	bw := clamp(w-4, 10, 96)
	o.rows = max(1, h-6)
	hint := "type a number · " + firstKey(o.sh.keys.Down) + "/" + firstKey(o.sh.keys.Up) + " move · enter opens"
	if o.typed != "" {
		hint = "link " + o.typed + " · enter opens"
	}
	lines := []string{
		fit(st.Title.Render("Links"), bw-12) + st.Muted.Render(fitLeft(fmt.Sprint(len(o.links)), 12)),
		st.Muted.Render(fit(hint, bw)),
	}
	o.follow(len(o.links), o.rows)
	from, to := o.shown(len(o.links), o.rows)
	for i := from; i < to; i++ {
		lines = append(lines, o.row(i, bw))
	}
	box := st.Overlay.Render(block(lines, bw, len(lines)))
	return block(strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n"), w, h)
}

// row is one link: its number, its anchor text and where it goes.
func (o *linksOverlay) row(i, w int) string {
	st := o.sh.st
	l := o.links[i]
	label := fitLeft(linkLabel(i), len(linkLabel(len(o.links)-1)))
	text := safeLine(strings.TrimSpace(l.Text))
	line := label + " "
	if text != "" {
		line += text + " " + st.Muted.Render(safeLine(l.URL))
	} else {
		line += safeLine(l.URL)
	}
	if i == o.cursor {
		return st.SelectedFocus.Render(fit("▸"+line, w))
	}
	return fit(" "+line, w)
}
