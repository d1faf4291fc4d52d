package store

import (
	"slices"
	"sort"
	"strings"
)

// Purposes a query is compiled for; each needs different tables.
const (
	forList       = iota // article summaries, newest first
	forCount             // a count or a set of article ids
	forStatements        // statements with their articles, newest first
	forSample            // article ids newest first, to stop after a number of them
)

// bigSearch is the number of full-text hits above which a page of results
// is found by walking articles newest first and testing each against the
// hits, rather than by looking up and sorting every hit.
var bigSearch = 500

// searchWindow is how many of the newest candidates a page under a
// common word looks among first (see hitWindow).
var searchWindow = 5000

// selection is an ArticleQuery compiled to SQL: the tables, walked in the
// order given (CROSS JOIN fixes SQLite's join order), and the conditions.
type selection struct {
	tables []string
	conds  []string
	args   []any
	id     string // the article id column of the driving table
	pub    string // its published column
	order  string // newest first, in the driving table's index order
}

func (sel *selection) join(t string) { sel.tables = append(sel.tables, t) }

func (sel *selection) cond(c string, args ...any) {
	sel.conds = append(sel.conds, c)
	sel.args = append(sel.args, args...)
}

// sql renders " FROM ... WHERE ...".
func (sel selection) sql() string {
	where := "1"
	if len(sel.conds) > 0 {
		where = strings.Join(sel.conds, " AND ")
	}
	return " FROM " + strings.Join(sel.tables, " CROSS JOIN ") + " WHERE " + where
}

// compile plans q. The driving table is chosen so that SQLite walks an
// index in date order and can stop at the end of a page:
//   - entity filters: the index rows of the rarest entity, the other
//     entities tested per article;
//   - otherwise the articles themselves.
//
// Statements are read from the cached annotation of each article of the
// walk, and a speaker is one more entity to walk, through the rows that
// count statements (see indexedEntities).
//
// Feeds are joined only when a title is wanted or when a dropped feed's
// articles must be left out.
func (s *Store) compile(q ArticleQuery, purpose int, speaker string) (selection, error) {
	return s.compileIn(q, purpose, speaker, nil)
}

// hitWindow confines a search to the newest candidates of the filters
// without the search: the rows up to (pub, id) in the walk's order, whose
// article ids all lie between minID and maxID. Inside it, only the hits
// with those ids are gathered, instead of every hit of a common word.
type hitWindow struct {
	pub, id      int64
	minID, maxID int64
}

func (s *Store) compileIn(q ArticleQuery, purpose int, speaker string, win *hitWindow) (selection, error) {
	ents := q.entities()
	if speaker != "" && !slices.Contains(ents, speaker) {
		// A speaker's statements are in the articles of the speaker's
		// entity index rows (see indexedEntities).
		ents = append(ents, speaker)
	}
	ents, err := s.byRarity(ents)
	if err != nil {
		return selection{}, err
	}
	// saidBy narrows an entity's index rows to those where it speaks, when
	// it is the speaker whose statements are read.
	saidBy := func(alias, entity string) string {
		if purpose == forStatements && entity == speaker {
			return " AND " + alias + ".said > 0"
		}
		return ""
	}
	restrict := false
	if q.FeedID == 0 {
		if restrict, err = s.hasDroppedArticles(); err != nil {
			return selection{}, err
		}
	}
	var sel selection
	var rest []string // entities tested per article
	switch {
	case purpose == forCount && len(ents) > 1:
		// A set, not a page: intersecting the entities' sorted index runs
		// beats testing each article of the first against the others.
		parts := make([]string, len(ents))
		for i, e := range ents {
			parts[i] = "SELECT article_id FROM article_entities WHERE entity_id = ?"
			sel.args = append(sel.args, e)
		}
		sel.tables = []string{"(" + strings.Join(parts, " INTERSECT ") + ") e0"}
		sel.id, sel.pub = "e0.article_id", "a.published"
	case len(ents) > 0:
		sel = selection{tables: []string{"article_entities e0"}, id: "e0.article_id", pub: "e0.published",
			order: "e0.published DESC, e0.article_id DESC"}
		sel.cond("e0.entity_id = ?"+saidBy("e0", ents[0]), ents[0])
		rest = ents[1:]
	default:
		sel = selection{tables: []string{"articles a"}, id: "a.id", pub: "a.published",
			order: "a.published DESC, a.id DESC"}
	}
	if purpose == forStatements && speaker == "" {
		// The statements are in each article's cached annotation (see
		// Statements): only articles that have some are read.
		sel.cond("a.n_statements > 0")
	}
	needArticle := (purpose != forCount && purpose != forSample) || q.FeedID != 0 || q.FeedIDs != nil || q.Unread || q.Starred || restrict ||
		((!q.Since.IsZero() || !q.Until.IsZero()) && sel.pub == "a.published")
	if needArticle && sel.id != "a.id" {
		sel.join("articles a ON a.id = " + sel.id)
	}
	if (purpose != forCount && purpose != forSample) || restrict {
		sel.join("feeds f ON f.id = a.feed_id")
	}
	if restrict {
		sel.cond("f.position IS NOT NULL")
	}
	if q.FeedID != 0 {
		sel.cond("a.feed_id = ?", q.FeedID)
	}
	if q.FeedIDs != nil {
		if len(q.FeedIDs) == 0 {
			sel.cond("0")
		} else {
			ids := make([]any, len(q.FeedIDs))
			for i, id := range q.FeedIDs {
				ids[i] = id
			}
			sel.cond("a.feed_id IN (?"+strings.Repeat(", ?", len(ids)-1)+")", ids...)
		}
	}
	if q.ArticleID != 0 {
		sel.cond(sel.id+" = ?", q.ArticleID)
	}
	// Sets of ids go in as one JSON array, which SQLite reads once into a
	// temporary index for the whole query.
	if q.IDs != nil {
		sel.cond(sel.id+" IN (SELECT value FROM json_each(?))", jsonList(q.IDs))
	}
	if len(q.NotIDs) > 0 {
		sel.cond("+"+sel.id+" NOT IN (SELECT value FROM json_each(?))", jsonList(q.NotIDs))
	}
	if q.Unread {
		sel.cond("a.read = 0")
	}
	if q.Starred {
		sel.cond("a.starred = 1")
	}
	if !q.Since.IsZero() {
		sel.cond(sel.pub+" >= ?", q.Since.UnixMilli())
	}
	if !q.Until.IsZero() {
		sel.cond(sel.pub+" < ?", q.Until.UnixMilli())
	}
	for _, e := range rest {
		sel.cond("EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = "+sel.id+" AND x.entity_id = ?"+saidBy("x", e)+")", e)
	}
	m, err := s.match(q.Search)
	if err != nil {
		return selection{}, err
	}
	if m != "" {
		// SQLite would look up every hit by its article id (the rowid, or
		// the first column of article_entities' key) and
		// sort them all. With many hits it is cheaper to walk the driving
		// index by date and test each row against the hits ("+": not an
		// index lookup). Counts over all articles have no date to stop at,
		// so they keep the lookup.
		col := sel.id
		if sel.id == "e0.article_id" && len(sel.tables) > 0 && strings.HasPrefix(sel.tables[0], "(") {
			col = "" // an INTERSECT of entities: no index to walk
		}
		if col != "" && (purpose != forCount || sel.id != "a.id") {
			many, err := s.manyHits(m)
			if err != nil {
				return selection{}, err
			}
			if many && win != nil {
				// A row value, so that SQLite walks the index's range in
				// order and stops at the page's end (an OR would gather the
				// whole window and sort it).
				sel.cond("("+sel.pub+", "+sel.id+") >= (?, ?)", win.pub, win.id)
				sel.cond("+"+col+" IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?)",
					m, win.minID, win.maxID)
				return sel, nil
			}
			if many {
				col = "+" + col
			}
		}
		if col == "" {
			col = sel.id
		}
		sel.cond(col+" IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", m)
	}
	return sel, nil
}

// byRarity orders entity ids by how many articles mention them, fewest
// first (unknown ones first of all: they match nothing, quickly).
func (s *Store) byRarity(ids []string) ([]string, error) {
	if len(ids) < 2 {
		return ids, nil
	}
	counts := make(map[string]int, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.query(`SELECT entity_id, sum(articles) FROM entity_totals WHERE entity_id IN (?`+
		strings.Repeat(", ?", len(ids)-1)+`) GROUP BY entity_id`, args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, s.wrap(err)
		}
		counts[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err)
	}
	out := append([]string(nil), ids...)
	sort.SliceStable(out, func(i, j int) bool { return counts[out[i]] < counts[out[j]] })
	return out, nil
}

// hasDroppedArticles reports whether a feed no longer configured still has
// articles, which queries over all feeds must then leave out.
func (s *Store) hasDroppedArticles() (bool, error) {
	var dropped bool
	err := s.queryRow(`SELECT EXISTS (SELECT 1 FROM feeds WHERE position IS NULL AND total > 0)`).Scan(&dropped)
	return dropped, s.wrapNil(err)
}

// manyHits reports whether a full-text query matches more than bigSearch
// articles, reading no further than that. A query whose last word is a
// prefix matches at least what the whole word matches, and the whole
// word's hits come without merging every term of the prefix first, so
// that is tried first.
func (s *Store) manyHits(match string) (bool, error) {
	tries := []string{match}
	if exact := strings.TrimSuffix(match, "*"); exact != match {
		tries = []string{exact, match}
	}
	for _, m := range tries {
		var n int
		err := s.queryRow(`SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`,
			m, bigSearch+1).Scan(&n)
		if err != nil {
			return false, s.wrap(err)
		}
		if n > bigSearch {
			return true, nil
		}
	}
	return false, nil
}

// searchHitsIn counts the articles a full-text query matches that mention
// every one of ents. The hits are streamed and tested against the
// entities' articles, gathered once: a set far smaller than the hits of a
// common word, which would otherwise be gathered to test each of the
// entities' articles against.
func (s *Store) searchHitsIn(match string, ents []string) (int, error) {
	if len(ents) == 0 {
		return s.searchHits(match)
	}
	parts := make([]string, len(ents))
	args := []any{match}
	for i, e := range ents {
		parts[i] = "SELECT article_id FROM article_entities WHERE entity_id = ?"
		args = append(args, e)
	}
	var n int
	err := s.queryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND +rowid IN (`+
		strings.Join(parts, " INTERSECT ")+`)`, args...).Scan(&n)
	return n, s.wrapNil(err)
}

// searchHits counts the articles a full-text query matches.
func (s *Store) searchHits(match string) (int, error) {
	var n int
	err := s.queryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, match).Scan(&n)
	return n, s.wrapNil(err)
}
