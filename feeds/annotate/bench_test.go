package annotate

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/internal/benchfeed"
	"github.com/herald-reader/herald/internal/cputime"
	"github.com/herald-reader/herald/nlp"
)

// A day's news, fetched and annotated as `herald fetch` does it
// (annotate.Refresh: each feed's articles annotated while the others
// download):
//
//	go test -c ./feeds/annotate
//	./annotate.test -test.run '^$' -test.bench Day -test.benchtime 3x -test.cpu 1   (then -test.cpu 2)
//
// One -cpu value per process, alternating: with -cpu 1,2 in one process
// the first configuration's runs came out as if on the other number of
// cores (cpu-s/op, the process's CPU time, shows it).
//
// 250 feeds of 20 items of 3 KB (5,000 articles) from a local server that
// waits 50 ms before every answer, into an empty store; then every
// article annotated. Reports the store's size per 1,000 articles.
func BenchmarkDay(b *testing.B) {
	const nFeeds = 250
	bs := &benchfeed.Server{Latency: 50 * time.Millisecond, Size: 3000}
	bs.Warm(nFeeds)
	srv := httptest.NewServer(bs)
	defer srv.Close()
	ann := nlp.Default()
	f := feeds.NewFetcher(feeds.Options{})
	var size int64
	var fetchTime, annTime, writeTime, cpuTime time.Duration
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		path := filepath.Join(dir, "herald.db")
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		list := benchFeeds(b, st, srv.URL, nFeeds)
		b.StartTimer()
		start := time.Now()
		cpu0, _ := cputime.Process()
		var lastFeed time.Time
		rs, as, err := Refresh(context.Background(), st, f, list, ann, func(feeds.Result, feeds.RefreshStats) {
			lastFeed = time.Now()
		})
		if err != nil || rs.Added != nFeeds*benchfeed.ItemsPerFeed || as.Annotated+as.Reused != rs.Added {
			b.Fatalf("refresh: %+v, annotate: %+v, %v", rs, as, err)
		}
		fetchTime += lastFeed.Sub(start)
		annTime += time.Since(lastFeed)
		writeTime += st.WriteTime()
		cpu1, _ := cputime.Process()
		cpuTime += cpu1 - cpu0 // the local server's too: it is in this process
		b.StopTimer()
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
		b.StartTimer()
	}
	n := float64(b.N)
	b.ReportMetric(fetchTime.Seconds()/n, "fetched-s/op")      // the last feed saved (annotating meanwhile)
	b.ReportMetric(annTime.Seconds()/n, "annotate-after-s/op") // annotating what was left then
	b.ReportMetric(writeTime.Seconds()/n, "writer-s/op")       // the store's one writer, busy
	b.ReportMetric(cpuTime.Seconds()/n, "cpu-s/op")
	b.ReportMetric(float64(size)/5/1e6, "MB/1000-articles")
}

// benchFeeds configures feeds 0..n-1 of a benchfeed server at base.
func benchFeeds(tb testing.TB, st *store.Store, base string, n int) []store.Feed {
	tb.Helper()
	cfg := make([]store.FeedConfig, n)
	for i := range cfg {
		cfg[i] = store.FeedConfig{URL: fmt.Sprintf("%s/feed/%d", base, i)}
	}
	list, err := st.SyncFeeds(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return list
}
