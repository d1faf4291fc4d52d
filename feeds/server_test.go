package feeds

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixtureDir holds the feed fixtures, at the repository root.
const fixtureDir = "../testdata/feeds"

var fixtureModTime = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// testServer serves testdata/feeds over HTTP with validators, plus routes
// that misbehave in the ways a real feed server can. It records the headers
// of every request by path.
type testServer struct {
	*httptest.Server
	mu      sync.Mutex
	headers map[string][]http.Header
	release chan struct{} // closed to let /slow answer
}

func newTestServer(t testing.TB) *testServer {
	t.Helper()
	s := &testServer{headers: map[string][]http.Header{}, release: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/feeds/{name}", s.serveFixture)
	mux.HandleFunc("/gzip/{name}", s.serveGzip)
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(r.PathValue("code"))
		http.Error(w, "nope", code)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-s.release:
		case <-r.Context().Done():
			return
		case <-time.After(10 * time.Second):
		}
		s.writeFixture(w, "rss091.xml", "application/rss+xml")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>big</title><description>`)
		w.Write(bytes.Repeat([]byte("a"), 2<<20))
		fmt.Fprint(w, `</description></channel></rss>`)
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBomb())
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	})
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/hops/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			s.writeFixture(w, "rss091.xml", "application/rss+xml")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hops/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/fulltext/{n}", s.serveFullTextFeed)
	mux.HandleFunc("/html-as-feed", func(w http.ResponseWriter, r *http.Request) {
		s.writeFixture(w, "page.html", "text/html; charset=utf-8")
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.headers[r.URL.Path] = append(s.headers[r.URL.Path], r.Header.Clone())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		s.Release()
		s.Close()
	})
	return s
}

// Release lets every pending and future /slow request answer.
func (s *testServer) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.release:
	default:
		close(s.release)
	}
}

// seen returns the headers of the requests made to path, in order.
func (s *testServer) seen(path string) []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.headers[path]...)
}

func contentTypeFor(name string) string {
	switch filepath.Ext(name) {
	case ".json":
		return "application/feed+json"
	case ".html":
		return "text/html; charset=utf-8"
	case ".rdf":
		return "application/rdf+xml"
	}
	return "application/rss+xml"
}

// serveFixture serves a fixture with an ETag and Last-Modified, answering
// 304 to a request that repeats either.
func (s *testServer) serveFixture(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256(data))
	lastMod := fixtureModTime.Format(http.TimeFormat)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lastMod)
	if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", contentTypeFor(name))
	w.Write(data)
}

func (s *testServer) serveGzip(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, r.PathValue("name")))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentTypeFor(r.PathValue("name")))
	w.Header().Set("Content-Encoding", "gzip")
	zw := gzip.NewWriter(w)
	zw.Write(data)
	zw.Close()
}

func (s *testServer) writeFixture(w http.ResponseWriter, name, contentType string) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Write(data)
}

// serveFullTextFeed serves an RSS feed of n items (newest first) whose
// links point back at this server: item 0 at the article fixture, item 1 at
// a 404, item 2 at a JSON file, the rest at the article fixture again.
func (s *testServer) serveFullTextFeed(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.PathValue("n"))
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Full text</title><link>`+s.URL+`/</link>`)
	day := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	for i := range n {
		link := fmt.Sprintf("/feeds/article.html?i=%d", i)
		switch i {
		case 1:
			link = "/status/404"
		case 2:
			link = "/feeds/feed.json"
		}
		fmt.Fprintf(w, `<item><title>Item %d</title><link>%s%s</link><guid>item-%d</guid><pubDate>%s</pubDate><description>Summary %d.</description></item>`,
			i, s.URL, link, i, day.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z), i)
	}
	fmt.Fprint(w, `</channel></rss>`)
}

var (
	bombOnce sync.Once
	bomb     []byte
)

// gzipBomb is a few kilobytes of gzip that inflate to 64 MiB: a feed
// header, then spaces. It is built from concatenated gzip members (which
// decompress to the concatenation of their contents), so that a megabyte of
// spaces is compressed once rather than 64 times.
func gzipBomb() []byte {
	bombOnce.Do(func() {
		member := func(data []byte) []byte {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(data)
			zw.Close()
			return buf.Bytes()
		}
		spaces := member(bytes.Repeat([]byte(" "), 1<<20))
		out := member([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
		for range 64 {
			out = append(out, spaces...)
		}
		bomb = append(out, member([]byte(`</title></channel></rss>`))...)
	})
	return bomb
}

// url returns the server URL of path.
func (s *testServer) url(path string) string {
	return s.URL + path
}

func hasAnyControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
	})
}
