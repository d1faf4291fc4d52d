package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// focus names the pane that receives keys.
type focus int

const (
	focusFeeds focus = iota
	focusList
	focusReader
	focusSidebar
	focusCross // the cross-article statements beside the list
)

// sidebarAutoWidth is the terminal width from which the statements sidebar
// is shown beside the reader without being asked for.
const sidebarAutoWidth = 100

// Model is the reader's root model.
type Model struct {
	sh     *shared
	feeds  *feedsPane
	list   *listPane
	reader *readerPane
	side   *sidebarPane
	cross  *sidebarPane // a speaker's statements across articles
	help   help.Model
	ref    *refresher

	focus      focus
	reading    bool    // an article is open: reader and sidebar are shown
	sideToggle *bool   // the user's choice; nil follows the width
	overlay    overlay // drawn over the panes and given every key first
	unreadOnly bool

	chips        []chip // filters, combined with AND
	pickerSeq    int    // bumped for every picker opened
	crossSeq     int    // bumped for every cross-article load
	crossRows    []store.StatementRow
	crossKeep    *pendingQuote // keep the selection here across a reload
	pendingQuote *pendingQuote // select this quote once its article loads
	markOnLoad   bool          // mark the article read once it loads
	returnFocus  focus         // where back goes from the reader

	width, height int
	rects         map[focus]rect

	status      string
	statusErr   bool
	statusPath  bool // the status ends in a path: cut it from the left
	statusID    int
	statusOSC   string // a control sequence sent with the status line (OSC 52)
	backlogOn   bool
	backlogLeft int // articles the background annotation may still read
	refreshNow  bool

	muted     *mutedLibrary // nil without mute rules
	markSeq   int           // bumped by every `A`
	spinning  bool          // a spinner tick is pending
	spinner   spinner.Model
	unreadSeq int     // bumped by every J / K
	undo      []int64 // what the last `A` marked read, until the next action

	ctx       context.Context
	cancel    context.CancelFunc
	openURL   func(string) error // set by tests; nil uses browser
	browser   browser
	fetchText func(context.Context, string) (string, []store.Link, error)
	copy      func(string) error
}

// New builds the reader. Invalid theme colours or key bindings fall back to
// the defaults with a warning (main validates them first).
func New(o Options) *Model {
	var warnings []string
	r := o.renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	styles, err := newStyles(r, o.Theme, noColor())
	if err != nil {
		warnings = append(warnings, err.Error())
	}
	keys, err := buildKeyMap(o.Keys)
	if err != nil {
		warnings = append(warnings, err.Error())
	}
	if o.Library == nil {
		o.Library = emptyLibrary{}
	}
	var muted *mutedLibrary
	if len(o.Mutes) > 0 {
		if err := ValidateMutes(o.Mutes); err != nil {
			warnings = append(warnings, err.Error())
		} else {
			muted = newMutedLibrary(o.Library, o.Mutes)
			o.Library = muted
		}
	}
	sh := &shared{lib: o.Library, ann: o.Annotator, st: styles, keys: keys, now: o.now, export: o.ExportDir, version: o.Version}
	sh.textWidth = o.TextWidth
	if sh.textWidth <= 0 {
		sh.textWidth = 80
	}
	if sh.now == nil {
		sh.now = time.Now
	}
	ctx, cancel := context.WithCancel(context.Background())
	m := &Model{
		sh: sh, feeds: newFeedsPane(sh), list: newListPane(sh), reader: newReaderPane(sh),
		side: newSidebarPane(sh), cross: newSidebarPane(sh), help: help.New(), ref: newRefresher(o.Refresh, o.RefreshInterval),
		spinner: newSpinner(), focus: focusList, width: 80, height: 24, ctx: ctx, cancel: cancel,
		muted: muted, openURL: o.OpenURL, fetchText: o.FetchText, copy: o.copy, refreshNow: o.RefreshOnStart,
	}
	m.help.ShowAll = true
	m.wirePanes()
	if m.openURL == nil {
		b, err := resolveBrowser(o.Browser, o.BrowserEnv)
		if err != nil {
			warnings = append(warnings, err.Error())
		}
		m.browser = b
	}
	if m.copy == nil {
		m.copy = systemClipboard()
	}
	warnings = append(warnings, o.Warnings...)
	if len(warnings) > 0 {
		m.status, m.statusErr = safeLine(strings.Join(warnings, "; ")), true
	}
	m.layout()
	return m
}

// Init loads the feeds and the first page of articles, and starts the
// refresh timer and background annotation.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{loadFeedsCmd(m.sh.lib), m.list.setQuery(m.query()), m.ref.tick()}
	if m.refreshNow {
		cmds = append(cmds, m.ref.start(m.ctx))
	}
	m.backlogLeft = backlogBudget
	cmds = append(cmds, m.startBacklog())
	if m.status != "" {
		// start-up warnings (an unknown config key) leave after a while
		cmds = append(cmds, clearStatusAfter(m.statusID, warningLife))
	}
	return tea.Batch(cmds...)
}

func (m *Model) query() store.ArticleQuery {
	q := m.feeds.query()
	q.Unread = m.unreadOnly
	return applyChips(q, m.chips, m.feeds.feeds)
}

// warningLife is how long the start-up warnings stay in the status line
// when no key is pressed.
const warningLife = 20 * time.Second

// backlogBudget is how many unannotated articles (newest first) the
// background annotation reads after start-up and after each refresh: enough
// for the lists a reader looks at, without annotating a whole archive.
const backlogBudget = 500

func (m *Model) startBacklog() tea.Cmd {
	if m.sh.ann == nil || m.backlogOn || m.backlogLeft <= 0 {
		return nil
	}
	m.backlogOn = true
	n := min(backlogBatch, m.backlogLeft)
	m.backlogLeft -= n
	return backlogCmd(m.sh.lib, m.sh.ann, n)
}

func (m *Model) sidebarVisible() bool {
	if m.sideToggle != nil {
		return *m.sideToggle
	}
	return m.width >= sidebarAutoWidth
}

// layout sizes the panes for the terminal and the mode.
func (m *Model) layout() {
	bodyH := max(3, m.height-1)
	w := m.width
	m.rects = map[focus]rect{}
	if !m.reading {
		showFeeds, showCross := m.browseColumns()
		fw, sw := 0, 0
		if showCross {
			sw = clamp(w/3, 28, 56)
			if !showFeeds {
				sw = w / 2
			}
		}
		if showFeeds {
			fw = clamp(w/4, 16, 32)
			if showCross {
				fw = clamp(w/5, 16, 28)
			}
			if w < 50 {
				fw = w / 3
			}
		}
		x := 0
		if showFeeds {
			m.feeds.setSize(fw, bodyH)
			m.rects[focusFeeds] = rect{0, 0, fw, bodyH}
			x = fw + 1
		}
		lw := max(1, w-x)
		if showCross {
			lw = max(1, w-x-sw-1)
			m.cross.setSize(sw, bodyH)
			m.rects[focusCross] = rect{x + lw + 1, 0, sw, bodyH}
		}
		m.list.setSize(lw, bodyH)
		m.rects[focusList] = rect{x, 0, lw, bodyH}
	} else {
		rw := w
		if m.sidebarVisible() {
			sw := clamp(w/3, 28, 56)
			if w-sw-1 < 30 {
				sw = w / 2
			}
			rw = max(1, w-sw-1)
			m.side.setSize(sw, bodyH)
			m.rects[focusSidebar] = rect{rw + 1, 0, sw, bodyH}
		}
		m.reader.setSize(rw, bodyH)
		m.rects[focusReader] = rect{0, 0, rw, bodyH}
	}
	if _, ok := m.rects[m.focus]; !ok {
		m.focus = m.panes()[0]
	}
}

// browseColumns reports which panes the browse view shows beside the
// list: the feeds unless the cross-article sidebar needs their room on a
// narrow terminal.
func (m *Model) browseColumns() (feeds, cross bool) {
	cross = m.crossOn() && m.sidebarVisible()
	return !cross || m.width >= sidebarAutoWidth, cross
}

// panes lists the visible panes in focus order.
func (m *Model) panes() []focus {
	if !m.reading {
		showFeeds, showCross := m.browseColumns()
		var ps []focus
		if showFeeds {
			ps = append(ps, focusFeeds)
		}
		ps = append(ps, focusList)
		if showCross {
			ps = append(ps, focusCross)
		}
		return ps
	}
	if m.sidebarVisible() {
		return []focus{focusReader, focusSidebar}
	}
	return []focus{focusReader}
}

func (m *Model) cycleFocus(d int) {
	ps := m.panes()
	for i, p := range ps {
		if p == m.focus {
			m.focus = ps[(i+d+len(ps))%len(ps)]
			return
		}
	}
	m.focus = ps[0]
}

func (m *Model) setStatus(text string, isErr bool) tea.Cmd {
	m.statusID++
	m.status, m.statusErr, m.statusPath, m.statusOSC = safeLine(text), isErr, false, ""
	return clearStatusAfter(m.statusID, 5*time.Second)
}

// Update routes messages: results of commands to the pane they belong to,
// keys to the help overlay first, then global bindings, then the focused
// pane.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.update(msg)
	if s := m.spin(); s != nil {
		cmd = tea.Batch(cmd, s)
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case spinTickMsg:
		return m, m.onSpinTick()
	case tea.WindowSizeMsg:
		m.width, m.height = max(20, msg.Width), max(5, msg.Height)
		m.layout()
		return m, m.list.ensureLoaded()
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys typed faster than they are read arrive as one message.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				cmds = append(cmds, m.onKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
			}
			return m, tea.Batch(cmds...)
		}
		return m, m.onKey(msg)
	case tea.MouseMsg:
		return m, m.onMouse(msg)
	case feedsLoadedMsg:
		if msg.err != nil {
			return m, m.setStatus("loading feeds: "+msg.err.Error(), true)
		}
		m.feeds.setFeeds(msg.feeds)
	case countLoadedMsg:
		m.list.onCount(msg)
		return m, m.list.ensureLoaded()
	case pageLoadedMsg:
		return m, m.list.onPage(msg)
	case articleLoadedMsg:
		cmd := m.reader.onLoaded(msg)
		if m.reader.annotated && msg.id == m.reader.id {
			m.side.setStatements(m.reader.statements())
		}
		return m, tea.Batch(cmd, m.afterStatements())
	case fetchedTextMsg:
		cmd := m.reader.onFetched(msg)
		if msg.err != nil && msg.id == m.reader.id {
			return m, m.setStatus("full text: "+msg.err.Error(), true)
		}
		return m, cmd
	case annotatedMsg:
		m.reader.onAnnotated(msg)
		if msg.id == m.reader.id && msg.err == nil {
			m.side.setStatements(m.reader.statements())
			st, ld := docCounts(msg.doc)
			m.list.patch(msg.id, func(a *store.ArticleSummary) {
				a.Annotated, a.Statements, a.Leaders = true, st, ld
			})
			return m, m.afterStatements()
		}
	case backlogMsg:
		m.backlogOn = false
		if msg.err != nil {
			return m, m.setStatus("annotating: "+msg.err.Error(), true)
		}
		if msg.done > 0 { // annotations change no article's title or text: the muted stay
			return m, tea.Batch(m.list.reload(), m.reloadCross(), m.startBacklog())
		}
	case savedMsg:
		if msg.err != nil {
			return m, m.setStatus("saving "+msg.what+": "+msg.err.Error(), true)
		}
	case openedMsg:
		if msg.err != nil {
			return m, m.setStatus("open: "+msg.err.Error(), true)
		}
		return m, m.setStatus("opened "+msg.link, false)
	case nextUnreadMsg:
		return m, m.onNextUnread(msg)
	case unreadShownMsg:
		return m, m.onUnreadShown(msg)
	case markedMsg:
		return m, m.onMarked(msg)
	case copiedMsg:
		return m, m.onCopied(msg)
	case entitiesLoadedMsg:
		if p, ok := m.overlay.(*pickerOverlay); ok {
			done, cmd := p.onLoaded(msg)
			if done {
				m.overlay = nil
			}
			return m, cmd
		}
	case crossLoadedMsg:
		return m, m.onCrossLoaded(msg)
	case exportedMsg:
		return m, m.onExported(msg)
	case statusMsg:
		return m, m.setStatus(msg.text, msg.isErr)
	case oscSentMsg:
		if msg.id == m.statusID {
			m.statusOSC = ""
		}
	case clearStatusMsg:
		if msg.id == m.statusID {
			m.status, m.statusOSC = "", ""
		}
	case refreshTickMsg:
		return m, tea.Batch(m.ref.start(m.ctx), m.ref.tick())
	case refreshProgressMsg:
		if msg.seq != m.ref.seq {
			return m, nil
		}
		m.feeds.setRefreshError(msg.feedID, msg.err)
		added := msg.stats.Added > m.ref.stats.Added
		cmd := m.ref.onProgress(msg)
		if added {
			m.invalidateMuted()
			// show each feed's articles as it arrives; reload keeps the
			// cursor on the article it was on
			return m, tea.Batch(cmd, loadFeedsCmd(m.sh.lib), m.list.reload())
		}
		return m, cmd
	case refreshDoneMsg:
		if m.ref.onDone(msg, m.sh.now()) {
			m.invalidateMuted()
			m.backlogLeft = backlogBudget
			return m, tea.Batch(loadFeedsCmd(m.sh.lib), m.list.reload(), m.reloadCross(), m.startBacklog())
		}
	}
	return m, nil
}

// docCounts is how many statements and distinct leaders a doc has.
func docCounts(doc nlp.Doc) (statements, leaders int) {
	seen := map[string]bool{}
	for _, e := range doc.Entities {
		if e.Leader && !seen[e.ID] {
			seen[e.ID] = true
		}
	}
	return len(doc.Statements), len(seen)
}

func (m *Model) onKey(msg tea.KeyMsg) tea.Cmd {
	k := m.sh.keys
	if m.status != "" && m.statusErr && m.statusID == 0 {
		m.status = "" // start-up warnings go with the first key
	}
	if m.overlay != nil {
		if key.Matches(msg, k.Quit) && msg.Type != tea.KeyRunes {
			return m.quit() // ctrl+c always quits
		}
		o := m.overlay
		done, cmd := o.update(msg)
		if done && m.overlay == o { // its callback may have opened another
			m.overlay = nil
		}
		return cmd
	}
	if key.Matches(msg, k.Undo) {
		return m.undoMark()
	}
	if !isMovement(k, msg) {
		m.undo = nil // undo lasts until the next action
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.BackOrQuit):
		if m.reading {
			return m.backFromReader()
		}
		if m.focus == focusCross {
			m.focus = focusList
			return nil
		}
		return m.quit()
	case key.Matches(msg, k.Suspend):
		return tea.Suspend
	case key.Matches(msg, k.Help):
		m.overlay = &helpOverlay{sh: m.sh, help: &m.help, quit: m.quit}
		return nil
	case key.Matches(msg, k.NextPane):
		m.cycleFocus(1)
		return nil
	case key.Matches(msg, k.PrevPane):
		m.cycleFocus(-1)
		return nil
	case key.Matches(msg, k.Refresh):
		if m.ref.fn == nil {
			return m.setStatus("no feeds to refresh", false)
		}
		if m.ref.running {
			return m.setStatus("a refresh is already running", false)
		}
		return m.ref.start(m.ctx)
	case key.Matches(msg, k.UnreadOnly):
		m.unreadOnly = !m.unreadOnly
		return m.applyFilters()
	case key.Matches(msg, k.ToggleSidebar):
		v := !m.sidebarVisible()
		m.sideToggle = &v
		m.layout()
		switch {
		case v && m.reading:
			m.focus = focusSidebar
		case v && m.crossOn():
			m.focus = focusCross
		}
		return m.list.ensureLoaded()
	case key.Matches(msg, k.PickLeader):
		return m.openPicker(store.CountLeaders)
	case key.Matches(msg, k.PickCountry):
		return m.openPicker(store.CountCountries)
	case key.Matches(msg, k.Search):
		m.openSearch()
		return nil
	case key.Matches(msg, k.RemoveChip):
		return m.removeChip()
	case key.Matches(msg, k.ClearChips):
		return m.clearChips()
	case key.Matches(msg, k.ExportArticle):
		return m.exportArticle()
	case key.Matches(msg, k.ExportFiltered):
		return m.exportFiltered()
	case key.Matches(msg, k.OpenLink):
		return m.openLink()
	case key.Matches(msg, k.OpenLinks):
		return m.openLinks()
	case key.Matches(msg, k.NextUnread):
		return m.walkUnread(1)
	case key.Matches(msg, k.PrevUnread):
		return m.walkUnread(-1)
	case key.Matches(msg, k.FetchText):
		return m.fetchFullText()
	case key.Matches(msg, k.ToggleRead):
		return m.toggleRead()
	case key.Matches(msg, k.ToggleStar):
		return m.toggleStar()
	case key.Matches(msg, k.MarkFeedRead):
		return m.markShownRead()
	}
	if m.reading {
		return m.onReadingKey(msg)
	}
	return m.onBrowsingKey(msg)
}

func (m *Model) invalidateMuted() {
	if m.muted != nil {
		m.muted.invalidate()
	}
}

// isMovement reports whether a key only moves the cursor or the view.
func isMovement(k KeyMap, msg tea.KeyMsg) bool {
	return key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.NextPane, k.PrevPane)
}

func (m *Model) quit() tea.Cmd {
	m.ref.stop()
	m.cancel()
	return tea.Quit
}

func (m *Model) onBrowsingKey(msg tea.KeyMsg) tea.Cmd {
	k := m.sh.keys
	switch m.focus {
	case focusFeeds:
		if key.Matches(msg, k.Back) {
			return nil
		}
		return m.feeds.update(msg)
	case focusList:
		if key.Matches(msg, k.Open) {
			m.returnFocus = focusList
			return m.openSelected()
		}
		if key.Matches(msg, k.Back) {
			m.focus = m.panes()[0]
			return nil
		}
		return m.list.update(msg)
	case focusCross:
		switch {
		case key.Matches(msg, k.Open):
			return m.openCrossSelected()
		case key.Matches(msg, k.Back):
			m.focus = focusList
			return nil
		}
		return m.cross.update(msg)
	}
	return nil
}

func (m *Model) onReadingKey(msg tea.KeyMsg) tea.Cmd {
	k := m.sh.keys
	switch {
	case key.Matches(msg, k.Back) && m.reader.findWalk && m.focus == focusReader:
		m.reader.clearFind() // back first leaves the search
		return nil
	case key.Matches(msg, k.Back):
		return m.backFromReader()
	case m.reader.findWalk && len(m.reader.hl.found) > 0 && key.Matches(msg, k.NextStatement, k.PrevStatement):
		d := 1
		if key.Matches(msg, k.PrevStatement) {
			d = -1
		}
		m.reader.moveFind(d)
		return m.setStatus(m.reader.findStatus(firstKey(k.NextStatement), firstKey(k.PrevStatement)), false)
	case key.Matches(msg, k.NextStatement):
		m.moveStatement(1)
		return nil
	case key.Matches(msg, k.PrevStatement):
		m.moveStatement(-1)
		return nil
	case key.Matches(msg, k.CopyQuote):
		return m.copyQuote()
	case key.Matches(msg, k.NextEntity):
		m.moveEntity(1)
		return nil
	case key.Matches(msg, k.PrevEntity):
		m.moveEntity(-1)
		return nil
	case key.Matches(msg, k.FilterEntity):
		return m.filterHere()
	}
	if m.focus == focusSidebar && key.Matches(msg, m.sh.keys.Open) {
		m.focus = focusReader // read on from the selected statement
		return nil
	}
	return m.pane(m.focus).update(msg)
}

// backFromReader goes back one level: from the sidebar to the article,
// from the article to the list.
func (m *Model) backFromReader() tea.Cmd {
	if m.focus == focusSidebar {
		m.focus = focusReader
		return nil
	}
	m.reading = false
	m.pendingQuote, m.markOnLoad = nil, false
	m.focus = m.returnFocus
	m.layout()
	return m.list.ensureLoaded()
}

// wirePanes gives the panes the callbacks through which their keys reach
// the rest of the reader.
func (m *Model) wirePanes() {
	m.feeds.chosen = func() tea.Cmd {
		m.focus = focusList
		return m.applyFilters()
	}
	m.feeds.filterGroup = func(group string) tea.Cmd {
		return m.addChip(chip{kind: chipTag, id: group, name: group})
	}
	m.list.heading = func() (string, string) {
		title := m.feeds.activeLabel()
		if m.unreadOnly {
			title += " · unread"
		}
		suffix := ""
		if m.muted != nil {
			if n := m.muted.Hidden(m.list.q); n > 0 {
				suffix = fmt.Sprintf(" · %d muted", n)
			}
		}
		return title, suffix
	}
	m.side.selected = m.reader.selectStatement
	m.side.loading = func() bool { return m.reader.loading || (!m.reader.annotated && m.sh.ann != nil) }
}

func (m *Model) moveStatement(d int) {
	if m.side.move(d) {
		m.reader.selectStatement(m.side.cursor)
	}
}
