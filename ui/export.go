package ui

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"time"

	tea "github.com/charmbracelet/bubbletea"
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
	lib := m.sh.lib
	return func() tea.Msg {
		art, err := lib.Article(it.ID)
		if err != nil {
			return exportedMsg{err: err}
		}
		doc, ok, err := lib.Annotation(it.ID, nlp.Version)
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
		rep, err := buildReport(lib, q, leaderIDs)
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

// buildReport gathers the matching articles and the statements: with
// speaker filters, those speakers' statements; otherwise every statement.
// Both newest article first. The table of mentions comes from the store's
// entity index, so no annotation is decoded. (The same as cli_export.go's
// buildReport, over the Library interface.)
func buildReport(lib Library, q store.ArticleQuery, speakerIDs []string) (report.Report, error) {
	q.Limit, q.Offset = 0, 0
	sums, err := lib.Articles(q)
	if err != nil {
		return report.Report{}, err
	}
	arts := make([]report.Article, len(sums))
	byID := make(map[int64]*report.Article, len(sums))
	order := make(map[int64]int, len(sums))
	for i, s := range sums {
		arts[i] = report.Article{Title: s.Title, Feed: s.FeedTitle, Link: s.Link, Published: s.Published}
		byID[s.ID] = &arts[i]
		order[s.ID] = i
	}
	mentions, err := indexedMentions(lib, q)
	if err != nil {
		return report.Report{}, err
	}
	var rows []store.StatementRow
	if len(speakerIDs) == 0 {
		if rows, err = lib.Statements(q, "", 0); err != nil {
			return report.Report{}, err
		}
	}
	for _, id := range speakerIDs {
		r, err := lib.Statements(q, id, 0)
		if err != nil {
			return report.Report{}, err
		}
		rows = append(rows, r...)
	}
	if len(speakerIDs) > 1 {
		sortByArticleOrder(rows, order)
	}
	quotes := make([]report.Quote, 0, len(rows))
	for _, r := range rows {
		a := byID[r.ArticleID]
		if a == nil { // written between the two queries
			a = &report.Article{Title: r.ArticleTitle, Feed: r.FeedTitle, Link: r.Link, Published: r.Published}
			byID[r.ArticleID] = a
		}
		quotes = append(quotes, report.Quote{Statement: r.Statement, Article: a})
	}
	return report.Report{Articles: arts, Statements: quotes, Mentions: mentions}, nil
}

// sortByArticleOrder interleaves several speakers' statements back into
// the articles' order, then text order.
func sortByArticleOrder(rows []store.StatementRow, order map[int64]int) {
	sort.SliceStable(rows, func(i, j int) bool {
		if oi, oj := order[rows[i].ArticleID], order[rows[j].ArticleID]; oi != oj {
			return oi < oj
		}
		return rows[i].Statement.Start < rows[j].Statement.Start
	})
}

// indexedMentions reads the table of people and countries from the entity
// index.
func indexedMentions(lib Library, q store.ArticleQuery) ([]report.Mention, error) {
	mentions := []report.Mention{}
	for _, kind := range []string{store.CountPeople, store.CountCountries} {
		counts, err := lib.EntityCounts(kind, q)
		if err != nil {
			return nil, err
		}
		for _, c := range counts {
			k := c.Kind
			if c.Leader {
				k = "leader"
			}
			mentions = append(mentions, report.Mention{Name: c.Name, Kind: k, Mentions: c.Mentions, Articles: c.Articles})
		}
	}
	report.SortMentions(mentions)
	return mentions, nil
}
