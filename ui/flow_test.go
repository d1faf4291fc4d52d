package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// rowOf returns the list row showing the article titled title.
func rowOf(t *testing.T, d *driver, title string) int {
	t.Helper()
	for i := 0; i < d.state().Listed; i++ {
		if it, ok := d.m.ListRow(i); ok && it.Title == title {
			return i
		}
	}
	t.Fatalf("no row titled %q", title)
	return 0
}

// openTitled moves the list cursor to the article and opens it.
func openTitled(t *testing.T, d *driver, title string) {
	t.Helper()
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("g")})
	for i := rowOf(t, d, title); i > 0; i-- {
		d.keys("j")
	}
	d.keys("enter")
	if got := readerTitle(d.m.View()); !strings.HasPrefix(title, strings.TrimSuffix(got, " …")) || got == "" {
		t.Fatalf("article %q not open (the reader shows %q):\n%s", title, got, d.m.View())
	}
}

func TestOpenArticleShowsHighlightsAndStatements(t *testing.T) {
	lib := fixtureLib(t)
	d := newDriver(t, testOptions(lib), 160, 48)
	if bodies, _ := lib.counts(); bodies != 0 {
		t.Fatalf("start-up loaded %d bodies", bodies)
	}
	openTitled(t, d, genevaTitle)
	if v := d.m.View(); !strings.Contains(v, "Article · 3 statements") || strings.Contains(v, "annotating…") {
		t.Fatalf("want the cached annotation with 3 statements:\n%s", v)
	}
	if bodies, _ := lib.counts(); bodies != 1 {
		t.Errorf("opening one article loaded %d bodies", bodies)
	}
	if !lib.isRead(1) {
		t.Error("opening an article did not mark it read in the library")
	}
	view := d.m.View()
	for _, want := range []string{"Statements (3)", "♛ Emmanuel Macron", "♛ Friedrich Merz", "Lena Vogt", "https://news.example/b", "leader person country"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if strings.Count(view, genevaTitle) != 1 {
		t.Errorf("the headline should show once (in the header), view:\n%s", view)
	}
	d.keys("esc")
	if v := d.m.View(); !strings.Contains(v, "▌All articles") || strings.Contains(v, "Article ·") {
		t.Errorf("esc should go back to the list, focused:\n%s", v)
	}
}

func TestWalkSidebarScrollsReaderToQuote(t *testing.T) {
	lib := fixtureLib(t)
	d := newDriver(t, testOptions(lib), 80, 14)
	openTitled(t, d, genevaTitle)
	d.keys("t") // the sidebar is collapsed at 80 columns
	if !d.state().SidebarShown || d.state().Focus != "sidebar" {
		t.Fatalf("t should show and focus the sidebar")
	}
	doc := genevaDoc(t)
	for i, k := range []string{"j", "j", "j", "k"} {
		d.keys(k)
		want := []int{0, 1, 2, 1}[i]
		if d.state().Sidebar != want || d.state().Statement != want {
			t.Fatalf("after %d keys: sidebar %d reader %d, want %d", i+1, d.state().Sidebar, d.state().Statement, want)
		}
		// the quote's first line is on screen, the first marked in the gutter
		words := strings.Fields(doc.Statements[want].Quote)
		screen := d.m.View()
		first := ""
		for _, line := range strings.Split(screen, "\n") {
			if line = ansi.Strip(line); strings.HasPrefix(line, "▎") {
				first = line
				break
			}
		}
		if !strings.Contains(first, words[0]) {
			t.Fatalf("quote %d: its first line is not on screen, marked (first marked line %q):\n%s", want, first, screen)
		}
	}
	// n / p walk the statements from the reader too
	d.keys("tab", "n")
	if d.state().Focus != "reader" || d.state().Statement != 2 {
		t.Errorf("n from the reader: focus %v sel %d", d.state().Focus, d.state().Statement)
	}
	d.keys("p", "p")
	if d.state().Statement != 0 {
		t.Errorf("p p: sel %d, want 0", d.state().Statement)
	}
}

func TestScrollReader(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 80, 24)
	openTitled(t, d, "Starmer hails ‘breakthrough’ on security guarantees after crunch White House Ukraine talks")
	// the text on screen, without the scroll percentage on the last line
	text := func() []string {
		lines := strings.Split(readerText(d.m.View()), "\n")
		lines[len(lines)-1] = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(lines[len(lines)-1], "0123456789%"), " "), " ")
		return lines
	}
	start := text()
	if !strings.HasSuffix(strings.TrimSpace(bodyLines(d.m.View())[len(start)-1]), "%") {
		t.Fatalf("a long article does not say how much of it was read:\n%s", d.m.View())
	}
	d.keys("j", "j", "j")
	if got := text(); got[0] != start[3] || got[len(got)-4] != start[len(start)-1] {
		t.Errorf("j×3 did not scroll three lines:\n%q\nwas\n%q", got, start)
	}
	d.keys("G")
	end := d.m.View()
	if !strings.Contains(end, "Trump") && !strings.Contains(end, "Rutte") {
		t.Errorf("end of the seed article not shown:\n%s", end)
	}
	if strings.HasSuffix(strings.TrimSpace(bodyLines(end)[len(start)-1]), "%") {
		t.Errorf("at the end, the scroll percentage is still shown:\n%s", end)
	}
	d.keys("G", "j")
	if d.m.View() != end {
		t.Errorf("scrolling past the end moved the text")
	}
	d.keys("g")
	if got := text(); strings.Join(got, "\n") != strings.Join(start, "\n") {
		t.Errorf("g: not back at the top:\n%q\nwant\n%q", got, start)
	}
	d.send(tea.MouseMsg{X: 5, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if got := text(); got[0] != start[3] {
		t.Errorf("wheel down did not scroll three lines: top %q, want %q", got[0], start[3])
	}
}

func TestToggleReadAndStarPersist(t *testing.T) {
	lib := fixtureLib(t)
	d := newDriver(t, testOptions(lib), 100, 30)
	row := rowOf(t, d, "Election results due in Lisbon")
	d.keys("g")
	for i := 0; i < row; i++ {
		d.keys("j")
	}
	d.keys("m")
	if !lib.isRead(3) {
		t.Fatal("m did not mark the article read in the library")
	}
	if it := d.state().Selected; it.ID == 0 || !it.Read {
		t.Error("the list does not show the article read")
	}
	d.keys("m")
	if lib.isRead(3) {
		t.Fatal("second m did not mark it unread")
	}
	d.keys("s")
	// a new session on the same library sees the star
	d2 := newDriver(t, testOptions(lib), 100, 30)
	it, _ := d2.m.ListRow(rowOf(t, d2, "Election results due in Lisbon"))
	if !it.Starred || it.Read {
		t.Errorf("after restart: starred=%v read=%v, want starred and unread", it.Starred, it.Read)
	}
	// the starred view lists it
	d2.keys("esc", "j", "enter")
	if d2.state().Listed != 2 {
		t.Errorf("starred view has %d articles, want 2", d2.state().Listed)
	}
}

func TestResizeRelayout(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 80, 24)
	openTitled(t, d, genevaTitle)
	for _, sz := range []struct {
		w, h    int
		sidebar bool
	}{{80, 24, false}, {160, 48, true}, {120, 40, true}, {99, 30, false}, {200, 50, true}, {80, 24, false}} {
		d.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		view := d.m.View()
		lines := strings.Split(view, "\n")
		if len(lines) != sz.h {
			t.Fatalf("%dx%d: %d lines", sz.w, sz.h, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != sz.w {
				t.Fatalf("%dx%d: line %d is %d wide: %q", sz.w, sz.h, i, w, l)
			}
		}
		if d.state().SidebarShown != sz.sidebar || strings.Contains(view, "Statements (3)") != sz.sidebar {
			t.Errorf("%dx%d: sidebar shown=%v, want %v", sz.w, sz.h, d.state().SidebarShown, sz.sidebar)
		}
	}
}

// countingLib counts body loads on top of a library with many articles.
func bigLib(n int) *fakeLib {
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, URL: "https://big.example/rss", Title: "Big"}}}
	for i := 1; i <= n; i++ {
		lib.arts = append(lib.arts, store.Article{
			ArticleSummary: summary(int64(i), 1, "Big", fmt.Sprintf("Story %d", i), time.Duration(i)*time.Minute, false, false),
			Text:           "body", Hash: fmt.Sprint(i)})
	}
	return lib
}

func TestCursorNeverLoadsBodies(t *testing.T) {
	lib := bigLib(1000)
	d := newDriver(t, testOptions(lib), 120, 40)
	_, pagesAtStart := lib.counts()
	for i := 0; i < 250; i++ {
		d.keys("j")
	}
	d.keys("pgdown", "pgdown", "G", "k", "g")
	d.send(tea.MouseMsg{X: 60, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	bodies, pages := lib.counts()
	if bodies != 0 {
		t.Fatalf("moving the cursor loaded %d article bodies", bodies)
	}
	if pages <= pagesAtStart {
		t.Errorf("moving through 1000 articles loaded no further pages")
	}
	if it := d.state().Selected; it.Title != "Story 4" {
		t.Errorf("after wheel the cursor is on %q, want Story 4", it.Title)
	}
	d.keys("enter")
	if bodies, _ := lib.counts(); bodies != 1 {
		t.Errorf("opening loaded %d bodies, want 1", bodies)
	}
}

func TestAnnotationRunsOnceAndIsCached(t *testing.T) {
	lib := fixtureLib(t)
	o := testOptions(lib)
	o.Annotator = nlp.Default()
	d := newDriver(t, o, 160, 48)
	seed := "Starmer hails ‘breakthrough’ on security guarantees after crunch White House Ukraine talks"
	openTitled(t, d, seed)
	if len(lib.saved) != 1 || lib.saved[0] != (savedAnn{5, "h5", nlp.Default().Version()}) {
		t.Fatalf("saved annotations %+v, want one for article 5 keyed by its hash and the annotator's version", lib.saved)
	}
	if !d.state().Annotated {
		t.Fatal("the reader did not take the annotation")
	}
	d.keys("esc")
	openTitled(t, d, seed)
	d2 := newDriver(t, o, 160, 48) // a restart
	openTitled(t, d2, seed)
	if len(lib.saved) != 1 {
		t.Errorf("re-opening re-annotated: %d saves", len(lib.saved))
	}
}

func TestStaleArticleResultDropped(t *testing.T) {
	lib := fixtureLib(t)
	m := newDriver(t, testOptions(lib), 100, 30).m // the loads are driven here, out of order
	first, _ := m.ListRow(0)
	second, _ := m.ListRow(1)
	loaded := func(msg tea.Msg) bool { _, ok := msg.(articleLoadedMsg); return ok }
	_, openFirst := m.Update(keyMsg("enter"))
	m.Update(keyMsg("q"))
	m.Update(keyMsg("j"))
	_, openSecond := m.Update(keyMsg("enter"))
	m.Update(firstMsg(t, openFirst, loaded))
	if v := m.View(); !strings.Contains(v, "loading…") || strings.Contains(v, first.Title) {
		t.Fatalf("a result for the previous article was shown:\n%s", v)
	}
	m.Update(firstMsg(t, openSecond, loaded))
	if v := m.View(); strings.Contains(v, "loading…") || !strings.Contains(v, second.Title) {
		t.Fatalf("the current article's result was not shown:\n%s", v)
	}
}

func TestRefreshMarksErrorsAndKeepsFilter(t *testing.T) {
	lib := fixtureLib(t)
	o := testOptions(lib)
	calls := 0
	o.Refresh = func(ctx context.Context, progress func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, error) {
		calls++
		st := feeds.RefreshStats{Feeds: 3}
		st.Done, st.Added = 1, 2
		progress(feeds.Result{FeedID: 1, Title: "World Desk"}, st)
		st.Done, st.Failed = 2, 1
		st.Errors = []feeds.FeedError{{FeedID: 2, Err: "connection refused"}}
		progress(feeds.Result{FeedID: 2, Err: errors.New("connection refused")}, st)
		st.Done = 3
		lib.mu.Lock()
		lib.feeds[2].LastError = "" // the store records the successful fetch
		lib.mu.Unlock()
		progress(feeds.Result{FeedID: 3}, st)
		return st, nil
	}
	d := newDriver(t, o, 100, 30)
	d.keys("tab", "j", "j", "enter") // World Desk only
	if d.state().Filter.FeedID != 1 {
		t.Fatalf("filter feed %d, want 1", d.state().Filter.FeedID)
	}
	d.keys("r")
	if calls != 1 || strings.Contains(d.m.View(), "refreshing") {
		t.Fatalf("refresh calls %d, still running:\n%s", calls, d.m.View())
	}
	if d.state().Filter.FeedID != 1 {
		t.Errorf("refresh lost the filter")
	}
	// the feeds pane marks the failed feed, and says why under the feeds
	// when the cursor is on it
	view := d.m.View()
	if l := feedsPaneLine(view, "Capital Wire"); !strings.Contains(l, "!") {
		t.Errorf("feed 2 not marked: %q\n%s", l, view)
	}
	if l := feedsPaneLine(view, "Broken Feed"); strings.Contains(l, "!") {
		t.Errorf("feed 3 succeeded but is still marked: %q\n%s", l, view)
	}
	d.keys("shift+tab", "j")
	if v := d.m.View(); !strings.Contains(v, "connection refused") {
		t.Errorf("the failed feed's error is not shown under the feeds:\n%s", v)
	}
	status := statusLine(d.m)
	if !strings.Contains(status, "refreshed 3 feeds, 2 new") || !strings.Contains(status, "1 failed") {
		t.Errorf("status %q", status)
	}
}

// feedsPaneLine is the feeds pane's line (left of the first rule) that
// names feed.
func feedsPaneLine(view, feed string) string {
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		left, _, _ := strings.Cut(l, "│")
		if strings.Contains(left, feed) {
			return left
		}
	}
	return ""
}

func TestRefreshProgressShowsWhileRunning(t *testing.T) {
	o := testOptions(fixtureLib(t))
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	o.Refresh = func(ctx context.Context, progress func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, error) {
		progress(feeds.Result{FeedID: 1, Err: errors.New("timeout")}, feeds.RefreshStats{Feeds: 4, Done: 2, Failed: 1})
		select { // the other two feeds take their time
		case <-release:
		case <-ctx.Done():
		}
		return feeds.RefreshStats{Feeds: 4, Done: 4, Failed: 1}, nil
	}
	m := newDriver(t, o, 100, 24).m // loaded; the refresh is driven here, as it blocks
	_, cmd := m.Update(keyMsg("r"))
	m.Update(firstMsg(t, cmd, func(msg tea.Msg) bool { _, ok := msg.(refreshProgressMsg); return ok }))
	// the bar moves towards half-full on the spinner's ticks, not at once
	m.Update(spinTickMsg{})
	s := statusLine(m)
	if filled := strings.Count(s, "█"); filled == 0 || filled >= 6 || !strings.Contains(s, "2/4") {
		t.Errorf("status one tick into the move: %q", s)
	}
	for range 30 { // two and a half seconds
		m.Update(spinTickMsg{})
	}
	s = statusLine(m)
	if !strings.Contains(s, "refreshing") || !strings.Contains(s, "2/4") || !strings.Contains(s, "██████░░░░░░") {
		t.Errorf("status while refreshing: %q", s)
	}
	if l := feedsPaneLine(m.View(), "World Desk"); !strings.Contains(l, "!") {
		t.Errorf("the failed feed is not marked while the refresh runs: %q\n%s", l, m.View())
	}
	m.Update(refreshProgressMsg{seq: 0, feedID: 2, err: "stale"})
	if l := feedsPaneLine(m.View(), "Capital Wire"); strings.Contains(l, "!") {
		t.Errorf("a stale refresh's result marked a feed: %q", l)
	}
}

// firstMsg runs cmd (and the commands of a batch, each on its own) and
// returns the first message that want accepts.
func firstMsg(t *testing.T, cmd tea.Cmd, want func(tea.Msg) bool) tea.Msg {
	t.Helper()
	msgs := make(chan tea.Msg, 16)
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		go func() {
			msg := c()
			if b, ok := msg.(tea.BatchMsg); ok {
				for _, c := range b {
					run(c)
				}
				return
			}
			msgs <- msg
		}()
	}
	run(cmd)
	timeout := time.After(5 * time.Second)
	for {
		select {
		case msg := <-msgs:
			if want(msg) {
				return msg
			}
		case <-timeout:
			t.Fatal("no such message in 5s")
			return nil
		}
	}
}

func TestCopyQuoteAndOpenLink(t *testing.T) {
	lib := fixtureLib(t)
	o := testOptions(lib)
	var copied, opened []string
	o.copy = func(s string) error { copied = append(copied, s); return nil }
	o.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	d := newDriver(t, o, 160, 48)
	openTitled(t, d, genevaTitle)
	d.keys("y")
	if len(copied) != 0 {
		t.Fatalf("copied with no statement selected: %q", copied)
	}
	d.keys("n", "n", "y")
	want := "“Nothing is agreed until everything is agreed, and Germany will not sign a text it has not read,” — Friedrich Merz (World Desk, https://news.example/b)"
	if len(copied) != 1 || copied[0] != want {
		t.Fatalf("copied %q\nwant %q", copied, want)
	}
	d.keys("o")
	if len(opened) != 1 || opened[0] != "https://news.example/b" {
		t.Errorf("opened %q", opened)
	}
}

func TestCheckLink(t *testing.T) {
	for _, tc := range []struct {
		link string
		ok   bool
	}{
		{"https://example.com/a?b=c", true},
		{"http://example.com", true},
		{"", false},
		{"-x", false},
		{"--help", false},
		{"file:///etc/passwd", false},
		{"javascript:alert(1)", false},
		{"https://example.com/\x1b[2J", false},
		{"https://exa mple.com", false},
		{"https:///nohost", false},
	} {
		if err := checkLink(tc.link); (err == nil) != tc.ok {
			t.Errorf("checkLink(%q) = %v, want ok=%v", tc.link, err, tc.ok)
		}
	}
}

func TestMouseClickSelects(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 120, 30)
	lx := paneX(d.m.View(), "All articles")
	d.send(tea.MouseMsg{X: lx + 10, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if v := d.m.View(); !strings.Contains(selectedRow(v), "Starmer hails") || !strings.Contains(v, "▌All articles") {
		t.Fatalf("click on row 3 should select it and focus the list:\n%s", v)
	}
	d.send(tea.MouseMsg{X: lx + 10, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if got := readerTitle(d.m.View()); !strings.HasPrefix(got, "Starmer hails") {
		t.Fatalf("a second click on the selected row should open it:\n%s", d.m.View())
	}
	d.keys("esc")
	fx := paneX(d.m.View(), "Feeds")
	if lx <= 0 || fx != 0 {
		t.Fatalf("panes at %d and %d:\n%s", fx, lx, d.m.View())
	}
	d.send(tea.MouseMsg{X: fx + 2, Y: 4, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if v := d.m.View(); !strings.Contains(v, "Capital Wire (2)") {
		t.Errorf("click on the Capital Wire feed should show its articles:\n%s", v)
	}
}

func TestHelpOverlay(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 80, 24)
	d.keys("?")
	view := d.m.View()
	for _, want := range []string{"toggle read", "copy quote", "refresh feeds", "statements sidebar", "open in browser"} {
		if !strings.Contains(view, want) {
			t.Errorf("help lacks %q:\n%s", want, view)
		}
	}
	d.keys("j") // keys do not reach the panes under the overlay
	if d.state().Cursor != 0 {
		t.Error("a key went through the help overlay")
	}
	d.keys("esc")
	if d.state().Overlay != "" {
		t.Error("esc did not close help")
	}
	d.keys("q")
	if !d.quit {
		t.Error("q did not quit")
	}
}

func TestReboundKeys(t *testing.T) {
	lib := fixtureLib(t)
	o := testOptions(lib)
	o.Keys = map[string][]string{"toggle_read": {"z"}, "down": {"ctrl+n", "down"}}
	d := newDriver(t, o, 100, 30)
	d.keys("m")
	if lib.isRead(3) {
		t.Fatal("m still toggles read after rebinding")
	}
	d.keys("z")
	if !lib.isRead(3) {
		t.Fatal("z does not toggle read")
	}
	d.keys("j")
	if !strings.Contains(selectedRow(d.m.View()), "Election results") {
		t.Errorf("j still moves after down was rebound:\n%s", d.m.View())
	}
	d.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	if !strings.Contains(selectedRow(d.m.View()), "Leaders meet in Geneva") {
		t.Errorf("ctrl+n does not move down:\n%s", d.m.View())
	}
}

func TestWarningsShownOnce(t *testing.T) {
	o := testOptions(fixtureLib(t))
	o.Warnings = []string{"feed 4 has no url"}
	d := newDriver(t, o, 100, 30)
	if !strings.Contains(statusLine(d.m), "feed 4 has no url") {
		t.Fatalf("warning not shown: %q", statusLine(d.m))
	}
	d.keys("j")
	if strings.Contains(statusLine(d.m), "feed 4 has no url") {
		t.Error("warning still shown after a key")
	}
}

func TestRefreshOnStartAndTimer(t *testing.T) {
	o := testOptions(fixtureLib(t))
	calls := 0
	o.Refresh = func(context.Context, func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, error) {
		calls++
		return feeds.RefreshStats{Feeds: 3, Done: 3}, nil
	}
	o.RefreshOnStart = true
	o.RefreshInterval = time.Minute
	d := newDriver(t, o, 100, 30)
	if calls != 1 {
		t.Fatalf("refresh on start ran %d times", calls)
	}
	if !slices.Contains(d.timers, time.Minute) {
		t.Fatalf("no refresh timer with an interval set: %v", d.timers)
	}
	d.send(refreshTickMsg{})
	if calls != 2 {
		t.Errorf("the timer did not refresh: %d calls", calls)
	}
	o.RefreshInterval, o.RefreshOnStart = 0, false
	d2 := newDriver(t, o, 100, 30)
	if calls != 2 || slices.Contains(d2.timers, time.Minute) {
		t.Errorf("refreshed without being asked: %d calls", calls)
	}
}

func TestBacklogAnnotatesForListCounts(t *testing.T) {
	lib := fixtureLib(t)
	lib.backlog = []int64{2, 3, 5}
	o := testOptions(lib)
	o.Annotator = nlp.Default()
	d := newDriver(t, o, 160, 48)
	if len(lib.saved) != 3 {
		t.Fatalf("background annotation saved %d articles, want 3", len(lib.saved))
	}
	it, _ := d.m.ListRow(rowOf(t, d, "Starmer hails ‘breakthrough’ on security guarantees after crunch White House Ukraine talks"))
	if !it.Annotated {
		t.Error("the list does not show the seed article annotated after the backlog ran")
	}
	if bodies, _ := lib.counts(); bodies != 3 {
		t.Errorf("the backlog read %d bodies, want 3", bodies)
	}
}

func TestKeysArrivingTogetherAreEachHandled(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 100, 30)
	d.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if row := selectedRow(d.m.View()); !strings.Contains(row, "Parliament passes budget") {
		t.Errorf("\"jjj\" in one message should reach the fourth row, the cursor is on %q", row)
	}
}

func TestBacklogStopsAtItsBudget(t *testing.T) {
	lib := bigLib(backlogBudget + 100)
	for i := range lib.arts {
		lib.backlog = append(lib.backlog, lib.arts[i].ID)
	}
	o := testOptions(lib)
	o.Annotator = nlp.Default()
	newDriver(t, o, 100, 30)
	if len(lib.saved) != backlogBudget {
		t.Errorf("background annotation read %d articles, want the budget of %d", len(lib.saved), backlogBudget)
	}
}

func TestReaderHeaderHeight(t *testing.T) {
	// The reader's header (a title wrapped to any number of lines) and its
	// body share the pane: at every width the screen keeps its height and
	// the body reaches the line above the status bar.
	d := newDriver(t, testOptions(fixtureLib(t)), 80, 24)
	for _, title := range []string{genevaTitle, "Starmer hails ‘breakthrough’ on security guarantees after crunch White House Ukraine talks"} {
		if d.state().Reading {
			d.keys("esc")
		}
		openTitled(t, d, title)
		if d.state().SidebarShown {
			d.keys("t")
		}
		for _, w := range []int{40, 80, 200} {
			d.send(tea.WindowSizeMsg{Width: w, Height: 30})
			lines := strings.Split(d.m.View(), "\n")
			if len(lines) != 30 {
				t.Errorf("%q at %d: %d lines, want 30", title, w, len(lines))
				continue
			}
			if title != genevaTitle && strings.TrimSpace(ansi.Strip(lines[len(lines)-2])) == "" {
				// the long article fills the pane
				t.Errorf("%q at %d: the body stops short of the status bar:\n%s", title, w, ansi.Strip(d.m.View()))
			}
		}
	}
}

func TestCollapsedSidebarNamesSpeakerInStatus(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 80, 24)
	openTitled(t, d, genevaTitle)
	d.keys("n", "n")
	if s := statusLine(d.m); !strings.Contains(s, "❝ 2/3 ♛ Friedrich Merz") {
		t.Errorf("status %q does not name the selected statement", s)
	}
}

func TestEnterInSidebarFocusesReader(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 160, 48)
	openTitled(t, d, genevaTitle)
	d.keys("tab", "j", "j", "enter")
	if d.state().Focus != "reader" || d.state().Statement != 1 {
		t.Errorf("focus %v sel %d, want the reader with statement 2 marked", d.state().Focus, d.state().Statement)
	}
}
