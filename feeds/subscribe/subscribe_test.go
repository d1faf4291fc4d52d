package subscribe

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"https://Example.COM/Feed.xml", "https://example.com/Feed.xml", ""},
		{"  HTTP://example.com/rss  ", "http://example.com/rss", ""},
		{"feed://example.com/rss", "http://example.com/rss", ""},
		{"FEED://Example.com/rss?x=1", "http://example.com/rss?x=1", ""},
		{"feed:https://example.com/atom", "https://example.com/atom", ""},
		{"example.com/rss", "https://example.com/rss", ""},
		{"localhost:8080/feed", "https://localhost:8080/feed", ""},
		{"/home/me/feeds/../x.xml", "file:///home/me/x.xml", ""},
		{"file:///tmp/a.xml", "file:///tmp/a.xml", ""},
		{"herald:sample", "herald:sample", ""},
		{"", "", "empty URL"},
		{"javascript:alert(1)", "", `unsupported URL scheme "javascript"`},
		{"feed.xml", "https://feed.xml", ""}, // a bare name with a dot reads as a host
		{"rss", "", "not an absolute URL"},
		{"https:///nohost", "", "has no host"},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("Normalize(%q) = %q, %v; want error %q", tt.in, got, err, tt.err)
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("Normalize(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestKeySameFeed(t *testing.T) {
	same := [][]string{
		{"https://example.com/rss", "http://example.com/rss", "HTTPS://EXAMPLE.com/rss/", "feed://example.com/rss",
			"https://example.com:443/rss", "http://example.com:80/rss#top", "example.com/rss"},
		{"file:///tmp/a.xml", "file:///tmp/a.xml/"},
	}
	for _, group := range same {
		for _, u := range group[1:] {
			if Key(u) != Key(group[0]) {
				t.Errorf("Key(%q) = %q, differs from Key(%q) = %q", u, Key(u), group[0], Key(group[0]))
			}
		}
	}
	different := [][2]string{
		{"https://example.com/rss", "https://example.com/RSS"},
		{"https://example.com/rss", "https://example.com:8443/rss"},
		{"https://example.com/rss?a=1", "https://example.com/rss?a=2"},
		{"https://example.com/rss", "https://www.example.com/rss"},
	}
	for _, d := range different {
		if Key(d[0]) == Key(d[1]) {
			t.Errorf("Key(%q) == Key(%q): different feeds taken as one", d[0], d[1])
		}
	}
}

const page = `<!doctype html>
<html><head>
<title>The Example Times</title>
<base href="/news/">
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="World &#x202e;news" href="world.rss">
<link rel="Alternate Feed" type="application/atom+xml; charset=utf-8" href="https://example.com/atom">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="world.rss">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body>
<link rel="alternate" type="application/rss+xml" href="/late.rss">
</body></html>`

func TestAlternates(t *testing.T) {
	base, _ := url.Parse("https://example.com/index.html")
	got := Alternates(strings.NewReader(page), base)
	if len(got) != 2 {
		t.Fatalf("%d links, want 2: %+v", len(got), got)
	}
	if got[0].URL != "https://example.com/news/world.rss" || got[0].Type != "application/rss+xml" || got[0].Title != "World news" {
		t.Errorf("first link = %+v", got[0])
	}
	if got[1].URL != "https://example.com/atom" || got[1].Type != "application/atom+xml" {
		t.Errorf("second link = %+v", got[1])
	}
}

func TestDiscover(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/blog/", http.StatusFound)
	})
	mux.HandleFunc("/blog/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<html><head><link rel="alternate" type="application/feed+json" href="feed.json"></head></html>`))
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<html><head><title>No feed</title></head><body>hi</body></html>`))
	})
	mux.HandleFunc("/data", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx := context.Background()

	links, err := Discover(ctx, srv.Client(), srv.URL+"/")
	if err != nil || len(links) != 2 || links[0].URL != srv.URL+"/news/world.rss" {
		t.Errorf("page: %+v, %v", links, err)
	}
	links, err = Discover(ctx, srv.Client(), srv.URL+"/moved")
	if err != nil || len(links) != 1 || links[0].URL != srv.URL+"/blog/feed.json" {
		t.Errorf("after a redirect, links resolve against the final page: %+v, %v", links, err)
	}
	for path, want := range map[string]string{
		"/plain":   "links to no feed",
		"/data":    "not a web page (image/png)",
		"/missing": "404",
	} {
		if _, err := Discover(ctx, srv.Client(), srv.URL+path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", path, err, want)
		}
	}
}
