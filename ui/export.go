package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/export"
)

// The export keys build an export.Query (this article, or everything under
// the current filters) and write it as markdown with the export package,
// always in a tea.Cmd: the same query and the same file as `herald export`
// gives for the same filters. Files are never overwritten.

type exportedMsg struct {
	path  string
	count int // statements written
	err   error
}

// exportArticle writes the open article's statements (while browsing: the
// selected article's).
func (m *Model) exportArticle() tea.Cmd {
	var q export.Query
	if m.reading {
		if m.reader.id == 0 || m.reader.loading {
			return nil
		}
		if !m.reader.annotated {
			return m.setStatus("the article is still being annotated; export it in a moment", false)
		}
		q = export.Query{Article: m.reader.id, ArticleTitle: m.reader.art.Title}
	} else {
		it, ok := m.list.selected()
		if !ok {
			return m.setStatus("no article selected to export", false)
		}
		if !it.Annotated {
			return m.setStatus("export failed: the article is not annotated yet: open it first", true)
		}
		q = export.Query{Article: it.ID, ArticleTitle: it.Title}
	}
	return m.writeExport(q)
}

// exportFiltered writes every statement under the current filters.
func (m *Model) exportFiltered() tea.Cmd { return m.writeExport(m.exportQuery()) }

// exportQuery is the export query of what the list shows: the feed or
// starred view, unread only, the people, countries and search chips.
func (m *Model) exportQuery() export.Query {
	active := m.feeds.items[m.feeds.active]
	q := export.Query{Unread: m.unreadOnly, Starred: active.starred}
	if active.feedID != 0 {
		q.FeedID, q.FeedTitle = active.feedID, active.label
	}
	var words []string
	for _, c := range m.chips {
		switch {
		case c.kind == chipSearch:
			words = append(words, c.id)
		case c.kind == chipTag:
			q.Tags = append(q.Tags, c.id)
		case c.speaks():
			q.Leaders = append(q.Leaders, export.Ref{ID: c.id, Name: c.name})
		default:
			q.Countries = append(q.Countries, export.Ref{ID: c.id, Name: c.name})
		}
	}
	q.Search = strings.Join(words, " ")
	return q
}

func (m *Model) writeExport(q export.Query) tea.Cmd {
	dir, now, lib, version := m.sh.export, m.sh.now(), m.sh.lib, m.sh.version
	roles := export.DefaultRoles
	if ann := m.sh.ann; ann != nil {
		// the config's [nlp] people and titles too, as herald export has them
		roles = func() map[string]string { return export.Roles(*ann.Gazetteer()) }
	}
	return func() tea.Msg { return writeExport(lib, dir, now, version, roles(), q) }
}

func writeExport(lib export.Source, dir string, now time.Time, version string, roles map[string]string, q export.Query) tea.Msg {
	if dir == "" {
		return exportedMsg{err: errors.New("no export directory is configured")}
	}
	ex, err := export.Gather(lib, q)
	if err != nil {
		return exportedMsg{err: err}
	}
	ex.Generated, ex.Version, ex.Roles = now, version, roles
	data, err := export.Bytes(ex, export.Options{Format: export.Markdown, Group: export.ByArticle})
	if err != nil {
		return exportedMsg{err: err}
	}
	path, err := export.WriteFile(dir, q.FileName(now, export.Markdown), data)
	if err == nil {
		err = export.MarkWritten(lib, ex)
	}
	return exportedMsg{path: path, count: len(ex.Statements), err: err}
}

func (m *Model) onExported(msg exportedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus("export failed: "+msg.err.Error(), true)
	}
	noun := "statements"
	if msg.count == 1 {
		noun = "statement"
	}
	cmd := m.setStatus(fmt.Sprintf("%d %s: wrote %s", msg.count, noun, msg.path), false)
	m.statusPath = true
	return cmd
}
