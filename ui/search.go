package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// The search input lives in the status line, so the list stays in view
// while one types. Enter applies it as a chip (combined with the others),
// esc cancels; an empty search removes the search chip.

// openSearch starts the input, pre-filled with the current search.
func (m *Model) openSearch() {
	if m.reading {
		in := newInput("find in article: ", "words to find")
		in.SetValue(m.reader.find)
		m.search, m.searchArticle = in, true
		return
	}
	m.searchArticle = false
	in := newInput("/ ", "search titles and text")
	for _, c := range m.chips {
		if c.kind == chipSearch {
			in.SetValue(c.id)
		}
	}
	m.search = in
}

// onSearchKey handles a key while the search input is open.
func (m *Model) onSearchKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.search = nil
		return nil
	case tea.KeyEnter:
		words := strings.Join(strings.Fields(m.search.Value()), " ")
		m.search = nil
		if m.searchArticle {
			if words == "" {
				m.reader.clearFind()
				return nil
			}
			m.reader.setFind(words)
			return m.setStatus(m.reader.findStatus(firstKey(m.sh.keys.NextStatement), firstKey(m.sh.keys.PrevStatement)), false)
		}
		if words == "" {
			return m.dropSearch()
		}
		return m.addChip(chip{kind: chipSearch, id: words, name: words})
	}
	m.search.update(msg)
	return nil
}

// dropSearch removes the search chip, if there is one.
func (m *Model) dropSearch() tea.Cmd {
	for i, c := range m.chips {
		if c.kind == chipSearch {
			m.chips = append(m.chips[:i:i], m.chips[i+1:]...)
			return m.applyFilters()
		}
	}
	return nil
}

// searchTerm is the words of the search filter, "" without one.
func (m *Model) searchTerm() string {
	for _, c := range m.chips {
		if c.kind == chipSearch {
			return c.id
		}
	}
	return ""
}
