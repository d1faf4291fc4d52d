package export

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// Source is the part of the store an export reads; *store.Store has it.
type Source interface {
	Feeds() ([]store.Feed, error)
	Articles(q store.ArticleQuery) ([]store.ArticleSummary, error)
	Statements(q store.ArticleQuery, speakerID string, limit int) ([]store.StatementRow, error)
	EntityCounts(kind string, q store.ArticleQuery) ([]store.EntityCount, error)
}

// Export is what gets written: the query, its articles and statements, and
// the people and countries they mention. The caller may set Generated,
// Version and Roles before writing.
type Export struct {
	Query     Query
	Generated time.Time // zero: left out
	Version   string    // herald's version, for the front matter
	// Roles gives a speaker's role by id ("Prime Minister of the United
	// Kingdom"), written after the name when known.
	Roles map[string]string

	Articles   []*Article  // newest first; only those with statements
	Statements []Statement // newest article first, then text order
	Mentions   []Mention   // most mentioned first
	Matched    int         // articles matching the query, with statements or not
}

// Article is where statements come from.
type Article struct {
	ID        int64
	Title     string
	Feed      string // the outlet
	Author    string
	Link      string
	Published time.Time
}

// Statement is one statement with its article.
type Statement struct {
	nlp.Statement
	Article *Article
}

// Mention is one row of the table of people and countries mentioned.
type Mention struct {
	Name     string
	Kind     string // "leader", "person" or "country"
	Mentions int
	Articles int
}

// Counts are the totals the front matter reports.
type Counts struct {
	Articles, Statements, Direct, Reported, Speakers int
}

// Counts totals e's statements.
func (e *Export) Counts() Counts {
	c := Counts{Articles: len(e.Articles), Statements: len(e.Statements)}
	speakers := map[string]bool{}
	for _, s := range e.Statements {
		if s.Kind == nlp.KindIndirect {
			c.Reported++
		} else {
			c.Direct++
		}
		if s.Speaker != nil {
			speakers[s.Speaker.ID] = true
		}
	}
	c.Speakers = len(speakers)
	return c
}

// Gather reads what q selects from src: the matching articles, their
// statements (only the leaders' when q names leaders) and the people and
// countries mentioned, from the store's index (no annotation is decoded).
func Gather(src Source, q Query) (*Export, error) {
	var feedIDs []int64
	if len(q.Tags) > 0 {
		feeds, err := src.Feeds()
		if err != nil {
			return nil, err
		}
		feedIDs = feedsTagged(feeds, q.Tags)
	}
	sq := q.storeQuery(feedIDs)
	sums, err := src.Articles(sq)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Article, len(sums))
	order := make(map[int64]int, len(sums))
	for i, s := range sums {
		byID[s.ID] = &Article{ID: s.ID, Title: s.Title, Feed: s.FeedTitle, Author: s.Author, Link: s.Link, Published: s.Published}
		order[s.ID] = i
	}
	var rows []store.StatementRow
	if len(q.Leaders) == 0 {
		if rows, err = src.Statements(sq, "", 0); err != nil {
			return nil, err
		}
	}
	for _, l := range q.Leaders {
		r, err := src.Statements(sq, l.ID, 0)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r...)
	}
	if len(q.Leaders) > 1 {
		sort.SliceStable(rows, func(i, j int) bool {
			if oi, oj := order[rows[i].ArticleID], order[rows[j].ArticleID]; oi != oj {
				return oi < oj
			}
			return rows[i].Statement.Start < rows[j].Statement.Start
		})
	}
	ex := &Export{Query: q, Matched: len(sums)}
	ex.Statements = make([]Statement, 0, len(rows))
	seen := map[int64]bool{}
	for _, r := range rows {
		a := byID[r.ArticleID]
		if a == nil { // written between the two queries
			a = &Article{ID: r.ArticleID, Title: r.ArticleTitle, Feed: r.FeedTitle, Link: r.Link, Published: r.Published}
			byID[r.ArticleID] = a
		}
		if !seen[a.ID] {
			seen[a.ID] = true
			ex.Articles = append(ex.Articles, a)
		}
		ex.Statements = append(ex.Statements, Statement{Statement: r.Statement, Article: a})
	}
	ex.Statements = Dedup(ex.Statements)
	if ex.Mentions, err = mentions(src, sq); err != nil {
		return nil, err
	}
	return ex, nil
}

// FromDoc is an export of one annotated article that is not in the store
// (herald extract).
func FromDoc(a Article, doc nlp.Doc) *Export {
	ex := &Export{Query: Query{ArticleTitle: a.Title}, Matched: 1}
	art := &a
	ex.Articles = []*Article{art}
	for _, st := range doc.Statements {
		ex.Statements = append(ex.Statements, Statement{Statement: st, Article: art})
	}
	ex.Statements = Dedup(ex.Statements)
	ex.Mentions = countMentions(doc.Entities)
	return ex
}

// feedsTagged lists the feeds that carry any of tags (case ignored). The
// list is never nil, so no tagged feed means no article.
func feedsTagged(feeds []store.Feed, tags []string) []int64 {
	ids := []int64{}
	for _, f := range feeds {
		if slices.ContainsFunc(f.Tags, func(t string) bool {
			return slices.ContainsFunc(tags, func(w string) bool { return strings.EqualFold(strings.TrimSpace(w), t) })
		}) {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

// Dedup drops a reported statement when a direct statement of the same
// article covers the same words (one span or text contains the other): the
// annotator may find both forms of one quote, and the direct one is kept.
func Dedup(in []Statement) []Statement {
	if !slices.ContainsFunc(in, func(s Statement) bool { return s.Kind == nlp.KindIndirect }) {
		return in
	}
	direct := map[int64][]nlp.Statement{}
	for _, s := range in {
		if s.Kind != nlp.KindIndirect {
			direct[s.Article.ID] = append(direct[s.Article.ID], s.Statement)
		}
	}
	out := in[:0:0]
	for _, s := range in {
		if s.Kind == nlp.KindIndirect && coveredBy(s.Statement, direct[s.Article.ID]) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func coveredBy(r nlp.Statement, direct []nlp.Statement) bool {
	rq := normQuote(r.Quote)
	for _, d := range direct {
		if r.End > r.Start && d.End > d.Start &&
			((d.Start <= r.Start && r.End <= d.End) || (r.Start <= d.Start && d.End <= r.End)) {
			return true
		}
		// Without usable spans, the words themselves; short ones ("no")
		// would match by chance.
		if dq := normQuote(d.Quote); len(rq) >= minDedupText && len(dq) >= minDedupText &&
			(strings.Contains(dq, rq) || strings.Contains(rq, dq)) {
			return true
		}
	}
	return false
}

const minDedupText = 20

func normQuote(s string) string {
	return strings.ToLower(strings.Trim(oneLine(s), " .,;:!?\"'“”‘’«»"))
}

// mentions reads the table of people and countries from the entity index.
func mentions(src Source, q store.ArticleQuery) ([]Mention, error) {
	out := []Mention{}
	for _, kind := range []string{store.CountPeople, store.CountCountries} {
		counts, err := src.EntityCounts(kind, q)
		if err != nil {
			return nil, fmt.Errorf("counting mentions: %w", err)
		}
		for _, c := range counts {
			k := c.Kind
			if c.Leader {
				k = "leader"
			}
			out = append(out, Mention{Name: c.Name, Kind: k, Mentions: c.Mentions, Articles: c.Articles})
		}
	}
	sortMentions(out)
	return out, nil
}

// countMentions counts one document's people and countries.
func countMentions(ents []nlp.Entity) []Mention {
	at := map[string]int{}
	out := []Mention{}
	for _, en := range ents {
		key := en.Kind + "/" + en.ID
		i, ok := at[key]
		if !ok {
			kind := en.Kind
			if en.Leader {
				kind = "leader"
			}
			i = len(out)
			at[key] = i
			out = append(out, Mention{Name: en.Name, Kind: kind, Articles: 1})
		}
		out[i].Mentions++
	}
	sortMentions(out)
	return out
}

// sortMentions orders rows most mentioned first, then by name.
func sortMentions(rows []Mention) {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Mentions != rows[j].Mentions {
			return rows[i].Mentions > rows[j].Mentions
		}
		return rows[i].Name < rows[j].Name
	})
}

// exportMarker is a Source that records which articles went into an export,
// so that retention never prunes them (the store does).
type exportMarker interface {
	MarkExported(ids []int64) error
}

// MarkWritten records, where src can, the articles whose statements ex
// holds: call it once the export is written.
func MarkWritten(src Source, ex *Export) error {
	m, ok := src.(exportMarker)
	if !ok {
		return nil
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, st := range ex.Statements {
		if id := st.Article.ID; id != 0 && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return m.MarkExported(ids)
}
