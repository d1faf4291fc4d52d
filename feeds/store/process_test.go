package store

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestHelperWriter is not a test: TestTwoProcessesWrite runs the test
// binary again with HERALD_STORE_WRITER set, to write from another process.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv("HERALD_STORE_WRITER")
	if path == "" {
		t.Skip("helper process only")
	}
	feed, _ := strconv.ParseInt(os.Getenv("HERALD_STORE_FEED"), 10, 64)
	rounds, _ := strconv.Atoi(os.Getenv("HERALD_STORE_ROUNDS"))
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < rounds; i++ {
		item := NewArticle{GUID: fmt.Sprintf("p%d-%d", feed, i), Title: fmt.Sprintf("process item %d of feed %d", i, feed), Text: strings.Repeat("words ", 200)}
		if _, _, err := s.SaveArticles(feed, []NewArticle{item}); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		id := articleID(t, s, item.Title)
		if err := s.SetRead(id, true); err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
	}
}

// Two herald processes on one store: both write at once and both succeed.
func TestTwoProcessesWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := filepath.Join(t.TempDir(), "herald.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := syncURLs(t, s, "https://a.example/", "https://b.example/")
	const rounds = 30
	var wg sync.WaitGroup
	outputs := make([][]byte, len(ids))
	errs := make([]error, len(ids))
	for i, id := range ids {
		wg.Add(1)
		go func(i int, id int64) {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$", "-test.count=1")
			cmd.Env = append(os.Environ(), "HERALD_STORE_WRITER="+path,
				"HERALD_STORE_FEED="+strconv.FormatInt(id, 10), "HERALD_STORE_ROUNDS="+strconv.Itoa(rounds))
			outputs[i], errs[i] = cmd.CombinedOutput()
		}(i, id)
	}
	wg.Wait()
	for i := range ids {
		if errs[i] != nil {
			t.Errorf("writer process %d: %v\n%s", i, errs[i], outputs[i])
		}
	}
	fs, err := s.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Total != rounds || f.Unread != 0 {
			t.Errorf("feed %s: total %d unread %d; want %d, 0", f.URL, f.Total, f.Unread, rounds)
		}
	}
	if err := s.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
}
