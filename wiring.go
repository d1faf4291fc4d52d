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
	st.SetAnnotatorVersion(ann.Version())
	return &workspace{lc: lc, ann: ann, st: st, feeds: list}, nil
}

// openStore opens the configured store and syncs the configured feeds into it.
func openStore(lc *LoadedConfig) (*store.Store, []store.Feed, error) {
	st, err := store.Open(lc.StorePath())
	if err != nil {
		return nil, nil, err
	}
	cfg := make([]store.FeedConfig, len(lc.Feeds))
	for i, f := range lc.Feeds {
		cfg[i] = store.FeedConfig{URL: f.URL, Title: f.Title, Tags: f.Tags, FullText: f.FullText}
	}
	list, err := st.SyncFeeds(cfg)
	if err != nil {
		st.Close()
		return nil, nil, fmt.Errorf("%s: %w", lc.StorePath(), err)
	}
	return st, list, nil
}

// newFetcher builds the fetcher from [fetch], serving herald: URLs from the
// embedded sample feed.
func newFetcher(lc *LoadedConfig) *feeds.Fetcher {
	return feeds.NewFetcher(feeds.Options{
		Concurrency:  lc.Fetch.Concurrency,
		Timeout:      lc.Fetch.Timeout.Duration,
		MaxBodyBytes: int64(lc.Fetch.MaxBody),
		Version:      version,
		Embedded:     fs.FS(sample.FS),
	})
}
