package ui

import (
	"fmt"
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

// mutedLibrary is a Library that hides what the rules match. It keeps the
// filtered list of the last query, so that paging through it is cheap, and
// forgets it whenever something may have changed.
type mutedLibrary struct {
	Library
	rules []*muteMatcher

	mu     sync.Mutex
	key    string // the query the cache is for
	shown  []store.ArticleSummary
	hidden int
	gen    int
	muted  map[int64]bool // by article id, for this generation
	mutedG int
}

func newMutedLibrary(lib Library, rules []MuteRule) *mutedLibrary {
	ml := &mutedLibrary{Library: lib, mutedG: -1}
	for _, r := range rules {
		ml.rules = append(ml.rules, newMatcher(r))
	}
	return ml
}

// invalidate forgets the cache: articles arrived or changed.
func (ml *mutedLibrary) invalidate() {
	ml.mu.Lock()
	ml.gen++
	ml.key = ""
	ml.mu.Unlock()
}

func queryKey(q store.ArticleQuery) string {
	q.Limit, q.Offset = 0, 0
	return fmt.Sprintf("%+v", q)
}

// mutedIDs finds every muted article: titles from the summaries, text
// through the store's search, confirmed on the body.
func (ml *mutedLibrary) mutedIDs() (map[int64]bool, error) {
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
			if all == nil {
				if all, err = ml.Library.Articles(store.ArticleQuery{}); err != nil {
					return nil, err
				}
			}
			for _, a := range all {
				if inFeed(a.FeedID) && r.re.MatchString(a.Title) {
					muted[a.ID] = true
				}
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
	ml.muted, ml.mutedG = muted, ml.gen
	return muted, nil
}

// filtered returns the articles matching q that are not muted.
func (ml *mutedLibrary) filtered(q store.ArticleQuery) ([]store.ArticleSummary, int, error) {
	k := queryKey(q) + fmt.Sprint(ml.gen)
	if k == ml.key {
		return ml.shown, ml.hidden, nil
	}
	muted, err := ml.mutedIDs()
	if err != nil {
		return nil, 0, err
	}
	q.Limit, q.Offset = 0, 0
	all, err := ml.Library.Articles(q)
	if err != nil {
		return nil, 0, err
	}
	shown := slices.DeleteFunc(all, func(a store.ArticleSummary) bool { return muted[a.ID] })
	ml.key, ml.shown, ml.hidden = k, shown, len(all)-len(shown)
	return shown, ml.hidden, nil
}

func (ml *mutedLibrary) Articles(q store.ArticleQuery) ([]store.ArticleSummary, error) {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	shown, _, err := ml.filtered(q)
	if err != nil {
		return nil, err
	}
	if q.Offset >= len(shown) {
		return nil, nil
	}
	shown = shown[q.Offset:]
	if q.Limit > 0 && q.Limit < len(shown) {
		shown = shown[:q.Limit]
	}
	return append([]store.ArticleSummary(nil), shown...), nil
}

func (ml *mutedLibrary) CountArticles(q store.ArticleQuery) (int, error) {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	shown, _, err := ml.filtered(q)
	return len(shown), err
}

// Hidden is how many articles matching q the rules hide (-1: not known yet).
func (ml *mutedLibrary) Hidden(q store.ArticleQuery) int {
	ml.mu.Lock()
	defer ml.mu.Unlock()
	if queryKey(q)+fmt.Sprint(ml.gen) != ml.key {
		return -1
	}
	return ml.hidden
}

func (ml *mutedLibrary) SetRead(id int64, read bool) error {
	defer ml.invalidate()
	return ml.Library.SetRead(id, read)
}

func (ml *mutedLibrary) SetStarred(id int64, starred bool) error {
	defer ml.invalidate()
	return ml.Library.SetStarred(id, starred)
}

func (ml *mutedLibrary) MarkFeedRead(feedID int64) error {
	defer ml.invalidate()
	return ml.Library.MarkFeedRead(feedID)
}
