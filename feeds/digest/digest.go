// Package digest gathers what an export holds — the articles under a
// filter, their statements and the people and countries they mention —
// from the store, for `herald export` and the reader's export keys alike.
package digest

import (
	"sort"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp/report"
)

// Source is the part of the store an export reads; *store.Store has it.
type Source interface {
	Articles(q store.ArticleQuery) ([]store.ArticleSummary, error)
	Statements(q store.ArticleQuery, speakerID string, limit int) ([]store.StatementRow, error)
	EntityCounts(kind string, q store.ArticleQuery) ([]store.EntityCount, error)
}

// Report gathers the articles matching q and their statements: with
// speaker ids, those speakers' statements; otherwise every statement. Both
// newest article first. The table of mentions comes from the entity index,
// so no annotation is decoded. The caller sets Title, Filters and Generated.
func Report(lib Source, q store.ArticleQuery, speakerIDs []string) (report.Report, error) {
	q.Limit, q.Offset = 0, 0
	sums, err := lib.Articles(q)
	if err != nil {
		return report.Report{}, err
	}
	arts := make([]report.Article, len(sums))
	byID := make(map[int64]*report.Article, len(sums))
	order := make(map[int64]int, len(sums))
	for i, s := range sums {
		arts[i] = report.Article{Title: s.Title, Feed: s.FeedTitle, Link: s.Link, Published: s.Published}
		byID[s.ID] = &arts[i]
		order[s.ID] = i
	}
	mentions, err := indexedMentions(lib, q)
	if err != nil {
		return report.Report{}, err
	}
	var rows []store.StatementRow
	if len(speakerIDs) == 0 {
		if rows, err = lib.Statements(q, "", 0); err != nil {
			return report.Report{}, err
		}
	}
	for _, id := range speakerIDs {
		r, err := lib.Statements(q, id, 0)
		if err != nil {
			return report.Report{}, err
		}
		rows = append(rows, r...)
	}
	if len(speakerIDs) > 1 {
		sortByArticleOrder(rows, order)
	}
	quotes := make([]report.Quote, 0, len(rows))
	for _, r := range rows {
		a := byID[r.ArticleID]
		if a == nil { // written between the two queries
			a = &report.Article{Title: r.ArticleTitle, Feed: r.FeedTitle, Link: r.Link, Published: r.Published}
			byID[r.ArticleID] = a
		}
		quotes = append(quotes, report.Quote{Statement: r.Statement, Article: a})
	}
	return report.Report{Articles: arts, Statements: quotes, Mentions: mentions}, nil
}

// sortByArticleOrder interleaves several speakers' statements back into
// the articles' order, then text order.
func sortByArticleOrder(rows []store.StatementRow, order map[int64]int) {
	sort.SliceStable(rows, func(i, j int) bool {
		if oi, oj := order[rows[i].ArticleID], order[rows[j].ArticleID]; oi != oj {
			return oi < oj
		}
		return rows[i].Statement.Start < rows[j].Statement.Start
	})
}

// indexedMentions reads the table of people and countries from the entity
// index.
func indexedMentions(lib Source, q store.ArticleQuery) ([]report.Mention, error) {
	mentions := []report.Mention{}
	for _, kind := range []string{store.CountPeople, store.CountCountries} {
		counts, err := lib.EntityCounts(kind, q)
		if err != nil {
			return nil, err
		}
		for _, c := range counts {
			k := c.Kind
			if c.Leader {
				k = "leader"
			}
			mentions = append(mentions, report.Mention{Name: c.Name, Kind: k, Mentions: c.Mentions, Articles: c.Articles})
		}
	}
	report.SortMentions(mentions)
	return mentions, nil
}
