package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestSaveArticlesNeverDuplicates(t *testing.T) {
	items := []NewArticle{
		{GUID: "urn:1", Link: "https://x.example/1", Title: "With GUID", Text: "one", Published: day(1)},
		{Link: "https://x.example/2", Title: "Link only", Text: "two", Published: day(2)},
		{Title: "Title only", Text: "three", Published: day(3)},
		{Text: "nothing but text", Published: day(4)},
	}
	s := openTemp(t)
	id := syncURLs(t, s, "https://x.example/rss")[0]
	if a, u := save(t, s, id, items...); a != 4 || u != 0 {
		t.Fatalf("first save: added %d updated %d; want 4, 0", a, u)
	}
	for i := 0; i < 3; i++ {
		if a, u := save(t, s, id, items...); a != 0 || u != 0 {
			t.Fatalf("re-save %d: added %d updated %d; want 0, 0", i, a, u)
		}
	}
	if n, _ := s.CountArticles(ArticleQuery{}); n != 4 {
		t.Fatalf("%d articles after re-saves; want 4", n)
	}
	// The same GUID in another feed is another article.
	other := syncURLs(t, s, "https://x.example/rss", "https://y.example/rss")[1]
	if a, _ := save(t, s, other, items[0]); a != 1 {
		t.Fatalf("same GUID in another feed: added %d; want 1", a)
	}
}

func TestSaveArticlesUpdatesInPlaceKeepingFlags(t *testing.T) {
	tests := []struct {
		name     string
		before   NewArticle
		after    NewArticle
		textOnly bool // the change is in title or text (the hash changes)
	}{
		{"guid, text changed",
			NewArticle{GUID: "g", Title: "T", Text: "old", Published: day(1)},
			NewArticle{GUID: "g", Title: "T", Text: "new", Published: day(1)}, true},
		{"guid, title changed",
			NewArticle{GUID: "g", Title: "Old title", Text: "x", Published: day(1)},
			NewArticle{GUID: "g", Title: "New title", Text: "x", Published: day(1)}, true},
		{"link match, text changed",
			NewArticle{Link: "https://x.example/a", Title: "T", Text: "old", Published: day(1)},
			NewArticle{Link: "https://x.example/a", Title: "T", Text: "new", Published: day(1)}, true},
		{"title match, text changed",
			NewArticle{Title: "Only a title", Text: "old", Published: day(1)},
			NewArticle{Title: "Only a title", Text: "new", Published: day(1)}, true},
		{"guid, author and date changed",
			NewArticle{GUID: "g", Title: "T", Text: "x", Author: "A", Published: day(1)},
			NewArticle{GUID: "g", Title: "T", Text: "x", Author: "B", Published: day(2)}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			feed := syncURLs(t, s, "https://x.example/rss")[0]
			save(t, s, feed, tc.before)
			id := articleID(t, s, tc.before.Title)
			if err := s.SetRead(id, true); err != nil {
				t.Fatal(err)
			}
			if err := s.SetStarred(id, true); err != nil {
				t.Fatal(err)
			}
			doc := makeDoc(tc.before.Text, []ent{{"person", "p", "P", true}}, nil)
			if err := s.SaveAnnotation(id, ContentHash(tc.before.Title, tc.before.Text), "v", doc); err != nil {
				t.Fatal(err)
			}

			if a, u := save(t, s, feed, tc.after); a != 0 || u != 1 {
				t.Fatalf("added %d updated %d; want 0, 1", a, u)
			}
			got, err := s.Article(id)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Read || !got.Starred {
				t.Errorf("flags after update: read %v starred %v; want both kept", got.Read, got.Starred)
			}
			if got.Title != tc.after.Title || got.Text != tc.after.Text || got.Author != tc.after.Author || !got.Published.Equal(tc.after.Published) {
				t.Errorf("article after update = %+v; want the new content %+v", got, tc.after)
			}
			if got.Hash != ContentHash(tc.after.Title, tc.after.Text) {
				t.Errorf("hash not updated")
			}
			counts, err := s.EntityCounts("person", ArticleQuery{FeedID: feed})
			if err != nil {
				t.Fatal(err)
			}
			if tc.textOnly && len(counts) != 0 {
				t.Errorf("entity index survived a content change: %+v", counts)
			}
			if !tc.textOnly && len(counts) != 1 {
				t.Errorf("entity index lost on a metadata-only change: %+v", counts)
			}
			if n, _ := s.CountArticles(ArticleQuery{Search: "new"}); tc.textOnly && tc.after.Text == "new" && n != 1 {
				t.Errorf("search index not updated: %d hits for the new text", n)
			}
			if err := s.IntegrityCheck(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestSaveArticlesMissingDateKeepsFirstSeen(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://x.example/rss")[0]
	before := time.Now().Add(-time.Second)
	save(t, s, feed, NewArticle{GUID: "g", Title: "Undated"})
	a, err := s.Article(articleID(t, s, "Undated"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Published.Before(before) || a.Published.After(time.Now().Add(time.Second)) {
		t.Fatalf("undated article published %v; want about now", a.Published)
	}
	time.Sleep(5 * time.Millisecond)
	if _, u := save(t, s, feed, NewArticle{GUID: "g", Title: "Undated"}); u != 0 {
		t.Fatalf("re-saving an undated article updated it")
	}
	future := NewArticle{GUID: "f", Title: "From the future", Published: time.Now().AddDate(1, 0, 0)}
	save(t, s, feed, future)
	a, err = s.Article(articleID(t, s, future.Title))
	if err != nil {
		t.Fatal(err)
	}
	if a.Published.After(time.Now().Add(time.Second)) {
		t.Errorf("article dated a year ahead stored as %v; want about now", a.Published)
	}
	if _, u := save(t, s, feed, future); u != 0 {
		t.Errorf("re-saving a future-dated article updated it")
	}
}

func TestFlagsPersistAcrossReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	feed := syncURLs(t, s, "https://x.example/rss")[0]
	save(t, s, feed,
		NewArticle{GUID: "1", Title: "read", Published: day(1)},
		NewArticle{GUID: "2", Title: "starred", Published: day(2)},
		NewArticle{GUID: "3", Title: "plain", Published: day(3)})
	if err := s.SetRead(articleID(t, s, "read"), true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(articleID(t, s, "starred"), true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(12345, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetStarred(unknown) error = %v; want ErrNotFound", err)
	}
	s.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := map[string][2]bool{"read": {true, false}, "starred": {false, true}, "plain": {false, false}}
	for title, w := range want {
		a, err := s.Article(articleID(t, s, title))
		if err != nil {
			t.Fatal(err)
		}
		if a.Read != w[0] || a.Starred != w[1] {
			t.Errorf("%s: read %v starred %v; want %v", title, a.Read, a.Starred, w)
		}
	}
	fs, _ := s.Feeds()
	if fs[0].Unread != 2 || fs[0].Total != 3 {
		t.Errorf("feed counts unread %d total %d; want 2, 3", fs[0].Unread, fs[0].Total)
	}
	if err := s.MarkFeedRead(feed); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountArticles(ArticleQuery{Unread: true}); n != 0 {
		t.Errorf("%d unread after MarkFeedRead", n)
	}
	if err := s.SetRead(articleID(t, s, "plain"), false); err != nil {
		t.Fatal(err)
	}
	fs, _ = s.Feeds()
	if fs[0].Unread != 1 {
		t.Errorf("unread counter = %d after marking one unread; want 1", fs[0].Unread)
	}
}
