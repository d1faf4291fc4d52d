package store

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestSyncFeedsOrderUpdateAndTitleRule(t *testing.T) {
	s := openTemp(t)
	first, err := s.SyncFeeds([]FeedConfig{
		{URL: "https://a.example/rss", Title: "A configured", Tags: []string{"news"}},
		{URL: "https://b.example/rss"},
		{URL: "https://c.example/rss", FullText: true},
		{URL: "https://a.example/rss", Title: "duplicate, ignored"},
		{URL: "   "},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(first); !reflect.DeepEqual(got, []string{"https://a.example/rss", "https://b.example/rss", "https://c.example/rss"}) {
		t.Fatalf("first sync order = %v", got)
	}
	if first[0].Title != "A configured" || !reflect.DeepEqual(first[0].Tags, []string{"news"}) || !first[2].FullText {
		t.Fatalf("first sync fields = %+v", first)
	}
	// The feeds learn their own titles.
	for _, f := range first {
		if err := s.RecordFetch(f.ID, FetchRecord{Title: "Learned " + f.URL}); err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]int64{}
	for _, f := range first {
		ids[f.URL] = f.ID
	}
	save(t, s, ids["https://b.example/rss"], NewArticle{GUID: "1", Title: "b1"}, NewArticle{GUID: "2", Title: "b2"})

	second, err := s.SyncFeeds([]FeedConfig{
		{URL: "https://c.example/rss", Title: "C configured"},
		{URL: "https://d.example/rss"},
		{URL: "https://a.example/rss"}, // title removed from config: the learned one shows
		{URL: "https://b.example/rss", Tags: []string{"x", "y"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		url, title string
		tags       []string
		fullText   bool
		total      int
	}{
		{"https://c.example/rss", "C configured", []string{}, false, 0},
		{"https://d.example/rss", "", []string{}, false, 0},
		{"https://a.example/rss", "Learned https://a.example/rss", []string{}, false, 0},
		{"https://b.example/rss", "Learned https://b.example/rss", []string{"x", "y"}, false, 2},
	}
	if len(second) != len(want) {
		t.Fatalf("second sync returned %d feeds: %+v", len(second), second)
	}
	for i, w := range want {
		f := second[i]
		if f.URL != w.url || f.Title != w.title || !reflect.DeepEqual(f.Tags, w.tags) || f.FullText != w.fullText || f.Total != w.total || f.Unread != w.total {
			t.Errorf("feed %d = %+v; want %+v", i, f, w)
		}
	}
	if second[2].ID != ids["https://a.example/rss"] {
		t.Errorf("re-synced feed changed id: %d -> %d", ids["https://a.example/rss"], second[2].ID)
	}

	// Dropping a feed hides it but keeps its articles and their flags.
	bID := ids["https://b.example/rss"]
	b1 := articleID(t, s, "b1")
	if err := s.SetStarred(b1, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SyncFeeds([]FeedConfig{{URL: "https://a.example/rss"}}); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Feeds()
	if err != nil || len(fs) != 1 || fs[0].URL != "https://a.example/rss" {
		t.Fatalf("Feeds after drop = %+v, %v", fs, err)
	}
	if n, _ := s.CountArticles(ArticleQuery{}); n != 0 {
		t.Errorf("articles of a dropped feed are listed: %d", n)
	}
	if f, err := s.Feed(bID); err != nil || f.Total != 2 {
		t.Errorf("dropped feed by id = %+v, %v; want it kept with 2 articles", f, err)
	}
	if _, err := s.SyncFeeds([]FeedConfig{{URL: "https://b.example/rss"}}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(b1)
	if err != nil || !a.Starred {
		t.Errorf("re-added feed's article = %+v, %v; want it starred", a, err)
	}
}

func urls(fs []Feed) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.URL)
	}
	return out
}

func TestFeedLookups(t *testing.T) {
	s := openTemp(t)
	ids := syncURLs(t, s, "https://a.example/rss")
	f, err := s.FeedByURL("https://a.example/rss")
	if err != nil || f.ID != ids[0] {
		t.Fatalf("FeedByURL = %+v, %v", f, err)
	}
	if _, err := s.FeedByURL("https://nope.example/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("FeedByURL(unknown) error = %v; want ErrNotFound", err)
	}
	if _, err := s.Feed(12345); !errors.Is(err, ErrNotFound) {
		t.Errorf("Feed(unknown) error = %v; want ErrNotFound", err)
	}
	if err := s.RecordFetch(12345, FetchRecord{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("RecordFetch(unknown) error = %v; want ErrNotFound", err)
	}
	if _, _, err := s.SaveArticles(12345, []NewArticle{{GUID: "x"}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveArticles(unknown feed) error = %v; want ErrNotFound", err)
	}
}

func TestRecordFetch(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	type state struct{ etag, lastMod, title, lastErr string }
	steps := []struct {
		name string
		rec  FetchRecord
		want state
	}{
		{"success stores validators and title",
			FetchRecord{Title: "Feed", ETag: `"v1"`, LastModified: "Sun, 01 Mar 2026 10:00:00 GMT", When: t0},
			state{`"v1"`, "Sun, 01 Mar 2026 10:00:00 GMT", "Feed", ""}},
		{"error keeps validators and title",
			FetchRecord{ETag: `"bogus"`, When: t0.Add(time.Hour), Err: "HTTP 500"},
			state{`"v1"`, "Sun, 01 Mar 2026 10:00:00 GMT", "Feed", "HTTP 500"}},
		{"not modified without validators keeps them and clears the error",
			FetchRecord{NotModified: true, When: t0.Add(2 * time.Hour)},
			state{`"v1"`, "Sun, 01 Mar 2026 10:00:00 GMT", "Feed", ""}},
		{"new validators replace old ones",
			FetchRecord{ETag: `"v2"`, Title: "Renamed", When: t0.Add(3 * time.Hour)},
			state{`"v2"`, "Sun, 01 Mar 2026 10:00:00 GMT", "Renamed", ""}},
	}
	s := openTemp(t)
	id := syncURLs(t, s, "https://a.example/rss")[0]
	for _, st := range steps {
		if err := s.RecordFetch(id, st.rec); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		f, err := s.Feed(id)
		if err != nil {
			t.Fatal(err)
		}
		got := state{f.ETag, f.LastModified, f.Title, f.LastError}
		if got != st.want {
			t.Errorf("%s: state = %+v; want %+v", st.name, got, st.want)
		}
		if !f.LastFetch.Equal(st.rec.When) {
			t.Errorf("%s: LastFetch = %v; want %v", st.name, f.LastFetch, st.rec.When)
		}
	}
}
