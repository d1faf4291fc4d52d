package annotate

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/internal/benchfeed"
	"github.com/herald-reader/herald/nlp"
)

// Refresh annotates each feed's articles while the later feeds are still
// downloading, and leaves every article annotated.
func TestRefreshAnnotatesWhileFetching(t *testing.T) {
	const nFeeds = 12
	srv := httptest.NewServer(&benchfeed.Server{Latency: 60 * time.Millisecond})
	defer srv.Close()
	st := openStore(t)
	list := benchFeeds(t, st, srv.URL, nFeeds)
	ann := nlp.Default()
	// One feed at a time: the last one arrives 0.7 s after the first.
	f := feeds.NewFetcher(feeds.Options{Concurrency: 1})
	annotatedBeforeLast := -1
	rs, as, err := Refresh(context.Background(), st, f, list, ann, func(r feeds.Result, s feeds.RefreshStats) {
		if len(r.Saved) != benchfeed.ItemsPerFeed {
			t.Errorf("%s: %d articles saved, want %d", r.URL, len(r.Saved), benchfeed.ItemsPerFeed)
		}
		if s.Done == nFeeds {
			left, err := st.Unannotated(ann.Version(), 0)
			if err != nil {
				t.Error(err)
			}
			annotatedBeforeLast = s.Added - len(left)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	total := nFeeds * benchfeed.ItemsPerFeed
	if rs.Added != total || as.Annotated+as.Reused != total || as.Total != total {
		t.Errorf("refresh %+v, annotate %+v; want %d articles", rs, as, total)
	}
	if annotatedBeforeLast < benchfeed.ItemsPerFeed {
		t.Errorf("%d articles annotated when the last feed was saved: annotating waited for the download", annotatedBeforeLast)
	}
	if left, _ := st.Unannotated(ann.Version(), 0); len(left) != 0 {
		t.Errorf("%d articles left unannotated", len(left))
	}
}
