package digest

import (
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

type fakeSource struct {
	articles   []store.ArticleSummary
	statements map[string][]store.StatementRow // by speaker id; "" = all
	counts     map[string][]store.EntityCount
	gotQuery   store.ArticleQuery
}

func (f *fakeSource) Articles(q store.ArticleQuery) ([]store.ArticleSummary, error) {
	f.gotQuery = q
	return f.articles, nil
}

func (f *fakeSource) Statements(q store.ArticleQuery, speakerID string, limit int) ([]store.StatementRow, error) {
	return f.statements[speakerID], nil
}

func (f *fakeSource) EntityCounts(kind string, q store.ArticleQuery) ([]store.EntityCount, error) {
	return f.counts[kind], nil
}

func row(article int64, start int, speaker string) store.StatementRow {
	return store.StatementRow{ArticleID: article, Statement: nlp.Statement{Kind: nlp.KindDirect, Start: start,
		Quote: speaker + " speaks", Speaker: &nlp.Speaker{ID: speaker, Name: speaker}}}
}

func TestReportInterleavesSpeakersInArticleOrder(t *testing.T) {
	day := time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)
	src := &fakeSource{
		articles: []store.ArticleSummary{{ID: 2, Title: "newer", Published: day.Add(24 * time.Hour)}, {ID: 1, Title: "older", Published: day}},
		statements: map[string][]store.StatementRow{
			"a": {row(2, 50, "a"), row(1, 10, "a")},
			"b": {row(2, 5, "b"), row(1, 90, "b")},
		},
		counts: map[string][]store.EntityCount{
			store.CountPeople:    {{ID: "a", Name: "A", Kind: "person", Leader: true, Mentions: 3, Articles: 2}},
			store.CountCountries: {{ID: "fr", Name: "France", Kind: "country", Mentions: 5, Articles: 1}},
		},
	}
	rep, err := Report(src, store.ArticleQuery{Limit: 10, Offset: 5}, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if src.gotQuery.Limit != 0 || src.gotQuery.Offset != 0 {
		t.Errorf("an export covers every matching article, not a page: %+v", src.gotQuery)
	}
	var got []string
	for _, q := range rep.Statements {
		got = append(got, q.Article.Title+"/"+q.Statement.Speaker.ID)
	}
	want := []string{"newer/b", "newer/a", "older/a", "older/b"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if len(rep.Mentions) != 2 || rep.Mentions[0].Name != "France" || rep.Mentions[1].Kind != "leader" {
		t.Errorf("mentions = %+v", rep.Mentions)
	}
}
