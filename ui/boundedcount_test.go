package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// Past listCountBound the list counts no further ("All articles (1,000+)"):
// the rows past it are found by reading on, and reaching the end makes the
// count exact.
func TestListCountIsBoundedUntilTheEnd(t *testing.T) {
	const n = listCountBound + 150
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, URL: "https://wire.example/rss", Title: "Wire"}}}
	for i := 0; i < n; i++ {
		lib.arts = append(lib.arts, store.Article{ArticleSummary: store.ArticleSummary{ID: int64(i + 1), FeedID: 1,
			FeedTitle: "Wire", Title: fmt.Sprintf("Story %04d", i+1), Published: fixedNow.Add(-time.Duration(i+1) * time.Minute)}})
	}
	d := newDriver(t, testOptions(lib), 120, 30)
	if view := d.m.View(); !strings.Contains(view, "All articles (1,000+)") {
		t.Fatalf("heading of %d articles counted up to %d: want \"All articles (1,000+)\":\n%s", n, listCountBound, view)
	}
	if got := d.state().Listed; got < listCountBound || got >= n {
		t.Errorf("listed %d rows before the end was read; want at least %d and fewer than %d", got, listCountBound, n)
	}
	// The bottom key goes as far as is known; repeated, it reaches the end.
	for i := 0; i < 10 && d.state().Cursor < n-1; i++ {
		d.keys("G")
	}
	if st := d.state(); st.Listed != n || st.Cursor != n-1 || st.Selected.Title != fmt.Sprintf("Story %04d", n) {
		t.Errorf("at the end: listed %d, cursor %d on %q; want %d, %d, the oldest story", st.Listed, st.Cursor, st.Selected.Title, n, n-1)
	}
	if view := d.m.View(); !strings.Contains(view, fmt.Sprintf("All articles (%d)", n)) {
		t.Errorf("heading at the end: want \"All articles (%d)\":\n%s", n, view)
	}
}

// Under the bound the count is exact from the start.
func TestListCountExactUnderTheBound(t *testing.T) {
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, URL: "https://wire.example/rss", Title: "Wire"}}}
	for i := 0; i < 250; i++ {
		lib.arts = append(lib.arts, store.Article{ArticleSummary: store.ArticleSummary{ID: int64(i + 1), FeedID: 1,
			FeedTitle: "Wire", Title: fmt.Sprintf("Story %04d", i+1), Published: fixedNow.Add(-time.Duration(i+1) * time.Minute)}})
	}
	d := newDriver(t, testOptions(lib), 120, 30)
	if view := d.m.View(); !strings.Contains(view, "All articles (250)") || d.state().Listed != 250 {
		t.Errorf("listed %d; want \"All articles (250)\":\n%s", d.state().Listed, view)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q; want %q", n, got, want)
		}
	}
}
