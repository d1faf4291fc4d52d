package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// overlay is a modal view over the panes (help now; pickers and search
// later). While one is open it receives every key first.
type overlay interface {
	// update handles a key; done closes the overlay.
	update(msg tea.KeyMsg) (done bool, cmd tea.Cmd)
	// view draws the overlay in exactly w×h cells.
	view(w, h int) string
}

// helpOverlay shows every binding, grouped (bubbles/help full view).
type helpOverlay struct{ m *Model }

func (o *helpOverlay) update(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := o.m.sh.keys
	switch {
	case key.Matches(msg, k.Quit):
		return false, o.m.quit()
	case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
		return true, nil
	}
	return false, nil
}

func (o *helpOverlay) view(w, h int) string {
	m := o.m
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
	box := m.sh.st.Overlay.Render(m.sh.st.Title.Render("herald — keys") + "\n\n" + strings.Join(rows, "\n\n"))
	return block(strings.Split(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box), "\n"), w, h)
}
