package store

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLinksRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	feed := syncURLs(t, s, "https://a.example/feed")[0]
	links := []Link{{URL: "https://a.example/report", Text: "the report"}, {URL: "https://b.example/x?y=1&z=2", Text: ""}}
	save(t, s, feed, NewArticle{GUID: "1", Title: "One", Published: day(3), Text: "Read the report.", Links: links},
		NewArticle{GUID: "2", Title: "Two", Published: day(4), Text: "No links here."})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path) // links are on disk, not in a cache
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	byGUID := articlesByGUID(t, s)
	a, err := s.Article(byGUID["1"])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Links, links) {
		t.Errorf("Article(1).Links = %q, want %q", a.Links, links)
	}
	if got, err := s.Links(byGUID["2"]); err != nil || len(got) != 0 {
		t.Errorf("Links of an article without links = %q, %v", got, err)
	}

	// A changed text brings its own links, numbered afresh.
	changed := []Link{{URL: "https://c.example/", Text: "c"}}
	if _, updated := save(t, s, feed, NewArticle{GUID: "1", Title: "One", Published: day(3), Text: "Now c.", Links: changed}); updated != 1 {
		t.Fatalf("updated %d, want 1", updated)
	}
	if got, _ := s.Links(byGUID["1"]); !reflect.DeepEqual(got, changed) {
		t.Errorf("links after the text changed = %q, want %q", got, changed)
	}

	// Removing the article removes its links.
	if _, err := s.db.Exec(`DELETE FROM articles WHERE id = ?`, byGUID["1"]); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM article_links`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d links left after their article was deleted (%v)", n, err)
	}
}

func TestLinksSavedByEveryWritePath(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://a.example/feed")[0]
	want := []Link{{URL: "https://a.example/x", Text: "x"}}
	if _, err := s.SaveFeeds([]FeedUpdate{{FeedID: feed, Items: []NewArticle{
		{GUID: "batch", Title: "Batch", Published: day(2), Text: "x", Links: want},
	}}}); err != nil {
		t.Fatal(err)
	}
	syncSource(t, s)
	e := entry("10", "1", false, false, day(3))
	e.Article.Links = want
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{e}); err != nil {
		t.Fatal(err)
	}
	byGUID := articlesByGUID(t, s)
	for _, guid := range []string{"batch", "g10"} {
		if got, err := s.Links(byGUID[guid]); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: links %q, %v; want %q", guid, got, err, want)
		}
	}
}

func TestLinksBoundedPerArticle(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://a.example/feed")[0]
	var many []Link
	for i := range maxLinks + 50 {
		many = append(many, Link{URL: "https://a.example/" + strings.Repeat("x", i%7) + string(rune('a'+i%26)), Text: "t"})
	}
	save(t, s, feed, NewArticle{GUID: "1", Title: "One", Text: "many", Links: many})
	got, err := s.Links(articlesByGUID(t, s)["1"])
	if err != nil || len(got) != maxLinks {
		t.Errorf("kept %d links (%v), want the first %d", len(got), err, maxLinks)
	}
}

// articlesByGUID maps the GUIDs of every stored article to its id.
func articlesByGUID(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	rows, err := s.db.Query(`SELECT guid, id FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var g string
		var id int64
		if err := rows.Scan(&g, &id); err != nil {
			t.Fatal(err)
		}
		out[g] = id
	}
	return out
}
