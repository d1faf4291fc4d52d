package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feeds/newsboat"
	"github.com/herald-reader/herald/feeds/opml"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/feeds/subscribe"
)

type importOptions struct {
	allowLocal bool
}

func newFeedsImportCmd(e *env) *cobra.Command {
	var o importOptions
	cmd := &cobra.Command{
		Use:   "import FILE|-",
		Short: "Add the feeds of an OPML file or a newsboat urls file to the config",
		Long: `Add the feeds of a subscription list that the config does not have yet.
The file is OPML (Feedly, Inoreader, NetNewsWire, newsboat -e, ...) or a
newsboat urls file, told apart by content; - reads standard input. Folders
become tags (a feed in several folders gets all of them); newsboat's
"~Title" becomes the title. Local file: feeds are listed and added only
with --allow-local, and only when they are regular files.`,
		Example: `  herald feeds import ~/Downloads/feedly.opml
  herald feeds import ~/.newsboat/urls
  newsboat -e | herald feeds import -`,
		Args: argsBetween(1, 1, "one FILE or -"),
		RunE: func(cmd *cobra.Command, args []string) error { return runFeedsImport(e, o, args[0]) },
	}
	cmd.Flags().BoolVar(&o.allowLocal, "allow-local", false, "also add file: feeds (regular files only)")
	return cmd
}

// imported is one feed of an import, with where it came from.
type imported struct {
	url, title string
	tags       []string
	line       int
}

// runFeedsImport appends the feeds of a subscription list that the config
// does not have yet to the config file, as [[feeds]] tables.
func runFeedsImport(e *env, o importOptions, file string) error {
	name, incoming, notes, err := readSubscriptions(e, file)
	if err != nil {
		return err
	}
	lc, err := e.config()
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, f := range lc.Feeds {
		have[subscribe.Key(f.URL)] = true
	}
	var added []*imported
	var skipped, local []string
	first := map[string]*imported{} // feeds added from this file, by key
	for _, f := range incoming {
		if n, err := subscribe.Normalize(f.url); err == nil && strings.HasPrefix(strings.ToLower(f.url), "feed:") {
			f.url = n
		}
		key := subscribe.Key(f.url)
		var why string
		switch {
		case have[key]:
			why = "already subscribed"
		case first[key] != nil:
			prev := first[key]
			why = fmt.Sprintf("listed before, at line %d", prev.line)
			if merged := mergeTags(prev.tags, f.tags); len(merged) > len(prev.tags) {
				prev.tags = merged
				why += "; its tags are merged"
			}
		case importableURL(f.url) != nil:
			why = importableURL(f.url).Error()
		case isFileURL(f.url) && !o.allowLocal:
			why = "a local file: add local feeds with --allow-local"
		case isFileURL(f.url) && regularLocalFile(f.url) != nil:
			why = regularLocalFile(f.url).Error()
		default:
			g := f
			first[key] = &g
			added = append(added, &g)
			if isFileURL(f.url) {
				local = append(local, f.url)
			}
			continue
		}
		skipped = append(skipped, fmt.Sprintf("%s (line %d): %s", sanitize.Line(f.url), f.line, why))
	}

	target := ""
	if len(added) > 0 {
		ff, err := openFeedsFile(lc)
		if err != nil {
			return err
		}
		for i, f := range added {
			comment := ""
			if i == 0 {
				comment = fmt.Sprintf("Imported from %s on %s.", sanitize.Line(filepath.Base(name)), time.Now().Format("2006-01-02"))
			}
			ff.add(FeedConfig{URL: f.url, Title: f.title, Tags: f.tags}, comment)
		}
		if err := ff.save(); err != nil {
			return err
		}
		target = ff.path
	}
	for _, f := range added {
		fmt.Fprintf(e.stdout, "added    %s\n", describeFeed(FeedConfig{URL: f.url, Title: f.title, Tags: f.tags}))
	}
	for _, s := range skipped {
		fmt.Fprintf(e.stdout, "skipped  %s\n", s)
	}
	for _, n := range notes {
		fmt.Fprintf(e.stdout, "note     %s\n", n)
	}
	if len(local) > 0 {
		fmt.Fprintf(e.stdout, "%d local files added, read on every refresh: %s\n", len(local), sanitize.Line(strings.Join(local, ", ")))
	}
	if len(added) == 0 {
		fmt.Fprintf(e.stdout, "nothing new in %s (%d skipped); %s unchanged\n", sanitize.Line(name), len(skipped), lc.Source)
		return nil
	}
	fmt.Fprintf(e.stdout, "%d feeds added to %s, %d skipped\n", len(added), target, len(skipped))
	return nil
}

// readSubscriptions reads an OPML or newsboat urls file (- for standard
// input). Notes report what the file holds that is not a feed. Errors carry
// the file, line and column, sanitised: parsers quote their input.
func readSubscriptions(e *env, file string) (name string, list []imported, notes []string, err error) {
	name = file
	var r io.Reader = e.stdin
	if file == "-" {
		name = "standard input"
		if isTerminal(e.stdin) {
			fmt.Fprintln(e.stderr, "herald: reading the feed list from the terminal; end it with Ctrl-D (or give a FILE)")
		}
	} else {
		f, err := os.Open(file)
		if err != nil {
			return name, nil, nil, errors.New(sanitize.Line(err.Error()))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, opml.MaxBytes+1))
	if err != nil {
		return name, nil, nil, fmt.Errorf("reading %s: %s", sanitize.Line(name), sanitize.Line(err.Error()))
	}
	if len(data) > opml.MaxBytes {
		return name, nil, nil, fmt.Errorf("%s: larger than %d MiB", sanitize.Line(name), opml.MaxBytes>>20)
	}
	where := sanitize.Line(name)
	if newsboat.LooksLikeURLs(data) {
		urls, err := newsboat.Parse(bytes.NewReader(data))
		if err != nil {
			return name, nil, nil, fmt.Errorf("%s: %s", where, sanitize.Line(err.Error()))
		}
		for _, f := range urls.Feeds {
			list = append(list, imported{url: f.URL, title: f.Title, tags: f.Tags, line: f.Line})
		}
		for _, kind := range []string{"query", "exec", "filter"} {
			if n := urls.Skipped[kind]; n > 0 {
				notes = append(notes, fmt.Sprintf("%d %s: lines skipped (newsboat's own, not feeds)", n, kind))
			}
		}
		if len(list) == 0 {
			return name, nil, notes, fmt.Errorf("%s: no feeds found (read as a newsboat urls file)", where)
		}
		return name, list, notes, nil
	}
	doc, err := opml.ParseDocument(bytes.NewReader(data))
	var pe *opml.ParseError
	switch {
	case errors.As(err, &pe) && pe.Line > 0 && pe.Col > 0:
		return name, nil, nil, fmt.Errorf("%s:%d:%d: %s", where, pe.Line, pe.Col, sanitize.Line(pe.Msg))
	case errors.As(err, &pe) && pe.Line > 0:
		return name, nil, nil, fmt.Errorf("%s:%d: %s", where, pe.Line, sanitize.Line(pe.Msg))
	case err != nil:
		return name, nil, nil, fmt.Errorf("%s: %s", where, sanitize.Line(err.Error()))
	}
	for _, u := range doc.Unusable {
		label := "an outline"
		if u.Text != "" {
			label = fmt.Sprintf("outline %q", u.Text)
		}
		notes = append(notes, fmt.Sprintf("%s:%d: %s has no xmlUrl: not a feed, nor a folder with feeds; skipped", where, u.Line, label))
	}
	for _, f := range doc.Feeds {
		list = append(list, imported{url: f.URL, title: f.Title, tags: f.Tags, line: f.Line})
	}
	if len(list) == 0 {
		return name, nil, notes, fmt.Errorf("%s: no feeds found (no outline has an xmlUrl)", where)
	}
	return name, list, notes, nil
}

// importableURL accepts the URL schemes herald fetches.
func importableURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a URL: %v", errors.Unwrap(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return errors.New("URL has no host")
		}
		return nil
	case "file", "herald":
		return nil
	case "":
		return errors.New("not an absolute URL")
	}
	return fmt.Errorf("unsupported URL scheme %q", u.Scheme)
}

func isFileURL(raw string) bool {
	return strings.HasPrefix(strings.ToLower(raw), "file:")
}

// regularLocalFile accepts a file: URL naming a regular file outside the
// kernel's file systems: a FIFO, a device or a /proc file would hang or
// never end a refresh.
func regularLocalFile(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	p := u.Path
	if p == "" {
		p = u.Opaque
	}
	if u.Host != "" && u.Host != "localhost" {
		return fmt.Errorf("a file on another host (%s)", u.Host)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return fmt.Errorf("cannot read the local file: %s", sanitize.Line(errors.Unwrap(err).Error()))
	}
	for _, dir := range []string{"/proc", "/sys", "/dev"} {
		if real == dir || strings.HasPrefix(real, dir+"/") {
			return fmt.Errorf("%s is a system file, not a feed", sanitize.Line(real))
		}
	}
	fi, err := os.Stat(real)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	return nil
}

// mergeTags adds to tags those of more it lacks.
func mergeTags(tags, more []string) []string {
	out := append([]string(nil), tags...)
	for _, t := range more {
		if !containsFold(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
