package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestOpenMigratesFromEmptyAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	v, err := s.schemaVersion()
	if err != nil || v != len(migrations) {
		t.Fatalf("schema version = %d, %v; want %d", v, err, len(migrations))
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys = %d, %v; want 1", fk, err)
	}
	var busy int
	if err := s.db.QueryRow("PRAGMA busy_timeout").Scan(&busy); err != nil || busy < 5000 {
		t.Fatalf("busy_timeout = %d, %v; want >= 5000", busy, err)
	}
	fi, err := os.Stat(filepath.Dir(path))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("parent dir mode = %v, %v; want 0700", fi.Mode().Perm(), err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	ids := syncURLs(t, s, "https://example.org/feed")
	save(t, s, ids[0], NewArticle{GUID: "g1", Title: "kept"})
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Re-opening applies nothing and keeps the data.
	for i := 0; i < 2; i++ {
		s, err = Open(path)
		if err != nil {
			t.Fatalf("re-Open %d: %v", i, err)
		}
		if v, _ := s.schemaVersion(); v != len(migrations) {
			t.Fatalf("schema version after re-open = %d", v)
		}
		n, err := s.CountArticles(ArticleQuery{})
		if err != nil || n != 1 {
			t.Fatalf("CountArticles after re-open = %d, %v; want 1", n, err)
		}
		s.Close()
	}
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(path)
	if err == nil || !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open of a newer schema: %v; want an error naming the path and saying newer", err)
	}
}

func TestOpenBadFilesNameThePath(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("this is not sqlite\n", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	asDir := filepath.Join(dir, "adir.db")
	if err := os.Mkdir(asDir, 0o700); err != nil {
		t.Fatal(err)
	}
	blocked := filepath.Join(dir, "file")
	if err := os.WriteFile(blocked, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"garbage", garbage, "not a herald database"},
		{"directory", asDir, "is a directory"},
		{"parent is a file", filepath.Join(blocked, "herald.db"), "creating directory"},
		{"empty", "", "empty database path"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(tc.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded; want an error", tc.path)
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
				t.Fatalf("Open(%q) error = %q; want it to name the path and say %q", tc.path, err, tc.want)
			}
		})
	}
}

func TestOpenOddFileNames(t *testing.T) {
	for _, name := range []string{"what?.db", "100%.db", "a#b.db", "space d.db"} {
		path := filepath.Join(t.TempDir(), name)
		s, err := Open(path)
		if err != nil {
			t.Fatalf("Open(%q): %v", name, err)
		}
		syncURLs(t, s, "https://example.org/")
		s.Close()
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("database not created at %q: %v", path, err)
		}
	}
}

// Two handles on one file (as two herald processes would have) write at
// the same time; both succeed and nothing is lost.
func TestTwoHandlesWriteConcurrently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	ids := syncURLs(t, first, "https://a.example/", "https://b.example/")

	const rounds = 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*rounds)
	for h := 0; h < 2; h++ {
		wg.Add(1)
		go func(h int) {
			defer wg.Done()
			s, err := Open(path)
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			for i := 0; i < rounds; i++ {
				item := NewArticle{GUID: fmt.Sprintf("h%d-%d", h, i), Title: fmt.Sprintf("item %d of %d", i, h), Text: strings.Repeat("text ", 50)}
				if _, _, err := s.SaveArticles(ids[h], []NewArticle{item}); err != nil {
					errs <- fmt.Errorf("handle %d round %d: %w", h, i, err)
					return
				}
				if _, err := s.Feeds(); err != nil {
					errs <- err
					return
				}
			}
		}(h)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for h, id := range ids {
		n, err := first.CountArticles(ArticleQuery{FeedID: id})
		if err != nil || n != rounds {
			t.Errorf("feed %d has %d articles (%v); want %d", h, n, err, rounds)
		}
	}
	if err := first.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
}

func TestIntegrityCheck(t *testing.T) {
	s := openTemp(t)
	ids := syncURLs(t, s, "https://example.org/")
	save(t, s, ids[0], NewArticle{GUID: "1", Title: "One", Text: "first body"}, NewArticle{GUID: "2", Title: "Two", Text: "second"})
	save(t, s, ids[0], NewArticle{GUID: "1", Title: "One", Text: "first body, edited"})
	if err := s.IntegrityCheck(); err != nil {
		t.Fatalf("IntegrityCheck on a healthy store: %v", err)
	}
	// Break the search index behind the triggers' back.
	if _, err := s.db.Exec(`INSERT INTO articles_fts(rowid, title, text) VALUES (999, 'ghost', 'ghost')`); err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(); err == nil {
		t.Fatal("IntegrityCheck passed with a corrupt search index")
	}
}

// WriteTime adds up the time spent writing.
func TestWriteTimeGrows(t *testing.T) {
	s := openTemp(t)
	if s.WriteTime() != 0 {
		t.Fatalf("a store just opened has written for %s", s.WriteTime())
	}
	fs := syncURLs(t, s, "https://a.example/rss")
	before := s.WriteTime()
	if _, _, err := s.SaveArticles(fs[0], []NewArticle{{GUID: "1", Title: "One", Text: "Some text."}}); err != nil {
		t.Fatal(err)
	}
	if s.WriteTime() <= before {
		t.Errorf("WriteTime %s after saving an article, %s before", s.WriteTime(), before)
	}
}

// A write that panics leaves nothing behind: its changes are rolled back
// and the next write goes through at once, instead of waiting for a
// transaction that was never closed.
func TestAPanickingWriteReleasesTheStore(t *testing.T) {
	s := openTemp(t)
	func() {
		defer func() {
			if r := recover(); r != "broken" {
				t.Errorf("recovered %v; want the write's panic", r)
			}
		}()
		s.write(func(tx txn) error {
			if _, err := tx.Exec(`INSERT INTO feeds(url) VALUES ('https://broken.example/')`); err != nil {
				t.Error(err)
			}
			panic("broken")
		})
	}()
	start := time.Now()
	syncURLs(t, s, "https://next.example/rss")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the next write took %v", d)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM feeds WHERE url = 'https://broken.example/'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the panicking write's row: %d, %v; want rolled back", n, err)
	}
}
