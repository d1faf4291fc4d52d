package store

import (
	"fmt"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// EntityCount is one entity with how often the selected articles mention
// it and in how many of them.
type EntityCount struct {
	ID, Name, Kind     string
	Leader             bool // flagged a leader in at least one article
	Mentions, Articles int
}

// Entity kinds EntityCounts accepts.
const (
	CountLeaders   = "leader"
	CountPeople    = "person"
	CountCountries = "country"
)

// EntityCounts counts the entities of one kind over the articles matching
// q (q's Limit and Offset are ignored): "leader" (people flagged a leader
// somewhere), "person" (all people) or "country". Ordered by articles,
// then mentions (both descending), then name.
//
// Over the whole store the counts are exact (kept by triggers). Under
// filters they cover the newest PickerSample matching articles, so that
// a picker opens as quickly on a store of 300,000 articles as on one of
// 3,000: what is mentioned in what one reads now, not over years.
func (s *Store) EntityCounts(kind string, q ArticleQuery) ([]EntityCount, error) {
	var entityKind string
	leadersOnly := false
	switch kind {
	case CountLeaders:
		entityKind, leadersOnly = nlp.KindPerson, true
	case CountPeople:
		entityKind = nlp.KindPerson
	case CountCountries:
		entityKind = nlp.KindCountry
	default:
		return nil, fmt.Errorf("store: unknown entity kind %q (want leader, person or country)", kind)
	}
	if q.isZero() {
		dropped, err := s.hasDroppedArticles()
		if err != nil {
			return nil, err
		}
		if !dropped {
			return s.entityTotals(entityKind, leadersOnly)
		}
	}
	return s.groupedCounts(entityKind, leadersOnly, q)
}

// PickerSample is how many of the newest matching articles EntityCounts
// counts over under filters.
const PickerSample = 2000

// groupedCounts counts entities by grouping the index rows of the newest
// PickerSample of q's articles, walking from each to its own rows. Under
// a search it looks among the newest candidates first (see hitWindow),
// as a page does, so that a common word's hits are not all gathered.
func (s *Store) groupedCounts(entityKind string, leadersOnly bool, q ArticleQuery) ([]EntityCount, error) {
	if ftsQuery(q.Search) != "" {
		win, all, err := s.window(q)
		if err != nil || win == nil {
			return nil, err
		}
		sel, err := s.compileIn(q, forSample, "", win)
		if err != nil {
			return nil, err
		}
		var hits int
		if err := s.queryRow(`SELECT count(*) FROM (SELECT 1`+sel.sql()+` LIMIT ?)`,
			append(sel.args, PickerSample)...).Scan(&hits); err != nil {
			return nil, s.wrap(err)
		}
		if hits == PickerSample || all {
			return s.countSample(sel, entityKind, leadersOnly)
		}
	}
	sel, err := s.compile(q, forSample, "")
	if err != nil {
		return nil, err
	}
	return s.countSample(sel, entityKind, leadersOnly)
}

// countSample groups the entity index rows of the first PickerSample
// articles of sel.
func (s *Store) countSample(sel selection, entityKind string, leadersOnly bool) ([]EntityCount, error) {
	query := `SELECT e.entity_id, max(e.name), e.kind, max(e.leader), sum(e.mentions), count(*)
		FROM (SELECT ` + sel.id + ` AS id` + sel.sql() + ` ORDER BY ` + sel.order + ` LIMIT ?) m
		CROSS JOIN article_entities e ON e.article_id = m.id AND e.kind = ?
		GROUP BY e.entity_id`
	if leadersOnly {
		query += ` HAVING max(e.leader) = 1`
	}
	query += ` ORDER BY 6 DESC, 5 DESC, 2`
	return s.scanCounts(query, append(sel.args, PickerSample, entityKind)...)
}

func (s *Store) entityTotals(kind string, leadersOnly bool) ([]EntityCount, error) {
	query := `SELECT entity_id, name, kind, leader_articles > 0, mentions, articles
		FROM entity_totals WHERE kind = ?`
	if leadersOnly {
		query += ` AND leader_articles > 0`
	}
	query += ` ORDER BY articles DESC, mentions DESC, name`
	return s.scanCounts(query, kind)
}

func (s *Store) scanCounts(query string, args ...any) ([]EntityCount, error) {
	rows, err := s.query(query, args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []EntityCount
	for rows.Next() {
		var c EntityCount
		if err := rows.Scan(&c.ID, &c.Name, &c.Kind, &c.Leader, &c.Mentions, &c.Articles); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, c)
	}
	return out, s.wrapNil(rows.Err())
}

// StatementRow is one statement with the article it comes from.
type StatementRow struct {
	ArticleID                     int64
	ArticleTitle, FeedTitle, Link string
	Published                     time.Time
	Statement                     nlp.Statement
}

// Statements lists the statements of the articles matching q (q's Limit
// and Offset are ignored), newest article first, then in text order.
// speakerID "" means every statement, attributed or not; limit 0 = all.
//
// They are read from each article's cached annotation, the one its entity
// index was written from: the walk (see compile) visits only articles
// with statements, or with statements by the speaker.
func (s *Store) Statements(q ArticleQuery, speakerID string, limit int) ([]StatementRow, error) {
	sel, err := s.compile(q, forStatements, speakerID)
	if err != nil {
		return nil, err
	}
	query := `SELECT a.id, a.title,
			COALESCE(NULLIF(CASE WHEN f.config_title <> '' THEN f.config_title ELSE f.feed_title END, ''), f.url),
			a.link, a.published,
			(SELECT n.doc FROM annotations n WHERE n.hash = a.ann_hash AND n.version = a.ann_version),
			COALESCE((SELECT b.text FROM bodies b WHERE b.id = a.id), '')` + sel.sql() + ` ORDER BY ` + sel.order
	rows, err := s.query(query, sel.args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []StatementRow
	if limit > 0 {
		out = make([]StatementRow, 0, min(limit, 10000)) // rows are large: growing the slice was a tenth of the time
	}
	for rows.Next() {
		var (
			art       StatementRow
			published int64
			blob      []byte
			body      string
		)
		if err := rows.Scan(&art.ArticleID, &art.ArticleTitle, &art.FeedTitle, &art.Link, &published, &blob, &body); err != nil {
			return nil, s.wrap(err)
		}
		art.Published = time.UnixMilli(published)
		if blob == nil {
			continue // its annotation is gone from the cache: the next refresh annotates it again
		}
		sts, err := decodeStatements(blob, body)
		if err != nil {
			continue // as Annotation does: an unreadable entry is as good as none
		}
		for _, st := range sts {
			if speakerID != "" && (st.Speaker == nil || st.Speaker.ID != speakerID) {
				continue
			}
			r := art
			r.Statement = st
			out = append(out, r)
			if len(out) == limit {
				return out, nil
			}
		}
	}
	return out, s.wrapNil(rows.Err())
}
