package store

import (
	"errors"
	"testing"
)

func TestEachTitle(t *testing.T) {
	s := openTemp(t)
	ids := syncURLs(t, s, "https://a.example/feed", "https://b.example/feed")
	save(t, s, ids[0], NewArticle{GUID: "1", Title: "One", Text: "x"}, NewArticle{GUID: "2", Title: "Two", Text: "y"})
	save(t, s, ids[1], NewArticle{GUID: "3", Title: "Three", Text: "z"})
	got := map[string]int64{}
	if err := s.EachTitle(func(id, feedID int64, title string) error {
		if id == 0 {
			t.Errorf("%q has no id", title)
		}
		got[title] = feedID
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got["One"] != ids[0] || got["Two"] != ids[0] || got["Three"] != ids[1] {
		t.Errorf("titles by feed: %v", got)
	}
	stop := errors.New("enough")
	n := 0
	if err := s.EachTitle(func(int64, int64, string) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("an error from fn: %v after %d calls", err, n)
	}
}
