package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
)

// J and K open the next and the previous unread article in the list's
// order, one key per article as in newsboat; past the last one of a feed
// they go on to the next feed (in the feeds pane's order) with unread
// articles.

type nextUnreadMsg struct {
	seq    int
	item   store.ArticleSummary
	found  bool
	feedID int64 // the feed switched to, 0 when the list stays
	err    error
}

// after reports whether a comes after b in the list's order (newest first).
func after(a, b store.ArticleSummary) bool {
	if !a.Published.Equal(b.Published) {
		return a.Published.Before(b.Published)
	}
	return a.ID < b.ID
}

func nextUnreadCmd(lib Library, seq int, q store.ArticleQuery, cur *store.ArticleSummary, dir int, feeds []int64) tea.Cmd {
	return func() tea.Msg {
		q.Unread, q.Limit, q.Offset = true, 0, 0
		items, err := lib.Articles(q)
		if err != nil {
			return nextUnreadMsg{seq: seq, err: err}
		}
		if it, ok := pickUnread(items, cur, dir); ok {
			return nextUnreadMsg{seq: seq, item: it, found: true}
		}
		for _, fid := range feeds {
			fq := q
			fq.FeedID = fid
			if dir > 0 {
				fq.Limit = 1 // the newest unread is the first
			}
			items, err := lib.Articles(fq)
			if err != nil {
				return nextUnreadMsg{seq: seq, err: err}
			}
			if it, ok := pickUnread(items, nil, dir); ok {
				return nextUnreadMsg{seq: seq, item: it, found: true, feedID: fid}
			}
		}
		return nextUnreadMsg{seq: seq}
	}
}

// pickUnread is the unread item next to cur in direction dir; with no cur,
// the first (dir > 0) or the last.
func pickUnread(items []store.ArticleSummary, cur *store.ArticleSummary, dir int) (store.ArticleSummary, bool) {
	if dir > 0 {
		for _, it := range items {
			if cur == nil || (it.ID != cur.ID && after(it, *cur)) {
				return it, true
			}
		}
		return store.ArticleSummary{}, false
	}
	for i := len(items) - 1; i >= 0; i-- {
		if it := items[i]; cur == nil || (it.ID != cur.ID && after(*cur, it)) {
			return it, true
		}
	}
	return store.ArticleSummary{}, false
}

// walkUnread starts J (dir 1) or K (dir -1).
func (m *Model) walkUnread(dir int) tea.Cmd {
	var cur *store.ArticleSummary
	if it, ok := m.current(); ok {
		if !m.reading && !it.Read && dir > 0 {
			return m.openArticle(it) // the selected article is the next unread
		}
		cur = &it
	}
	// past this feed: the feeds after it (before it, going back)
	var feeds []int64
	if act := m.feeds.items[m.feeds.active].feedID; act != 0 {
		order := m.feeds.order()
		for i, id := range order {
			if id != act {
				continue
			}
			for j := i + dir; j >= 0 && j < len(order); j += dir {
				feeds = append(feeds, order[j])
			}
		}
	}
	m.unreadSeq++
	return nextUnreadCmd(m.sh.lib, m.unreadSeq, m.list.q, cur, dir, feeds)
}

func (m *Model) onNextUnread(msg nextUnreadMsg) tea.Cmd {
	if msg.seq != m.unreadSeq {
		return nil
	}
	if msg.err != nil {
		return m.setStatus("next unread: "+msg.err.Error(), true)
	}
	if !msg.found {
		return m.setStatus("no more unread articles", false)
	}
	var cmds []tea.Cmd
	if msg.feedID != 0 {
		m.feeds.activate(msg.feedID)
		cmds = append(cmds, m.list.setQuery(m.query()), m.setStatus("on to "+m.feeds.activeLabel(), false))
	}
	m.list.selectID(msg.item.ID)
	if !m.reading {
		m.returnFocus = focusList
	}
	return tea.Batch(append(cmds, m.openArticle(msg.item))...)
}
