package ui

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/feeds/store"
)

const linkedHTML = `<p>The minister published <a href="https://gov.example/report.pdf">the full report</a> on Monday,
and <a href="https://news.example/reaction">the opposition replied</a> within hours.</p>
<p>Background: <a href="https://archive.example/2019">an earlier inquiry</a>.</p>`

// linkedStore is a real store holding one article whose text came from
// linkedHTML through the fetch path's HTML-to-text step.
func linkedStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	feeds, err := st.SyncFeeds([]store.FeedConfig{{URL: "https://news.example/rss", Title: "News"}})
	if err != nil {
		t.Fatal(err)
	}
	text, links := htmltext.ToTextLinks(linkedHTML)
	if _, _, err := st.SaveArticles(feeds[0].ID, []store.NewArticle{{GUID: "1", Link: "https://news.example/story",
		Title: "Report published", Published: fixedNow.Add(-time.Hour), Text: text, Links: links}}); err != nil {
		t.Fatal(err)
	}
	return st
}

// linkedLib is linkedStore's article in a fake library (dated in UTC,
// where a store gives local times), for golden screens.
func linkedLib() *fakeLib {
	text, links := htmltext.ToTextLinks(linkedHTML)
	sum := summary(1, 1, "News", "Report published", time.Hour, false, false)
	sum.Link = "https://news.example/story"
	return &fakeLib{feeds: []store.Feed{{ID: 1, URL: "https://news.example/rss", Title: "News"}},
		arts: []store.Article{{ArticleSummary: sum, Text: text, Links: links, Hash: "l1"}}}
}

func TestReaderNumbersTheArticlesLinks(t *testing.T) {
	d := newDriver(t, testOptions(linkedStore(t)), 120, 30)
	d.keys("enter", "t") // no sidebar beside the lines
	body := readerText(d.m.View())
	for _, want := range []string{
		"the full report[1] on Monday", "replied[2] within hours.", "an earlier inquiry[3].",
		"Links:\n", "[1] https://gov.example/report.pdf (the full report)",
		"[2] https://news.example/reaction (the opposition replied)", "[3] https://archive.example/2019 (an earlier inquiry)",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the reader does not show %q:\n%s", want, body)
		}
	}
	// the list is tight: no blank line between its entries
	if !regexp.MustCompile(`Links:\n *\[1\][^\n]*\n *\[2\][^\n]*\n *\[3\]`).MatchString(body) {
		t.Errorf("the links are not listed one per line under their heading:\n%s", body)
	}
}

// readerText is the reader's body as plain lines without their trailing
// spaces, the status line left out.
func readerText(view string) string {
	lines := bodyLines(view)
	var out []string
	for _, l := range lines[:max(0, len(lines)-1)] {
		out = append(out, strings.TrimRight(ansi.Strip(l), " "))
	}
	return strings.Join(out, "\n")
}

func TestLinkNumbersWrapWithTheirWord(t *testing.T) {
	d := newDriver(t, testOptions(linkedStore(t)), 40, 30)
	d.keys("enter", "t") // no sidebar: the text gets the 40 columns
	for _, l := range strings.Split(readerText(d.m.View()), "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line wider than the pane: %q", l)
		}
		if strings.HasPrefix(strings.TrimSpace(l), "[") && !strings.HasPrefix(strings.TrimSpace(l), "[1] ") &&
			!strings.HasPrefix(strings.TrimSpace(l), "[2] ") && !strings.HasPrefix(strings.TrimSpace(l), "[3] ") {
			t.Errorf("a link number was wrapped away from its word: %q", l)
		}
	}
}

func TestOpenLinkByNumberThroughTheBrowser(t *testing.T) {
	script, record := recorder(t, "linkbrowser")
	o := testOptions(linkedStore(t))
	o.OpenURL, o.Browser, o.BrowserEnv = nil, script+" %u", ""
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(120, 30))
	wait := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("Report published")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("the full report")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("O")})
	wait("type a number")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2")})
	wait("link 2 · enter opens")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	if got := waitForFile(t, record); got != "https://news.example/reaction\n" {
		t.Errorf("the browser got %q, want link 2", got)
	}
	wait("opened https://news.example/reaction")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestLinksOverlayMovesAndCloses(t *testing.T) {
	var opened []string
	o := testOptions(linkedStore(t))
	o.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	d := newDriver(t, o, 120, 30)
	d.keys("O")
	if v := d.m.View(); !strings.Contains(v, "open an article to list its links") {
		t.Errorf("O outside the reader says nothing:\n%s", v)
	}
	d.keys("enter", "O")
	if v := ansi.Strip(d.m.View()); !strings.Contains(v, "▸[1] the full report https://gov.example/report.pdf") {
		t.Errorf("the overlay does not start on link 1:\n%s", v)
	}
	d.keys("j", "j", "j", "k") // past the end stays on the last, then back one
	d.keys("enter")
	d.keys("O", "9", "esc") // a number past the last is ignored; esc closes without opening
	d.keys("O", "1", "enter")
	want := []string{"https://news.example/reaction", "https://gov.example/report.pdf"}
	if strings.Join(opened, " ") != strings.Join(want, " ") {
		t.Errorf("opened %q, want %q", opened, want)
	}
	if v := ansi.Strip(d.m.View()); strings.Contains(v, "type a number") {
		t.Errorf("the overlay stayed open after enter:\n%s", v)
	}
}

func TestWrapCountsLinkNumbersInTheWidth(t *testing.T) {
	text := "aaaa bbbb cc"
	marks := findLinkMarks(text, []store.Link{{URL: "https://x.example/", Text: "bbbb"}})
	if len(marks) != 1 || marks[0].pos != 9 || marks[0].label != "[1]" {
		t.Fatalf("marks %+v", marks)
	}
	// "aaaa bbbb" fills 9 cells; its number makes it 12, which a 9-cell line cannot hold
	lines := wrapArticle(text, 9, marks)
	var got []string
	for _, l := range lines {
		got = append(got, text[l.start:l.end])
	}
	if strings.Join(got, "|") != "aaaa|bbbb|cc" {
		t.Errorf("wrapped as %q", got)
	}
	if got := findLinkMarks("there and here", []store.Link{{Text: "here"}}); len(got) != 1 || got[0].pos != len("there and here") {
		t.Errorf("an anchor matched inside a longer word: %+v", got)
	}
}
