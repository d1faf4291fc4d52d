package ui

import tea "github.com/charmbracelet/bubbletea"

// pane is the one contract every pane of the reader keeps: it handles a
// key (what it means beyond the pane reaches the model through callbacks
// set when the pane is built), draws itself in exactly its size with or
// without focus, and is told its size.
type pane interface {
	update(msg tea.KeyMsg) tea.Cmd
	view(focused bool) string
	setSize(w, h int)
}

var (
	_ pane = (*feedsPane)(nil)
	_ pane = (*listPane)(nil)
	_ pane = (*readerPane)(nil)
	_ pane = (*sidebarPane)(nil)
)

// pane returns the pane with focus f.
func (m *Model) pane(f focus) pane {
	switch f {
	case focusFeeds:
		return m.feeds
	case focusList:
		return m.list
	case focusReader:
		return m.reader
	case focusCross:
		return m.cross
	default:
		return m.side
	}
}
