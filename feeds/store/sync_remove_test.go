package store

import (
	"errors"
	"testing"
	"time"
)

func TestDropUnsubscribedFeedsKeepsStarredExportedAndLocal(t *testing.T) {
	s := openTemp(t)
	local := syncURLs(t, s, "https://local.example/feed")[0]
	save(t, s, local, NewArticle{GUID: "l1", Title: "Local one", Text: "local body", Published: day(3)})
	syncSource(t, s)
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{
		entry("10", "1", false, false, time.Time{}), entry("11", "2", false, false, time.Time{}),
		entry("12", "2", false, false, time.Time{}), entry("13", "2", false, false, time.Time{}),
	}); err != nil {
		t.Fatal(err)
	}
	id11, _ := s.SourceArticleID("mf", "11")
	id12, _ := s.SourceArticleID("mf", "12")
	id13, _ := s.SourceArticleID("mf", "13")
	if err := s.SetStarred(id11, true); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkExported([]int64{id12}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(id12, true); err != nil { // queued, never to be sent
		t.Fatal(err)
	}
	// The source drops feed 2.
	if _, err := s.SyncSourceFeeds("mf", []SourceFeed{{RemoteID: "1", Key: "https://a.example/feed#source=mf", Title: "A"}}); err != nil {
		t.Fatal(err)
	}
	n, err := s.DropUnsubscribedFeeds("mf")
	if err != nil || n != 1 {
		t.Fatalf("DropUnsubscribedFeeds = %d, %v; want 1 (13; 11 starred and 12 exported stay)", n, err)
	}
	if _, err := s.Article(id13); !errors.Is(err, ErrNotFound) {
		t.Errorf("article of the unsubscribed feed still there: %v", err)
	}
	for _, id := range []int64{id11, id12} {
		if _, err := s.Article(id); err != nil {
			t.Errorf("kept article %d: %v", id, err)
		}
	}
	if ids, _ := s.SourceRemoteIDs("mf"); len(ids) != 1 || !ids["10"] {
		t.Errorf("entries still synced = %v, want only 10 (the kept ones become local)", ids)
	}
	if q, _ := s.PendingChanges("mf"); len(q) != 0 {
		t.Errorf("queue still holds changes of the dropped feed: %+v", q)
	}
	if _, err := s.Article(articleID(t, s, "Local one")); err != nil {
		t.Errorf("local feed's article: %v", err)
	}
	fs, _ := s.Feeds()
	if len(fs) != 2 || fs[0].ID != local || fs[1].Title != "A" {
		t.Errorf("feeds = %+v, want the local feed and A", fs)
	}
	// Once its kept articles are gone too, so is the feed row.
	if err := s.SetStarred(id11, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DropUnsubscribedFeeds("mf"); err != nil {
		t.Fatal(err)
	}
	var rows int
	if err := s.db.QueryRow(`SELECT count(*) FROM feeds WHERE source = 'mf' AND source_subscribed = 0`).Scan(&rows); err != nil || rows != 1 {
		t.Errorf("unsubscribed feed rows = %d, %v; want 1 (its exported article is left)", rows, err)
	}
}

func TestDetachSourceEntries(t *testing.T) {
	s := openTemp(t)
	syncSource(t, s)
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{entry("10", "1", false, false, time.Time{}), entry("11", "1", false, false, time.Time{})}); err != nil {
		t.Fatal(err)
	}
	id10, _ := s.SourceArticleID("mf", "10")
	if err := s.SetStarred(id10, true); err != nil {
		t.Fatal(err)
	}
	n, err := s.DetachSourceEntries("mf", []string{"10", "99"})
	if err != nil || n != 1 {
		t.Fatalf("DetachSourceEntries = %d, %v; want 1", n, err)
	}
	if a, err := s.Article(id10); err != nil || !a.Starred {
		t.Errorf("detached article = %+v, %v; want it kept as it was", a, err)
	}
	if q, _ := s.PendingChanges("mf"); len(q) != 0 {
		t.Errorf("queue = %+v, want the detached entry's change dropped", q)
	}
	if c, _ := s.SourceEntryCount("mf"); c != 1 {
		t.Errorf("SourceEntryCount = %d, want 1", c)
	}
	if k, err := s.SourceKnownIDs("mf", []string{"10", "11", "12"}); err != nil || len(k) != 1 || !k["11"] {
		t.Errorf("SourceKnownIDs = %v, %v; want only 11", k, err)
	}
	// A state list that no longer names 10 leaves it alone.
	if err := s.ApplySourceState("mf", map[string]bool{"11": true}, nil); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Article(id10); a.Read || !a.Starred {
		t.Errorf("detached article changed by the source's state: read=%v starred=%v", a.Read, a.Starred)
	}
	if err := s.SetRead(id10, true); err != nil {
		t.Fatal(err)
	}
	if q, _ := s.PendingChanges("mf"); len(q) != 0 {
		t.Errorf("a change to a detached article was queued: %+v", q)
	}
}

func TestSyncedArticlesAreSearchableAndRemovable(t *testing.T) {
	s := openTemp(t)
	syncSource(t, s)
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{entry("10", "1", false, false, time.Time{})}); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("full-text hits for a synced article = %d, %v; want 1", n, err)
	}
	changed := entry("10", "1", false, false, time.Time{})
	changed.Article.Text = "another text"
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{changed}); err != nil {
		t.Fatalf("updating a synced article: %v", err)
	}
	if _, err := s.SyncSourceFeeds("mf", nil); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DropUnsubscribedFeeds("mf"); err != nil || n != 1 {
		t.Fatalf("DropUnsubscribedFeeds = %d, %v", n, err)
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Errorf("store after removing a synced article: %v", err)
	}
}

// A store synced before SaveSourceEntries indexed its bodies gets its
// full-text index rebuilt by migration 6 (and 7 after it).
func TestMigrationIndexesSyncedBodies(t *testing.T) {
	// As the old SaveSourceEntries left it: the body out of the index (no
	// trigger since migration 4).
	s := openAtSchema(t, 5, `
		INSERT INTO feeds(id, url, position) VALUES (1, 'https://mf.example/feed', 0);
		INSERT INTO articles(id, feed_id, guid, title, published, hash) VALUES (1, 1, '10', 'synced', 1000, 'h');
		INSERT INTO bodies(id, title, text) VALUES (1, 'synced', 'a body from the source');
		INSERT INTO sync_sources(name) VALUES ('mf');
		INSERT INTO sync_entries(source, remote_id, article_id) VALUES ('mf', '10', 1);`)
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'body'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("full-text hits after the migration = %d, %v; want 1", n, err)
	}
}
