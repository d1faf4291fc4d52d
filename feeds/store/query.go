package store

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ArticleQuery selects articles. Zero fields do not filter; all filters
// combine with AND. Without FeedID only configured feeds' articles count.
type ArticleQuery struct {
	FeedID          int64   // 0 = all configured feeds
	FeedIDs         []int64 // when non-nil: only these feeds (an empty list matches nothing)
	ArticleID       int64   // 0 = any article; else only this one
	IDs             []int64 // when non-nil: only these articles (an empty list matches nothing)
	NotIDs          []int64 // never these articles (the reader's muted ones)
	Unread, Starred bool
	Entities        []string // entity ids (people or countries); an article must mention all
	Search          string   // words searched in title and text (FTS5); the last word is a prefix
	Since           time.Time
	Until           time.Time // zero = no end; else published before it
	Limit, Offset   int       // Limit 0 = no limit
}

// filtersOnlyCounters reports whether q can be answered from the per-feed
// counters (no filter beyond feed and unread).
func (q ArticleQuery) filtersOnlyCounters() bool {
	return !q.Starred && len(q.entities()) == 0 && ftsQuery(q.Search) == "" && q.Since.IsZero() &&
		q.Until.IsZero() && q.FeedIDs == nil && q.ArticleID == 0 && q.IDs == nil && len(q.NotIDs) == 0
}

// isZero reports whether q selects every configured feed's articles.
func (q ArticleQuery) isZero() bool {
	return q.FeedID == 0 && !q.Unread && q.filtersOnlyCounters()
}

// sameFilters reports whether q and r select the same articles (their
// pages may differ).
func (q ArticleQuery) sameFilters(r ArticleQuery) bool {
	return q.FeedID == r.FeedID && q.Unread == r.Unread && q.Starred == r.Starred &&
		slices.Equal(q.entities(), r.entities()) && q.Search == r.Search && q.Since.Equal(r.Since) &&
		q.Until.Equal(r.Until) && slices.Equal(q.FeedIDs, r.FeedIDs) && (q.FeedIDs == nil) == (r.FeedIDs == nil) &&
		q.ArticleID == r.ArticleID && slices.Equal(q.IDs, r.IDs) && (q.IDs == nil) == (r.IDs == nil) &&
		slices.Equal(q.NotIDs, r.NotIDs)
}

func (q ArticleQuery) entities() []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range q.Entities {
		e = strings.TrimSpace(e)
		if e != "" && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// ftsQuery turns what a user typed into an FTS5 query that cannot be a
// syntax error: every token of every whitespace-separated word becomes a
// quoted term (so quotes, *, parentheses, NEAR, AND/OR/NOT are plain
// text), terms are ANDed, and the last token is a prefix if it has three
// letters or more and the input does not end in a space. The index keeps
// no positions (detail=none), so a word the tokenizer splits ("u.s.",
// "al-Assad") is searched as its tokens anywhere in the article, not as a
// phrase: isFTSTokenChar splits it as the tokenizer does.
// Control characters are dropped; "" means no search.
func ftsQuery(s string) string {
	// FTS5 reads a NUL as the end of the query string; no control
	// character or invalid byte belongs in a search anyway.
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	tokens := strings.FieldsFunc(s, func(r rune) bool { return !isFTSTokenChar(r) })
	var parts []string
	for i, w := range tokens {
		p := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if i == len(tokens)-1 && isFTSTokenChar(lastRune(s)) && utf8.RuneCountInString(w) >= 3 {
			p += "*"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return ' '
	}
	return r[len(r)-1]
}

// Articles lists the articles matching q, newest first (published, then
// id). Bodies are never read.
func (s *Store) Articles(q ArticleQuery) ([]ArticleSummary, error) {
	if ftsQuery(q.Search) != "" && q.Limit > 0 && q.Offset+q.Limit <= searchWindow/2 {
		// A page under a search: look among the newest candidates first.
		win, all, err := s.window(q)
		if err != nil {
			return nil, err
		}
		if win != nil {
			out, err := s.articles(q, win)
			if err != nil || len(out) == q.Limit || all {
				return out, err
			}
		}
	}
	return s.articles(q, nil)
}

// window finds the hitWindow of q's newest searchWindow candidates (q
// without its search); all reports that these are every candidate there
// is. A nil window means q has no candidates.
func (s *Store) window(q ArticleQuery) (win *hitWindow, all bool, err error) {
	bare := q
	bare.Search = ""
	sel, err := s.compile(bare, forSample, "")
	if err != nil {
		return nil, false, err
	}
	rows, err := s.query(`SELECT `+sel.pub+`, `+sel.id+sel.sql()+` ORDER BY `+sel.order+` LIMIT ?`,
		append(sel.args, searchWindow)...)
	if err != nil {
		return nil, false, s.wrap(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var pub, id int64
		if err := rows.Scan(&pub, &id); err != nil {
			return nil, false, s.wrap(err)
		}
		if win == nil {
			win = &hitWindow{minID: id, maxID: id}
		}
		win.pub, win.id = pub, id
		win.minID, win.maxID = min(win.minID, id), max(win.maxID, id)
		n++
	}
	return win, n < searchWindow, s.wrapNil(rows.Err())
}

func (s *Store) articles(q ArticleQuery, win *hitWindow) ([]ArticleSummary, error) {
	sel, err := s.compileIn(q, forList, "", win)
	if err != nil {
		return nil, err
	}
	query := `SELECT ` + summaryColumns + sel.sql() + ` ORDER BY ` + sel.order
	query, args := limitOffset(query, append([]any{s.AnnotatorVersion()}, sel.args...), q.Limit, q.Offset)
	rows, err := s.query(query, args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []ArticleSummary
	for rows.Next() {
		var a ArticleSummary
		if err := scanSummary(rows, &a); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, a)
	}
	return out, s.wrapNil(rows.Err())
}

func limitOffset(query string, args []any, limit, offset int) (string, []any) {
	if limit <= 0 && offset <= 0 {
		return query, args
	}
	if limit <= 0 {
		limit = -1
	}
	if offset < 0 {
		offset = 0
	}
	return query + " LIMIT ? OFFSET ?", append(args, limit, offset)
}

// CountArticles counts the articles matching q, ignoring Limit and Offset.
func (s *Store) CountArticles(q ArticleQuery) (int, error) {
	var n int
	if q.filtersOnlyCounters() {
		col := "total"
		if q.Unread {
			col = "unread"
		}
		var err error
		if q.FeedID != 0 {
			err = s.queryRow(`SELECT COALESCE(SUM(`+col+`), 0) FROM feeds WHERE id = ?`, q.FeedID).Scan(&n)
		} else {
			err = s.queryRow(`SELECT COALESCE(SUM(` + col + `), 0) FROM feeds WHERE position IS NOT NULL`).Scan(&n)
		}
		return n, s.wrapNil(err)
	}
	if ftsQuery(q.Search) != "" && (ArticleQuery{Search: q.Search, Entities: q.Entities}).sameFilters(q) {
		dropped, err := s.hasDroppedArticles()
		if err != nil {
			return 0, err
		}
		m, err := s.match(q.Search)
		if err != nil {
			return 0, err
		}
		if !dropped {
			return s.searchHitsIn(m, q.entities())
		}
	}
	sel, err := s.compile(q, forCount, "")
	if err != nil {
		return 0, err
	}
	err = s.queryRow(`SELECT count(*)`+sel.sql(), sel.args...).Scan(&n)
	return n, s.wrapNil(err)
}

// FeedCount is how many of a feed's articles a query matched, and how many
// of those are unread.
type FeedCount struct{ Total, Unread int }

// CountArticlesByFeed counts the articles matching q feed by feed (q's
// Limit and Offset are ignored); feeds with no match are left out. The
// reader counts its muted articles per feed this way.
func (s *Store) CountArticlesByFeed(q ArticleQuery) (map[int64]FeedCount, error) {
	sel, err := s.compile(q, forList, "")
	if err != nil {
		return nil, err
	}
	rows, err := s.query(`SELECT a.feed_id, count(*), sum(a.read = 0)`+sel.sql()+` GROUP BY a.feed_id`, sel.args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := map[int64]FeedCount{}
	for rows.Next() {
		var id int64
		var c FeedCount
		if err := rows.Scan(&id, &c.Total, &c.Unread); err != nil {
			return nil, s.wrap(err)
		}
		out[id] = c
	}
	return out, s.wrapNil(rows.Err())
}

// CountArticlesUpTo counts the articles matching q up to limit: it returns
// the count and true when there are at most limit, else limit and false
// ("1,000+"). It reads no further than limit+1 matches, so a count under
// a common word or a frequent entity does not grow with the store.
func (s *Store) CountArticlesUpTo(q ArticleQuery, limit int) (int, bool, error) {
	if limit <= 0 {
		n, err := s.CountArticles(q)
		return n, true, err
	}
	if q.filtersOnlyCounters() {
		n, err := s.CountArticles(q) // the per-feed counters: already cheap
		if n > limit {
			return limit, false, err
		}
		return n, true, err
	}
	if ftsQuery(q.Search) != "" && limit < searchWindow {
		// Most searches that reach the limit do so among the newest
		// candidates: count there first.
		win, all, err := s.window(q)
		if err != nil {
			return 0, false, err
		}
		if win == nil {
			return 0, true, nil
		}
		sel, err := s.compileIn(q, forSample, "", win)
		if err != nil {
			return 0, false, err
		}
		var n int
		if err := s.queryRow(`SELECT count(*) FROM (SELECT 1`+sel.sql()+` LIMIT ?)`, append(sel.args, limit+1)...).Scan(&n); err != nil {
			return 0, false, s.wrap(err)
		}
		if n > limit {
			return limit, false, nil
		}
		if all {
			return n, true, nil
		}
	}
	query, args := "", []any(nil)
	if ftsQuery(q.Search) != "" && (ArticleQuery{Search: q.Search, Entities: q.Entities}).sameFilters(q) {
		dropped, err := s.hasDroppedArticles()
		if err != nil {
			return 0, false, err
		}
		m, err := s.match(q.Search)
		if err != nil {
			return 0, false, err
		}
		if !dropped {
			// Stream the hits, testing each against the entities'
			// articles (gathered once), and stop past the limit.
			query, args = `SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?`, []any{m}
			if ents := q.entities(); len(ents) > 0 {
				parts := make([]string, len(ents))
				for i, e := range ents {
					parts[i] = "SELECT article_id FROM article_entities WHERE entity_id = ?"
					args = append(args, e)
				}
				query += ` AND +rowid IN (` + strings.Join(parts, " INTERSECT ") + `)`
			}
			query += ` LIMIT ?)`
			args = append(args, limit+1)
		}
	}
	if query == "" {
		sel, err := s.compile(q, forSample, "")
		if err != nil {
			return 0, false, err
		}
		query, args = `SELECT count(*) FROM (SELECT 1`+sel.sql()+` LIMIT ?)`, append(sel.args, limit+1)
	}
	var n int
	err := s.queryRow(query, args...).Scan(&n)
	if err != nil {
		return 0, false, s.wrap(err)
	}
	if n > limit {
		return limit, false, nil
	}
	return n, true, nil
}

// isFTSTokenChar reports whether the full-text tokenizer keeps r inside a
// word (see fts_tokenchars.go).
func isFTSTokenChar(r rune) bool {
	_, found := slices.BinarySearchFunc(ftsTokenChars, r, func(span [2]rune, r rune) int {
		switch {
		case span[1] < r:
			return -1
		case span[0] > r:
			return 1
		}
		return 0
	})
	return found
}
