package ui

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
	Overlay                        string // "help", "picker", "links" or "" for none
	Chips                          []string
	Status                         string
	StatusErr                      bool
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
		Cross: m.cross.cursor, Status: m.status, StatusErr: m.statusErr,
	}
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
	}
	for _, c := range m.chips {
		s.Chips = append(s.Chips, c.label())
	}
	return s
}
