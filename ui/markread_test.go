package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// manyUnread is a library with n unread articles in feed 1 and two in feed 2.
func manyUnread(n int) *fakeLib {
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, Title: "Busy"}, {ID: 2, Title: "Quiet"}}}
	for i := 1; i <= n; i++ {
		lib.arts = append(lib.arts, store.Article{ArticleSummary: summary(int64(i), 1, "Busy", fmt.Sprintf("Busy story %d", i), time.Duration(i)*time.Hour, false, false), Text: "x"})
	}
	for i := n + 1; i <= n+2; i++ {
		lib.arts = append(lib.arts, store.Article{ArticleSummary: summary(int64(i), 2, "Quiet", fmt.Sprintf("Quiet story %d", i), time.Duration(i)*time.Hour, false, false), Text: "x"})
	}
	return lib
}

func TestMarkReadActsOnTheSelectedFeedAndUndoes(t *testing.T) {
	lib := fixtureLib(t)
	d := newDriver(t, testOptions(lib), 120, 30)
	d.keys("h", "j", "j", "enter") // World Desk: articles 1 and 3 unread
	d.keys("A")
	for _, id := range []int64{1, 3} {
		if !lib.isRead(id) {
			t.Errorf("article %d of the selected feed not marked read", id)
		}
	}
	for _, id := range []int64{4, 5} {
		if lib.isRead(id) {
			t.Errorf("A on World Desk marked article %d of another feed read", id)
		}
	}
	if v := d.m.View(); !strings.Contains(v, "marked 2 articles read") || !strings.Contains(v, "u undo") {
		t.Errorf("the status does not say how many were marked:\n%s", v)
	}
	d.keys("u")
	for _, id := range []int64{1, 3} {
		if lib.isRead(id) {
			t.Errorf("u did not set article %d back to unread", id)
		}
	}
	if v := d.m.View(); !strings.Contains(v, "2 articles unread again") {
		t.Errorf("undo not reported:\n%s", v)
	}
}

func TestMarkReadActsOnTheSearchedList(t *testing.T) {
	lib := fixtureLib(t)
	d := newDriver(t, testOptions(lib), 120, 30)
	d.keys("/")
	d.typeText("Lisbon")
	d.keys("enter", "A")
	if !lib.isRead(3) {
		t.Error("the searched article was not marked read")
	}
	for _, id := range []int64{1, 4, 5} {
		if lib.isRead(id) {
			t.Errorf("A under a search marked article %d, which the list does not show", id)
		}
	}
}

func TestMarkReadAsksBeforeMoreThanAScreenful(t *testing.T) {
	lib := manyUnread(40)
	d := newDriver(t, testOptions(lib), 120, 20)
	d.keys("A")
	if v := d.m.View(); !strings.Contains(v, "mark 42 articles in All articles read? y/n") {
		t.Fatalf("no question before marking 42 articles:\n%s", v)
	}
	if lib.isRead(1) {
		t.Fatal("marked before the answer")
	}
	// the question is an overlay in the status line: the list stays in
	// view, and the answer is the next key, whatever it is bound to
	if s := d.state(); s.Overlay != "confirm" || !strings.Contains(d.m.View(), "All articles (42)") {
		t.Errorf("while asking: overlay %q:\n%s", s.Overlay, d.m.View())
	}
	d.keys("n")
	if s := d.state(); s.Overlay != "" || s.Status != "nothing marked" {
		t.Errorf("after no: overlay %q, status %q", s.Overlay, s.Status)
	}
	if lib.isRead(1) {
		t.Fatal("marked although the answer was no")
	}
	d.keys("A", "y")
	for id := int64(1); id <= 42; id++ {
		if !lib.isRead(id) {
			t.Fatalf("article %d not marked after yes", id)
		}
	}
	// undo lasts only until the next action
	d.keys("m", "u")
	if !lib.isRead(2) {
		t.Error("u after another action undid the old marking")
	}
}
