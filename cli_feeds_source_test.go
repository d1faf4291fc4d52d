package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/herald-reader/herald/feeds/store"
)

// tinyMiniflux is enough of Miniflux's REST API (token auth) for the CLI:
// one feed after a subscription, one entry in it.
type tinyMiniflux struct {
	mu         sync.Mutex
	subscribed string
}

func (m *tinyMiniflux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r.Header.Get("X-Auth-Token") != "tok" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch r.Method + " " + r.URL.Path {
	case "GET /v1/categories":
		io.WriteString(w, `[{"id":1,"title":"All"}]`)
	case "POST /v1/categories":
		io.WriteString(w, `{"id":2,"title":"World"}`)
	case "POST /v1/feeds":
		var req struct {
			URL string `json:"feed_url"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		m.subscribed = req.URL
		io.WriteString(w, `{"feed_id":7}`)
	case "GET /v1/feeds":
		if m.subscribed == "" {
			io.WriteString(w, `[]`)
			return
		}
		json.NewEncoder(w).Encode([]map[string]any{{"id": 7, "feed_url": m.subscribed, "title": "Remote feed",
			"category": map[string]any{"id": 2, "title": "World"}}})
	case "GET /v1/entries":
		if m.subscribed == "" {
			io.WriteString(w, `{"total":0,"entries":[]}`)
			return
		}
		io.WriteString(w, `{"total":1,"entries":[{"id":70,"feed_id":7,"status":"unread","title":"Remote story",
			"url":"https://news.example/1","content":"<p>Hello <b>there</b></p>","published_at":"2026-02-02T10:00:00Z",
			"changed_at":"2026-02-02T10:00:00Z","starred":false}]}`)
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

func sourceConfig(t *testing.T, dir, url string) string {
	t.Helper()
	p := filepath.Join(dir, "config.toml")
	cfg := "[[feeds]]\nurl = \"herald:world.xml\"\n[store]\npath = " + strconvQuote(filepath.Join(dir, "h.db")) +
		"\n[[sources]]\nname = \"home\"\ntype = \"miniflux\"\nurl = " + strconvQuote(url) + "\npassword_env = \"HERALD_TEST_MF_TOKEN\"\n"
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

func TestFeedsAddViaSourceAndFetch(t *testing.T) {
	dir := isolate(t)
	srv := httptest.NewServer(&tinyMiniflux{})
	defer srv.Close()
	t.Setenv("HERALD_TEST_MF_TOKEN", "tok")
	cfg := sourceConfig(t, dir, srv.URL)

	var out strings.Builder
	e := &env{ctx: context.Background(), stdout: &out, stderr: io.Discard, configPath: cfg}
	if err := subscribeViaSource(e, "nope", "https://news.example/feed", "", nil); err == nil || !strings.Contains(err.Error(), "home") {
		t.Errorf("unknown source: err = %v, want the configured names", err)
	}
	if err := subscribeViaSource(e, "home", "https://news.example/feed", "", []string{"World"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "subscribed https://news.example/feed through source home") ||
		!strings.Contains(out.String(), "1 new articles") {
		t.Errorf("output: %q", out.String())
	}
	code, _, errOut := runCLI(t, "", "--config", cfg, "fetch")
	if code != exitOK || !strings.Contains(errOut, "source home <"+srv.URL+">: synced, 0 new or changed") {
		t.Fatalf("fetch: code %d\n%s", code, errOut)
	}
	st, err := store.Open(filepath.Join(dir, "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, err := st.SourceArticleID("home", "70")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := st.Article(id)
	if a.Title != "Remote story" || a.Text != "Hello there" || a.FeedTitle != "Remote feed" {
		t.Errorf("synced article = %q %q in %q", a.Title, a.Text, a.FeedTitle)
	}

	// A wrong token: the source's error is in fetch's summary, by name.
	t.Setenv("HERALD_TEST_MF_TOKEN", "wrong")
	_, _, errOut = runCLI(t, "", "--config", cfg, "fetch")
	if !strings.Contains(errOut, "error: source home") || !strings.Contains(errOut, "refused the credentials") {
		t.Errorf("fetch with a wrong token:\n%s", errOut)
	}
}
