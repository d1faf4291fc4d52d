package ui

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// savingLib counts annotations written to a real store.
type savingLib struct {
	*store.Store
	saves atomic.Int64
}

func (s *savingLib) SaveAnnotation(id int64, hash, version string, doc nlp.Doc) error {
	s.saves.Add(1)
	return s.Store.SaveAnnotation(id, hash, version, doc)
}

func (s *savingLib) SaveAnnotations(recs []store.AnnotationRecord) error {
	s.saves.Add(int64(len(recs)))
	return s.Store.SaveAnnotations(recs)
}

// TestRealStoreAnnotationSurvivesRestart runs the reader on a real store:
// the first opening annotates and caches, a restart finds the cache, and
// the read and starred flags persist.
func TestRealStoreAnnotationSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "herald.db")
	seed, err := os.ReadFile("testdata/seed-ukraine-talks.txt")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	feeds, err := st.SyncFeeds([]store.FeedConfig{{URL: "https://wire.example/rss", Title: "Wire"}})
	if err != nil {
		t.Fatal(err)
	}
	title := "Starmer hails ‘breakthrough’ on security guarantees after crunch White House Ukraine talks"
	if _, _, err := st.SaveArticles(feeds[0].ID, []store.NewArticle{{GUID: "seed", Link: "https://wire.example/seed",
		Title: title, Published: fixedNow.Add(-time.Hour), Text: string(seed)}}); err != nil {
		t.Fatal(err)
	}

	session := func() (*driver, *savingLib) {
		lib := &savingLib{Store: st}
		o := testOptions(lib)
		o.Annotator = nlp.Default()
		d := newDriver(t, o, 160, 48)
		openTitled(t, d, title)
		return d, lib
	}
	d, lib := session()
	if lib.saves.Load() != 1 || !d.state().Annotated {
		t.Fatalf("first opening: %d saves, annotated %v", lib.saves.Load(), d.state().Annotated)
	}
	statements := d.state().Statements
	d.keys("s")
	st.Close()

	if st, err = store.Open(path); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d, lib = session()
	if lib.saves.Load() != 0 {
		t.Errorf("a restart re-annotated (%d saves)", lib.saves.Load())
	}
	if !d.state().Annotated || d.state().Statements != statements {
		t.Errorf("after restart: annotated %v, %d statements, want %d", d.state().Annotated, d.state().Statements, statements)
	}
	art := d.state()
	if !art.Read || !art.Starred {
		t.Errorf("after restart: read %v starred %v, want both", art.Read, art.Starred)
	}
}
