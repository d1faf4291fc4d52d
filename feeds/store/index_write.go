package store

import (
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// indexWrite is one article's annotation on its way into the store.
type indexWrite struct {
	articleID     int64
	hash, version string
	doc           nlp.Doc
	blob          []byte // the encoded doc for the cache; nil: index only
	missing       bool   // set by writeIndexes: the article does not exist
}

// writeIndexes caches each annotation and replaces its article's entity
// index and statements, in a fixed handful of statements for the whole
// batch (rows go in as JSON): a statement per row, through database/sql,
// cost more than the annotating. An annotation whose article's hash is no
// longer ws[i].hash (the content changed meanwhile) is skipped.
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
		JOIN articles a ON a.id = j.value`, jsonText(ids))
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
		cached  [][3]string // hash, version, hex blob
		indexed []int64     // articles whose old index rows must go first
		ents    [][7]any
		stmts   [][12]any
		marks   [][5]any // id, hash, version, statements, leaders
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
			cached = append(cached, [3]string{w.hash, w.version, hex.EncodeToString(w.blob)})
		}
		if c.annHash != "" {
			indexed = append(indexed, w.articleID)
		}
		leaders := 0
		for _, e := range groupEntities(w.doc) {
			if e.kind == nlp.KindPerson && e.leader {
				leaders++
			}
			ents = append(ents, [7]any{w.articleID, c.published, e.kind, e.id, e.name, e.leader, e.mentions})
		}
		for seq, x := range w.doc.Statements {
			var sp nlp.Speaker
			if x.Speaker != nil {
				sp = *x.Speaker
			}
			stmts = append(stmts, [12]any{w.articleID, seq, c.published, x.Kind, sp.ID, sp.Name, sp.Leader,
				x.Quote, x.Start, x.End, x.Cue, x.Confidence})
		}
		marks = append(marks, [5]any{w.articleID, w.hash, w.version, len(w.doc.Statements), leaders})
	}
	steps := []struct {
		rows  any
		n     int
		query string
	}{
		{cached, len(cached), `INSERT INTO annotations(hash, version, doc)
			SELECT value->>0, value->>1, unhex(value->>2) FROM json_each(?) WHERE true
			ON CONFLICT(hash, version) DO UPDATE SET doc = excluded.doc`},
		// Other versions' entries for this content are dead weight now.
		{cached, len(cached), `DELETE FROM annotations WHERE rowid IN (
			SELECT n.rowid FROM json_each(?) j JOIN annotations n ON n.hash = j.value->>0 AND n.version <> j.value->>1)`},
		{indexed, len(indexed), `DELETE FROM article_entities WHERE article_id IN (SELECT value FROM json_each(?))`},
		{indexed, len(indexed), `DELETE FROM statements WHERE article_id IN (SELECT value FROM json_each(?))`},
		{ents, len(ents), `INSERT INTO article_entities(article_id, published, kind, entity_id, name, leader, mentions)
			SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6 FROM json_each(?)`},
		{stmts, len(stmts), `INSERT INTO statements(article_id, seq, published, kind, speaker_id, speaker_name,
			speaker_leader, quote, q_start, q_end, cue, confidence)
			SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7,
				value->>8, value->>9, value->>10, value->>11 FROM json_each(?)`},
		{marks, len(marks), `UPDATE articles SET ann_hash = j.value->>1, ann_version = j.value->>2,
			n_statements = j.value->>3, n_leaders = j.value->>4
			FROM json_each(?) j WHERE articles.id = j.value->>0`},
	}
	for _, st := range steps {
		if st.n == 0 {
			continue
		}
		if _, err := tx.Exec(st.query, jsonText(st.rows)); err != nil {
			return err
		}
	}
	return nil
}

// jsonText encodes v for json_each; v is built here from plain values, so
// encoding cannot fail.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
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
		ORDER BY j.key`, jsonText(ids), version)
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
