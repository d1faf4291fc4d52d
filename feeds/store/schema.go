package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations[i] brings the schema from version i to i+1 (PRAGMA
// user_version). Append only: never edit a migration that has shipped.
var migrations = []string{
	// 1: feeds, articles, bodies with their full-text index, the annotation
	// cache, the entity index and statements.
	`
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	config_title  TEXT NOT NULL DEFAULT '',
	feed_title    TEXT NOT NULL DEFAULT '',
	tags          TEXT NOT NULL DEFAULT '[]',
	full_text     INTEGER NOT NULL DEFAULT 0,
	position      INTEGER,                     -- order in the last synced config; NULL: no longer configured
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_fetch    INTEGER NOT NULL DEFAULT 0,  -- unix ms; 0: never
	last_error    TEXT NOT NULL DEFAULT '',
	total         INTEGER NOT NULL DEFAULT 0,  -- maintained by triggers on articles
	unread        INTEGER NOT NULL DEFAULT 0
);

-- Article rows stay small (no body) so that list queries and scans touch
-- few pages; bodies live in "bodies".
CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
	guid         TEXT NOT NULL DEFAULT '',
	link         TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	published    INTEGER NOT NULL,             -- unix ms
	read         INTEGER NOT NULL DEFAULT 0,
	starred      INTEGER NOT NULL DEFAULT 0,
	hash         TEXT NOT NULL,
	ann_hash     TEXT NOT NULL DEFAULT '',     -- hash and version the entity index was written for
	ann_version  TEXT NOT NULL DEFAULT '',
	n_statements INTEGER NOT NULL DEFAULT 0,
	n_leaders    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_unread ON articles(published) WHERE read = 0;
CREATE INDEX articles_starred ON articles(published) WHERE starred = 1;
CREATE INDEX articles_feed ON articles(feed_id, published);
CREATE INDEX articles_guid ON articles(feed_id, guid) WHERE guid <> '';
CREATE INDEX articles_link ON articles(feed_id, link) WHERE link <> '';
CREATE INDEX articles_unindexed ON articles(published) WHERE ann_hash <> hash;
CREATE INDEX articles_ann_version ON articles(ann_version);

CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN
	UPDATE feeds SET total = total + 1, unread = unread + (NEW.read = 0) WHERE id = NEW.feed_id;
END;
CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN
	UPDATE feeds SET total = total - 1, unread = unread - (OLD.read = 0) WHERE id = OLD.feed_id;
END;
CREATE TRIGGER articles_count_update AFTER UPDATE OF read, feed_id ON articles BEGIN
	UPDATE feeds SET total = total - 1, unread = unread - (OLD.read = 0) WHERE id = OLD.feed_id;
	UPDATE feeds SET total = total + 1, unread = unread + (NEW.read = 0) WHERE id = NEW.feed_id;
END;

-- The title is repeated here so that this table alone is the content of
-- the external-content full-text index.
CREATE TABLE bodies (
	id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	title TEXT NOT NULL DEFAULT '',
	text  TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text, content='bodies', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='3' -- a three-letter prefix would otherwise merge hundreds of terms
);
CREATE TRIGGER bodies_fts_insert AFTER INSERT ON bodies BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
END;
CREATE TRIGGER bodies_fts_delete AFTER DELETE ON bodies BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
END;
CREATE TRIGGER bodies_fts_update AFTER UPDATE ON bodies BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
END;

-- Annotation cache: one encoded nlp.Doc per content hash and annotator version.
CREATE TABLE annotations (
	id      INTEGER PRIMARY KEY,
	hash    TEXT NOT NULL,
	version TEXT NOT NULL,
	doc     BLOB NOT NULL,
	UNIQUE (hash, version)
);

-- Entity index: which people and countries an article mentions, how often.
-- "published" repeats the article's, so that a filter reads its entity's
-- rows newest first and stops at the page's end.
CREATE TABLE article_entities (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	published  INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	entity_id  TEXT NOT NULL,
	name       TEXT NOT NULL,
	leader     INTEGER NOT NULL DEFAULT 0,
	mentions   INTEGER NOT NULL,
	PRIMARY KEY (article_id, kind, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, published, article_id);

-- Store-wide totals per entity, kept by triggers, so that a picker over the
-- whole store reads a few hundred rows instead of grouping the index.
CREATE TABLE entity_totals (
	kind            TEXT NOT NULL,
	entity_id       TEXT NOT NULL,
	name            TEXT NOT NULL,
	leader_articles INTEGER NOT NULL,
	mentions        INTEGER NOT NULL,
	articles        INTEGER NOT NULL,
	PRIMARY KEY (kind, entity_id)
) WITHOUT ROWID;
CREATE TRIGGER article_entities_total_insert AFTER INSERT ON article_entities BEGIN
	INSERT INTO entity_totals(kind, entity_id, name, leader_articles, mentions, articles)
	VALUES (NEW.kind, NEW.entity_id, NEW.name, NEW.leader, NEW.mentions, 1)
	ON CONFLICT(kind, entity_id) DO UPDATE SET
		name = excluded.name,
		leader_articles = leader_articles + excluded.leader_articles,
		mentions = mentions + excluded.mentions,
		articles = articles + 1;
END;
CREATE TRIGGER article_entities_total_delete AFTER DELETE ON article_entities BEGIN
	UPDATE entity_totals SET
		leader_articles = leader_articles - OLD.leader,
		mentions = mentions - OLD.mentions,
		articles = articles - 1
	WHERE kind = OLD.kind AND entity_id = OLD.entity_id;
	DELETE FROM entity_totals WHERE kind = OLD.kind AND entity_id = OLD.entity_id AND articles <= 0;
END;

CREATE TABLE statements (
	article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq            INTEGER NOT NULL,
	published      INTEGER NOT NULL,           -- the article's, for reading in date order
	kind           TEXT NOT NULL,
	speaker_id     TEXT NOT NULL DEFAULT '',
	speaker_name   TEXT NOT NULL DEFAULT '',
	speaker_leader INTEGER NOT NULL DEFAULT 0,
	quote          TEXT NOT NULL,
	q_start        INTEGER NOT NULL,
	q_end          INTEGER NOT NULL,
	cue            TEXT NOT NULL DEFAULT '',
	confidence     REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, seq)
);
CREATE INDEX statements_speaker ON statements(speaker_id, published DESC, article_id DESC, seq);
CREATE INDEX statements_published ON statements(published DESC, article_id DESC, seq);
`,
	// 2: sync with aggregators (Miniflux, Google Reader API): feeds from a
	// source, the remote id of each synced article, the queue of read and
	// star changes made in herald that the source has not acknowledged yet,
	// and each source's pull cursor. See sync.go.
	syncMigration,
	// 3: retention (see retention.go) and herald's application_id.
	`
-- Articles whose statements went into an export: never pruned.
CREATE TABLE exported (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	at         INTEGER NOT NULL              -- unix ms of the first export
);
-- Articles retention removed, so that a feed still listing them does not
-- bring them back at the next refresh.
CREATE TABLE pruned (
	feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
	guid    TEXT NOT NULL,
	at      INTEGER NOT NULL,                -- unix ms
	PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;
-- When herald first saw each article (unix ms): retention counts age from
-- the later of this and the publication date, so that a feed added today
-- keeps its old articles for the whole period. Set by a trigger, so that
-- every way of inserting an article sets it; articles stored before this
-- migration count as seen now.
ALTER TABLE articles ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET seen = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER);
CREATE TRIGGER articles_seen AFTER INSERT ON articles BEGIN
	UPDATE articles SET seen = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = NEW.id;
END;
-- Store-wide facts: "verified" is when the last full check passed (unix ms).
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
PRAGMA application_id = 1213353028;          -- applicationID, "HRLD"
`,
	// 4: the full-text index of new bodies is written by SaveArticles and
	// SaveFeeds, once per transaction, not by a trigger per row.
	`DROP TRIGGER bodies_fts_insert;`,
	// 5: the links of each article's text, for the reader's numbered list
	// (see links.go).
	linksMigration,
	// 6: SaveSourceEntries left the bodies it inserted out of the full-text
	// index (so synced articles were not found, and deleting or updating
	// one failed): rebuild the index of a store that has synced entries.
	`INSERT INTO articles_fts(articles_fts) SELECT 'rebuild' WHERE EXISTS (SELECT 1 FROM sync_entries);`,
	// 7: the full-text index keeps no positions or columns (detail=none):
	// searches are words ANDed, never phrases (see ftsQuery), and positions
	// were two thirds of the index. Rebuilt from the bodies. Its vocabulary
	// is a table, for expanding prefixes (prefix.go).
	`
DROP TABLE IF EXISTS articles_fts_terms;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text, content='bodies', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='3', -- a three-letter prefix would otherwise merge hundreds of terms
	detail=none
);
INSERT INTO articles_fts(articles_fts) VALUES('rebuild');
-- The index's terms, to expand a search's last word (see prefix.go).
CREATE VIRTUAL TABLE articles_fts_terms USING fts5vocab(articles_fts, row);
`,
	// 8: writes that cost less. The article writer sets "seen" in its
	// insert; the trigger only covers an insert that does not, instead of
	// updating every new row again (a seventh of the cost of saving a
	// feed). Entity totals grow by one upsert per entity and batch
	// (writeIndexes) instead of a trigger per index row. The statements of
	// a speaker are found through the speaker's entity index rows (every
	// speaker gets one, see indexedEntities).
	//
	// As first released, 8 also rebuilt the statements table without its
	// two indexes. Migration 9 drops that table, so a store still below 8
	// no longer rebuilds it first: 9 reads only its article and speaker
	// ids, which both forms have.
	`
DROP TRIGGER IF EXISTS article_entities_total_insert;
INSERT INTO article_entities(article_id, published, kind, entity_id, name, leader, mentions)
	SELECT st.article_id, a.published, 'speaker', st.speaker_id, max(st.speaker_name), max(st.speaker_leader), 0
	FROM statements st JOIN articles a ON a.id = st.article_id
	WHERE st.speaker_id <> '' AND NOT EXISTS (
		SELECT 1 FROM article_entities x WHERE x.article_id = st.article_id AND x.entity_id = st.speaker_id)
	GROUP BY st.article_id, st.speaker_id;
INSERT INTO entity_totals(kind, entity_id, name, leader_articles, mentions, articles)
	SELECT kind, entity_id, max(name), sum(leader), 0, count(*) FROM article_entities
	WHERE kind = 'speaker' GROUP BY kind, entity_id;
DROP TRIGGER IF EXISTS articles_seen;
CREATE TRIGGER articles_seen AFTER INSERT ON articles WHEN NEW.seen = 0 BEGIN
	UPDATE articles SET seen = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = NEW.id;
END;
`,
	// 9: statements are read from the annotation cache, which holds them
	// already, instead of a table that repeated them: its rows were a
	// quarter of the cost of saving an annotation and 12% of the store.
	// An entity index row counts the statements its entity makes in the
	// article ("said"), in the index, so that walking a speaker's rows
	// skips the articles that only mention them without decoding them.
	// The index by annotator version holds only indexed articles (what
	// Unannotated looks for in it), so a new article is not put in it
	// under "" and moved when it is annotated.
	`
ALTER TABLE article_entities ADD COLUMN said INTEGER NOT NULL DEFAULT 0;
UPDATE article_entities SET said = s.n FROM (
	SELECT article_id, speaker_id, count(*) AS n FROM statements WHERE speaker_id <> '' GROUP BY article_id, speaker_id) AS s
WHERE article_entities.article_id = s.article_id AND article_entities.entity_id = s.speaker_id
	AND article_entities.kind = ( -- one row an id, as indexedEntities counts them
		SELECT min(x.kind) FROM article_entities x WHERE x.article_id = s.article_id AND x.entity_id = s.speaker_id);
DROP INDEX article_entities_entity;
CREATE INDEX article_entities_entity ON article_entities(entity_id, published, article_id, said);
DROP TABLE statements;
DROP INDEX articles_ann_version;
CREATE INDEX articles_ann_version ON articles(ann_version) WHERE ann_hash = hash;
`,
}

// migrate applies the migrations the database has not seen yet, each in
// its own transaction. Two processes opening a fresh database at once are
// safe: the write lock is taken before the version is read.
func (s *Store) migrate() error {
	if need, err := s.migrationNeeded(); err != nil || !need {
		return err
	}
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for {
		done, err := s.migrateOne(ctx, conn)
		if err != nil || done {
			return err
		}
	}
}

func (s *Store) migrateOne(ctx context.Context, conn *sql.Conn) (done bool, err error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return false, err
	}
	switch {
	case v > len(migrations):
		return false, fmt.Errorf("schema version %d is newer than this herald knows (%d): upgrade herald", v, len(migrations))
	case v == len(migrations):
		return true, tx.Commit()
	}
	if _, err := tx.Exec(migrations[v]); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	return false, tx.Commit()
}

// schemaVersion reports PRAGMA user_version (for tests and diagnostics).
func (s *Store) schemaVersion() (int, error) {
	var v int
	err := s.db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// SchemaVersion is the schema version this herald brings a store to (for
// caches keyed by it, such as the benchmarks' stores).
func SchemaVersion() int { return len(migrations) }
