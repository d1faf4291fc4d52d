package store

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// FeedUpdate is one fetched feed to save: its items (ignored when the
// record says the feed was not modified) and its fetch record.
type FeedUpdate struct {
	FeedID int64
	Items  []NewArticle
	Record FetchRecord
}

// FeedSaved is what saving one FeedUpdate changed.
type FeedSaved struct {
	Added, Updated int
	// Changed lists the articles added, and those whose title or text
	// changed, which need annotating.
	Changed []int64
	Err     error // the feed's own failure (it does not exist); the others were saved
}

// SaveFeeds saves several fetched feeds in one transaction: for each, its
// items as SaveArticles would, then its fetch record as RecordFetch would.
// One transaction per batch, and one full-text insert for all its new
// articles, is what lets the store keep up with the network. A feed that
// does not exist gets its error in its FeedSaved; the error returned is a
// failure of the store, and then nothing was saved.
func (s *Store) SaveFeeds(ups []FeedUpdate) ([]FeedSaved, error) {
	ups = slices.Clone(ups)
	for i := range ups {
		ups[i].Items = s.retained(ups[i].FeedID, ups[i].Items) // see Retention
	}
	out := make([]FeedSaved, len(ups))
	err := s.write(func(tx txn) error {
		for i := range out {
			out[i] = FeedSaved{}
		}
		w, err := newArticleWriter(tx)
		if err != nil {
			return err
		}
		defer w.close()
		now := time.Now()
		for i, u := range ups {
			var one int
			if err := tx.QueryRow(`SELECT 1 FROM feeds WHERE id = ?`, u.FeedID).Scan(&one); err != nil {
				if isNoRows(err) {
					out[i].Err = fmt.Errorf("feed %d: %w", u.FeedID, ErrNotFound)
					continue
				}
				return err
			}
			if !u.Record.NotModified && len(u.Items) > 0 {
				r, err := w.save(u.FeedID, u.Items, now.UnixMilli())
				if err != nil {
					return fmt.Errorf("feed %d: %w", u.FeedID, err)
				}
				out[i] = r
			}
			rec := u.Record
			if rec.When.IsZero() {
				rec.When = now
			}
			if _, err := tx.Exec(recordFetchSQL, recordFetchArgs(u.FeedID, rec)...); err != nil {
				return fmt.Errorf("feed %d: %w", u.FeedID, err)
			}
		}
		return w.indexNew()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// recordFetchSQL is RecordFetch's update; recordFetchArgs fills it.
const recordFetchSQL = `UPDATE feeds SET
	etag = CASE WHEN ?1 AND ?2 <> '' THEN ?2 ELSE etag END,
	last_modified = CASE WHEN ?1 AND ?3 <> '' THEN ?3 ELSE last_modified END,
	feed_title = CASE WHEN ?4 <> '' THEN ?4 ELSE feed_title END,
	last_fetch = ?5, last_error = ?6
WHERE id = ?7`

func recordFetchArgs(feedID int64, r FetchRecord) []any {
	return []any{r.Err == "", r.ETag, r.LastModified, strings.TrimSpace(r.Title), r.When.UnixMilli(), r.Err, feedID}
}
