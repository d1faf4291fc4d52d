package store

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestSaveFeedsOneTransaction(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss", "https://b.example/rss")
	ups := []FeedUpdate{
		{FeedID: fs[0], Items: []NewArticle{
			{GUID: "a1", Title: "Harvest festival", Text: "Farmers gather pumpkins.", Published: day(2)},
			{GUID: "a2", Title: "Quiet day", Text: "Nothing happened in the harbour.", Published: day(3)},
		}, Record: FetchRecord{Title: "Feed A", ETag: `"a"`}},
		{FeedID: 999, Items: []NewArticle{{GUID: "x", Title: "Lost", Text: "No such feed."}}},
		{FeedID: fs[1], Items: []NewArticle{{GUID: "b1", Title: "Pumpkin prices", Text: "Prices rise.", Published: day(4)}},
			Record: FetchRecord{ETag: `"b"`}},
	}
	saved, err := s.SaveFeeds(ups)
	if err != nil {
		t.Fatal(err)
	}
	if saved[0].Added != 2 || len(saved[0].Changed) != 2 || saved[2].Added != 1 {
		t.Errorf("saved %+v", saved)
	}
	if !errors.Is(saved[1].Err, ErrNotFound) {
		t.Errorf("missing feed: err %v, want ErrNotFound", saved[1].Err)
	}
	// The new bodies are searchable: the full-text index was written.
	hits, err := s.Articles(ArticleQuery{Search: "pumpkin "})
	if err != nil || len(hits) != 1 || hits[0].Title != "Pumpkin prices" {
		t.Errorf("search \"pumpkin \" = %+v, %v", hits, err)
	}
	hits, _ = s.Articles(ArticleQuery{Search: "pumpkins"})
	if len(hits) != 1 || hits[0].Title != "Harvest festival" {
		t.Errorf("search pumpkins = %+v", hits)
	}
	a, err := s.Feed(fs[0])
	if err != nil || a.ETag != `"a"` || a.Title != "Feed A" {
		t.Errorf("feed A after save: %+v, %v", a, err)
	}
	// Saving the same items again adds nothing; a changed text is listed.
	ups[0].Items[1].Text = "Boats came in."
	saved, err = s.SaveFeeds(ups[:1])
	if err != nil || saved[0].Added != 0 || saved[0].Updated != 1 || !slices.Equal(saved[0].Changed, []int64{articleID(t, s, "Quiet day")}) {
		t.Errorf("second save: %+v, %v", saved, err)
	}
	if hits, _ := s.Articles(ArticleQuery{Search: "boats"}); len(hits) != 1 {
		t.Errorf("search after update = %+v", hits)
	}
	if hits, _ := s.Articles(ArticleQuery{Search: "harbour"}); len(hits) != 0 {
		t.Errorf("old text still found: %+v", hits)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Error(err)
	}
}

// A not-modified record saves no items and keeps the validators it names.
func TestSaveFeedsNotModified(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss")
	_, err := s.SaveFeeds([]FeedUpdate{{FeedID: fs[0], Items: []NewArticle{{GUID: "1", Title: "T", Text: "x"}},
		Record: FetchRecord{NotModified: true, ETag: `"e"`}}})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountArticles(ArticleQuery{}); n != 0 {
		t.Errorf("%d articles saved from a 304", n)
	}
	if f, _ := s.Feed(fs[0]); f.ETag != `"e"` {
		t.Errorf("etag %q", f.ETag)
	}
}

// Many batches keep the full-text index consistent with the bodies.
func TestSaveFeedsManyBatches(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss")
	for b := 0; b < 30; b++ {
		var items []NewArticle
		for i := 0; i < 20; i++ {
			items = append(items, NewArticle{GUID: fmt.Sprintf("%d-%d", b, i), Title: fmt.Sprintf("Story %d %d", b, i),
				Text: fmt.Sprintf("word%d common text", b*20+i), Published: day(1 + b)})
		}
		if _, err := s.SaveFeeds([]FeedUpdate{{FeedID: fs[0], Items: items}}); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := s.CountArticles(ArticleQuery{Search: "common"}); n != 600 {
		t.Errorf("common: %d hits, want 600", n)
	}
	if n, _ := s.CountArticles(ArticleQuery{Search: "word599 "}); n != 1 {
		t.Errorf("word599: %d hits, want 1", n)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Error(err)
	}
}
