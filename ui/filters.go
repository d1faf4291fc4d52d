package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// Chip kinds: an entity the articles must mention, or a search.
const (
	chipLeader  = "leader"
	chipPerson  = "person"
	chipCountry = "country"
	chipSearch  = "search"
	chipTag     = "tag" // the feeds of a group of the feeds pane: a tag, or a source's folder
)

// chip is one filter shown in the status line. Chips combine with AND.
type chip struct {
	kind string
	id   string // entity id; the words for a search; the group for a tag
	name string // shown; the words for a search
}

// speaks reports whether the chip names someone whose statements the
// cross-article sidebar lists.
func (c chip) speaks() bool { return c.kind == chipLeader || c.kind == chipPerson }

// label is the chip as the status line shows it.
func (c chip) label() string {
	switch c.kind {
	case chipLeader:
		return "♛ " + safeLine(c.name)
	case chipCountry:
		return "◎ " + safeLine(c.name)
	case chipSearch:
		return "/ " + safeLine(c.name)
	case chipTag:
		return "# " + safeLine(c.name)
	}
	return safeLine(c.name)
}

// entityChip makes the chip that filters by an entity or speaker.
func entityChip(kind, id, name string, leader bool) chip {
	switch {
	case kind == nlp.KindCountry:
		return chip{kind: chipCountry, id: id, name: name}
	case leader:
		return chip{kind: chipLeader, id: id, name: name}
	}
	return chip{kind: chipPerson, id: id, name: name}
}

// applyChips adds the chips' filters to q.
func applyChips(q store.ArticleQuery, chips []chip, feeds []store.Feed) store.ArticleQuery {
	q.Entities = nil
	q.FeedIDs = nil
	var words []string
	for _, c := range chips {
		switch c.kind {
		case chipSearch:
			words = append(words, c.id)
		case chipTag:
			// every tag chip must match: the feeds in all their groups
			ids := []int64{}
			for _, f := range feeds {
				if inGroup(f, c.id) && (q.FeedIDs == nil || slices.Contains(q.FeedIDs, f.ID)) {
					ids = append(ids, f.ID)
				}
			}
			q.FeedIDs = ids
		default:
			q.Entities = append(q.Entities, c.id)
		}
	}
	q.Search = strings.Join(words, " ")
	return q
}

// inGroup reports whether feed f is listed under the feeds pane's group, or
// carries it as any of its tags.
func inGroup(f store.Feed, group string) bool {
	if groupOf(f) == group {
		return true
	}
	return slices.ContainsFunc(f.Tags, func(t string) bool { return strings.EqualFold(strings.TrimSpace(t), group) })
}

// speakers are the chips whose statements the cross-article sidebar lists.
func speakers(chips []chip) []chip {
	var out []chip
	for _, c := range chips {
		if c.speaks() {
			out = append(out, c)
		}
	}
	return out
}

// addChip adds c (a search replaces the search chip; an entity already
// chosen is not added twice) and reapplies the filters.
func (m *Model) addChip(c chip) tea.Cmd {
	for i, old := range m.chips {
		if old.kind == chipSearch && c.kind == chipSearch {
			m.chips = append(m.chips[:i:i], m.chips[i+1:]...)
			break
		}
		if old.kind != chipSearch && old.id == c.id {
			return m.setStatus("already filtering by "+safeLine(c.name), false)
		}
	}
	if c.kind == chipSearch && strings.TrimSpace(c.id) == "" {
		return m.applyFilters()
	}
	m.chips = append(m.chips, c)
	return m.applyFilters()
}

// removeChip drops the last chip.
func (m *Model) removeChip() tea.Cmd {
	if len(m.chips) == 0 {
		return nil
	}
	m.chips = m.chips[:len(m.chips)-1]
	return m.applyFilters()
}

func (m *Model) clearChips() tea.Cmd {
	if len(m.chips) == 0 {
		return nil
	}
	m.chips = nil
	return m.applyFilters()
}

// applyFilters reloads the article list and the cross-article statements
// for the current chips.
func (m *Model) applyFilters() tea.Cmd {
	m.layout()
	return tea.Batch(m.list.setQuery(m.query()), m.loadCross())
}

// moveEntity moves the reader's entity cursor; the statement selection
// goes, so that the filter key acts on the entity.
func (m *Model) moveEntity(d int) {
	if m.reader.moveEntity(d) {
		m.side.cursor = -1
	}
}

// filterHere adds a chip for the selected statement's speaker or, with no
// statement selected, for the entity under the reader's cursor.
func (m *Model) filterHere() tea.Cmd {
	var c chip
	stmts := m.reader.statements()
	if i := m.side.cursor; i >= 0 && i < len(stmts) {
		sp := stmts[i].Speaker
		if sp == nil || sp.ID == "" {
			return m.setStatus("this statement has no known speaker to filter by", false)
		}
		c = entityChip(nlp.KindPerson, sp.ID, sp.Name, sp.Leader)
	} else if e, ok := m.reader.cursorEntity(); ok && e.ID != "" {
		c = entityChip(e.Kind, e.ID, e.Name, e.Leader)
	} else {
		k := m.sh.keys
		return m.setStatus(fmt.Sprintf("select a statement (%s) or an entity (%s %s) to filter by",
			k.NextStatement.Help().Key, k.PrevEntity.Help().Key, k.NextEntity.Help().Key), false)
	}
	n := len(m.chips)
	cmd := m.addChip(c)
	if len(m.chips) == n {
		return cmd
	}
	return tea.Batch(cmd, m.setStatus("filtering by "+c.label()+"; "+m.sh.keys.Back.Help().Key+" shows the list", false))
}
