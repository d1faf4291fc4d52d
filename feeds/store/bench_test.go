package store

// Benchmarks for the targets of issues 5, 6 and 16, on a store of
// annotated articles (3-8 entities and 2-5 statements each, ~2 KB of text):
//
//	go test -run '^$' -bench . -benchtime 20x ./feeds/store
//	HERALD_BENCH_ARTICLES=300000 go test -run '^$' -bench . -benchtime 20x ./feeds/store
//
// HERALD_BENCH_ARTICLES=N sets the size (default 100,000). The store is
// built once and kept in the temporary directory under a name that holds
// its size and the schema version, so later runs reuse it (building
// 300,000 articles takes minutes); HERALD_BENCH_DB=FILE keeps it in FILE
// instead.

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/herald-reader/herald/nlp"
)

const benchFeeds = 40

// benchArticles is the size of the benchmark store; HERALD_BENCH_ARTICLES
// overrides it for quicker runs.
var benchArticles = 100_000

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

// benchGeneration changes when the synthetic store's content changes, so
// that a cached store of the old content is not reused.
const benchGeneration = 1

// benchStore opens the shared 100k-article store, building it on first use.
func benchStore(b *testing.B) *Store {
	b.Helper()
	benchOnce.Do(func() {
		if v, err := strconv.Atoi(os.Getenv("HERALD_BENCH_ARTICLES")); err == nil && v > 0 {
			benchArticles = v
		}
		benchPath = os.Getenv("HERALD_BENCH_DB")
		if benchPath == "" {
			benchPath = filepath.Join(os.TempDir(), fmt.Sprintf("herald-bench-%d-schema%d-gen%d.db",
				benchArticles, len(migrations), benchGeneration))
		}
		if _, err := os.Stat(benchPath); err == nil {
			return // built by an earlier run
		}
		// Built under another name and renamed when complete, so that an
		// interrupted build is never taken for a store.
		tmp := benchPath + ".building"
		os.Remove(tmp)
		start := time.Now()
		if benchErr = buildBenchStore(tmp, benchArticles); benchErr != nil {
			return
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		benchErr = os.Rename(tmp, benchPath)
		fmt.Fprintf(os.Stderr, "built %d-article store %s in %v\n", benchArticles, benchPath, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	s, err := Open(benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchWorld is the vocabulary and the cast of the synthetic store.
type benchWorld struct {
	rng       *rand.Rand
	words     []string
	wordZipf  *rand.Zipf
	people    []nlp.Speaker // the first 40 are leaders
	peopleZ   *rand.Zipf
	countries []nlp.Speaker
	countryZ  *rand.Zipf
}

func newBenchWorld() *benchWorld {
	w := &benchWorld{rng: rand.New(rand.NewSource(1))}
	syll := []string{"ka", "lo", "mer", "tan", "vi", "sol", "dra", "pen", "qui", "ros", "bel", "nu", "zor", "fi", "gal", "hem"}
	for len(w.words) < 5000 {
		n := 1 + w.rng.Intn(3)
		var sb strings.Builder
		for i := 0; i < n; i++ {
			sb.WriteString(syll[w.rng.Intn(len(syll))])
		}
		w.words = append(w.words, sb.String())
	}
	w.wordZipf = rand.NewZipf(w.rng, 1.1, 2, uint64(len(w.words)-1))
	for i := 0; i < 300; i++ {
		name := fmt.Sprintf("Person%03d Surname%03d", i, i)
		w.people = append(w.people, nlp.Speaker{ID: fmt.Sprintf("person-%03d", i), Name: name, Leader: i < 40})
	}
	w.peopleZ = rand.NewZipf(w.rng, 1.2, 4, uint64(len(w.people)-1))
	for i := 0; i < 150; i++ {
		w.countries = append(w.countries, nlp.Speaker{ID: fmt.Sprintf("country-%03d", i), Name: fmt.Sprintf("Country%03d", i)})
	}
	w.countryZ = rand.NewZipf(w.rng, 1.2, 4, uint64(len(w.countries)-1))
	return w
}

func (w *benchWorld) sentence(sb *strings.Builder, n int) {
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.words[w.wordZipf.Uint64()])
	}
	sb.WriteString(". ")
}

// article makes one article and its annotation.
func (w *benchWorld) article(n int) (NewArticle, nlp.Doc) {
	var sb strings.Builder
	var doc nlp.Doc
	nPeople := 1 + w.rng.Intn(4)
	nCountries := 2 + w.rng.Intn(3)
	var cast []nlp.Speaker
	mention := func(kind string, e nlp.Speaker) {
		start := sb.Len()
		sb.WriteString(e.Name)
		doc.Entities = append(doc.Entities, nlp.Entity{Kind: kind, ID: e.ID, Name: e.Name, Leader: e.Leader,
			Text: e.Name, Start: start, End: sb.Len()})
		sb.WriteString(" ")
	}
	for i := 0; i < nPeople; i++ {
		p := w.people[w.peopleZ.Uint64()]
		cast = append(cast, p)
		for k := 0; k < 1+w.rng.Intn(3); k++ {
			mention(nlp.KindPerson, p)
			w.sentence(&sb, 12)
		}
	}
	for i := 0; i < nCountries; i++ {
		mention(nlp.KindCountry, w.countries[w.countryZ.Uint64()])
		w.sentence(&sb, 15)
	}
	for i := 0; i < 2+w.rng.Intn(4); i++ {
		sp := cast[w.rng.Intn(len(cast))]
		sb.WriteString("“")
		start := sb.Len()
		w.sentence(&sb, 20)
		end := sb.Len()
		sb.WriteString("” said ")
		sb.WriteString(sp.Name)
		sb.WriteString(".\n")
		speaker := sp
		doc.Statements = append(doc.Statements, nlp.Statement{Kind: nlp.KindDirect, Quote: sb.String()[start:end],
			Start: start, End: end, Speaker: &speaker, Cue: "said", Confidence: 0.9})
	}
	for sb.Len() < 2000 {
		w.sentence(&sb, 18)
	}
	text := sb.String()
	doc.Text = text
	var title strings.Builder
	w.sentence(&title, 7)
	published := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * 10 * time.Minute).
		Add(time.Duration(w.rng.Intn(120)) * time.Minute)
	return NewArticle{
		GUID: fmt.Sprintf("urn:bench:%d", n), Link: fmt.Sprintf("https://news.example/%d", n),
		Title: strings.TrimSpace(title.String()), Author: "Staff", Published: published, Text: text,
	}, doc
}

// buildBenchStore writes n articles with their annotations through the
// store's own insert and index code, in large transactions.
func buildBenchStore(path string, n int) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	// One connection with a big page cache for the bulk load.
	s.db.SetMaxOpenConns(1)
	if _, err := s.db.Exec(`PRAGMA cache_size = -262144`); err != nil {
		return err
	}
	var cfg []FeedConfig
	for i := 0; i < benchFeeds; i++ {
		cfg = append(cfg, FeedConfig{URL: fmt.Sprintf("https://feed%02d.example/rss", i), Title: fmt.Sprintf("Outlet %02d", i)})
	}
	feeds, err := s.SyncFeeds(cfg)
	if err != nil {
		return err
	}
	// The full-text triggers flush the index after every row; for a bulk
	// load it is much faster to drop them and rebuild the index once.
	var ftsTriggers []string
	rows, err := s.db.Query(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'bodies'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var q string
		if err := rows.Scan(&q); err != nil {
			rows.Close()
			return err
		}
		ftsTriggers = append(ftsTriggers, q)
	}
	rows.Close()
	for _, name := range []string{"bodies_fts_insert", "bodies_fts_delete", "bodies_fts_update"} {
		if _, err := s.db.Exec(`DROP TRIGGER IF EXISTS ` + name); err != nil {
			return err
		}
	}
	w := newBenchWorld()
	const batch = 5000
	for done := 0; done < n; done += batch {
		err := s.write(func(tx txn) error {
			aw, err := newArticleWriter(tx)
			if err != nil {
				return err
			}
			defer aw.close()
			for i := done; i < done+batch && i < n; i++ {
				it, doc := w.article(i)
				feed := feeds[w.rng.Intn(len(feeds))].ID
				hash := ContentHash(it.Title, it.Text)
				id, err := aw.insert(feed, it, hash, it.Published.UnixMilli(), it.Published.UnixMilli())
				if err != nil {
					return err
				}
				blob, err := encodeDoc(doc, it.Text)
				if err != nil {
					return err
				}
				if _, err := tx.Exec(`INSERT INTO annotations(hash, version, doc) VALUES (?, ?, ?)`, hash, nlp.Version, blob); err != nil {
					return err
				}
				if err := writeIndex(tx, id, hash, nlp.Version, doc); err != nil {
					return err
				}
				if w.rng.Intn(3) == 0 {
					if _, err := tx.Exec(`UPDATE articles SET read = 1 WHERE id = ?`, id); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if _, err := s.db.Exec(`INSERT INTO articles_fts(articles_fts) VALUES('rebuild')`); err != nil {
		return err
	}
	for _, q := range ftsTriggers {
		if _, err := s.db.Exec(q); err != nil {
			return err
		}
	}
	_, err = s.db.Exec(`PRAGMA optimize=0x10002`)
	return err
}

// topEntities returns the most mentioned leader and country of the store.
func topEntities(b *testing.B, s *Store) (leader, country string) {
	b.Helper()
	l, err := s.EntityCounts("leader", ArticleQuery{})
	if err != nil || len(l) == 0 {
		b.Fatal(l, err)
	}
	c, err := s.EntityCounts("country", ArticleQuery{})
	if err != nil || len(c) == 0 {
		b.Fatal(c, err)
	}
	// The second ones: realistic chips, not the entity in every article.
	return l[1].ID, c[1].ID
}

func BenchmarkOpenFirstPage(b *testing.B) {
	benchStore(b)
	for b.Loop() {
		s, err := Open(benchPath)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Feeds(); err != nil {
			b.Fatal(err)
		}
		if as, err := s.Articles(ArticleQuery{Limit: 200}); err != nil || len(as) != 200 {
			b.Fatal(len(as), err)
		}
		s.Close()
	}
}

func BenchmarkFeeds(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		if fs, err := s.Feeds(); err != nil || len(fs) != benchFeeds {
			b.Fatal(len(fs), err)
		}
	}
}

func BenchmarkArticlesPage(b *testing.B) {
	s := benchStore(b)
	queries := map[string]ArticleQuery{
		"all":     {Limit: 200},
		"unread":  {Unread: true, Limit: 200},
		"feed":    {FeedID: 1, Limit: 200},
		"page100": {Limit: 200, Offset: 20000},
	}
	for name, q := range queries {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if as, err := s.Articles(q); err != nil || len(as) != 200 {
					b.Fatal(len(as), err)
				}
			}
		})
	}
}

func BenchmarkCountArticles(b *testing.B) {
	s := benchStore(b)
	leader, country := topEntities(b, s)
	queries := map[string]ArticleQuery{
		"all":            {},
		"unread":         {Unread: true},
		"since":          {Since: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)},
		"leader+country": {Entities: []string{leader, country}},
	}
	for name, q := range queries {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if n, err := s.CountArticles(q); err != nil || n == 0 {
					b.Fatal(n, err)
				}
			}
		})
	}
}

// Opening a picker: store-wide, and with a chip already set.
func BenchmarkEntityCounts(b *testing.B) {
	s := benchStore(b)
	leader, country := topEntities(b, s)
	cases := []struct {
		name, kind string
		q          ArticleQuery
	}{
		{"leader/all", "leader", ArticleQuery{}},
		{"country/all", "country", ArticleQuery{}},
		{"person/all", "person", ArticleQuery{}},
		{"country/leader-chip", "country", ArticleQuery{Entities: []string{leader}}},
		{"leader/country-chip", "leader", ArticleQuery{Entities: []string{country}}},
		{"leader/unread", "leader", ArticleQuery{Unread: true}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if ec, err := s.EntityCounts(c.kind, c.q); err != nil || len(ec) == 0 {
					b.Fatal(len(ec), err)
				}
			}
		})
	}
}

// Applying a leader and a country filter: the first page and its count.
func BenchmarkArticlesLeaderCountry(b *testing.B) {
	s := benchStore(b)
	leader, country := topEntities(b, s)
	q := ArticleQuery{Entities: []string{leader, country}, Limit: 200}
	for b.Loop() {
		as, err := s.Articles(q)
		if err != nil || len(as) == 0 {
			b.Fatal(len(as), err)
		}
		if _, err := s.CountArticles(q); err != nil {
			b.Fatal(err)
		}
	}
}

// A search: the first page and its count, for a common word, a rare word,
// a prefix, a person's name, two words, and a common word under a leader
// chip.
func BenchmarkSearch(b *testing.B) {
	s := benchStore(b)
	w := newBenchWorld()
	cases := map[string]string{
		"common": w.words[3],
		"rare":   w.words[3000],
		"prefix": w.words[40][:3],
		"name":   "Surname007",
		"two":    w.words[10] + " " + w.words[200],
	}
	leader, _ := topEntities(b, s)
	chips := map[string][]string{"common+leader": {leader}}
	cases["common+leader"] = w.words[3]
	for name, term := range cases {
		b.Run(name, func(b *testing.B) {
			q := ArticleQuery{Search: term, Entities: chips[name], Limit: 200}
			for b.Loop() {
				if _, err := s.Articles(q); err != nil {
					b.Fatal(err)
				}
				if _, err := s.CountArticles(q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Reading 10,000 statements, as an export under filters does.
func BenchmarkStatements10k(b *testing.B) {
	s := benchStore(b)
	leader, _ := topEntities(b, s)
	cases := []struct {
		name    string
		q       ArticleQuery
		speaker string
	}{
		{"all", ArticleQuery{}, ""},
		{"speaker", ArticleQuery{}, leader},
		{"speaker+chip", ArticleQuery{Entities: []string{leader}}, leader},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				rows, err := s.Statements(c.q, c.speaker, 10000)
				if err != nil || len(rows) == 0 {
					b.Fatal(len(rows), err)
				}
			}
		})
	}
}

func BenchmarkUnannotated(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		if _, err := s.Unannotated(nlp.Version, 100); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnnotationRoundTrip(b *testing.B) {
	s := benchStore(b)
	var id int64
	if err := s.queryRow(`SELECT max(id) FROM articles`).Scan(&id); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, ok, err := s.Annotation(id, nlp.Version); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}

// The issue 16 targets at 300,000 articles: a filter or a search's first
// page with a bounded count (CountArticlesUpTo 1,000), and pickers under
// chips and "unread".
func BenchmarkTargets(b *testing.B) {
	s := benchStore(b)
	leader, country := topEntities(b, s)
	common := newBenchWorld().words[3]
	pages := map[string]ArticleQuery{
		"page/leader+country": {Entities: []string{leader, country}, Limit: 200},
		"page/common+leader":  {Search: common, Entities: []string{leader}, Limit: 200},
		"page/common":         {Search: common, Limit: 200},
	}
	// A prefix's terms are listed once and kept until the index changes;
	// "new-prefix" lists them again each time, as a keystroke does.
	pages["page/common+leader/new-prefix"] = pages["page/common+leader"]
	for name, q := range pages {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if strings.HasSuffix(name, "new-prefix") {
					s.prefixes.mu.Lock()
					s.prefixes.terms = nil
					s.prefixes.mu.Unlock()
				}
				if as, err := s.Articles(q); err != nil || len(as) == 0 {
					b.Fatal(len(as), err)
				}
				if _, _, err := s.CountArticlesUpTo(q, 1000); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	pickers := []struct {
		name, kind string
		q          ArticleQuery
	}{
		{"picker/country+leader-chip", CountCountries, ArticleQuery{Entities: []string{leader}}},
		{"picker/leader+country-chip", CountLeaders, ArticleQuery{Entities: []string{country}}},
		{"picker/leader+unread", CountLeaders, ArticleQuery{Unread: true}},
		{"picker/country+leader-chip+unread", CountCountries, ArticleQuery{Entities: []string{leader}, Unread: true}},
		{"picker/leader+common", CountLeaders, ArticleQuery{Search: common}},
	}
	for _, c := range pickers {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if ec, err := s.EntityCounts(c.kind, c.q); err != nil || len(ec) == 0 {
					b.Fatal(len(ec), err)
				}
			}
		})
	}
}
