package store

import (
	"errors"
)

// What leaves the store when it leaves a source.
//
// A feed the source no longer lists was unsubscribed there (on the server
// or from another device): its articles go, as they went on the server,
// except those retention keeps whatever happens (starred ones, and those
// an export marked with MarkExported); the feed row goes once no article
// is left. Articles kept that way become local: they leave sync_entries
// and the queue, so nothing is pushed for them any more.
//
// An entry the source no longer has while its feed is still listed was
// purged by the server's own retention (Miniflux drops read entries after
// 60 days by default, FreshRSS and Inoreader have their own limits). The
// article stays, as a local one, until herald's retention removes it: the
// store keeps what the reader chose to keep, not what the server has room
// for.

// DropUnsubscribedFeeds removes the articles of the source's feeds that
// its last SyncSourceFeeds did not list, keeping starred and exported ones
// (made local), and the feeds left without articles. It returns how many
// articles it removed.
func (s *Store) DropUnsubscribedFeeds(source string) (int, error) {
	if source == "" {
		return 0, errors.New("store: empty source name")
	}
	removed := 0
	err := s.write(func(tx txn) error {
		const gone = `SELECT id FROM feeds WHERE source = ?1 AND source_subscribed = 0`
		const ofGone = `SELECT id FROM articles WHERE feed_id IN (` + gone + `)`
		if _, err := tx.Exec(`DELETE FROM sync_queue WHERE article_id IN (`+ofGone+`)`, source); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM sync_entries WHERE source = ?1 AND article_id IN (`+ofGone+`)`, source); err != nil {
			return err
		}
		res, err := tx.Exec(`DELETE FROM articles WHERE feed_id IN (`+gone+`) AND starred = 0
			AND NOT EXISTS (SELECT 1 FROM exported e WHERE e.article_id = articles.id)`, source)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		removed = int(n)
		_, err = tx.Exec(`DELETE FROM feeds WHERE source = ?1 AND source_subscribed = 0
			AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.feed_id = feeds.id)`, source)
		return err
	})
	if err != nil {
		return 0, s.wrapNil(err)
	}
	if removed > 0 {
		if _, err := s.exec(`DELETE FROM annotations WHERE hash NOT IN (SELECT hash FROM articles)`); err != nil {
			return removed, err
		}
	}
	return removed, nil
}

// DetachSourceEntries makes the articles of these entries of a source
// local: the source no longer has them (see above), so their state is no
// longer synced and their queued changes are dropped. Unknown ids are
// skipped. It returns how many entries it detached.
func (s *Store) DetachSourceEntries(source string, remoteIDs []string) (int, error) {
	if len(remoteIDs) == 0 {
		return 0, nil
	}
	ij := jsonList(remoteIDs)
	detached := 0
	err := s.write(func(tx txn) error {
		const of = `SELECT article_id FROM sync_entries WHERE source = ?1 AND remote_id IN (SELECT value FROM json_each(?2))`
		if _, err := tx.Exec(`DELETE FROM sync_queue WHERE article_id IN (`+of+`)`, source, ij); err != nil {
			return err
		}
		res, err := tx.Exec(`DELETE FROM sync_entries WHERE source = ?1 AND remote_id IN (SELECT value FROM json_each(?2))`, source, ij)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		detached = int(n)
		return nil
	})
	return detached, s.wrapNil(err)
}

// SourceEntryCount is how many entries of a source the store holds.
func (s *Store) SourceEntryCount(source string) (int, error) {
	var n int
	err := s.queryRow(`SELECT count(*) FROM sync_entries WHERE source = ?`, source).Scan(&n)
	return n, s.wrapNil(err)
}
