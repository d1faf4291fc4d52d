package main

import (
	"fmt"
	"time"

	"github.com/herald-reader/herald/feeds"
)

const fetchUsage = "herald fetch"

// verifyEvery is how often herald fetch checks every page of the store
// before writing to it (Open checks only part of a large store).
const verifyEvery = 24 * time.Hour

// runFetch refreshes every feed headless: one line per feed on stderr as it
// completes, then a summary. Exit 0 when at least one feed succeeded.
func runFetch(e *env, args []string) error {
	fs := subcommandFlags("fetch", fetchUsage, e.stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("fetch takes no arguments (got %q)", fs.Args())
	}
	lc, err := e.config()
	if err != nil {
		return err
	}
	st, list, err := openStore(lc)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Verify(verifyEvery); err != nil {
		return fmt.Errorf("cannot refresh: %w", err)
	}
	if ro := st.ReadOnly(); ro != "" {
		return fmt.Errorf("cannot refresh: the store can only be read (%s)", ro)
	}
	if len(list) == 0 {
		return usagef("%s: no feeds configured", lc.Source)
	}
	start := time.Now()
	stats, err := feeds.Refresh(e.ctx, st, newFetcher(lc), list, func(r feeds.Result, s feeds.RefreshStats) {
		fmt.Fprintf(e.stderr, "[%d/%d] %s\n", s.Done, s.Feeds, describeResult(r))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d feeds in %s: %d new, %d updated, %d not modified, %d failed\n",
		stats.Feeds, time.Since(start).Round(time.Millisecond), stats.Added, stats.Updated, stats.NotModified, stats.Failed)
	for _, fe := range stats.Errors {
		fmt.Fprintf(e.stderr, "  error: %s: %s\n", feedLabel(fe.Title, fe.URL), fe.Err)
	}
	if n, err := prune(st); err != nil {
		fmt.Fprintf(e.stderr, "herald: warning: applying retention: %v\n", err)
	} else if n > 0 {
		fmt.Fprintf(e.stderr, "retention: removed %d old articles\n", n)
	}
	if stats.Failed == stats.Feeds {
		return fmt.Errorf("every feed failed")
	}
	return nil
}

func describeResult(r feeds.Result) string {
	label := feedLabel(r.Title, r.URL)
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s: error: %v", label, r.Err)
	case r.NotModified:
		return fmt.Sprintf("%s: not modified", label)
	default:
		return fmt.Sprintf("%s: %d items (%s)", label, len(r.Items), r.Elapsed.Round(time.Millisecond))
	}
}

func feedLabel(title, url string) string {
	if title == "" {
		return url
	}
	return fmt.Sprintf("%s <%s>", title, url)
}
