package store

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/herald-reader/herald/nlp"
)

func TestAnnotationCache(t *testing.T) {
	f := newFixture(t)
	s := f.s
	a1, _ := s.Article(f.a1)

	doc, ok, err := s.Annotation(f.a1, nlp.Version)
	if err != nil || !ok {
		t.Fatalf("Annotation = %v, %v", ok, err)
	}
	want := makeDoc(a1.Text,
		[]ent{{"person", "keir-starmer", "Keir Starmer", true}, {"country", "united-kingdom", "United Kingdom", false}},
		map[string]*nlp.Speaker{"growth": starmer}, "growth")
	if !reflect.DeepEqual(doc, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", doc, want)
	}

	if _, ok, err := s.Annotation(f.a1, "other-version"); err != nil || ok {
		t.Errorf("Annotation(other version) = %v, %v; want not found", ok, err)
	}
	if _, ok, err := s.Annotation(f.a5, nlp.Version); err != nil || ok {
		t.Errorf("Annotation(unannotated) = %v, %v; want not found", ok, err)
	}

	// A stale result (hash no longer current) is dropped.
	stale := makeDoc("old text", []ent{{"person", "ghost", "Ghost", true}}, nil)
	if err := s.SaveAnnotation(f.a5, ContentHash("old", "old text"), nlp.Version, stale); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Annotation(f.a5, nlp.Version); ok {
		t.Error("stale annotation was stored")
	}
	if c, _ := s.EntityCounts("person", ArticleQuery{}); hasEntity(c, "ghost") {
		t.Error("stale annotation reached the entity index")
	}

	// Unannotated lists exactly the article without one, then none.
	un, err := s.Unannotated(nlp.Version, 0)
	if err != nil || !reflect.DeepEqual(un, []int64{f.a5}) {
		t.Fatalf("Unannotated = %v, %v; want [%d]", un, err, f.a5)
	}
	if un, _ := s.Unannotated("v-next", 2); len(un) != 2 || un[0] != f.a5 {
		t.Errorf("Unannotated(new version, 2) = %v; want the two newest", un)
	}
	a5, _ := s.Article(f.a5)
	if err := s.SaveAnnotation(f.a5, a5.Hash, nlp.Version, nlp.Doc{Text: a5.Text}); err != nil {
		t.Fatal(err)
	}
	if un, _ := s.Unannotated(nlp.Version, 0); len(un) != 0 {
		t.Errorf("Unannotated after annotating all = %v", un)
	}
	// Indexed under another version, older or newer, is not annotated.
	all, err := s.Articles(ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"0-older", "zz-newer"} {
		if un, err := s.Unannotated(v, 0); err != nil || len(un) != len(all) {
			t.Errorf("Unannotated(%q) = %v, %v; want all %d articles", v, un, err, len(all))
		}
	}
}

func TestReannotationReplacesIndex(t *testing.T) {
	f := newFixture(t)
	s := f.s
	a2, _ := s.Article(f.a2)
	doc := makeDoc(a2.Text,
		[]ent{{"person", "emmanuel-macron", "Emmanuel Macron", true}, {"country", "germany", "Germany", false}},
		map[string]*nlp.Speaker{"close": macron}, "close")
	if err := s.SaveAnnotation(f.a2, a2.Hash, nlp.Version, doc); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Articles(ArticleQuery{Entities: []string{"keir-starmer"}})
	if !reflect.DeepEqual(ids(got), []int64{f.a1}) {
		t.Errorf("after re-annotation, Starmer articles = %v; want only a1", ids(got))
	}
	st, err := s.Statements(ArticleQuery{FeedID: f.feed1}, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var quotes []string
	for _, r := range st {
		quotes = append(quotes, r.Statement.Quote)
	}
	if !reflect.DeepEqual(quotes, []string{"close", "growth"}) {
		t.Errorf("feed1 statements after re-annotation = %v; want [close growth]", quotes)
	}
	sum, _ := s.Articles(ArticleQuery{Entities: []string{"germany"}})
	if len(sum) != 1 || sum[0].Statements != 1 || sum[0].Leaders != 1 {
		t.Errorf("re-annotated summary = %+v", sum)
	}
	// The store-wide totals followed the replacement.
	c, _ := s.EntityCounts("leader", ArticleQuery{})
	if e := find(c, "keir-starmer"); e == nil || e.Articles != 1 || e.Mentions != 1 {
		t.Errorf("Starmer totals after re-annotation = %+v", e)
	}
	if e := find(c, "emmanuel-macron"); e == nil || e.Articles != 2 {
		t.Errorf("Macron totals after re-annotation = %+v", e)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
}

// A story carried by two feeds shares one cached annotation; reading it
// for the second article indexes that article too.
func TestSharedAnnotationIndexesSecondArticle(t *testing.T) {
	s := openTemp(t)
	ids := syncURLs(t, s, "https://one.example/", "https://two.example/")
	item := NewArticle{GUID: "same", Title: "Wire story", Text: "Keir Starmer said \"yes\".", Published: day(1)}
	save(t, s, ids[0], item)
	save(t, s, ids[1], item)
	var first, second int64
	if err := s.db.QueryRow(`SELECT min(id), max(id) FROM articles`).Scan(&first, &second); err != nil {
		t.Fatal(err)
	}
	doc := makeDoc(item.Text, []ent{{"person", "keir-starmer", "Keir Starmer", true}}, map[string]*nlp.Speaker{"yes": starmer}, "yes")
	if err := s.SaveAnnotation(first, ContentHash(item.Title, item.Text), nlp.Version, doc); err != nil {
		t.Fatal(err)
	}
	if un, _ := s.Unannotated(nlp.Version, 0); !reflect.DeepEqual(un, []int64{second}) {
		t.Fatalf("Unannotated = %v; want [%d]", un, second)
	}
	if _, ok, err := s.Annotation(second, nlp.Version); !ok || err != nil {
		t.Fatalf("Annotation(second) = %v, %v", ok, err)
	}
	if un, _ := s.Unannotated(nlp.Version, 0); len(un) != 0 {
		t.Errorf("Unannotated after reading the shared annotation = %v", un)
	}
	if n, _ := s.CountArticles(ArticleQuery{Entities: []string{"keir-starmer"}}); n != 2 {
		t.Errorf("%d articles indexed for Starmer; want 2", n)
	}
}

func TestEntityCounts(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name string
		kind string
		q    ArticleQuery
		want []EntityCount
	}{
		{"leaders, whole store", "leader", ArticleQuery{}, []EntityCount{
			{ID: "keir-starmer", Name: "Keir Starmer", Kind: "person", Leader: true, Mentions: 2, Articles: 2},
			{ID: "emmanuel-macron", Name: "Emmanuel Macron", Kind: "person", Leader: true, Mentions: 1, Articles: 1},
		}},
		{"people, whole store", "person", ArticleQuery{}, []EntityCount{
			{ID: "keir-starmer", Name: "Keir Starmer", Kind: "person", Leader: true, Mentions: 2, Articles: 2},
			{ID: "emmanuel-macron", Name: "Emmanuel Macron", Kind: "person", Leader: true, Mentions: 1, Articles: 1},
			{ID: "john-smith", Name: "John Smith", Kind: "person", Mentions: 1, Articles: 1},
		}},
		{"countries, whole store", "country", ArticleQuery{}, []EntityCount{
			{ID: "united-kingdom", Kind: "country", Mentions: 3, Articles: 3},
			{ID: "france", Name: "France", Kind: "country", Mentions: 3, Articles: 2},
		}},
		{"countries with a leader filter", "country", ArticleQuery{Entities: []string{"keir-starmer"}}, []EntityCount{
			{ID: "france", Name: "France", Kind: "country", Mentions: 2, Articles: 1},
			{ID: "united-kingdom", Name: "United Kingdom", Kind: "country", Mentions: 1, Articles: 1},
		}},
		{"leaders in one feed", "leader", ArticleQuery{FeedID: f.feed2}, []EntityCount{
			{ID: "emmanuel-macron", Name: "Emmanuel Macron", Kind: "person", Leader: true, Mentions: 1, Articles: 1},
		}},
		{"leaders ignore the page limit", "leader", ArticleQuery{FeedID: f.feed1, Limit: 1}, []EntityCount{
			{ID: "keir-starmer", Name: "Keir Starmer", Kind: "person", Leader: true, Mentions: 2, Articles: 2},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.EntityCounts(tc.kind, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			// The name of a country mentioned under several names is one of them.
			for i := range got {
				if i < len(tc.want) && tc.want[i].Name == "" {
					got[i].Name = ""
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("EntityCounts(%s) =\n %+v\nwant\n %+v", tc.kind, got, tc.want)
			}
		})
	}
	if _, err := f.s.EntityCounts("planet", ArticleQuery{}); err == nil {
		t.Error("EntityCounts(unknown kind) succeeded")
	}
}

// The store-wide fast path and the grouped query must agree, including
// after a feed is dropped from the config.
func TestEntityTotalsMatchGroupedCounts(t *testing.T) {
	f := newFixture(t)
	for _, kind := range []string{"leader", "person", "country"} {
		fast, err := f.s.EntityCounts(kind, ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		entityKind := map[string]string{"leader": "person", "person": "person", "country": "country"}[kind]
		slow, err := f.s.groupedCounts(entityKind, kind == "leader", ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(fast) != len(slow) {
			t.Fatalf("%s: totals %+v, grouped %+v", kind, fast, slow)
		}
		for i := range fast {
			fast[i].Name, slow[i].Name = "", ""
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: totals %+v, grouped %+v", kind, fast, slow)
		}
	}
	if _, err := f.s.SyncFeeds([]FeedConfig{{URL: "https://two.example/rss"}}); err != nil {
		t.Fatal(err)
	}
	c, err := f.s.EntityCounts("leader", ArticleQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if hasEntity(c, "keir-starmer") || !hasEntity(c, "emmanuel-macron") {
		t.Errorf("leaders after dropping feed one = %+v; want only Macron", c)
	}
}

func TestStatements(t *testing.T) {
	f := newFixture(t)
	type row struct {
		article int64
		quote   string
		speaker string
	}
	tests := []struct {
		name    string
		q       ArticleQuery
		speaker string
		limit   int
		want    []row
	}{
		{"all, newest article first, text order", ArticleQuery{}, "", 0, []row{
			{f.a3, "Europe", "emmanuel-macron"}, {f.a2, "Paris", "keir-starmer"}, {f.a2, "no", ""}, {f.a1, "growth", "keir-starmer"}}},
		{"one speaker", ArticleQuery{}, "keir-starmer", 0, []row{
			{f.a2, "Paris", "keir-starmer"}, {f.a1, "growth", "keir-starmer"}}},
		{"speaker and country filter", ArticleQuery{Entities: []string{"united-kingdom"}}, "keir-starmer", 0, []row{
			{f.a1, "growth", "keir-starmer"}}},
		{"limit", ArticleQuery{}, "", 2, []row{
			{f.a3, "Europe", "emmanuel-macron"}, {f.a2, "Paris", "keir-starmer"}}},
		{"unknown speaker", ArticleQuery{}, "nobody", 0, nil},
		{"one article", ArticleQuery{ArticleID: f.a2}, "", 0, []row{
			{f.a2, "Paris", "keir-starmer"}, {f.a2, "no", ""}}},
		{"speaker, feed set and until", ArticleQuery{FeedIDs: []int64{f.feed1}, Until: day(2)}, "keir-starmer", 0, []row{
			{f.a1, "growth", "keir-starmer"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.Statements(tc.q, tc.speaker, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var rows []row
			for _, r := range got {
				sp := ""
				if r.Statement.Speaker != nil {
					sp = r.Statement.Speaker.ID
				}
				rows = append(rows, row{r.ArticleID, r.Statement.Quote, sp})
			}
			if !reflect.DeepEqual(rows, tc.want) {
				t.Errorf("Statements = %+v; want %+v", rows, tc.want)
			}
		})
	}
	got, _ := f.s.Statements(ArticleQuery{}, "emmanuel-macron", 0)
	if len(got) != 1 {
		t.Fatalf("Macron statements = %+v", got)
	}
	r := got[0]
	a3, _ := f.s.Article(f.a3)
	if r.ArticleTitle != "Macron and Europe" || r.FeedTitle != "https://two.example/rss" || !r.Published.Equal(day(3)) ||
		r.Statement.Speaker.Name != "Emmanuel Macron" || !r.Statement.Speaker.Leader || r.Statement.Cue != "said" ||
		r.Statement.Confidence != 0.8 || a3.Text[r.Statement.Start:r.Statement.End] != "Europe" {
		t.Errorf("statement row = %+v", r)
	}
}

func hasEntity(c []EntityCount, id string) bool { return find(c, id) != nil }

func find(c []EntityCount, id string) *EntityCount {
	for i := range c {
		if c[i].ID == id {
			return &c[i]
		}
	}
	return nil
}

// entity_totals is kept per batch by writeIndexes and per row by the
// delete trigger: through batches that share entities, a re-annotation
// and articles leaving the store, it always equals the index summed.
func TestEntityTotalsFollowTheIndex(t *testing.T) {
	s := openTemp(t)
	feeds := syncURLs(t, s, "https://one.example/rss", "https://two.example/rss")
	people := []ent{{"person", "keir-starmer", "Keir Starmer", true}, {"person", "john-smith", "John Smith", false},
		{"country", "france", "France", false}, {"person", "keir-starmer", "Starmer", false}}
	var recs []AnnotationRecord
	for i := range 12 {
		title, text := fmt.Sprintf("story %d", i), fmt.Sprintf("Keir Starmer, John Smith and France, take %d.", i)
		save(t, s, feeds[i%2], NewArticle{GUID: title, Title: title, Text: text, Published: day(i + 1)})
		var mentions []ent
		for j, p := range people {
			if (i+j)%3 != 0 {
				mentions = append(mentions, p)
			}
		}
		recs = append(recs, AnnotationRecord{ArticleID: articleID(t, s, title), Title: title, Text: text,
			Version: nlp.Version, Doc: makeDoc(text, mentions, nil)})
	}
	check := func(when string) {
		t.Helper()
		diff, err := s.db.Query(`SELECT kind, entity_id, leader_articles, mentions, articles FROM entity_totals
			EXCEPT SELECT kind, entity_id, sum(leader), sum(mentions), count(*) FROM article_entities GROUP BY kind, entity_id
			UNION ALL
			SELECT kind, entity_id, sum(leader), sum(mentions), count(*) FROM article_entities GROUP BY kind, entity_id
			EXCEPT SELECT kind, entity_id, leader_articles, mentions, articles FROM entity_totals`)
		if err != nil {
			t.Fatal(err)
		}
		defer diff.Close()
		for diff.Next() {
			var kind, id string
			var leaders, mentions, articles int
			if err := diff.Scan(&kind, &id, &leaders, &mentions, &articles); err != nil {
				t.Fatal(err)
			}
			t.Errorf("%s: totals and index disagree on %s %s (%d leader articles, %d mentions, %d articles)",
				when, kind, id, leaders, mentions, articles)
		}
	}
	if err := s.SaveAnnotations(recs[:7]); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAnnotations(recs[7:]); err != nil {
		t.Fatal(err)
	}
	check("after two batches")
	c, err := s.EntityCounts("leader", ArticleQuery{})
	if err != nil || !hasEntity(c, "keir-starmer") || c[0].Articles == 0 {
		t.Fatalf("leaders = %+v, %v", c, err)
	}

	again := recs[2]
	again.Doc = makeDoc(again.Text, []ent{{"country", "france", "France", false}}, nil)
	if err := s.SaveAnnotations([]AnnotationRecord{again, recs[3]}); err != nil {
		t.Fatal(err)
	}
	check("after re-annotating")

	if _, err := s.SyncFeeds([]FeedConfig{{URL: "https://one.example/rss"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM feeds WHERE url = 'https://two.example/rss'`); err != nil {
		t.Fatal(err)
	}
	check("after a feed's articles left")
}

// A speaker the article quotes without naming among its people and
// countries (a party, a newspaper) is still found by its statements, and
// stays out of the pickers.
func TestStatementsOfASpeakerOutsideTheEntities(t *testing.T) {
	f := newFixture(t)
	a5, err := f.s.Article(f.a5)
	if err != nil {
		t.Fatal(err)
	}
	party := &nlp.Speaker{ID: "labour-party", Name: "Labour Party"}
	doc := makeDoc(a5.Text, []ent{{"person", "volodymyr-zelensky", "Zelensky", true}},
		map[string]*nlp.Speaker{"Nothing": party, "résumé": party, "Zelensky": starmer}, "Nothing", "résumé", "Zelensky")
	if err := f.s.SaveAnnotation(f.a5, a5.Hash, nlp.Version, doc); err != nil {
		t.Fatal(err)
	}
	got, err := f.s.Statements(ArticleQuery{}, "labour-party", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Statement.Quote != "Nothing" || got[1].Statement.Quote != "résumé" || got[0].ArticleID != f.a5 {
		t.Errorf("Labour's statements = %+v; want a5's two, in text order", got)
	}
	st, err := f.s.Statements(ArticleQuery{}, "keir-starmer", 0)
	if err != nil || len(st) != 3 || st[0].ArticleID != f.a5 {
		t.Errorf("Starmer's statements = %+v, %v; want a5's first of three", st, err)
	}
	for _, kind := range []string{"person", "leader", "country"} {
		c, err := f.s.EntityCounts(kind, ArticleQuery{})
		if err != nil || hasEntity(c, "labour-party") {
			t.Errorf("%s picker = %+v, %v; want no speaker-only entity", kind, c, err)
		}
		c, err = f.s.EntityCounts(kind, ArticleQuery{FeedID: f.feed1})
		if err != nil || hasEntity(c, "labour-party") {
			t.Errorf("%s picker of feed one = %+v, %v; want no speaker-only entity", kind, c, err)
		}
	}
}

// A store of schema 7 (statements with two indexes of their own, totals
// kept by a trigger) is migrated: its statements are all still listed, by
// speaker too (from the annotation cache, since schema 9), a speaker who
// was not among an article's entities gets an index row, and the totals
// still equal the index.
func TestSchema7StoreStatementsAfterMigration(t *testing.T) {
	s := openAtSchema(t, 7, `
		INSERT INTO feeds(id, url, position) VALUES (1, 'https://x.example/', 0);
		INSERT INTO articles(id, feed_id, title, published, hash, ann_hash, ann_version, n_statements) VALUES
			(1, 1, 'Starmer', 1000, 'h1', 'h1', 'v', 1), (2, 1, 'Labour', 2000, 'h2', 'h2', 'v', 3);
		INSERT INTO bodies(id, title, text) VALUES (1, 'Starmer', 'growth'), (2, 'Labour', 'change no now');
		-- The cache as an older herald wrote it: plain JSON with the text.
		INSERT INTO annotations(hash, version, doc) VALUES
			('h1', 'v', '{"text": "growth", "entities": [], "statements": [
				{"kind": "direct", "quote": "growth", "start": 0, "end": 6, "speaker": {"id": "keir-starmer", "name": "Keir Starmer", "leader": true}}]}'),
			('h2', 'v', '{"text": "change no now", "entities": [], "statements": [
				{"kind": "direct", "quote": "change", "start": 0, "end": 6, "speaker": {"id": "labour-party", "name": "Labour Party"}},
				{"kind": "direct", "quote": "no", "start": 7, "end": 9},
				{"kind": "direct", "quote": "now", "start": 10, "end": 13, "speaker": {"id": "labour-party", "name": "Labour Party"}}]}');
		INSERT INTO article_entities(article_id, published, kind, entity_id, name, leader, mentions) VALUES
			(1, 1000, 'person', 'keir-starmer', 'Keir Starmer', 1, 2), (2, 2000, 'person', 'keir-starmer', 'Keir Starmer', 1, 1),
			-- One id under two kinds: its statements must still be listed once.
			(1, 1000, 'country', 'keir-starmer', 'Keir Starmer', 0, 1);
		INSERT INTO statements(article_id, seq, published, kind, speaker_id, speaker_name, speaker_leader, quote, q_start, q_end) VALUES
			(1, 0, 1000, 'direct', 'keir-starmer', 'Keir Starmer', 1, 'growth', 0, 6),
			(2, 0, 2000, 'direct', 'labour-party', 'Labour Party', 0, 'change', 0, 6),
			(2, 1, 2000, 'direct', '', '', 0, 'no', 7, 9),
			(2, 2, 2000, 'direct', 'labour-party', 'Labour Party', 0, 'now', 10, 13);`)
	for speaker, want := range map[string][]string{"": {"change", "no", "now", "growth"},
		"labour-party": {"change", "now"}, "keir-starmer": {"growth"}} {
		if got := quotesOf(t, s, speaker, false); !slices.Equal(got, want) {
			t.Errorf("statements of %q after migration = %q; want %q", speaker, got, want)
		}
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM entity_totals t WHERE articles <> (
		SELECT count(*) FROM article_entities e WHERE e.kind = t.kind AND e.entity_id = t.entity_id)`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d totals disagree with the index after migration (%v)", n, err)
	}
	if err := s.db.QueryRow(`SELECT articles FROM entity_totals WHERE entity_id = 'labour-party'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("Labour's total after migration = %d, %v; want 1 article", n, err)
	}
}

// A store that reached schema 8 as it was first released (the statements
// table rebuilt without its indexes and date) still migrates: its
// statements are listed from the cache, by speaker too.
func TestReleasedSchema8StoreMigrates(t *testing.T) {
	s := openAtSchema(t, 8, `
		DROP TABLE statements;
		CREATE TABLE statements (
			article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
			kind TEXT NOT NULL, speaker_id TEXT NOT NULL DEFAULT '', speaker_name TEXT NOT NULL DEFAULT '',
			speaker_leader INTEGER NOT NULL DEFAULT 0, quote TEXT NOT NULL, q_start INTEGER NOT NULL,
			q_end INTEGER NOT NULL, cue TEXT NOT NULL DEFAULT '', confidence REAL NOT NULL DEFAULT 0,
			PRIMARY KEY (article_id, seq)) WITHOUT ROWID;
		INSERT INTO feeds(id, url, position) VALUES (1, 'https://x.example/', 0);
		INSERT INTO articles(id, feed_id, title, published, hash, ann_hash, ann_version, n_statements) VALUES
			(1, 1, 'Starmer', 1000, 'h1', 'h1', 'v', 1);
		INSERT INTO bodies(id, title, text) VALUES (1, 'Starmer', 'growth');
		INSERT INTO annotations(hash, version, doc) VALUES
			('h1', 'v', '{"text": "growth", "entities": [], "statements": [
				{"kind": "direct", "quote": "growth", "start": 0, "end": 6, "speaker": {"id": "keir-starmer", "name": "Keir Starmer", "leader": true}}]}');
		INSERT INTO article_entities(article_id, published, kind, entity_id, name, leader, mentions) VALUES
			(1, 1000, 'person', 'keir-starmer', 'Keir Starmer', 1, 1);
		INSERT INTO statements(article_id, seq, kind, speaker_id, speaker_name, speaker_leader, quote, q_start, q_end) VALUES
			(1, 0, 'direct', 'keir-starmer', 'Keir Starmer', 1, 'growth', 0, 6);`)
	for _, speaker := range []string{"", "keir-starmer"} {
		if got := quotesOf(t, s, speaker, false); !slices.Equal(got, []string{"growth"}) {
			t.Errorf("statements of %q after migration = %q; want [growth]", speaker, got)
		}
	}
}

// Index rows built with a date that is not the article's (unknown, or
// changed since the text was read) are written with the stored date.
func TestIndexRowsTakeTheStoredDate(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://one.example/rss")[0]
	for i, title := range []string{"older", "newer"} {
		save(t, s, feed, NewArticle{GUID: title, Title: title, Text: "Keir Starmer spoke.", Published: day(i + 1)})
	}
	var recs []AnnotationRecord
	for _, title := range []string{"older", "newer"} {
		recs = append(recs, AnnotationRecord{ArticleID: articleID(t, s, title), Title: title, Text: "Keir Starmer spoke.",
			Version: nlp.Version, Published: day(40), // wrong for both
			Doc: makeDoc("Keir Starmer spoke.", []ent{{"person", "keir-starmer", "Keir Starmer", true}}, nil)})
	}
	if err := s.SaveAnnotations(recs); err != nil {
		t.Fatal(err)
	}
	var wrong int
	if err := s.db.QueryRow(`SELECT count(*) FROM article_entities e JOIN articles a ON a.id = e.article_id
		WHERE e.published <> a.published`).Scan(&wrong); err != nil || wrong != 0 {
		t.Errorf("%d index rows with another date than their article's (%v)", wrong, err)
	}
	got, err := s.Articles(ArticleQuery{Entities: []string{"keir-starmer"}})
	if err != nil || len(got) != 2 || got[0].Title != "newer" {
		t.Errorf("Starmer's articles = %+v, %v; want newer first", got, err)
	}
}

// A speaker's statements come from the articles where they speak, not
// from every article that mentions them: each index row counts what its
// entity said there, and the cached annotation gives the statements
// themselves, with their quotes, in text order.
func TestStatementsOnlyWhereTheSpeakerSpeaks(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://one.example/rss")[0]
	texts := map[string]string{
		"mentioned": "Keir Starmer was in Kyiv. Zelensky said: Ready.",
		"quoted":    "Keir Starmer said: Growth first. He added: Then peace.",
	}
	zelensky := &nlp.Speaker{ID: "volodymyr-zelensky", Name: "Zelensky", Leader: true}
	docs := map[string]nlp.Doc{
		"mentioned": makeDoc(texts["mentioned"], []ent{{"person", "keir-starmer", "Keir Starmer", true},
			{"person", "volodymyr-zelensky", "Zelensky", true}}, map[string]*nlp.Speaker{"Ready.": zelensky}, "Ready."),
		"quoted": makeDoc(texts["quoted"], []ent{{"person", "keir-starmer", "Keir Starmer", true}},
			map[string]*nlp.Speaker{"Growth first.": starmer, "Then peace.": starmer}, "Growth first.", "Then peace."),
	}
	for i, title := range []string{"quoted", "mentioned"} {
		save(t, s, feed, NewArticle{GUID: title, Title: title, Text: texts[title], Published: day(i + 1)})
		id := articleID(t, s, title)
		if err := s.SaveAnnotations([]AnnotationRecord{{ArticleID: id, Title: title, Text: texts[title],
			Version: nlp.Version, Doc: docs[title]}}); err != nil {
			t.Fatal(err)
		}
	}
	said := func(title, entity string) int {
		t.Helper()
		var n int
		if err := s.db.QueryRow(`SELECT said FROM article_entities WHERE article_id = ? AND entity_id = ?`,
			articleID(t, s, title), entity).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if m, q, z := said("mentioned", "keir-starmer"), said("quoted", "keir-starmer"), said("mentioned", "volodymyr-zelensky"); m != 0 || q != 2 || z != 1 {
		t.Errorf("statements counted in the index: Starmer %d where mentioned, %d where quoted; Zelensky %d; want 0, 2, 1", m, q, z)
	}
	for speaker, want := range map[string][]string{
		"keir-starmer":       {"quoted: Growth first.", "quoted: Then peace."},
		"volodymyr-zelensky": {"mentioned: Ready."},
		"":                   {"mentioned: Ready.", "quoted: Growth first.", "quoted: Then peace."},
	} {
		if got := quotesOf(t, s, speaker, true); !slices.Equal(got, want) {
			t.Errorf("statements of %q = %q; want %q", speaker, got, want)
		}
	}
	if rows, err := s.Statements(ArticleQuery{}, "", 2); err != nil || len(rows) != 2 {
		t.Errorf("statements with a limit of 2 = %d, %v", len(rows), err)
	}
}

// quotesOf lists the quotes of a speaker's statements ("": all) across
// the store, in Statements' order, each after its article's title when
// titled.
func quotesOf(t *testing.T, s *Store, speaker string, titled bool) []string {
	t.Helper()
	rows, err := s.Statements(ArticleQuery{}, speaker, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		q := r.Statement.Quote
		if titled {
			q = r.ArticleTitle + ": " + q
		}
		out = append(out, q)
	}
	return out
}
