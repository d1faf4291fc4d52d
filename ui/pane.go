package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

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

// movement maps the movement keys to a step through n items of which page
// are on screen at once: every pane, list and overlay moves the same way.
// Top and Bottom step by n (the callers clamp); ok is false for any other
// key.
func movement(k KeyMap, msg tea.KeyMsg, page, n int) (d int, ok bool) {
	page = max(1, page)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.Top):
		return -max(1, n), true
	case key.Matches(msg, k.Bottom):
		return max(1, n), true
	}
	return 0, false
}
