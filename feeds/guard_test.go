package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const articleHTML = `<!doctype html><html><head><title>Secret</title></head><body><article>
<h1>Internal page</h1><p>%s. This paragraph is long enough for the readability extraction to keep it as the article body of the page, which is what a full-text fetch stores.</p>
<p>Another paragraph of the same article, so that the extractor finds more than one block of prose and is sure it is looking at an article.</p>
</article></body></html>`

// With full_text, a hostile feed's item links must not reach another
// internal service (here: another loopback port, a second origin), neither
// directly, nor in another spelling, nor through a redirect. Links to the
// feed's own origin are fetched.
func TestFullTextRefusesInternalAddresses(t *testing.T) {
	var adminHits atomic.Int64
	admin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		adminHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, articleHTML, "ADMIN SECRET deleted item 1")
	}))
	defer admin.Close()
	adminPort := admin.Listener.Addr().(interface{ String() string }).String()
	adminPort = adminPort[strings.LastIndexByte(adminPort, ':')+1:]

	mux := http.NewServeMux()
	feed := httptest.NewServer(mux)
	defer feed.Close()
	links := []string{
		feed.URL + "/own",                                  // same origin: allowed
		admin.URL + "/admin/delete?id=1",                   // another port
		"http://0x7f000001:" + adminPort + "/admin/hex",    // numeric spelling
		"http://[::ffff:127.0.0.1]:" + adminPort + "/v6",   // IPv4-mapped IPv6
		"http://localhost:" + adminPort + "/admin/by-name", // a name that resolves there
		feed.URL + "/redirect",                             // own origin, redirecting away
	}
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>hostile</title>`)
		for i, l := range links {
			fmt.Fprintf(w, "<item><title>item %d</title><link>%s</link><description>summary</description></item>", i, strings.ReplaceAll(l, "&", "&amp;"))
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/own", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, articleHTML, "OWN ARTICLE")
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, admin.URL+"/admin/redirected", http.StatusFound)
	})

	res := NewFetcher(Options{Timeout: 5 * time.Second}).Fetch(context.Background(), Request{URL: feed.URL + "/feed", FullText: true})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(res.Items) != len(links) {
		t.Fatalf("%d items, want %d", len(res.Items), len(links))
	}
	for _, it := range res.Items {
		if strings.Contains(it.Text, "ADMIN SECRET") {
			t.Errorf("item %q (%s) stored the internal page", it.Title, it.Link)
		}
	}
	if !strings.Contains(res.Items[0].Text, "OWN ARTICLE") {
		t.Errorf("the feed's own page was not fetched: %q", res.Items[0].Text)
	}
	if n := adminHits.Load(); n != 0 {
		t.Errorf("the internal service was reached %d times", n)
	}
	// The user's own choice (herald extract URL) may be local.
	if text, err := NewFetcher(Options{}).ArticleText(context.Background(), admin.URL+"/mine"); err != nil || !strings.Contains(text, "ADMIN SECRET") {
		t.Errorf("ArticleText on a local URL the user gave: %q, %v", text, err)
	}
}

func TestInternalAddr(t *testing.T) {
	for s, want := range map[string]bool{
		"127.0.0.1": true, "127.9.9.9": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true,
		"169.254.169.254": true, "0.0.0.0": true, "100.64.0.1": true, "::1": true, "::": true,
		"fe80::1": true, "fc00::1": true, "fd12::1": true, "::ffff:127.0.0.1": true, "::ffff:10.0.0.1": true,
		"64:ff9b::7f00:1": true, "2002:7f00:1::": true, "224.0.0.1": true, "ff02::1": true,
		"8.8.8.8": false, "2606:4700::1111": false, "93.184.216.34": false, "::ffff:8.8.8.8": false,
	} {
		if got := internalAddr(netip.MustParseAddr(s)); got != want {
			t.Errorf("internalAddr(%s) = %v, want %v", s, got, want)
		}
	}
}
