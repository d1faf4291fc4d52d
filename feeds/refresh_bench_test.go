package feeds

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/internal/benchfeed"
)

// Refresh through the real store, as `herald fetch` runs it:
//
//	go test -run '^$' -bench 'RefreshStore' -benchtime 3x ./feeds
//
// 500 feeds of 20 items of 2–5 KB (internal/benchfeed), gzipped,
// behind a server that waits 50 ms before every answer.

// benchStoreFeeds opens a new store in a temporary directory with n feeds
// of srv configured.
func benchStoreFeeds(b *testing.B, srv *httptest.Server, n int) (*store.Store, []store.Feed) {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "herald.db"))
	if err != nil {
		b.Fatal(err)
	}
	cfg := make([]store.FeedConfig, n)
	for i := range cfg {
		cfg[i] = store.FeedConfig{URL: fmt.Sprintf("%s/feed/%d", srv.URL, i)}
	}
	list, err := st.SyncFeeds(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return st, list
}

func refreshOnce(b *testing.B, st *store.Store, f *Fetcher, wantAdded int) RefreshStats {
	b.Helper()
	list, err := st.Feeds()
	if err != nil {
		b.Fatal(err)
	}
	stats, err := Refresh(context.Background(), st, f, list, nil)
	if err != nil {
		b.Fatal(err)
	}
	if stats.Failed != 0 || stats.Added != wantAdded {
		b.Fatalf("refresh: %d failed (%v), %d added, want %d added", stats.Failed, stats.Errors, stats.Added, wantAdded)
	}
	return stats
}

// BenchmarkRefreshStore500: a first refresh of 500 feeds into an empty store.
func BenchmarkRefreshStore500(b *testing.B) {
	const feeds = 500
	bs := &benchfeed.Server{Latency: benchLatency}
	bs.Warm(feeds)
	srv := httptest.NewServer(bs)
	b.Cleanup(srv.Close)
	f := NewFetcher(Options{})
	for b.Loop() {
		b.StopTimer()
		st, _ := benchStoreFeeds(b, srv, feeds)
		b.StartTimer()
		refreshOnce(b, st, f, feeds*benchfeed.ItemsPerFeed)
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(feeds*benchfeed.ItemsPerFeed), "articles/op")
}

// BenchmarkRefreshStore500NotModified: 500 feeds that all answer 304.
func BenchmarkRefreshStore500NotModified(b *testing.B) {
	const feeds = 500
	srv := httptest.NewServer(&benchfeed.Server{Latency: benchLatency})
	b.Cleanup(srv.Close)
	f := NewFetcher(Options{})
	st, _ := benchStoreFeeds(b, srv, feeds)
	defer st.Close()
	refreshOnce(b, st, f, feeds*benchfeed.ItemsPerFeed)
	for b.Loop() {
		stats := refreshOnce(b, st, f, 0)
		if stats.NotModified != feeds {
			b.Fatalf("%d not modified, want %d", stats.NotModified, feeds)
		}
	}
}
