package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// overlay is a modal view over the panes: help, the pickers, the links,
// and the prompts in the status line (search, the question before
// marking; prompt.go). While one is open it receives every key first. An
// overlay gets the shared context and callbacks, never the model.
type overlay interface {
	// update handles a key; done closes the overlay.
	update(msg tea.KeyMsg) (done bool, cmd tea.Cmd)
	// view draws the overlay in exactly w×h cells.
	view(w, h int) string
}

// helpOverlay shows every binding, grouped (bubbles/help full view). Like
// every overlay it gets the shared context and callbacks, not the model.
type helpOverlay struct {
	sh    *shared
	help  *help.Model
	quit  func() tea.Cmd
	pager     // offset: the first line shown when the bindings do not fit
	rows  int // lines shown at the last view
	lines int // lines of bindings at the last view
}

func (o *helpOverlay) update(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := o.sh.keys
	switch {
	case key.Matches(msg, k.Quit):
		return false, o.quit()
	case key.Matches(msg, k.Help), key.Matches(msg, k.Back), key.Matches(msg, k.BackOrQuit):
		return true, nil
	}
	if d, ok := movement(k, msg, o.rows, o.lines); ok {
		o.pan(d, o.lines, o.rows)
	}
	return false, nil
}

func (o *helpOverlay) view(w, h int) string {
	m := o
	// Lay the groups out in as many rows as the width needs.
	avail := max(20, w-6)
	m.help.Width = 0
	var rows []string
	var row [][]key.Binding
	for _, g := range m.sh.keys.FullHelp() {
		try := append(append([][]key.Binding(nil), row...), g)
		if len(row) > 0 && lipgloss.Width(m.help.FullHelpView(try)) > avail {
			rows = append(rows, m.help.FullHelpView(row))
			row = [][]key.Binding{g}
			continue
		}
		row = try
	}
	rows = append(rows, m.help.FullHelpView(row))
	rows = append(rows, glyphLegend)
	lines := strings.Split(strings.Join(rows, "\n\n"), "\n")
	head := m.sh.st.Title.Render("herald — keys")
	if room := max(1, h-4); len(lines) > room {
		// Too tall for the terminal: show a window that the movement keys scroll.
		room = max(1, h-3)
		o.rows, o.lines = room, len(lines)
		o.offset = clamp(o.offset, 0, len(lines)-room)
		more := fmt.Sprintf("lines %d–%d of %d · %s/%s scroll", o.offset+1, o.offset+room, len(lines),
			m.sh.keys.Up.Help().Key, m.sh.keys.Down.Help().Key)
		lines = append(lines[o.offset:o.offset+room:o.offset+room], m.sh.st.Muted.Render(more))
		head = ""
	} else {
		o.offset, o.rows, o.lines = 0, len(lines), len(lines)
		head += "\n"
	}
	if head != "" {
		lines = append([]string{head}, lines...)
	}
	box := m.sh.st.Overlay.Render(strings.Join(lines, "\n"))
	return block(strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n"), w, h)
}

// glyphLegend explains the marks in the list, the feeds and the chips.
const glyphLegend = "● unread   ★ starred   ❝ statements (quotes)   ♛ leaders named\n" +
	"◎ a country filter   / a search filter   ! the feed failed (its error shows under the feeds)"
