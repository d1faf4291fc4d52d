package feeds

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// RefreshStats counts a refresh as it goes; progress callbacks see it grow.
type RefreshStats struct {
	Feeds       int // feeds asked for
	Done        int // results handled so far
	Added       int // new articles
	Updated     int // articles changed upstream and updated in place
	NotModified int // feeds that answered 304
	Failed      int // feeds that could not be fetched, parsed or saved
	Errors      []FeedError
}

// FeedError is one failed feed, for the summary.
type FeedError struct {
	FeedID int64
	URL    string
	Title  string // the feed's title, else its URL
	Err    string
}

// Refresh fetches feeds with f and saves each result to st as it arrives:
// the items first, then the fetch record with the new validators, so that a
// crash between the two only makes the next refresh fetch the feed again.
// Read and starred state are the store's to keep. progress, when not nil,
// is called after each feed with that feed's result and the totals so far.
//
// A feed that fails is recorded with its error and counted; the others go
// on. The error returned is ctx's when the refresh was cut short, or the
// first store failure; fetch failures are only in the stats.
//
// Feeds that belong to a source (see Syncer) are not fetched: each source
// of f's Options is synced after the feeds, as one more item of the stats.
func Refresh(ctx context.Context, st *store.Store, f *Fetcher, feeds []store.Feed, progress func(Result, RefreshStats)) (RefreshStats, error) {
	feeds, err := withoutSourceFeeds(st, feeds)
	if err != nil {
		return RefreshStats{}, err
	}
	stats := RefreshStats{Feeds: len(feeds) + len(f.opts.Sources)}
	byID := make(map[int64]store.Feed, len(feeds))
	reqs := make([]Request, 0, len(feeds))
	for _, fd := range feeds {
		byID[fd.ID] = fd
		reqs = append(reqs, Request{
			FeedID: fd.ID, URL: fd.URL,
			ETag: fd.ETag, LastModified: fd.LastModified,
			FullText: fd.FullText,
		})
	}
	var storeErr error
	handle := func(batch []Result) {
		saved, err := saveBatch(st, batch)
		if err != nil {
			storeErr = cmpOr(storeErr, err)
		}
		for i, res := range batch {
			stats.Done++
			sv := saved[i]
			err := sv.feedErr
			if sv.storeErr != nil {
				err = cmpOr(err, sv.storeErr)
			}
			res.Saved = sv.changed
			stats.Added += sv.added // a partial feed (an error after some items) counts too
			stats.Updated += sv.updated
			switch {
			case err != nil:
				stats.Failed++
				fd := byID[res.FeedID]
				title := fd.Title
				if title == "" {
					title = res.Title
				}
				if title == "" {
					title = fd.URL
				}
				stats.Errors = append(stats.Errors, FeedError{FeedID: res.FeedID, URL: fd.URL, Title: title, Err: err.Error()})
			case res.NotModified:
				stats.NotModified++
			}
			if progress != nil {
				progress(res, stats)
			}
		}
	}
	results := f.FetchAll(ctx, reqs)
	for res := range results {
		// Results that arrived while the last batch was being written are
		// written together: one transaction, one full-text insert.
		batch := make([]Result, 0, 8)
		items := 0
		add := func(r Result) {
			if ctx.Err() != nil && errors.Is(r.Err, ctx.Err()) {
				return // cut short by the caller, not the feed's fault: record nothing
			}
			batch = append(batch, r)
			items += len(r.Items)
		}
		add(res)
	drain:
		for len(batch) < maxBatchFeeds && items < maxBatchItems {
			select {
			case r, ok := <-results:
				if !ok {
					break drain
				}
				add(r)
			default:
				break drain
			}
		}
		if len(batch) > 0 {
			handle(batch)
		}
	}
	syncSources(ctx, st, f.opts.Sources, &stats, progress)
	if err := ctx.Err(); err != nil {
		return stats, err
	}
	return stats, storeErr
}

// A batch of results saved in one transaction holds at most this many
// feeds and (past the first feed) items.
const (
	maxBatchFeeds = 64
	maxBatchItems = 2000
)

// savedResult is what saving one result changed. feedErr is the feed's
// own failure (fetch or parse); storeErr is a failure of the store.
type savedResult struct {
	added, updated    int
	changed           []int64
	feedErr, storeErr error
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// update is what the store keeps of one result. A partial result stores
// its items and records its error, without the validators: the next
// refresh fetches the whole feed again.
func update(res Result, now time.Time) store.FeedUpdate {
	u := store.FeedUpdate{FeedID: res.FeedID, Record: store.FetchRecord{When: now}}
	if res.Err != nil && len(res.Items) == 0 {
		u.Record.Err = res.Err.Error()
		return u
	}
	if !res.NotModified {
		u.Items = make([]store.NewArticle, len(res.Items))
		for i, it := range res.Items {
			u.Items[i] = store.NewArticle{GUID: it.GUID, Link: it.Link, Title: it.Title, Author: it.Author, Published: it.Published, Text: it.Text, Links: it.Links}
		}
	}
	u.Record.Title, u.Record.ETag, u.Record.LastModified, u.Record.NotModified = res.Title, res.ETag, res.LastModified, res.NotModified
	if res.Err != nil {
		u.Record.ETag, u.Record.LastModified, u.Record.Err = "", "", res.Err.Error()
	}
	return u
}

// saveBatch stores results in one transaction. If that fails, each result
// is saved on its own so that one feed's failure does not cost the others
// theirs; a feed that still fails gets the store's error recorded as its
// fetch error. The error returned is the first store failure.
func saveBatch(st *store.Store, batch []Result) ([]savedResult, error) {
	now := time.Now()
	ups := make([]store.FeedUpdate, len(batch))
	for i, res := range batch {
		ups[i] = update(res, now)
	}
	out := make([]savedResult, len(batch))
	fill := func(i int, sv store.FeedSaved) {
		out[i] = savedResult{added: sv.Added, updated: sv.Updated, changed: sv.Changed, feedErr: batch[i].Err}
		if sv.Err != nil {
			out[i].storeErr = fmt.Errorf("saving %s: %w", batch[i].URL, sv.Err)
		}
	}
	saved, err := st.SaveFeeds(ups)
	if err == nil {
		for i, sv := range saved {
			fill(i, sv)
		}
		return out, nil
	}
	var first error
	for i, u := range ups {
		saved, err := st.SaveFeeds([]store.FeedUpdate{u})
		if err == nil {
			fill(i, saved[0])
			continue
		}
		err = fmt.Errorf("saving articles of %s: %w", batch[i].URL, err)
		first = cmpOr(first, err)
		_ = st.RecordFetch(u.FeedID, store.FetchRecord{When: now, Err: err.Error()})
		out[i] = savedResult{feedErr: batch[i].Err, storeErr: err}
	}
	return out, first
}
