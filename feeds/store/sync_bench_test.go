package store

import (
	"strconv"
	"testing"
	"time"
)

// syncedSource stores a source of 10,000 unread entries and returns their
// remote ids.
func syncedSource(b *testing.B) (*Store, []string) {
	s := openTemp(b)
	if _, err := s.SyncSourceFeeds("mf", []SourceFeed{{RemoteID: "1", Key: "https://a.example/feed#source=mf", Title: "A"}}); err != nil {
		b.Fatal(err)
	}
	var ids []string
	var es []SourceEntry
	for i := range 10000 {
		id := strconv.Itoa(i)
		es = append(es, entry(id, "1", false, false, time.Time{}))
		ids = append(ids, id)
	}
	if _, _, err := s.SaveSourceEntries("mf", es); err != nil {
		b.Fatal(err)
	}
	return s, ids
}

// BenchmarkApplySourceState applies the state lists of a source of 10,000
// entries, all unchanged: what a Google Reader sync does when its lists
// changed.
func BenchmarkApplySourceState(b *testing.B) {
	s, ids := syncedSource(b)
	unread := map[string]bool{}
	for _, id := range ids {
		unread[id] = true
	}
	for b.Loop() {
		if err := s.ApplySourceState("mf", unread, map[string]bool{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSourceKnownIDs looks up 10,000 remote ids: what a Google Reader
// sync does with a changed unread list.
func BenchmarkSourceKnownIDs(b *testing.B) {
	s, ids := syncedSource(b)
	for b.Loop() {
		if k, err := s.SourceKnownIDs("mf", ids); err != nil || len(k) != len(ids) {
			b.Fatalf("SourceKnownIDs = %d ids, %v", len(k), err)
		}
	}
}
