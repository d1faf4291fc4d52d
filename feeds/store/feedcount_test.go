package store

import (
	"fmt"
	"reflect"
	"testing"
)

// TestCountArticlesByFeed counts a set of articles feed by feed, unread
// apart, leaving out a feed no longer configured.
func TestCountArticlesByFeed(t *testing.T) {
	s := openTemp(t)
	feeds := syncURLs(t, s, "https://one.example/rss", "https://two.example/rss", "https://three.example/rss")
	var all []int64
	for fi, f := range feeds {
		for i := range 3 {
			save(t, s, f, NewArticle{GUID: fmt.Sprint(fi, i), Title: fmt.Sprintf("Feed %d story %d", fi, i), Text: "x", Published: day(i + 1)})
		}
	}
	for fi := range feeds {
		for i := range 3 {
			all = append(all, articleID(t, s, fmt.Sprintf("Feed %d story %d", fi, i)))
		}
	}
	// feed one: two of three chosen, one of them read; feed two: one,
	// unread; feed three: none chosen
	if err := s.SetRead(all[0], true); err != nil {
		t.Fatal(err)
	}
	chosen := []int64{all[0], all[1], all[4]}
	got, err := s.CountArticlesByFeed(ArticleQuery{IDs: chosen})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]FeedCount{feeds[0]: {Total: 2, Unread: 1}, feeds[1]: {Total: 1, Unread: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by feed: %v, want %v", got, want)
	}
	// the filters combine as in CountArticles
	if got, _ := s.CountArticlesByFeed(ArticleQuery{IDs: chosen, Unread: true}); !reflect.DeepEqual(got,
		map[int64]FeedCount{feeds[0]: {Total: 1, Unread: 1}, feeds[1]: {Total: 1, Unread: 1}}) {
		t.Errorf("unread by feed: %v", got)
	}
	// a feed dropped from the config no longer counts
	if _, err := s.SyncFeeds([]FeedConfig{{URL: "https://two.example/rss"}, {URL: "https://three.example/rss"}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.CountArticlesByFeed(ArticleQuery{IDs: chosen}); !reflect.DeepEqual(got, map[int64]FeedCount{feeds[1]: {Total: 1, Unread: 1}}) {
		t.Errorf("after dropping feed one: %v", got)
	}
}
