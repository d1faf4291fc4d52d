package feeds

import (
	"os"
	"path/filepath"
	"strings"
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
	// Broken shapes: the recovery of items before an XML break runs on them.
	for _, seed := range []string{
		"<rss><channel><title>T</title><item><title>a</title></item><item><title>b",
		"<rss><channel><item><link>x</lnk></item><item><title>c</title></item></channel></rss>",
		"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id></entry><entry><title>",
		"<rdf:RDF><rss:item><rss:title>a</rss:title></rss:item><rss:item>",
		`{"error":"rate limited"}`,
		"<rss><channel><item><pubDate>lun., 17 nov. 2025 09:14 GMT</pubDate><guid>https://x.example/1</guid><author>A (B)</author></item></channel></rss>",
		" \r\n\t",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := parseFeed(data, "", "https://fuzz.example/feed.xml")
		if err != nil {
			if msg := err.Error(); !utf8.ValidString(msg) || hasAnyControl(msg) {
				t.Fatalf("unsafe error message %q", msg)
			}
			// a feed broken partway may still carry the items before the break
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
			if it.Title == "" && it.Link == "" && strings.TrimSpace(it.Text) == "" {
				t.Fatalf("an item with neither title, link nor text: %+v", it)
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
