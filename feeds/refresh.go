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
	for res := range f.FetchAll(ctx, reqs) {
		if ctx.Err() != nil && errors.Is(res.Err, ctx.Err()) {
			continue // cut short by the caller, not the feed's fault: record nothing
		}
		stats.Done++
		saved, err, serr := save(st, res)
		if serr != nil {
			storeErr = cmpOr(storeErr, serr)
			err = cmpOr(err, serr)
		}
		stats.Added += saved.added // a partial feed (an error after some items) counts too
		stats.Updated += saved.updated
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
	syncSources(ctx, st, f.opts.Sources, &stats, progress)
	if err := ctx.Err(); err != nil {
		return stats, err
	}
	return stats, storeErr
}

// savedResult is what saving one result changed.
type savedResult struct {
	added, updated int
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// save stores one result. feedErr is the feed's own failure (fetch or
// parse); storeErr is a failure of the store. A partial result stores its
// items and records its error, without the validators: the next refresh
// fetches the whole feed again.
func save(st *store.Store, res Result) (saved savedResult, feedErr, storeErr error) {
	now := time.Now()
	if res.Err != nil && len(res.Items) == 0 {
		if err := st.RecordFetch(res.FeedID, store.FetchRecord{When: now, Err: res.Err.Error()}); err != nil {
			return saved, res.Err, fmt.Errorf("recording the error of %s: %w", res.URL, err)
		}
		return saved, res.Err, nil
	}
	if !res.NotModified {
		items := make([]store.NewArticle, len(res.Items))
		for i, it := range res.Items {
			items[i] = store.NewArticle{GUID: it.GUID, Link: it.Link, Title: it.Title, Author: it.Author, Published: it.Published, Text: it.Text}
		}
		var err error
		saved.added, saved.updated, err = st.SaveArticles(res.FeedID, items)
		if err != nil {
			err = fmt.Errorf("saving articles of %s: %w", res.URL, err)
			_ = st.RecordFetch(res.FeedID, store.FetchRecord{When: now, Err: err.Error()})
			return savedResult{}, nil, err
		}
	}
	rec := store.FetchRecord{Title: res.Title, ETag: res.ETag, LastModified: res.LastModified, When: now, NotModified: res.NotModified}
	if res.Err != nil {
		rec.ETag, rec.LastModified, rec.Err = "", "", res.Err.Error()
	}
	if err := st.RecordFetch(res.FeedID, rec); err != nil {
		return saved, res.Err, fmt.Errorf("recording the fetch of %s: %w", res.URL, err)
	}
	return saved, res.Err, nil
}
