package ui

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/digest"
	"github.com/herald-reader/herald/feeds/exportfile"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
	"github.com/herald-reader/herald/nlp/report"
)

// Export writes markdown files with nlp/report, named by exportfile.Name and
// written by exportfile.Write (temporary file, never overwriting), always
// in a tea.Cmd. The filtered export builds the same report as
// `herald export` does for the same filters.

type exportedMsg struct {
	path string
	err  error
}

// exportArticle writes the open article's highlights (while browsing: the
// selected article's, read from the store).
func (m *Model) exportArticle() tea.Cmd {
	dir, now := m.sh.export, m.sh.now()
	if m.reading {
		if m.reader.id == 0 || m.reader.loading {
			return nil
		}
		if !m.reader.annotated {
			return m.setStatus("the article is still being annotated; export it in a moment", false)
		}
		art, doc := m.reader.art, m.reader.doc
		return func() tea.Msg { return writeArticleExport(dir, now, art, doc) }
	}
	it, ok := m.list.selected()
	if !ok {
		return m.setStatus("no article selected to export", false)
	}
	lib, version := m.sh.lib, annVersion(m.sh.ann)
	return func() tea.Msg {
		art, err := lib.Article(it.ID)
		if err != nil {
			return exportedMsg{err: err}
		}
		doc, ok, err := lib.Annotation(it.ID, version)
		if err != nil {
			return exportedMsg{err: err}
		}
		if !ok {
			return exportedMsg{err: errors.New("the article is not annotated yet: open it first")}
		}
		return writeArticleExport(dir, now, art, doc)
	}
}

func writeArticleExport(dir string, now time.Time, art store.Article, doc nlp.Doc) tea.Msg {
	rep := report.Report{
		Title:     art.Title,
		Generated: now,
		Articles: []report.Article{{Title: art.Title, Feed: art.FeedTitle, Link: art.Link,
			Published: art.Published, Doc: doc}},
	}
	return writeReport(dir, exportfile.Name(now, art.Title), rep)
}

// exportFiltered writes every statement under the current filters.
func (m *Model) exportFiltered() tea.Cmd {
	dir, now, lib := m.sh.export, m.sh.now(), m.sh.lib
	q := m.query()
	filters, nameParts := m.filterLabels()
	var leaderIDs []string
	for _, c := range speakers(m.chips) {
		leaderIDs = append(leaderIDs, c.id)
	}
	return func() tea.Msg {
		rep, err := digest.Report(lib, q, leaderIDs)
		if err != nil {
			return exportedMsg{err: err}
		}
		rep.Title, rep.Filters, rep.Generated = "herald export", filters, now
		return writeReport(dir, exportfile.Name(now, nameParts...), rep)
	}
}

// filterLabels describes the current filters for the report's heading and
// the file name, worded as `herald export` words them.
func (m *Model) filterLabels() (filters, nameParts []string) {
	active := m.feeds.items[m.feeds.active]
	switch {
	case active.starred:
		filters = append(filters, "starred")
		nameParts = append(nameParts, "starred")
	case active.feedID != 0:
		filters = append(filters, "feed: "+active.label)
		nameParts = append(nameParts, "feed", active.label)
	}
	if m.unreadOnly {
		filters = append(filters, "unread")
		nameParts = append(nameParts, "unread")
	}
	for _, c := range m.chips {
		kind := c.kind
		if kind == chipPerson {
			kind = chipLeader // herald export --leader takes any person
		}
		filters = append(filters, kind+": "+safeLine(c.name))
		nameParts = append(nameParts, kind, c.name)
	}
	return filters, nameParts
}

func writeReport(dir, name string, rep report.Report) tea.Msg {
	if dir == "" {
		return exportedMsg{err: errors.New("no export directory is configured")}
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, rep); err != nil {
		return exportedMsg{err: err}
	}
	path, err := exportfile.Write(dir, name, buf.Bytes())
	return exportedMsg{path: path, err: err}
}

func (m *Model) onExported(msg exportedMsg) tea.Cmd {
	if msg.err != nil {
		return m.setStatus("export failed: "+msg.err.Error(), true)
	}
	cmd := m.setStatus(fmt.Sprintf("wrote %s", msg.path), false)
	m.statusPath = true
	return cmd
}
