// Package store keeps herald's feeds, articles, read and starred state and
// the annotation cache in one SQLite database (modernc.org/sqlite, no cgo).
//
// The database runs in WAL mode with a busy timeout, so a second herald
// process on the same file waits for the first one's writes instead of
// failing. Every multi-row write is one transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/xdg"
	"github.com/herald-reader/herald/internal/cpuwork"
	"modernc.org/sqlite"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned (wrapped) when a feed or article does not exist.
var ErrNotFound = errors.New("not found")

// busyTimeoutMS is how long a connection waits for another writer (this
// process or another herald) before giving up with "database is locked".
const busyTimeoutMS = 10000

// maxConns bounds the pool: WAL lets readers run beside the one writer.
const maxConns = 8

// Store is a handle on one herald database. Its methods are safe for
// concurrent use.
type Store struct {
	db   *sql.DB
	path string
	// wmu serialises this process's write transactions, so they queue in Go
	// instead of spinning in SQLite's busy handler; other processes are
	// still coordinated by SQLite's locks and busy_timeout.
	wmu sync.Mutex

	smu   sync.Mutex
	stmts map[string]*sql.Stmt // prepared statements by query text

	readOnly   string                 // why the store was opened read-only; "" when writable
	retention  Retention              // see SetRetention
	annVersion atomic.Pointer[string] // see SetAnnotatorVersion
	writeTime  atomic.Int64           // nanoseconds spent holding wmu, see WriteTime
	prefixes   prefixTerms            // see match
	ckpt       *checkpointer          // nil when read-only
}

// Open opens (creating if needed) the database at path, creating its parent
// directories with mode 0700, and brings the schema up to date.
func Open(path string) (*Store, error) {
	abs, err := absPath(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("store %s: creating directory: %w", abs, err)
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("store %s: is a directory, not a database file", abs)
	}
	if err := checkOwner(abs); err != nil {
		return nil, err
	}
	fresh := true
	if fi, err := os.Stat(abs); err == nil && fi.Size() > 0 {
		fresh = false
	}
	if fresh {
		// The first connection sets auto_vacuum, before the first page is
		// written. Only that one: on an existing file the pragma takes the
		// write lock, so every connection the pool opened later would
		// wait behind a busy writer (and a reader give up after
		// busyTimeoutMS).
		if err := create(abs); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", dsn(abs, false))
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", abs, err)
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s := &Store{db: db, path: abs, stmts: map[string]*sql.Stmt{}}
	if !fresh { // a file just created holds nothing to check
		if err := s.openCheck(); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, describe(abs, err)
	}
	if s.readOnly == "" {
		s.ckpt = startCheckpointer(s)
	}
	return s, nil
}

// create makes the database file with its first page written.
func create(abs string) error {
	db, err := sql.Open("sqlite", dsn(abs, true))
	if err != nil {
		return fmt.Errorf("store %s: %w", abs, err)
	}
	err = db.Ping()
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return describe(abs, err)
	}
	return nil
}

func absPath(path string) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", errors.New("store: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("store %s: %w", path, err)
	}
	return abs, nil
}

// escapePath makes path the path part of a SQLite URI, escaped so that
// '?', '#' and '%' in a file name cannot be read as URI syntax.
func escapePath(path string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path
	}
	return u.EscapedPath()
}

// dsn builds a SQLite URI for path; fresh is for a file that does not
// exist yet or is empty.
func dsn(path string, fresh bool) string {
	q := []string{
		"_txlock=immediate", // writers take the write lock up front: no upgrade deadlocks
		fmt.Sprintf("_pragma=busy_timeout(%d)", busyTimeoutMS),
		"_pragma=foreign_keys(1)",
	}
	if fresh {
		// Before the journal mode writes the first page: a new store frees
		// pages incrementally (see Prune). On an existing file the pragma
		// would take the write lock; an older store is converted by its
		// first vacuum instead.
		q = append(q, "_pragma=auto_vacuum(INCREMENTAL)")
	}
	q = append(q,
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		"_pragma=temp_store(MEMORY)", // statement journals and sorts stay off disk
		// A fetch writes a few MB per transaction; checkpointing (and
		// syncing) every 4 MB (the default) cost a third of its time.
		"_pragma=wal_autocheckpoint(8000)",
	)
	return "file:" + escapePath(path) + "?" + strings.Join(q, "&")
}

// describe turns a driver error met while opening into a message that names
// the file and says what is wrong in words a user can act on.
func describe(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 26: // SQLITE_NOTADB
			return fmt.Errorf("store %s: not a herald database, or the file is corrupt: %w", path, err)
		case 11: // SQLITE_CORRUPT
			return fmt.Errorf("store %s: the database is corrupt: %w", path, err)
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return fmt.Errorf("store %s: the database is locked by another process (another herald?) and stayed locked for %ds: %w", path, busyTimeoutMS/1000, err)
		case 14: // SQLITE_CANTOPEN
			return fmt.Errorf("store %s: cannot open the database file (check its permissions): %w", path, err)
		case 8: // SQLITE_READONLY
			return fmt.Errorf("store %s: the database is read-only (check its permissions): %w", path, err)
		case 13: // SQLITE_FULL
			return fmt.Errorf("store %s: the disk is full (free some space): %w", path, err)
		}
	}
	return fmt.Errorf("store %s: %w", path, err)
}

// Close closes the database.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	if s.ckpt != nil {
		s.ckpt.close()
	}
	// Let SQLite refresh its planner statistics where they are stale,
	// sampling a bounded number of rows so that closing stays quick.
	s.wmu.Lock()
	if conn, err := s.db.Conn(context.Background()); err == nil {
		if s.readOnly == "" {
			_, _ = conn.ExecContext(context.Background(), "PRAGMA analysis_limit = 1000")
			_, _ = conn.ExecContext(context.Background(), "PRAGMA optimize")
		}
		conn.Close()
	}
	s.wmu.Unlock()
	s.smu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.smu.Unlock()
	return s.db.Close()
}

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// maxStmts bounds the statement cache. Queries are fixed texts or built
// from a handful of filter shapes, so it is rarely reached; past it,
// queries run unprepared.
var maxStmts = 256

// errCacheFull tells stmt's callers to run the query unprepared.
var errCacheFull = errors.New("statement cache full")

// stmt returns the prepared statement for query, preparing it on first
// use. Compiling is the larger part of a small query's cost here: the
// triggers on the written tables are compiled with every statement.
func (s *Store) stmt(query string) (*sql.Stmt, error) {
	s.smu.Lock()
	defer s.smu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	if s.stmts == nil {
		return nil, errors.New("store: closed")
	}
	if len(s.stmts) >= maxStmts {
		return nil, errCacheFull
	}
	st, err := s.db.Prepare(query)
	if err != nil {
		return nil, err
	}
	s.stmts[query] = st
	return st, nil
}

// query runs a cached read statement.
func (s *Store) query(query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(query)
	if errors.Is(err, errCacheFull) {
		return s.db.Query(query, args...)
	}
	if err != nil {
		return nil, err
	}
	return st.Query(args...)
}

// queryRow runs a cached single-row read statement.
func (s *Store) queryRow(query string, args ...any) *sql.Row {
	st, err := s.stmt(query)
	if err != nil {
		return s.db.QueryRow(query, args...) // unprepared, or carries the same error
	}
	return st.QueryRow(args...)
}

// cached returns the prepared statement for query if there is one.
func (s *Store) cached(query string) (*sql.Stmt, bool) {
	s.smu.Lock()
	defer s.smu.Unlock()
	st, ok := s.stmts[query]
	return st, ok
}

// txn is a write transaction whose statements come from the store's cache.
// A statement not cached yet is prepared on the transaction itself (the
// pool may have no other connection to prepare it on) and cached once the
// transaction is over.
type txn struct {
	*sql.Tx
	s      *Store
	misses *[]string
}

func (t txn) Prepare(query string) (*sql.Stmt, error) {
	if st, ok := t.s.cached(query); ok {
		return t.Tx.Stmt(st), nil
	}
	*t.misses = append(*t.misses, query)
	return t.Tx.Prepare(query)
}

func (t txn) Exec(query string, args ...any) (sql.Result, error) {
	st, err := t.Prepare(query)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Exec(args...)
}

func (t txn) QueryRow(query string, args ...any) *sql.Row {
	st, err := t.Prepare(query)
	if err != nil {
		return t.Tx.QueryRow(query, args...) // carries the same error
	}
	// Not closed here: the Row still reads from it. The transaction closes
	// its statements when it ends.
	return st.QueryRow(args...)
}

func (t txn) Query(query string, args ...any) (*sql.Rows, error) {
	st, err := t.Prepare(query)
	if err != nil {
		return nil, err
	}
	return st.Query(args...)
}

// WriteTime is how long this process has spent writing (transactions and
// single write statements), in all: the store has one writer, which is
// what a refresh's speed comes down to, so the benchmarks report it.
func (s *Store) WriteTime() time.Duration { return time.Duration(s.writeTime.Load()) }

func (s *Store) unlockWrite(since time.Time) {
	s.writeTime.Add(int64(time.Since(since)))
	s.wmu.Unlock()
	if s.ckpt != nil {
		s.ckpt.committed()
	}
}

// write runs fn in one write transaction (BEGIN IMMEDIATE).
func (s *Store) write(fn func(tx txn) error) error {
	if s.readOnly != "" {
		return s.readOnlyErr()
	}
	s.wmu.Lock()
	defer s.unlockWrite(time.Now())
	defer cpuwork.Hold()() // see cpuwork: the others wait behind this writer
	sqlTx, err := s.db.Begin()
	if err != nil {
		return s.wrap(err)
	}
	defer func() {
		if r := recover(); r != nil {
			// Left open, the transaction would keep the write lock and
			// every later write would wait for it and fail.
			_ = sqlTx.Rollback()
			panic(r)
		}
	}()
	var misses []string
	tx := txn{Tx: sqlTx, s: s, misses: &misses}
	err = fn(tx)
	if err != nil {
		_ = tx.Rollback()
	} else {
		err = tx.Commit()
	}
	for _, q := range misses {
		_, _ = s.stmt(q) // a failure here shows again, and is reported, on next use
	}
	return s.wrapNil(err)
}

// exec runs one write statement outside an explicit transaction.
func (s *Store) exec(query string, args ...any) (sql.Result, error) {
	if s.readOnly != "" {
		return nil, s.readOnlyErr()
	}
	s.wmu.Lock()
	defer s.unlockWrite(time.Now())
	var r sql.Result
	st, err := s.stmt(query)
	switch {
	case errors.Is(err, errCacheFull):
		r, err = s.db.Exec(query, args...)
	case err == nil:
		r, err = st.Exec(args...)
	}
	if err != nil {
		return nil, s.wrap(err)
	}
	return r, nil
}

// wrap names the database in errors that come from SQLite, leaving errors
// the store made itself (ErrNotFound and friends) as they are.
func (s *Store) wrap(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return describe(s.path, err)
	}
	return err
}

// IntegrityCheck runs SQLite's integrity check, the full-text index's own
// check and a foreign key check; nil means the database is consistent.
func (s *Store) IntegrityCheck() error {
	rows, err := s.db.Query("PRAGMA integrity_check")
	if err != nil {
		return s.wrap(err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return s.wrap(err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.wrap(err)
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = append(problems[:5], fmt.Sprintf("... %d more", len(problems)-5))
		}
		return fmt.Errorf("store %s: integrity check failed: %s", s.path, strings.Join(problems, "; "))
	}
	if _, err := s.exec("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)"); err != nil {
		return fmt.Errorf("store %s: search index check failed: %w", s.path, err)
	}
	var fkTable string
	err = s.db.QueryRow("PRAGMA foreign_key_check").Scan(&fkTable)
	if err == nil {
		return fmt.Errorf("store %s: foreign key check failed in table %s", s.path, fkTable)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return s.wrap(err)
	}
	return nil
}

// DefaultPath is where herald keeps its database unless configured
// otherwise: herald/herald.db under the XDG data directory.
func DefaultPath() string {
	return filepath.Join(xdg.DataHome, "herald", "herald.db")
}
