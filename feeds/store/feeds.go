package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// FeedConfig is one feed as the configuration lists it.
type FeedConfig struct {
	URL, Title string
	Tags       []string
	FullText   bool
}

// Feed is a configured feed with its fetch state and article counts.
type Feed struct {
	ID                 int64
	URL, Title         string // Title: the configured title, else the one learned from the feed
	Tags               []string
	FullText           bool
	ETag, LastModified string
	LastFetch          time.Time // zero: never fetched
	LastError          string
	Unread, Total      int
	Source             string // the [[sources]] name a synced feed comes from; "" for fetched feeds
}

// FetchRecord is the outcome of one fetch of a feed.
type FetchRecord struct {
	Title              string // the feed's own title, learned when non-empty
	ETag, LastModified string
	When               time.Time // zero: now
	Err                string    // "" on success
	NotModified        bool
}

const feedColumns = `id, url, config_title, feed_title, tags, full_text, etag, last_modified,
	last_fetch, last_error, unread, total, source`

type scanner interface{ Scan(dest ...any) error }

func scanFeed(r scanner) (Feed, error) {
	var (
		f                    Feed
		configTitle, learned string
		tags                 string
		lastFetch            int64
		fullText             bool
	)
	err := r.Scan(&f.ID, &f.URL, &configTitle, &learned, &tags, &fullText, &f.ETag, &f.LastModified,
		&lastFetch, &f.LastError, &f.Unread, &f.Total, &f.Source)
	if err != nil {
		return Feed{}, err
	}
	f.Title = configTitle
	if f.Title == "" {
		f.Title = learned
	}
	f.FullText = fullText
	if lastFetch != 0 {
		f.LastFetch = time.UnixMilli(lastFetch)
	}
	if err := json.Unmarshal([]byte(tags), &f.Tags); err != nil {
		f.Tags = nil
	}
	return f, nil
}

// SyncFeeds upserts the configured feeds by URL and returns them in config
// order with their counts. The config's title, tags and full-text switch
// win, except that an empty configured title keeps the title learned from
// the feed. Feeds no longer configured stay in the database, with their
// articles' read and starred flags, but are no longer returned. Blank and
// repeated URLs are skipped (the first occurrence counts).
func (s *Store) SyncFeeds(cfg []FeedConfig) ([]Feed, error) {
	var out []Feed
	err := s.write(func(tx txn) error {
		if _, err := tx.Exec(`UPDATE feeds SET position = NULL WHERE position IS NOT NULL`); err != nil {
			return err
		}
		stmt, err := tx.Prepare(`INSERT INTO feeds(url, config_title, tags, full_text, position)
			VALUES (?1, ?2, ?3, ?4, ?5)
			ON CONFLICT(url) DO UPDATE SET config_title = excluded.config_title,
				tags = excluded.tags, full_text = excluded.full_text, position = excluded.position`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		seen := make(map[string]bool, len(cfg))
		pos := 0
		for _, c := range cfg {
			u := strings.TrimSpace(c.URL)
			if u == "" || seen[u] {
				continue
			}
			seen[u] = true
			tags := c.Tags
			if tags == nil {
				tags = []string{}
			}
			tj, err := json.Marshal(tags)
			if err != nil {
				return err
			}
			if _, err := stmt.Exec(u, strings.TrimSpace(c.Title), string(tj), c.FullText, pos); err != nil {
				return fmt.Errorf("feed %s: %w", u, err)
			}
			pos++
		}
		out, err = feedsIn(tx.Query)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Feeds lists the feeds of the last SyncFeeds, in config order, with counts.
func (s *Store) Feeds() ([]Feed, error) {
	fs, err := feedsIn(s.query)
	return fs, s.wrapNil(err)
}

func feedsIn(query func(string, ...any) (*sql.Rows, error)) ([]Feed, error) {
	rows, err := query(`SELECT ` + feedColumns + ` FROM feeds WHERE position IS NOT NULL ORDER BY position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Feed returns one feed by id, configured or not.
func (s *Store) Feed(id int64) (Feed, error) {
	f, err := scanFeed(s.queryRow(`SELECT `+feedColumns+` FROM feeds WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Feed{}, fmt.Errorf("feed %d: %w", id, ErrNotFound)
	}
	return f, s.wrapNil(err)
}

// FeedByURL returns one feed by its URL, configured or not.
func (s *Store) FeedByURL(url string) (Feed, error) {
	f, err := scanFeed(s.queryRow(`SELECT `+feedColumns+` FROM feeds WHERE url = ?`, strings.TrimSpace(url)))
	if errors.Is(err, sql.ErrNoRows) {
		return Feed{}, fmt.Errorf("feed %s: %w", url, ErrNotFound)
	}
	return f, s.wrapNil(err)
}

// RecordFetch stores the outcome of a fetch: the validators when non-empty
// and the fetch succeeded, the learned title when non-empty, the time, and
// the error ("" clears it). A failed fetch never clears the validators.
func (s *Store) RecordFetch(feedID int64, r FetchRecord) error {
	when := r.When
	if when.IsZero() {
		when = time.Now()
	}
	r.When = when
	res, err := s.exec(recordFetchSQL, recordFetchArgs(feedID, r)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", feedID, ErrNotFound)
	}
	return nil
}

// wrapNil is wrap that lets nil through.
func (s *Store) wrapNil(err error) error {
	if err == nil {
		return nil
	}
	return s.wrap(err)
}
