package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

func TestFeedsGroupByTagAndCollapse(t *testing.T) {
	lib := &fakeLib{
		feeds: []store.Feed{
			{ID: 1, Title: "Wire A", Tags: []string{"world"}},
			{ID: 2, Title: "Tech B", Tags: []string{"tech"}},
			{ID: 3, Title: "Wire C", Tags: []string{"world", "extra"}},
			{ID: 4, Title: "Loose D"},
		},
		arts: []store.Article{
			{ArticleSummary: summary(1, 1, "Wire A", "A story", time.Hour, false, false)},
			{ArticleSummary: summary(2, 3, "Wire C", "C story", 2*time.Hour, false, false)},
			{ArticleSummary: summary(3, 4, "Loose D", "D story", 3*time.Hour, false, false)},
		},
	}
	d := newDriver(t, testOptions(lib), 100, 20)
	feedsCol := func() []string {
		var out []string
		for _, l := range strings.Split(d.m.View(), "\n")[1:] {
			col, _, _ := strings.Cut(l, "│")
			if s := strings.TrimRight(col, " "); s != "" {
				out = append(out, strings.TrimLeft(s, " ▸"))
			}
		}
		return out
	}
	got := strings.Join(feedsCol(), "\n")
	for _, want := range []string{"▾ world", "Wire A", "Wire C", "▾ tech", "Tech B", "▾ untagged", "Loose D"} {
		if !strings.Contains(got, want) {
			t.Errorf("the feeds pane lacks %q:\n%s", want, got)
		}
	}
	if strings.Index(got, "Wire C") > strings.Index(got, "▾ tech") {
		t.Errorf("Wire C is not under world:\n%s", got)
	}
	d.keys("h", "j", "j", "enter") // the world heading: collapse
	got = strings.Join(feedsCol(), "\n")
	if strings.Contains(got, "Wire A") || !strings.Contains(got, "world") || !strings.Contains(got, "Tech B") {
		t.Errorf("world did not collapse:\n%s", got)
	}
	d.keys("enter") // open it again
	if got = strings.Join(feedsCol(), "\n"); !strings.Contains(got, "Wire A") {
		t.Errorf("world did not open again:\n%s", got)
	}
	d.keys("j", "enter") // Wire A is a feed: the list shows it
	if v := d.m.View(); !strings.Contains(v, "Wire A (1)") {
		t.Errorf("choosing a feed under a tag:\n%s", v)
	}
}

// A source's feeds are listed under the source and their folder, apart from
// the feeds herald fetches itself.
func TestFeedsGroupBySource(t *testing.T) {
	lib := &fakeLib{
		feeds: []store.Feed{
			{ID: 1, Title: "Local Wire", Tags: []string{"world"}},
			{ID: 2, Title: "Synced Wire", Tags: []string{"world"}, Source: "miniflux"},
			{ID: 3, Title: "Unfiled", Source: "miniflux"},
		},
	}
	d := newDriver(t, testOptions(lib), 100, 20)
	v := d.m.View()
	for _, want := range []string{"▾ world", "▾ miniflux / world", "▾ miniflux"} {
		if !strings.Contains(v, want) {
			t.Errorf("the feeds pane lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "Synced Wire") < strings.Index(v, "miniflux / world") {
		t.Errorf("the synced feed is not under its source:\n%s", v)
	}
}

// The filter key on a group's heading makes the group a chip: the list
// shows that group's articles under every other filter, and E exports them.
func TestTagChipFiltersTheList(t *testing.T) {
	lib := &fakeLib{
		feeds: []store.Feed{
			{ID: 1, Title: "Wire A", Tags: []string{"world"}},
			{ID: 2, Title: "Tech B", Tags: []string{"tech"}},
		},
		arts: []store.Article{
			{ArticleSummary: summary(1, 1, "Wire A", "World story", time.Hour, false, false)},
			{ArticleSummary: summary(2, 2, "Tech B", "Tech story", 2*time.Hour, false, false)},
		},
	}
	d := newDriver(t, testOptions(lib), 100, 20)
	if v := d.m.View(); !strings.Contains(v, "World story") || !strings.Contains(v, "Tech story") {
		t.Fatalf("before the chip both stories show:\n%s", v)
	}
	d.keys("h", "j", "j", "f") // the world heading
	v := d.m.View()
	if !strings.Contains(v, "# world") {
		t.Errorf("no tag chip in the status line:\n%s", v)
	}
	if !strings.Contains(v, "World story") || strings.Contains(v, "Tech story") {
		t.Errorf("the tag chip does not filter the list:\n%s", v)
	}
	d.keys("X") // clear the filters
	if v := d.m.View(); !strings.Contains(v, "Tech story") {
		t.Errorf("clearing the chip did not bring the other feed back:\n%s", v)
	}
}
