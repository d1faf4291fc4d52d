package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// The search prompt is an overlay in the status line (prompt.go), so the
// list stays in view while one types. Enter applies it as a chip (combined
// with the others), esc cancels; an empty search removes the search chip.
// In the reader it finds words in the article instead.

// openSearch opens the prompt, pre-filled with the current search.
func (m *Model) openSearch() {
	if m.reading {
		m.overlay = newSearchPrompt(m.sh, "find in article: ", "words to find", m.reader.find, m.findInArticle)
		return
	}
	m.overlay = newSearchPrompt(m.sh, "/ ", "search titles and text", m.searchTerm(), m.searchList)
}

// findInArticle marks words in the open article ("" clears the marks).
func (m *Model) findInArticle(words string) tea.Cmd {
	if words == "" {
		m.reader.clearFind()
		return nil
	}
	m.reader.setFind(words)
	return m.setStatus(m.reader.findStatus(firstKey(m.sh.keys.NextStatement), firstKey(m.sh.keys.PrevStatement)), false)
}

// searchList makes words the search chip ("" removes it).
func (m *Model) searchList(words string) tea.Cmd {
	if words == "" {
		return m.dropSearch()
	}
	return m.addChip(chip{kind: chipSearch, id: words, name: words})
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
