package sample

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// plainText returns the text nodes of an HTML fragment, joined by spaces.
func plainText(t *testing.T, fragment string) string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatalf("parse HTML: %v", err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}

func TestWorldFeed(t *testing.T) {
	data, err := fs.ReadFile(FS, "world.xml")
	if err != nil {
		t.Fatalf("world.xml not embedded: %v", err)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("world.xml does not parse: %v", err)
	}
	if feed.FeedType != "rss" {
		t.Errorf("feed type = %q, want rss", feed.FeedType)
	}
	if feed.Title != "herald sample: world politics" {
		t.Errorf("feed title = %q", feed.Title)
	}
	if len(feed.Items) < 6 {
		t.Fatalf("got %d items, want at least 6", len(feed.Items))
	}
	seen := map[string]bool{}
	for i, it := range feed.Items {
		if strings.TrimSpace(it.Title) == "" {
			t.Errorf("item %d has no title", i)
		}
		if !strings.HasPrefix(it.Link, "https://example.org/") {
			t.Errorf("item %d link = %q, want an https://example.org/ link", i, it.Link)
		}
		if it.PublishedParsed == nil || it.PublishedParsed.Year() != 2025 || it.PublishedParsed.Month() != 11 {
			t.Errorf("item %d date = %v, want November 2025", i, it.PublishedParsed)
		}
		if seen[it.GUID] || it.GUID == "" {
			t.Errorf("item %d GUID %q is empty or repeated", i, it.GUID)
		}
		seen[it.GUID] = true
		if words := len(strings.Fields(plainText(t, it.Description))); words < 200 {
			t.Errorf("item %d %q has %d words of text, want at least 200", i, it.Title, words)
		}
	}
}

// TestQuoteStyles guards the variety the sample exists to show off: each
// quotation style the annotator handles appears somewhere in the feed.
func TestQuoteStyles(t *testing.T) {
	data, err := fs.ReadFile(FS, "world.xml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, mark := range []string{"“", "”", "‘", "’", "«", "»", "„", `"`, "according to", "&amp;", "<a href="} {
		if !strings.Contains(text, mark) {
			t.Errorf("sample feed lacks %q", mark)
		}
	}
}
