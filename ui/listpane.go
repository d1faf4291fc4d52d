package ui

import (
	"fmt"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
)

// listPane is the article list. It holds only the pages of summaries around
// what is shown (never bodies), loading a page when the cursor or the
// scroll position first reaches it.
type listPane struct {
	sh      *shared
	q       store.ArticleQuery
	seq     int  // bumped by every query change or reload
	total   int  // -1 until counted
	exact   bool // total is the count; else at least total (a bounded count)
	pages   map[int][]store.ArticleSummary
	pageSeq map[int]int // the seq each page was loaded under
	pending map[int]int // page -> seq of the request in flight
	pager
	keepID  int64 // after a reload, put the cursor back on this article
	loadErr string
	w, h    int
	rows    map[rowKey]string // rendered rows: most frames redraw the same ones
	// heading names what the list shows and what it adds after the count.
	heading func() (title, suffix string)
}

// rowKey is everything a rendered row depends on.
type rowKey struct {
	s            store.ArticleSummary
	age          string
	w, ageW      int
	sel, focused bool
}

func newListPane(sh *shared) *listPane {
	return &listPane{sh: sh, total: -1, pages: map[int][]store.ArticleSummary{},
		pageSeq: map[int]int{}, pending: map[int]int{}, rows: map[rowKey]string{}}
}

// setSize sizes the list; the model then asks ensureLoaded for the rows.
func (p *listPane) setSize(w, h int) {
	p.w, p.h = w, h
	p.scroll()
}

func (p *listPane) visibleRows() int { return max(1, p.h-1) }

// setQuery shows the articles matching q from the top.
func (p *listPane) setQuery(q store.ArticleQuery) tea.Cmd {
	p.q = q
	p.seq++
	p.total, p.exact = -1, false
	p.pages = map[int][]store.ArticleSummary{}
	p.pageSeq = map[int]int{}
	p.pending = map[int]int{}
	p.cursor, p.offset, p.keepID = 0, 0, 0
	return tea.Batch(loadCountCmd(p.sh.lib, p.seq, q), p.ensureLoaded())
}

// reload re-runs the current query (after a refresh), keeping the filter,
// the pages on screen until their replacements arrive, and the cursor on
// the same article.
func (p *listPane) reload() tea.Cmd {
	p.seq++
	p.pending = map[int]int{}
	if it, ok := p.selected(); ok {
		p.keepID = it.ID
	}
	cmds := []tea.Cmd{loadCountCmd(p.sh.lib, p.seq, p.q)}
	for page := range p.pages {
		p.pending[page] = p.seq
		cmds = append(cmds, loadPageCmd(p.sh.lib, p.seq, page, p.q))
	}
	cmds = append(cmds, p.ensureLoaded())
	return tea.Batch(cmds...)
}

// ensureLoaded requests the pages covering the visible rows and the cursor.
func (p *listPane) ensureLoaded() tea.Cmd {
	first := p.offset / pageSize
	last := (p.offset + p.visibleRows()) / pageSize
	if !p.exact && p.total >= 0 {
		// Past a bounded count the end is found by reading on: the page
		// after the view is asked for too, and the list grows as it comes.
		last++
	}
	var cmds []tea.Cmd
	for page := first; page <= last; page++ {
		if p.exact && page*pageSize >= p.total && page > 0 {
			break
		}
		if p.pageSeq[page] == p.seq && p.pages[page] != nil {
			continue
		}
		if s, ok := p.pending[page]; ok && s == p.seq {
			continue
		}
		p.pending[page] = p.seq
		cmds = append(cmds, loadPageCmd(p.sh.lib, p.seq, page, p.q))
	}
	return tea.Batch(cmds...)
}

func (p *listPane) onCount(m countLoadedMsg) {
	if m.seq != p.seq {
		return
	}
	if m.err != nil {
		p.loadErr = m.err.Error()
		return
	}
	p.total, p.exact = m.total, m.exact
	if !m.exact {
		p.total = max(p.total, p.loaded())
	}
	p.cursor = clamp(p.cursor, 0, max(0, p.total-1))
	p.scroll()
}

// loaded is how many rows the current query's loaded pages show to,
// counting from the top.
func (p *listPane) loaded() int {
	n := 0
	for page, items := range p.pages {
		if p.pageSeq[page] == p.seq && len(items) > 0 {
			n = max(n, page*pageSize+len(items))
		}
	}
	return n
}

func (p *listPane) onPage(m pageLoadedMsg) tea.Cmd {
	if m.seq != p.seq {
		return nil
	}
	delete(p.pending, m.page)
	if m.err != nil {
		p.loadErr = m.err.Error()
		return nil
	}
	p.loadErr = ""
	if m.items == nil {
		m.items = []store.ArticleSummary{}
	}
	p.pages[m.page] = m.items
	p.pageSeq[m.page] = m.seq
	if !p.exact && p.total >= 0 {
		if len(m.items) < pageSize {
			// The end of the list: now it is counted.
			p.total, p.exact = m.page*pageSize+len(m.items), true
			p.cursor = clamp(p.cursor, 0, max(0, p.total-1))
			p.scroll()
		} else if n := p.loaded(); n > p.total {
			p.total = n
		}
	}
	if p.keepID != 0 {
		for i, it := range m.items {
			if it.ID == p.keepID {
				p.cursor = m.page*pageSize + i
				p.keepID = 0
				p.scroll()
				return p.ensureLoaded()
			}
		}
	}
	return nil
}

// selectID puts the cursor on article id: now if its page is loaded,
// else when it arrives.
func (p *listPane) selectID(id int64) {
	for page, items := range p.pages {
		for i, it := range items {
			if it.ID == id {
				p.cursor, p.keepID = page*pageSize+i, 0
				p.scroll()
				return
			}
		}
	}
	p.keepID = id
}

// item returns row i if its page is loaded.
func (p *listPane) item(i int) (store.ArticleSummary, bool) {
	page := p.pages[i/pageSize]
	if off := i % pageSize; off < len(page) {
		return page[off], true
	}
	return store.ArticleSummary{}, false
}

func (p *listPane) selected() (store.ArticleSummary, bool) { return p.item(p.cursor) }

// patch updates the loaded copy of an article's summary.
func (p *listPane) patch(id int64, fn func(*store.ArticleSummary)) {
	for _, page := range p.pages {
		for i := range page {
			if page[i].ID == id {
				fn(&page[i])
			}
		}
	}
}

func (p *listPane) count() int {
	if p.total >= 0 {
		return p.total
	}
	n := 0
	for _, pg := range p.pages {
		n += len(pg)
	}
	return n
}

func (p *listPane) move(d int) tea.Cmd {
	p.pager.move(d, p.count(), p.visibleRows())
	p.keepID = 0
	return p.ensureLoaded()
}

// scrollBy moves the view (mouse wheel), dragging the cursor along.
func (p *listPane) scrollBy(d int) tea.Cmd {
	p.pager.scroll(d, p.count(), p.visibleRows())
	return p.ensureLoaded()
}

func (p *listPane) scroll() { p.follow(p.count(), p.visibleRows()) }

// update handles navigation keys.
func (p *listPane) update(msg tea.KeyMsg) tea.Cmd {
	if d, ok := movement(p.sh.keys, msg, p.visibleRows(), p.count()); ok {
		return p.move(d)
	}
	return nil
}

// click puts the cursor on the row at y; it reports whether it was already
// there (a second click opens).
func (p *listPane) click(y int) (again, hit bool) {
	i, ok := p.rowAt(y, p.count())
	if !ok {
		return false, false
	}
	again = i == p.cursor
	p.cursor = i
	return again, true
}

func (p *listPane) view(focused bool) string {
	title, suffix := "Articles", ""
	if p.heading != nil {
		title, suffix = p.heading()
	}
	head := title
	if n := p.count(); p.total >= 0 && p.exact {
		head = fmt.Sprintf("%s (%d)", title, n)
	} else if p.total >= 0 {
		head = fmt.Sprintf("%s (%s+)", title, thousands(n))
	}
	head += suffix
	lines := []string{p.sh.paneTitle(head, focused, p.w)}
	if p.loadErr != "" {
		lines = append(lines, p.sh.st.Error.Render("! "+safeLine(p.loadErr)))
	} else if p.total == 0 {
		lines = append(lines, p.sh.st.Muted.Render("  no articles"))
	}
	// the date column is as wide as the widest date on screen
	ageW := 4
	from, to := p.shown(p.count(), p.visibleRows())
	for i := from; i < to; i++ {
		if it, ok := p.item(i); ok {
			ageW = max(ageW, len(age(p.sh.now(), it.Published)))
		}
	}
	for i := from; i < to; i++ {
		lines = append(lines, p.row(i, focused, ageW))
	}
	return block(lines, p.w, p.h)
}

// row renders one article: marks, age, feed, title and counts.
func (p *listPane) row(i int, focused bool, ageW int) string {
	it, ok := p.item(i)
	if !ok {
		return fit(p.sh.st.Muted.Render("   …"), p.w)
	}
	k := rowKey{s: it, age: age(p.sh.now(), it.Published), w: p.w, ageW: ageW, sel: i == p.cursor, focused: focused}
	if r, ok := p.rows[k]; ok {
		return r
	}
	if len(p.rows) > 1000 {
		clear(p.rows)
	}
	r := p.renderRow(it, k.age, ageW, k.sel, focused)
	p.rows[k] = r
	return r
}

func (p *listPane) renderRow(it store.ArticleSummary, ageS string, ageW int, sel, focused bool) string {
	st := p.sh.st
	cursor := " "
	if sel {
		cursor = "▸"
	}
	unread, star := " ", " "
	if !it.Read {
		unread = "●"
	}
	if it.Starred {
		star = "★"
	}
	counts := "     ·"
	if it.Annotated {
		counts = fmt.Sprintf("%3d❝%2d♛", min(it.Statements, 999), min(it.Leaders, 99))
	}
	feedW := clamp(p.w/5, 6, 22)
	if p.w < 60 {
		feedW = 0
	}
	ageS = fitLeft(ageS, ageW)
	titleW := p.w - 3 - 1 - ageW - 1 - feedW - 1 - ansiWidth(counts)
	if feedW > 0 {
		titleW--
	}
	title := safeLine(it.Title)
	if title == "" {
		title = untitled
	}
	var b strings.Builder
	b.WriteString(cursor)
	if sel {
		b.WriteString(unread)
	} else {
		b.WriteString(st.Unread.Render(unread))
	}
	b.WriteString(star + " " + ageS + " ")
	if feedW > 0 {
		feed := fit(safeLine(it.FeedTitle), feedW)
		if !sel {
			feed = st.Muted.Render(feed)
		}
		b.WriteString(feed + " ")
	}
	t := fit(title, titleW)
	if !it.Read && !sel {
		t = st.Bold.Render(t)
	}
	b.WriteString(t + " " + counts)
	line := fit(b.String(), p.w)
	if sel {
		if focused {
			return st.SelectedFocus.Render(line)
		}
		return st.Selected.Render(line)
	}
	return line
}

// untitled stands for an item's missing title in the list and the reader.
const untitled = "(untitled)"

func ansiWidth(s string) int { return cellWidth(s) }

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
