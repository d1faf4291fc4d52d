package main

import (
	"context"
	"fmt"
	"os"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/annotate"
	"github.com/herald-reader/herald/ui"
)

// runReader starts the terminal reader on the configured store and feeds.
func runReader(e *env) error {
	if err := needTerminal(e.stdin, e.stdout); err != nil {
		return err
	}
	ws, err := openWorkspace(e)
	if err != nil {
		return err
	}
	defer ws.st.Close()
	lc, st := ws.lc, ws.st
	fetcher := newFetcher(lc)
	refresh := func(ctx context.Context, progress func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, error) {
		if ro := st.ReadOnly(); ro != "" {
			return feeds.RefreshStats{}, fmt.Errorf("cannot refresh: the store can only be read (%s)", ro)
		}
		// Read the feeds afresh: the last refresh changed their validators.
		list, err := st.Feeds()
		if err != nil {
			return feeds.RefreshStats{}, err
		}
		// What the refresh brings is annotated as it arrives and before
		// the list reloads, so the reader has no backlog to work through.
		stats, _, err := annotate.Refresh(ctx, st, fetcher, list, ws.ann, progress)
		if err != nil {
			return stats, err
		}
		_, _ = prune(st) // retention is housekeeping: a failure here shows again next time
		return stats, nil
	}
	warnings := lc.Warnings
	refreshOnStart := lc.Fetch.RefreshOnStart
	if st.ReadOnly() != "" {
		warnings = append([]string{readOnlyBanner(st)}, warnings...)
		refreshOnStart = false
	}
	err = ui.Run(ui.Options{
		Library:         st,
		Refresh:         refresh,
		Annotator:       ws.ann,
		RefreshInterval: lc.Fetch.RefreshInterval.Duration,
		RefreshOnStart:  refreshOnStart,
		ExportDir:       lc.ExportDir(),
		Version:         version,
		Theme:           lc.uiTheme(),
		Keys:            lc.Keys,
		Warnings:        warnings,
		FetchText:       fetcher.ArticleTextLinks,
		Browser:         lc.Reader.Browser,
		BrowserEnv:      os.Getenv("BROWSER"),
		TextWidth:       lc.Reader.TextWidth,
		Mouse:           lc.Reader.Mouse,
		Mutes:           lc.Reader.uiMutes(),
	})
	if err != nil {
		return fmt.Errorf("reader: %w", err)
	}
	return nil
}

// validateReader checks the [reader] table.
func (lc *LoadedConfig) validateReader(data []byte) error {
	r := lc.Reader
	if r.TextWidth < 20 {
		line, col := findTableKey(data, "reader", "text_width")
		return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: fmt.Sprintf("reader.text_width must be at least 20, got %d", r.TextWidth)}
	}
	if err := ui.ValidateMutes(r.uiMutes()); err != nil {
		line, col := findKey(data, "[[reader.mute]]")
		return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: "reader." + err.Error()}
	}
	if err := ui.ValidateBrowser(r.Browser); err != nil {
		line, col := findTableKey(data, "reader", "browser")
		return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: "reader.browser: " + err.Error()}
	}
	return nil
}

// uiMutes is [[reader.mute]] in the reader's terms.
func (r ReaderConfig) uiMutes() []ui.MuteRule {
	out := make([]ui.MuteRule, len(r.Mute))
	for i, m := range r.Mute {
		out[i] = ui.MuteRule{Match: m.Match, Regexp: m.Regexp, In: m.In, Feed: m.Feed}
	}
	return out
}
