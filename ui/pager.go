package ui

// pager is the cursor of a list and the first row on screen: every list of
// the reader (articles, feeds, statements, pickers, links) moves, follows
// the cursor, scrolls and maps a click the same way. Each call gets the
// list's length n and the rows that fit, which only the list knows. In the
// statements sidebar an entry takes several lines: there the cursor counts
// entries and the offset lines, and show brings an entry's lines in view.
type pager struct {
	cursor int
	offset int
}

// move puts the cursor d rows away, within the list, and scrolls it into
// view.
func (g *pager) move(d, n, rows int) {
	g.cursor = clamp(g.cursor+d, 0, max(0, n-1))
	g.follow(n, rows)
}

// follow scrolls the least that shows the cursor, never past the end.
func (g *pager) follow(n, rows int) { g.show(g.cursor, g.cursor+1, n, rows) }

// show scrolls the least that shows rows [start, end) of total, never past
// the end; the first row wins when they do not all fit.
func (g *pager) show(start, end, total, rows int) {
	rows = max(1, rows)
	if end > g.offset+rows {
		g.offset = end - rows
	}
	if start < g.offset {
		g.offset = start
	}
	g.offset = clamp(g.offset, 0, max(0, total-rows))
}

// pan moves the view d rows without the cursor.
func (g *pager) pan(d, total, rows int) {
	g.offset = clamp(g.offset+d, 0, max(0, total-max(1, rows)))
}

// scroll moves the view d rows (the mouse wheel), dragging the cursor
// along so that it stays on screen.
func (g *pager) scroll(d, n, rows int) {
	rows = max(1, rows)
	g.pan(d, n, rows)
	g.cursor = clamp(g.cursor, g.offset, g.offset+rows-1)
	g.cursor = clamp(g.cursor, 0, max(0, n-1))
}

// rowAt is the row shown on screen line y, where line 1 shows the first
// (line 0 is the list's title); ok is false off the rows.
func (g *pager) rowAt(y, n int) (int, bool) {
	i := g.offset + y - 1
	return i, y >= 1 && i < n
}

// shown is the range of rows on screen.
func (g *pager) shown(n, rows int) (from, to int) {
	return g.offset, max(g.offset, min(n, g.offset+rows))
}
