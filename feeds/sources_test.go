package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/herald-reader/herald/feeds/store"
)

// fakeSyncer adds one source feed on its first sync, or fails.
type fakeSyncer struct {
	name string
	err  error
	runs int
}

func (f *fakeSyncer) Name() string { return f.name }
func (f *fakeSyncer) URL() string  { return "https://" + f.name + ".example" }
func (f *fakeSyncer) SyncInto(ctx context.Context, st *store.Store) (int, int, error) {
	f.runs++
	if f.err != nil {
		return 0, 0, f.err
	}
	_, err := st.SyncSourceFeeds(f.name, []store.SourceFeed{{RemoteID: "1", Key: "https://" + f.name + ".example/feed#s", Title: "From " + f.name}})
	return 3, 0, err
}

func TestRefreshSyncsSourcesAndSkipsTheirFeeds(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>A</title><guid>a</guid></item></channel></rss>`))
	}))
	defer srv.Close()
	st := openStore(t)
	list, err := st.SyncFeeds([]store.FeedConfig{{URL: srv.URL}})
	if err != nil {
		t.Fatal(err)
	}
	good := &fakeSyncer{name: "home"}
	bad := &fakeSyncer{name: "work", err: errors.New("source work: the server refused the credentials")}
	f := NewFetcher(Options{Sources: []Syncer{good, bad}})
	if _, err := Refresh(context.Background(), st, f, list, nil); err != nil {
		t.Fatal(err)
	}
	// The second refresh lists the source's feed too, as the reader does.
	if err := st.PlaceSourceFeeds([]string{"home"}); err != nil {
		t.Fatal(err)
	}
	list, _ = st.Feeds()
	if len(list) != 2 {
		t.Fatalf("feeds = %+v, want the local one and the source's", list)
	}
	var titles []string
	stats, err := Refresh(context.Background(), st, f, list, func(r Result, _ RefreshStats) { titles = append(titles, r.Title) })
	if err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 2 {
		t.Errorf("the local feed was fetched %d times in two refreshes; the source's feed must never be fetched", hits.Load())
	}
	if stats.Feeds != 3 || stats.Done != 3 || stats.Failed != 1 || stats.Added != 3 || good.runs != 2 {
		t.Errorf("stats = %+v, runs %d; want 3 items (1 feed, 2 sources), 1 failed, 3 added", stats, good.runs)
	}
	if len(stats.Errors) != 1 || stats.Errors[0].Title != "source work" {
		t.Errorf("errors = %+v, want the failing source by name", stats.Errors)
	}
	if len(titles) != 3 || titles[2] != "source work" {
		t.Errorf("progress titles = %q", titles)
	}
}
