package main

import (
	"fmt"
	"io/fs"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/sample"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// workspace is what the reader and the export share: the config, the
// annotator and the open store with the configured feeds synced into it.
type workspace struct {
	lc    *LoadedConfig
	ann   *nlp.Annotator
	st    *store.Store
	feeds []store.Feed
}

// openWorkspace loads the config, builds the annotator and opens the store;
// the caller closes w.st.
func openWorkspace(e *env) (*workspace, error) {
	lc, err := e.config()
	if err != nil {
		return nil, err
	}
	ann, err := annotator(e)
	if err != nil {
		return nil, err
	}
	st, list, err := openStore(lc)
	if err != nil {
		return nil, err
	}
	if st.ReadOnly() != "" {
		fmt.Fprintln(e.stderr, "herald: warning:", readOnlyBanner(st))
	}
	st.SetAnnotatorVersion(ann.Version())
	return &workspace{lc: lc, ann: ann, st: st, feeds: list}, nil
}

// openStore opens the configured store, sets its retention and syncs the
// configured feeds into it. When the store cannot be written (a full or
// read-only disk, a damaged file) it is opened read-only instead, so that
// the user can still read and export what it holds: st.ReadOnly() then
// says why, and the feeds are the ones it already knows.
func openStore(lc *LoadedConfig) (*store.Store, []store.Feed, error) {
	path := lc.StorePath()
	st, err := store.Open(path)
	if err != nil {
		if !store.CanReadInstead(err) {
			return nil, nil, err
		}
		return openReadOnly(path, err)
	}
	st.SetRetention(store.Retention{Keep: lc.Store.Keep.Duration, PerFeed: lc.Store.MaxArticlesPerFeed})
	cfg := make([]store.FeedConfig, len(lc.Feeds))
	for i, f := range lc.Feeds {
		cfg[i] = store.FeedConfig{URL: f.URL, Title: f.Title, Tags: f.Tags, FullText: f.FullText}
	}
	list, err := st.SyncFeeds(cfg)
	if err == nil && (len(lc.Sources) > 0 || hasSourceFeeds(st)) {
		// Feeds of the configured sources follow the configured feeds.
		if err = st.PlaceSourceFeeds(lc.sourceNames()); err == nil {
			list, err = st.Feeds()
		}
	}
	if err != nil {
		st.Close()
		if store.CanReadInstead(err) {
			return openReadOnly(path, err)
		}
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return st, list, nil
}

// hasSourceFeeds says whether the store holds feeds of a source (one
// removed from the config since has its feeds taken out of the list).
func hasSourceFeeds(st *store.Store) bool {
	m, err := st.FeedSources()
	return err == nil && len(m) > 0
}

func openReadOnly(path string, why error) (*store.Store, []store.Feed, error) {
	st, err := store.OpenReadOnly(path, why)
	if err != nil {
		return nil, nil, fmt.Errorf("%w; opening it read-only failed too: %v", why, err)
	}
	list, err := st.Feeds()
	if err != nil {
		st.Close()
		return nil, nil, fmt.Errorf("%w; reading it failed too: %v", why, err)
	}
	return st, list, nil
}

// readOnlyBanner is the warning shown when the store could only be opened
// for reading.
func readOnlyBanner(st *store.Store) string {
	return fmt.Sprintf("the store is open READ-ONLY: %s — reading and export to stdout work; refreshes, read marks and stars are not saved", st.ReadOnly())
}

// prune applies the store's retention after a refresh; a failure is only
// worth a warning.
func prune(st *store.Store) (int, error) {
	ps, err := st.Prune()
	return ps.Articles, err
}

// newFetcher builds the fetcher from [fetch], serving herald: URLs from the
// embedded sample feed.
func newFetcher(lc *LoadedConfig) *feeds.Fetcher {
	var syncers []feeds.Syncer
	srcs, _ := lc.sources() // checked when the config was loaded
	for _, s := range srcs {
		syncers = append(syncers, s)
	}
	return feeds.NewFetcher(feeds.Options{
		Sources:      syncers,
		Concurrency:  lc.Fetch.Concurrency,
		Timeout:      lc.Fetch.Timeout.Duration,
		MaxBodyBytes: int64(lc.Fetch.MaxBody),
		Version:      version,
		Embedded:     fs.FS(sample.FS),
	})
}
