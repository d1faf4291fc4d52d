package store

import (
	"database/sql"

	"github.com/herald-reader/herald/feeds/htmltext"
)

// Link is one link of an article's text: where it goes and the text of its
// anchor, as htmltext.ToTextLinks finds them. An article's links are
// numbered from 1 in the order the text gives them, which is the order the
// reader lists them in.
type Link = htmltext.Link

// linksMigration (schema 5) keeps every article's links, written with its
// body: a link's number is its place in the article.
const linksMigration = `
CREATE TABLE article_links (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	n          INTEGER NOT NULL,             -- 1, 2, … in text order
	url        TEXT NOT NULL,
	text       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, n)
) WITHOUT ROWID;
`

// maxLinks bounds the links kept for one article: a hostile or broken page
// with thousands of anchors must not bloat the store.
const maxLinks = 500

// linkWriter writes articles' links inside an articleWriter's transaction.
type linkWriter struct {
	ins, del *sql.Stmt
}

// The statements of a linkWriter (prepared with the articleWriter's).
const (
	insertLinkSQL  = `INSERT INTO article_links(article_id, n, url, text) VALUES (?1, ?2, ?3, ?4)`
	deleteLinksSQL = `DELETE FROM article_links WHERE article_id = ?1`
)

// replace makes links the article's links; replaced is false for an article
// just inserted, which has none to delete.
func (l *linkWriter) replace(articleID int64, links []Link, replaced bool) error {
	if replaced {
		if _, err := l.del.Exec(articleID); err != nil {
			return err
		}
	}
	for i, k := range links[:min(len(links), maxLinks)] {
		if _, err := l.ins.Exec(articleID, i+1, k.URL, k.Text); err != nil {
			return err
		}
	}
	return nil
}

// Links returns an article's links in their order (link n is at n-1); an
// article stored before links were kept, or with none, has none.
func (s *Store) Links(articleID int64) ([]Link, error) {
	rows, err := s.query(`SELECT url, text FROM article_links WHERE article_id = ? ORDER BY n`, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		var l Link
		if err := rows.Scan(&l.URL, &l.Text); err != nil {
			return nil, s.wrap(err)
		}
		out = append(out, l)
	}
	return out, s.wrapNil(rows.Err())
}
