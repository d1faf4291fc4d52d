package store

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// manyAnnotated saves n annotated articles, oldest first: the oldest 100
// mention the person "old-hand", the others "newcomer"; all mention
// "country-x" and the word "common".
func manyAnnotated(t *testing.T, s *Store, n int) {
	t.Helper()
	fs := syncURLs(t, s, "https://a.example/rss")
	var items []NewArticle
	for i := 0; i < n; i++ {
		items = append(items, NewArticle{GUID: fmt.Sprint(i), Title: fmt.Sprintf("Story %d", i),
			Text: fmt.Sprintf("Common words in story %d.", i), Published: day(1).Add(time.Duration(i) * time.Minute)})
	}
	saved, err := s.SaveFeeds([]FeedUpdate{{FeedID: fs[0], Items: items}})
	if err != nil {
		t.Fatal(err)
	}
	var recs []AnnotationRecord
	for i, id := range saved[0].Changed {
		who := "newcomer"
		if i < 100 {
			who = "old-hand"
		}
		doc := nlp.Doc{Text: items[i].Text, Entities: []nlp.Entity{
			{Kind: nlp.KindPerson, ID: who, Name: who, Leader: true},
			{Kind: nlp.KindCountry, ID: "country-x", Name: "Country X"},
		}}
		recs = append(recs, AnnotationRecord{ArticleID: id, Title: items[i].Title, Text: items[i].Text, Version: "v", Doc: doc})
	}
	if err := s.SaveAnnotations(recs); err != nil {
		t.Fatal(err)
	}
}

// Under filters a picker counts the newest PickerSample articles; over the
// whole store it counts them all.
func TestEntityCountsUnderFiltersCountTheNewest(t *testing.T) {
	s := openTemp(t)
	n := PickerSample + 100
	manyAnnotated(t, s, n)
	all, err := s.EntityCounts(CountLeaders, ArticleQuery{})
	if err != nil || len(all) != 2 || all[0].ID != "newcomer" || all[0].Articles != PickerSample || all[1].Articles != 100 {
		t.Errorf("whole store: %+v, %v", all, err)
	}
	for name, q := range map[string]ArticleQuery{
		"unread":     {Unread: true},
		"country":    {Entities: []string{"country-x"}},
		"search":     {Search: "common "},
		"chip+words": {Entities: []string{"country-x"}, Search: "common words"},
	} {
		got, err := s.EntityCounts(CountLeaders, q)
		if err != nil || len(got) != 1 || got[0].ID != "newcomer" || got[0].Articles != PickerSample {
			t.Errorf("%s: %+v, %v; want newcomer in all %d newest", name, got, err, PickerSample)
		}
	}
	// A filter matching fewer articles than the sample counts them all.
	got, err := s.EntityCounts(CountCountries, ArticleQuery{Entities: []string{"old-hand"}})
	if err != nil || len(got) != 1 || got[0].Articles != 100 {
		t.Errorf("under old-hand: %+v, %v", got, err)
	}
}

// A picker under a search counts the same newest PickerSample hits
// whether they are found among the newest candidates (the window) or by
// gathering every hit.
func TestEntityCountsUnderSearchWindowAgrees(t *testing.T) {
	s := openTemp(t)
	manyAnnotated(t, s, PickerSample+100)
	saved := searchWindow
	defer func() { searchWindow = saved }()
	for _, q := range []ArticleQuery{
		{Search: "common"},
		{Search: "7"}, // a prefix: 7, 70-79, 700-799, 1700-1799
		{Search: "words 1", Entities: []string{"country-x"}},
		{Search: "story 5", Unread: true},
	} {
		var answers [][]EntityCount
		for _, window := range []int{1 << 30, PickerSample + 50, 100} {
			searchWindow = window
			c, err := s.EntityCounts(CountLeaders, q)
			if err != nil {
				t.Fatal(err)
			}
			answers = append(answers, c)
		}
		if len(answers[0]) == 0 {
			t.Errorf("%+v: no leaders", q)
		}
		for i, a := range answers[1:] {
			if !reflect.DeepEqual(a, answers[0]) {
				t.Errorf("%+v: window %d counted %+v, all hits %+v", q, i+1, a, answers[0])
			}
		}
	}
}

func TestCountArticlesUpTo(t *testing.T) {
	s := openTemp(t)
	manyAnnotated(t, s, 1500)
	for _, c := range []struct {
		name  string
		q     ArticleQuery
		n     int
		exact bool
	}{
		{"all", ArticleQuery{}, 1000, false},
		{"rare entity", ArticleQuery{Entities: []string{"old-hand"}}, 100, true},
		{"frequent entity", ArticleQuery{Entities: []string{"newcomer"}}, 1000, false},
		{"two entities", ArticleQuery{Entities: []string{"old-hand", "country-x"}}, 100, true},
		{"common word", ArticleQuery{Search: "common "}, 1000, false},
		{"word and chip", ArticleQuery{Search: "common ", Entities: []string{"old-hand"}}, 100, true},
		{"one story", ArticleQuery{Search: "story 7 "}, 1, true},
	} {
		n, exact, err := s.CountArticlesUpTo(c.q, 1000)
		if err != nil || n != c.n || exact != c.exact {
			t.Errorf("%s: %d, %v, %v; want %d, %v", c.name, n, exact, err, c.n, c.exact)
		}
		if c.exact {
			if full, _ := s.CountArticles(c.q); full != n {
				t.Errorf("%s: exact count %d, CountArticles %d", c.name, n, full)
			}
		}
	}
}
