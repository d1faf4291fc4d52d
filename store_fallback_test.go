package main

import (
	"database/sql"
	"os"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// damageIndex scribbles over the root page of one index of the store at
// path, so that quick_check fails while the tables an export reads stay
// whole.
func damageIndex(t *testing.T, path, index string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = ?`, index).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := []byte(strings.Repeat("\xff\x00\x13", pageSize/3))
	if _, err := f.WriteAt(junk, int64((root-1)*pageSize)); err != nil {
		t.Fatal(err)
	}
}

// A damaged store is never written: herald fetch refuses with a message
// that names the file and what to do (exit 1), while export to stdout
// still reads it, with a warning.
func TestDamagedStoreIsReadOnly(t *testing.T) {
	f := newExportFixture(t)
	damageIndex(t, f.db, "articles_link")
	before, err := os.ReadFile(f.db)
	if err != nil {
		t.Fatal(err)
	}

	var out, errb strings.Builder
	code := run([]string{"--config", f.cfg, "fetch"}, strings.NewReader(""), &out, &errb)
	if code != exitFailure {
		t.Errorf("fetch on a damaged store: exit %d, want %d\n%s", code, exitFailure, errb.String())
	}
	for _, want := range []string{f.db, "cannot refresh", "will not write", ".recover"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("fetch stderr does not say %q:\n%s", want, errb.String())
		}
	}

	code, md, errOut := f.run(t, "--leader", "keir starmer", "-o", "-")
	if code != exitOK {
		t.Fatalf("export from a damaged store: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(md, "Keir Starmer") {
		t.Errorf("export lost its content:\n%s", md)
	}
	if !strings.Contains(errOut, "READ-ONLY") {
		t.Errorf("export gave no read-only warning:\n%s", errOut)
	}
	after, err := os.ReadFile(f.db)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("the damaged store was modified")
	}
}
