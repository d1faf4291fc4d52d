package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// NewArticle is one item of a fetched feed, as the fetcher hands it over.
type NewArticle struct {
	GUID, Link, Title, Author string
	Published                 time.Time // zero or over a day ahead: the time herald first saw it
	Text                      string
	Links                     []Link // the links of Text, numbered from 1 by their place
}

// ArticleSummary is what an article list shows; it never holds the body.
type ArticleSummary struct {
	ID, FeedID                     int64
	FeedTitle, Title, Link, Author string // FeedTitle falls back to the feed's URL
	Published                      time.Time
	Read, Starred                  bool
	Annotated                      bool // the entity index holds the current hash, for the store's annotator version
	Statements, Leaders            int  // from the entity index (0 when not annotated)
}

// Article is an article with its body.
type Article struct {
	ArticleSummary
	Text, Hash string
	Links      []Link // the links of Text (see Links)
}

// ContentHash is the hash SaveArticles stores: hex sha256 of title, a
// newline and text. Annotations are keyed by it.
func ContentHash(title, text string) string {
	bp := hashInputs.Get().(*[]byte)
	b := append(append(append((*bp)[:0], title...), '\n'), text...)
	sum := sha256.Sum256(b)
	*bp = b
	hashInputs.Put(bp)
	return hex.EncodeToString(sum[:])
}

// hashInputs keeps ContentHash's input buffers: hashing every article of a
// refresh (twice: saving and annotating) would otherwise copy each text.
var hashInputs = sync.Pool{New: func() any { return new([]byte) }}

// maxFuture is how far ahead of the clock (ms) a publication date may be.
const maxFuture = 24 * 60 * 60 * 1000

// existing is the stored state of an article SaveArticles compares with.
type existing struct {
	id                       int64
	guid, link, author, hash string
	published                int64
}

// SaveArticles inserts new articles and updates changed ones in place, in
// one transaction. An item matches a stored article of the same feed by
// GUID; without a GUID by link, then by title, then (with none of those)
// by content. Read and starred flags are never touched. A change of title
// or text drops the article's entity index, which is stale from then on.
func (s *Store) SaveArticles(feedID int64, items []NewArticle) (added, updated int, err error) {
	items = s.retained(feedID, items) // see Retention
	err = s.write(func(tx txn) error {
		var one int
		if err := tx.QueryRow(`SELECT 1 FROM feeds WHERE id = ?`, feedID).Scan(&one); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("feed %d: %w", feedID, ErrNotFound)
			}
			return err
		}
		w, err := newArticleWriter(tx)
		if err != nil {
			return err
		}
		defer w.close()
		r, err := w.save(feedID, items, time.Now().UnixMilli())
		if err != nil {
			return err
		}
		added, updated = r.Added, r.Updated
		return w.indexNew()
	})
	if err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

// publishedAt is the publication time stored for it (unix ms): a date more
// than a day ahead is a feed's mistake (or a trick to stay on top) and counts
// as none, and an article with none is dated now. It clears it.Published
// when the date is refused.
func publishedAt(it *NewArticle, now int64) int64 {
	if it.Published.UnixMilli() > now+maxFuture {
		it.Published = time.Time{}
	}
	if it.Published.IsZero() {
		return now
	}
	return it.Published.UnixMilli()
}

// save inserts or updates one feed's items (see SaveArticles).
func (w *articleWriter) save(feedID int64, items []NewArticle, now int64) (FeedSaved, error) {
	var r FeedSaved
	for _, it := range items {
		hash := ContentHash(it.Title, it.Text)
		published := publishedAt(&it, now)
		old, found, err := w.find(feedID, it, hash)
		if err != nil {
			return r, err
		}
		if !found {
			id, err := w.insert(feedID, it, hash, published, now)
			if err != nil {
				return r, err
			}
			r.Added++
			r.Changed = append(r.Changed, id)
			continue
		}
		if it.Published.IsZero() {
			published = old.published
		}
		guid := old.guid
		if guid == "" {
			guid = it.GUID
		}
		if old.hash == hash && old.link == it.Link && old.author == it.Author &&
			old.published == published && old.guid == guid {
			continue
		}
		if err := w.update(old, it, guid, hash, published); err != nil {
			return r, err
		}
		r.Updated++
		if old.hash != hash {
			r.Changed = append(r.Changed, old.id)
		}
	}
	return r, nil
}

// articleWriter holds the prepared statements of one SaveArticles call.
type articleWriter struct {
	tx                              txn
	byGUID, byLink, byTitle, byHash *sql.Stmt
	insArticle, insBody             *sql.Stmt
	updArticle, updBody             *sql.Stmt
	links                           linkWriter
	all                             []*sql.Stmt
	inserted                        []int64 // bodies not yet in the full-text index
}

func newArticleWriter(tx txn) (*articleWriter, error) {
	const cols = `SELECT id, guid, link, author, hash, published FROM articles `
	w := &articleWriter{tx: tx}
	prep := func(dst **sql.Stmt, q string) error {
		st, err := tx.Prepare(q)
		if err != nil {
			return err
		}
		*dst = st
		w.all = append(w.all, st)
		return nil
	}
	for _, p := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&w.byGUID, cols + `WHERE feed_id = ?1 AND guid = ?2 AND guid <> '' ORDER BY id LIMIT 1`},
		{&w.byLink, cols + `WHERE feed_id = ?1 AND link = ?2 AND link <> '' ORDER BY id LIMIT 1`},
		{&w.byTitle, cols + `WHERE feed_id = ?1 AND title = ?2 ORDER BY id LIMIT 1`},
		{&w.byHash, cols + `WHERE feed_id = ?1 AND hash = ?2 AND guid = '' AND link = '' ORDER BY id LIMIT 1`},
		{&w.insArticle, `INSERT INTO articles(feed_id, guid, link, title, author, published, hash, seen)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`},
		{&w.insBody, `INSERT INTO bodies(id, title, text) VALUES (?1, ?2, ?3)`},
		{&w.updArticle, `UPDATE articles SET guid = ?2, link = ?3, title = ?4, author = ?5,
			published = ?6, hash = ?7 WHERE id = ?1`},
		{&w.updBody, `UPDATE bodies SET title = ?2, text = ?3 WHERE id = ?1`},
		{&w.links.ins, insertLinkSQL},
		{&w.links.del, deleteLinksSQL},
	} {
		if err := prep(p.dst, p.q); err != nil {
			w.close()
			return nil, err
		}
	}
	return w, nil
}

func (w *articleWriter) close() {
	for _, st := range w.all {
		st.Close()
	}
}

func (w *articleWriter) find(feedID int64, it NewArticle, hash string) (existing, bool, error) {
	var st *sql.Stmt
	var key string
	switch {
	case it.GUID != "":
		st, key = w.byGUID, it.GUID
	case it.Link != "":
		st, key = w.byLink, it.Link
	case it.Title != "":
		st, key = w.byTitle, it.Title
	default:
		st, key = w.byHash, hash
	}
	var e existing
	err := st.QueryRow(feedID, key).Scan(&e.id, &e.guid, &e.link, &e.author, &e.hash, &e.published)
	if errors.Is(err, sql.ErrNoRows) {
		return existing{}, false, nil
	}
	return e, err == nil, err
}

// insert adds an article first seen at now (unix ms).
func (w *articleWriter) insert(feedID int64, it NewArticle, hash string, published, now int64) (int64, error) {
	res, err := w.insArticle.Exec(feedID, it.GUID, it.Link, it.Title, it.Author, published, hash, now)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err = w.insBody.Exec(id, it.Title, it.Text); err != nil {
		return 0, err
	}
	if err = w.links.replace(id, it.Links, false); err != nil {
		return 0, err
	}
	w.inserted = append(w.inserted, id)
	return id, nil
}

// indexNew adds the bodies inserted so far to the full-text index in one
// statement. Row by row (a trigger, as schema 1 had) FTS5 flushes its
// pending terms to a new segment at every statement, and most of a
// refresh's time went into merging those segments.
func (w *articleWriter) indexNew() error {
	if len(w.inserted) == 0 {
		return nil
	}
	_, err := w.tx.Exec(`INSERT INTO articles_fts(rowid, title, text)
		SELECT b.id, b.title, b.text FROM json_each(?) j JOIN bodies b ON b.id = j.value ORDER BY b.id`, jsonList(w.inserted))
	w.inserted = w.inserted[:0]
	return err
}

func (w *articleWriter) update(old existing, it NewArticle, guid, hash string, published int64) error {
	if _, err := w.updArticle.Exec(old.id, guid, it.Link, it.Title, it.Author, published, hash); err != nil {
		return err
	}
	if old.published != published {
		if _, err := w.tx.Exec(`UPDATE article_entities SET published = ?2 WHERE article_id = ?1`, old.id, published); err != nil {
			return err
		}
	}
	if old.hash == hash {
		return nil
	}
	if _, err := w.updBody.Exec(old.id, it.Title, it.Text); err != nil {
		return err
	}
	if err := w.links.replace(old.id, it.Links, true); err != nil {
		return err
	}
	return clearIndex(w.tx, old.id)
}

// clearIndex drops an article's entity index.
func clearIndex(tx txn, articleID int64) error {
	for _, q := range []string{
		`DELETE FROM article_entities WHERE article_id = ?`,
		`UPDATE articles SET ann_hash = '', ann_version = '', n_statements = 0, n_leaders = 0 WHERE id = ?`,
	} {
		if _, err := tx.Exec(q, articleID); err != nil {
			return err
		}
	}
	return nil
}

// summaryColumns selects an ArticleSummary from articles a joined with feeds f.
// Parameter ?1 is the annotator version (AnnotatorVersion): it comes first
// in the query, so the callers' own "?" placeholders number from 2.
const summaryColumns = `a.id, a.feed_id,
	COALESCE(NULLIF(CASE WHEN f.config_title <> '' THEN f.config_title ELSE f.feed_title END, ''), f.url),
	a.title, a.link, a.author, a.published, a.read, a.starred,
	(a.ann_hash = a.hash AND a.ann_version = ?1), a.n_statements, a.n_leaders`

// SetAnnotatorVersion sets the annotator version (nlp.Annotator.Version)
// that ArticleSummary.Annotated is reckoned for. Until it is set, it is the
// nlp.Version constant.
func (s *Store) SetAnnotatorVersion(v string) { s.annVersion.Store(&v) }

// AnnotatorVersion is the version SetAnnotatorVersion set.
func (s *Store) AnnotatorVersion() string {
	if v := s.annVersion.Load(); v != nil {
		return *v
	}
	return nlp.Version
}

func scanSummary(r scanner, dst *ArticleSummary) error {
	var published int64
	if err := r.Scan(&dst.ID, &dst.FeedID, &dst.FeedTitle, &dst.Title, &dst.Link, &dst.Author,
		&published, &dst.Read, &dst.Starred, &dst.Annotated, &dst.Statements, &dst.Leaders); err != nil {
		return err
	}
	dst.Published = time.UnixMilli(published)
	return nil
}

// Article returns one article with its body.
func (s *Store) Article(id int64) (Article, error) {
	var a Article
	row := s.queryRow(`SELECT `+summaryColumns+`, b.text, a.hash
		FROM articles a JOIN feeds f ON f.id = a.feed_id LEFT JOIN bodies b ON b.id = a.id
		WHERE a.id = ?`, s.AnnotatorVersion(), id)
	var published int64
	var text sql.NullString
	err := row.Scan(&a.ID, &a.FeedID, &a.FeedTitle, &a.Title, &a.Link, &a.Author,
		&published, &a.Read, &a.Starred, &a.Annotated, &a.Statements, &a.Leaders, &text, &a.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Article{}, s.wrap(err)
	}
	a.Published = time.UnixMilli(published)
	a.Text = text.String
	if a.Links, err = s.Links(id); err != nil {
		return Article{}, err
	}
	return a, nil
}

// SetRead sets an article's read flag.
func (s *Store) SetRead(id int64, read bool) error {
	return s.setFlag("read", id, read)
}

// SetStarred sets an article's starred flag.
func (s *Store) SetStarred(id int64, starred bool) error {
	return s.setFlag("starred", id, starred)
}

func (s *Store) setFlag(column string, id int64, v bool) error {
	res, err := s.exec(`UPDATE articles SET `+column+` = ?2 WHERE id = ?1 AND `+column+` <> ?2`, id, v)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	var one int
	err = s.queryRow(`SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return s.wrapNil(err)
}

// MarkFeedRead marks every article of a feed read; feedID 0 means every
// configured feed.
func (s *Store) MarkFeedRead(feedID int64) error {
	var err error
	if feedID == 0 {
		_, err = s.exec(`UPDATE articles SET read = 1 WHERE read = 0
			AND feed_id IN (SELECT id FROM feeds WHERE position IS NOT NULL)`)
	} else {
		_, err = s.exec(`UPDATE articles SET read = 1 WHERE feed_id = ? AND read = 0`, feedID)
	}
	return err
}
