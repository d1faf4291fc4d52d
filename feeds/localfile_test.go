//go:build unix

package feeds

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// A file: feed must be a regular file: a FIFO with no writer would block
// the open (and the refresh) for ever, a device never ends or steals the
// terminal's input, /proc files are made up as they are read.
func TestLocalFeedMustBeRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "feed.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	link := filepath.Join(dir, "link.xml")
	if err := os.Symlink("/proc/self/status", link); err != nil {
		t.Fatal(err)
	}
	f := NewFetcher(Options{Timeout: 5 * time.Second})
	cases := []struct{ url, want string }{
		{fifo, "named pipe"},
		{"file://" + fifo, "named pipe"},
		{"/dev/zero", "device"},
		{"/dev/null", "device"},
		{"file:///dev/tty", ""}, // a device, or absent without a terminal: either way refused
		{"/proc/self/status", "kernel"},
		{link, "kernel"},
		{dir, "directory"},
	}
	for _, c := range cases {
		start := time.Now()
		res := f.Fetch(context.Background(), Request{URL: c.url})
		if res.Err == nil {
			t.Errorf("%s: fetched %d items, want an error", c.url, len(res.Items))
			continue
		}
		if !strings.Contains(res.Err.Error(), c.want) {
			t.Errorf("%s: error %q, want it to mention %q", c.url, res.Err, c.want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %s to refuse", c.url, d)
		}
	}
}

// A regular file is still read, and its size is capped like a body.
func TestLocalFeedCapped(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "feed.xml")
	if err := os.WriteFile(small, mustRead(t, "rss2.xml"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.xml")
	if err := os.WriteFile(big, make([]byte, 64<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	f := NewFetcher(Options{MaxBodyBytes: 32 << 10})
	if res := f.Fetch(context.Background(), Request{URL: small}); res.Err != nil || len(res.Items) == 0 {
		t.Fatalf("regular file: %d items, err %v", len(res.Items), res.Err)
	}
	if res := f.Fetch(context.Background(), Request{URL: big}); res.Err == nil || !strings.Contains(res.Err.Error(), "exceeds") {
		t.Fatalf("oversized file: err %v, want the size cap", res.Err)
	}
}

// A cancelled refresh ends within a second even while a feed is stuck:
// here an HTTP server that never answers, beside a FIFO.
func TestRefreshCancelEndsStuckFetches(t *testing.T) {
	srv := newTestServer(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "feed.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	st, err := store.Open(filepath.Join(dir, "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.SyncFeeds([]store.FeedConfig{{URL: srv.URL + "/slow"}, {URL: fifo}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	_, err = Refresh(ctx, st, NewFetcher(Options{Timeout: time.Minute}), list, nil)
	if d := time.Since(start); d > 1300*time.Millisecond {
		t.Fatalf("refresh took %s after cancellation", d-300*time.Millisecond)
	}
	if err == nil {
		t.Fatal("a cancelled refresh returned no error")
	}
}

// A file read stops as soon as its context ends.
func TestLocalFeedReadStopsOnCancel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, mustRead(t, "rss2.xml"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := NewFetcher(Options{}).Fetch(ctx, Request{URL: "file://" + path})
	if res.Err == nil || !errors.Is(res.Err, context.Canceled) {
		t.Fatalf("read under a cancelled context: %d items, err %v", len(res.Items), res.Err)
	}
}
