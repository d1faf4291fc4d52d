package sample_test

import (
	"context"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/sample"
)

// TestFetchedAsFirstRunSees reads the sample the way a first run does:
// through the fetcher's herald: URLs, with HTML turned into paragraphs.
func TestFetchedAsFirstRunSees(t *testing.T) {
	f := feeds.NewFetcher(feeds.Options{Embedded: sample.FS})
	res := f.Fetch(context.Background(), feeds.Request{URL: "herald:world.xml"})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if res.Title != "herald sample: world politics" || len(res.Items) != 6 {
		t.Fatalf("got %q with %d items", res.Title, len(res.Items))
	}
	var all strings.Builder
	for _, it := range res.Items {
		if it.Published.IsZero() || it.Author == "" || it.GUID == "" {
			t.Errorf("%q: date %v, author %q, guid %q", it.Title, it.Published, it.Author, it.GUID)
		}
		if paras := strings.Count(it.Text, "\n") + 1; paras < 8 {
			t.Errorf("%q: %d paragraphs, want at least 8", it.Title, paras)
		}
		if strings.ContainsAny(it.Text, "<>") {
			t.Errorf("%q: markup left in the text", it.Title)
		}
		all.WriteString(it.Text + "\n")
	}
	text := all.String()
	for _, want := range []string{
		"Centre for Energy & Climate Policy", // &amp; decoded
		"published on the summit's website",  // link text kept
		"“The question is not whether Europe will help Ukraine,” he said, “but",
		"‘The world has changed, and our defence has to change with it,’ Sir Keir said.",
		"« Europe cannot ask us for everything and offer nothing, » he told reporters.",
		"„Germany is back to work“, Merz told the chamber",
		"\"This is a ceasefire, not a peace treaty,\" said Daniel Ortiz",
		"This article was translated from French.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("sample text lacks %q", want)
		}
	}
}
