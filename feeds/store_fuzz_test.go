package feeds

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/herald-reader/herald/feeds/store"
)

// FuzzFeedIntoStore fetches arbitrary bytes as a feed and saves whatever
// parses into a real store: nothing panics, nothing unsafe is stored, and a
// second save of the same items adds nothing.
func FuzzFeedIntoStore(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, "*"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<rss><channel><item><title>a</title><guid>1</guid></item><item><title>a</title><guid>1</guid></item></channel></rss>"))
	st, err := store.Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	feedsList, err := st.SyncFeeds([]store.FeedConfig{{URL: "herald:feed.xml"}})
	if err != nil {
		f.Fatal(err)
	}
	feedID := feedsList[0].ID

	f.Fuzz(func(t *testing.T, data []byte) {
		fetcher := NewFetcher(Options{Embedded: fstest.MapFS{"feed.xml": {Data: data}}})
		res := fetcher.Fetch(context.Background(), Request{FeedID: feedID, URL: "herald:feed.xml"})
		items := make([]store.NewArticle, len(res.Items))
		for i, it := range res.Items {
			items[i] = store.NewArticle{GUID: it.GUID, Link: it.Link, Title: it.Title, Author: it.Author, Published: it.Published, Text: it.Text}
		}
		if _, _, err := st.SaveArticles(feedID, items); err != nil {
			t.Fatalf("saving %d parsed items: %v", len(items), err)
		}
		added, _, err := st.SaveArticles(feedID, items)
		if err != nil || added != 0 {
			t.Fatalf("saving the same items again added %d (%v)", added, err)
		}
		stored, err := st.Articles(store.ArticleQuery{FeedID: feedID, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range stored {
			for _, s := range []string{a.Title, a.Link, a.Author} {
				if hasAnyControl(s) {
					t.Fatalf("unsafe stored field %q", s)
				}
			}
		}
	})
}
