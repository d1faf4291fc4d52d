package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
	"github.com/muesli/termenv"
)

// The benchmarks run on a real store of benchArticles articles in 20
// feeds (HERALD_BENCH_ARTICLES=N sets the size; default 100,000), built
// once and kept in the temporary directory under a name that holds its
// size and the store's schema version; HERALD_UI_BENCH_DB=FILE keeps it in
// FILE instead.
var benchArticles = 100_000

var (
	benchOnce  sync.Once
	benchDir   string // unused: the store is kept between runs
	benchStore *store.Store
	benchErr   error
)

func bigStore(b *testing.B) *store.Store {
	b.Helper()
	benchOnce.Do(func() {
		if v, err := strconv.Atoi(os.Getenv("HERALD_BENCH_ARTICLES")); err == nil && v > 0 {
			benchArticles = v
		}
		p := os.Getenv("HERALD_UI_BENCH_DB")
		if p == "" {
			p = filepath.Join(os.TempDir(), fmt.Sprintf("herald-ui-bench-%d-schema%d.db", benchArticles, store.SchemaVersion()))
		}
		if _, err := os.Stat(p); err == nil {
			benchStore, benchErr = store.Open(p)
			return
		}
		start := time.Now()
		tmp := p + ".building"
		os.Remove(tmp)
		st, err := buildStore(tmp, benchArticles)
		if err != nil {
			benchErr = err
			return
		}
		if benchErr = st.Close(); benchErr != nil {
			return
		}
		if benchErr = os.Rename(tmp, p); benchErr != nil {
			return
		}
		benchStore, benchErr = store.Open(p)
		fmt.Fprintf(os.Stderr, "built a store of %d articles in %v\n", benchArticles, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

func buildStore(path string, n int) (*store.Store, error) {
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	var cfg []store.FeedConfig
	for i := 0; i < 20; i++ {
		cfg = append(cfg, store.FeedConfig{URL: fmt.Sprintf("https://feed%d.example/rss", i), Title: fmt.Sprintf("Feed %d", i)})
	}
	feeds, err := st.SyncFeeds(cfg)
	if err != nil {
		return nil, err
	}
	base := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	per := n / len(feeds)
	for fi, f := range feeds {
		for start := 0; start < per; start += 5000 {
			var items []store.NewArticle
			for i := start; i < per && i < start+5000; i++ {
				k := fi*per + i
				text, _ := benchArticle(k)
				items = append(items, store.NewArticle{
					GUID: fmt.Sprintf("g%d", k), Link: fmt.Sprintf("https://feed%d.example/a/%d", fi, i),
					Title: fmt.Sprintf("Story %d from feed %d about the summit", i, fi), Author: "Desk",
					Published: base.Add(-time.Duration(k) * time.Minute), Text: text,
				})
			}
			if _, _, err := st.SaveArticles(f.ID, items); err != nil {
				return nil, err
			}
		}
	}
	// Annotate every article (a hand-made annotation of its own text) so
	// that the entity index and the statements table are full.
	all, err := st.Articles(store.ArticleQuery{})
	if err != nil {
		return nil, err
	}
	var recs []store.AnnotationRecord
	for n, a := range all {
		var i, fi int
		if _, err := fmt.Sscanf(a.Title, "Story %d from feed %d", &i, &fi); err != nil {
			return nil, err
		}
		text, doc := benchArticle(fi*per + i)
		recs = append(recs, store.AnnotationRecord{ArticleID: a.ID, Title: a.Title, Text: text, Version: nlp.Default().Version(), Doc: doc})
		if len(recs) == 2000 || n == len(all)-1 {
			if err := st.SaveAnnotations(recs); err != nil {
				return nil, err
			}
			recs = recs[:0]
		}
	}
	if n, err := st.CountArticles(store.ArticleQuery{Entities: []string{"leader-00"}}); err != nil || n == 0 {
		return nil, fmt.Errorf("the benchmark annotations were not indexed (%d articles, %v)", n, err)
	}
	// Reopen, as a user's store is: closing refreshes the query planner's
	// statistics, without which the entity filters pick poor plans.
	if err := st.Close(); err != nil {
		return nil, err
	}
	return store.Open(path)
}

// benchLeaders and benchCountries are the cast of the benchmark store: a
// few leaders are in many articles, most in few.
const (
	benchLeaders   = 60
	benchCountries = 150
)

func benchLeaderName(i int) string  { return fmt.Sprintf("Leader%02d Surname%02d", i, i) }
func benchCountryName(i int) string { return fmt.Sprintf("Country%03d", i) }

// benchArticle is article k's text and its annotation: two leaders (one of
// seven frequent ones and one of the rest), a country, and a statement by
// the first leader.
func benchArticle(k int) (string, nlp.Doc) {
	a, b := k%7, 7+(k*31)%(benchLeaders-7)
	c := (k * 17) % benchCountries
	var sb strings.Builder
	var doc nlp.Doc
	ent := func(kind, id, name string, leader bool) {
		start := sb.Len()
		sb.WriteString(name)
		doc.Entities = append(doc.Entities, nlp.Entity{Kind: kind, ID: id, Name: name, Leader: leader, Text: name, Start: start, End: sb.Len()})
	}
	fmt.Fprintf(&sb, "%d President ", k)
	ent(nlp.KindPerson, fmt.Sprintf("leader-%02d", a), benchLeaderName(a), true)
	sb.WriteString(" met Chancellor ")
	ent(nlp.KindPerson, fmt.Sprintf("leader-%02d", b), benchLeaderName(b), true)
	sb.WriteString(" in ")
	ent(nlp.KindCountry, fmt.Sprintf("country-%03d", c), benchCountryName(c), false)
	sb.WriteString(". “")
	qs := sb.Len()
	sb.WriteString("We agree on the summit and its outcome")
	qe := sb.Len()
	sb.WriteString(",” he said. ")
	sb.WriteString(strings.Repeat("The talks went on late into the night over the summit. ", 4))
	doc.Text = sb.String()
	sp := &nlp.Speaker{ID: fmt.Sprintf("leader-%02d", a), Name: benchLeaderName(a), Leader: true}
	doc.Statements = []nlp.Statement{{Kind: nlp.KindDirect, Quote: doc.Text[qs:qe], Start: qs, End: qe, Speaker: sp, Cue: "said", Confidence: 0.9}}
	return doc.Text, doc
}

// countingLib counts article body loads.
type countingLib struct {
	Library
	bodies atomic.Int64
}

func (c *countingLib) Article(id int64) (store.Article, error) {
	c.bodies.Add(1)
	return c.Library.Article(id)
}

// BenchmarkStartup measures New, Init's loads and the first frame.
func BenchmarkStartup(b *testing.B) {
	st := bigStore(b)
	b.ReportAllocs()
	for b.Loop() {
		d := newDriver(b, testOptions(st), 200, 50)
		if v := d.m.View(); !strings.Contains(v, "Story 0 from feed 0") {
			b.Fatalf("first frame lacks the newest article:\n%s", v)
		}
	}
}

// trueColour paints in full colour for the rest of the benchmark, the
// costliest case (the tests otherwise draw without styling).
func trueColour(b *testing.B) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
}

// BenchmarkViewList and BenchmarkViewReader measure one View at 200×50.
func BenchmarkViewList(b *testing.B) {
	trueColour(b)
	d := newDriver(b, testOptions(bigStore(b)), 200, 50)
	d.keys("j", "j")
	b.ReportAllocs()
	for b.Loop() {
		_ = d.m.View()
	}
}

func BenchmarkViewReader(b *testing.B) {
	trueColour(b)
	st := bigStore(b)
	first, err := st.Articles(store.ArticleQuery{Limit: 1})
	if err != nil || len(first) != 1 {
		b.Fatal(first, err)
	}
	art, err := st.Article(first[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.SaveAnnotation(art.ID, art.Hash, nlp.Default().Version(), nlp.Default().Annotate(art.Text)); err != nil {
		b.Fatal(err)
	}
	o := testOptions(st)
	o.Annotator = nlp.Default() // the cache is keyed by its version
	d := newDriver(b, o, 200, 50)
	d.keys("enter", "n")
	if !d.m.reader.annotated {
		b.Fatal("the article was not annotated")
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = d.m.View()
	}
}

// BenchmarkCursor moves through 1,000 rows of the big store and checks
// that no article body was loaded; it reports the heap in use after.
func BenchmarkCursor(b *testing.B) {
	lib := &countingLib{Library: bigStore(b)}
	d := newDriver(b, testOptions(lib), 200, 50)
	b.ReportAllocs()
	for b.Loop() {
		for i := 0; i < 1000; i++ {
			d.keys("j")
		}
		d.keys("g")
	}
	if n := lib.bodies.Load(); n != 0 {
		b.Fatalf("moving the cursor loaded %d article bodies", n)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
	if rss := rssMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
}

// rssMB is the process's resident memory from /proc (0 where there is none).
func rssMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb float64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb)
			return kb / 1024
		}
	}
	return 0
}

// benchMutes hides a tenth of the big store's articles by title.
var benchMutes = []MuteRule{{Match: `^Story \d*7 from`, Regexp: true, In: "title"}}

// BenchmarkStartupMuted is BenchmarkStartup with a mute rule: the muted
// articles are found, and the first page and the counts leave them out.
func BenchmarkStartupMuted(b *testing.B) {
	st := bigStore(b)
	b.ReportAllocs()
	for b.Loop() {
		o := testOptions(st)
		o.Mutes = benchMutes
		d := newDriver(b, o, 200, 50)
		if v := d.m.View(); !strings.Contains(v, "Story 0 from feed 0") || !strings.Contains(v, "muted") {
			b.Fatalf("first frame lacks the newest article or the muted count:\n%s", v)
		}
	}
}

// BenchmarkFilterMuted measures a new query under a mute rule (unread
// only, on and off): its page and counts, the muted articles known.
func BenchmarkFilterMuted(b *testing.B) {
	o := testOptions(bigStore(b))
	o.Mutes = benchMutes
	d := newDriver(b, o, 200, 50)
	b.ReportAllocs()
	for b.Loop() {
		d.keys("U")
		if v := d.m.View(); !strings.Contains(v, "[unread]") {
			b.Fatalf("unread filter not applied:\n%s", v)
		}
		d.keys("U")
	}
}
