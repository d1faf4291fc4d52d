package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/herald-reader/herald/feeds/export"
)

// Editing the [[feeds]] tables of the config file as text, so that every
// comment, blank line and other table stays where the user put it. Each
// edit is checked by parsing the result before it replaces the file.

// feedsFile is a config file being edited.
type feedsFile struct {
	path string
	data []byte
	// want is the feed list the file must parse to after the edits.
	want []FeedConfig
}

// openFeedsFile reads the file that holds lc's feeds. When the embedded
// defaults or a file without [[feeds]] are in use, the default feeds are
// written out first, or editing would drop them.
func openFeedsFile(lc *LoadedConfig) (*feedsFile, error) {
	path, data, err := importTarget(lc)
	if err != nil {
		return nil, err
	}
	ff := &feedsFile{path: path, data: data, want: slices.Clone(lc.Feeds)}
	if !listsFeeds(data) && len(lc.Feeds) > 0 {
		var b bytes.Buffer
		b.Write(data)
		if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
			b.WriteByte('\n')
		}
		b.WriteString("\n# The default feeds, in use while this file listed none.\n")
		for _, f := range lc.Feeds {
			writeFeedTable(&b, f.URL, f.Title, f.Tags)
		}
		ff.data = b.Bytes()
	}
	tables, err := ff.tables()
	if err != nil {
		return nil, err
	}
	if len(tables) != len(ff.want) {
		return nil, fmt.Errorf("%s lists %d feeds in %d [[feeds]] tables (are some in an inline feeds = [...]?); edit it by hand, the file is unchanged",
			path, len(ff.want), len(tables))
	}
	return ff, nil
}

// feedTable is the text of one [[feeds]] table: from its header to its last
// key, without the comments and blank lines after it (they introduce what
// follows).
type feedTable struct {
	start, end int // byte offsets in the file; end is after a newline
	feed       FeedConfig
}

var (
	tableHeader = regexp.MustCompile(`^\s*\[\[?\s*[A-Za-z0-9_."' -]+\]\]?\s*(#.*)?$`)
	feedsHeader = regexp.MustCompile(`^\s*\[\[\s*feeds\s*\]\]\s*(#.*)?$`)
	tagsKey     = regexp.MustCompile(`(?m)^[ \t]*tags[ \t]*=`)
)

// tables finds the [[feeds]] tables in file order.
func (ff *feedsFile) tables() ([]feedTable, error) {
	var out []feedTable
	cur := -1 // start of the open feeds table
	lastKeyEnd := 0
	offset := 0
	closeTable := func() error {
		if cur < 0 {
			return nil
		}
		t := feedTable{start: cur, end: lastKeyEnd}
		var one struct {
			Feeds []FeedConfig `toml:"feeds"`
		}
		if err := toml.Unmarshal(ff.data[t.start:t.end], &one); err != nil || len(one.Feeds) != 1 {
			return fmt.Errorf("%s: cannot read the [[feeds]] table at line %d (%v); edit it by hand",
				ff.path, bytes.Count(ff.data[:t.start], []byte("\n"))+1, err)
		}
		t.feed = one.Feeds[0]
		out = append(out, t)
		cur = -1
		return nil
	}
	for _, line := range bytes.SplitAfter(ff.data, []byte("\n")) {
		text := string(bytes.TrimRight(line, "\r\n"))
		trimmed := strings.TrimSpace(text)
		switch {
		case tableHeader.MatchString(text):
			if err := closeTable(); err != nil {
				return nil, err
			}
			if feedsHeader.MatchString(text) {
				cur, lastKeyEnd = offset, offset+len(line)
			}
		case cur >= 0 && trimmed != "" && !strings.HasPrefix(trimmed, "#"):
			lastKeyEnd = offset + len(line)
		}
		offset += len(line)
	}
	if err := closeTable(); err != nil {
		return nil, err
	}
	return out, nil
}

// add appends a [[feeds]] table at the end of the file.
func (ff *feedsFile) add(f FeedConfig, comment string) {
	var b bytes.Buffer
	b.Write(ff.data)
	if len(ff.data) > 0 && !bytes.HasSuffix(ff.data, []byte("\n")) {
		b.WriteByte('\n')
	}
	if comment != "" {
		fmt.Fprintf(&b, "\n# %s\n", comment)
	}
	writeFeedTable(&b, f.URL, f.Title, f.Tags)
	ff.data = b.Bytes()
	ff.want = append(ff.want, f)
}

// remove deletes the i-th table's text with the comment lines right above
// it, and a blank line when one would otherwise be doubled.
func (ff *feedsFile) remove(t feedTable, i int) {
	start, end := t.start, t.end
	for start > 0 {
		prev := bytes.LastIndexByte(ff.data[:start-1], '\n') + 1
		if !bytes.HasPrefix(bytes.TrimSpace(ff.data[prev:start]), []byte("#")) {
			break
		}
		start = prev
	}
	if bytes.HasSuffix(ff.data[:start], []byte("\n\n")) && end < len(ff.data) && ff.data[end] == '\n' {
		end++
	}
	ff.data = slices.Concat(ff.data[:start], ff.data[end:])
	ff.want = slices.Delete(ff.want, i, i+1)
}

// setTags replaces the tags of the i-th table: the value of its tags key
// (comments on the line are kept), a new tags line after its last key, or
// no line when tags is empty.
func (ff *feedsFile) setTags(t feedTable, i int, tags []string) error {
	table := ff.data[t.start:t.end]
	value := tomlArray(tags)
	var edited []byte
	if loc := tagsKey.FindIndex(table); loc != nil {
		valueEnd, err := arrayEnd(table, loc[1])
		if err != nil {
			return fmt.Errorf("%s: the tags of %s: %v; edit them by hand", ff.path, t.feed.URL, err)
		}
		if len(tags) == 0 {
			lineEnd := bytes.IndexByte(table[valueEnd:], '\n')
			if lineEnd < 0 {
				lineEnd = len(table) - valueEnd
			} else {
				lineEnd++
			}
			edited = slices.Concat(table[:loc[0]], table[valueEnd+lineEnd:])
		} else {
			edited = slices.Concat(table[:loc[1]], []byte(" "+value), table[valueEnd:])
		}
	} else if len(tags) > 0 {
		edited = slices.Concat(table, []byte("tags = "+value+"\n"))
	} else {
		edited = table
	}
	ff.data = slices.Concat(ff.data[:t.start], edited, ff.data[t.end:])
	ff.want[i].Tags = tags
	return nil
}

// arrayEnd returns the offset just after the TOML array value that starts
// after offset from (white space first), skipping brackets inside strings.
func arrayEnd(b []byte, from int) (int, error) {
	i := from
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if i >= len(b) || b[i] != '[' {
		return 0, fmt.Errorf("not an inline array")
	}
	depth := 0
	for ; i < len(b); i++ {
		switch c := b[i]; c {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		case '"', '\'':
			j := i + 1
			for j < len(b) && b[j] != c && b[j] != '\n' {
				if c == '"' && b[j] == '\\' {
					j++
				}
				j++
			}
			i = j
		case '#':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		}
	}
	return 0, fmt.Errorf("unterminated array")
}

func tomlArray(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = tomlString(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// save checks that the edited text parses to the wanted feeds and keeps
// every other setting, then replaces the file atomically.
func (ff *feedsFile) save() error {
	lc, err := parseConfig(ff.path, ff.data)
	if err != nil {
		return fmt.Errorf("cannot edit %s without breaking it (%v); the file is unchanged", ff.path, err)
	}
	if !sameFeeds(lc.Feeds, ff.want) {
		return fmt.Errorf("cannot edit %s: the result would not list the feeds it should (does it set feeds = [...] inline?); the file is unchanged", ff.path)
	}
	if err := os.MkdirAll(filepath.Dir(ff.path), 0o755); err != nil {
		return err
	}
	return export.WriteAtomic(ff.path, ff.data, 0o644)
}

func sameFeeds(a, b []FeedConfig) bool {
	return slices.EqualFunc(a, b, func(x, y FeedConfig) bool {
		return x.URL == y.URL && x.Title == y.Title && x.FullText == y.FullText && slices.Equal(x.Tags, y.Tags)
	})
}
