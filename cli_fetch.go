package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/annotate"
)

// verifyEvery is how often herald fetch checks every page of the store
// before writing to it (Open checks only part of a large store).
const verifyEvery = 24 * time.Hour

// fetchMemoryLimit is the soft heap limit of `herald fetch` (GOMEMLIMIT
// overrides it).
const fetchMemoryLimit = 48 << 20

// runFetch refreshes every feed headless: one line per feed on stderr as it
// completes, then a summary; quiet prints only the failures. Exit 1 when
// any feed failed.
func runFetch(e *env, quiet bool) error {
	// A fetch holds little for long (a feed's items until they are saved, an
	// article until it is annotated); a soft heap limit makes the collector
	// keep the peak near that instead of letting garbage double the heap.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(fetchMemoryLimit)
	}
	lc, err := e.config()
	if err != nil {
		return err
	}
	ann, err := annotator(e)
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
	st.SetAnnotatorVersion(ann.Version())
	if len(list) == 0 && len(lc.Sources) == 0 {
		return usagef("%s: no feeds configured", lc.Source)
	}
	// Every article leaves the fetch annotated, so that the reader and the
	// export never wait for a backlog; each feed's articles are annotated
	// while the others download.
	start := time.Now()
	stats, as, err := annotate.Refresh(e.ctx, st, newFetcher(lc), list, ann, func(r feeds.Result, s feeds.RefreshStats) {
		if !quiet || r.Err != nil {
			fmt.Fprintf(e.stderr, "[%d/%d] %s\n", s.Done, s.Feeds, describeResult(r))
		}
	})
	elapsed := time.Since(start).Round(time.Millisecond)
	if !quiet || stats.Failed > 0 {
		fmt.Fprintf(e.stderr, "%d feeds in %s: %d new, %d updated, %d not modified, %d failed\n",
			stats.Feeds, elapsed, stats.Added, stats.Updated, stats.NotModified, stats.Failed)
		for _, fe := range stats.Errors {
			fmt.Fprintf(e.stderr, "  error: %s: %s\n", feedLabel(fe.Title, fe.URL), fe.Err)
		}
	}
	if as.Total > 0 && !quiet {
		fmt.Fprintf(e.stderr, "%d articles annotated", as.Annotated+as.Reused)
		if as.Failed > 0 {
			fmt.Fprintf(e.stderr, " (%d could not be annotated)", as.Failed)
		}
		fmt.Fprintln(e.stderr)
	}
	if err != nil {
		return err
	}
	if n, err := prune(st); err != nil {
		fmt.Fprintf(e.stderr, "herald: warning: applying retention: %v\n", err)
	} else if n > 0 && !quiet {
		fmt.Fprintf(e.stderr, "retention: removed %d old articles\n", n)
	}
	switch {
	case stats.Failed == stats.Feeds:
		return fmt.Errorf("every feed failed")
	case stats.Failed > 0:
		return fmt.Errorf("%d of %d feeds failed", stats.Failed, stats.Feeds)
	}
	return nil
}

func describeResult(r feeds.Result) string {
	label := feedLabel(r.Title, r.URL)
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s: error: %v", label, r.Err)
	case r.Source:
		return fmt.Sprintf("%s: synced, %d new or changed (%s)", label, r.Synced, r.Elapsed.Round(time.Millisecond))
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
