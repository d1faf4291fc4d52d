package sync

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// requestsSince returns the requests made after the n-th, sorted (lists
// are asked for at once).
func requestsSince(f *fakeMiniflux, n int) []string {
	out := slices.Clone(f.log()[n:])
	slices.Sort(out)
	return out
}

func TestGReaderIncrementalPullIsThreeShortLists(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src := f.source(t, TypeGReader, f.pass)
	syncOK(t, src, st)
	n := len(f.log())
	if stats := syncOK(t, src, st); stats.Added != 0 || stats.Updated != 0 {
		t.Errorf("second sync with nothing new: %+v", stats)
	}
	reqs := requestsSince(f, n)
	var lists, others []string
	for _, r := range reqs {
		if strings.Contains(r, "/stream/items/ids") {
			lists = append(lists, r)
		} else {
			others = append(others, r)
		}
	}
	if len(others) != 1 || !strings.Contains(others[0], "/subscription/list") {
		t.Errorf("requests besides the id lists: %q; want only the subscription list", others)
	}
	if len(lists) != 3 {
		t.Fatalf("id lists: %q; want 3", lists)
	}
	var withOT, unread, starred int
	for _, l := range lists {
		switch {
		case strings.Contains(l, "ot="):
			withOT++
		case strings.Contains(l, "xt=user%2F-%2Fstate%2Fcom.google%2Fread"):
			unread++
		case strings.Contains(l, "s=user%2F-%2Fstate%2Fcom.google%2Fstarred"):
			starred++
		}
	}
	if withOT != 1 || unread != 1 || starred != 1 {
		t.Errorf("id lists %q: want one since the last sync (ot), the unread and the starred", lists)
	}
}

func TestGReaderIncrementalPullKeepsServerChanges(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src := f.source(t, TypeGReader, f.pass)
	syncOK(t, src, st)
	// A read and a star made on the server.
	f.set("6", "status", "read")
	f.set("2", "starred", true)
	// New entries: unread and dated long ago (found through the unread
	// list), read and dated now (through the list since the last sync).
	f.add("3", "20", time.Now().Add(-30*24*time.Hour), "unread")
	f.add("3", "21", time.Now(), "read")
	stats := syncOK(t, src, st)
	if stats.Added != 2 {
		t.Errorf("added %d, want 2 (20 and 21)", stats.Added)
	}
	if a := article(t, st, TypeGReader, "6"); !a.Read {
		t.Error("a read made on the server did not reach herald")
	}
	if a := article(t, st, TypeGReader, "2"); !a.Starred {
		t.Error("a star made on the server did not reach herald")
	}
	if a := article(t, st, TypeGReader, "21"); !a.Read {
		t.Error("entry 21 arrived unread; the server has it read")
	}
	if q, _ := st.PendingChanges(TypeGReader); len(q) != 0 {
		t.Errorf("the server's changes were queued back: %+v", q)
	}
	// Read and dated long ago: only a full list finds it.
	f.add("3", "22", time.Now().Add(-30*24*time.Hour), "read")
	if stats := syncOK(t, src, st); stats.Added != 0 {
		t.Errorf("an incremental sync added %d; the entry is outside its lists", stats.Added)
	}
	full := f.sourceWith(t, TypeGReader, f.pass, func(c *Config) { c.ReconcileEvery = -1 })
	if stats := syncOK(t, full, st); stats.Added != 1 {
		t.Errorf("a full sync added %d, want 1 (22)", stats.Added)
	}
	if a := article(t, st, TypeGReader, "22"); !a.Read {
		t.Error("entry 22 arrived unread")
	}
}

func TestUnsubscribedFeedLeavesTheStore(t *testing.T) {
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			f := newFakeMiniflux(t)
			st := freshStore(t)
			local, err := st.SyncFeeds([]store.FeedConfig{{URL: "http://feeds.test/economy.xml"}}) // the same feed, fetched locally
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := st.SaveArticles(local[0].ID, []store.NewArticle{{GUID: "x", Title: "Fetched locally", Text: "t"}}); err != nil {
				t.Fatal(err)
			}
			src := f.source(t, typ, f.pass)
			syncOK(t, src, st)
			if err := st.PlaceSourceFeeds([]string{typ}); err != nil {
				t.Fatal(err)
			}
			starred := article(t, st, typ, "7")
			if err := st.SetStarred(starred.ID, true); err != nil {
				t.Fatal(err)
			}
			dropped := article(t, st, typ, "6")
			f.unsubscribe("3") // economy: entries 6 and 7
			stats := syncOK(t, src, st)
			if stats.Dropped != 1 {
				t.Errorf("dropped %d articles, want 1 (6; 7 is starred)", stats.Dropped)
			}
			if _, err := st.Article(dropped.ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("article of the unsubscribed feed: %v, want it removed", err)
			}
			if _, err := st.Article(starred.ID); err != nil {
				t.Errorf("starred article of the unsubscribed feed: %v, want it kept", err)
			}
			fs, _ := st.Feeds()
			var titles []string
			for _, fd := range fs {
				titles = append(titles, fd.Title+"="+fd.URL)
			}
			if len(fs) != 2 || fs[0].ID != local[0].ID || fs[0].Total != 1 || fs[1].Title != "Sync test: world" {
				t.Errorf("feeds after unsubscribing = %q; want the local feed with its article, and world", titles)
			}
			if q, _ := st.PendingChanges(typ); len(q) != 0 {
				t.Errorf("queue = %+v; the kept article is local now", q)
			}
		})
	}
}

func TestPurgedEntryStaysLocal(t *testing.T) {
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			f := newFakeMiniflux(t)
			st := freshStore(t)
			src := f.sourceWith(t, typ, f.pass, func(c *Config) {
				if typ == TypeGReader {
					c.ReconcileEvery = -1
				}
			})
			syncOK(t, src, st)
			a := article(t, st, typ, "2")
			f.purge("2")
			f.set("1", "status", "read")
			stats := syncOK(t, src, st)
			if stats.Detached != 1 {
				t.Errorf("detached %d entries, want 1", stats.Detached)
			}
			if b, err := st.Article(a.ID); err != nil || b.Read {
				t.Errorf("purged entry's article = read %v, %v; want it kept as it was", b.Read, err)
			}
			if ids, _ := st.SourceRemoteIDs(typ); ids["2"] || len(ids) != 4 {
				t.Errorf("synced entries = %v; want 4, without 2", ids)
			}
			if b := article(t, st, typ, "1"); !b.Read {
				t.Error("the read made on the server in the same sync was lost")
			}
			if err := st.SetRead(a.ID, true); err != nil {
				t.Fatal(err)
			}
			w := f.writes()
			syncOK(t, src, st)
			if f.writes() != w {
				t.Error("a change to the purged entry was sent to the server")
			}
		})
	}
}

// Miniflux's REST source lists every id only when the counts differ.
func TestMinifluxListsIDsOnlyWhenCountsDiffer(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src := f.source(t, TypeMiniflux, f.pass)
	syncOK(t, src, st)
	listed := func(from int) int {
		n := 0
		for _, r := range f.log()[from:] {
			if strings.Contains(r, "/v1/entries/ids?limit=10000") {
				n++
			}
		}
		return n
	}
	n := len(f.log())
	syncOK(t, src, st)
	if listed(n) != 0 {
		t.Error("a sync with nothing purged listed every id")
	}
	f.purge("7")
	n = len(f.log())
	if stats := syncOK(t, src, st); stats.Detached != 1 || listed(n) != 2 {
		t.Errorf("after a purge: detached %d with %d id lists; want 1 with 2 (read and unread)", stats.Detached, listed(n))
	}
}

func TestInoreaderAppIDAndKey(t *testing.T) {
	f := newFakeMiniflux(t)
	f.appID, f.appKey = "1000001234", "k3y"
	st := freshStore(t)
	_, err := f.source(t, TypeGReader, f.pass).Sync(context.Background(), st)
	if !errors.Is(err, ErrAuth) {
		t.Errorf("without the app id and key: err = %v, want the server's refusal", err)
	}
	keyAsked := 0
	src := f.sourceWith(t, TypeGReader, f.pass, func(c *Config) {
		c.AppID = "1000001234"
		c.AppKey = func(context.Context) (string, error) { keyAsked++; return "k3y", nil }
	})
	if stats := syncOK(t, src, st); stats.Added != 5 {
		t.Errorf("added %d, want 5", stats.Added)
	}
	a := article(t, st, TypeGReader, "3")
	if err := st.SetRead(a.ID, true); err != nil {
		t.Fatal(err)
	}
	if stats := syncOK(t, src, st); stats.Pushed != 1 {
		t.Errorf("pushed %d, want 1", stats.Pushed)
	}
	if read, _ := f.state("3"); !read {
		t.Error("the read did not reach the server")
	}
	if keyAsked != 1 {
		t.Errorf("the app key was asked for %d times, want once", keyAsked)
	}
	if _, err := New(Config{Name: "i", Type: TypeGReader, URL: f.URL, Username: "u", AppID: "1",
		Password: func(context.Context) (string, error) { return "p", nil }}); err == nil {
		t.Error("an app id without its key was accepted")
	}
}

// Changes on either side, over several syncs, leave herald with the
// server's state each time, whether or not the lists changed since the
// sync before (a list that changes and changes back is the same list).
func TestGReaderStateConvergesOverSyncs(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src := f.source(t, TypeGReader, f.pass)
	syncOK(t, src, st)
	check := func(step string) {
		t.Helper()
		for _, id := range []string{"1", "2", "3", "6", "7"} {
			read, star := f.state(id)
			if a := article(t, st, TypeGReader, id); a.Read != read || a.Starred != star {
				t.Errorf("%s: entry %s in herald read=%v starred=%v, server %v %v", step, id, a.Read, a.Starred, read, star)
			}
		}
	}
	f.set("1", "status", "read")
	syncOK(t, src, st)
	check("server read")
	a := article(t, st, TypeGReader, "2")
	if err := st.SetStarred(a.ID, true); err != nil {
		t.Fatal(err)
	}
	syncOK(t, src, st) // pushes the star
	syncOK(t, src, st) // lists changed by the push
	check("herald starred")
	f.set("3", "status", "read")
	f.set("3", "status", "unread") // and back: the same lists
	syncOK(t, src, st)
	check("server read and unread")
	f.set("2", "starred", false)
	f.set("6", "status", "read")
	syncOK(t, src, st)
	check("server unstarred and read")
	syncOK(t, src, st)
	check("nothing new")
}

// An unread list longer than a page (10,000 ids) is read whole, page
// after page.
func TestGReaderLongUnreadList(t *testing.T) {
	f := newFakeMiniflux(t)
	for i := range 10001 {
		f.add("3", strconv.Itoa(100+i), time.Now().Add(-30*24*time.Hour), "unread")
	}
	st := freshStore(t)
	src := f.source(t, TypeGReader, f.pass)
	if stats := syncOK(t, src, st); stats.Added != 10006 {
		t.Fatalf("added %d, want 10006", stats.Added)
	}
	f.set("100", "status", "read")
	f.set("10100", "status", "read") // on the second page
	n := len(f.log())
	syncOK(t, src, st)
	for _, id := range []string{"100", "10100"} {
		if a := article(t, st, TypeGReader, id); !a.Read {
			t.Errorf("entry %s, read on the server, unread in herald", id)
		}
	}
	if a := article(t, st, TypeGReader, "101"); a.Read {
		t.Error("entry 101 read in herald, unread on the server")
	}
	var unreadPages []string
	for _, r := range f.log()[n:] {
		if strings.Contains(r, "xt=user%2F-%2Fstate%2Fcom.google%2Fread") {
			unreadPages = append(unreadPages, r)
		}
	}
	if len(unreadPages) != 2 || strings.Contains(unreadPages[0], "c=") || !strings.Contains(unreadPages[1], "c=10000") {
		t.Errorf("unread list pages: %q; want two, the second from offset 10000", unreadPages)
	}
}

// A sync never has two requests in flight: Miniflux, as installed, opens
// a database connection for each request beyond the first at once.
func TestOneRequestAtATime(t *testing.T) {
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			f := newFakeMiniflux(t)
			st := freshStore(t)
			src := f.source(t, typ, f.pass)
			syncOK(t, src, st)
			a := article(t, st, typ, "2")
			if err := st.SetRead(a.ID, true); err != nil {
				t.Fatal(err)
			}
			f.purge("7")
			syncOK(t, src, st)
			if m := f.mostAtOnce(); m != 1 {
				t.Errorf("%d requests at once, want 1", m)
			}
		})
	}
}
