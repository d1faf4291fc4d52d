package store

import (
	"testing"
	"time"
)

func syncSource(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	ids, err := s.SyncSourceFeeds("mf", []SourceFeed{
		{RemoteID: "1", Key: "https://a.example/feed#source=mf", Title: "A", Tags: []string{"News"}},
		{RemoteID: "2", Key: "https://b.example/feed#source=mf", Title: "B"},
	})
	if err != nil {
		t.Fatalf("SyncSourceFeeds: %v", err)
	}
	return ids
}

func entry(id, feed string, read, star bool, changed time.Time) SourceEntry {
	return SourceEntry{RemoteID: id, RemoteFeedID: feed, Read: read, Starred: star, Changed: changed,
		Article: NewArticle{GUID: "g" + id, Link: "https://a.example/" + id, Title: "T" + id, Published: day(3), Text: "body " + id}}
}

func TestSourceFeedsSurviveConfigSync(t *testing.T) {
	s := openTemp(t)
	syncURLs(t, s, "https://local.example/feed")
	syncSource(t, s)
	syncURLs(t, s, "https://local.example/feed") // what openStore does on every start
	if err := s.PlaceSourceFeeds([]string{"mf"}); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 || fs[0].URL != "https://local.example/feed" || fs[1].Title != "A" || fs[2].Title != "B" {
		t.Fatalf("feeds after config sync = %+v", fs)
	}
	if len(fs[1].Tags) != 1 || fs[1].Tags[0] != "News" {
		t.Errorf("folder did not become a tag: %v", fs[1].Tags)
	}
	src, err := s.FeedSources()
	if err != nil || src[fs[1].ID] != "mf" || src[fs[0].ID] != "" {
		t.Errorf("FeedSources = %v, %v", src, err)
	}
	if err := s.PlaceSourceFeeds(nil); err != nil { // source removed from the config
		t.Fatal(err)
	}
	if fs, _ := s.Feeds(); len(fs) != 1 {
		t.Errorf("feeds of an unconfigured source still listed: %+v", fs)
	}
}

func TestQueueCatchesLocalChangesOnly(t *testing.T) {
	s := openTemp(t)
	syncSource(t, s)
	added, _, err := s.SaveSourceEntries("mf", []SourceEntry{
		entry("10", "1", false, false, day(3)), entry("11", "2", true, true, day(3)), entry("12", "9", false, false, day(3)),
	})
	if err != nil || added != 2 {
		t.Fatalf("SaveSourceEntries = %d, %v; want 2 added (feed 9 unknown)", added, err)
	}
	if q, _ := s.PendingChanges("mf"); len(q) != 0 {
		t.Fatalf("applying the source's state queued changes: %+v", q)
	}
	id, err := s.SourceArticleID("mf", "11")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article(id)
	if !a.Read || !a.Starred {
		t.Errorf("remote state not applied: %+v", a.ArticleSummary)
	}
	if err := s.SetRead(id, false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetRead(id, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(id, false); err != nil {
		t.Fatal(err)
	}
	q, err := s.PendingChanges("mf")
	if err != nil || len(q) != 2 {
		t.Fatalf("PendingChanges = %+v, %v; want one read and one star change", q, err)
	}
	kinds := map[string]bool{}
	for _, c := range q {
		if c.RemoteID != "11" {
			t.Errorf("change for %s", c.RemoteID)
		}
		kinds[c.Kind] = c.Value
	}
	if v, ok := kinds["read"]; !ok || !v {
		t.Errorf("read change = %v, want true (the latest)", kinds)
	}
	if v, ok := kinds["starred"]; !ok || v {
		t.Errorf("star change = %v, want false", kinds)
	}
	// A change made after the queue was read is kept on ack.
	if err := s.SetStarred(id, true); err != nil {
		t.Fatal(err)
	}
	if err := s.AckChanges([]int64{q[0].QueueID, q[1].QueueID}); err != nil {
		t.Fatal(err)
	}
	q, _ = s.PendingChanges("mf")
	if len(q) != 1 || q[0].Kind != "starred" || !q[0].Value {
		t.Errorf("after ack = %+v, want the newer star change only", q)
	}
}

func TestLatestChangeWins(t *testing.T) {
	s := openTemp(t)
	syncSource(t, s)
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{entry("10", "1", false, false, day(3))}); err != nil {
		t.Fatal(err)
	}
	id, _ := s.SourceArticleID("mf", "10")
	if err := s.SetRead(id, true); err != nil { // queued now
		t.Fatal(err)
	}
	// An older change on the source loses: herald's read stays and stays queued.
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{entry("10", "1", false, false, day(4))}); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Article(id); !a.Read {
		t.Error("an older remote change overwrote herald's newer read")
	}
	if q, _ := s.PendingChanges("mf"); len(q) != 1 {
		t.Errorf("queue = %+v, want herald's change kept", q)
	}
	// A newer change on the source wins and drops the queued one.
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{entry("10", "1", false, true, time.Now().Add(time.Minute))}); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article(id)
	if a.Read || !a.Starred {
		t.Errorf("newer remote state not applied: read=%v starred=%v", a.Read, a.Starred)
	}
	if q, _ := s.PendingChanges("mf"); len(q) != 0 {
		t.Errorf("queue = %+v, want the losing change dropped", q)
	}
}

func TestApplySourceState(t *testing.T) {
	s := openTemp(t)
	syncSource(t, s)
	if _, _, err := s.SaveSourceEntries("mf", []SourceEntry{entry("10", "1", false, false, time.Time{}), entry("11", "1", false, false, time.Time{})}); err != nil {
		t.Fatal(err)
	}
	id10, _ := s.SourceArticleID("mf", "10")
	id11, _ := s.SourceArticleID("mf", "11")
	if err := s.SetStarred(id11, true); err != nil {
		t.Fatal(err)
	}
	// The source says 10 is read and starred, 11 unread and not starred.
	if err := s.ApplySourceState("mf", map[string]bool{"11": true}, map[string]bool{"10": true}); err != nil {
		t.Fatal(err)
	}
	a10, _ := s.Article(id10)
	a11, _ := s.Article(id11)
	if !a10.Read || !a10.Starred || a11.Read || !a11.Starred {
		t.Errorf("10: read=%v star=%v; 11: read=%v star=%v (herald's queued star must stay)", a10.Read, a10.Starred, a11.Read, a11.Starred)
	}
	if q, _ := s.PendingChanges("mf"); len(q) != 1 {
		t.Errorf("queue = %+v", q)
	}
	ids, err := s.SourceRemoteIDs("mf")
	if err != nil || len(ids) != 2 || !ids["10"] {
		t.Errorf("SourceRemoteIDs = %v, %v", ids, err)
	}
}

func TestSourceCursor(t *testing.T) {
	s := openTemp(t)
	if c, _, err := s.SourceCursor("mf"); err != nil || c != "" {
		t.Fatalf("fresh cursor = %q, %v", c, err)
	}
	if err := s.SetSourceCursor("mf", "1700000000", time.UnixMilli(5)); err != nil {
		t.Fatal(err)
	}
	if c, when, err := s.SourceCursor("mf"); err != nil || c != "1700000000" || when.UnixMilli() != 5 {
		t.Errorf("cursor = %q %v, %v", c, when, err)
	}
}
