package store

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// indexWrite is one article's annotation on its way into the store.
type indexWrite struct {
	articleID     int64
	hash, version string
	blob          []byte // the encoded doc for the cache; nil: index only
	rows          indexRows
	missing       bool // set by writeIndexes: the article does not exist
}

// indexRows is what an article's annotation adds to the entity index,
// built (values boxed and all) before the write lock is taken, since one
// writer at a time is what limits a refresh.
type indexRows struct {
	published  int64 // the article's date they were built with (see rowPublished)
	entities   []indexedEntity
	ents       []any // entityCols values per row
	statements int
	leaders    int
}

const (
	entityCols   = 8
	rowPublished = 1 // the column of ents holding published
)

func newIndexWrite(articleID int64, hash, version string, doc nlp.Doc, published int64, blob []byte) indexWrite {
	r := indexRows{published: published, entities: indexedEntities(doc), statements: len(doc.Statements)}
	r.ents = make([]any, 0, entityCols*len(r.entities))
	for _, e := range r.entities {
		if e.kind == nlp.KindPerson && e.leader {
			r.leaders++
		}
		r.ents = append(r.ents, articleID, published, e.kind, e.id, e.name, e.leader, e.mentions, e.said)
	}
	return indexWrite{articleID: articleID, hash: hash, version: version, blob: blob, rows: r}
}

// writeIndexes caches each annotation (which is where the statements are
// read from, see Statements) and replaces its article's entity index, many
// rows per statement (see rowChunks): a statement per row, through
// database/sql, cost more than the annotating.
// An annotation whose article's hash is no longer ws[i].hash (the content
// changed meanwhile) is skipped.
func writeIndexes(tx txn, ws []indexWrite) error {
	ids := make([]int64, len(ws))
	for i, w := range ws {
		ids[i] = w.articleID
	}
	type current struct {
		hash, annHash string
		published     int64
	}
	cur := make(map[int64]current, len(ws))
	rows, err := tx.Query(`SELECT a.id, a.hash, a.ann_hash, a.published FROM json_each(?) j
		JOIN articles a ON a.id = j.value`, jsonList(ids))
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var c current
		if err := rows.Scan(&id, &c.hash, &c.annHash, &c.published); err != nil {
			rows.Close()
			return err
		}
		cur[id] = c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	var (
		cached  []any                   // rows of the annotations insert below
		stale   = map[string][]string{} // version -> hashes cached under it
		indexed []int64                 // articles whose old index rows must go first
		ents    []any                   // rows of the article_entities insert
		marks   []any                   // rows of m in the articles update
		totals  totalsDelta             // what the new rows add to entity_totals
	)
	for i := range ws {
		w := &ws[i]
		c, ok := cur[w.articleID]
		if !ok {
			w.missing = true
			continue
		}
		if c.hash != w.hash {
			continue
		}
		if w.blob != nil {
			cached = append(cached, w.hash, w.version, w.blob)
			stale[w.version] = append(stale[w.version], w.hash)
		}
		if c.annHash != "" {
			indexed = append(indexed, w.articleID)
		}
		r := &w.rows
		if r.published != c.published { // the article's date changed since it was read
			for at := rowPublished; at < len(r.ents); at += entityCols {
				r.ents[at] = c.published
			}
		}
		ents = append(ents, r.ents...)
		for _, e := range r.entities {
			totals.add(e)
		}
		marks = append(marks, w.articleID, w.hash, w.version, r.statements, r.leaders)
	}
	if err := insertRows(tx, `INSERT INTO annotations(hash, version, doc)`, 3, cached,
		` ON CONFLICT(hash, version) DO UPDATE SET doc = excluded.doc`); err != nil {
		return err
	}
	// Other versions' entries for this content are dead weight now.
	for version, hashes := range stale {
		if _, err := tx.Exec(`DELETE FROM annotations WHERE hash IN (SELECT value FROM json_each(?)) AND version <> ?`,
			jsonList(hashes), version); err != nil {
			return err
		}
	}
	if len(indexed) > 0 {
		if _, err := tx.Exec(`DELETE FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?))`,
			jsonList(indexed)); err != nil {
			return err
		}
	}
	if err := insertRows(tx, `INSERT INTO article_entities(article_id, published, kind, entity_id, name, leader, mentions, said)`,
		entityCols, ents, ""); err != nil {
		return err
	}
	if err := totals.write(tx); err != nil {
		return err
	}
	return updateRows(tx, `m(id, hash, version, n_statements, n_leaders)`, 5, marks,
		`UPDATE articles SET ann_hash = m.hash, ann_version = m.version, n_statements = m.n_statements,
			n_leaders = m.n_leaders FROM m WHERE articles.id = m.id`)
}

// totalsDelta sums a batch's new entity index rows per entity, so that
// entity_totals takes one upsert per entity and batch. A trigger per row
// (as schema 1 had) cost a tenth of saving an annotation. Removing rows
// still goes through the article_entities_total_delete trigger.
type totalsDelta struct {
	at   map[[2]string]int
	rows []entityTotal
}

type entityTotal struct {
	kind, id, name                     string
	leaderArticles, mentions, articles int
}

func (d *totalsDelta) add(e indexedEntity) {
	if d.at == nil {
		d.at = map[[2]string]int{}
	}
	k := [2]string{e.kind, e.id}
	i, ok := d.at[k]
	if !ok {
		i = len(d.rows)
		d.at[k] = i
		d.rows = append(d.rows, entityTotal{kind: e.kind, id: e.id})
	}
	t := &d.rows[i]
	t.name = e.name // the latest article's name for the entity, as a page shows it
	t.mentions += e.mentions
	t.articles++
	if e.leader {
		t.leaderArticles++
	}
}

func (d *totalsDelta) write(tx txn) error {
	args := make([]any, 0, 6*len(d.rows))
	for _, t := range d.rows {
		args = append(args, t.kind, t.id, t.name, t.leaderArticles, t.mentions, t.articles)
	}
	return insertRows(tx, `INSERT INTO entity_totals(kind, entity_id, name, leader_articles, mentions, articles)`, 6, args,
		` ON CONFLICT(kind, entity_id) DO UPDATE SET
			name = excluded.name,
			leader_articles = leader_articles + excluded.leader_articles,
			mentions = mentions + excluded.mentions,
			articles = articles + excluded.articles`)
}

// rowChunks are the numbers of rows one statement binds: a batch is split
// into the largest that fit, so that a handful of statement texts (each
// prepared once and cached) serve every batch size. Binding values beats
// passing rows as JSON, which SQLite parses again for every column read.
var rowChunks = [...]int{256, 64, 16, 4, 1}

// chunks calls fn with each run of rows of args (cols values per row) and
// its size in rows.
func chunks(args []any, cols int, fn func(part []any, n int) error) error {
	for rows := len(args) / cols; rows > 0; {
		var n int
		for _, c := range rowChunks { // the last is 1: n is always set
			if c <= rows {
				n = c
				break
			}
		}
		if err := fn(args[:n*cols], n); err != nil {
			return err
		}
		args, rows = args[n*cols:], rows-n
	}
	return nil
}

// values is " VALUES (?, …), …" for n rows of cols values.
func values(n, cols int) string {
	row := "(?" + strings.Repeat(", ?", cols-1) + ")"
	return " VALUES " + row + strings.Repeat(", "+row, n-1)
}

// insertRows runs head (an INSERT up to its column list) over args, cols
// values per row, followed by tail (an upsert clause or "").
func insertRows(tx txn, head string, cols int, args []any, tail string) error {
	return chunks(args, cols, func(part []any, n int) error {
		_, err := tx.Exec(head+values(n, cols)+tail, part...)
		return err
	})
}

// updateRows runs update with the common table table (its name and
// columns) holding args, cols values per row.
func updateRows(tx txn, table string, cols int, args []any, update string) error {
	return chunks(args, cols, func(part []any, n int) error {
		_, err := tx.Exec(`WITH `+table+` AS (`+strings.TrimPrefix(values(n, cols), " ")+`) `+update, part...)
		return err
	})
}

// jsonList is a list as one JSON array, which a statement reads with
// json_each: one bound value however long the list.
func jsonList[T int64 | string](v []T) string {
	if len(v) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(v) // ints and strings always encode
	return string(b)
}

// AnnotationInput is what annotating an article needs, read in bulk.
type AnnotationInput struct {
	ID          int64
	Title, Text string
	Published   time.Time
	// Cached: an annotation for this content and version is in the cache
	// already (Annotation indexes it without annotating again).
	Cached bool
}

// AnnotationInputs reads the articles ids (those that exist, in the order
// given) for annotating under version, in one query.
func (s *Store) AnnotationInputs(ids []int64, version string) ([]AnnotationInput, error) {
	rows, err := s.query(`SELECT a.id, a.title, COALESCE(b.text, ''), a.published,
			EXISTS (SELECT 1 FROM annotations n WHERE n.hash = a.hash AND n.version = ?2)
		FROM json_each(?1) j JOIN articles a ON a.id = j.value LEFT JOIN bodies b ON b.id = a.id
		ORDER BY j.key`, jsonList(ids), version)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := make([]AnnotationInput, 0, len(ids))
	for rows.Next() {
		var in AnnotationInput
		var published int64
		if err := rows.Scan(&in.ID, &in.Title, &in.Text, &published, &in.Cached); err != nil {
			return nil, s.wrap(err)
		}
		in.Published = time.UnixMilli(published)
		out = append(out, in)
	}
	return out, s.wrapNil(rows.Err())
}
