package feeds

import (
	"context"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// Syncer is an aggregator ("source": Miniflux, a Google Reader API server)
// whose feeds and entries come through its API rather than by fetching
// each feed; feeds/sync implements it. Refresh syncs every source of the
// Fetcher's Options after fetching the configured feeds.
type Syncer interface {
	Name() string
	URL() string
	// SyncInto brings the source's subscriptions, entries and state into
	// st and sends the read and star changes queued there.
	SyncInto(ctx context.Context, st *store.Store) (added, updated int, err error)
}

// withoutSourceFeeds drops the feeds that belong to a source: their
// source syncs them.
func withoutSourceFeeds(st *store.Store, list []store.Feed) ([]store.Feed, error) {
	bySource, err := st.FeedSources()
	if err != nil || len(bySource) == 0 {
		return list, err
	}
	out := make([]store.Feed, 0, len(list))
	for _, f := range list {
		if bySource[f.ID] == "" {
			out = append(out, f)
		}
	}
	return out, nil
}

// syncSources runs each source in turn, counting it as one feed of the
// refresh; a source that fails is in stats.Errors under its name, and its
// error is recorded on each of its feeds, for the feeds pane.
func syncSources(ctx context.Context, st *store.Store, sources []Syncer, stats *RefreshStats, progress func(Result, RefreshStats)) {
	for _, src := range sources {
		if ctx.Err() != nil {
			return
		}
		start := time.Now()
		added, updated, err := src.SyncInto(ctx, st)
		if ctx.Err() != nil {
			return
		}
		stats.Done++
		stats.Added += added
		stats.Updated += updated
		res := Result{URL: src.URL(), Title: "source " + src.Name(), Err: err,
			Source: true, Synced: added + updated, Elapsed: time.Since(start)}
		rec := store.FetchRecord{}
		if err != nil {
			stats.Failed++
			stats.Errors = append(stats.Errors, FeedError{URL: src.URL(), Title: res.Title, Err: err.Error()})
			rec.Err = err.Error()
		}
		if bySource, e := st.FeedSources(); e == nil {
			for id, name := range bySource {
				if name == src.Name() {
					_ = st.RecordFetch(id, rec) // best effort: the summary has the error too
				}
			}
		}
		if progress != nil {
			progress(res, *stats)
		}
	}
}
