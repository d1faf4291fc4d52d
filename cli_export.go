package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/herald-reader/herald/feeds/annotate"
	"github.com/herald-reader/herald/feeds/export"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/feeds/store"
)

// runExportQuery resolves f's names into an export query, annotates what
// the query needs and is not yet annotated, and writes the export: to
// standard output when it is not a terminal or with -o -, else to a new
// file (in the current directory or [export].dir, or at -o FILE).
func runExportQuery(e *env, f exportFlags) error {
	format, err := export.ParseFormat(f.Format)
	if err != nil {
		return usagef("export: --format: %v", err)
	}
	group, err := export.ParseGroup(f.Group)
	if err != nil {
		return usagef("export: --group: %v", err)
	}
	now := time.Now()
	q := export.Query{Unread: f.Unread, Starred: f.Starred, Search: strings.TrimSpace(f.Search),
		SinceText: strings.TrimSpace(f.Since), UntilText: strings.TrimSpace(f.Until)}
	if q.Since, err = parseWhen("--since", f.Since, now, false); err != nil {
		return err
	}
	if q.Until, err = parseWhen("--until", f.Until, now, true); err != nil {
		return err
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && !q.Since.Before(q.Until) {
		return usagef("export: --since %s is not before --until %s", f.Since, f.Until)
	}
	ws, err := openWorkspace(e)
	if err != nil {
		return err
	}
	defer ws.st.Close()
	if f.Feed != "" {
		fd, err := matchFeed(ws.feeds, f.Feed)
		if err != nil {
			return err
		}
		q.FeedID, q.FeedTitle = fd.ID, sanitize.Line(fd.Title)
	}
	if q.Tags, err = matchTags(ws.feeds, f.Tags); err != nil {
		return err
	}
	// Annotate before resolving names: the entity index is what the fuzzy
	// fallback searches, and the export must see every matching article.
	if err := annotateForExport(e, ws, q); err != nil {
		return err
	}
	if err := resolveNames(e, ws, f, &q); err != nil {
		return err
	}
	ex, err := export.Gather(ws.st, q)
	if err != nil {
		return err
	}
	ex.Generated, ex.Version = now, version
	ex.Roles = export.Roles(*ws.ann.Gazetteer())
	data, err := export.Bytes(ex, export.Options{Format: format, Group: group})
	if err != nil {
		return err
	}
	if err := writeExport(e, ws.lc, f.Out, q.FileName(now, format), data, len(ex.Statements)); err != nil {
		return err
	}
	if ws.st.ReadOnly() != "" {
		return nil
	}
	return export.MarkWritten(ws.st, ex)
}

// resolveNames turns --leader and --country names into entity ids the way
// the reader's pickers match them, saying on stderr when a match was a guess.
func resolveNames(e *env, ws *workspace, f exportFlags, q *export.Query) error {
	if len(f.Leaders) == 0 && len(f.Countries) == 0 {
		return nil
	}
	res, err := newResolver(ws.ann, ws.st)
	if err != nil {
		return err
	}
	for _, set := range []struct {
		kind  string
		names []string
		into  *[]export.Ref
	}{{kindLeader, f.Leaders, &q.Leaders}, {kindCountry, f.Countries, &q.Countries}} {
		for _, name := range set.names {
			m, err := res.resolve(set.kind, name)
			if err != nil {
				return err
			}
			if m.note != "" {
				fmt.Fprintf(e.stderr, "herald: %s\n", m.note)
			}
			*set.into = append(*set.into, export.Ref{ID: m.id, Name: m.name})
		}
	}
	return nil
}

// matchTags checks each --tag against the configured feeds' tags (case
// ignored) and returns them as configured.
func matchTags(list []store.Feed, tags []string) ([]string, error) {
	var known []string
	seen := map[string]string{}
	for _, f := range list {
		for _, t := range f.Tags {
			if _, ok := seen[strings.ToLower(t)]; !ok {
				seen[strings.ToLower(t)] = t
				known = append(known, t)
			}
		}
	}
	var out []string
	for _, t := range tags {
		tag, ok := seen[strings.ToLower(strings.TrimSpace(t))]
		if !ok {
			have := "no feed has a tag"
			if len(known) > 0 {
				sort.Strings(known)
				have = "the tags are " + strings.Join(known, ", ")
			}
			return nil, usagef("export: --tag %q matches no configured feed; %s", t, have)
		}
		out = append(out, tag)
	}
	return out, nil
}

// parseWhen reads --since or --until: a duration back from now (90m, 24h,
// 7d, 2w), a date (local midnight; for --until the end of that day) or an
// RFC 3339 time.
func parseWhen(flagName, s string, now time.Time, endOfDay bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if endOfDay && s != "" {
		if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
			return t.AddDate(0, 0, 1), nil
		}
	}
	t, err := parseSince(s, now)
	if err != nil && flagName != "--since" {
		return t, usagef("export: %s %q: want a duration like 24h, 7d, 2w or a date like 2025-11-01", flagName, s)
	}
	return t, err
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

// annotateForExport annotates what the export may read and is not yet
// annotated. It is the one call into annotation, so that the shared
// annotate-and-index function of the refresh can replace it.
func annotateForExport(e *env, ws *workspace, q export.Query) error {
	if ro := ws.st.ReadOnly(); ro != "" {
		if n, err := ws.st.Unannotated(ws.ann.Version(), 1); err == nil && len(n) > 0 {
			fmt.Fprintf(e.stderr, "herald: warning: the store can only be read (%s): articles not annotated yet are left out of this export\n", ro)
		}
		return nil
	}
	announced := false
	st, err := annotate.Missing(e.ctx, ws.st, ws.ann, annotate.Options{FeedID: q.FeedID, Since: q.Since,
		Progress: func(done, total int) {
			if total >= 50 && !announced {
				announced = true
				fmt.Fprintf(e.stderr, "herald: annotating %d articles…\n", total)
			}
		}})
	if err != nil {
		return fmt.Errorf("annotating articles: %w", err)
	}
	if st.Failed > 0 {
		fmt.Fprintf(e.stderr, "herald: warning: %d articles could not be annotated\n", st.Failed)
	}
	return nil
}

// stdoutIsTerminal reports whether w is a terminal; tests replace it.
var stdoutIsTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// writeExport writes the export to stdout (-o -, or no -o when stdout is
// not a terminal), into -o's device or pipe, to a new file at -o FILE, or
// to a new file in the export directory, and names the path on stderr.
// Files are never replaced: a taken name gets a suffix.
func writeExport(e *env, lc *LoadedConfig, out, defaultName string, data []byte, statements int) error {
	if out == "-" || (out == "" && !stdoutIsTerminal(e.stdout)) {
		_, err := e.stdout.Write(data)
		return err
	}
	if out != "" && isStream(out) {
		return writeStream(out, data)
	}
	dir, name := lc.ExportDir(), defaultName
	if out != "" {
		dir, name = outTarget(out, defaultName)
	}
	path, err := export.WriteFile(dir, name, data)
	if err != nil {
		return err
	}
	noun := "statements"
	if statements == 1 {
		noun = "statement"
	}
	fmt.Fprintf(e.stderr, "herald: wrote %s (%d %s)\n", path, statements, noun)
	return nil
}

// isStream reports whether -o names something that exists and is neither
// a file nor a directory: /dev/stdout, /dev/null, a named pipe, the pipe
// of a shell's process substitution. Those are written into; a file
// created beside them would be no use (and in /dev, refused).
func isStream(out string) bool {
	fi, err := os.Stat(out)
	return err == nil && !fi.Mode().IsRegular() && !fi.IsDir()
}

func writeStream(out string, data []byte) error {
	f, err := os.OpenFile(out, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return f.Close()
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
