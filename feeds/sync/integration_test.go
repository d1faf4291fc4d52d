package sync

// Integration tests against a real Miniflux, run by scripts/test-sync,
// which starts one and sets HERALD_MINIFLUX_URL, HERALD_MINIFLUX_USER,
// HERALD_MINIFLUX_PASSWORD, HERALD_SYNC_FEEDS (the local server of
// testdata/) and HERALD_MINIFLUX_DSN (its database, for the purge test).
// Without them the tests are skipped.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

type liveServer struct {
	url, user, pass, feeds string
}

// apiToken is a Miniflux API key made by the setup: with a password,
// Miniflux checks a bcrypt hash on every REST request (a quarter of a
// second here), so the README recommends tokens and the benchmarks use one.
var apiToken string

func live(tb testing.TB) liveServer {
	tb.Helper()
	s := liveServer{os.Getenv("HERALD_MINIFLUX_URL"), os.Getenv("HERALD_MINIFLUX_USER"),
		os.Getenv("HERALD_MINIFLUX_PASSWORD"), os.Getenv("HERALD_SYNC_FEEDS")}
	if s.url == "" {
		tb.Skip("no Miniflux: run scripts/test-sync")
	}
	setupOnce.Do(func() { setupErr = s.subscribeTestFeeds() })
	if setupErr != nil {
		tb.Fatalf("subscribing the test feeds: %v", setupErr)
	}
	return s
}

var (
	setupOnce gosync.Once
	setupErr  error
)

// subscribeTestFeeds subscribes the user to testdata's feeds through
// herald's own Subscribe (both APIs), each in a folder.
func (s liveServer) subscribeTestFeeds() error {
	ctx := context.Background()
	var feeds []mfFeed
	if err := s.rest(http.MethodGet, "/v1/feeds", nil, &feeds); err != nil {
		return err
	}
	var key struct {
		Token string `json:"token"`
	}
	desc := "herald tests " + time.Now().Format(time.RFC3339Nano)
	if err := s.rest(http.MethodPost, "/v1/api-keys", map[string]string{"description": desc}, &key); err != nil {
		return err
	}
	apiToken = key.Token
	have := map[string]bool{}
	for _, f := range feeds {
		have[f.FeedURL] = true
	}
	mf := s.source(TypeMiniflux, s.pass, s.url)
	gr := s.source(TypeGReader, s.pass, s.url)
	for _, f := range []struct {
		src          *Source
		file, folder string
	}{{mf, "world.xml", "World"}, {gr, "economy.xml", "Economy"}} {
		u := s.feeds + "/" + f.file
		if have[u] {
			continue
		}
		if err := f.src.Subscribe(ctx, u, "", f.folder); err != nil {
			return err
		}
	}
	return nil
}

func (s liveServer) source(typ, pass, base string) *Source {
	return s.sourceWith(typ, pass, base, func(*Config) {})
}

// sourceWith is source with its Config changed by edit first.
func (s liveServer) sourceWith(typ, pass, base string, edit func(*Config)) *Source {
	cfg := Config{Name: typ, Type: typ, URL: base, Username: s.user,
		Password: func(context.Context) (string, error) { return pass, nil }}
	if typ == TypeMiniflux && pass == s.pass && apiToken != "" {
		cfg.Token = apiToken
	}
	edit(&cfg)
	src, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return src
}

// rest calls Miniflux's REST API directly, as another device would.
func (s liveServer) rest(method, path string, body, out any) error {
	var rd *bytes.Reader = bytes.NewReader(nil)
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.url+path, rd)
	if err != nil {
		return err
	}
	req.SetBasicAuth(s.user, s.pass)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode > 299 {
		return errors.New(method + " " + path + ": " + resp.Status)
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}

func (s liveServer) entry(t *testing.T, id string) mfEntry {
	t.Helper()
	var e mfEntry
	if err := s.rest(http.MethodGet, "/v1/entries/"+id, nil, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// testEntries lists the server's entries of testdata's feeds.
func (s liveServer) testEntries(t *testing.T) map[string]mfEntry {
	t.Helper()
	var feeds []mfFeed
	if err := s.rest(http.MethodGet, "/v1/feeds", nil, &feeds); err != nil {
		t.Fatal(err)
	}
	out := map[string]mfEntry{}
	for _, f := range feeds {
		if !strings.HasSuffix(f.FeedURL, "/world.xml") && !strings.HasSuffix(f.FeedURL, "/economy.xml") {
			continue
		}
		var res mfEntries
		if err := s.rest(http.MethodGet, "/v1/feeds/"+strconv.FormatInt(f.ID, 10)+"/entries?limit=100", nil, &res); err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Entries {
			out[strconv.FormatInt(e.ID, 10)] = e
		}
	}
	if len(out) != 5 {
		t.Fatalf("server has %d test entries, want 5", len(out))
	}
	return out
}

func freshStore(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "herald.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func mustSync(tb testing.TB, src *Source, st *store.Store) Stats {
	tb.Helper()
	stats, err := src.Sync(context.Background(), st)
	if err != nil {
		tb.Fatalf("sync %s: %v", src.Name(), err)
	}
	return stats
}

var apis = []string{TypeMiniflux, TypeGReader}

func TestIntegrationAllEntriesArrive(t *testing.T) {
	s := live(t)
	want := s.testEntries(t)
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			st := freshStore(t)
			mustSync(t, s.source(typ, s.pass, s.url), st)
			fs, err := st.Feeds()
			if err != nil {
				t.Fatal(err)
			}
			byTitle := map[string]store.Feed{}
			for _, f := range fs {
				byTitle[f.Title] = f
			}
			for title, tag := range map[string]string{"Sync test: world": "World", "Sync test: economy": "Economy"} {
				f, ok := byTitle[title]
				if !ok {
					t.Fatalf("feed %q missing; feeds: %+v", title, fs)
				}
				if len(f.Tags) != 1 || f.Tags[0] != tag {
					t.Errorf("feed %q tags = %v, want [%s] (its folder)", title, f.Tags, tag)
				}
			}
			for id, e := range want {
				aid, err := st.SourceArticleID(typ, id)
				if err != nil {
					t.Fatalf("entry %s (%s): %v", id, e.Title, err)
				}
				a, err := st.Article(aid)
				if err != nil {
					t.Fatal(err)
				}
				if a.Title != e.Title || a.Link != e.URL || a.Read != (e.Status == "read") || a.Starred != e.Starred {
					t.Errorf("entry %s: got %q %q read=%v star=%v; server %q %q %s star=%v",
						id, a.Title, a.Link, a.Read, a.Starred, e.Title, e.URL, e.Status, e.Starred)
				}
				if !a.Published.Equal(e.PublishedAt) {
					t.Errorf("entry %s published %v, server %v", id, a.Published, e.PublishedAt)
				}
				if strings.Contains(a.Text, "<p>") || a.Text == "" {
					t.Errorf("entry %s text not converted from HTML: %q", id, a.Text)
				}
				if feed := byTitle[e.Feed.Title]; feed.ID != a.FeedID {
					t.Errorf("entry %s in feed %d, want %q", id, a.FeedID, e.Feed.Title)
				}
			}
		})
	}
}

func TestIntegrationReadAndStarReachServer(t *testing.T) {
	s := live(t)
	entries := s.testEntries(t)
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			st := freshStore(t)
			src := s.source(typ, s.pass, s.url)
			mustSync(t, src, st)
			for id := range entries {
				e := s.entry(t, id) // as the other subtests left it
				aid, _ := st.SourceArticleID(typ, id)
				if err := st.SetRead(aid, e.Status != "read"); err != nil {
					t.Fatal(err)
				}
				if err := st.SetStarred(aid, !e.Starred); err != nil {
					t.Fatal(err)
				}
				if stats := mustSync(t, src, st); stats.Pushed != 2 {
					t.Errorf("pushed %d changes, want 2", stats.Pushed)
				}
				got := s.entry(t, id)
				if (got.Status == "read") == (e.Status == "read") || got.Starred == e.Starred {
					t.Errorf("server still has entry %s %s starred=%v after herald changed both", id, got.Status, got.Starred)
				}
				if q, _ := st.PendingChanges(typ); len(q) != 0 {
					t.Errorf("queue not empty after sync: %+v", q)
				}
				break
			}
		})
	}
}

func TestIntegrationServerReadReachesHerald(t *testing.T) {
	s := live(t)
	entries := s.testEntries(t)
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			st := freshStore(t)
			src := s.source(typ, s.pass, s.url)
			mustSync(t, src, st)
			for id := range entries {
				e := s.entry(t, id)
				aid, _ := st.SourceArticleID(typ, id)
				before, _ := st.Article(aid)
				status := "read"
				if e.Status == "read" {
					status = "unread"
				}
				n, _ := strconv.ParseInt(id, 10, 64)
				if err := s.rest(http.MethodPut, "/v1/entries", map[string]any{"entry_ids": []int64{n}, "status": status}, nil); err != nil {
					t.Fatal(err)
				}
				time.Sleep(1100 * time.Millisecond) // Miniflux's change times have one-second steps
				mustSync(t, src, st)
				after, _ := st.Article(aid)
				if after.Read == before.Read || after.Read != (status == "read") {
					t.Errorf("server marked %s %s; herald has read=%v (was %v)", id, status, after.Read, before.Read)
				}
				if q, _ := st.PendingChanges(typ); len(q) != 0 {
					t.Errorf("applying the server's state queued changes: %+v", q)
				}
				break
			}
		})
	}
}

// switchProxy stands in front of Miniflux on a fixed address; down closes
// its listener, so that requests find nothing listening, and up listens
// again on the same address. It counts the write requests it passes.
type switchProxy struct {
	addr   string
	target *url.URL
	srv    *httptest.Server
	writes atomic.Int64
}

func newSwitchProxy(t *testing.T, target string) *switchProxy {
	u, _ := url.Parse(target)
	p := &switchProxy{target: u}
	p.up(t)
	p.addr = p.srv.Listener.Addr().String()
	t.Cleanup(func() { p.srv.Close() })
	return p
}

func (p *switchProxy) up(t *testing.T) {
	rp := httputil.NewSingleHostReverseProxy(p.target)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && !strings.HasSuffix(r.URL.Path, "/stream/items/contents") &&
			!strings.HasSuffix(r.URL.Path, "/ClientLogin") {
			p.writes.Add(1)
		}
		rp.ServeHTTP(w, r)
	})
	srv := httptest.NewUnstartedServer(h)
	if p.addr != "" {
		var err error
		for i := 0; i < 50; i++ {
			var l net.Listener
			if l, err = net.Listen("tcp", p.addr); err == nil {
				srv.Listener.Close()
				srv.Listener = l
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("listening again on %s: %v", p.addr, err)
		}
	}
	srv.Start()
	p.srv = srv
}

func (p *switchProxy) down() {
	p.srv.CloseClientConnections()
	p.srv.Close()
}

func (p *switchProxy) url() string { return "http://" + p.addr }

func TestIntegrationOfflineChangeDeliveredOnce(t *testing.T) {
	s := live(t)
	entries := s.testEntries(t)
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			proxy := newSwitchProxy(t, s.url)
			st := freshStore(t)
			src := s.source(typ, s.pass, proxy.url())
			mustSync(t, src, st)
			var id string
			for id = range entries {
				break
			}
			e := s.entry(t, id)
			aid, _ := st.SourceArticleID(typ, id)
			proxy.down()
			if err := st.SetStarred(aid, !e.Starred); err != nil {
				t.Fatal(err)
			}
			_, err := src.Sync(context.Background(), st)
			if err == nil || !strings.Contains(err.Error(), "cannot reach the server") {
				t.Fatalf("sync with the server down: err = %v, want a clear network error", err)
			}
			if q, _ := st.PendingChanges(typ); len(q) != 1 {
				t.Fatalf("queue after failed sync = %+v, want the change kept", q)
			}
			proxy.up(t)
			proxy.writes.Store(0)
			stats := mustSync(t, src, st)
			if stats.Pushed != 1 || proxy.writes.Load() != 1 {
				t.Errorf("pushed %d changes in %d write requests, want 1 and 1", stats.Pushed, proxy.writes.Load())
			}
			if got := s.entry(t, id); got.Starred == e.Starred {
				t.Errorf("server entry %s starred=%v: the offline change did not arrive", id, got.Starred)
			}
			mustSync(t, src, st)
			if proxy.writes.Load() != 1 {
				t.Errorf("a second sync wrote again (%d write requests in all): the change was sent twice", proxy.writes.Load())
			}
			if a, _ := st.Article(aid); a.Starred == e.Starred {
				t.Error("herald lost its own change after syncing")
			}
		})
	}
}

func TestIntegrationWrongPassword(t *testing.T) {
	s := live(t)
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			st := freshStore(t)
			mustSync(t, s.source(typ, s.pass, s.url), st)
			feedsBefore, _ := st.Feeds()
			idsBefore, _ := st.SourceRemoteIDs(typ)
			var aid int64
			for id := range idsBefore {
				aid, _ = st.SourceArticleID(typ, id)
				break
			}
			a, _ := st.Article(aid)
			if err := st.SetRead(aid, !a.Read); err != nil {
				t.Fatal(err)
			}
			curBefore, whenBefore, _ := st.SourceCursor(typ)
			_, err := s.source(typ, "wrong-"+s.pass, s.url).Sync(context.Background(), st)
			if !errors.Is(err, ErrAuth) || !strings.Contains(err.Error(), "refused the credentials") {
				t.Fatalf("wrong password: err = %v, want a clear authentication error", err)
			}
			feedsAfter, _ := st.Feeds()
			idsAfter, _ := st.SourceRemoteIDs(typ)
			curAfter, whenAfter, _ := st.SourceCursor(typ)
			q, _ := st.PendingChanges(typ)
			b, _ := st.Article(aid)
			if len(feedsAfter) != len(feedsBefore) || len(idsAfter) != len(idsBefore) || curAfter != curBefore ||
				!whenAfter.Equal(whenBefore) || len(q) != 1 || b.Read == a.Read {
				t.Errorf("a failed login changed the store: feeds %d->%d, entries %d->%d, cursor %q->%q, queue %d, read %v",
					len(feedsBefore), len(feedsAfter), len(idsBefore), len(idsAfter), curBefore, curAfter, len(q), b.Read)
			}
		})
	}
}
