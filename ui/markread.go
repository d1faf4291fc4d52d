package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
)

// `A` marks what the list shows read: the selected feed, or the filtered or
// searched articles. More than a screenful asks first; `u` undoes the last
// marking until the next action.

type (
	// unreadShownMsg lists the unread articles the list shows, for `A`.
	unreadShownMsg struct {
		seq int
		ids []int64
		err error
	}
	// markedMsg reports that ids were set to read (or back to unread).
	markedMsg struct {
		ids  []int64
		read bool
		err  error
	}
)

func unreadIDsCmd(lib Library, seq int, q store.ArticleQuery) tea.Cmd {
	return func() tea.Msg {
		q.Unread, q.Limit, q.Offset = true, 0, 0
		items, err := lib.Articles(q)
		ids := make([]int64, len(items))
		for i, it := range items {
			ids[i] = it.ID
		}
		return unreadShownMsg{seq: seq, ids: ids, err: err}
	}
}

func setReadManyCmd(lib Library, ids []int64, read bool) tea.Cmd {
	return func() tea.Msg {
		for _, id := range ids {
			if err := lib.SetRead(id, read); err != nil {
				return markedMsg{ids: ids, read: read, err: err}
			}
		}
		return markedMsg{ids: ids, read: read}
	}
}

// markShownRead starts `A`: find the unread articles the list shows.
func (m *Model) markShownRead() tea.Cmd {
	m.markSeq++
	return unreadIDsCmd(m.sh.lib, m.markSeq, m.list.q)
}

func (m *Model) onUnreadShown(msg unreadShownMsg) tea.Cmd {
	if msg.seq != m.markSeq {
		return nil
	}
	if msg.err != nil {
		return m.setStatus("marking read: "+msg.err.Error(), true)
	}
	if len(msg.ids) == 0 {
		return m.setStatus("nothing unread here", false)
	}
	if ids := msg.ids; len(ids) > m.list.visibleRows() {
		// more than a screenful: ask first, in the status line
		m.overlay = &confirmPrompt{sh: m.sh,
			question: fmt.Sprintf("mark %s in %s read?", plural(len(ids), "article"), m.listLabel()),
			yes:      func() tea.Cmd { return m.applyMark(ids) },
			no:       func() tea.Cmd { return m.setStatus("nothing marked", false) },
		}
		return nil
	}
	return m.applyMark(msg.ids)
}

func (m *Model) applyMark(ids []int64) tea.Cmd {
	for _, id := range ids {
		m.list.patch(id, func(a *store.ArticleSummary) { a.Read = true })
	}
	m.undo = ids
	return setReadManyCmd(m.sh.lib, ids, true)
}

// undoMark sets the articles of the last `A` back to unread.
func (m *Model) undoMark() tea.Cmd {
	ids := m.undo
	m.undo = nil
	if ids == nil {
		return m.setStatus("nothing to undo", false)
	}
	for _, id := range ids {
		m.list.patch(id, func(a *store.ArticleSummary) { a.Read = false })
	}
	return setReadManyCmd(m.sh.lib, ids, false)
}

func (m *Model) onMarked(msg markedMsg) tea.Cmd {
	reload := tea.Batch(loadFeedsCmd(m.sh.lib), m.list.reload())
	if msg.err != nil {
		return tea.Batch(reload, m.setStatus("marking read: "+msg.err.Error(), true))
	}
	if !msg.read {
		return tea.Batch(reload, m.setStatus(fmt.Sprintf("%s unread again", plural(len(msg.ids), "article")), false))
	}
	return tea.Batch(reload, m.setStatus(fmt.Sprintf("marked %s read · %s undo", plural(len(msg.ids), "article"), firstKey(m.sh.keys.Undo)), false))
}

// listLabel names what the list shows, for messages.
func (m *Model) listLabel() string {
	l := m.feeds.activeLabel()
	if len(m.chips) > 0 || m.list.q.Search != "" {
		l += " (filtered)"
	}
	return l
}
