package store

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// A page under a search with many hits looks among the newest candidates
// first; whatever the order articles were saved in, the page is the one
// the plain plan gives.
func TestSearchWindowGivesThePlainPage(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss")
	rng := rand.New(rand.NewSource(3))
	var items []NewArticle
	for i := 0; i < 400; i++ {
		text := "common filler"
		if i%7 == 0 {
			text += " sparse"
		}
		// Publication dates in no relation to the order of saving.
		items = append(items, NewArticle{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Story %d", i), Text: text,
			Published: day(1).Add(time.Duration(rng.Intn(100000)) * time.Minute)})
	}
	for start := 0; start < len(items); start += 50 {
		if _, err := s.SaveFeeds([]FeedUpdate{{FeedID: fs[0], Items: items[start : start+50]}}); err != nil {
			t.Fatal(err)
		}
	}
	defer func(b, w int) { bigSearch, searchWindow = b, w }(bigSearch, searchWindow)
	bigSearch = 10
	for _, q := range []ArticleQuery{
		{Search: "common ", Limit: 20},
		{Search: "common ", Limit: 20, Offset: 15},
		{Search: "sparse ", Limit: 30}, // few hits among the window: falls back
		{Search: "common filler", Limit: 25, Unread: true},
	} {
		searchWindow = 1 << 30
		want, err := s.Articles(q)
		if err != nil || len(want) == 0 {
			t.Fatal(want, err)
		}
		searchWindow = 60
		got, err := s.Articles(q)
		if err != nil || !reflect.DeepEqual(ids(got), ids(want)) {
			t.Errorf("%+v: windowed page %v, %v\nwant %v", q, ids(got), err, ids(want))
		}
	}
}

// Bounded counts under a search agree with the exact count whether the
// limit is reached inside the window, outside it, or not at all.
func TestCountUpToWithWindow(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss")
	var items []NewArticle
	for i := 0; i < 300; i++ {
		text := "common filler"
		if i%10 == 0 {
			text += " sparse"
		}
		items = append(items, NewArticle{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Story %d", i), Text: text,
			Published: day(1).Add(time.Duration(300-i) * time.Minute)})
	}
	if _, err := s.SaveFeeds([]FeedUpdate{{FeedID: fs[0], Items: items}}); err != nil {
		t.Fatal(err)
	}
	defer func(b, w int) { bigSearch, searchWindow = b, w }(bigSearch, searchWindow)
	bigSearch, searchWindow = 5, 50
	for _, c := range []struct {
		search string
		limit  int
		n      int
		exact  bool
	}{
		{"common ", 20, 20, false}, // reached in the window
		{"sparse ", 20, 20, false}, // 30 hits: reached only past the window
		{"sparse ", 40, 30, true},  // never reached
	} {
		n, exact, err := s.CountArticlesUpTo(ArticleQuery{Search: c.search}, c.limit)
		if err != nil || n != c.n || exact != c.exact {
			t.Errorf("%q up to %d: %d, %v, %v; want %d, %v", c.search, c.limit, n, exact, err, c.n, c.exact)
		}
	}
}
