package ui

import "github.com/herald-reader/herald/feeds/store"

// State is what the reader shows at the moment, as data: the facts a user
// reads off the screen (which pane has focus, which article is open, which
// statement is marked, the filter chips, the status line), for tests and
// tools that drive the model with messages. It never exposes the panes.
type State struct {
	Focus     string // "feeds", "list", "reader", "sidebar" or "cross"
	Reading   bool   // an article is open in the reader
	Article   int64  // the open article's id; 0 for none
	Read      bool   // the open article is read
	Starred   bool   // the open article is starred
	Annotated bool   // the open article's annotation is shown
	// Statements is how many statements the open article has; Statement
	// is the one marked in the reader and Sidebar the one under the
	// sidebar's cursor (-1 for none).
	Statements, Statement, Sidebar int
	Cross                          int    // the cross-article sidebar's cursor; -1 for none
	Entity                         string // the id of the entity under the reader's cursor
	Overlay                        string // "help", "picker", "links", "search", "confirm" or "" for none
	Chips                          []string
	Status                         string
	StatusErr                      bool
	SidebarShown                   bool // the statements sidebar is on screen

	// The article list: its query, how many articles it lists, the row
	// under the cursor and that row's article (zero when not loaded).
	Filter   store.ArticleQuery
	Listed   int
	Cursor   int
	Selected store.ArticleSummary
}

var focusNames = [...]string{focusFeeds: "feeds", focusList: "list", focusReader: "reader", focusSidebar: "sidebar", focusCross: "cross"}

func (f focus) String() string {
	if int(f) >= 0 && int(f) < len(focusNames) {
		return focusNames[f]
	}
	return "?"
}

// State reports what the reader shows.
func (m *Model) State() State {
	r := m.reader
	s := State{
		Focus: m.focus.String(), Reading: m.reading, Article: r.id, Read: r.art.Read, Starred: r.art.Starred,
		Annotated: r.annotated, Statements: len(r.statements()), Statement: r.sel, Sidebar: m.side.cursor,
		Cross: m.cross.cursor, Status: m.status, StatusErr: m.statusErr, SidebarShown: m.sidebarVisible(),
		Filter: m.list.q, Listed: m.list.count(), Cursor: m.list.cursor,
	}
	s.Selected, _ = m.list.selected()
	if e, ok := r.cursorEntity(); ok {
		s.Entity = e.ID
	}
	switch m.overlay.(type) {
	case *helpOverlay:
		s.Overlay = "help"
	case *pickerOverlay:
		s.Overlay = "picker"
	case *linksOverlay:
		s.Overlay = "links"
	case *searchPrompt:
		s.Overlay = "search"
	case *confirmPrompt:
		s.Overlay = "confirm"
	}
	for _, c := range m.chips {
		s.Chips = append(s.Chips, c.label())
	}
	return s
}

// ListRow is the list's row i when it is loaded (the list pages its rows
// in as they come into view).
func (m *Model) ListRow(i int) (store.ArticleSummary, bool) { return m.list.item(i) }
