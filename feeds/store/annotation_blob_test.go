package store

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/json"
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
	if len(blob) == 0 || blob[0] != blobCompact {
		t.Fatalf("stored annotation is not in the compact form: % x", blob[:min(len(blob), 8)])
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(blob[1:])))
	if err != nil {
		t.Fatal(err)
	}
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

// Stores written before the compact form keep their cache: gzipped JSON
// with the text left out, and plain JSON holding the whole Doc, read back
// as they were written.
func TestAnnotationOlderBlobsStillRead(t *testing.T) {
	s := openTemp(t)
	fs := syncURLs(t, s, "https://a.example/rss")
	text := "“We will not back down,” Keir Starmer said in London on Monday."
	save(t, s, fs[0], NewArticle{GUID: "1", Title: "Starmer", Text: text, Published: day(1)})
	id := articleID(t, s, "Starmer")
	ann := nlp.Default()
	doc := ann.Annotate(text)
	for i := range doc.Entities {
		doc.Entities[i].Gender = ""
	}
	if len(doc.Entities) == 0 || len(doc.Statements) == 0 {
		t.Fatalf("fixture: want entities and statements: %+v", doc)
	}
	gz := func(v any) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		json.NewEncoder(zw).Encode(v)
		zw.Close()
		return buf.Bytes()
	}
	noText := storedDoc{FromBody: true, Entities: doc.Entities, Statements: doc.Statements}
	plain, _ := json.Marshal(doc)
	for name, blob := range map[string][]byte{"gzipped, text left out": gz(noText), "plain JSON": plain} {
		if _, err := s.db.Exec(`INSERT OR REPLACE INTO annotations(hash, version, doc) VALUES (?, ?, ?)`,
			ContentHash("Starmer", text), ann.Version(), blob); err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.Annotation(id, ann.Version())
		if err != nil || !ok || !reflect.DeepEqual(got, doc) {
			t.Errorf("%s: Annotation = %v, %v\n got %+v\nwant %+v", name, ok, err, got, doc)
		}
	}
}

// A damaged compact blob reads as no annotation (annotated again), never
// as a wrong one or a panic, however it is cut or changed.
func TestAnnotationDamagedBlob(t *testing.T) {
	ann := nlp.Default()
	text := "“We will not back down,” Keir Starmer said in London on Monday. Emmanuel Macron agreed."
	doc := ann.Annotate(text)
	blob, err := encodeDoc(doc, text)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeDoc(blob, text); err != nil {
		t.Fatalf("intact blob: %v", err)
	}
	for cut := 1; cut < len(blob); cut++ {
		if _, err := decodeDoc(blob[:cut], text); err == nil {
			t.Errorf("blob cut to %d of %d bytes decoded without error", cut, len(blob))
		}
		if _, err := decodeStatements(blob[:cut], text); err == nil {
			t.Errorf("blob cut to %d of %d bytes gave statements without error", cut, len(blob))
		}
	}
	for i := 1; i < len(blob); i++ {
		bad := bytes.Clone(blob)
		bad[i] ^= 0x55
		decodeDoc(bad, text) // must not panic; deflate may or may not notice
		decodeStatements(bad, text)
	}
}

// FuzzDecodeCompact: no body of a compact blob makes decoding panic.
func FuzzDecodeCompact(f *testing.F) {
	text := "“We will not back down,” Keir Starmer said."
	blob, _ := encodeDoc(nlp.Default().Annotate(text), text)
	raw, _ := io.ReadAll(flate.NewReader(bytes.NewReader(blob[1:])))
	f.Add(raw)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, body []byte) {
		var buf bytes.Buffer
		zw, _ := flate.NewWriter(&buf, flate.BestSpeed)
		zw.Write(body)
		zw.Close()
		blob := append([]byte{blobCompact}, buf.Bytes()...)
		doc, err := decodeDoc(blob, text)
		sts, serr := decodeStatements(blob, text)
		if err == nil && serr == nil && !reflect.DeepEqual(doc.Statements, sts) {
			t.Errorf("statements alone = %+v; the whole doc's = %+v", sts, doc.Statements)
		}
	})
}

// Reading the statements alone gives what reading the whole annotation
// gives, quotes filled in from the body included, for the compact form
// and for the older JSON one.
func TestStatementsAloneAsInTheWholeDoc(t *testing.T) {
	ann := nlp.Default()
	body := "Prime Minister Keir Starmer said on Monday that “we will not back down”. " +
		"President Emmanuel Macron told reporters: “France stands with Ukraine.” " +
		"Olaf Scholz said Germany would send more aid, according to officials."
	doc := ann.Annotate(body)
	if len(doc.Statements) < 2 {
		t.Fatalf("the annotator found %d statements; the test needs two or more", len(doc.Statements))
	}
	compact, err := encodeDoc(doc, body)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := json.Marshal(storedDoc{Text: doc.Text, Entities: doc.Entities, Statements: doc.Statements})
	if err != nil {
		t.Fatal(err)
	}
	for name, blob := range map[string][]byte{"compact": compact, "json": plain} {
		sts, err := decodeStatements(blob, body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(sts, doc.Statements) {
			t.Errorf("%s: statements alone = %+v; want %+v", name, sts, doc.Statements)
		}
	}
}

// Signed numbers read back as written, negative ones included.
func TestCompactIntsRoundTrip(t *testing.T) {
	in := []int{0, 1, -1, 63, -64, 123456, -987654, 1<<31 - 1, -1 << 31}
	var w docWriter
	for _, v := range in {
		w.int(v)
	}
	r := &docReader{r: bytes.NewReader(w.buf)}
	for _, want := range in {
		if got := r.int(); got != want || r.err != nil {
			t.Errorf("read %d (%v), wrote %d", got, r.err, want)
		}
	}
}

// Blobs are written uncompressed now; the compressed ones earlier
// versions wrote still read the same.
func TestCompressedBlobsStillRead(t *testing.T) {
	text := "“We will not back down,” Keir Starmer said in London, and France agreed."
	doc := nlp.Default().Annotate(text)
	blob, err := encodeDoc(doc, text)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(flate.NewReader(bytes.NewReader(blob[1:])))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(blob, body) {
		t.Errorf("the blob's body is compressed; want deflate's stored blocks")
	}
	var old bytes.Buffer
	zw, _ := flate.NewWriter(&old, flate.BestSpeed)
	zw.Write(body)
	zw.Close()
	stored, err := decodeDoc(blob, text)
	if err != nil || len(stored.Entities) != len(doc.Entities) || len(stored.Statements) != 1 {
		t.Fatalf("stored blob: %+v, %v; want %+v", stored, err, doc)
	}
	got, err := decodeDoc(append([]byte{blobCompact}, old.Bytes()...), text)
	if err != nil || !reflect.DeepEqual(got, stored) {
		t.Errorf("compressed blob: %+v, %v; want %+v", got, err, stored)
	}
}
