package ui

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/herald-reader/herald/feeds/store"
)

// MuteRule hides the articles it matches from the reader (the list, J/K,
// A and the counts); the list says how many it hid.
type MuteRule struct {
	Match  string // a word or a phrase (whole words, any case), or a regular expression
	Regexp bool
	In     string // "title", "text" or "both" ("" = both)
	Feed   string // a feed's URL or title; "" = every feed
}

// ValidateMutes checks the rules; errors name the rule by its index.
func ValidateMutes(rules []MuteRule) error {
	for i, r := range rules {
		if strings.TrimSpace(r.Match) == "" {
			return fmt.Errorf("mute[%d]: match is empty", i)
		}
		switch r.In {
		case "", "title", "text", "both":
		default:
			return fmt.Errorf("mute[%d]: in must be \"title\", \"text\" or \"both\", not %q", i, r.In)
		}
		if r.Regexp {
			if _, err := regexp.Compile(r.Match); err != nil {
				return fmt.Errorf("mute[%d]: %v", i, err)
			}
		}
	}
	return nil
}

type muteMatcher struct {
	re           *regexp.Regexp
	title, text  bool
	feed         string
	searchWords  string // for the store's full-text search, "" for a regexp
	feedIDs      map[int64]bool
	feedResolved bool
}

func newMatcher(r MuteRule) *muteMatcher {
	m := &muteMatcher{title: r.In != "text", text: r.In != "title", feed: strings.TrimSpace(r.Feed)}
	if r.Regexp {
		m.re = regexp.MustCompile("(?i)" + r.Match)
	} else {
		words := strings.FieldsFunc(r.Match, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsNumber(c) })
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = regexp.QuoteMeta(w)
		}
		m.re = regexp.MustCompile(`(?i)(^|[^\pL\pN])` + strings.Join(quoted, `[^\pL\pN]+`) + `($|[^\pL\pN])`)
		m.searchWords = strings.Join(words, " ") + " " // a trailing space: no prefix search
	}
	return m
}

// mutedLibrary is a Library that hides what the rules match. It finds the
// muted articles once (and again when articles arrive) and gives their ids
// to the store's queries, which leave them out: a page of the list reads a
// page, never every summary.
type mutedLibrary struct {
	Library
	rules []*muteMatcher

	mu     sync.Mutex
	gen    int     // bumped when articles arrive or change
	mutedG int     // the generation muted is for
	muted  []int64 // the muted articles' ids, ascending
	// hidden is how many articles each query (by queryKey) left out at
	// its last count; a count from an earlier generation stays until the
	// query is counted again, so the list's title does not lose its
	// "· n muted" while a recount runs
	hidden map[string]hiddenCount
}

type hiddenCount struct{ n, gen int }

func newMutedLibrary(lib Library, rules []MuteRule) *mutedLibrary {
	ml := &mutedLibrary{Library: lib, mutedG: -1, hidden: map[string]hiddenCount{}}
	for _, r := range rules {
		ml.rules = append(ml.rules, newMatcher(r))
	}
	return ml
}

// invalidate forgets the muted articles: articles arrived or changed.
func (ml *mutedLibrary) invalidate() {
	ml.mu.Lock()
	ml.gen++
	if len(ml.hidden) > 256 { // queries seen long ago
		clear(ml.hidden)
	}
	ml.mu.Unlock()
}

func queryKey(q store.ArticleQuery) string {
	q.Limit, q.Offset = 0, 0
	return fmt.Sprintf("%+v", q)
}

// mutedIDs finds every muted article: titles from the summaries, text
// through the store's search, confirmed on the body.
func (ml *mutedLibrary) mutedIDs() ([]int64, error) {
	if ml.mutedG == ml.gen {
		return ml.muted, nil
	}
	muted := map[int64]bool{}
	feeds, err := ml.Library.Feeds()
	if err != nil {
		return nil, err
	}
	var all []store.ArticleSummary
	for _, r := range ml.rules {
		if r.feed != "" && !r.feedResolved {
			r.feedIDs = map[int64]bool{}
			for _, f := range feeds {
				if strings.EqualFold(f.URL, r.feed) || strings.EqualFold(f.Title, r.feed) {
					r.feedIDs[f.ID] = true
				}
			}
			r.feedResolved = true
		}
		inFeed := func(id int64) bool { return r.feed == "" || r.feedIDs[id] }
		if r.title {
			if err := ml.eachTitle(func(id, feedID int64, title string) {
				if inFeed(feedID) && r.re.MatchString(title) {
					muted[id] = true
				}
			}); err != nil {
				return nil, err
			}
		}
		if r.text {
			var cands []store.ArticleSummary
			if r.searchWords != "" {
				cands, err = ml.Library.Articles(store.ArticleQuery{Search: r.searchWords})
			} else {
				if all == nil {
					all, err = ml.Library.Articles(store.ArticleQuery{})
				}
				cands = all // a regular expression on the text reads every body
			}
			if err != nil {
				return nil, err
			}
			for _, c := range cands {
				if muted[c.ID] || !inFeed(c.FeedID) {
					continue
				}
				art, err := ml.Library.Article(c.ID)
				if err == nil && r.re.MatchString(art.Text) {
					muted[c.ID] = true
				}
			}
		}
	}
	ml.muted = slices.Sorted(maps.Keys(muted))
	ml.mutedG = ml.gen
	return ml.muted, nil
}

// titleLister is a Library that reads every title without summaries
// (the store).
type titleLister interface {
	EachTitle(fn func(id, feedID int64, title string) error) error
}

// eachTitle calls fn with every article's title: from the store in one
// light pass, else from the summaries.
func (ml *mutedLibrary) eachTitle(fn func(id, feedID int64, title string)) error {
	if tl, ok := ml.Library.(titleLister); ok {
		return tl.EachTitle(func(id, feedID int64, title string) error { fn(id, feedID, title); return nil })
	}
	all, err := ml.Library.Articles(store.ArticleQuery{})
	for _, a := range all {
		fn(a.ID, a.FeedID, a.Title)
	}
	return err
}

// Articles lists the articles matching q that are not muted.
func (ml *mutedLibrary) Articles(q store.ArticleQuery) ([]store.ArticleSummary, error) {
	q, err := ml.withoutMuted(q)
	if err != nil {
		return nil, err
	}
	return ml.Library.Articles(q)
}

// Feeds lists the feeds with counts that leave the muted articles out, so
// the feeds pane agrees with the list (the list says how many it hid).
func (ml *mutedLibrary) Feeds() ([]store.Feed, error) {
	fs, err := ml.Library.Feeds()
	if err != nil {
		return nil, err
	}
	ml.mu.Lock()
	ids, err := ml.mutedIDs()
	ml.mu.Unlock()
	if err != nil || len(ids) == 0 {
		return fs, err
	}
	byFeed, err := ml.countByFeed(store.ArticleQuery{IDs: ids})
	if err != nil {
		return nil, err
	}
	out := slices.Clone(fs)
	for i := range out {
		c := byFeed[out[i].ID]
		out[i].Unread = max(0, out[i].Unread-c.Unread)
		out[i].Total = max(0, out[i].Total-c.Total)
	}
	return out, nil
}

// exportMarker is a Library that records the articles an export quoted,
// so that retention keeps them (the store).
type exportMarker interface {
	MarkExported(ids []int64) error
}

// MarkExported passes the exported articles on to the library that keeps
// them: muting hides articles, it does not stop them being kept.
func (ml *mutedLibrary) MarkExported(ids []int64) error {
	if em, ok := ml.Library.(exportMarker); ok {
		return em.MarkExported(ids)
	}
	return nil
}

// feedCounter is a Library that counts a query's articles feed by feed
// in one query (the store).
type feedCounter interface {
	CountArticlesByFeed(q store.ArticleQuery) (map[int64]store.FeedCount, error)
}

// countByFeed counts q's articles feed by feed: in the store, else from
// the summaries.
func (ml *mutedLibrary) countByFeed(q store.ArticleQuery) (map[int64]store.FeedCount, error) {
	if fc, ok := ml.Library.(feedCounter); ok {
		return fc.CountArticlesByFeed(q)
	}
	arts, err := ml.Library.Articles(q)
	if err != nil {
		return nil, err
	}
	byFeed := map[int64]store.FeedCount{}
	for _, a := range arts {
		c := byFeed[a.FeedID]
		c.Total++
		if !a.Read {
			c.Unread++
		}
		byFeed[a.FeedID] = c
	}
	return byFeed, nil
}

// CountArticles counts the articles matching q that are not muted, and
// keeps how many it left out for Hidden.
func (ml *mutedLibrary) CountArticles(q store.ArticleQuery) (int, error) {
	n, _, err := ml.countUpTo(q, 0)
	return n, err
}

// CountArticlesUpTo is CountArticles that stops past limit unmuted
// articles (see store.CountArticlesUpTo).
func (ml *mutedLibrary) CountArticlesUpTo(q store.ArticleQuery, limit int) (int, bool, error) {
	return ml.countUpTo(q, limit)
}

// countUpTo counts the unmuted articles matching q up to limit (0: all).
// The muted ones among them are counted exactly (they are few), so the
// whole count stops at limit plus them.
func (ml *mutedLibrary) countUpTo(q store.ArticleQuery, limit int) (int, bool, error) {
	ml.mu.Lock()
	ids, err := ml.mutedIDs()
	gen := ml.gen
	ml.mu.Unlock()
	if err != nil {
		return 0, false, err
	}
	hidden := 0
	if len(ids) > 0 {
		hq := q
		hq.IDs = ids
		if q.IDs != nil {
			hq.IDs = intersect(q.IDs, ids)
		}
		if hidden, err = ml.Library.CountArticles(hq); err != nil {
			return 0, false, err
		}
	}
	var total int
	exact := true
	if limit > 0 {
		total, exact, err = ml.Library.CountArticlesUpTo(q, limit+hidden)
	} else {
		total, err = ml.Library.CountArticles(q)
	}
	if err != nil {
		return 0, false, err
	}
	ml.mu.Lock()
	if old, ok := ml.hidden[queryKey(q)]; !ok || old.gen <= gen {
		ml.hidden[queryKey(q)] = hiddenCount{hidden, gen}
	}
	ml.mu.Unlock()
	return total - hidden, exact, nil
}

// withoutMuted is q leaving the muted articles out.
func (ml *mutedLibrary) withoutMuted(q store.ArticleQuery) (store.ArticleQuery, error) {
	ml.mu.Lock()
	ids, err := ml.mutedIDs()
	ml.mu.Unlock()
	if len(ids) > 0 {
		q.NotIDs = append(slices.Clip(q.NotIDs), ids...)
	}
	return q, err
}

// EntityCounts counts the entities of the articles matching q that are
// not muted: a picker counts what the list shows.
func (ml *mutedLibrary) EntityCounts(kind string, q store.ArticleQuery) ([]store.EntityCount, error) {
	q, err := ml.withoutMuted(q)
	if err != nil {
		return nil, err
	}
	return ml.Library.EntityCounts(kind, q)
}

// Statements lists the statements of the articles matching q that are not
// muted.
func (ml *mutedLibrary) Statements(q store.ArticleQuery, speakerID string, limit int) ([]store.StatementRow, error) {
	q, err := ml.withoutMuted(q)
	if err != nil {
		return nil, err
	}
	return ml.Library.Statements(q, speakerID, limit)
}

// intersect is the ids of a that are in sorted b.
func intersect(a, b []int64) []int64 {
	out := []int64{}
	for _, id := range a {
		if _, ok := slices.BinarySearch(b, id); ok {
			out = append(out, id)
		}
	}
	return out
}

// Hidden is how many articles matching q the rules hid at its latest
// count (-1: not counted yet).
func (ml *mutedLibrary) Hidden(q store.ArticleQuery) int {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	if h, ok := ml.hidden[queryKey(q)]; ok {
		return h.n
	}
	return -1
}
