package nlp

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

var updateSnapshot = flag.Bool("update-snapshot", false, "record the annotator's output hash in testdata/snapshot.json")

// snapshot is the annotator's output over the corpus in testdata, recorded
// with the version that produced it.
type snapshot struct {
	Version string `json:"version"`
	Hash    string `json:"hash"`
}

// TestVersionKeysTheOutput fails when the annotator's output over the corpus
// changes while its Version stays the same: stored annotations are keyed by
// the version, so such a change would serve stale results from every cache.
// After bumping Version (or changing the embedded data, which changes
// Version() by itself), record the new output with
//
//	go test ./nlp -run TestVersionKeysTheOutput -update-snapshot
func TestVersionKeysTheOutput(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	more, _ := filepath.Glob(filepath.Join("testdata", "bench", "*.txt"))
	files = append(append(files, more...), filepath.Join("testdata", "seed-ukraine-talks.txt"))
	sort.Strings(files)
	h := sha256.New()
	enc := json.NewEncoder(h)
	a := Default()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := enc.Encode(a.Annotate(string(b))); err != nil {
			t.Fatal(err)
		}
	}
	got := snapshot{Version: a.Version(), Hash: hex.EncodeToString(h.Sum(nil))}
	path := filepath.Join("testdata", "snapshot.json")
	if *updateSnapshot {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (record it with -update-snapshot)", err)
	}
	var want snapshot
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	switch {
	case got.Hash != want.Hash && got.Version == want.Version:
		t.Fatalf("the annotator's output changed but its version is still %s: bump nlp.Version, then record the output with -update-snapshot", got.Version)
	case got != want:
		t.Fatalf("snapshot is of version %s, the annotator is %s: record its output with -update-snapshot", want.Version, got.Version)
	}
}

// A recovered panic's empty result is marked, so that no cache keeps it.
func TestFailedAnnotationIsMarked(t *testing.T) {
	a := &Annotator{} // no tables: findEntities returns nothing, findStatements panics
	doc := a.Annotate("Keir Starmer said: “We will act.”")
	if !doc.Failed {
		t.Skip("annotation did not fail on an empty annotator; nothing to check")
	}
	if len(doc.Entities) != 0 || len(doc.Statements) != 0 {
		t.Errorf("a failed annotation kept %d entities and %d statements", len(doc.Entities), len(doc.Statements))
	}
	if ok := Default().Annotate("Keir Starmer said: “We will act.”"); ok.Failed {
		t.Error("a normal annotation is marked failed")
	}
}
