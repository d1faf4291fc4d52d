package ui

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
)

// Actions that act on an article, whichever pane has focus.

// openSelected opens the list's selected article, marking it read.
func (m *Model) openSelected() tea.Cmd {
	it, ok := m.list.selected()
	if !ok {
		return nil
	}
	return m.openArticle(it)
}

// openArticle shows article it in the reader, marking it read.
func (m *Model) openArticle(it store.ArticleSummary) tea.Cmd {
	m.reading = true
	m.focus = focusReader
	m.side.setStatements(nil)
	m.layout()
	cmds := []tea.Cmd{m.reader.open(it.ID)}
	m.reader.find = m.searchTerm() // the search filter's words are marked
	if !it.Read {
		cmds = append(cmds, m.setRead(it.ID, it.FeedID, true))
	}
	return tea.Batch(cmds...)
}

// current is the article the read/star keys act on: the open one while
// reading, the selected one while browsing.
func (m *Model) current() (store.ArticleSummary, bool) {
	if m.reading {
		if m.reader.id == 0 || m.reader.loading {
			return store.ArticleSummary{}, false
		}
		sum := m.reader.art.ArticleSummary
		if it, ok := m.list.selected(); ok && it.ID == sum.ID {
			sum.Read, sum.Starred = it.Read, it.Starred
		}
		return sum, true
	}
	return m.list.selected()
}

func (m *Model) setRead(id, feedID int64, read bool) tea.Cmd {
	m.list.patch(id, func(a *store.ArticleSummary) { a.Read = read })
	if m.reader.id == id {
		m.reader.art.Read = read
	}
	d := 1
	if read {
		d = -1
	}
	m.feeds.addUnread(feedID, d)
	return setReadCmd(m.sh.lib, id, read)
}

func (m *Model) toggleRead() tea.Cmd {
	it, ok := m.current()
	if !ok {
		return nil
	}
	return m.setRead(it.ID, it.FeedID, !it.Read)
}

func (m *Model) toggleStar() tea.Cmd {
	it, ok := m.current()
	if !ok {
		return nil
	}
	v := !it.Starred
	m.list.patch(it.ID, func(a *store.ArticleSummary) { a.Starred = v })
	if m.reader.id == it.ID {
		m.reader.art.Starred = v
	}
	return setStarredCmd(m.sh.lib, it.ID, v)
}

func (m *Model) openLink() tea.Cmd {
	it, ok := m.current()
	if !ok {
		return nil
	}
	return m.openURLCmd(it.Link)
}

// openURLCmd opens link in the browser (or the tests' opener).
func (m *Model) openURLCmd(link string) tea.Cmd {
	if m.openURL == nil {
		return m.browser.open(link)
	}
	return openLinkCmd(m.openURL, link)
}

func (m *Model) copyQuote() tea.Cmd {
	stmts := m.reader.statements()
	i := m.side.cursor
	if i < 0 || i >= len(stmts) {
		return m.setStatus("select a statement first (n / p or the sidebar)", false)
	}
	return m.copyText(quoteText(stmts[i], m.reader.art.FeedTitle, m.reader.art.Link))
}

// fetchFullText fetches the open article's page and shows its text, for
// feeds that carry only a summary (or nothing).
func (m *Model) fetchFullText() tea.Cmd {
	if !m.reading || m.reader.id == 0 || m.reader.loading {
		return m.setStatus("open an article to fetch its full text", false)
	}
	if m.fetchText == nil {
		return m.setStatus("fetching the full text is not available here", false)
	}
	if err := checkLink(m.reader.art.Link); err != nil {
		return m.setStatus("full text: "+err.Error(), true)
	}
	if m.reader.fetching {
		return nil
	}
	m.reader.fetching, m.reader.fetchErr = true, ""
	fetch, ctx, seq, id, link := m.fetchText, m.ctx, m.reader.seq, m.reader.id, m.reader.art.Link
	return func() tea.Msg {
		text, links, err := fetch(ctx, link)
		if err == nil && strings.TrimSpace(text) == "" {
			err = errors.New("the page has no article text")
		}
		return fetchedTextMsg{seq: seq, id: id, text: text, links: links, err: err}
	}
}
