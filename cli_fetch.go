package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/annotate"
)

const fetchUsage = "herald fetch"

// fetchMemoryLimit is the soft heap limit of `herald fetch` (GOMEMLIMIT
// overrides it).
const fetchMemoryLimit = 48 << 20

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
	st.SetAnnotatorVersion(ann.Version())
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
	// Every article leaves the fetch annotated, so that the reader and the
	// export never wait for a backlog.
	start = time.Now()
	as, err := annotate.Missing(e.ctx, st, ann, annotate.Options{})
	if as.Total > 0 {
		fmt.Fprintf(e.stderr, "%d articles annotated in %s", as.Annotated+as.Reused, time.Since(start).Round(time.Millisecond))
		if as.Failed > 0 {
			fmt.Fprintf(e.stderr, " (%d could not be annotated)", as.Failed)
		}
		fmt.Fprintln(e.stderr)
	}
	if err != nil {
		return fmt.Errorf("annotating: %w", err)
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
