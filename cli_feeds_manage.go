package main

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/feeds/subscribe"
)

// feeds add, remove, list and tag.

type addOptions struct {
	title   string
	tags    []string
	noCheck bool
	source  string
}

func newFeedsAddCmd(e *env) *cobra.Command {
	var o addOptions
	cmd := &cobra.Command{
		Use:   "add URL",
		Short: "Subscribe to a feed, or to the feed a web page links to",
		Long: `Add a feed to the config file. The URL is fetched once to check that it is a
feed and to take its title; a web page's feed is found through its
<link rel="alternate"> tags. feed:// URLs and URLs without a scheme are
accepted. A URL already subscribed (ignoring http/https, case of the host
and a trailing slash) is reported and nothing changes.`,
		Example: `  herald feeds add https://www.theguardian.com/world --tag world
  herald feeds add feed://example.com/rss --title "Example" --no-check`,
		Args: argsBetween(1, 1, "one URL"),
		RunE: func(cmd *cobra.Command, args []string) error { return runFeedsAdd(e, o, args[0]) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.title, "title", "", "the feed's `TITLE` (default: the title the feed gives)")
	fl.StringArrayVar(&o.tags, "tag", nil, "tag the feed with `TAG` (repeatable)")
	fl.BoolVar(&o.noCheck, "no-check", false, "add the URL as given, without fetching it")
	fl.StringVar(&o.source, "source", "", "subscribe through the sync source `NAME` instead of the config file")
	return cmd
}

func runFeedsAdd(e *env, o addOptions, raw string) error {
	tags, err := cleanTags(o.tags)
	if err != nil {
		return err
	}
	if o.source != "" {
		return subscribeViaSource(e, o.source, raw, o.title, tags)
	}
	link, err := subscribe.Normalize(raw)
	if err != nil {
		return usagef("feeds add: %v", err)
	}
	if isFileURL(link) {
		// A FIFO or a device would hang the check and every refresh.
		if err := regularLocalFile(link); err != nil {
			return usagef("feeds add: %s: %v", sanitize.Line(link), err)
		}
	}
	lc, err := e.config()
	if err != nil {
		return err
	}
	if f, ok := findByURL(lc.Feeds, link); ok {
		fmt.Fprintf(e.stdout, "already subscribed: %s (in %s); nothing changed\n", describeFeed(f), lc.Source)
		return nil
	}
	title := strings.TrimSpace(o.title)
	if !o.noCheck {
		found, err := checkFeed(e, lc, link)
		if err != nil {
			return err
		}
		if found.url != link {
			fmt.Fprintf(e.stdout, "found the feed %s on %s\n", found.url, link)
			link = found.url
			if f, ok := findByURL(lc.Feeds, link); ok {
				fmt.Fprintf(e.stdout, "already subscribed: %s (in %s); nothing changed\n", describeFeed(f), lc.Source)
				return nil
			}
		}
		if title == "" {
			title = found.title
		}
	}
	ff, err := openFeedsFile(lc)
	if err != nil {
		return err
	}
	f := FeedConfig{URL: link, Title: title, Tags: tags}
	ff.add(f, "")
	if err := ff.save(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added %s to %s\n", describeFeed(f), ff.path)
	return nil
}

// foundFeed is a feed checked by fetching it.
type foundFeed struct {
	url, title string
	items      int
}

// checkFeed fetches link as a feed; when it is a web page instead, it
// fetches the first feed the page links to that works.
func checkFeed(e *env, lc *LoadedConfig, link string) (foundFeed, error) {
	fetcher := newFetcher(lc)
	res := fetcher.Fetch(e.ctx, feeds.Request{URL: link})
	if res.Err == nil {
		return foundFeed{url: link, title: res.Title, items: len(res.Items)}, nil
	}
	if !isWebURL(link) {
		return foundFeed{}, fmt.Errorf("%v (add it anyway with --no-check)", res.Err)
	}
	ctx, cancel := context.WithTimeout(e.ctx, lc.Fetch.Timeout.Duration)
	defer cancel()
	links, derr := subscribe.Discover(ctx, &http.Client{}, link)
	if derr != nil {
		return foundFeed{}, fmt.Errorf("%v; nor is it a web page that links to a feed (%v); add it anyway with --no-check", res.Err, derr)
	}
	var errs []string
	for _, l := range links {
		r := fetcher.Fetch(e.ctx, feeds.Request{URL: l.URL})
		if r.Err == nil {
			title := r.Title
			if title == "" {
				title = l.Title
			}
			return foundFeed{url: l.URL, title: title, items: len(r.Items)}, nil
		}
		errs = append(errs, r.Err.Error())
	}
	return foundFeed{}, fmt.Errorf("%s links to feeds that do not work: %s", link, strings.Join(errs, "; "))
}

func newFeedsRemoveCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "remove URL|TITLE",
		Aliases: []string{"rm"},
		Short:   "Unsubscribe from a feed",
		Long: `Remove a feed's [[feeds]] table from the config file. The feed is named by
its URL or its title. Its stored articles stay in the store.`,
		Args: argsBetween(1, 1, "one URL or TITLE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			ff, t, i, err := locateFeed(e, args[0])
			if err != nil {
				return err
			}
			if len(ff.want) == 1 {
				return fmt.Errorf("%s is the last feed of %s: with none listed, herald reads its default feeds; add another first", sanitize.Line(t.feed.URL), ff.path)
			}
			ff.remove(t, i)
			if err := ff.save(); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "removed %s from %s\n", describeFeed(t.feed), ff.path)
			return nil
		},
	}
}

func newFeedsTagCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "tag URL|TITLE [TAG...]",
		Short: "Set a feed's tags (none: remove them)",
		Long: `Replace the tags of a feed, named by its URL or its title, with the tags
given. Without tags, the feed's tags are removed.`,
		Example: `  herald feeds tag https://example.com/rss world europe`,
		Args:    argsBetween(1, -1, "a URL or TITLE, then tags"),
		RunE: func(cmd *cobra.Command, args []string) error {
			tags, err := cleanTags(args[1:])
			if err != nil {
				return err
			}
			ff, t, i, err := locateFeed(e, args[0])
			if err != nil {
				return err
			}
			if err := ff.setTags(t, i, tags); err != nil {
				return err
			}
			if err := ff.save(); err != nil {
				return err
			}
			t.feed.Tags = tags
			fmt.Fprintf(e.stdout, "tagged %s in %s\n", describeFeed(t.feed), ff.path)
			return nil
		},
	}
}

// locateFeed finds the feed named by a URL or a title in the config file.
func locateFeed(e *env, name string) (*feedsFile, feedTable, int, error) {
	lc, err := e.config()
	if err != nil {
		return nil, feedTable{}, 0, err
	}
	ff, err := openFeedsFile(lc)
	if err != nil {
		return nil, feedTable{}, 0, err
	}
	tables, err := ff.tables()
	if err != nil {
		return nil, feedTable{}, 0, err
	}
	var byTitle []int
	for i, t := range tables {
		if subscribe.Key(t.feed.URL) == subscribe.Key(name) {
			return ff, t, i, nil
		}
		if strings.EqualFold(strings.TrimSpace(t.feed.Title), strings.TrimSpace(name)) {
			byTitle = append(byTitle, i)
		}
	}
	switch len(byTitle) {
	case 1:
		return ff, tables[byTitle[0]], byTitle[0], nil
	case 0:
		return nil, feedTable{}, 0, usagef("no feed in %s has the URL or title %q (see herald feeds list)", ff.path, sanitize.Line(name))
	}
	var urls []string
	for _, i := range byTitle {
		urls = append(urls, tables[i].feed.URL)
	}
	return nil, feedTable{}, 0, usagef("%q is the title of %d feeds; name one by its URL: %s", sanitize.Line(name), len(byTitle), strings.Join(urls, ", "))
}

func newFeedsListCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List the feeds: title, URL and tags",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lc, err := e.config()
			if err != nil {
				return err
			}
			if asJSON {
				return writeFeedsJSON(e, lc)
			}
			w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "TITLE\tURL\tTAGS")
			for _, f := range lc.Feeds {
				fmt.Fprintf(w, "%s\t%s\t%s\n", sanitize.Line(f.Title), sanitize.Line(f.URL), sanitize.Line(strings.Join(f.Tags, ", ")))
			}
			return w.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (the shape is in the README)")
	return cmd
}

// feedsJSON is feeds list --json.
type feedsJSON struct {
	Schema schema     `json:"schema"`
	Feeds  []feedJSON `json:"feeds"`
}

type feedJSON struct {
	URL      string   `json:"url"`
	Title    string   `json:"title"`
	Tags     []string `json:"tags"`
	FullText bool     `json:"full_text"`
}

func writeFeedsJSON(e *env, lc *LoadedConfig) error {
	ann, err := annotator(e)
	if err != nil {
		return err
	}
	out := feedsJSON{Schema: newSchema("feeds", ann, &schemaSource{File: lc.Source}), Feeds: []feedJSON{}}
	for _, f := range lc.Feeds {
		tags := f.Tags
		if tags == nil {
			tags = []string{}
		}
		out.Feeds = append(out.Feeds, feedJSON{URL: f.URL, Title: f.Title, Tags: tags, FullText: f.FullText})
	}
	return writeJSON(e.stdout, out)
}

func findByURL(list []FeedConfig, link string) (FeedConfig, bool) {
	i := slices.IndexFunc(list, func(f FeedConfig) bool { return subscribe.Key(f.URL) == subscribe.Key(link) })
	if i < 0 {
		return FeedConfig{}, false
	}
	return list[i], true
}

// cleanTags trims tags and drops repeats; an empty tag is a usage error.
func cleanTags(in []string) ([]string, error) {
	var out []string
	for _, t := range in {
		t = sanitize.Line(t)
		if t == "" {
			return nil, usagef("empty tag")
		}
		if !slices.ContainsFunc(out, func(s string) bool { return strings.EqualFold(s, t) }) {
			out = append(out, t)
		}
	}
	return out, nil
}

func describeFeed(f FeedConfig) string {
	s := sanitize.Line(f.URL)
	if f.Title != "" {
		s = fmt.Sprintf("%s <%s>", sanitize.Line(f.Title), s)
	}
	if len(f.Tags) > 0 {
		s += " [" + sanitize.Line(strings.Join(f.Tags, ", ")) + "]"
	}
	return s
}
