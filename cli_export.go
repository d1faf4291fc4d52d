package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/herald-reader/herald/feeds/digest"
	"github.com/herald-reader/herald/feeds/exportfile"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
	"github.com/herald-reader/herald/nlp/report"
)

const exportUsage = "herald export [--leader NAME] [--country NAME] [--feed NAME] [--since 7d|2025-11-01] [-o FILE|-]"

// exportOptions are the parsed flags of herald export.
type exportOptions struct {
	leaders, countries []string
	feed, since, out   string
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty name")
	}
	*l = append(*l, v)
	return nil
}

// runExport writes the statements under the given filters as markdown: to
// a new file in the export directory, to -o FILE, or to stdout with -o -.
func runExport(e *env, args []string) error {
	opts, err := parseExportFlags(e, args)
	if err != nil {
		return err
	}
	now := time.Now()
	since, err := parseSince(opts.since, now)
	if err != nil {
		return err
	}
	ws, err := openWorkspace(e)
	if err != nil {
		return err
	}
	defer ws.st.Close()
	lc, ann, st, feedList := ws.lc, ws.ann, ws.st, ws.feeds

	q := store.ArticleQuery{Since: since}
	var filters, nameParts []string
	if opts.feed != "" {
		f, err := matchFeed(feedList, opts.feed)
		if err != nil {
			return err
		}
		q.FeedID = f.ID
		filters = append(filters, "feed: "+sanitize.Line(f.Title))
		nameParts = append(nameParts, "feed", f.Title)
	}
	// Annotate before resolving names: the entity index is what the fuzzy
	// fallback searches, and the export must see every matching article.
	if err := annotateMissing(e, st, ann, q); err != nil {
		return err
	}
	res, err := newResolver(lc, st)
	if err != nil {
		return err
	}
	var leaderIDs []string
	for _, name := range opts.leaders {
		m, err := res.resolve(kindLeader, name)
		if err != nil {
			return err
		}
		if m.note != "" {
			fmt.Fprintf(e.stderr, "herald: %s\n", m.note)
		}
		leaderIDs = append(leaderIDs, m.id)
		q.Entities = append(q.Entities, m.id)
		filters = append(filters, "leader: "+m.name)
		nameParts = append(nameParts, "leader", m.name)
	}
	for _, name := range opts.countries {
		m, err := res.resolve(kindCountry, name)
		if err != nil {
			return err
		}
		if m.note != "" {
			fmt.Fprintf(e.stderr, "herald: %s\n", m.note)
		}
		q.Entities = append(q.Entities, m.id)
		filters = append(filters, "country: "+m.name)
		nameParts = append(nameParts, "country", m.name)
	}
	if !since.IsZero() {
		filters = append(filters, fmt.Sprintf("since: %s (%s)", since.Format("2006-01-02 15:04"), opts.since))
		nameParts = append(nameParts, "since", opts.since)
	}

	rep, err := digest.Report(st, q, leaderIDs)
	if err != nil {
		return err
	}
	rep.Title, rep.Filters, rep.Generated = "herald export", filters, now
	var buf bytes.Buffer
	if err := report.Write(&buf, rep); err != nil {
		return err
	}
	return writeExport(e, lc, opts.out, exportfile.Name(now, nameParts...), buf.Bytes())
}

func parseExportFlags(e *env, args []string) (exportOptions, error) {
	var opts exportOptions
	fs := subcommandFlags("export", exportUsage, e.stderr)
	fs.Var((*stringList)(&opts.leaders), "leader", "only articles that mention the person `NAME` (repeatable: all must match), and their statements")
	fs.Var((*stringList)(&opts.countries), "country", "only articles that mention the country `NAME` (repeatable: all must match)")
	fs.StringVar(&opts.feed, "feed", "", "only the feed `NAME` (its title or URL)")
	fs.StringVar(&opts.since, "since", "", "only articles published since `WHEN`: a time ago (24h, 7d, 2w) or a date (2025-11-01)")
	fs.StringVar(&opts.out, "o", "", "write to `FILE` (an existing file is kept: a suffix is added), or - for standard output")
	fs.StringVar(&opts.out, "output", "", "same as -o")
	if err := parseFlags(fs, reorderFlags(args)); err != nil {
		return opts, err
	}
	if fs.NArg() > 0 {
		return opts, usagef("export takes no arguments (got %q); usage: %s", fs.Args(), exportUsage)
	}
	return opts, nil
}

// parseSince reads --since: a duration back from now (90m, 24h, 7d, 2w) or
// a date (2025-11-01, local midnight) or an RFC 3339 time.
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	bad := func() (time.Time, error) {
		return time.Time{}, usagef("export: --since %q: want a duration like 24h, 7d, 2w or a date like 2025-11-01", s)
	}
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	var d time.Duration
	if unit := s[len(s)-1]; unit == 'd' || unit == 'w' {
		n, err := strconv.Atoi(s[:len(s)-1])
		if err != nil || n <= 0 || n > 100*365 {
			return bad()
		}
		d = time.Duration(n) * 24 * time.Hour
		if unit == 'w' {
			d *= 7
		}
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil || d <= 0 {
			return bad()
		}
	}
	return now.Add(-d), nil
}

// matchFeed finds the configured feed named by title or URL: exact URL,
// then exact title (case and diacritics ignored), then a unique partial or
// fuzzy title match.
func matchFeed(list []store.Feed, name string) (store.Feed, error) {
	key, slug := feedKey(name), nameKey(name)
	var byTitle, partial []store.Feed
	for _, f := range list {
		if feedKey(f.URL) == key {
			return f, nil
		}
		t := nameKey(f.Title)
		switch {
		case t == slug:
			byTitle = append(byTitle, f)
		case slug != "" && (strings.Contains(t, slug) || strings.Contains(strings.ToLower(f.URL), strings.ToLower(name))):
			partial = append(partial, f)
		}
	}
	for _, set := range [][]store.Feed{byTitle, partial, fuzzyFeeds(list, slug)} {
		switch {
		case len(set) == 1:
			return set[0], nil
		case len(set) > 1:
			return store.Feed{}, usagef("export: --feed %q is ambiguous; it matches %s", name, feedNames(set))
		}
	}
	return store.Feed{}, usagef("export: --feed %q matches no configured feed; the feeds are %s", name, feedNames(list))
}

func fuzzyFeeds(list []store.Feed, slug string) []store.Feed {
	titles := make([]string, len(list))
	for i, f := range list {
		titles[i] = nameKey(f.Title)
	}
	var out []store.Feed
	for _, m := range fuzzyFind(slug, titles) {
		out = append(out, list[m])
	}
	return out
}

func feedNames(list []store.Feed) string {
	var names []string
	for i, f := range list {
		if i == 8 {
			names = append(names, fmt.Sprintf("and %d more", len(list)-i))
			break
		}
		names = append(names, fmt.Sprintf("%q", sanitize.Line(f.Title)))
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// annotateMissing annotates the articles under q's feed and date filters
// that have no annotation for the current annotator version, in parallel,
// so that the entity index the export queries is complete.
func annotateMissing(e *env, st *store.Store, ann *nlp.Annotator, q store.ArticleQuery) error {
	ids, err := st.Unannotated(nlp.Version, 0)
	if err != nil || len(ids) == 0 {
		return err
	}
	if q.FeedID != 0 || !q.Since.IsZero() {
		in, err := st.Articles(store.ArticleQuery{FeedID: q.FeedID, Since: q.Since})
		if err != nil {
			return err
		}
		wanted := make(map[int64]bool, len(in))
		for _, a := range in {
			wanted[a.ID] = true
		}
		kept := ids[:0]
		for _, id := range ids {
			if wanted[id] {
				kept = append(kept, id)
			}
		}
		ids = kept
	}
	if len(ids) == 0 {
		return nil
	}
	if ro := st.ReadOnly(); ro != "" {
		fmt.Fprintf(e.stderr, "herald: warning: the store can only be read (%s): %d articles not annotated yet are left out of this export\n", ro, len(ids))
		return nil
	}
	if len(ids) >= 50 {
		fmt.Fprintf(e.stderr, "herald: annotating %d articles…\n", len(ids))
	}
	jobs := make(chan int64)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				if err := annotateOne(st, ann, id); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, id := range ids {
		if e.ctx.Err() != nil {
			break
		}
		jobs <- id
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return fmt.Errorf("annotating articles: %w", firstErr)
	}
	return e.ctx.Err()
}

// annotateOne indexes an article's cached annotation, or annotates it.
func annotateOne(st *store.Store, ann *nlp.Annotator, id int64) error {
	if _, ok, err := st.Annotation(id, nlp.Version); err != nil || ok {
		return err
	}
	art, err := st.Article(id)
	if err != nil {
		return err
	}
	return st.SaveAnnotation(id, art.Hash, nlp.Version, ann.Annotate(art.Text))
}

// writeExport writes the markdown to stdout (-o -), to a new file at -o
// FILE, or to a new file in the export directory, and names the path on
// stderr. Files are never replaced: a taken name gets a suffix.
func writeExport(e *env, lc *LoadedConfig, out, defaultName string, data []byte) error {
	if out == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	dir, name := lc.ExportDir(), defaultName
	if out != "" {
		dir, name = outTarget(out, defaultName)
	}
	path, err := exportfile.Write(dir, name, data)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "herald: wrote %s\n", path)
	return nil
}

// outTarget turns -o FILE into a directory and a file name; an existing
// directory (or a path ending in a separator) gets the default name.
func outTarget(out, defaultName string) (dir, name string) {
	if strings.HasSuffix(out, string(filepath.Separator)) || strings.HasSuffix(out, "/") {
		return out, defaultName
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return out, defaultName
	}
	return filepath.Dir(out), filepath.Base(out)
}

// Entity kinds for name resolution.
const (
	kindLeader  = "leader"
	kindCountry = "country"
)
