package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func daysAgo(n int) time.Time { return time.Now().Add(-time.Duration(n) * 24 * time.Hour) }

// Retention by age removes old articles, except starred ones and ones with
// exported statements; a feed that still lists a pruned article does not
// bring it back; the search index stays consistent.
func TestPruneByAge(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://example.org/feed")[0]
	var items []NewArticle
	for i := range 20 {
		items = append(items, NewArticle{GUID: fmt.Sprintf("g%d", i), Title: fmt.Sprintf("a%d", i), Text: "body text", Published: daysAgo(10 * i)})
	}
	save(t, s, feed, items...)
	// A feed added today keeps its old articles for the whole period:
	// nothing goes yet.
	s.SetRetention(Retention{Keep: 95 * 24 * time.Hour})
	if st, err := s.Prune(); err != nil || st.Articles != 0 {
		t.Fatalf("pruning articles seen today: %+v, %v; want none removed", st, err)
	}
	seenAtPublication(t, s)
	starred := articleID(t, s, "a15")
	exported := articleID(t, s, "a16")
	if err := s.SetStarred(starred, true); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkExported([]int64{exported, 999999}); err != nil {
		t.Fatal(err)
	}
	st, err := s.Prune()
	if err != nil {
		t.Fatal(err)
	}
	// a0..a9 are at most 90 days old; a10..a19 are older: 10 go, less
	// the starred and the exported one.
	if st.Articles != 8 {
		t.Errorf("pruned %d articles, want 8", st.Articles)
	}
	n, err := s.CountArticles(ArticleQuery{})
	if err != nil || n != 12 {
		t.Errorf("%d articles left, %v; want 12", n, err)
	}
	for _, title := range []string{"a0", "a9", "a15", "a16"} {
		articleID(t, s, title) // fails the test when gone
	}
	if added, _ := save(t, s, feed, items...); added != 0 {
		t.Errorf("a refresh listing the pruned articles added %d back", added)
	}
	// the refresh's batched path keeps them out too
	if saved, err := s.SaveFeeds([]FeedUpdate{{FeedID: feed, Items: items}}); err != nil || saved[0].Added != 0 {
		t.Errorf("a batched refresh listing the pruned articles: %+v, %v; want none added", saved, err)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Errorf("after pruning: %v", err)
	}
}

// The per-feed cap keeps each feed's newest articles, plus starred ones.
func TestPruneByCount(t *testing.T) {
	s := openTemp(t)
	feeds := syncURLs(t, s, "https://a.example/feed", "https://b.example/feed")
	for f, feed := range feeds {
		var items []NewArticle
		for i := range 30 {
			items = append(items, NewArticle{GUID: fmt.Sprintf("g%d", i), Title: fmt.Sprintf("f%d-%d", f, i), Text: "t", Published: daysAgo(i)})
		}
		save(t, s, feed, items...)
	}
	if err := s.SetStarred(articleID(t, s, "f0-29"), true); err != nil {
		t.Fatal(err)
	}
	s.SetRetention(Retention{Keep: 0, PerFeed: 10})
	if _, err := s.Prune(); err != nil {
		t.Fatal(err)
	}
	for f, feed := range feeds {
		n, err := s.CountArticles(ArticleQuery{FeedID: feed})
		want := 10
		if f == 0 {
			want = 11 // and the starred one
		}
		if err != nil || n != want {
			t.Errorf("feed %d keeps %d, %v; want %d", f, n, err, want)
		}
	}
	articleID(t, s, "f1-9")
	articleID(t, s, "f0-29")
	if added, _ := save(t, s, feeds[1], NewArticle{GUID: "g20", Title: "f1-20", Published: daysAgo(20)}); added != 0 {
		t.Error("an article removed by the cap came back")
	}
	if added, _ := save(t, s, feeds[1], NewArticle{GUID: "new", Title: "f1-new", Published: time.Now()}); added != 1 {
		t.Error("a new article was not added")
	}
}

// Pruning gives the space back: a new store vacuums incrementally, and a
// store made before that is converted.
func TestPruneShrinksTheFile(t *testing.T) {
	for _, old := range []bool{false, true} {
		t.Run(fmt.Sprintf("old=%v", old), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "herald.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if old {
				if _, err := s.db.Exec("PRAGMA auto_vacuum = NONE"); err != nil {
					t.Fatal(err)
				}
				conn, _ := s.db.Conn(context.Background())
				conn.ExecContext(context.Background(), "PRAGMA auto_vacuum = NONE")
				if _, err := conn.ExecContext(context.Background(), "VACUUM"); err != nil {
					t.Fatal(err)
				}
				var av int
				conn.QueryRowContext(context.Background(), "PRAGMA auto_vacuum").Scan(&av)
				conn.Close()
				if av != 0 {
					t.Fatalf("could not make an old-style store (auto_vacuum %d)", av)
				}
			}
			feed := syncURLs(t, s, "https://example.org/feed")[0]
			var items []NewArticle
			for i := range 400 {
				items = append(items, NewArticle{GUID: fmt.Sprintf("g%d", i), Title: fmt.Sprintf("t%d", i), Text: strings.Repeat(fmt.Sprintf("word%d ", i), 400), Published: daysAgo(200 + i%50)})
			}
			save(t, s, feed, items...)
			seenAtPublication(t, s)
			checkpoint(t, s)
			before := fileSize(t, path)
			s.SetRetention(Retention{Keep: 30 * 24 * time.Hour})
			st, err := s.Prune()
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != 400 || st.FreedPages == 0 {
				t.Fatalf("prune: %+v", st)
			}
			checkpoint(t, s)
			var av, free int
			s.db.QueryRow("PRAGMA auto_vacuum").Scan(&av)
			s.db.QueryRow("PRAGMA freelist_count").Scan(&free)
			if av != 2 || free != 0 {
				t.Errorf("after pruning: auto_vacuum %d, %d free pages; want 2, 0", av, free)
			}
			if after := fileSize(t, path); after > before/2 {
				t.Errorf("file %d bytes before pruning, %d after", before, after)
			}
			s.Close()
		})
	}
}

// seenAtPublication makes every article look first seen when it was
// published, as if herald had been following its feed all along.
func seenAtPublication(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`UPDATE articles SET seen = published`); err != nil {
		t.Fatal(err)
	}
}

func checkpoint(t *testing.T, s *Store) {
	t.Helper()
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if busy, err := s.truncateWAL(context.Background(), conn); err != nil || busy {
		t.Fatalf("checkpoint: busy %v, %v", busy, err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// A feed that sends new ids with every refresh cannot grow the store:
// its articles are capped and the ids remembered for it are bounded.
func TestPruneBoundsAFloodingFeed(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://flood.example/feed")[0]
	s.SetRetention(Retention{PerFeed: 50})
	for round := range 3 {
		var items []NewArticle
		for i := range maxTombstones/2 + 100 {
			items = append(items, NewArticle{GUID: fmt.Sprintf("r%d-%d", round, i), Title: "x", Published: time.Now().Add(-time.Duration(i) * time.Second)})
		}
		save(t, s, feed, items...)
		if _, err := s.Prune(); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.CountArticles(ArticleQuery{FeedID: feed})
	if err != nil || n != 50 {
		t.Errorf("%d articles, %v; want 50", n, err)
	}
	var tomb int
	if err := s.db.QueryRow(`SELECT count(*) FROM pruned WHERE feed_id = ?`, feed).Scan(&tomb); err != nil || tomb != maxTombstones {
		t.Errorf("%d tombstones, %v; want %d", tomb, err, maxTombstones)
	}
}

// Retention counts age from when herald first saw an article: the writer
// records it as it inserts, and an insert that does not (an older herald,
// a hand-made row) gets it from the trigger.
func TestArticlesRecordWhenFirstSeen(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://example.org/feed")[0]
	before := time.Now().UnixMilli()
	save(t, s, feed, NewArticle{GUID: "g", Title: "old news", Text: "body", Published: daysAgo(400)})
	after := time.Now().UnixMilli()
	var seen int64
	if err := s.db.QueryRow(`SELECT seen FROM articles WHERE guid = 'g'`).Scan(&seen); err != nil {
		t.Fatal(err)
	}
	if seen < before || seen > after {
		t.Errorf("seen = %d; want the time of saving, in [%d, %d]", seen, before, after)
	}
	if _, err := s.db.Exec(`INSERT INTO articles(feed_id, guid, published, hash) VALUES (?, 'raw', 0, 'h')`, feed); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow(`SELECT seen FROM articles WHERE guid = 'raw'`).Scan(&seen); err != nil {
		t.Fatal(err)
	}
	// The trigger's julianday('now') can round a millisecond down, and a
	// fast save leaves no millisecond between before and the insert.
	if seen < before-1000 || seen > time.Now().UnixMilli()+1000 {
		t.Errorf("a row inserted without seen has seen = %d; want now (%d)", seen, before)
	}
}
