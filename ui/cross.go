package ui

import (
	"fmt"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// The cross-article sidebar: with a leader (or person) chip set, the browse
// view lists what that person said in every matching article, newest
// first; enter opens the article at the quote.

// crossLimit caps the statements the sidebar loads per speaker.
const crossLimit = 500

type crossLoadedMsg struct {
	seq  int
	rows []store.StatementRow
	err  error
}

// loadCrossCmd reads each speaker's statements under q and merges them,
// newest article first, then in text order.
func loadCrossCmd(lib Library, seq int, q store.ArticleQuery, speakerIDs []string) tea.Cmd {
	return func() tea.Msg {
		var rows []store.StatementRow
		for _, id := range speakerIDs {
			r, err := lib.Statements(q, id, crossLimit)
			if err != nil {
				return crossLoadedMsg{seq: seq, err: err}
			}
			rows = append(rows, r...)
		}
		if len(speakerIDs) > 1 {
			sortStatementRows(rows)
		}
		return crossLoadedMsg{seq: seq, rows: rows}
	}
}

// sortStatementRows orders rows newest article first, then by position.
func sortStatementRows(rows []store.StatementRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if !a.Published.Equal(b.Published) {
			return a.Published.After(b.Published)
		}
		if a.ArticleID != b.ArticleID {
			return a.ArticleID > b.ArticleID
		}
		return a.Statement.Start < b.Statement.Start
	})
}

// crossOn reports whether the browse view has a cross-article sidebar.
func (m *Model) crossOn() bool { return len(speakers(m.chips)) > 0 }

// loadCross reloads the cross-article statements for the current chips.
func (m *Model) loadCross() tea.Cmd {
	m.crossSeq++
	m.crossRows = nil
	sp := speakers(m.chips)
	m.cross.setSourced(nil, nil)
	if len(sp) == 0 {
		return nil
	}
	var ids, names []string
	for _, c := range sp {
		ids = append(ids, c.id)
		names = append(names, safeLine(c.name))
	}
	m.cross.title = "Said: " + strings.Join(names, ", ")
	m.cross.empty = "loading…"
	return loadCrossCmd(m.sh.lib, m.crossSeq, m.query(), ids)
}

// reloadCross re-reads the statements (after a refresh or background
// annotation), keeping the list on screen and the selection on the same
// statement.
func (m *Model) reloadCross() tea.Cmd {
	sp := speakers(m.chips)
	if len(sp) == 0 {
		return nil
	}
	m.crossSeq++
	m.crossKeep = nil
	if i := m.cross.cursor; i >= 0 && i < len(m.crossRows) {
		r := m.crossRows[i]
		m.crossKeep = &pendingQuote{id: r.ArticleID, start: r.Statement.Start, end: r.Statement.End}
	}
	var ids []string
	for _, c := range sp {
		ids = append(ids, c.id)
	}
	return loadCrossCmd(m.sh.lib, m.crossSeq, m.query(), ids)
}

func (m *Model) onCrossLoaded(msg crossLoadedMsg) tea.Cmd {
	if msg.seq != m.crossSeq {
		return nil
	}
	if msg.err != nil {
		m.cross.empty = "! " + safeLine(msg.err.Error())
		m.cross.dirty = true
		return nil
	}
	m.crossRows = msg.rows
	stmts := make([]nlp.Statement, len(msg.rows))
	sources := make([]string, len(msg.rows))
	for i, r := range msg.rows {
		stmts[i] = r.Statement
		src := safeLine(r.FeedTitle)
		if !r.Published.IsZero() {
			src += " · " + r.Published.Format("2006-01-02")
		}
		sources[i] = src
	}
	m.cross.empty = "no statements under these filters"
	offset := m.cross.offset
	m.cross.setSourced(stmts, sources)
	if keep := m.crossKeep; keep != nil {
		m.crossKeep = nil
		for i, r := range msg.rows {
			if r.ArticleID == keep.id && r.Statement.Start == keep.start && r.Statement.End == keep.end {
				m.cross.cursor, m.cross.offset = i, offset
				m.cross.reveal()
				break
			}
		}
	}
	return nil
}

// openCrossSelected opens the article of the selected cross-article
// statement; the reader scrolls to the quote and marks it once loaded.
func (m *Model) openCrossSelected() tea.Cmd {
	i := m.cross.cursor
	if i < 0 || i >= len(m.crossRows) {
		return nil
	}
	r := m.crossRows[i]
	m.reading = true
	m.focus = focusReader
	m.returnFocus = focusCross
	m.side.setStatements(nil)
	m.layout()
	m.pendingQuote = &pendingQuote{id: r.ArticleID, start: r.Statement.Start, end: r.Statement.End, quote: r.Statement.Quote}
	m.markOnLoad = true
	return m.reader.open(r.ArticleID)
}

// pendingQuote is the statement to select when its article has loaded.
type pendingQuote struct {
	id         int64
	start, end int
	quote      string
}

// find returns the index of the pending statement in stmts: the one at the
// same offsets, else the first with the same words.
func (pq *pendingQuote) find(stmts []nlp.Statement) int {
	for i, s := range stmts {
		if s.Start == pq.start && s.End == pq.end {
			return i
		}
	}
	want := strings.Join(strings.Fields(pq.quote), " ")
	for i, s := range stmts {
		if strings.Join(strings.Fields(s.Quote), " ") == want {
			return i
		}
	}
	return -1
}

// afterStatements runs when the open article's statements are known: it
// selects a pending quote and marks an article opened from the sidebar read.
func (m *Model) afterStatements() tea.Cmd {
	var cmd tea.Cmd
	if m.markOnLoad && m.reader.id != 0 && !m.reader.loading {
		m.markOnLoad = false
		if !m.reader.art.Read {
			cmd = m.setRead(m.reader.id, m.reader.art.FeedID, true)
		}
	}
	pq := m.pendingQuote
	if pq == nil || pq.id != m.reader.id || !m.reader.annotated {
		return cmd
	}
	m.pendingQuote = nil
	i := pq.find(m.reader.statements())
	if i < 0 {
		return tea.Batch(cmd, m.setStatus(fmt.Sprintf("the quote is no longer in %q", safeLine(m.reader.art.Title)), false))
	}
	m.side.cursor = i
	m.side.reveal()
	m.reader.selectStatement(i)
	return cmd
}
