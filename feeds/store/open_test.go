package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// rawDB opens path with no herald pragmas at all, as another application
// would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+escapePath(path))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestOpenRefusesAnotherApplicationsDatabase(t *testing.T) {
	dir := t.TempDir()
	withID := filepath.Join(dir, "other.sqlite")
	noID := filepath.Join(dir, "plain.sqlite")
	for path, setup := range map[string]string{
		withID: `PRAGMA application_id = 1179208772; CREATE TABLE feeds(x); CREATE TABLE articles(y); CREATE TABLE bodies(z);`,
		noID:   `PRAGMA user_version = 7; CREATE TABLE users(name TEXT); INSERT INTO users VALUES ('ann');`,
	} {
		db := rawDB(t, path)
		if _, err := db.Exec(setup); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	for _, path := range []string{withID, noID} {
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Open(path)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s) accepted another application's database", path)
		}
		if !errors.Is(err, ErrForeign) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "store.path") {
			t.Errorf("Open(%s): %v; want ErrForeign naming the file and what to do", path, err)
		}
		if _, err := OpenReadOnly(path, nil); !errors.Is(err, ErrForeign) {
			t.Errorf("OpenReadOnly(%s): %v; want ErrForeign", path, err)
		}
		after, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(before, after) {
			t.Errorf("%s was modified", path)
		}
		if _, err := os.Stat(path + "-wal"); err == nil {
			t.Errorf("%s got a write-ahead log", path)
		}
	}
}

func TestNewStoreIsHeraldsWithIncrementalVacuum(t *testing.T) {
	s := openTemp(t)
	var id, av int64
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&id); err != nil || id != applicationID {
		t.Errorf("application_id = %#x, %v; want %#x", id, err, applicationID)
	}
	if err := s.db.QueryRow("PRAGMA auto_vacuum").Scan(&av); err != nil || av != 2 {
		t.Errorf("auto_vacuum = %d, %v; want 2 (incremental)", av, err)
	}
}

// A store made before application ids (schema 1, id 0) is recognised by
// its tables, migrated and marked.
func TestOldStoreGetsTheApplicationID(t *testing.T) {
	s := openAtSchema(t, 1, "")
	var id int64
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&id); err != nil || id != applicationID {
		t.Errorf("application_id = %#x, %v; want %#x", id, err, applicationID)
	}
}

// A damaged store is refused for writing with a message that names the
// file and says what to do; it can still be opened for reading.
func TestOpenRefusesADamagedStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := syncURLs(t, s, "https://example.org/feed")
	for i := range 300 {
		save(t, s, ids[0], NewArticle{GUID: string(rune('a'+i%26)) + strings.Repeat("x", i), Title: "article", Text: strings.Repeat("words and more words ", 40), Published: day(1 + i%300)})
	}
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over a b-tree page in the middle of the file.
	const page = 4096
	mid := (len(data) / page / 2) * page
	for i := mid + 8; i < mid+page-8; i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open of a damaged store: %v; want ErrCorrupt", err)
	}
	for _, want := range []string{path, "will not write", ".recover"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if !CanReadInstead(err) {
		t.Error("CanReadInstead(damaged) = false")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, data) {
		t.Error("the damaged store was modified")
	}
	ro, err := OpenReadOnly(path, err)
	if err != nil {
		t.Fatalf("OpenReadOnly of the damaged store: %v", err)
	}
	defer ro.Close()
	if _, err := ro.Feeds(); err != nil {
		t.Errorf("Feeds on the read-only store: %v", err)
	}
	if err := ro.SetRead(1, true); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a write to the read-only store: %v; want ErrReadOnly", err)
	}
}

// Opening an up-to-date store takes no write lock: it does not wait for
// another process's long write transaction.
func TestOpenTakesNoWriteLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	other := rawDB(t, path)
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open beside a writer: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Open waited %s for the writer", d)
	}
	if _, err := s.Feeds(); err != nil {
		t.Errorf("reading beside a writer: %v", err)
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// A full disk or a read-only file leaves the store readable.
func TestReadOnlyFallback(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := syncURLs(t, s, "https://example.org/feed")
	save(t, s, ids[0], NewArticle{GUID: "g", Title: "kept", Text: "text"})
	// A write that hits the end of the disk (SQLITE_FULL).
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := conn.QueryRowContext(context.Background(), "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "PRAGMA max_page_count = "+itoa(pages)); err != nil {
		t.Fatal(err)
	}
	_, fullErr := conn.ExecContext(context.Background(), "INSERT INTO bodies(id, title, text) SELECT id + 1000, title, printf('%.*c', 200000, 'x') FROM bodies")
	conn.Close()
	if fullErr == nil {
		t.Fatal("no error from a write past max_page_count")
	}
	if !CanReadInstead(fullErr) {
		t.Fatalf("CanReadInstead(%v) = false", fullErr)
	}
	s.Close()
	ro, err := OpenReadOnly(path, errors.New("the disk is full"))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got := ro.ReadOnly(); !strings.Contains(got, "disk is full") {
		t.Errorf("ReadOnly() = %q", got)
	}
	n, err := ro.CountArticles(ArticleQuery{})
	if err != nil || n != 1 {
		t.Errorf("CountArticles = %d, %v; want 1", n, err)
	}
	if _, _, err := ro.SaveArticles(ids[0], []NewArticle{{GUID: "new", Title: "x"}}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SaveArticles on a read-only store: %v; want ErrReadOnly", err)
	}
	if _, err := ro.Prune(); err != nil {
		t.Errorf("Prune on a read-only store: %v; want a no-op", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// A store too large to check whole at every open is checked in part by
// Open and whole by Verify, at most once per period.
func TestVerifyFindsDamageOpenSkips(t *testing.T) {
	defer func(v int64) { fullCheckAtOpen = v }(fullCheckAtOpen)
	fullCheckAtOpen = 0
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(time.Hour); err != nil {
		t.Fatalf("Verify of a sound store: %v", err)
	}
	s.Close()
	db := rawDB(t, path)
	var root, pageSize int
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = 'article_entities_entity'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff, 0x00, 0x13}, pageSize/3), int64((root-1)*pageSize)); err != nil {
		t.Fatal(err)
	}
	f.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatalf("Open (partial check): %v", err)
	}
	defer s.Close()
	if err := s.Verify(time.Hour); err != nil {
		t.Fatalf("Verify within the period checked again: %v", err)
	}
	if err := s.Verify(0); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Verify of a damaged store: %v; want ErrCorrupt naming the file", err)
	}
}

// Readers of a store created by this process do not wait for its writer:
// only the connection that created the file set its creation pragmas
// (auto_vacuum would take the write lock on every connection the pool
// opened later).
func TestFreshStoreReadersDoNotWaitForWriter(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holding := make(chan struct{})
	release := make(chan struct{})
	go s.write(func(tx txn) error {
		close(holding)
		<-release
		return nil
	})
	<-holding
	defer close(release)
	start := time.Now()
	errs := make(chan error, maxConns-1)
	for range maxConns - 1 { // enough readers that the pool opens new connections
		go func() {
			_, err := s.CountArticles(ArticleQuery{Search: "word"})
			errs <- err
		}()
	}
	for range maxConns - 1 {
		select {
		case err := <-errs:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("a read waited %s for the writer", time.Since(start).Round(time.Millisecond))
		}
	}
}
