package store

import (
	"bytes"
	"compress/gzip"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/herald-reader/herald/nlp"
)

// The cached annotation does not repeat the article's text, and reading it
// back gives the very Doc the annotator made, text and all.
func TestAnnotationBlobLeavesTextOut(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss")
	text := "  “We will  not back down,” Keir Starmer said in London on Monday.\n\n\n\nThe Prime Minister of the United Kingdom met Emmanuel Macron.  \n"
	save(t, s, fs[0], NewArticle{GUID: "1", Title: "Starmer", Text: text, Published: day(1)})
	id := articleID(t, s, "Starmer")
	ann := nlp.Default()
	doc := ann.Annotate(text)
	if len(doc.Entities) == 0 || len(doc.Statements) == 0 || doc.Text == text {
		t.Fatalf("fixture: want entities, statements and a text that normalising changes: %+v", doc)
	}
	if err := s.SaveAnnotation(id, ContentHash("Starmer", text), ann.Version(), doc); err != nil {
		t.Fatal(err)
	}
	var blob []byte
	if err := s.db.QueryRow(`SELECT doc FROM annotations`).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(blob))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	for _, piece := range []string{"back down", "Prime Minister"} {
		if strings.Contains(string(raw), piece) {
			t.Errorf("stored annotation repeats the text (%q): %s", piece, raw)
		}
	}
	got, ok, err := s.Annotation(id, ann.Version())
	if err != nil || !ok {
		t.Fatalf("Annotation = %v, %v", ok, err)
	}
	for i := range doc.Entities {
		doc.Entities[i].Gender = "" // never stored: only the annotator uses it
	}
	if !reflect.DeepEqual(got, doc) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, doc)
	}
}

// A Doc whose annotation failed is never cached; a batch skips the
// articles that changed since they were read and saves the rest.
func TestSaveAnnotationsSkipsFailedAndChanged(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss")
	save(t, s, fs[0],
		NewArticle{GUID: "1", Title: "One", Text: "Emmanuel Macron spoke.", Published: day(1)},
		NewArticle{GUID: "2", Title: "Two", Text: "Keir Starmer spoke.", Published: day(2)},
		NewArticle{GUID: "3", Title: "Three", Text: "Olaf Scholz spoke.", Published: day(3)})
	one, two, three := articleID(t, s, "One"), articleID(t, s, "Two"), articleID(t, s, "Three")
	ann := nlp.Default()
	failed := ann.Annotate("Keir Starmer spoke.")
	failed.Failed = true
	recs := []AnnotationRecord{
		{ArticleID: one, Title: "One", Text: "Emmanuel Macron spoke.", Version: ann.Version(), Doc: ann.Annotate("Emmanuel Macron spoke.")},
		{ArticleID: two, Title: "Two", Text: "Keir Starmer spoke.", Version: ann.Version(), Doc: failed},
		{ArticleID: three, Title: "Three", Text: "an older text", Version: ann.Version(), Doc: ann.Annotate("an older text")},
	}
	if err := s.SaveAnnotations(recs); err != nil {
		t.Fatal(err)
	}
	un, err := s.Unannotated(ann.Version(), 0)
	if err != nil || !reflect.DeepEqual(un, []int64{three, two}) {
		t.Errorf("Unannotated = %v, %v; want [%d %d] (the changed one and the failed one)", un, err, three, two)
	}
	if err := s.SaveAnnotation(two, ContentHash("Two", "Keir Starmer spoke."), ann.Version(), failed); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Annotation(two, ann.Version()); ok {
		t.Error("a failed annotation was cached")
	}
	s.SetAnnotatorVersion(ann.Version())
	arts, _ := s.Articles(ArticleQuery{})
	for _, a := range arts {
		if a.Annotated != (a.ID == one) {
			t.Errorf("article %q: Annotated %v", a.Title, a.Annotated)
		}
	}
}
