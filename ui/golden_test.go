package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// screen runs the reader in teatest at w×h, types keys after waiting for
// each wait string to appear, and returns the final model.
type step struct {
	keys string // typed as runes; "\r" is enter
	wait string // then wait until the output shows each of these "|"-separated strings
}

func runScreen(t *testing.T, lib Library, w, h int, steps ...step) *Model {
	t.Helper()
	tm := teatest.NewTestModel(t, New(testOptions(lib)), teatest.WithInitialTermSize(w, h))
	for _, s := range steps {
		for _, r := range s.keys {
			if r == '\r' {
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			} else if r == '\t' {
				tm.Send(tea.KeyMsg{Type: tea.KeyTab})
			} else if r == '\x1b' {
				tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
			} else {
				tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
		}
		if s.wait != "" {
			wants := strings.Split(s.wait, "|")
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
				for _, w := range wants {
					if !bytes.Contains(b, []byte(w)) {
						return false
					}
				}
				return true
			},
				teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
		}
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC}) // quits from overlays and inputs too
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
}

func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name  string
		steps []step
	}{
		{"browse", []step{{wait: "Election results due in Lisbon|Broken Feed"}}},
		{"reader", []step{{wait: "Election results|Broken Feed"}, {keys: "j\r", wait: "Lena Vogt"}, {keys: "nn"}}},
		// t shows the collapsed sidebar at 80 columns; tab focuses it at 160
		{"sidebar", []step{{wait: "Election results|Broken Feed"}, {keys: "j\r", wait: "Lena Vogt"}, {keys: "SIDEBARjjj"}}},
		{"feeds", []step{{wait: "Election results|Broken Feed"}, {keys: "hjjj"}}},
		{"help", []step{{wait: "Election results|Broken Feed"}, {keys: "?", wait: "toggle star"}}},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				steps := append([]step(nil), sc.steps...)
				for i := range steps {
					focusSide := "t"
					if size[0] >= sidebarAutoWidth {
						focusSide = "\t"
					}
					steps[i].keys = strings.ReplaceAll(steps[i].keys, "SIDEBAR", focusSide)
				}
				m := runScreen(t, fixtureLib(t), size[0], size[1], steps...)
				view := m.View()
				if n := strings.Count(view, "\n") + 1; n != size[1] {
					t.Errorf("view has %d lines, want %d", n, size[1])
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// TestGoldenLinks: an article's links numbered in its text and listed
// after it, and the overlay that opens one by number.
func TestGoldenLinks(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, sc := range []struct {
			name  string
			steps []step
		}{
			{"reader", []step{{wait: "Report published"}, {keys: "\r", wait: "Links:"}}},
			{"overlay", []step{{wait: "Report published"}, {keys: "\r", wait: "Links:"}, {keys: "O2", wait: "link 2"}}},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m := runScreen(t, linkedLib(), size[0], size[1], sc.steps...)
				golden.RequireEqual(t, []byte(m.View()))
			})
		}
	}
}

// TestGoldenMarkConfirm: A above a screenful asks in the status line, the
// list in view above the question.
func TestGoldenMarkConfirm(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		t.Run(fmt.Sprintf("confirm_%dx%d", size[0], size[1]), func(t *testing.T) {
			m := runScreen(t, manyUnread(60), size[0], size[1],
				step{wait: "Busy story 1"}, step{keys: "A", wait: "read? y/n"})
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

// hostile is feed text trying every way to reach the terminal.
const hostile = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[H\x1b]0;pwned\x07\u009b31m\x1bP+q\x1b\\\u202etxet\r\x08\x00"

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	lib := &fakeLib{
		feeds: []store.Feed{{ID: 1, URL: "https://evil.example/rss" + hostile, Title: "Evil" + hostile, LastError: "err" + hostile}},
		arts: []store.Article{{
			ArticleSummary: store.ArticleSummary{ID: 1, FeedID: 1, FeedTitle: "Evil" + hostile, Title: "Title" + hostile,
				Link: "https://evil.example/" + hostile, Author: "Mallory" + hostile, Published: fixedNow},
			Text: "Head" + hostile + "\n\nBody " + hostile + " text “quoted" + hostile + "” end.", Hash: "x",
			Links: []store.Link{{URL: "https://evil.example/l" + hostile, Text: "Body " + hostile}}}},
	}
	doc := newDoc(t, lib.arts[0].Text).
		entity(nlp.KindPerson, "m", "Mallory", false, "Body "+hostile, 0).
		quote("quoted"+hostile, &nlp.Speaker{ID: "x", Name: "Name" + hostile, Leader: true}).build()
	lib.anns = map[int64]nlp.Doc{1: doc}
	o := testOptions(lib)
	o.Warnings = []string{"warning" + hostile}
	d := newDriver(t, o, 100, 30)
	views := []string{d.m.View()}
	d.keys("h", "j", "j") // the feeds pane, on the failing feed: its error is shown
	views = append(views, d.m.View())
	d.keys("tab", "enter", "n") // open the article, select its quote
	views = append(views, d.m.View())
	d.keys("y") // the status line echoes the copied quote
	views = append(views, d.m.View())
	d.keys("o") // the link is refused and named in the status line
	views = append(views, d.m.View())
	d.keys("O") // the links, numbered
	views = append(views, d.m.View())
	d.keys("esc", "?")
	views = append(views, d.m.View())
	if !strings.Contains(views[5], "[1]") || !strings.Contains(views[5], "evil.example") {
		t.Fatalf("the hostile link is not listed:\n%s", views[5])
	}
	if !strings.Contains(views[2], "quoted") || !strings.Contains(views[2], "Name") || !strings.Contains(views[1], "err") {
		t.Fatalf("the hostile article is not on screen:\n%s\n%s", views[1], views[2])
	}
	for i, v := range views {
		for _, bad := range []string{"\x1b", "\u009b", "\x07", "\x00", "\x08", "\r", "\u202e"} {
			if strings.Contains(v, bad) {
				t.Errorf("view %d contains %q:\n%q", i, bad, v)
			}
		}
	}
}

// waitLimit bounds how long a test waits for a screen: generous, because
// -race on a busy two-core machine is slow, and a passing wait returns as
// soon as the screen shows.
const waitLimit = 30 * time.Second
