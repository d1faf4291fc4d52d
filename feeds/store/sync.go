package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// syncMigration adds what syncing with an aggregator ("source") needs.
//
// Feeds of a source carry its name and the feed's id there; "source_subscribed"
// says the source still lists the feed (SyncFeeds clears every position, so
// the positions of source feeds are put back from it by PlaceSourceFeeds).
//
// sync_queue holds read and star changes made in herald to synced articles:
// triggers on articles fill it, so every way of changing a flag (reader,
// CLI) is caught. A row leaves the queue only when the source acknowledged
// it (AckChanges) or a newer change on the source replaced it. Writes that
// apply the source's own state set sync_flags.applying inside their
// transaction, so that they are not queued back.
const syncMigration = `
ALTER TABLE feeds ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN remote_id TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN source_subscribed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX feeds_source ON feeds(source, remote_id) WHERE source <> '';

CREATE TABLE sync_entries (
	source     TEXT NOT NULL,
	remote_id  TEXT NOT NULL,
	article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (source, remote_id)
) WITHOUT ROWID;

CREATE TABLE sync_queue (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,     -- 'read' or 'starred'
	value      INTEGER NOT NULL,
	changed    INTEGER NOT NULL,  -- unix ms of the change in herald
	UNIQUE (article_id, kind)
);

CREATE TABLE sync_sources (
	name      TEXT PRIMARY KEY,
	cursor    TEXT NOT NULL DEFAULT '',
	last_sync INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sync_flags (applying INTEGER NOT NULL);
INSERT INTO sync_flags(applying) VALUES (0);

CREATE TRIGGER sync_queue_read AFTER UPDATE OF read ON articles
WHEN OLD.read <> NEW.read AND (SELECT applying FROM sync_flags) = 0
	AND EXISTS (SELECT 1 FROM sync_entries WHERE article_id = NEW.id)
BEGIN
	INSERT OR REPLACE INTO sync_queue(article_id, kind, value, changed)
	VALUES (NEW.id, 'read', NEW.read, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_queue_starred AFTER UPDATE OF starred ON articles
WHEN OLD.starred <> NEW.starred AND (SELECT applying FROM sync_flags) = 0
	AND EXISTS (SELECT 1 FROM sync_entries WHERE article_id = NEW.id)
BEGIN
	INSERT OR REPLACE INTO sync_queue(article_id, kind, value, changed)
	VALUES (NEW.id, 'starred', NEW.starred, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
`

// sourcePositionBase puts source feeds after the configured ones in Feeds.
const sourcePositionBase = 1_000_000

// SourceFeed is one subscription as a source lists it.
type SourceFeed struct {
	RemoteID string
	Key      string // the feeds.url of the store: unique across sources and configured feeds
	Title    string
	Tags     []string // the source's folders or categories
}

// SourceEntry is one entry as a source hands it over.
type SourceEntry struct {
	RemoteID     string
	RemoteFeedID string
	Article      NewArticle
	Read         bool
	Starred      bool
	// Changed is when the source last changed the entry; zero when the
	// source does not say. A change queued in herald wins over the source's
	// state unless the source's change is newer.
	Changed time.Time
}

// Change is a queued read or star change made in herald.
type Change struct {
	QueueID  int64
	RemoteID string
	Kind     string // "read" or "starred"
	Value    bool
	Changed  time.Time
}

// SyncSourceFeeds records the subscriptions of a source: new feeds are
// added, titles and tags (folders) follow the source, and feeds the source
// no longer lists leave Feeds (keeping their articles). It returns the
// store id of each listed feed by remote id.
func (s *Store) SyncSourceFeeds(source string, feeds []SourceFeed) (map[string]int64, error) {
	if source == "" {
		return nil, errors.New("store: empty source name")
	}
	ids := make(map[string]int64, len(feeds))
	err := s.write(func(tx txn) error {
		if _, err := tx.Exec(`UPDATE feeds SET source_subscribed = 0, position = NULL WHERE source = ?`, source); err != nil {
			return err
		}
		for _, f := range feeds {
			tags := f.Tags
			if tags == nil {
				tags = []string{}
			}
			tj, err := json.Marshal(tags)
			if err != nil {
				return err
			}
			var id int64
			err = tx.QueryRow(`INSERT INTO feeds(url, feed_title, tags, source, remote_id, source_subscribed, position)
				VALUES (?1, ?2, ?3, ?4, ?5, 1, 0)
				ON CONFLICT(url) DO UPDATE SET feed_title = excluded.feed_title, tags = excluded.tags,
					source = excluded.source, remote_id = excluded.remote_id, source_subscribed = 1, position = 0
				RETURNING id`, f.Key, strings.TrimSpace(f.Title), string(tj), source, f.RemoteID).Scan(&id)
			if err != nil {
				return fmt.Errorf("source %s: feed %s: %w", source, f.Key, err)
			}
			ids[f.RemoteID] = id
		}
		return renumberSourceFeeds(tx)
	})
	if err != nil {
		return nil, s.wrapNil(err)
	}
	return ids, nil
}

// renumberSourceFeeds orders the listed source feeds by source, then id.
func renumberSourceFeeds(tx txn) error {
	_, err := tx.Exec(`UPDATE feeds SET position = ?1 + (SELECT count(*) FROM feeds f2
			WHERE f2.source <> '' AND f2.position IS NOT NULL AND (f2.source, f2.id) < (feeds.source, feeds.id))
		WHERE source <> '' AND position IS NOT NULL`, sourcePositionBase)
	return err
}

// PlaceSourceFeeds puts the subscribed feeds of the named (configured)
// sources back into Feeds after SyncFeeds, and takes out those of sources
// no longer configured.
func (s *Store) PlaceSourceFeeds(names []string) error {
	return s.write(func(tx txn) error {
		if _, err := tx.Exec(`UPDATE feeds SET position = CASE
				WHEN source_subscribed = 1 AND source IN (SELECT value FROM json_each(?1)) THEN 0 ELSE NULL END
			WHERE source <> ''`, jsonList(names)); err != nil {
			return err
		}
		return renumberSourceFeeds(tx)
	})
}

// FeedSources maps the id of every feed that comes from a source to the
// source's name. Feeds not in the map are configured feeds, fetched directly.
func (s *Store) FeedSources() (map[int64]string, error) {
	rows, err := s.query(`SELECT id, source FROM feeds WHERE source <> ''`)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var src string
		if err := rows.Scan(&id, &src); err != nil {
			return nil, s.wrap(err)
		}
		out[id] = src
	}
	return out, s.wrapNil(rows.Err())
}

// SaveSourceEntries stores entries of a source in one transaction: new
// articles are added, changed ones updated in place (as SaveArticles does),
// and read and starred follow the source, except where a change queued in
// herald is newer than the source's. Entries of feeds the store does not
// know (not synced by SyncSourceFeeds) are skipped.
func (s *Store) SaveSourceEntries(source string, entries []SourceEntry) (added, updated int, err error) {
	now := time.Now().UnixMilli()
	err = s.write(func(tx txn) error {
		added, updated = 0, 0
		if _, err := tx.Exec(`UPDATE sync_flags SET applying = 1`); err != nil {
			return err
		}
		w, err := newArticleWriter(tx)
		if err != nil {
			return err
		}
		defer w.close()
		feedIDs := map[string]int64{}
		for _, e := range entries {
			feedID, ok := feedIDs[e.RemoteFeedID]
			if !ok {
				err := tx.QueryRow(`SELECT id FROM feeds WHERE source = ? AND remote_id = ?`, source, e.RemoteFeedID).Scan(&feedID)
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return err
				}
				feedIDs[e.RemoteFeedID] = feedID
			}
			if feedID == 0 {
				continue
			}
			id, a, u, err := saveSourceArticle(tx, w, source, feedID, e, now)
			if err != nil {
				return fmt.Errorf("source %s: entry %s: %w", source, e.RemoteID, err)
			}
			if a {
				added++
			}
			if u {
				updated++
			}
			if err := applyRemoteFlag(tx, id, "read", e.Read, e.Changed); err != nil {
				return err
			}
			if err := applyRemoteFlag(tx, id, "starred", e.Starred, e.Changed); err != nil {
				return err
			}
		}
		if err := w.indexNew(); err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE sync_flags SET applying = 0`)
		return err
	})
	if err != nil {
		return 0, 0, s.wrapNil(err)
	}
	return added, updated, nil
}

// saveSourceArticle inserts or updates the article of one entry and
// returns its id. An entry is found by its remote id, else (the first time)
// as SaveArticles finds an item, so that an article fetched before keeps
// its flags and annotations.
func saveSourceArticle(tx txn, w *articleWriter, source string, feedID int64, e SourceEntry, now int64) (int64, bool, bool, error) {
	it := e.Article
	hash := ContentHash(it.Title, it.Text)
	published := publishedAt(&it, now)
	var old existing
	err := tx.QueryRow(`SELECT a.id, a.guid, a.link, a.author, a.hash, a.published
		FROM sync_entries se JOIN articles a ON a.id = se.article_id
		WHERE se.source = ? AND se.remote_id = ?`, source, e.RemoteID).
		Scan(&old.id, &old.guid, &old.link, &old.author, &old.hash, &old.published)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, false, false, err
	}
	if !found {
		old, found, err = w.find(feedID, it, hash)
		if err != nil {
			return 0, false, false, err
		}
		if !found {
			id, err := w.insert(feedID, it, hash, published, now)
			if err == nil {
				err = mapEntry(tx, source, e.RemoteID, id)
			}
			return id, true, false, err
		}
		if err := mapEntry(tx, source, e.RemoteID, old.id); err != nil {
			return 0, false, false, err
		}
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
		return old.id, false, false, nil
	}
	return old.id, false, true, w.update(old, it, guid, hash, published)
}

func mapEntry(tx txn, source, remoteID string, articleID int64) error {
	_, err := tx.Exec(`INSERT OR REPLACE INTO sync_entries(source, remote_id, article_id) VALUES (?, ?, ?)`,
		source, remoteID, articleID)
	return err
}

// applyRemoteFlag sets an article's flag to the source's value unless a
// queued change from herald is at least as new as the source's change (or
// the source gave no time); a queued change that loses is dropped.
func applyRemoteFlag(tx txn, articleID int64, kind string, value bool, changed time.Time) error {
	var pendingAt int64
	err := tx.QueryRow(`SELECT changed FROM sync_queue WHERE article_id = ? AND kind = ?`, articleID, kind).Scan(&pendingAt)
	switch {
	case err == nil:
		if changed.IsZero() || pendingAt >= changed.UnixMilli() {
			return nil // herald's change is the latest: it is pushed next
		}
		if _, err := tx.Exec(`DELETE FROM sync_queue WHERE article_id = ? AND kind = ?`, articleID, kind); err != nil {
			return err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	// kind is one of two constants, never input.
	_, err = tx.Exec(`UPDATE articles SET `+kind+` = ?2 WHERE id = ?1 AND `+kind+` <> ?2`, articleID, value)
	return err
}

// ApplySourceState sets read and starred of every article of a source from
// the sets of its unread and starred remote ids, for sources that report
// state as id lists (the Google Reader API). Queued changes from herald
// win, as the source gives no time for its own. The flags are compared
// outside the write lock and only those that differ are written.
func (s *Store) ApplySourceState(source string, unread, starred map[string]bool) error {
	type fix struct {
		id     int64
		column string
		value  bool
	}
	var fixes []fix
	rows, err := s.query(`SELECT se.remote_id, a.id, a.read, a.starred
		FROM sync_entries se JOIN articles a ON a.id = se.article_id WHERE se.source = ?`, source)
	if err != nil {
		return s.wrap(err)
	}
	for rows.Next() {
		var rid string
		var id int64
		var read, star bool
		if err := rows.Scan(&rid, &id, &read, &star); err != nil {
			rows.Close()
			return s.wrap(err)
		}
		if want := !unread[rid]; want != read {
			fixes = append(fixes, fix{id, "read", want})
		}
		if want := starred[rid]; want != star {
			fixes = append(fixes, fix{id, "starred", want})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(fixes) == 0 {
		return s.wrapNil(err)
	}
	return s.write(func(tx txn) error {
		if _, err := tx.Exec(`UPDATE sync_flags SET applying = 1`); err != nil {
			return err
		}
		for _, f := range fixes {
			// column is one of two constants, never input. A change
			// queued since the comparison wins, as one queued before.
			if _, err := tx.Exec(`UPDATE articles SET `+f.column+` = ?2 WHERE id = ?1
				AND NOT EXISTS (SELECT 1 FROM sync_queue q WHERE q.article_id = ?1 AND q.kind = ?3)`,
				f.id, f.value, f.column); err != nil {
				return err
			}
		}
		_, err := tx.Exec(`UPDATE sync_flags SET applying = 0`)
		return err
	})
}

// SourceRemoteIDs lists the remote ids of a source's synced articles.
func (s *Store) SourceRemoteIDs(source string) (map[string]bool, error) {
	return s.remoteIDSet(`SELECT remote_id FROM sync_entries WHERE source = ?`, source)
}

// SourceKnownIDs returns which of these remote ids of a source the store
// holds.
func (s *Store) SourceKnownIDs(source string, remoteIDs []string) (map[string]bool, error) {
	if len(remoteIDs) == 0 {
		return map[string]bool{}, nil
	}
	// CROSS JOIN keeps json_each outside: a lookup by primary key per id,
	// not a pass over the list per entry.
	return s.remoteIDSet(`SELECT se.remote_id FROM json_each(?2) j
		CROSS JOIN sync_entries se ON se.source = ?1 AND se.remote_id = j.value`, source, jsonList(remoteIDs))
}

// remoteIDSet runs a query of remote ids and returns them as a set.
func (s *Store) remoteIDSet(query string, args ...any) (map[string]bool, error) {
	rows, err := s.query(query, args...)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, s.wrap(err)
		}
		out[id] = true
	}
	return out, s.wrapNil(rows.Err())
}

// PendingChanges lists the queued changes to a source's articles, oldest first.
func (s *Store) PendingChanges(source string) ([]Change, error) {
	rows, err := s.query(`SELECT q.id, se.remote_id, q.kind, q.value, q.changed
		FROM sync_queue q JOIN sync_entries se ON se.article_id = q.article_id
		WHERE se.source = ? ORDER BY q.id`, source)
	if err != nil {
		return nil, s.wrap(err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var ms int64
		if err := rows.Scan(&c.QueueID, &c.RemoteID, &c.Kind, &c.Value, &ms); err != nil {
			return nil, s.wrap(err)
		}
		c.Changed = time.UnixMilli(ms)
		out = append(out, c)
	}
	return out, s.wrapNil(rows.Err())
}

// AckChanges removes delivered changes from the queue. A change replaced
// by a newer one since it was read has another QueueID and stays.
func (s *Store) AckChanges(queueIDs []int64) error {
	if len(queueIDs) == 0 {
		return nil
	}
	_, err := s.exec(`DELETE FROM sync_queue WHERE id IN (SELECT value FROM json_each(?))`, jsonList(queueIDs))
	return err
}

// SourceCursor returns where the last pull of a source stopped ("" before
// the first) and when it finished.
func (s *Store) SourceCursor(source string) (string, time.Time, error) {
	var cur string
	var ms int64
	err := s.queryRow(`SELECT cursor, last_sync FROM sync_sources WHERE name = ?`, source).Scan(&cur, &ms)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, nil
	}
	if err != nil {
		return "", time.Time{}, s.wrap(err)
	}
	return cur, time.UnixMilli(ms), nil
}

// SetSourceCursor records a finished pull of a source.
func (s *Store) SetSourceCursor(source, cursor string, when time.Time) error {
	_, err := s.exec(`INSERT INTO sync_sources(name, cursor, last_sync) VALUES (?1, ?2, ?3)
		ON CONFLICT(name) DO UPDATE SET cursor = excluded.cursor, last_sync = excluded.last_sync`,
		source, cursor, when.UnixMilli())
	return err
}

// SourceArticleID returns the article that holds a source's entry.
func (s *Store) SourceArticleID(source, remoteID string) (int64, error) {
	var id int64
	err := s.queryRow(`SELECT article_id FROM sync_entries WHERE source = ? AND remote_id = ?`, source, remoteID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("source %s: entry %s: %w", source, remoteID, ErrNotFound)
	}
	return id, s.wrapNil(err)
}
