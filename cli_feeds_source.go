package main

import (
	"fmt"
	"strings"
)

// subscribeViaSource subscribes the source named source to url (herald
// feeds add URL --source NAME), in the folder of the first tag, with title
// when not "", then syncs that source so that the feed is in the store
// at once.
func subscribeViaSource(e *env, source, url, title string, tags []string) error {
	lc, err := e.config()
	if err != nil {
		return err
	}
	var names []string
	for _, sc := range lc.Sources {
		names = append(names, sc.Name)
		if sc.Name != source {
			continue
		}
		src, err := sc.source(lc.Fetch.Timeout.Duration)
		if err != nil {
			return err
		}
		folder := ""
		if len(tags) > 0 {
			folder = tags[0]
		}
		if err := src.Subscribe(e.ctx, url, title, folder); err != nil {
			return fmt.Errorf("subscribing %s through %s: %w", url, source, err)
		}
		fmt.Fprintf(e.stdout, "subscribed %s through source %s\n", url, source)
		st, _, err := openStore(lc)
		if err != nil {
			return err
		}
		defer st.Close()
		stats, err := src.Sync(e.ctx, st)
		if err != nil {
			return fmt.Errorf("subscribed, but syncing %s failed: %w", source, err)
		}
		fmt.Fprintf(e.stdout, "synced %s: %d feeds, %d new articles\n", source, stats.Feeds, stats.Added)
		return nil
	}
	if len(names) == 0 {
		return usagef("%s: no [[sources]] configured; --source needs one", lc.Source)
	}
	return usagef("no source named %q in %s (sources: %s)", source, lc.Source, strings.Join(names, ", "))
}
