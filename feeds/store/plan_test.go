package store

import (
	"reflect"
	"testing"
)

// The planner's alternative paths must give the same answers as the
// straightforward ones: big searches walked by date, entity-driven
// statements, and queries that must leave a dropped feed out.
func TestPlansAgree(t *testing.T) {
	f := newFixture(t)
	queries := []ArticleQuery{
		{Search: "keir"},
		{Search: "keir", Unread: true},
		{Search: "france", Limit: 1},
		{Search: "the", Entities: []string{"united-kingdom"}},
		{Entities: []string{"france"}},
		{Entities: []string{"france", "keir-starmer"}, Since: day(2)},
		{Entities: []string{"united-kingdom"}, FeedID: f.feed2},
	}
	type answer struct {
		ids        []int64
		n          int
		statements int
		countries  []EntityCount
	}
	run := func(q ArticleQuery) answer {
		t.Helper()
		as, err := f.s.Articles(q)
		if err != nil {
			t.Fatal(err)
		}
		n, err := f.s.CountArticles(q)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.s.Statements(q, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		c, err := f.s.EntityCounts("country", q)
		if err != nil {
			t.Fatal(err)
		}
		for i := range c {
			c[i].Name = ""
		}
		return answer{ids(as), n, len(st), c}
	}
	saved := bigSearch
	defer func() { bigSearch = saved }()
	for _, q := range queries {
		bigSearch = 1 << 30
		small := run(q)
		bigSearch = 0
		big := run(q)
		if !reflect.DeepEqual(small, big) {
			t.Errorf("%+v: hits looked up %+v, articles walked %+v", q, small, big)
		}
	}

	// With feed two dropped, every query leaves its articles out.
	bigSearch = saved
	if _, err := f.s.SyncFeeds([]FeedConfig{{URL: "https://one.example/rss"}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		q.FeedID = 0
		got := run(q)
		for _, id := range got.ids {
			if id == f.a3 || id == f.a4 {
				t.Errorf("%+v: dropped feed's article %d listed", q, id)
			}
		}
		if got.n != len(got.ids) && q.Limit == 0 {
			t.Errorf("%+v: count %d, listed %d", q, got.n, len(got.ids))
		}
	}
	if st, _ := f.s.Statements(ArticleQuery{}, "emmanuel-macron", 0); len(st) != 0 {
		t.Errorf("statements of a dropped feed listed: %+v", st)
	}
}

func TestStatementsByEntityWithoutSpeaker(t *testing.T) {
	f := newFixture(t)
	got, err := f.s.Statements(ArticleQuery{Entities: []string{"france"}}, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var quotes []string
	for _, r := range got {
		quotes = append(quotes, r.Statement.Quote)
	}
	if want := []string{"Europe", "Paris", "no"}; !reflect.DeepEqual(quotes, want) {
		t.Errorf("statements of France articles = %v; want %v", quotes, want)
	}
}

// A changed publication date moves the article in entity-filtered lists.
func TestDateChangeReordersFilteredLists(t *testing.T) {
	f := newFixture(t)
	a1, _ := f.s.Article(f.a1)
	save(t, f.s, f.feed1, NewArticle{GUID: a1.Title, Title: a1.Title, Text: a1.Text, Published: day(10)})
	got, err := f.s.Articles(ArticleQuery{Entities: []string{"keir-starmer"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), []int64{f.a1, f.a2}) {
		t.Errorf("Starmer articles after a1 moved to day 10 = %v; want a1 first", ids(got))
	}
	st, _ := f.s.Statements(ArticleQuery{}, "keir-starmer", 0)
	if len(st) != 2 || st[0].ArticleID != f.a1 {
		t.Errorf("Starmer statements after the date change = %+v; want a1's first", st)
	}
}

// Past the statement cache's bound everything still works, unprepared.
func TestWithoutStatementCache(t *testing.T) {
	saved := maxStmts
	maxStmts = 0
	defer func() { maxStmts = saved }()
	f := newFixture(t)
	if len(f.s.stmts) != 0 {
		t.Fatalf("%d statements cached past the bound", len(f.s.stmts))
	}
	got, err := f.s.Articles(ArticleQuery{Entities: []string{"keir-starmer", "france"}})
	if err != nil || !reflect.DeepEqual(ids(got), []int64{f.a2}) {
		t.Errorf("Articles = %v, %v", ids(got), err)
	}
	if err := f.s.SetRead(f.a1, true); err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.CountArticles(ArticleQuery{Unread: true}); err != nil || n != 4 {
		t.Errorf("unread = %d, %v; want 4", n, err)
	}
	if err := f.s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
}
