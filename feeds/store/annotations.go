package store

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// Annotation returns the cached annotation of the article's current
// content for the annotator version, if there is one. An annotation cached
// for the same content under another article (a story carried twice) is
// found too, and then this article's entity index is written from it.
func (s *Store) Annotation(articleID int64, version string) (nlp.Doc, bool, error) {
	var hash, annHash, annVersion string
	var blob []byte
	var text sql.NullString
	err := s.queryRow(`SELECT a.hash, a.ann_hash, a.ann_version, n.doc, b.text
		FROM articles a LEFT JOIN annotations n ON n.hash = a.hash AND n.version = ?2
		LEFT JOIN bodies b ON b.id = a.id
		WHERE a.id = ?1`, articleID, version).Scan(&hash, &annHash, &annVersion, &blob, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nlp.Doc{}, false, fmt.Errorf("article %d: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return nlp.Doc{}, false, s.wrap(err)
	}
	if blob == nil {
		return nlp.Doc{}, false, nil
	}
	doc, err := decodeDoc(blob, text.String)
	if err != nil {
		// A cache entry that cannot be read is as good as none: the caller
		// annotates again and SaveAnnotation overwrites it.
		return nlp.Doc{}, false, nil
	}
	if annHash != hash || annVersion != version {
		if err := s.SaveAnnotation(articleID, hash, version, doc); err != nil {
			return doc, true, err
		}
	}
	return doc, true, nil
}

// AnnotationRecord is one annotated article to save: Doc is the annotation
// of Text, the article's text, and Title is the article's title (together
// they are the content the annotation is cached for).
type AnnotationRecord struct {
	ArticleID   int64
	Title, Text string
	Version     string
	Doc         nlp.Doc
	// Published is the article's date as read with its text (zero when
	// unknown). The index rows carry it: they are built before the write
	// lock is taken, and corrected under it when the stored date differs.
	Published time.Time

	hash string // set by Encode
	blob []byte
}

// Encode computes the content hash and the stored form of the annotation,
// the costly part of saving it, so that workers can do it in parallel
// before handing records to SaveAnnotations (which encodes any record not
// encoded yet).
func (r *AnnotationRecord) Encode() error {
	if r.blob != nil || r.Doc.Failed {
		return nil
	}
	blob, err := encodeDoc(r.Doc, r.Text)
	if err != nil {
		return fmt.Errorf("article %d: encoding annotation: %w", r.ArticleID, err)
	}
	r.hash, r.blob = ContentHash(r.Title, r.Text), blob
	return nil
}

// SaveAnnotation caches doc for (hash, version) and, in the same
// transaction, replaces the article's rows in the entity index (its
// statements are read from the cache). If the article's content no longer
// has this hash (it changed while it was being annotated) nothing is
// written, and a doc whose annotation failed (Doc.Failed) is never cached.
func (s *Store) SaveAnnotation(articleID int64, hash, version string, doc nlp.Doc) error {
	if doc.Failed {
		return nil
	}
	var title, text string
	err := s.queryRow(`SELECT a.title, COALESCE(b.text, '') FROM articles a LEFT JOIN bodies b ON b.id = a.id
		WHERE a.id = ?`, articleID).Scan(&title, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %d: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return s.wrap(err)
	}
	if ContentHash(title, text) != hash {
		return nil // the content changed since the caller read it
	}
	return s.SaveAnnotations([]AnnotationRecord{{ArticleID: articleID, Title: title, Text: text, Version: version, Doc: doc}})
}

// SaveAnnotations saves several annotations in one transaction, as
// SaveAnnotation does each. Records whose article changed since it was read
// (its title and text no longer hash to the stored hash) or whose Doc
// failed are skipped. The stored annotation does not repeat the article's
// text: Annotation rebuilds it from the body.
func (s *Store) SaveAnnotations(recs []AnnotationRecord) error {
	// Encoding is the costly part: it is done before taking the write lock.
	var batch []indexWrite
	seen := map[int64]int{} // the last record of an article wins
	for i := range recs {
		r := &recs[i]
		if r.Doc.Failed {
			continue
		}
		if err := r.Encode(); err != nil {
			return err
		}
		w := newIndexWrite(r.ArticleID, r.hash, r.Version, r.Doc, r.Published.UnixMilli(), r.blob)
		if at, ok := seen[r.ArticleID]; ok {
			batch[at] = w
			continue
		}
		seen[r.ArticleID] = len(batch)
		batch = append(batch, w)
	}
	if len(batch) == 0 {
		return nil
	}
	return s.write(func(tx txn) error {
		if err := writeIndexes(tx, batch); err != nil {
			return err
		}
		if len(recs) == 1 && batch[0].missing {
			return fmt.Errorf("article %d: %w", batch[0].articleID, ErrNotFound)
		}
		return nil
	})
}

// indexedEntity is one row of the entity index: an entity and its mentions
// in one article.
type indexedEntity struct {
	kind, id, name string
	leader         bool
	mentions       int
	said           int // statements the article attributes to it
}

// kindSpeaker marks an entity index row for a speaker the article quotes
// but does not name among its people and countries (a party, a newspaper,
// a name the annotator did not resolve): statements by a speaker are found
// through the speaker's index rows, so every speaker needs one. Pickers
// ask for people and countries only, so these rows stay out of them.
const kindSpeaker = "speaker"

// indexedEntities is the article's rows in the entity index: its people
// and countries (see groupEntities), then a kindSpeaker row for each
// speaker with an id that is not among them. A speaker's statements are
// counted on the first row of its id.
func indexedEntities(doc nlp.Doc) []indexedEntity {
	out := groupEntities(doc)
	at := make(map[string]int, len(out)) // an id's first row
	for i, e := range out {
		if _, ok := at[e.id]; !ok {
			at[e.id] = i
		}
	}
	for _, x := range doc.Statements {
		sp := x.Speaker
		if sp == nil || sp.ID == "" {
			continue
		}
		i, ok := at[sp.ID]
		if !ok {
			i = len(out)
			at[sp.ID] = i
			out = append(out, indexedEntity{kind: kindSpeaker, id: sp.ID, name: sp.Name, leader: sp.Leader})
		}
		out[i].said++
	}
	return out
}

// groupEntities folds the mentions of doc into one row per entity, in order
// of first mention.
func groupEntities(doc nlp.Doc) []indexedEntity {
	var out []indexedEntity
	at := map[[2]string]int{}
	for _, e := range doc.Entities {
		if e.ID == "" {
			continue
		}
		k := [2]string{e.Kind, e.ID}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, indexedEntity{kind: e.Kind, id: e.ID, name: e.Name, leader: e.Leader, mentions: 1})
			continue
		}
		out[i].mentions++
		out[i].leader = out[i].leader || e.Leader
		if out[i].name == "" {
			out[i].name = e.Name
		}
	}
	return out
}

// writeIndex replaces the article's entity index with doc's and records
// which hash and version it describes. The cache is not written: the
// caller caches doc under them, since the statements are read from there.
func writeIndex(tx txn, articleID int64, hash, version string, doc nlp.Doc) error {
	return writeIndexes(tx, []indexWrite{newIndexWrite(articleID, hash, version, doc, 0, nil)})
}

// Unannotated lists, newest first, the configured feeds' articles whose
// current content has no entity index for version (limit 0: all). Articles
// whose annotation is cached but not yet indexed are included: Annotation
// on them indexes them without annotating again.
func (s *Store) Unannotated(version string, limit int) ([]int64, error) {
	return s.UnannotatedIn(version, 0, time.Time{}, limit)
}

// UnannotatedIn is Unannotated for one feed (feedID 0: every configured
// feed) and for articles published since a time (zero: any).
func (s *Store) UnannotatedIn(version string, feedID int64, since time.Time, limit int) ([]int64, error) {
	// Two indexed parts, both small once the store is annotated: content
	// that changed since (or was never) indexed, and content indexed by
	// another annotator version.
	var sinceMS int64
	if !since.IsZero() {
		sinceMS = since.UnixMilli()
	}
	query, args := limitOffset(`SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id
		WHERE (CASE WHEN ?2 = 0 THEN f.position IS NOT NULL ELSE a.feed_id = ?2 END)
		AND (?3 = 0 OR a.published >= ?3) AND a.id IN (
			SELECT id FROM articles WHERE ann_hash <> hash
			UNION ALL -- two ranges of the partial index (it takes no OR)
			SELECT id FROM articles WHERE ann_version < ?1 AND ann_hash = hash
			UNION ALL
			SELECT id FROM articles WHERE ann_version > ?1 AND ann_hash = hash)
		ORDER BY a.published DESC, a.id DESC`, []any{version, feedID, sinceMS}, limit, 0)
	rows, err := s.query(query, args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, s.wrap(err)
		}
		ids = append(ids, id)
	}
	return ids, s.wrapNil(rows.Err())
}

// storedDoc is the annotation cache's older form, gzipped (or plain)
// JSON: the text was left out when it was the normalised article text,
// and so were mentions' and quotes' texts that were just the text between
// their offsets. decodeDoc still reads it; encodeDoc writes the compact
// form (annotation_codec.go).
type storedDoc struct {
	Text       string          `json:"text,omitempty"`
	FromBody   bool            `json:"from_body,omitempty"`
	Entities   []nlp.Entity    `json:"entities"`
	Statements []nlp.Statement `json:"statements"`
}

// encodeDoc stores doc, the annotation of the article text body, in the
// compact form, leaving out what the body holds.
func encodeDoc(doc nlp.Doc, body string) ([]byte, error) {
	return encodeCompact(doc, doc.Text == nlp.Normalize(body))
}

// decodeDoc reads what encodeDoc writes (or, from older stores, gzipped
// or plain JSON, with or without the text); body is the article's text.
func decodeDoc(b []byte, body string) (nlp.Doc, error) {
	var doc nlp.Doc
	var fromBody bool
	if len(b) > 0 && b[0] == blobCompact {
		var err error
		if doc, fromBody, err = decodeCompact(b[1:], false); err != nil {
			return nlp.Doc{}, err
		}
	} else {
		var sd storedDoc
		var r io.Reader = bytes.NewReader(b)
		if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
			zr, err := gzip.NewReader(r)
			if err != nil {
				return nlp.Doc{}, err
			}
			defer zr.Close()
			r = zr
		}
		if err := json.NewDecoder(r).Decode(&sd); err != nil {
			return nlp.Doc{}, err
		}
		doc, fromBody = nlp.Doc{Text: sd.Text, Entities: sd.Entities, Statements: sd.Statements}, sd.FromBody
	}
	if !fromBody {
		return doc, nil
	}
	doc.Text = nlp.Normalize(body)
	for i, e := range doc.Entities {
		if e.Text == "" && e.Start >= 0 && e.Start <= e.End && e.End <= len(doc.Text) {
			doc.Entities[i].Text = doc.Text[e.Start:e.End]
		}
	}
	fillQuotes(doc.Statements, doc.Text)
	return doc, nil
}

// decodeStatements reads only the statements of what encodeDoc wrote
// (body is the article's text), as Statements needs them: the entities'
// strings are never made, and the body is normalised only when a quote
// was left out of the blob.
func decodeStatements(b []byte, body string) ([]nlp.Statement, error) {
	if len(b) == 0 || b[0] != blobCompact {
		doc, err := decodeDoc(b, body)
		return doc.Statements, err
	}
	doc, fromBody, err := decodeCompact(b[1:], true)
	if err != nil || !fromBody {
		return doc.Statements, err
	}
	for _, st := range doc.Statements {
		if st.Quote == "" {
			fillQuotes(doc.Statements, nlp.Normalize(body))
			break
		}
	}
	return doc.Statements, nil
}

// fillQuotes gives statements whose quote was left out (as the text
// between their offsets) that text.
func fillQuotes(sts []nlp.Statement, text string) {
	for i, st := range sts {
		if st.Quote == "" && st.Start >= 0 && st.Start <= st.End && st.End <= len(text) {
			sts[i].Quote = text[st.Start:st.End]
		}
	}
}
