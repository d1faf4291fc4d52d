package store

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// applicationID marks a SQLite file as herald's (PRAGMA application_id,
// bytes 68–71 of the file): "HRLD".
const applicationID = 0x48524c44

// ErrCorrupt is returned (wrapped) by Open for a database that fails its
// quick check: herald refuses to write to it.
var ErrCorrupt = errors.New("the database is damaged")

// ErrReadOnly is returned (wrapped) by every write to a store opened with
// OpenReadOnly.
var ErrReadOnly = errors.New("the store is open read-only")

// ErrForeign is returned (wrapped) by Open for a SQLite file that belongs
// to another application. herald never modifies it.
var ErrForeign = errors.New("not a herald database")

// checkOwner refuses a file that is not herald's before SQLite is let
// near it (opening it for writing would already switch its journal mode):
// a file that is not SQLite at all, one whose application_id is another
// application's, and one without an id whose tables are not herald's.
// An empty or missing file is a new store.
func checkOwner(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return nil // let SQLite report it in its words
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	if n == 0 {
		return nil
	}
	if err != nil || !bytes.HasPrefix(head, []byte("SQLite format 3\x00")) {
		return fmt.Errorf("store %s: %w: the file is not a SQLite database (herald leaves it alone; set store.path to another file)", path, ErrForeign)
	}
	switch id := binary.BigEndian.Uint32(head[68:72]); id {
	case applicationID:
		return nil
	case 0:
	default:
		return fmt.Errorf("store %s: %w: the file belongs to another application (application_id %#x); herald leaves it alone: set store.path to another file", path, ErrForeign, id)
	}
	// No id: a herald store from before ids, a new one, or someone else's.
	db, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro")
	if err != nil {
		return nil
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil // corrupt or unreadable: quick_check and the driver say so
	}
	var tables []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) == nil {
			tables = append(tables, name)
		}
	}
	rows.Close()
	if len(tables) == 0 {
		return nil
	}
	for _, t := range []string{"feeds", "articles", "bodies"} {
		if !slices.Contains(tables, t) {
			if len(tables) > 5 {
				tables = append(tables[:5], "...")
			}
			return fmt.Errorf("store %s: %w: the file is another application's SQLite database (tables %s); herald leaves it alone: set store.path to another file", path, ErrForeign, strings.Join(tables, ", "))
		}
	}
	return nil
}

// fullCheckAtOpen is the largest store whose every page Open checks: a
// full quick_check reads the whole file (about 2 s for 20,000 articles),
// too slow for every start of the reader. Larger stores get the cheaper
// checks of openCheck at open and a full one from Verify.
var fullCheckAtOpen int64 = 32 << 20

// openCheck refuses a damaged store before anything is written to it. A
// small store is checked whole; a larger one has its feeds table checked
// (checking the articles table alone would cost 100 ms per 20,000
// articles at every start) and relies on Verify for the rest.
func (s *Store) openCheck() error {
	if fi, err := os.Stat(s.path); err != nil || fi.Size() <= fullCheckAtOpen {
		return s.quickCheck("PRAGMA quick_check")
	}
	return s.quickCheck("PRAGMA quick_check(feeds)")
}

// Verify checks every page of the store (PRAGMA quick_check) unless a
// check passed less than every ago, and records the pass. It returns an
// error wrapping ErrCorrupt for a damaged store: callers must then stop
// writing to it (open it with OpenReadOnly). herald fetch calls it daily.
func (s *Store) Verify(every time.Duration) error {
	if s.readOnly != "" {
		return nil
	}
	var last string
	if err := s.queryRow(`SELECT value FROM meta WHERE key = 'verified'`).Scan(&last); err == nil {
		if ms, err := strconv.ParseInt(last, 10, 64); err == nil && time.Since(time.UnixMilli(ms)) < every {
			return nil
		}
	}
	if err := s.quickCheck("PRAGMA quick_check"); err != nil {
		return err
	}
	_, err := s.exec(`INSERT OR REPLACE INTO meta(key, value) VALUES ('verified', ?)`, strconv.FormatInt(time.Now().UnixMilli(), 10))
	return err
}

// quickCheck runs a quick_check pragma and refuses a damaged database.
func (s *Store) quickCheck(pragma string) error {
	rows, err := s.db.Query(pragma)
	if err != nil {
		var se *sqlite.Error
		if errors.As(err, &se) && (se.Code()&0xff == 11 || se.Code()&0xff == 26) {
			return s.corrupt(err.Error())
		}
		return s.wrap(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return s.corrupt(err.Error())
		}
		if line != "ok" && len(problems) < 3 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return s.corrupt(err.Error())
	}
	if len(problems) > 0 {
		return s.corrupt(strings.Join(problems, "; "))
	}
	return nil
}

func (s *Store) corrupt(detail string) error {
	return fmt.Errorf("store %s: %w (%s). herald will not write to it. "+
		"Keep a copy, then recover what it holds with: sqlite3 %s .recover | sqlite3 recovered.db "+
		"and point store.path at recovered.db, or move the file aside to start afresh",
		s.path, ErrCorrupt, detail, s.path)
}

// CanReadInstead reports an error of Open after which the store may still
// be opened with OpenReadOnly: the disk is full or read-only, the file
// cannot be written, or it is damaged.
func CanReadInstead(err error) bool {
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrReadOnly) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 8, 10, 13, 14: // READONLY, IOERR, FULL, CANTOPEN
			return true
		}
	}
	return false
}

// OpenReadOnly opens an existing store for reading only, for when Open
// failed with an error CanReadInstead accepts: reason (that error) is what
// ReadOnly reports, and every write fails with ErrReadOnly. Nothing is
// written, not even the journal mode or planner statistics.
func OpenReadOnly(path string, reason error) (*Store, error) {
	abs, err := absPath(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("store %s: %w", abs, err)
	}
	if err := checkOwner(abs); err != nil {
		return nil, err
	}
	why := "the store cannot be written"
	if reason != nil {
		why = reason.Error()
	}
	var lastErr error
	// mode=ro reads the write-ahead log too; where even that cannot be
	// set up (no -shm file in a read-only directory), immutable=1 reads the
	// main file alone.
	for _, mode := range []string{"mode=ro", "mode=ro&immutable=1"} {
		db, err := sql.Open("sqlite", "file:"+escapePath(abs)+"?"+mode+
			fmt.Sprintf("&_pragma=busy_timeout(%d)&_pragma=query_only(1)&_pragma=temp_store(MEMORY)", busyTimeoutMS))
		if err != nil {
			lastErr = err
			continue
		}
		db.SetMaxOpenConns(maxConns)
		s := &Store{db: db, path: abs, stmts: map[string]*sql.Stmt{}, readOnly: why}
		v, err := s.schemaVersion()
		switch {
		case err != nil:
			lastErr = err
			db.Close()
			continue
		case v > len(migrations):
			db.Close()
			return nil, fmt.Errorf("store %s: schema version %d is newer than this herald knows (%d): upgrade herald", abs, v, len(migrations))
		case v < 1:
			db.Close()
			return nil, fmt.Errorf("store %s: cannot be read (%s) and holds no herald data yet", abs, why)
		}
		return s, nil
	}
	return nil, describe(abs, lastErr)
}

// ReadOnly returns why the store is open read-only, or "" when it is
// writable.
func (s *Store) ReadOnly() string { return s.readOnly }

// readOnlyErr is the error of a write to a read-only store.
func (s *Store) readOnlyErr() error {
	return fmt.Errorf("store %s: %w (%s)", s.path, ErrReadOnly, s.readOnly)
}

// migrationNeeded reads the schema version without taking the write lock:
// a store that is up to date is opened without writing anything, so an
// exporter never waits for another process's long write transaction.
func (s *Store) migrationNeeded() (bool, error) {
	v, err := s.schemaVersion()
	if err != nil {
		return false, err
	}
	if v > len(migrations) {
		return false, fmt.Errorf("schema version %d is newer than this herald knows (%d): upgrade herald", v, len(migrations))
	}
	return v < len(migrations), nil
}
