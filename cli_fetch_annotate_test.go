package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// `herald fetch` leaves every article annotated under the annotator's
// version, with the entity index written.
func TestFetchAnnotatesEveryArticle(t *testing.T) {
	dir := isolate(t)
	good, _ := filepath.Abs(filepath.Join("testdata", "feeds", "rss2.xml"))
	cfg := fetchConfig(t, dir, "file://"+good)
	code, _, errOut := runCLI(t, "", "--config", cfg, "fetch")
	if code != exitOK {
		t.Fatalf("code %d, stderr:\n%s", code, errOut)
	}
	st, err := store.Open(filepath.Join(dir, "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.Articles(store.ArticleQuery{})
	if err != nil || len(all) == 0 {
		t.Fatalf("articles: %d, %v", len(all), err)
	}
	if want := fmt.Sprintf("%d articles annotated\n", len(all)); !strings.Contains(errOut, want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut)
	}
	ann := nlp.Default()
	if left, err := st.Unannotated(ann.Version(), 0); err != nil || len(left) != 0 {
		t.Errorf("%d of %d articles left unannotated (%v)", len(left), len(all), err)
	}
	st.SetAnnotatorVersion(ann.Version())
	all, _ = st.Articles(store.ArticleQuery{})
	for _, a := range all {
		if !a.Annotated {
			t.Errorf("article %q not marked annotated", a.Title)
		}
	}
}
