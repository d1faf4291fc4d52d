// Package newsboat reads newsboat's urls file: one feed per line, its URL
// then its tags, "~Title" as a tag setting the title, "!" hiding it from
// the feed list, and query:, exec: and filter: lines that are not feeds.
package newsboat

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/herald-reader/herald/feeds/sanitize"
)

// MaxBytes is the largest urls file Parse reads.
const MaxBytes = 16 << 20

// Feed is one subscription of the urls file.
type Feed struct {
	URL   string
	Title string
	Tags  []string
	Line  int
}

// File is what Parse finds.
type File struct {
	Feeds []Feed
	// Skipped counts the query:, exec: and filter: lines by kind.
	Skipped map[string]int
}

// Parse reads a urls file. Text is sanitised for the terminal.
func Parse(r io.Reader) (File, error) {
	out := File{Skipped: map[string]int{}}
	sc := bufio.NewScanner(io.LimitReader(r, MaxBytes+1))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	total := 0
	for line := 1; sc.Scan(); line++ {
		raw := sc.Bytes()
		total += len(raw) + 1
		if line == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
		if !utf8.Valid(raw) {
			return File{}, fmt.Errorf("line %d: not UTF-8 text", line)
		}
		text := strings.TrimSpace(string(raw))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields, err := split(text)
		if err != nil {
			return File{}, fmt.Errorf("line %d: %v", line, err)
		}
		if len(fields) == 0 {
			continue
		}
		link := fields[0]
		if kind, _, ok := strings.Cut(link, ":"); ok {
			switch strings.ToLower(kind) {
			case "query", "exec", "filter":
				out.Skipped[strings.ToLower(kind)]++
				continue
			}
		}
		f := Feed{URL: sanitize.Line(link), Line: line}
		for _, tag := range fields[1:] {
			switch {
			case strings.HasPrefix(tag, "~"):
				f.Title = sanitize.Line(tag[1:])
			case strings.HasPrefix(tag, "!"):
				// hidden from newsboat's feed list; herald has no such flag
			default:
				if t := sanitize.Line(tag); t != "" && !contains(f.Tags, t) {
					f.Tags = append(f.Tags, t)
				}
			}
		}
		out.Feeds = append(out.Feeds, f)
	}
	if err := sc.Err(); err != nil {
		return File{}, err
	}
	if total > MaxBytes {
		return File{}, fmt.Errorf("larger than %d bytes", MaxBytes)
	}
	return out, nil
}

// split cuts a line into fields at white space; double quotes group a
// field, with \" and \\ inside them. A # outside quotes starts a comment.
func split(s string) ([]string, error) {
	var fields []string
	var cur strings.Builder
	inField, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quoted && c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case c == '"':
			quoted, inField = !quoted, true
		case !quoted && (c == ' ' || c == '\t'):
			if inField {
				fields = append(fields, cur.String())
				cur.Reset()
				inField = false
			}
		case !quoted && c == '#' && !inField:
			return fields, nil
		default:
			cur.WriteByte(c)
			inField = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("a quote is not closed")
	}
	if inField {
		fields = append(fields, cur.String())
	}
	return fields, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// LooksLikeURLs reports whether data reads as a urls file rather than XML:
// its first line that is not blank or a comment does not start with '<'.
func LooksLikeURLs(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, line := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		return t[0] != '<'
	}
	return false
}
