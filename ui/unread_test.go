package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

func twoFeedsUnread() *fakeLib {
	return &fakeLib{
		feeds: []store.Feed{{ID: 1, Title: "Alpha"}, {ID: 2, Title: "Beta"}, {ID: 3, Title: "Gamma"}},
		arts: []store.Article{
			{ArticleSummary: summary(1, 1, "Alpha", "Alpha one", 1*time.Hour, false, false), Text: "Alpha one text."},
			{ArticleSummary: summary(2, 1, "Alpha", "Alpha two", 2*time.Hour, false, false), Text: "Alpha two text."},
			{ArticleSummary: summary(3, 1, "Alpha", "Alpha old", 3*time.Hour, true, false), Text: "Read already."},
			{ArticleSummary: summary(4, 2, "Beta", "Beta one", 30*time.Minute, false, false), Text: "Beta one text."},
			{ArticleSummary: summary(5, 3, "Gamma", "Gamma read", 10*time.Minute, true, false), Text: "Read."},
		},
	}
}

// readerTitle is the headline the reader shows.
func readerTitle(view string) string {
	lines := strings.Split(view, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "▌Article") {
		return ""
	}
	title, _, _ := strings.Cut(lines[1], "│")
	return strings.TrimSpace(title)
}

func TestNextUnreadWalksAcrossFeeds(t *testing.T) {
	lib := twoFeedsUnread()
	d := newDriver(t, testOptions(lib), 100, 24)
	d.keys("h", "j", "j", "enter") // the Alpha feed
	for _, want := range []string{"Alpha one", "Alpha two", "Beta one"} {
		d.keys("J")
		if got := readerTitle(d.m.View()); got != want {
			t.Fatalf("J opened %q, want %q:\n%s", got, want, d.m.View())
		}
	}
	if !strings.Contains(d.m.View(), "[Beta]") {
		t.Errorf("the list did not follow to the Beta feed:\n%s", d.m.View())
	}
	d.keys("J")
	if v := d.m.View(); !strings.Contains(v, "no more unread articles") || readerTitle(v) != "Beta one" {
		t.Errorf("J past the last unread:\n%s", v)
	}
	for _, id := range []int64{1, 2, 4} {
		if !lib.isRead(id) {
			t.Errorf("article %d was opened but not marked read", id)
		}
	}
	// K goes back to the unread before: none left in Beta, so Alpha's
	lib.SetRead(2, false)
	d.keys("K")
	if got := readerTitle(d.m.View()); got != "Alpha two" {
		t.Errorf("K opened %q, want Alpha two", got)
	}
}

// selectedRow is the list row under the cursor, read from the screen.
func selectedRow(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if _, row, ok := strings.Cut(l, "│▸"); ok {
			return row
		}
		if strings.HasPrefix(l, "▸") && !strings.Contains(l, "│") {
			return l
		}
	}
	return ""
}
