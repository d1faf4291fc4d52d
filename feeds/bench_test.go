package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// The README's Performance section quotes these benchmarks:
//
//	go test -run '^$' -bench 'Refresh500' -benchtime 5x ./feeds
//
// Each iteration refreshes 500 feeds from a local server that waits 50 ms
// before every answer, with the default Options.

const (
	benchFeeds   = 500
	benchLatency = 50 * time.Millisecond
)

// benchServer serves the RSS fixture to every /feed/N after benchLatency,
// answering 304 when the request repeats its ETag.
func benchServer(b *testing.B) *httptest.Server {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "rss2.xml"))
	if err != nil {
		b.Fatal(err)
	}
	const etag = `"bench-v1"`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(benchLatency)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(data)
	}))
	b.Cleanup(srv.Close)
	return srv
}

func benchRequests(srv *httptest.Server, etag string) []Request {
	reqs := make([]Request, benchFeeds)
	for i := range reqs {
		reqs[i] = Request{FeedID: int64(i + 1), URL: fmt.Sprintf("%s/feed/%d", srv.URL, i), ETag: etag}
	}
	return reqs
}

// refreshAll runs one FetchAll and checks every result with ok.
func refreshAll(b *testing.B, f *Fetcher, reqs []Request, ok func(Result) error) {
	n := 0
	for res := range f.FetchAll(context.Background(), reqs) {
		if err := ok(res); err != nil {
			b.Fatalf("feed %d: %v", res.FeedID, err)
		}
		n++
	}
	if n != len(reqs) {
		b.Fatalf("%d results for %d feeds", n, len(reqs))
	}
}

// runRefreshBench times each refresh and holds the median to budget; the
// worst run is reported too. The median, not the worst, is the test: on a
// shared machine one run can stall for reasons that are not herald's.
func runRefreshBench(b *testing.B, etag string, budget time.Duration, ok func(Result) error) {
	srv := benchServer(b)
	f := NewFetcher(Options{})
	reqs := benchRequests(srv, etag)
	parses := parseCount.Load()
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		refreshAll(b, f, reqs, ok)
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	median, worst := times[len(times)/2], times[len(times)-1]
	b.ReportMetric(median.Seconds(), "median-s/refresh")
	b.ReportMetric(worst.Seconds(), "worst-s/refresh")
	b.ReportMetric(float64(parseCount.Load()-parses)/float64(len(times)), "parses/refresh")
	if median > budget {
		b.Errorf("refreshing %d feeds took %v (median of %d), budget %v", benchFeeds, median, len(times), budget)
	}
}

// BenchmarkRefresh500: every feed answers 200 with a body that is parsed.
// Budget: 2 s per refresh (one request at a time would need 25 s).
func BenchmarkRefresh500(b *testing.B) {
	runRefreshBench(b, "", 2*time.Second, func(r Result) error {
		if r.Err != nil || r.NotModified || len(r.Items) != 3 {
			return fmt.Errorf("err %v, not-modified %v, %d items", r.Err, r.NotModified, len(r.Items))
		}
		return nil
	})
}

// BenchmarkRefresh500NotModified: every feed answers 304. Budget: 0.5 s per
// refresh, and not one body parsed.
func BenchmarkRefresh500NotModified(b *testing.B) {
	before := parseCount.Load()
	runRefreshBench(b, `"bench-v1"`, 500*time.Millisecond, func(r Result) error {
		if r.Err != nil || !r.NotModified || r.Items != nil {
			return fmt.Errorf("err %v, not-modified %v, %d items", r.Err, r.NotModified, len(r.Items))
		}
		return nil
	})
	if n := parseCount.Load() - before; n != 0 {
		b.Errorf("%d feed bodies parsed during 304 refreshes, want 0", n)
	}
}
