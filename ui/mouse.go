package ui

import tea "github.com/charmbracelet/bubbletea"

// onMouse scrolls the pane under the pointer with the wheel; a left click
// focuses that pane and selects the row under it.
func (m *Model) onMouse(msg tea.MouseMsg) tea.Cmd {
	if _, inLine := m.overlay.(lineOverlay); m.overlay != nil && !inLine {
		return nil // a prompt in the status line leaves the panes to the mouse
	}
	ev := tea.MouseEvent(msg)
	var target focus = -1
	for f, r := range m.rects {
		if r.contains(ev.X, ev.Y) {
			target = f
		}
	}
	if target < 0 {
		return nil
	}
	y := ev.Y - m.rects[target].y
	switch {
	case ev.Button == tea.MouseButtonWheelUp || ev.Button == tea.MouseButtonWheelDown:
		d := 3
		if ev.Button == tea.MouseButtonWheelUp {
			d = -3
		}
		switch target {
		case focusFeeds:
			m.feeds.move(d)
		case focusList:
			return m.list.scrollBy(d)
		case focusReader:
			m.reader.scrollBy(d)
		case focusSidebar:
			m.side.scrollBy(d)
		case focusCross:
			m.cross.scrollBy(d)
		}
	case ev.Button == tea.MouseButtonLeft && ev.Action == tea.MouseActionPress:
		m.focus = target
		switch target {
		case focusFeeds:
			if m.feeds.click(y) {
				m.focus = focusList
				return m.applyFilters()
			}
		case focusList:
			if again, hit := m.list.click(y); hit {
				if again {
					return m.openSelected()
				}
				return m.list.ensureLoaded()
			}
		case focusSidebar:
			if m.side.click(y) {
				m.reader.selectStatement(m.side.cursor)
			}
		case focusCross:
			if i := m.cross.entryAt(y); i >= 0 && i == m.cross.cursor {
				return m.openCrossSelected() // a second click opens
			}
			m.cross.click(y)
		}
	}
	return nil
}
