package ui

import (
	"github.com/charmbracelet/x/ansi"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

const genevaTitle = "Leaders meet in Geneva as ceasefire talks resume"

const genevaText = genevaTitle + `

President Emmanuel Macron of France met Chancellor Friedrich Merz in Geneva on Monday.
“We are closer to an agreement than at any time this year,” Macron told reporters after the meeting.
Merz was more cautious. “Nothing is agreed until everything is agreed, and Germany will not sign a text it has not read,” he said.
A spokeswoman for the Swiss foreign ministry, Lena Vogt, said the talks would continue on Tuesday in a smaller format with delegations from Ukraine and Poland.
“The door remains open,” Vogt said.`

var (
	macron = &nlp.Speaker{ID: "emmanuel-macron", Name: "Emmanuel Macron", Leader: true}
	merz   = &nlp.Speaker{ID: "friedrich-merz", Name: "Friedrich Merz", Leader: true}
	vogt   = &nlp.Speaker{ID: "lena-vogt", Name: "Lena Vogt"}
)

// genevaDoc is a hand-made annotation of genevaText.
func genevaDoc(t testing.TB) nlp.Doc {
	return newDoc(t, genevaText).
		entity(nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true, "Emmanuel Macron", 0).
		entity(nlp.KindCountry, "france", "France", false, "France", 0).
		entity(nlp.KindPerson, "friedrich-merz", "Friedrich Merz", true, "Friedrich Merz", 0).
		entity(nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true, "Macron", 1).
		entity(nlp.KindPerson, "friedrich-merz", "Friedrich Merz", true, "Merz", 1).
		entity(nlp.KindCountry, "germany", "Germany", false, "Germany", 0).
		entity(nlp.KindCountry, "switzerland", "Switzerland", false, "Swiss", 0).
		entity(nlp.KindPerson, "lena-vogt", "Lena Vogt", false, "Lena Vogt", 0).
		entity(nlp.KindCountry, "ukraine", "Ukraine", false, "Ukraine", 0).
		entity(nlp.KindCountry, "poland", "Poland", false, "Poland", 0).
		entity(nlp.KindPerson, "lena-vogt", "Lena Vogt", false, "Vogt", 1).
		quote("We are closer to an agreement than at any time this year,", macron).
		quote("Nothing is agreed until everything is agreed, and Germany will not sign a text it has not read,", merz).
		quote("The door remains open,", vogt).
		build()
}

func summary(id, feedID int64, feed, title string, ago time.Duration, read, starred bool) store.ArticleSummary {
	return store.ArticleSummary{ID: id, FeedID: feedID, FeedTitle: feed, Title: title,
		Link: "https://news.example/" + string(rune('a'+id)), Published: fixedNow.Add(-ago), Read: read, Starred: starred}
}

// fixtureLib is the library the golden screens are drawn from.
func fixtureLib(t testing.TB) *fakeLib {
	seed, err := os.ReadFile("testdata/seed-ukraine-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	lib := &fakeLib{
		feeds: []store.Feed{
			{ID: 1, URL: "https://world.example/rss", Title: "World Desk"},
			{ID: 2, URL: "https://wire.example/feed", Title: "Capital Wire"},
			{ID: 3, URL: "https://broken.example/atom", Title: "Broken Feed", LastError: "HTTP 503 Service Unavailable"},
		},
		arts: []store.Article{
			{ArticleSummary: summary(1, 1, "World Desk", genevaTitle, 2*time.Hour, false, false), Text: genevaText, Hash: "h1"},
			{ArticleSummary: summary(2, 2, "Capital Wire", "Parliament passes budget after all-night session", 26*time.Hour, true, true),
				Text: "Parliament passes budget after all-night session\n\nThe vote was close.", Hash: "h2"},
			{ArticleSummary: summary(3, 1, "World Desk", "Election results due in Lisbon", 30*time.Minute, false, false),
				Text: "Election results due in Lisbon\n\nCounting continues.", Hash: "h3"},
			{ArticleSummary: summary(4, 3, "Broken Feed", "An older story from a feed that now fails with a very long title that must be cut", 5*24*time.Hour, false, false),
				Text: "An older story\n\nText.", Hash: "h4"},
			{ArticleSummary: summary(5, 2, "Capital Wire", "Starmer hails ‘breakthrough’ on security guarantees after crunch White House Ukraine talks", 3*time.Hour, false, false),
				Text: string(seed), Hash: "h5"},
		},
		anns: map[int64]nlp.Doc{},
	}
	lib.anns[1] = genevaDoc(t)
	return lib
}

func testOptions(lib Library) Options {
	return Options{
		Library: lib,
		now:     func() time.Time { return fixedNow },
		copy:    func(string) error { return nil },
		OpenURL: func(string) error { return nil },
	}
}

// driver runs a Model without a terminal: it executes every command
// synchronously and feeds the resulting messages back, so a test sees the
// state after all the I/O a key caused.
type driver struct {
	t      testing.TB
	m      *Model
	quit   bool
	timers []time.Duration // the timers the model set, in order
	fires  []func(time.Time) tea.Msg
}

// fireTimer delivers the message of the i-th timer the model set, as if
// its time had come.
func (d *driver) fireTimer(i int) {
	d.send(d.fires[i](time.Now()))
}

func newDriver(t testing.TB, o Options, w, h int) *driver {
	t.Helper()
	d := &driver{t: t}
	old := tick
	// the clock stands still: a timer is noted, never fired
	tick = func(after time.Duration, fire func(time.Time) tea.Msg) tea.Cmd {
		d.timers = append(d.timers, after)
		d.fires = append(d.fires, fire)
		return func() tea.Msg { return nil }
	}
	t.Cleanup(func() { tick = old })
	d.m = New(o)
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		d.handle(msg)
	case <-time.After(10 * time.Second):
		d.t.Fatal("a command did not finish in 10s")
	}
}

var cmdSlice = reflect.TypeOf([]tea.Cmd{})

func (d *driver) handle(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		// tea.Sequence's message is an unexported []tea.Cmd
		if rv := reflect.ValueOf(msg); rv.Kind() == reflect.Slice && rv.Type().ConvertibleTo(cmdSlice) {
			for _, c := range rv.Convert(cmdSlice).Interface().([]tea.Cmd) {
				d.run(c)
			}
			return
		}
		_, cmd := d.m.Update(msg)
		d.run(cmd)
	}
}

func (d *driver) send(msgs ...tea.Msg) {
	for _, m := range msgs {
		d.handle(m)
	}
}

// state is what the model shows, as data.
func (d *driver) state() State { return d.m.State() }

// keys sends each key name (as Bubble Tea names them) in turn.
func (d *driver) keys(names ...string) {
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

func keyMsg(name string) tea.KeyMsg {
	switch name {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "ctrl+l":
		return tea.KeyMsg{Type: tea.KeyCtrlL}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// paneTitles are the titles on the screen's first line, pane by pane.
func paneTitles(view string) []string {
	first, _, _ := strings.Cut(ansi.Strip(view), "\n")
	var out []string
	for _, t := range strings.Split(first, "│") {
		out = append(out, strings.TrimSpace(strings.TrimPrefix(t, "▌")))
	}
	return out
}

// hasPane reports a pane whose title starts with title.
func hasPane(view, title string) bool { return paneX(view, title) >= 0 }

// paneX is the screen column where the pane whose title starts with title
// begins, -1 when no pane has it.
func paneX(view, title string) int {
	first, _, _ := strings.Cut(ansi.Strip(view), "\n")
	x := 0
	for _, t := range strings.Split(first, "│") {
		if strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(t, "▌")), title) {
			return x
		}
		x += ansi.StringWidth(t) + 1
	}
	return -1
}

// statusLine is the screen's last line: the status line.
func statusLine(m *Model) string {
	v := m.View()
	return v[strings.LastIndexByte(v, '\n')+1:]
}
