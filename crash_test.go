package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// buildHerald builds the real binary once per test run.
var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

func heraldBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "herald-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "herald")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// feedServer serves n RSS feeds, each answering after delay; generation
// changes every item's text so that a refresh updates articles in place.
type feedServer struct {
	*httptest.Server
	delay      atomic.Int64 // nanoseconds
	generation atomic.Int32
	hits       atomic.Int32
}

func newFeedServer(t *testing.T, delay time.Duration) *feedServer {
	fs := &feedServer{}
	fs.delay.Store(int64(delay))
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.hits.Add(1)
		select {
		case <-time.After(time.Duration(fs.delay.Load())):
		case <-r.Context().Done():
			return
		}
		gen := fs.generation.Load()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title>`, r.URL.Path)
		for i := 0; i < 5; i++ {
			fmt.Fprintf(w, `<item><guid>%s-%d</guid><title>Story %d of %s</title><link>https://example.org%s/%d</link>
<description>Chancellor Friedrich Merz said the vote would go ahead (revision %d).</description>
<pubDate>Mon, 17 Nov 2025 10:%02d:00 GMT</pubDate></item>`, r.URL.Path, i, i, r.URL.Path, r.URL.Path, i, gen, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func writeFeedConfig(t *testing.T, dir, serverURL string, feeds, concurrency int) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < feeds; i++ {
		fmt.Fprintf(&b, "[[feeds]]\nurl = \"%s/feed%d\"\n", serverURL, i)
	}
	fmt.Fprintf(&b, "[fetch]\nconcurrency = %d\ntimeout = \"10s\"\n[store]\npath = %q\n", concurrency, filepath.Join(dir, "herald.db"))
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func heraldCmd(ctx context.Context, bin, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "xdg-config"), "XDG_DATA_HOME="+filepath.Join(dir, "xdg-data"), "HERALD_CONFIG=")
	return cmd
}

// TestKilledMidRefreshLosesNothing kills `herald fetch` with SIGKILL in the
// middle of a refresh and checks that the store is consistent, that read
// and starred flags survive, and that the next refresh completes.
func TestKilledMidRefreshLosesNothing(t *testing.T) {
	bin := heraldBinary(t)
	dir := t.TempDir()
	srv := newFeedServer(t, 0)
	const nFeeds = 60
	cfg := writeFeedConfig(t, dir, srv.URL, nFeeds, 4)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	if out, err := heraldCmd(ctx, bin, dir, "--config", cfg, "fetch").CombinedOutput(); err != nil {
		t.Fatalf("first fetch: %v\n%s", err, out)
	}
	st, err := store.Open(filepath.Join(dir, "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.Articles(store.ArticleQuery{})
	if err != nil || len(all) != nFeeds*5 {
		t.Fatalf("after the first fetch: %d articles, %v", len(all), err)
	}
	flagged := map[int64]bool{}
	for i, a := range all {
		if i%7 == 0 {
			st.SetRead(a.ID, true)
			flagged[a.ID] = true
		}
		if i%11 == 0 {
			st.SetStarred(a.ID, true)
		}
	}
	st.Close()

	// Second refresh: every feed changed, answers slowly; kill it half way.
	srv.generation.Store(1)
	srv.delay.Store(int64(150 * time.Millisecond))
	srv.hits.Store(0)
	cmd := heraldCmd(ctx, bin, dir, "--config", cfg, "fetch")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for srv.hits.Load() < nFeeds/3 {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if srv.hits.Load() >= nFeeds {
		t.Fatalf("the refresh finished before the kill (%d hits); the test proves nothing", srv.hits.Load())
	}

	st, err = store.Open(filepath.Join(dir, "herald.db"))
	if err != nil {
		t.Fatalf("reopening after SIGKILL: %v", err)
	}
	if err := st.IntegrityCheck(); err != nil {
		t.Fatalf("integrity check after SIGKILL: %v", err)
	}
	checkFlags := func(when string) {
		t.Helper()
		after, err := st.Articles(store.ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(after) != nFeeds*5 {
			t.Errorf("%s: %d articles, want %d (no duplicates, none lost)", when, len(after), nFeeds*5)
		}
		for _, a := range after {
			if flagged[a.ID] != a.Read {
				t.Errorf("%s: article %d read=%v, want %v", when, a.ID, a.Read, flagged[a.ID])
			}
		}
		starred, _ := st.Articles(store.ArticleQuery{Starred: true})
		if want := (nFeeds*5 + 10) / 11; len(starred) != want {
			t.Errorf("%s: %d starred, want %d", when, len(starred), want)
		}
	}
	checkFlags("after SIGKILL")
	st.Close()

	srv.delay.Store(0)
	if out, err := heraldCmd(ctx, bin, dir, "--config", cfg, "fetch").CombinedOutput(); err != nil {
		t.Fatalf("refresh after the crash: %v\n%s", err, out)
	}
	st, err = store.Open(filepath.Join(dir, "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkFlags("after the next refresh")
	got, _ := st.Articles(store.ArticleQuery{Search: "revision 1"})
	if len(got) != nFeeds*5 {
		t.Errorf("the refresh after the crash updated %d of %d articles", len(got), nFeeds*5)
	}
}

// TestTwoProcessesShareTheStore runs two refreshes at once on one store.
func TestTwoProcessesShareTheStore(t *testing.T) {
	bin := heraldBinary(t)
	dir := t.TempDir()
	srv := newFeedServer(t, 5*time.Millisecond)
	cfg := writeFeedConfig(t, dir, srv.URL, 40, 8)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	outs := make([]string, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := heraldCmd(ctx, bin, dir, "--config", cfg, "fetch").CombinedOutput()
			outs[i], errs[i] = string(out), err
		}()
	}
	wg.Wait()
	for i := range 2 {
		if errs[i] != nil {
			t.Errorf("process %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	st, err := store.Open(filepath.Join(dir, "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.CountArticles(store.ArticleQuery{}); n != 200 {
		t.Errorf("%d articles after two concurrent refreshes, want 200", n)
	}
}
