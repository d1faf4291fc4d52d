package feeds

import (
	"context"
	"errors"
	"github.com/herald-reader/herald/feeds/htmltext"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestFetchFormats(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{Version: "1.2.3"})
	published := func(s string) time.Time {
		p, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		path  string
		title string
		items int
		first Item
	}{
		{"/feeds/rss2.xml", "Testland Gazette & Review", 3, Item{
			GUID: "gazette-1001", Link: "https://gazette.example/2026/11/summit",
			Title: `Summit in Valdoria ends with "a framework"`, Author: "Mara Quill",
			Published: published("2026-11-23T09:30:00Z"),
			Text: "Leaders met in Valdoria on Monday. “We have a framework,” said Prime Minister Ana Ferro & her deputy.\n" +
				"• Trade\n◦ Tariffs cut by 5 %\n◦ Ports reopened\n• Security\nRead the full text of the framework online.",
			Links: []htmltext.Link{{URL: "https://gazette.example/docs/framework.pdf", Text: "full text of the framework"}},
		}},
		{"/feeds/atom.xml", "Atomic Dispatch", 2, Item{
			GUID: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", Link: "https://dispatch.example/budget",
			Title: "Parliament votes on the budget", Author: "Tomas Reyl",
			Published: published("2026-11-24T08:00:00Z"),
			Text:      "The vote passed 301 to 250.\nOpposition leaders walked out.",
		}},
		{"/feeds/feed.json", "JSON Wire", 2, Item{
			GUID: "wire-77", Link: "https://wire.example/77", Title: "Ceasefire talks resume", Author: "Ines Kord",
			Published: published("2026-11-24T06:00:00Z"),
			Text:      "Talks resumed in Genvara.\nBoth sides sent delegations.",
		}},
		{"/feeds/rss1.rdf", "RDF Bulletin", 1, Item{
			GUID: "https://rdf.example/a", Link: "https://rdf.example/a", Title: "Election date set",
			Published: published("2026-11-20T10:00:00Z"), Text: "The commission set the date.",
		}},
		{"/feeds/rss091.xml", "Old School News", 1, Item{
			GUID: "https://old.example/treaty", Link: "https://old.example/treaty", Title: "Treaty signed",
			Text: "The treaty was signed at noon.",
		}},
		{"/gzip/atom.xml", "Atomic Dispatch", 2, Item{
			GUID: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", Link: "https://dispatch.example/budget",
			Title: "Parliament votes on the budget", Author: "Tomas Reyl",
			Published: published("2026-11-24T08:00:00Z"),
			Text:      "The vote passed 301 to 250.\nOpposition leaders walked out.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := f.Fetch(context.Background(), Request{FeedID: 7, URL: srv.url(tt.path)})
			if res.Err != nil {
				t.Fatalf("Fetch: %v", res.Err)
			}
			if res.FeedID != 7 || res.URL != srv.url(tt.path) {
				t.Errorf("result names feed %d %q", res.FeedID, res.URL)
			}
			if res.Title != tt.title {
				t.Errorf("title %q, want %q", res.Title, tt.title)
			}
			if len(res.Items) != tt.items {
				t.Fatalf("%d items, want %d: %+v", len(res.Items), tt.items, res.Items)
			}
			if got := res.Items[0]; !reflect.DeepEqual(got, tt.first) {
				t.Errorf("first item\n got %+v\nwant %+v", got, tt.first)
			}
			if res.Elapsed <= 0 {
				t.Errorf("Elapsed not set")
			}
		})
	}
}

func TestItemFallbacks(t *testing.T) {
	srv := newTestServer(t)
	res := NewFetcher(Options{}).Fetch(context.Background(), Request{URL: srv.url("/feeds/rss2.xml")})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	rel, noID := res.Items[1], res.Items[2]
	// Relative links resolve against the URL the feed was fetched from,
	// not the site link the feed declares.
	if rel.Link != srv.url("/2026/11/relative") {
		t.Errorf("relative link resolved to %q", rel.Link)
	}
	if rel.GUID != rel.Link {
		t.Errorf("GUID without <guid> = %q, want the link %q", rel.GUID, rel.Link)
	}
	if !strings.HasPrefix(noID.GUID, "sha256:") || noID.Link != "" {
		t.Errorf("item with no id or link: GUID %q link %q", noID.GUID, noID.Link)
	}
	if noID.Text != "Escaped markup in a description." {
		t.Errorf("escaped HTML description became %q", noID.Text)
	}
	again := NewFetcher(Options{}).Fetch(context.Background(), Request{URL: srv.url("/feeds/rss2.xml")})
	if again.Items[2].GUID != noID.GUID {
		t.Errorf("synthetic GUID not stable: %q then %q", noID.GUID, again.Items[2].GUID)
	}
	atom := NewFetcher(Options{}).Fetch(context.Background(), Request{URL: srv.url("/feeds/atom.xml")})
	if want := time.Date(2026, 11, 23, 7, 15, 0, 0, time.UTC); !atom.Items[1].Published.Equal(want) {
		t.Errorf("entry with only <updated> published %v, want %v", atom.Items[1].Published, want)
	}
}

func TestRequestHeaders(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{Version: "1.2.3"})
	if res := f.Fetch(context.Background(), Request{URL: srv.url("/feeds/atom.xml")}); res.Err != nil {
		t.Fatal(res.Err)
	}
	h := srv.seen("/feeds/atom.xml")[0]
	if got := h.Get("User-Agent"); got != "herald/1.2.3 (+https://github.com/herald-reader/herald)" {
		t.Errorf("User-Agent %q", got)
	}
	if got := h.Get("Accept"); !strings.Contains(got, "application/atom+xml") || !strings.Contains(got, "application/feed+json") {
		t.Errorf("Accept %q", got)
	}
	if got := h.Get("Accept-Encoding"); got != "gzip" {
		t.Errorf("Accept-Encoding %q", got)
	}
	if h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
		t.Errorf("first fetch sent validators: %v", h)
	}
}

func TestConditionalGet(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{})
	url := srv.url("/feeds/rss2.xml")
	first := f.Fetch(context.Background(), Request{URL: url})
	if first.Err != nil || first.NotModified || len(first.Items) != 3 {
		t.Fatalf("first fetch: %+v", first)
	}
	if first.ETag == "" || first.LastModified != fixtureModTime.Format(http.TimeFormat) {
		t.Fatalf("validators not returned: ETag %q Last-Modified %q", first.ETag, first.LastModified)
	}
	parsesBefore := parseCount.Load()
	second := f.Fetch(context.Background(), Request{URL: url, ETag: first.ETag, LastModified: first.LastModified})
	if second.Err != nil {
		t.Fatal(second.Err)
	}
	if !second.NotModified || second.Items != nil || second.Title != "" {
		t.Errorf("second fetch should be not-modified with nothing parsed: %+v", second)
	}
	if n := parseCount.Load() - parsesBefore; n != 0 {
		t.Errorf("a 304 parsed %d bodies", n)
	}
	if second.ETag != first.ETag || second.LastModified != first.LastModified {
		t.Errorf("validators lost on 304: %q %q", second.ETag, second.LastModified)
	}
	h := srv.seen("/feeds/rss2.xml")[1]
	if h.Get("If-None-Match") != first.ETag || h.Get("If-Modified-Since") != first.LastModified {
		t.Errorf("second request sent If-None-Match %q If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
}

func TestFetchErrors(t *testing.T) {
	srv := newTestServer(t)
	// Generous timeouts: under -race on a busy machine a 2 MiB body can take
	// longer than a tight one. Only /slow uses the short one.
	f := NewFetcher(Options{Timeout: 10 * time.Second, MaxBodyBytes: 1 << 20})
	fast := NewFetcher(Options{Timeout: 300 * time.Millisecond, MaxBodyBytes: 1 << 20})
	tests := []struct {
		path, url  string
		status     int
		wantReason string
	}{
		{path: "/status/404", status: 404, wantReason: "HTTP 404 Not Found"},
		{path: "/status/500", status: 500, wantReason: "HTTP 500 Internal Server Error"},
		{path: "/status/410", status: 410, wantReason: "HTTP 410 Gone"},
		{path: "/loop/a", wantReason: "redirect loop"},
		{path: "/hops/6", wantReason: "more than 5 redirects"},
		{path: "/to-file", wantReason: "redirect to a file: URL refused"},
		{path: "/html-as-feed", wantReason: "not a feed: got an HTML page (text/html)"},
		{path: "/feeds/page.html", wantReason: "not a feed: got an HTML page (text/html)"},
		{path: "/slow", wantReason: "timed out after 300ms"},
		{path: "/big", wantReason: "body exceeds 1048576 bytes"},
		{path: "/bomb", wantReason: "body exceeds 1048576 bytes"},
		{url: "ftp://example.org/feed.xml", wantReason: `unsupported URL scheme "ftp"`},
		{url: "javascript:alert(1)", wantReason: `unsupported URL scheme "javascript"`},
		{url: "herald:missing.xml", wantReason: `no embedded feed named "missing.xml"`},
		{url: "/nonexistent/feed.xml", wantReason: "no such file"},
		{url: "file://otherhost/feed.xml", wantReason: "file URL on another host"},
		{url: filepath.Join(fixtureDir, "page.html"), wantReason: "not a feed: got an HTML page (no content type)"},
	}
	for _, tt := range tests {
		name := tt.path + tt.url
		t.Run(name, func(t *testing.T) {
			url := tt.url
			if url == "" {
				url = srv.url(tt.path)
			}
			fetcher := f
			if tt.path == "/slow" {
				fetcher = fast
			}
			res := fetcher.Fetch(context.Background(), Request{URL: url})
			var fe *FetchError
			if !errors.As(res.Err, &fe) {
				t.Fatalf("Err = %v, want a *FetchError", res.Err)
			}
			if fe.Status != tt.status {
				t.Errorf("Status %d, want %d", fe.Status, tt.status)
			}
			if !strings.Contains(fe.Reason, tt.wantReason) {
				t.Errorf("Reason %q, want it to contain %q", fe.Reason, tt.wantReason)
			}
			if !strings.HasPrefix(res.Err.Error(), url+": ") {
				t.Errorf("error %q does not name the URL", res.Err)
			}
			if len(res.Items) != 0 || res.NotModified {
				t.Errorf("failed fetch carries items or not-modified: %+v", res)
			}
		})
	}
	if res := f.Fetch(context.Background(), Request{URL: srv.url("/hops/5")}); res.Err != nil {
		t.Errorf("5 redirects should be followed: %v", res.Err)
	}
	if res := fast.Fetch(context.Background(), Request{URL: srv.url("/slow")}); !errors.Is(res.Err, context.DeadlineExceeded) {
		t.Errorf("timeout error does not wrap context.DeadlineExceeded: %v", res.Err)
	}
}

func TestFetchAllIsolatesFailures(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{Timeout: time.Second, MaxBodyBytes: 1 << 20, Concurrency: 4})
	good := map[string]bool{"/feeds/rss2.xml": true, "/feeds/atom.xml": true, "/feeds/feed.json": true, "/gzip/rss1.rdf": true}
	paths := []string{"/status/404", "/feeds/rss2.xml", "/status/500", "/loop/a", "/feeds/atom.xml",
		"/html-as-feed", "/slow", "/big", "/bomb", "/feeds/feed.json", "/gzip/rss1.rdf"}
	var reqs []Request
	for i, p := range paths {
		reqs = append(reqs, Request{FeedID: int64(i + 1), URL: srv.url(p)})
	}
	seen := map[int64]bool{}
	for res := range f.FetchAll(context.Background(), reqs) {
		if seen[res.FeedID] {
			t.Errorf("feed %d reported twice", res.FeedID)
		}
		seen[res.FeedID] = true
		path := paths[res.FeedID-1]
		if res.URL != srv.url(path) {
			t.Errorf("feed %d result has URL %q", res.FeedID, res.URL)
		}
		if good[path] {
			if res.Err != nil || len(res.Items) == 0 {
				t.Errorf("%s: err %v, %d items", path, res.Err, len(res.Items))
			}
		} else if res.Err == nil {
			t.Errorf("%s: no error", path)
		}
	}
	if len(seen) != len(paths) {
		t.Errorf("got %d results for %d feeds", len(seen), len(paths))
	}
}

func TestFetchAllStreams(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{Timeout: 5 * time.Second})
	results := f.FetchAll(context.Background(), []Request{
		{FeedID: 1, URL: srv.url("/slow")},
		{FeedID: 2, URL: srv.url("/feeds/atom.xml")},
	})
	select {
	case first := <-results:
		if first.FeedID != 2 || first.Err != nil {
			t.Fatalf("first result is feed %d (err %v), want the fast feed 2", first.FeedID, first.Err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the fast feed's result did not arrive while the slow feed was pending")
	}
	srv.Release() // only now may the slow feed answer
	second, ok := <-results
	if !ok || second.FeedID != 1 || second.Err != nil {
		t.Fatalf("slow feed: ok %v result %+v", ok, second)
	}
	if _, open := <-results; open {
		t.Error("channel not closed after the last result")
	}
}

func TestFetchAllEmpty(t *testing.T) {
	for res := range NewFetcher(Options{}).FetchAll(context.Background(), nil) {
		t.Errorf("result for no request: %+v", res)
	}
}

func TestFetchAllCancelled(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{Concurrency: 2, Timeout: 10 * time.Second})
	var reqs []Request
	for i := range 20 {
		reqs = append(reqs, Request{FeedID: int64(i), URL: srv.url("/slow")})
	}
	ctx, cancel := context.WithCancel(context.Background())
	results := f.FetchAll(ctx, reqs)
	time.AfterFunc(100*time.Millisecond, cancel)
	n := 0
	deadline := time.After(5 * time.Second)
	for {
		select {
		case res, ok := <-results:
			if !ok {
				if n > 2 {
					t.Errorf("%d results after cancelling with 2 workers", n)
				}
				return
			}
			n++
			if !errors.Is(res.Err, context.Canceled) {
				t.Errorf("cancelled fetch: %v", res.Err)
			}
		case <-deadline:
			t.Fatal("channel not closed after cancel")
		}
	}
}

func TestLocalAndEmbedded(t *testing.T) {
	abs, err := filepath.Abs(filepath.Join(fixtureDir, "atom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	embedded := fstest.MapFS{"world.xml": {Data: mustRead(t, "rss091.xml")}}
	f := NewFetcher(Options{Embedded: embedded})
	tests := []struct{ url, title string }{
		{"file://" + filepath.ToSlash(abs), "Atomic Dispatch"},
		{abs, "Atomic Dispatch"},
		{filepath.Join(fixtureDir, "feed.json"), "JSON Wire"},
		{"file:" + filepath.ToSlash(filepath.Join(fixtureDir, "rss1.rdf")), "RDF Bulletin"},
		{"herald:world.xml", "Old School News"},
	}
	for _, tt := range tests {
		res := f.Fetch(context.Background(), Request{URL: tt.url})
		if res.Err != nil || res.Title != tt.title || len(res.Items) == 0 {
			t.Errorf("%s: err %v title %q items %d", tt.url, res.Err, res.Title, len(res.Items))
		}
	}
	if res := NewFetcher(Options{}).Fetch(context.Background(), Request{URL: "herald:world.xml"}); res.Err == nil {
		t.Error("herald: URL without Embedded should fail")
	}
	big := filepath.Join(t.TempDir(), "big.xml")
	if err := os.WriteFile(big, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := NewFetcher(Options{MaxBodyBytes: 1024}).Fetch(context.Background(), Request{URL: big}); res.Err == nil || !strings.Contains(res.Err.Error(), "body exceeds 1024 bytes") {
		t.Errorf("big local file: %v", res.Err)
	}
}

func TestEncodings(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{})
	tests := []struct{ name, title, itemTitle, text string }{
		{"latin1.xml", "Le Journal Français", "Réforme des retraites: le débat reprend à l'Assemblée",
			"Le ministre a déclaré « nous avançons » devant les députés."},
		{"cp1252.xml", "Smart “Quotes” Weekly", "Minister’s “bold” plan – costs €5bn",
			"It’s “the plan”… said the minister."},
	}
	for _, tt := range tests {
		res := f.Fetch(context.Background(), Request{URL: srv.url("/feeds/" + tt.name)})
		if res.Err != nil {
			t.Fatalf("%s: %v", tt.name, res.Err)
		}
		if res.Title != tt.title || res.Items[0].Title != tt.itemTitle || res.Items[0].Text != tt.text {
			t.Errorf("%s decoded as %q / %q / %q", tt.name, res.Title, res.Items[0].Title, res.Items[0].Text)
		}
	}
}

func TestHostileFeed(t *testing.T) {
	srv := newTestServer(t)
	res := NewFetcher(Options{}).Fetch(context.Background(), Request{URL: srv.url("/feeds/hostile.xml")})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	fields := []string{res.Title}
	for _, it := range res.Items {
		fields = append(fields, it.GUID, it.Link, it.Title, it.Author, it.Text)
	}
	for _, s := range fields {
		if hasAnyControl(s) {
			t.Errorf("control characters survived in %q", s)
		}
	}
	it := res.Items[0]
	want := Item{GUID: "hostile-1", Link: "https://hostile.example/a", Title: "Breaking red emordnilap", Author: "Eve Doe",
		Text: "Click here now safe text"}
	if !reflect.DeepEqual(it, want) || res.Title != "Hostile Feed" {
		t.Errorf("hostile feed read as %q\n%+v\nwant %+v", res.Title, it, want)
	}
}

type panicTransport struct{}

func (panicTransport) RoundTrip(*http.Request) (*http.Response, error) { panic("transport exploded") }

func TestPanicBecomesError(t *testing.T) {
	f := NewFetcher(Options{Client: &http.Client{Transport: panicTransport{}}})
	res := f.Fetch(context.Background(), Request{URL: "http://example.invalid/feed"})
	if res.Err == nil || !strings.Contains(res.Err.Error(), "transport exploded") {
		t.Fatalf("panic not turned into an error: %v", res.Err)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
