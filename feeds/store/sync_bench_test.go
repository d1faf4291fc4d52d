package store

import (
	"strconv"
	"testing"
	"time"
)

// BenchmarkApplySourceState applies the state lists of a source of 10,000
// entries, all unchanged: what every Google Reader sync does.
func BenchmarkApplySourceState(b *testing.B) {
	s := openTemp(b)
	if _, err := s.SyncSourceFeeds("mf", []SourceFeed{{RemoteID: "1", Key: "https://a.example/feed#source=mf", Title: "A"}}); err != nil {
		b.Fatal(err)
	}
	unread := map[string]bool{}
	var es []SourceEntry
	for i := range 10000 {
		id := strconv.Itoa(i)
		es = append(es, entry(id, "1", false, false, time.Time{}))
		unread[id] = true
	}
	if _, _, err := s.SaveSourceEntries("mf", es); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := s.ApplySourceState("mf", unread, map[string]bool{}); err != nil {
			b.Fatal(err)
		}
	}
}
