package annotate

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var texts = []string{
	"“We will not back down,” Keir Starmer said in London. The United Kingdom will help.",
	"Emmanuel Macron met Olaf Scholz in Berlin. France and Germany agreed on the budget.",
	"Nothing political here: the bakery opened early and the bread sold out.",
}

// fill saves n articles over two feeds and returns the feed ids.
func fill(t testing.TB, st *store.Store, n int) []int64 {
	t.Helper()
	fs, err := st.SyncFeeds([]store.FeedConfig{{URL: "https://a.example/rss"}, {URL: "https://b.example/rss"}})
	if err != nil {
		t.Fatal(err)
	}
	for f, fd := range fs {
		var items []store.NewArticle
		for i := f; i < n; i += 2 {
			items = append(items, store.NewArticle{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Story %d", i),
				Text:      texts[i%len(texts)] + fmt.Sprintf(" Item %d.", i),
				Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)})
		}
		if _, _, err := st.SaveArticles(fd.ID, items); err != nil {
			t.Fatal(err)
		}
	}
	return []int64{fs[0].ID, fs[1].ID}
}

func TestMissingAnnotatesEverything(t *testing.T) {
	st := openStore(t)
	fill(t, st, 40)
	ann := nlp.Default()
	var calls, last int
	stats, err := Missing(context.Background(), st, ann, Options{Workers: 3, Progress: func(done, total int) {
		calls++
		if total != 40 || done < last {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	}})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Total != 40 || stats.Annotated != 40 || calls == 0 || last != 40 {
		t.Errorf("stats %+v, %d progress calls ending at %d", stats, calls, last)
	}
	if left, _ := st.Unannotated(ann.Version(), 0); len(left) != 0 {
		t.Errorf("%d articles left unannotated", len(left))
	}
	// The index is written: Starmer's articles are found by entity, and
	// the cached Doc is what the annotator makes of the article.
	starmer, err := st.Articles(store.ArticleQuery{Entities: []string{"keir-starmer"}})
	if err != nil || len(starmer) != 14 {
		t.Errorf("Starmer articles: %d, %v; want 14", len(starmer), err)
	}
	art, _ := st.Article(starmer[0].ID)
	doc, ok, err := st.Annotation(art.ID, ann.Version())
	want := ann.AnnotateArticle(art.Text, art.Published)
	if err != nil || !ok || doc.Text != want.Text || len(doc.Statements) != len(want.Statements) || len(doc.Statements) == 0 {
		t.Errorf("cached doc %+v (%v, %v), want %+v", doc, ok, err, want)
	}
	// Nothing left: a second run does nothing.
	if stats, err := Missing(context.Background(), st, ann, Options{}); err != nil || stats.Total != 0 {
		t.Errorf("second run: %+v, %v", stats, err)
	}
}

func TestMissingFiltersAndLimit(t *testing.T) {
	st := openStore(t)
	fs := fill(t, st, 20)
	ann := nlp.Default()
	stats, err := Missing(context.Background(), st, ann, Options{FeedID: fs[1]})
	if err != nil || stats.Annotated != 10 {
		t.Fatalf("feed b: %+v, %v", stats, err)
	}
	left, _ := st.Unannotated(ann.Version(), 0)
	if len(left) != 10 {
		t.Errorf("%d left after annotating feed b, want feed a's 10", len(left))
	}
	since := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).Add(16 * time.Hour)
	if stats, err := Missing(context.Background(), st, ann, Options{Since: since}); err != nil || stats.Annotated != 2 {
		t.Errorf("since hour 16: %+v, %v; want feed a's items 16 and 18", stats, err)
	}
	if stats, err := Missing(context.Background(), st, ann, Options{Limit: 3}); err != nil || stats.Annotated != 3 {
		t.Errorf("limit 3: %+v, %v", stats, err)
	}
	if left, _ := st.Unannotated(ann.Version(), 0); len(left) != 5 {
		t.Errorf("%d left, want 5", len(left))
	}
}

func TestMissingCancelled(t *testing.T) {
	st := openStore(t)
	fill(t, st, 30)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Missing(ctx, st, nlp.Default(), Options{})
	if err != context.Canceled {
		t.Errorf("err %v, want context.Canceled", err)
	}
}

// A store without batch saving gets one SaveAnnotation per article.
type plainStore struct {
	st    *store.Store
	saves int
}

func (p *plainStore) Unannotated(v string, limit int) ([]int64, error) {
	return p.st.Unannotated(v, limit)
}
func (p *plainStore) Article(id int64) (store.Article, error) { return p.st.Article(id) }
func (p *plainStore) Annotation(id int64, v string) (nlp.Doc, bool, error) {
	return p.st.Annotation(id, v)
}
func (p *plainStore) SaveAnnotation(id int64, hash, version string, doc nlp.Doc) error {
	p.saves++
	return p.st.SaveAnnotation(id, hash, version, doc)
}

func TestMissingWithoutBatches(t *testing.T) {
	st := openStore(t)
	fill(t, st, 6)
	p := &plainStore{st: st}
	var s Store = p
	if _, ok := s.(batchSaver); ok {
		t.Fatal("fixture: plainStore must not batch")
	}
	stats, err := Missing(context.Background(), p, nlp.Default(), Options{})
	if err != nil || stats.Annotated != 6 || p.saves != 6 {
		t.Errorf("%+v, %v, %d saves", stats, err, p.saves)
	}
}

// Article annotates and caches one article under the annotator's version.
func TestArticle(t *testing.T) {
	st := openStore(t)
	fill(t, st, 2)
	ids, _ := st.Unannotated("", 0)
	art, _ := st.Article(ids[0])
	ann := nlp.Default()
	doc, err := Article(st, ann, art)
	if err != nil || doc.Text == "" {
		t.Fatalf("Article: %+v, %v", doc, err)
	}
	if _, ok, _ := st.Annotation(art.ID, ann.Version()); !ok {
		t.Error("not cached under ann.Version()")
	}
	if _, ok, _ := st.Annotation(art.ID, nlp.Version); ok {
		t.Error("cached under the bare nlp.Version constant")
	}
}

// A story carried by a second feed reuses the annotation cached for the
// first one's identical content: indexed, not annotated again.
func TestMissingReusesCachedContent(t *testing.T) {
	st := openStore(t)
	fs, err := st.SyncFeeds([]store.FeedConfig{{URL: "https://a.example/rss"}, {URL: "https://b.example/rss"}})
	if err != nil {
		t.Fatal(err)
	}
	item := store.NewArticle{GUID: "wire-1", Title: "Wire story", Text: texts[0], Published: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	st.SaveArticles(fs[0].ID, []store.NewArticle{item})
	ann := nlp.Default()
	if s, err := Missing(context.Background(), st, ann, Options{}); err != nil || s.Annotated != 1 {
		t.Fatalf("first: %+v, %v", s, err)
	}
	st.SaveArticles(fs[1].ID, []store.NewArticle{item})
	s, err := Missing(context.Background(), st, ann, Options{})
	if err != nil || s.Reused != 1 || s.Annotated != 0 {
		t.Errorf("second: %+v, %v; want one reused", s, err)
	}
	if got, _ := st.Articles(store.ArticleQuery{Entities: []string{"keir-starmer"}}); len(got) != 2 {
		t.Errorf("%d Starmer articles, want both copies", len(got))
	}
}
