package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const manageConfig = `# My feeds — keep this comment.
[fetch]
timeout = "5s"   # be quick

# The wire.
[[feeds]]
url = "https://wire.example/world.rss" # the wire
title = "Global Wire"
tags = ["world", "wire"] # two tags

[[feeds]]
url = "https://desk.example/europe/"
title = "Europe Desk"
full_text = true

# Storage comes last.
[store]
path = "/tmp/never-opened.db"
`

// feedSite serves rss2.xml as a feed and an HTML page that links to it.
func feedSite(t *testing.T) *httptest.Server {
	t.Helper()
	feed, err := os.ReadFile(filepath.Join("testdata", "feeds", "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!doctype html><html><head><title>Gazette</title>
<link rel="alternate" type="application/rss+xml" title="Gazette feed" href="/feed.xml"></head>
<body><p>News.</p></body></html>`))
	})
	mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body>About us</body></html>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFeedsAddDiscoversTheFeedOfAPage(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, manageConfig)
	srv := feedSite(t)
	code, out, errOut := runFeedsCLI(t, "feeds", "add", srv.URL+"/", "--tag", "local", "--config", cfg)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "found the feed "+srv.URL+"/feed.xml") || !strings.Contains(out, "added Testland Gazette & Review <"+srv.URL+"/feed.xml> [local]") {
		t.Errorf("output:\n%s", out)
	}
	data, _ := os.ReadFile(cfg)
	if !strings.HasPrefix(string(data), manageConfig) {
		t.Errorf("the original text changed:\n%s", data)
	}
	lc, err := LoadConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	last := lc.Feeds[len(lc.Feeds)-1]
	if len(lc.Feeds) != 3 || last.URL != srv.URL+"/feed.xml" || last.Title != "Testland Gazette & Review" || strings.Join(last.Tags, ",") != "local" {
		t.Errorf("feeds = %+v", lc.Feeds)
	}

	// The same feed again, by another spelling: nothing changes.
	before, _ := os.ReadFile(cfg)
	again := strings.Replace(srv.URL, "http://", "HTTP://", 1) + "/feed.xml/"
	code, out, _ = runFeedsCLI(t, "--config", cfg, "feeds", "add", again)
	if code != exitOK || !strings.Contains(out, "already subscribed: Testland Gazette") {
		t.Errorf("duplicate: exit %d, %q", code, out)
	}
	code, out, _ = runFeedsCLI(t, "--config", cfg, "feeds", "add", "http://wire.example/world.rss/", "--no-check")
	if code != exitOK || !strings.Contains(out, "already subscribed: Global Wire") {
		t.Errorf("duplicate by http and slash: exit %d, %q", code, out)
	}
	if after, _ := os.ReadFile(cfg); !bytes.Equal(before, after) {
		t.Error("adding a duplicate changed the config")
	}
}

func TestFeedsAddFailures(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, manageConfig)
	srv := feedSite(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"feeds", "add", srv.URL + "/about"}, exitFailure, "links to no feed"},
		{[]string{"feeds", "add", srv.URL + "/missing.xml"}, exitFailure, "--no-check"},
		{[]string{"feeds", "add", "javascript:alert(1)"}, exitUsage, `unsupported URL scheme "javascript"`},
		{[]string{"feeds", "add", "https://x.example/rss", "--tag", " "}, exitUsage, "empty tag"},
		{[]string{"feeds", "add", "https://x.example/rss", "--source", "miniflux"}, exitUsage, "no [[sources]] configured"},
		{[]string{"feeds", "add"}, exitUsage, "one URL"},
	}
	for _, tt := range tests {
		code, _, errOut := runFeedsCLI(t, append(tt.args, "--config", cfg)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", tt.args, code, tt.code, errOut, tt.want)
		}
	}
	if data, _ := os.ReadFile(cfg); string(data) != manageConfig {
		t.Errorf("a failed add changed the config:\n%s", data)
	}
}

func TestFeedsAddNoCheckAcceptsFeedScheme(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, manageConfig)
	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "add", "--no-check", "--title", "Feedly style", "feed://News.Example/rss")
	if code != exitOK || !strings.Contains(out, "added Feedly style <http://news.example/rss>") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	lc, _ := LoadConfig(cfg)
	if got := lc.Feeds[len(lc.Feeds)-1]; got.URL != "http://news.example/rss" || got.Title != "Feedly style" {
		t.Errorf("added %+v", got)
	}
}

func TestFeedsAddOnEmbeddedDefaultsKeepsThem(t *testing.T) {
	dir := feedsEnv(t)
	code, _, errOut := runFeedsCLI(t, "feeds", "add", "--no-check", "https://mine.example/rss")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lc, err := LoadConfig("")
	if err != nil || lc.Source != filepath.Join(dir, "xdg-config", "herald", "config.toml") {
		t.Fatalf("LoadConfig: %v %v", err, lc)
	}
	defaults, _ := parseConfig(embeddedSource, defaultConfigTOML)
	if len(lc.Feeds) != len(defaults.Feeds)+1 || lc.Feeds[0].URL != defaults.Feeds[0].URL {
		t.Errorf("feeds = %+v", lc.Feeds)
	}
}

func TestFeedsRemove(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, manageConfig)
	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "remove", "global wire")
	if code != exitOK || !strings.Contains(out, "removed Global Wire <https://wire.example/world.rss> [world, wire]") {
		t.Fatalf("exit %d: %q %s", code, out, errOut)
	}
	data, _ := os.ReadFile(cfg)
	want := strings.Replace(manageConfig, `# The wire.
[[feeds]]
url = "https://wire.example/world.rss" # the wire
title = "Global Wire"
tags = ["world", "wire"] # two tags

`, "", 1)
	if string(data) != want {
		t.Errorf("config after remove:\n%s\nwant:\n%s", data, want)
	}
	if code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "add", "--no-check", "https://third.example/rss"); code != exitOK {
		t.Fatalf("add: %s", errOut)
	}
	// By URL, in another spelling; the comment after the table stays.
	if code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "rm", "http://DESK.example/europe"); code != exitOK {
		t.Fatalf("remove by URL: %s", errOut)
	}
	data, _ = os.ReadFile(cfg)
	if strings.Contains(string(data), "desk.example") || !strings.Contains(string(data), "# Storage comes last.\n[store]") ||
		!strings.Contains(string(data), "# My feeds — keep this comment.\n") {
		t.Errorf("config after second remove:\n%s", data)
	}
	before := data
	code, _, errOut = runFeedsCLI(t, "--config", cfg, "feeds", "remove", "https://third.example/rss")
	if code != exitFailure || !strings.Contains(errOut, "is the last feed") {
		t.Errorf("last feed: exit %d, %q", code, errOut)
	}
	code, _, errOut = runFeedsCLI(t, "--config", cfg, "feeds", "remove", "Nope")
	if code != exitUsage || !strings.Contains(errOut, `no feed in `+cfg+` has the URL or title "Nope"`) {
		t.Errorf("unknown feed: exit %d, %q", code, errOut)
	}
	if data, _ = os.ReadFile(cfg); !bytes.Equal(before, data) {
		t.Errorf("a refused remove changed the config")
	}
}

func TestFeedsRemoveAmbiguousTitle(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, "[[feeds]]\nurl = \"https://a.example/rss\"\ntitle = \"News\"\n\n[[feeds]]\nurl = \"https://b.example/rss\"\ntitle = \"news\"\n")
	code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "remove", "News")
	if code != exitUsage || !strings.Contains(errOut, "https://a.example/rss, https://b.example/rss") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestFeedsTag(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, manageConfig)
	if code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "tag", "https://wire.example/world.rss", "agency", `quote"d`); code != exitOK {
		t.Fatalf("tag: %s", errOut)
	}
	if code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "tag", "Europe Desk", "europe"); code != exitOK {
		t.Fatalf("tag: %s", errOut)
	}
	data, _ := os.ReadFile(cfg)
	want := strings.Replace(manageConfig, `tags = ["world", "wire"] # two tags`, `tags = ["agency", "quote\"d"] # two tags`, 1)
	want = strings.Replace(want, "full_text = true\n", "full_text = true\ntags = [\"europe\"]\n", 1)
	if string(data) != want {
		t.Errorf("config after tagging:\n%s\nwant:\n%s", data, want)
	}
	if code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "tag", "Global Wire"); code != exitOK || !strings.Contains(out, "tagged Global Wire <") {
		t.Fatalf("clear tags: %s %s", out, errOut)
	}
	lc, err := LoadConfig(cfg)
	if err != nil || len(lc.Feeds[0].Tags) != 0 || !lc.Feeds[1].FullText || strings.Join(lc.Feeds[1].Tags, ",") != "europe" {
		t.Errorf("after clearing: %v %+v", err, lc.Feeds)
	}
}

func TestFeedsList(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, manageConfig)
	code, out, _ := runFeedsCLI(t, "--config", cfg, "feeds", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 3 || !strings.HasPrefix(lines[0], "TITLE") ||
		!strings.Contains(lines[1], "https://wire.example/world.rss") || !strings.Contains(lines[1], "world, wire") {
		t.Errorf("list: exit %d\n%s", code, out)
	}
	code, out, _ = runFeedsCLI(t, "--config", cfg, "feeds", "list", "--json")
	var got feedsJSON
	if err := json.Unmarshal([]byte(out), &got); code != exitOK || err != nil {
		t.Fatalf("list --json: exit %d, %v\n%s", code, err, out)
	}
	if got.Schema.Name != "feeds" || got.Schema.Version != schemaVersion || got.Schema.Annotator == "" || got.Schema.Source.File != cfg {
		t.Errorf("schema = %+v", got.Schema)
	}
	if len(got.Feeds) != 2 || got.Feeds[1].URL != "https://desk.example/europe/" || !got.Feeds[1].FullText || got.Feeds[1].Tags == nil {
		t.Errorf("feeds = %+v", got.Feeds)
	}
}

func TestFeedsEditRefusesInlineFeeds(t *testing.T) {
	dir := feedsEnv(t)
	const inline = "feeds = [{ url = \"https://a.example/rss\" }, { url = \"https://b.example/rss\" }]\n"
	cfg := writeTestConfig(t, dir, inline)
	for _, args := range [][]string{
		{"feeds", "remove", "https://a.example/rss"},
		{"feeds", "tag", "https://a.example/rss", "x"},
		{"feeds", "add", "--no-check", "https://c.example/rss"},
	} {
		code, _, errOut := runFeedsCLI(t, append(args, "--config", cfg)...)
		if code != exitFailure || !strings.Contains(errOut, "inline") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	if data, _ := os.ReadFile(cfg); string(data) != inline {
		t.Errorf("config changed: %s", data)
	}
}

func TestFeedsAddLocalFile(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, manageConfig)
	good, _ := filepath.Abs(filepath.Join("testdata", "feeds", "rss2.xml"))
	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "add", good)
	if code != exitOK || !strings.Contains(out, "added Testland Gazette & Review <file://"+good+">") {
		t.Errorf("regular file: exit %d, %q %q", code, out, errOut)
	}
	for _, p := range []string{"/dev/zero", "/proc/self/status", filepath.Join(dir, "missing.xml")} {
		code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "add", p)
		if code != exitUsage || !strings.Contains(errOut, p) {
			t.Errorf("%s: exit %d, %q", p, code, errOut)
		}
	}
}
