package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// openTemp opens a fresh store in a test directory and closes it at the end.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// syncURLs configures feeds with the given URLs and returns their ids.
func syncURLs(t testing.TB, s *Store, urls ...string) []int64 {
	t.Helper()
	var cfg []FeedConfig
	for _, u := range urls {
		cfg = append(cfg, FeedConfig{URL: u})
	}
	fs, err := s.SyncFeeds(cfg)
	if err != nil {
		t.Fatalf("SyncFeeds: %v", err)
	}
	ids := make([]int64, len(fs))
	for i, f := range fs {
		ids[i] = f.ID
	}
	return ids
}

// save stores items and fails the test on error.
func save(t testing.TB, s *Store, feedID int64, items ...NewArticle) (added, updated int) {
	t.Helper()
	a, u, err := s.SaveArticles(feedID, items)
	if err != nil {
		t.Fatalf("SaveArticles: %v", err)
	}
	return a, u
}

// day returns noon UTC on the n-th day of 2026.
func day(n int) time.Time {
	return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n-1)
}

// ids extracts the ids of summaries.
func ids(as []ArticleSummary) []int64 {
	out := make([]int64, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

// articleID finds the id of the article with a given title.
func articleID(t testing.TB, s *Store, title string) int64 {
	t.Helper()
	var id int64
	if err := s.db.QueryRow(`SELECT id FROM articles WHERE title = ?`, title).Scan(&id); err != nil {
		t.Fatalf("no article %q: %v", title, err)
	}
	return id
}

// ent is shorthand for an entity mention.
type ent struct {
	kind, id, name string
	leader         bool
}

// makeDoc builds a Doc over text whose mentions and statements are placed
// at the first occurrence of their words (the store does not care where).
func makeDoc(text string, mentions []ent, quotes map[string]*nlp.Speaker, order ...string) nlp.Doc {
	d := nlp.Doc{Text: text}
	for _, m := range mentions {
		at := strings.Index(text, m.name)
		if at < 0 {
			at = 0
		}
		d.Entities = append(d.Entities, nlp.Entity{Kind: m.kind, ID: m.id, Name: m.name, Leader: m.leader,
			Text: m.name, Start: at, End: at + len(m.name)})
	}
	for _, q := range order {
		at := strings.Index(text, q)
		d.Statements = append(d.Statements, nlp.Statement{Kind: nlp.KindDirect, Quote: q, Start: at,
			End: at + len(q), Speaker: quotes[q], Cue: "said", Confidence: 0.8})
	}
	return d
}

// openAtSchema makes a store file at an older schema version (migrations
// 1 to version, as a herald of that time left it), runs setup on it, and
// opens it with this herald, which migrates it.
func openAtSchema(t *testing.T, version int, setup string) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "herald.db")
	db := rawDB(t, path)
	for i, m := range migrations[:version] {
		if _, err := db.Exec(m); err != nil {
			t.Fatalf("migration %d: %v", i+1, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d;", version) + setup); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a schema-%d store: %v", version, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
