package sync

// What leaves the real Miniflux leaves herald: an entry its retention
// deletes, and a feed the reader unsubscribes from. The test subscribes
// the user to testdata/leaving.xml, a feed of its own, and ends by
// unsubscribing from it, so that the other tests' feeds are untouched.

import (
	"errors"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feeds/store"
)

// psql runs SQL on Miniflux's database, as its own cleanup job would.
func psql(t *testing.T, sql string) {
	t.Helper()
	dsn := os.Getenv("HERALD_MINIFLUX_DSN")
	if dsn == "" {
		t.Skip("no HERALD_MINIFLUX_DSN: run scripts/test-sync")
	}
	out, err := exec.Command("psql", dsn, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql).CombinedOutput()
	if err != nil {
		t.Fatalf("psql %q: %v: %s", sql, err, out)
	}
}

func TestIntegrationServerDeletionsReachHerald(t *testing.T) {
	s := live(t)
	var created struct {
		FeedID int64 `json:"feed_id"`
	}
	if err := s.rest(http.MethodPost, "/v1/feeds", map[string]any{"feed_url": s.feeds + "/leaving.xml"}, &created); err != nil {
		t.Fatal(err)
	}
	feedID := strconv.FormatInt(created.FeedID, 10)
	unsubscribed := false
	t.Cleanup(func() {
		if !unsubscribed {
			s.rest(http.MethodDelete, "/v1/feeds/"+feedID, nil, nil)
		}
	})
	var res mfEntries
	if err := s.rest(http.MethodGet, "/v1/feeds/"+feedID+"/entries?limit=10&order=id&direction=asc", nil, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != 3 {
		t.Fatalf("the server has %d entries of leaving.xml, want 3", len(res.Entries))
	}
	purged, starred, plain := res.Entries[0], res.Entries[1], res.Entries[2]
	id := func(e mfEntry) string { return strconv.FormatInt(e.ID, 10) }

	type side struct {
		typ string
		src *Source
		st  *store.Store
	}
	var sides []side
	for _, typ := range apis {
		src := s.source(typ, s.pass, s.url)
		if typ == TypeGReader {
			// The daily full list, at every sync.
			src = s.sourceWith(typ, s.pass, s.url, func(c *Config) { c.ReconcileEvery = -1 })
		}
		st := freshStore(t)
		mustSync(t, src, st)
		sides = append(sides, side{typ, src, st})
	}

	purgedIDs := map[string]int64{}
	for _, sd := range sides {
		purgedIDs[sd.typ], _ = sd.st.SourceArticleID(sd.typ, id(purged))
	}
	// Miniflux's retention deletes an entry (as its cleanup job does).
	psql(t, "DELETE FROM entries WHERE id = "+id(purged))
	for _, sd := range sides {
		t.Run("purged/"+sd.typ, func(t *testing.T) {
			aid := purgedIDs[sd.typ]
			stats := mustSync(t, sd.src, sd.st)
			if stats.Detached != 1 {
				t.Errorf("detached %d entries, want 1", stats.Detached)
			}
			if a, err := sd.st.Article(aid); err != nil || a.Title != purged.Title {
				t.Errorf("purged entry's article = %q, %v; want it kept until herald's retention", a.Title, err)
			}
			if ids, _ := sd.st.SourceRemoteIDs(sd.typ); ids[id(purged)] || !ids[id(plain)] {
				t.Errorf("synced entries still name the purged one, or lost another: %v", ids)
			}
		})
	}

	// herald stars one entry, then the reader unsubscribes on the server.
	for _, sd := range sides {
		aid, _ := sd.st.SourceArticleID(sd.typ, id(starred))
		if err := sd.st.SetStarred(aid, true); err != nil {
			t.Fatal(err)
		}
		mustSync(t, sd.src, sd.st)
	}
	if err := s.rest(http.MethodDelete, "/v1/feeds/"+feedID, nil, nil); err != nil {
		t.Fatal(err)
	}
	unsubscribed = true
	for _, sd := range sides {
		t.Run("unsubscribed/"+sd.typ, func(t *testing.T) {
			starredID, _ := sd.st.SourceArticleID(sd.typ, id(starred))
			plainID, _ := sd.st.SourceArticleID(sd.typ, id(plain))
			purgedID := purgedIDs[sd.typ]
			feedsBefore, _ := sd.st.Feeds()
			stats := mustSync(t, sd.src, sd.st)
			if stats.Dropped != 2 {
				t.Errorf("dropped %d articles, want 2 (the starred one stays)", stats.Dropped)
			}
			// The purged entry's article, local since, goes with its feed.
			for _, aid := range []int64{plainID, purgedID} {
				if _, err := sd.st.Article(aid); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("article %d of the unsubscribed feed: %v, want it removed", aid, err)
				}
			}
			if a, err := sd.st.Article(starredID); err != nil || !a.Starred {
				t.Errorf("starred article of the unsubscribed feed: %+v, %v; want it kept", a, err)
			}
			feedsAfter, _ := sd.st.Feeds()
			for _, f := range feedsAfter {
				if strings.Contains(f.URL, "/leaving.xml") {
					t.Errorf("the unsubscribed feed is still listed: %+v", f)
				}
			}
			if len(feedsAfter) != len(feedsBefore)-1 {
				t.Errorf("feeds %d -> %d, want one fewer", len(feedsBefore), len(feedsAfter))
			}
			if q, _ := sd.st.PendingChanges(sd.typ); len(q) != 0 {
				t.Errorf("queue = %+v", q)
			}
		})
	}
}
