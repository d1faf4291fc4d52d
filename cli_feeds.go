package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	toml "github.com/pelletier/go-toml/v2"

	"github.com/herald-reader/herald/feeds/export"
	"github.com/herald-reader/herald/feeds/opml"
	"github.com/herald-reader/herald/feeds/sanitize"
)

const (
	feedsUsage       = "herald feeds import FILE.opml | herald feeds export"
	feedsImportUsage = "herald feeds import FILE.opml"
	feedsExportUsage = "herald feeds export"
)

// runFeeds dispatches "feeds import" and "feeds export".
func runFeeds(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("feeds needs a sub-command: %s", feedsUsage)
	}
	switch args[0] {
	case "import":
		return runFeedsImport(e, args[1:])
	case "export":
		return runFeedsExport(e, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprintf(e.stdout, "Usage: %s\n", feedsUsage)
		return nil
	}
	return usagef("feeds: unknown sub-command %q (use: %s)", args[0], feedsUsage)
}

// runFeedsExport prints the configured feeds as OPML 2.0.
func runFeedsExport(e *env, args []string) error {
	fs := subcommandFlags("feeds export", feedsExportUsage, e.stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("feeds export takes no arguments (got %q)", fs.Args())
	}
	lc, err := e.config()
	if err != nil {
		return err
	}
	list := make([]opml.Feed, len(lc.Feeds))
	for i, f := range lc.Feeds {
		list[i] = opml.Feed{URL: f.URL, Title: f.Title, Tags: f.Tags}
	}
	return opml.Write(e.stdout, "herald feeds", time.Now(), list)
}

// runFeedsImport appends the feeds of an OPML file that the config does not
// have yet to the config file, as [[feeds]] tables.
func runFeedsImport(e *env, args []string) error {
	fs := subcommandFlags("feeds import", feedsImportUsage, e.stderr)
	if err := parseFlags(fs, reorderFlags(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("feeds import takes one OPML file (usage: %s)", feedsImportUsage)
	}
	file := fs.Arg(0)
	incoming, err := readOPML(file)
	if err != nil {
		return err
	}
	lc, err := e.config()
	if err != nil {
		return err
	}
	target, base, err := importTarget(lc)
	if err != nil {
		return err
	}

	have := map[string]bool{}
	for _, f := range lc.Feeds {
		have[feedKey(f.URL)] = true
	}
	var added []opml.Feed
	var skipped []string
	firstLine := map[string]int{} // feeds added from this file
	for _, f := range incoming {
		key := feedKey(f.URL)
		var why string
		switch {
		case have[key]:
			why = "already subscribed"
		case firstLine[key] > 0:
			why = fmt.Sprintf("listed before, at line %d", firstLine[key])
		case importableURL(f.URL) != nil:
			why = importableURL(f.URL).Error()
		default:
			firstLine[key] = f.Line
			added = append(added, f)
			continue
		}
		skipped = append(skipped, fmt.Sprintf("%s (line %d): %s", f.URL, f.Line, why))
	}

	if len(added) > 0 {
		var keep []FeedConfig
		if !listsFeeds(base) {
			// The file listed no feeds, so the defaults were in use: write
			// them out too, or adding feeds would silently drop them.
			keep = lc.Feeds
		}
		data := appendFeeds(base, filepath.Base(file), keep, added)
		if err := checkAppended(target, data, len(lc.Feeds)+len(added)); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := export.WriteAtomic(target, data, 0o644); err != nil {
			return err
		}
	}
	for _, f := range added {
		fmt.Fprintf(e.stdout, "added    %s\n", describeImported(f))
	}
	for _, s := range skipped {
		fmt.Fprintf(e.stdout, "skipped  %s\n", s)
	}
	if len(added) == 0 {
		fmt.Fprintf(e.stdout, "nothing new in %s (%d skipped); %s unchanged\n", file, len(skipped), lc.Source)
		return nil
	}
	fmt.Fprintf(e.stdout, "%d feeds added to %s, %d skipped\n", len(added), target, len(skipped))
	return nil
}

// readOPML parses an OPML file; errors carry the file, line and column.
func readOPML(file string) ([]opml.Feed, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	list, err := opml.Parse(f)
	var pe *opml.ParseError
	switch {
	case errors.As(err, &pe) && pe.Line > 0 && pe.Col > 0:
		return nil, fmt.Errorf("%s:%d:%d: %s", file, pe.Line, pe.Col, pe.Msg)
	case errors.As(err, &pe) && pe.Line > 0:
		return nil, fmt.Errorf("%s:%d: %s", file, pe.Line, pe.Msg)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", file, err)
	case len(list) == 0:
		return nil, fmt.Errorf("%s: no feeds found (no outline has an xmlUrl)", file)
	}
	return list, nil
}

// importTarget is the config file to append to and its current content.
// On the embedded defaults it is the XDG config file, started from the
// embedded example.
func importTarget(lc *LoadedConfig) (path string, data []byte, err error) {
	if lc.Source != embeddedSource {
		data, err := os.ReadFile(lc.Source)
		return lc.Source, data, err
	}
	path = filepath.Join(xdg.ConfigHome, "herald", "config.toml")
	data, err = os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return path, append([]byte(nil), defaultConfigTOML...), nil
	}
	return path, data, err
}

// feedKey identifies a feed URL for duplicate checks: scheme and host are
// case-insensitive, a trailing slash does not matter.
func feedKey(raw string) string {
	s := strings.TrimSpace(raw)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return strings.TrimSuffix(s, "/")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	return strings.TrimSuffix(u.String(), "/")
}

// importableURL accepts the URL schemes herald fetches.
func importableURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a URL: %v", err)
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

// listsFeeds reports whether a config file has [[feeds]] of its own.
func listsFeeds(data []byte) bool {
	var c struct {
		Feeds []FeedConfig `toml:"feeds"`
	}
	return toml.Unmarshal(data, &c) == nil && len(c.Feeds) > 0
}

// appendFeeds returns base with [[feeds]] tables appended: first keep (the
// defaults that were in use), then added. The original text is untouched.
func appendFeeds(base []byte, from string, keep []FeedConfig, added []opml.Feed) []byte {
	var b bytes.Buffer
	b.Write(base)
	if len(base) > 0 && !bytes.HasSuffix(base, []byte("\n")) {
		b.WriteByte('\n')
	}
	if len(keep) > 0 {
		b.WriteString("\n# The default feeds, in use while this file listed none.\n")
		for _, f := range keep {
			writeFeedTable(&b, f.URL, f.Title, f.Tags)
		}
	}
	fmt.Fprintf(&b, "\n# Imported from %s on %s.\n", sanitize.Line(from), time.Now().Format("2006-01-02"))
	for _, f := range added {
		writeFeedTable(&b, f.URL, f.Title, f.Tags)
	}
	return b.Bytes()
}

func writeFeedTable(b *bytes.Buffer, link, title string, tags []string) {
	b.WriteString("\n[[feeds]]\n")
	fmt.Fprintf(b, "url = %s\n", tomlString(link))
	if title != "" {
		fmt.Fprintf(b, "title = %s\n", tomlString(title))
	}
	if len(tags) > 0 {
		quoted := make([]string, len(tags))
		for i, t := range tags {
			quoted[i] = tomlString(t)
		}
		fmt.Fprintf(b, "tags = [%s]\n", strings.Join(quoted, ", "))
	}
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// checkAppended parses the new config text before it replaces the file: the
// file must stay valid and list every feed.
func checkAppended(path string, data []byte, wantFeeds int) error {
	lc, err := parseConfig(path, data)
	if err != nil {
		return fmt.Errorf("cannot add the feeds to %s without breaking it (%v); the file is unchanged", path, err)
	}
	if len(lc.Feeds) != wantFeeds {
		return fmt.Errorf("cannot add the feeds to %s: it would list %d feeds, not %d (does it set feeds = [...] inline?); the file is unchanged", path, len(lc.Feeds), wantFeeds)
	}
	return nil
}

func describeImported(f opml.Feed) string {
	s := f.URL
	if f.Title != "" {
		s = fmt.Sprintf("%s <%s>", f.Title, f.URL)
	}
	if len(f.Tags) > 0 {
		s += " [" + strings.Join(f.Tags, ", ") + "]"
	}
	return s
}
