package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/herald-reader/herald/feeds/store"
)

func TestShortenMessageKeepsTheReason(t *testing.T) {
	msg := `refresh: Get "https://feeds.example.org/some/very/long/path/to/the/feeds/refused.xml": dial tcp 10.0.0.1:443: connect: connection refused`
	for _, w := range []int{60, 80, 100} {
		got := shortenMessage(msg, w)
		if ansi.StringWidth(got) > w {
			t.Errorf("width %d: %q is %d cells", w, got, ansi.StringWidth(got))
		}
		for _, keep := range []string{"refresh:", "refused.xml", "connection refused", "https://"} {
			if w < 80 && (keep == "refused.xml" || keep == "https://") {
				continue // too narrow for the path: the reason matters more
			}
			if !strings.Contains(got, keep) {
				t.Errorf("width %d: %q lost %q", w, got, keep)
			}
		}
	}
	if got := shortenMessage("short", 10); got != "short" {
		t.Errorf("a message that fits was changed: %q", got)
	}
}

func TestStatusSurvivesALongChipAndALongPath(t *testing.T) {
	long := "The Very Long Title Of A Feed That Somebody Configured Without Thinking About Terminals"
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, Title: long}},
		arts: []store.Article{{ArticleSummary: summary(1, 1, long, "One", time.Hour, false, false), Text: "x"}}}
	d := newDriver(t, testOptions(lib), 80, 20)
	d.keys("h", "j", "j", "enter") // the long feed: its chip is long
	d.send(statusMsg{text: `refresh: Get "https://feeds.example.org/a/long/path/to/refused.xml": connection refused`, isErr: true})
	v := d.m.View()
	status := v[strings.LastIndex(v, "\n")+1:]
	for _, keep := range []string{"connection refused", "refused.xml", "[The Very"} {
		if !strings.Contains(status, keep) {
			t.Errorf("the status line lost %q: %q", keep, status)
		}
	}
}

func TestLongTitleWrapsInTheReader(t *testing.T) {
	title := "A headline that goes on and on about the negotiations, the delegations, the communiqués and the many statements that followed the summit, well past two lines of an eighty column terminal, ending in ZEBRA"
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, Title: "F"}},
		arts: []store.Article{
			{ArticleSummary: summary(1, 1, "F", title, time.Hour, false, false), Text: "Body text."},
			{ArticleSummary: summary(2, 1, "F", "", 2*time.Hour, false, false), Text: "Untitled body."},
		}}
	d := newDriver(t, testOptions(lib), 80, 30)
	d.keys("enter")
	if v := d.m.View(); !strings.Contains(v, "ZEBRA") || !strings.Contains(v, "Body text.") {
		t.Errorf("the end of a long title is lost:\n%s", v)
	}
	d = newDriver(t, testOptions(lib), 80, 9)
	d.keys("enter")
	if v := d.m.View(); !strings.Contains(v, "…") {
		t.Errorf("a title cut for room has no ellipsis:\n%s", v)
	}
	d = newDriver(t, testOptions(lib), 80, 30)
	d.keys("j", "enter")
	if v := d.m.View(); !strings.Contains(strings.Split(v, "\n")[1], "(untitled)") {
		t.Errorf("an untitled item is blank in the reader:\n%s", v)
	}
}
