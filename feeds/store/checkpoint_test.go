package store

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// What a write commits reaches the database file soon after, without
// waiting for the WAL to fill up (wal_autocheckpoint, 8,000 pages) or for
// the store to close.
func TestWritesReachTheDatabaseFile(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://one.example/rss")[0]
	size := func() int64 {
		fi, err := os.Stat(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	before := size()
	var items []NewArticle
	for i := range 300 {
		items = append(items, NewArticle{GUID: fmt.Sprint(i), Title: fmt.Sprint("Article ", i),
			Text: strings.Repeat(fmt.Sprintf("Sentence %d of a long article. ", i), 100), Published: day(i % 30)})
	}
	save(t, s, feed, items...)
	deadline := time.Now().Add(10 * time.Second)
	for size() < before+1<<20 {
		if time.Now().After(deadline) {
			t.Fatalf("the database file is %d bytes 10 s after writing 1 MB of articles (%d before): nothing was checkpointed", size(), before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
