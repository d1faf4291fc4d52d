package store

import (
	"context"
	"fmt"
	"time"
)

// Retention is what Prune removes and SaveArticles no longer takes in.
// Starred articles and articles whose statements went into an export
// (MarkExported) are never removed, whatever their age or number.
type Retention struct {
	// Keep is how long an article is kept after its publication date or
	// after herald first saw it, whichever is later; 0 keeps articles for
	// ever.
	Keep time.Duration
	// PerFeed is how many articles of one feed are kept, newest first
	// (starred and exported ones not counted); 0 means no cap.
	PerFeed int
}

// Defaults for the [store] keys keep and max_articles_per_feed: three
// months of news, and at most 2000 articles a feed (a busy feed of 100
// items a day fills that in 20 days). Together they bound a store to a few
// hundred megabytes for a few hundred feeds, whatever the feeds send.
const (
	DefaultKeep    = 90 * 24 * time.Hour
	DefaultPerFeed = 2000
)

// maxTombstones bounds the ids of pruned articles remembered per feed:
// twice what one fetch reads (feeds.MaxItems), so that a feed sending new
// ids with every refresh cannot grow the store through them either.
const maxTombstones = 10000

// pruneBatch is how many articles one write transaction removes, so that
// pruning never holds the write lock for long.
const pruneBatch = 500

// SetRetention sets the rules Prune and SaveArticles follow; a new store
// has none (nothing is pruned). Call it before the store is shared.
func (s *Store) SetRetention(r Retention) { s.retention = r }

// retained drops the items SaveArticles must not store: the ones pruned
// before, so that a feed that still lists them does not bring them back.
// Errors keep the items: retention is never a reason to lose a refresh.
func (s *Store) retained(feedID int64, items []NewArticle) []NewArticle {
	var n int
	if err := s.queryRow(`SELECT count(*) FROM pruned WHERE feed_id = ?`, feedID).Scan(&n); err != nil || n == 0 {
		return items
	}
	out := items[:0:0]
	for _, it := range items {
		if it.GUID != "" {
			var one int
			if s.queryRow(`SELECT 1 FROM pruned WHERE feed_id = ? AND guid = ?`, feedID, it.GUID).Scan(&one) == nil {
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// PruneStats is what Prune removed.
type PruneStats struct {
	Articles   int   // articles removed
	FreedPages int64 // database pages given back to the file system
}

// Prune removes the articles the retention rules no longer keep, in small
// transactions, remembers their ids so that refreshes do not add them
// again, drops annotations no article uses any more, and gives the freed
// space back to the file system (incremental vacuum; a store created
// before herald set that up is converted by one full VACUUM the first time
// pruning frees space).
func (s *Store) Prune() (PruneStats, error) {
	var st PruneStats
	r := s.retention
	if s.readOnly != "" || (r.Keep <= 0 && r.PerFeed <= 0) {
		return st, nil
	}
	now := time.Now()
	type victim struct {
		id, feed int64
		guid     string
	}
	var victims []victim
	collect := func(query string, args ...any) error {
		rows, err := s.db.Query(query, args...)
		if err != nil {
			return s.wrap(err)
		}
		defer rows.Close()
		for rows.Next() {
			var v victim
			if err := rows.Scan(&v.id, &v.feed, &v.guid); err != nil {
				return s.wrap(err)
			}
			victims = append(victims, v)
		}
		return s.wrap(rows.Err())
	}
	const keepable = `a.starred = 0 AND NOT EXISTS (SELECT 1 FROM exported e WHERE e.article_id = a.id)`
	if r.Keep > 0 {
		cutoff := now.Add(-r.Keep).UnixMilli()
		if err := collect(`SELECT a.id, a.feed_id, a.guid FROM articles a WHERE a.published < ? AND a.seen < ? AND `+keepable,
			cutoff, cutoff); err != nil {
			return st, err
		}
	}
	if r.PerFeed > 0 {
		q := `SELECT id, feed_id, guid FROM (
			SELECT a.id, a.feed_id, a.guid, max(a.published, a.seen) AS age,
				row_number() OVER (PARTITION BY a.feed_id ORDER BY a.published DESC, a.id DESC) AS rn
			FROM articles a WHERE ` + keepable + `) WHERE rn > ?`
		if r.Keep > 0 {
			q += ` AND age >= ?` // the older ones are already listed
			if err := collect(q, r.PerFeed, now.Add(-r.Keep).UnixMilli()); err != nil {
				return st, err
			}
		} else if err := collect(q, r.PerFeed); err != nil {
			return st, err
		}
	}
	for len(victims) > 0 {
		batch := victims[:min(len(victims), pruneBatch)]
		victims = victims[len(batch):]
		err := s.write(func(tx txn) error {
			for _, v := range batch {
				if v.guid != "" {
					if _, err := tx.Exec(`INSERT OR REPLACE INTO pruned(feed_id, guid, at) VALUES (?, ?, ?)`, v.feed, v.guid, now.UnixMilli()); err != nil {
						return err
					}
				}
				res, err := tx.Exec(`DELETE FROM articles WHERE id = ? AND starred = 0`, v.id)
				if err != nil {
					return err
				}
				n, _ := res.RowsAffected()
				st.Articles += int(n)
			}
			return nil
		})
		if err != nil {
			return st, fmt.Errorf("pruning: %w", err)
		}
	}
	// Tombstones outlive the articles by long enough for feeds to stop
	// listing them.
	forget := max(2*r.Keep, 180*24*time.Hour)
	if _, err := s.exec(`DELETE FROM pruned WHERE at < ?`, now.Add(-forget).UnixMilli()); err != nil {
		return st, err
	}
	if _, err := s.exec(`DELETE FROM pruned WHERE (feed_id, guid) IN (
		SELECT feed_id, guid FROM (
			SELECT feed_id, guid, row_number() OVER (PARTITION BY feed_id ORDER BY at DESC, guid) AS rn FROM pruned)
		WHERE rn > ?)`, maxTombstones); err != nil {
		return st, err
	}
	if st.Articles == 0 {
		return st, nil
	}
	if _, err := s.exec(`DELETE FROM annotations WHERE hash NOT IN (SELECT hash FROM articles)`); err != nil {
		return st, err
	}
	freed, err := s.vacuum()
	st.FreedPages = freed
	return st, err
}

// vacuum gives free pages back to the file system.
func (s *Store) vacuum() (int64, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var mode, free int64
	if err := s.db.QueryRow(`PRAGMA auto_vacuum`).Scan(&mode); err != nil {
		return 0, s.wrap(err)
	}
	if err := s.db.QueryRow(`PRAGMA freelist_count`).Scan(&free); err != nil {
		return 0, s.wrap(err)
	}
	if free == 0 {
		return 0, nil
	}
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, s.wrap(err)
	}
	defer conn.Close()
	if mode == 2 {
		_, err = conn.ExecContext(ctx, `PRAGMA incremental_vacuum`)
	} else {
		// A store made before herald asked for incremental vacuum: the
		// setting takes effect with a full VACUUM on the same connection.
		if _, err = conn.ExecContext(ctx, `PRAGMA auto_vacuum = INCREMENTAL`); err == nil {
			_, err = conn.ExecContext(ctx, `VACUUM`)
		}
	}
	if err != nil {
		return 0, s.wrap(err)
	}
	_, _ = s.truncateWAL(ctx, conn) // the file shrinks now, not at the next checkpoint
	return free, nil
}

// MarkExported records that the statements of these articles went into an
// export: retention never removes them. Unknown ids are skipped.
func (s *Store) MarkExported(ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	now := time.Now().UnixMilli()
	return s.write(func(tx txn) error {
		for _, id := range ids {
			if _, err := tx.Exec(`INSERT OR IGNORE INTO exported(article_id, at) SELECT id, ? FROM articles WHERE id = ?`, now, id); err != nil {
				return err
			}
		}
		return nil
	})
}
