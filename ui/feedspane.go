package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
)

// feedItem is one row of the feeds pane: "all", "starred", a tag's
// heading or a feed.
type feedItem struct {
	label   string
	feedID  int64
	starred bool
	tag     string // a heading: the tag; a feed: the tag it is listed under
	heading bool
	unread  int
	total   int
	err     string
}

// feedsPane lists the feeds with their unread counts and error marks,
// grouped under their first tag when feeds have tags; a group collapses.
type feedsPane struct {
	sh        *shared
	feeds     []store.Feed // in the order shown
	collapsed map[string]bool
	items     []feedItem
	errs      map[int64]string // errors from the running refresh, by feed id
	pager
	active int // the item whose articles the list shows
	w, h   int
	// chosen is called when a feed (or all, or starred) is chosen.
	chosen func() tea.Cmd
	// filterGroup is called with a group's heading when the filter key is
	// pressed on it: the group becomes a filter chip.
	filterGroup func(group string) tea.Cmd
}

func newFeedsPane(sh *shared) *feedsPane {
	p := &feedsPane{sh: sh, errs: map[int64]string{}, collapsed: map[string]bool{}}
	p.setFeeds(nil)
	return p
}

func (p *feedsPane) setSize(w, h int) { p.w, p.h = w, h; p.scroll() }

// groupOf is the heading a feed is listed under: its first tag, and for a
// feed synced from a source, the source with the folder (a tag) in it.
func groupOf(f store.Feed) string {
	tag := ""
	for _, t := range f.Tags {
		if t = strings.TrimSpace(t); t != "" {
			tag = t
			break
		}
	}
	switch {
	case f.Source != "" && tag != "":
		return f.Source + " / " + tag
	case f.Source != "":
		return f.Source
	}
	return tag
}

// setFeeds replaces the feed rows, keeping the cursor and the active filter
// on the same feeds. Tagged feeds are grouped under their first tag (a
// source's feeds under the source and folder), in the order they first
// appear; untagged feeds come last.
func (p *feedsPane) setFeeds(fs []store.Feed) {
	var tags []string
	byTag := map[string][]store.Feed{}
	for _, f := range fs {
		t := groupOf(f)
		if _, ok := byTag[t]; !ok && t != "" {
			tags = append(tags, t)
		}
		byTag[t] = append(byTag[t], f)
	}
	p.feeds = p.feeds[:0]
	for _, t := range append(tags, "") {
		p.feeds = append(p.feeds, byTag[t]...)
	}
	p.rebuild()
}

// rebuild makes the rows from the feeds and the collapsed groups.
func (p *feedsPane) rebuild() {
	type id struct {
		feedID  int64
		starred bool
		tag     string
		heading bool
	}
	idOf := func(it feedItem) id { return id{it.feedID, it.starred, it.tag, it.heading} }
	cur, act := id{feedID: -2}, id{feedID: -2}
	if len(p.items) > 0 {
		cur, act = idOf(p.items[p.cursor]), idOf(p.items[p.active])
	}
	items := []feedItem{{label: "All articles"}, {label: "Starred", starred: true}}
	lastTag, grouped := "", false
	for _, f := range p.feeds {
		title := safeLine(f.Title)
		if title == "" {
			title = safeLine(f.URL)
		}
		items[0].unread += f.Unread
		items[0].total += f.Total
		t := groupOf(f)
		if t != "" || grouped {
			if t != lastTag || !grouped {
				label := safeLine(t)
				if t == "" {
					label = "untagged"
				}
				items = append(items, feedItem{label: label, tag: t, heading: true})
				lastTag, grouped = t, true
			}
			h := &items[len(items)-1]
			for i := len(items) - 1; !items[i].heading; i-- {
				h = &items[i-1]
			}
			h.unread += f.Unread
			h.total += f.Total
			if p.collapsed[t] {
				continue
			}
		}
		items = append(items, feedItem{label: title, feedID: f.ID, tag: t, unread: f.Unread, total: f.Total, err: safeLine(f.LastError)})
	}
	p.items = items
	p.cursor, p.active = 0, 0
	for i, it := range items {
		if idOf(it) == cur {
			p.cursor = i
		}
		if idOf(it) == act {
			p.active = i
		}
	}
	p.scroll()
}

// addUnread changes the unread counts of feed id, its group and "all".
func (p *feedsPane) addUnread(feedID int64, d int) {
	tag := ""
	for i := range p.feeds {
		if p.feeds[i].ID == feedID {
			tag = groupOf(p.feeds[i])
			p.feeds[i].Unread = max(0, p.feeds[i].Unread+d)
		}
	}
	for i := range p.items {
		it := &p.items[i]
		switch {
		case it.starred:
		case it.heading && it.tag == tag, !it.heading && (it.feedID == feedID || it.feedID == 0):
			it.unread = max(0, it.unread+d)
		}
	}
}

// toggle collapses or opens the group at the cursor.
func (p *feedsPane) toggle() {
	it := p.items[p.cursor]
	p.collapsed[it.tag] = !p.collapsed[it.tag]
	p.rebuild()
}

// order is every feed's id in the order shown, collapsed groups included.
func (p *feedsPane) order() []int64 {
	ids := make([]int64, len(p.feeds))
	for i, f := range p.feeds {
		ids[i] = f.ID
	}
	return ids
}

// activate makes feed id the active one, opening its group.
func (p *feedsPane) activate(feedID int64) {
	for _, f := range p.feeds {
		if f.ID == feedID && p.collapsed[groupOf(f)] {
			p.collapsed[groupOf(f)] = false
			p.rebuild()
		}
	}
	for i, it := range p.items {
		if it.feedID == feedID && !it.heading && !it.starred {
			p.active, p.cursor = i, i
		}
	}
	p.scroll()
}

// setRefreshError marks (or, with "", clears) a feed's error from a refresh.
func (p *feedsPane) setRefreshError(feedID int64, err string) {
	if err == "" {
		delete(p.errs, feedID)
		for i := range p.items {
			if p.items[i].feedID == feedID && !p.items[i].starred {
				p.items[i].err = ""
			}
		}
		return
	}
	p.errs[feedID] = safeLine(err)
}

func (p *feedsPane) errorOf(it feedItem) string {
	if it.feedID == 0 {
		return ""
	}
	if e, ok := p.errs[it.feedID]; ok {
		return e
	}
	return it.err
}

// query returns the list filter for the active item.
func (p *feedsPane) query() store.ArticleQuery {
	it := p.items[p.active]
	return store.ArticleQuery{FeedID: it.feedID, Starred: it.starred}
}

func (p *feedsPane) activeLabel() string { return p.items[p.active].label }

func (p *feedsPane) move(d int) { p.pager.move(d, len(p.items), p.rows()) }

func (p *feedsPane) scroll() { p.follow(len(p.items), p.rows()) }

// rows is how many feed rows fit: the title line and, for a feed with an
// error, up to three lines explaining it are kept free.
func (p *feedsPane) rows() int { return max(1, p.h-1-p.errLines()) }

func (p *feedsPane) errLines() int {
	if len(p.items) == 0 || p.errorOf(p.items[p.cursor]) == "" || p.h < 10 {
		return 0
	}
	return 3
}

// update handles the pane's own keys; choosing a feed calls chosen.
func (p *feedsPane) update(msg tea.KeyMsg) tea.Cmd {
	k := p.sh.keys
	if d, ok := movement(k, msg, p.rows(), len(p.items)); ok {
		p.move(d)
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		if p.items[p.cursor].heading {
			p.toggle()
			return nil
		}
		p.active = p.cursor
		if p.chosen != nil {
			return p.chosen()
		}
	case key.Matches(msg, k.FilterEntity):
		if it := p.items[p.cursor]; it.heading && it.tag != "" && p.filterGroup != nil {
			return p.filterGroup(it.tag)
		}
	}
	return nil
}

// click selects the row at y (relative to the pane); it reports whether a
// row was hit.
func (p *feedsPane) click(y int) bool {
	i, ok := p.rowAt(y, len(p.items))
	if !ok {
		return false
	}
	p.cursor = i
	if p.items[i].heading {
		p.toggle()
		return false
	}
	p.active = i
	return true
}

func (p *feedsPane) view(focused bool) string {
	st := p.sh.st
	lines := []string{p.sh.paneTitle("Feeds", focused, p.w)}
	from, to := p.shown(len(p.items), p.rows())
	for i := from; i < to; i++ {
		it := p.items[i]
		mark := " "
		if i == p.cursor {
			mark = "▸"
		}
		failed := p.errorOf(it) != ""
		count := ""
		if it.unread > 0 {
			count = fmt.Sprint(it.unread)
		}
		label := it.label
		switch {
		case it.starred:
			label = "★ " + label
		case it.heading && p.collapsed[it.tag]:
			label = "▸ " + label
		case it.heading:
			label = "▾ " + label
		case it.feedID != 0 && it.tag != "" || (it.feedID != 0 && p.grouped()):
			label = "  " + label
		}
		labelW := p.w - 3 - len(count)
		var line string
		if i == p.cursor {
			// one style for the whole row: inner styles would end its background
			errMark := " "
			if failed {
				errMark = "!"
			}
			sel := st.Selected
			if focused {
				sel = st.SelectedFocus
			}
			line = sel.Render(fit(mark+errMark+fit(label, labelW)+" "+count, p.w))
		} else {
			errMark := " "
			if failed {
				errMark = st.Error.Render("!")
			}
			if i == p.active {
				label = st.Bold.Render(fit(label, labelW))
			}
			line = mark + errMark + fit(label, labelW) + " " + st.Unread.Render(count)
		}
		lines = append(lines, line)
	}
	if n := p.errLines(); n > 0 {
		for len(lines) < p.h-n {
			lines = append(lines, "")
		}
		msg := wrapPlain("! "+p.errorOf(p.items[p.cursor]), p.w)
		for i := 0; i < n && i < len(msg); i++ {
			lines = append(lines, st.Error.Render(msg[i]))
		}
	}
	return block(lines, p.w, p.h)
}

// grouped reports whether the feeds are shown under tag headings.
func (p *feedsPane) grouped() bool {
	return len(p.items) > 2 && p.items[2].heading
}

// wrapPlain wraps an unstyled string to width.
func wrapPlain(s string, w int) []string {
	var out []string
	for _, ln := range wrapText(s, w) {
		out = append(out, strings.TrimRight(s[ln.start:ln.end], " "))
	}
	return out
}
