package main

import (
	"context"
	"fmt"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/annotate"
	"github.com/herald-reader/herald/ui"
)

// runReader starts the terminal reader on the configured store and feeds.
func runReader(e *env) error {
	ws, err := openWorkspace(e)
	if err != nil {
		return err
	}
	defer ws.st.Close()
	lc, st := ws.lc, ws.st
	fetcher := newFetcher(lc)
	refresh := func(ctx context.Context, progress func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, error) {
		// Read the feeds afresh: the last refresh changed their validators.
		list, err := st.Feeds()
		if err != nil {
			return feeds.RefreshStats{}, err
		}
		stats, err := feeds.Refresh(ctx, st, fetcher, list, progress)
		if err != nil {
			return stats, err
		}
		// What the refresh brought is annotated before the list reloads,
		// so the reader has no backlog to work through.
		_, err = annotate.Missing(ctx, st, ws.ann, annotate.Options{})
		return stats, err
	}
	err = ui.Run(ui.Options{
		Library:         st,
		Refresh:         refresh,
		Annotator:       ws.ann,
		RefreshInterval: lc.Fetch.RefreshInterval.Duration,
		RefreshOnStart:  lc.Fetch.RefreshOnStart,
		ExportDir:       lc.ExportDir(),
		Theme:           lc.uiTheme(),
		Keys:            lc.Keys,
		Warnings:        lc.Warnings,
	})
	if err != nil {
		return fmt.Errorf("reader: %w", err)
	}
	return nil
}
