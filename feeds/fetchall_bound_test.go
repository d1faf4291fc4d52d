package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// A reader that falls behind holds the workers back: readyMax results
// wait in the channel, one in each worker and one in the hand-over to the
// channel, however many feeds there are. Cancelling releases the workers.
func TestFetchAllBoundedWhileReaderLags(t *testing.T) {
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		w.WriteHeader(http.StatusNotModified)
	}))
	defer srv.Close()
	const workers = 3
	f := NewFetcher(Options{Concurrency: workers})
	reqs := make([]Request, 400)
	for i := range reqs {
		reqs[i] = Request{FeedID: int64(i + 1), URL: srv.URL + "/feed", ETag: `"x"`}
	}
	ctx, cancel := context.WithCancel(context.Background())
	results := f.FetchAll(ctx, reqs)
	time.Sleep(300 * time.Millisecond) // plenty for 200 local 304s if nothing held them back
	if n, most := served.Load(), int32(readyMax+workers+1); n > most {
		t.Errorf("%d feeds fetched while nothing was read, want at most %d", n, most)
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
