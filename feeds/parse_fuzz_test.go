package feeds

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParseFeed feeds arbitrary bytes to the feed parser: it must never
// panic, and everything it returns must be safe for the terminal.
func FuzzParseFeed(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, "*"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := parseFeed(data, "", "https://fuzz.example/feed.xml")
		if err != nil {
			if msg := err.Error(); !utf8.ValidString(msg) || hasAnyControl(msg) {
				t.Fatalf("unsafe error message %q", msg)
			}
			return
		}
		guids := map[string]bool{}
		check := func(s string, multiline bool) {
			if !utf8.ValidString(s) || hasAnyControl(s) {
				t.Fatalf("unsafe field %q", s)
			}
			if !multiline && (containsAny(s, "\n\t")) {
				t.Fatalf("one-line field has a line break: %q", s)
			}
		}
		check(feed.title, false)
		for _, it := range feed.items {
			check(it.GUID, false)
			check(it.Link, false)
			check(it.Title, false)
			check(it.Author, false)
			check(it.Text, true)
			if it.GUID == "" || guids[it.GUID] {
				t.Fatalf("empty or repeated GUID %q", it.GUID)
			}
			guids[it.GUID] = true
		}
	})
}

func containsAny(s, chars string) bool {
	for _, c := range chars {
		for _, r := range s {
			if r == c {
				return true
			}
		}
	}
	return false
}
