package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// A reader that falls behind holds the workers back: at most one result
// per worker waits in the channel and one more in each worker, however
// many feeds there are. Cancelling releases the workers.
func TestFetchAllBoundedWhileReaderLags(t *testing.T) {
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		w.WriteHeader(http.StatusNotModified)
	}))
	defer srv.Close()
	const workers = 3
	f := NewFetcher(Options{Concurrency: workers})
	reqs := make([]Request, 200)
	for i := range reqs {
		reqs[i] = Request{FeedID: int64(i + 1), URL: srv.URL + "/feed", ETag: `"x"`}
	}
	ctx, cancel := context.WithCancel(context.Background())
	results := f.FetchAll(ctx, reqs)
	time.Sleep(300 * time.Millisecond) // plenty for 200 local 304s if nothing held them back
	if n := served.Load(); n > 2*workers {
		t.Errorf("%d feeds fetched while nothing was read, want at most %d", n, 2*workers)
	}
	<-results
	cancel()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-results:
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("channel not closed after cancel")
		}
	}
}
