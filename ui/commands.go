package ui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/feeds/annotate"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// Messages carrying the results of I/O. Each names what it belongs to so
// that a result arriving after the user moved on is dropped.
type (
	feedsLoadedMsg struct {
		feeds []store.Feed
		err   error
	}
	countLoadedMsg struct {
		seq   int
		total int
		exact bool // false: there are more than total ("1,000+")
		err   error
	}
	pageLoadedMsg struct {
		seq   int
		page  int
		items []store.ArticleSummary
		err   error
	}
	articleLoadedMsg struct {
		seq       int
		id        int64
		art       store.Article
		doc       nlp.Doc
		annotated bool
		err       error
	}
	annotatedMsg struct {
		seq int
		id  int64
		doc nlp.Doc
		err error
	}
	backlogMsg struct {
		done int
		err  error
	}
	savedMsg struct {
		what string
		err  error
	}
	statusMsg struct {
		text  string
		isErr bool
	}
	clearStatusMsg struct{ id int }
)

// pageSize is how many article summaries one list query loads.
const pageSize = 100

// backlogBatch is how many unannotated articles one background step reads.
const backlogBatch = 25

func loadFeedsCmd(lib Library) tea.Cmd {
	return func() tea.Msg {
		fs, err := lib.Feeds()
		return feedsLoadedMsg{feeds: fs, err: err}
	}
}

// listCountBound is as far as the list counts its articles: past it the
// heading says "1,000+", and the store stops reading there, so that a
// count under a common word does not grow with the store.
const listCountBound = 1000

func loadCountCmd(lib Library, seq int, q store.ArticleQuery) tea.Cmd {
	return func() tea.Msg {
		n, exact, err := lib.CountArticlesUpTo(q, listCountBound)
		return countLoadedMsg{seq: seq, total: n, exact: exact, err: err}
	}
}

func loadPageCmd(lib Library, seq, page int, q store.ArticleQuery) tea.Cmd {
	return func() tea.Msg {
		q.Limit, q.Offset = pageSize, page*pageSize
		items, err := lib.Articles(q)
		return pageLoadedMsg{seq: seq, page: page, items: items, err: err}
	}
}

// loadArticleCmd reads one article's body and its cached annotation.
func loadArticleCmd(lib Library, ann *nlp.Annotator, seq int, id int64) tea.Cmd {
	return func() tea.Msg {
		art, err := lib.Article(id)
		if err != nil {
			return articleLoadedMsg{seq: seq, id: id, err: err}
		}
		doc, ok, err := lib.Annotation(id, annVersion(ann))
		if err != nil || !ok || doc.Text == "" {
			return articleLoadedMsg{seq: seq, id: id, art: art}
		}
		return articleLoadedMsg{seq: seq, id: id, art: art, doc: doc, annotated: true}
	}
}

// annVersion is the cache key of ann's annotations.
func annVersion(ann *nlp.Annotator) string {
	if ann == nil {
		return nlp.Version
	}
	return ann.Version()
}

// annotateCmd annotates an article off the UI loop and caches the result.
func annotateCmd(lib Library, ann *nlp.Annotator, seq int, art store.Article) tea.Cmd {
	return func() tea.Msg {
		doc, err := annotate.Article(lib, ann, art)
		return annotatedMsg{seq: seq, id: art.ID, doc: doc, err: err}
	}
}

// backlogCmd annotates a batch of articles that have no annotation for the
// current annotator version, so the list can show statement and leader
// counts. It runs in the background; the list reloads after each batch.
// A refresh annotates what it fetched, so there is rarely a backlog.
func backlogCmd(lib Library, ann *nlp.Annotator, limit int) tea.Cmd {
	return func() tea.Msg {
		stats, err := annotate.Missing(context.Background(), lib, ann, annotate.Options{Limit: limit})
		return backlogMsg{done: stats.Done(), err: err}
	}
}

func setReadCmd(lib Library, id int64, read bool) tea.Cmd {
	return func() tea.Msg { return savedMsg{what: "read state", err: lib.SetRead(id, read)} }
}

func setStarredCmd(lib Library, id int64, starred bool) tea.Cmd {
	return func() tea.Msg { return savedMsg{what: "star", err: lib.SetStarred(id, starred)} }
}

func clearStatusAfter(id int, d time.Duration) tea.Cmd {
	return tick(d, func(time.Time) tea.Msg { return clearStatusMsg{id: id} })
}

// tick is tea.Tick; tests replace it so that timers never fire.
var tick = tea.Tick

// emptyLibrary stands in when no library is given: nothing to show, and
// nothing that can fail.
type emptyLibrary struct{}

func (emptyLibrary) Feeds() ([]store.Feed, error)                                { return nil, nil }
func (emptyLibrary) Articles(store.ArticleQuery) ([]store.ArticleSummary, error) { return nil, nil }
func (emptyLibrary) CountArticles(store.ArticleQuery) (int, error)               { return 0, nil }
func (emptyLibrary) CountArticlesUpTo(store.ArticleQuery, int) (int, bool, error) {
	return 0, true, nil
}
func (emptyLibrary) Article(id int64) (store.Article, error) {
	return store.Article{}, fmt.Errorf("article %d: no library", id)
}
func (emptyLibrary) SetRead(int64, bool) error                           { return nil }
func (emptyLibrary) SetStarred(int64, bool) error                        { return nil }
func (emptyLibrary) MarkFeedRead(int64) error                            { return nil }
func (emptyLibrary) Annotation(int64, string) (nlp.Doc, bool, error)     { return nlp.Doc{}, false, nil }
func (emptyLibrary) SaveAnnotation(int64, string, string, nlp.Doc) error { return nil }
func (emptyLibrary) Unannotated(string, int) ([]int64, error)            { return nil, nil }
func (emptyLibrary) EntityCounts(string, store.ArticleQuery) ([]store.EntityCount, error) {
	return nil, nil
}
func (emptyLibrary) Statements(store.ArticleQuery, string, int) ([]store.StatementRow, error) {
	return nil, nil
}
