package feeds

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/herald-reader/herald/feeds/store"
)

// mutableFeed serves one RSS feed whose single item's text the test can
// change, with an ETag that follows the content.
type mutableFeed struct {
	mu   sync.Mutex
	text string
}

func (m *mutableFeed) set(text string) {
	m.mu.Lock()
	m.text = text
	m.mu.Unlock()
}

func (m *mutableFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	body := fmt.Sprintf(`<?xml version="1.0"?><rss version="2.0"><channel><title>Mutable</title>
<item><title>Changing story</title><link>https://mutable.example/1</link><guid>m-1</guid><description>%s</description></item>
</channel></rss>`, m.text)
	m.mu.Unlock()
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write([]byte(body))
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestRefreshEndToEnd(t *testing.T) {
	srv := newTestServer(t)
	mut := &mutableFeed{text: "First version."}
	mutSrv := httptest.NewServer(mut)
	defer mutSrv.Close()

	st := openStore(t)
	feeds, err := st.SyncFeeds([]store.FeedConfig{
		{URL: srv.url("/feeds/rss2.xml")},
		{URL: srv.url("/feeds/atom.xml"), Title: "My Atom"},
		{URL: srv.url("/status/404"), Title: "Gone feed"},
		{URL: srv.url("/html-as-feed")},
		{URL: mutSrv.URL + "/feed"},
	})
	if err != nil {
		t.Fatal(err)
	}
	f := NewFetcher(Options{})

	var calls []RefreshStats
	stats, err := Refresh(context.Background(), st, f, feeds, func(r Result, s RefreshStats) {
		calls = append(calls, s)
	})
	if err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	if stats.Feeds != 5 || stats.Done != 5 || stats.Added != 6 || stats.Updated != 0 || stats.Failed != 2 || stats.NotModified != 0 {
		t.Errorf("first refresh stats %+v", stats)
	}
	if len(calls) != 5 {
		t.Fatalf("progress called %d times, want 5", len(calls))
	}
	for i, c := range calls {
		if c.Done != i+1 {
			t.Errorf("progress call %d reports Done=%d", i, c.Done)
		}
	}
	reasons := map[string]string{}
	for _, e := range stats.Errors {
		reasons[e.Title] = e.Err
	}
	if !strings.Contains(reasons["Gone feed"], "HTTP 404") {
		t.Errorf("404 feed error: %q (all: %+v)", reasons["Gone feed"], stats.Errors)
	}
	if r := reasons[srv.url("/html-as-feed")]; !strings.Contains(r, "not a feed: got an HTML page") {
		t.Errorf("HTML page error: %q (all: %+v)", r, stats.Errors)
	}

	all, err := st.Articles(store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 {
		t.Fatalf("%d articles stored, want 6", len(all))
	}
	var readID, starID, mutID int64
	for _, a := range all {
		switch a.Title {
		case "Parliament votes on the budget":
			readID = a.ID
		case "Relative link story":
			starID = a.ID
		case "Changing story":
			mutID = a.ID
		}
	}
	if readID == 0 || starID == 0 || mutID == 0 {
		t.Fatalf("expected articles missing: %+v", all)
	}
	if err := st.SetRead(readID, true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetStarred(starID, true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetRead(mutID, true); err != nil {
		t.Fatal(err)
	}

	// Second refresh with the validators the store kept: the fixtures
	// answer 304, the mutable feed has changed.
	mut.set("Second version.")
	feeds, err = st.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	if feeds[0].ETag == "" || feeds[1].LastModified == "" {
		t.Fatalf("validators not stored: %+v", feeds[:2])
	}
	parses := parseCount.Load()
	stats, err = Refresh(context.Background(), st, f, feeds, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Added != 0 || stats.Updated != 1 || stats.NotModified != 2 || stats.Failed != 2 {
		t.Errorf("second refresh stats %+v", stats)
	}
	// Only the changed feed and the HTML page reach the parser.
	if n := parseCount.Load() - parses; n != 2 {
		t.Errorf("second refresh parsed %d bodies, want 2", n)
	}
	if h := srv.seen("/feeds/rss2.xml"); len(h) != 2 || h[1].Get("If-None-Match") == "" {
		t.Errorf("second request did not send the stored ETag: %v", h)
	}

	after, err := st.Articles(store.ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 6 {
		t.Errorf("%d articles after re-fetch, want 6 (no duplicates)", len(after))
	}
	for _, a := range after {
		switch a.ID {
		case readID:
			if !a.Read {
				t.Error("read flag lost on re-fetch")
			}
		case starID:
			if !a.Starred {
				t.Error("starred flag lost on re-fetch")
			}
		case mutID:
			if !a.Read {
				t.Error("read flag lost when the article was updated upstream")
			}
		}
	}
	art, err := st.Article(mutID)
	if err != nil {
		t.Fatal(err)
	}
	if art.Text != "Second version." {
		t.Errorf("updated article text %q", art.Text)
	}
	gone, err := st.FeedByURL(srv.url("/status/404"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(gone.LastError, "HTTP 404") || gone.LastFetch.IsZero() {
		t.Errorf("failed feed not recorded: %+v", gone)
	}
	atom, err := st.FeedByURL(srv.url("/feeds/atom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if atom.LastError != "" {
		t.Errorf("304 left an error on the feed: %q", atom.LastError)
	}
}

func TestRefreshCancelled(t *testing.T) {
	srv := newTestServer(t)
	st := openStore(t)
	feeds, err := st.SyncFeeds([]store.FeedConfig{{URL: srv.url("/feeds/atom.xml")}, {URL: srv.url("/slow")}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stats, err := Refresh(ctx, st, NewFetcher(Options{Concurrency: 1}), feeds, func(r Result, s RefreshStats) {
		cancel()
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Refresh after cancel: %v", err)
	}
	if stats.Failed != 0 || stats.Done != 1 || stats.Added != 2 {
		t.Errorf("stats after cancelling during the second feed: %+v", stats)
	}
	slow, err := st.FeedByURL(srv.url("/slow"))
	if err != nil {
		t.Fatal(err)
	}
	if slow.LastError != "" {
		t.Errorf("a cancelled fetch was recorded as the feed's error: %q", slow.LastError)
	}
}
