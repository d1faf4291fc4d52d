package feeds_test

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/store"
)

// The corpus of real-world feed shapes (issue 7) and the hostile fixtures
// (issue 7, item 1). Both folders are described in their own README/EXPECT.
const (
	shapesDir  = "../testdata/feedshapes"
	hostileDir = "../testdata/hostile"
)

// expectation is one row of testdata/feedshapes/EXPECT.tsv.
type expectation struct {
	file     string
	ok       bool // false: the fetch must fail with an error naming the URL
	minItems int
	note     string
}

func readExpectations(t *testing.T) []expectation {
	t.Helper()
	f, err := os.Open(filepath.Join(shapesDir, "EXPECT.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 || (cols[1] != "ok" && cols[1] != "error") {
			t.Fatalf("EXPECT.tsv:%d: want file<TAB>ok|error[<TAB>min[<TAB>note]], got %q", line, text)
		}
		e := expectation{file: cols[0], ok: cols[1] == "ok"}
		if len(cols) > 2 && cols[2] != "" {
			if e.minItems, err = strconv.Atoi(cols[2]); err != nil {
				t.Fatalf("EXPECT.tsv:%d: bad item count %q", line, cols[2])
			}
		}
		if len(cols) > 3 {
			e.note = cols[3]
		}
		if listed[e.file] {
			t.Fatalf("EXPECT.tsv:%d: %s listed twice", line, e.file)
		}
		listed[e.file] = true
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(shapesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		if !de.IsDir() && de.Name() != "EXPECT.tsv" && de.Name() != "README.md" && !listed[de.Name()] {
			t.Errorf("%s is in the corpus but not in EXPECT.tsv", de.Name())
		}
	}
	return out
}

// contentTypes is what a typical web server sends for each extension; no
// charset parameter, so the feed's own declaration decides the encoding.
var contentTypes = map[string]string{
	".xml": "application/xml", ".rdf": "application/rdf+xml", ".atom": "application/atom+xml",
	".json": "application/json", ".html": "text/html", ".txt": "text/plain", ".md": "text/markdown",
	".opml": "text/x-opml", ".png": "image/png", ".pdf": "application/pdf", ".gz": "application/gzip",
}

// serveDir serves the files of dir (no listing, no sub-folders).
func serveDir(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ct := contentTypes[path.Ext(name)]
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// badRune reports the first rune of s that must never reach a terminal:
// C0 controls other than newline and tab, DEL, C1 controls, and bidi
// embedding, override and isolate characters.
func badRune(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// checkText fails when s is not valid UTF-8 or carries a control character.
func checkText(t *testing.T, where, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8: %q", where, clip(s))
	}
	if r, bad := badRune(s); bad {
		t.Errorf("%s: control or bidi character U+%04X in %q", where, r, clip(s))
	}
	if strings.Contains(s, "root:x:0:0") {
		t.Errorf("%s: an external entity was resolved: %q", where, clip(s))
	}
}

// summary describes a result in one line for -v runs.
func summary(res feeds.Result) string {
	if res.Err != nil {
		return "error: " + clip(res.Err.Error())
	}
	s := strconv.Itoa(len(res.Items)) + " items, feed " + strconv.Quote(clip(res.Title))
	if len(res.Items) > 0 {
		it := res.Items[0]
		s += ", first " + strconv.Quote(clip(it.Title)) + " " + it.Link + " " + it.Published.UTC().Format(time.RFC3339) + " guid " + strconv.Quote(clip(it.GUID))
	}
	return s
}

// clip shortens s for a failure message.
func clip(s string) string {
	if len(s) > 160 {
		return strings.ToValidUTF8(s[:160], "") + "…"
	}
	return s
}

func checkItems(t *testing.T, file string, res feeds.Result) {
	t.Helper()
	checkText(t, file+" feed title", res.Title)
	for i, it := range res.Items {
		if it.Link != "" && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
			t.Errorf("%s item %d: link %q is neither empty nor absolute http(s)", file, i, clip(it.Link))
		}
		for _, f := range []struct{ name, v string }{
			{"guid", it.GUID}, {"link", it.Link}, {"title", it.Title}, {"author", it.Author}, {"text", it.Text},
		} {
			checkText(t, file+" item "+strconv.Itoa(i)+" "+f.name, f.v)
		}
	}
}

// fetchAndStore refreshes every URL into st the way herald does
// (feeds.Refresh) and returns each feed's result by URL.
func fetchAndStore(t *testing.T, st *store.Store, urls []string) map[string]feeds.Result {
	t.Helper()
	cfg := make([]store.FeedConfig, len(urls))
	for i, u := range urls {
		cfg[i] = store.FeedConfig{URL: u}
	}
	list, err := st.SyncFeeds(cfg)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]feeds.Result{}
	stats, err := feeds.Refresh(context.Background(), st, feeds.NewFetcher(feeds.Options{}), list,
		func(res feeds.Result, _ feeds.RefreshStats) { results[res.URL] = res })
	if err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if len(results) != len(urls) || stats.Done != len(urls) {
		t.Fatalf("got %d results (%d done) for %d feeds", len(results), stats.Done, len(urls))
	}
	failed := 0
	for _, res := range results {
		if res.Err != nil {
			failed++
		}
	}
	if stats.Failed != failed || len(stats.Errors) != failed {
		t.Errorf("refresh counted %d failures (%d errors), the results hold %d", stats.Failed, len(stats.Errors), failed)
	}
	return results
}

// checkStored reads back every feed and article in st and checks each
// string herald would display.
func checkStored(t *testing.T, st *store.Store) {
	t.Helper()
	list, err := st.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range list {
		checkText(t, f.URL+" stored feed title", f.Title)
		checkText(t, f.URL+" stored error", f.LastError)
		sums, err := st.Articles(store.ArticleQuery{FeedID: f.ID})
		if err != nil {
			t.Fatalf("%s: listing articles: %v", f.URL, err)
		}
		for _, s := range sums {
			a, err := st.Article(s.ID)
			if err != nil {
				t.Fatalf("%s: article %d: %v", f.URL, s.ID, err)
			}
			where := f.URL + " stored article " + strconv.FormatInt(s.ID, 10)
			for _, v := range []string{a.Title, a.Link, a.Author, a.Text, a.FeedTitle} {
				checkText(t, where, v)
			}
		}
	}
	if err := st.IntegrityCheck(); err != nil {
		t.Errorf("store integrity: %v", err)
	}
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// maxStoredUnderRace: under the race detector SQLite (C translated to Go) is
// instrumented and storing the corpus's few thousand-item feeds takes
// minutes, so those are only fetched and checked there; a plain `go test`
// stores everything.
const maxStoredUnderRace = 200

func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

func TestFeedShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("fetches and stores the whole corpus")
	}
	exps := readExpectations(t)
	if len(exps) < 150 {
		t.Fatalf("the corpus has %d feeds, want at least 150", len(exps))
	}
	srv := serveDir(t, shapesDir)
	st := openStore(t)
	urls := make([]string, len(exps))
	var toStore []string
	unstored := map[string]bool{}
	for i, e := range exps {
		urls[i] = srv.URL + "/" + e.file
		if raceEnabled() && e.minItems > maxStoredUnderRace {
			unstored[urls[i]] = true
			continue
		}
		toStore = append(toStore, urls[i])
	}
	results := fetchAndStore(t, st, toStore)
	for u := range unstored {
		t.Logf("under -race, %s is fetched but not stored", u)
		results[u] = feeds.NewFetcher(feeds.Options{}).Fetch(context.Background(), feeds.Request{URL: u})
	}

	for i, e := range exps {
		res := results[urls[i]]
		switch {
		case res.Err != nil && strings.Contains(res.Err.Error(), "internal error"):
			t.Errorf("%s: the fetcher panicked: %v", e.file, res.Err)
		case e.ok && res.Err != nil:
			t.Errorf("%s (%s): want ok, got %v", e.file, e.note, res.Err)
		case e.ok && len(res.Items) < e.minItems:
			t.Errorf("%s (%s): got %d items, want at least %d", e.file, e.note, len(res.Items), e.minItems)
		case !e.ok && res.Err == nil:
			t.Errorf("%s (%s): want an error, got %d items titled %q", e.file, e.note, len(res.Items), clip(res.Title))
		case !e.ok && !strings.Contains(res.Err.Error(), urls[i]):
			t.Errorf("%s: the error does not name the URL: %v", e.file, res.Err)
		case !e.ok && len(res.Items) < e.minItems:
			t.Errorf("%s (%s): kept %d items beside the error, want at least %d", e.file, e.note, len(res.Items), e.minItems)
		}
		t.Logf("%s: %s", e.file, summary(res))
		checkItems(t, e.file, res)
		if e.minItems > 0 && len(res.Items) >= e.minItems && !unstored[urls[i]] {
			f, err := st.FeedByURL(urls[i])
			if err != nil {
				t.Fatal(err)
			}
			if n, err := st.CountArticles(store.ArticleQuery{FeedID: f.ID}); err != nil || n < e.minItems {
				t.Errorf("%s: %d articles stored (%v), want at least %d", e.file, n, err, e.minItems)
			}
		}
	}
	checkStored(t, st)
}

// TestHostileFixtures fetches the hostile feeds and proves that no escape
// sequence, control or bidi override survives into the items or the store,
// while the readable text around them does.
func TestHostileFixtures(t *testing.T) {
	tests := []struct {
		file     string
		ok       bool
		minItems int
		title    string // a substring of the first item's title that must survive
	}{
		{"hostile.xml", true, 3, "Title vectors:"},
		{"hostile.atom", true, 2, "Atom text title"},
		{"hostile.json", true, 2, "JSON title"},
		{"hostile-c1ref.xml", true, 1, "red"},
		{"hostile-nul.xml", true, 3, "Title vectors:"}, // a NUL byte must not pass for UTF-16
		{"hostile-charref.xml", false, 0, ""},          // XML 1.0 forbids &#27;
	}
	srv := serveDir(t, hostileDir)
	st := openStore(t)
	urls := make([]string, len(tests))
	for i, tt := range tests {
		urls[i] = srv.URL + "/" + tt.file
	}
	results := fetchAndStore(t, st, urls)
	for i, tt := range tests {
		res := results[urls[i]]
		if !tt.ok {
			if res.Err == nil || !strings.Contains(res.Err.Error(), urls[i]) {
				t.Errorf("%s: want an error naming the URL, got %v", tt.file, res.Err)
			}
			continue
		}
		if res.Err != nil {
			t.Errorf("%s: %v", tt.file, res.Err)
			continue
		}
		if len(res.Items) < tt.minItems {
			t.Fatalf("%s: got %d items, want %d", tt.file, len(res.Items), tt.minItems)
		}
		if !strings.Contains(res.Items[0].Title, tt.title) {
			t.Errorf("%s: first title %q lost its readable text %q", tt.file, res.Items[0].Title, tt.title)
		}
		checkItems(t, tt.file, res)
		fields := []string{res.Title}
		for _, it := range res.Items {
			fields = append(fields, it.GUID, it.Link, it.Title, it.Author, it.Text)
		}
		for _, s := range fields {
			if strings.ContainsRune(s, 0x1b) {
				t.Errorf("%s: ESC survived in %q", tt.file, clip(s))
			}
			// What is left when only the ESC byte is dropped: the sequence
			// must go as a whole, not leave its parameters on screen.
			for _, residue := range []string{"[31;1;5m", "]52;c;", "]8;;https://evil"} {
				if strings.Contains(s, residue) {
					t.Errorf("%s: the remains of an escape sequence %q survived in %q", tt.file, residue, clip(s))
				}
			}
		}
	}
	checkStored(t, st)
}

// fetchShape fetches one corpus file from srv.
func fetchShape(t *testing.T, srv *httptest.Server, file string) feeds.Result {
	t.Helper()
	res := feeds.NewFetcher(feeds.Options{}).Fetch(context.Background(), feeds.Request{URL: srv.URL + "/" + file})
	if res.Err != nil {
		t.Fatalf("%s: %v", file, res.Err)
	}
	if len(res.Items) == 0 {
		t.Fatalf("%s: no items", file)
	}
	return res
}

// TestFeedShapeEncodings checks that legacy and Unicode encodings decode to
// the right characters, not merely without an error.
func TestFeedShapeEncodings(t *testing.T) {
	srv := serveDir(t, shapesDir)
	tests := []struct{ file, title string }{
		{"enc-iso8859-1.xml", "Élysée: réforme"},
		{"enc-iso8859-1-german.xml", "Schuldenbremse: Größere Spielräume"},
		{"enc-windows-1252.xml", "“Curly” quotes – and €"},
		{"enc-cp1252-label.xml", "Label cp1252 ‘single’"},
		{"enc-cp1252-bytes-declared-latin1.xml", "“Smart” quotes"},
		{"enc-iso8859-15.xml", "Euro € sign"},
		{"enc-iso8859-2.xml", "Obronność: nowa ustawa"},
		{"enc-iso8859-7.xml", "Άμυνα: νέο νομοσχέδιο"},
		{"enc-koi8r.xml", "Переговоры продолжатся"},
		{"enc-windows-1251.xml", "Министр заявил"},
		{"enc-windows-1256.xml", "وزير الخارجية"},
		{"enc-shiftjis.xml", "首脳会談の準備"},
		{"enc-euc-jp.xml", "首脳会談の準備"},
		{"enc-gb2312.xml", "贸易磋商"},
		{"enc-gbk.xml", "贸易磋商"},
		{"enc-gb18030.xml", "贸易磋商"},
		{"enc-big5.xml", "貿易磋商"},
		{"enc-euc-kr.xml", "정상회담 준비"},
		{"enc-atom-iso8859-1.xml", "Atom Latin-1 é"},
		{"enc-utf8-bom.xml", "Corpus: utf8"},
		{"enc-utf16le-bom.xml", "UTF-16 feed: 首脳会談 Переговоры"},
		{"enc-utf16be-bom.xml", "UTF-16 feed: 首脳会談 Переговоры"},
		{"enc-utf16le-no-bom.xml", "UTF-16 feed: 首脳会談 Переговоры"},
		{"enc-iso2022jp.xml", "首脳会談の準備"},
		{"enc-undeclared-latin1.xml", "Réforme"},
		{"enc-wrong-declared-utf8-is-latin1.xml", "R\uFFFDforme"},
		{"enc-json-utf8-bom.json", "JSON corpus https://jsonfeed.org/version/1.1"},
		{"misc-cjk-utf8.xml", "国际新闻"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := fetchShape(t, srv, tt.file)
			if res.Title != tt.title {
				t.Errorf("feed title %q, want %q", res.Title, tt.title)
			}
		})
	}
	// The Shift_JIS body text, with its Japanese quotation marks, survives too.
	if res := fetchShape(t, srv, "enc-shiftjis.xml"); !strings.Contains(res.Items[0].Text, "「対話を続けることが重要だ」") {
		t.Errorf("Shift_JIS text decoded as %q", clip(res.Items[0].Text))
	}
}

// TestFeedShapeDates checks that the date shapes herald understands give the
// right instant and that junk gives no date rather than an invented one.
func TestFeedShapeDates(t *testing.T) {
	srv := serveDir(t, shapesDir)
	at := time.Date(2025, 11, 17, 9, 14, 0, 0, time.UTC)
	tests := []struct {
		file string
		want time.Time // zero: the item must have no date
	}{
		{"date-rfc822.xml", at},
		{"date-rfc822-gmt.xml", at},
		{"date-rfc822-named-zone.xml", at},
		{"date-rfc822-military-zone.xml", at},
		{"date-rfc822-no-seconds.xml", at},
		{"date-rfc822-two-digit-year.xml", at},
		{"date-rfc822-no-weekday.xml", at},
		{"date-rfc822-wrong-weekday.xml", at},
		{"date-rfc822-full-names.xml", at},
		{"date-iso8601.xml", at},
		{"date-iso8601-offset.xml", at},
		{"date-iso8601-fraction.xml", at},
		{"date-iso8601-no-tz.xml", at},
		{"date-iso8601-space.xml", at},
		{"date-date-only.xml", time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC)},
		{"date-dc-date.xml", at},
		{"date-empty.xml", time.Time{}},
		{"date-whitespace.xml", time.Time{}},
		{"date-garbage.xml", time.Time{}},
		{"date-yesterday.xml", time.Time{}},
		{"date-impossible.xml", time.Time{}},
		{"date-year-zero.xml", time.Time{}},
		{"date-small-number.xml", time.Time{}},
		// herald's own fallback (feeds/dates.go) for what gofeed gives up on
		{"date-rfc822-lowercase.xml", at},
		{"date-uppercase.xml", at},
		{"date-german.xml", at.Add(-time.Hour)}, // +0100
		{"date-german-full.xml", at},
		{"date-german-umlaut.xml", time.Date(2025, 3, 17, 8, 14, 0, 0, time.UTC)}, // MEZ is +0100
		{"date-french-words.xml", time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC)},
		{"date-french-abbrev.xml", at},
		{"date-french-time.xml", time.Date(2025, 12, 17, 9, 14, 0, 0, time.UTC)},
		{"date-unix-timestamp.xml", at},
		{"date-unix-millis.xml", at},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := fetchShape(t, srv, tt.file).Items[0].Published
			if tt.want.IsZero() {
				if !got.IsZero() {
					t.Errorf("published %v, want no date", got)
				}
				return
			}
			if !got.Truncate(time.Second).Equal(tt.want) {
				t.Errorf("published %v, want %v", got.UTC(), tt.want)
			}
		})
	}
}

// TestFeedShapeLinks checks link resolution: relative links against the
// feed's URL or xml:base, white space trimmed, schemes herald must never
// open dropped.
func TestFeedShapeLinks(t *testing.T) {
	srv := serveDir(t, shapesDir)
	tests := []struct {
		file string
		item int
		want string
	}{
		{"links-relative-rss.xml", 0, srv.URL + "/politics/2025/11/summit"},
		{"links-xmlbase-atom.xml", 0, "https://example.org/base/articles/1"},
		{"links-xmlbase-rss.xml", 0, "https://example.org/items/7"},
		{"links-whitespace.xml", 0, "https://example.org/ws/1"},
		{"links-spaces-unicode.xml", 0, "https://example.org/a%20b/c%20d"},
		{"links-atom-rels.xml", 0, "https://example.org/rel/1"},
		{"links-json-relative.json", 0, srv.URL + "/jr/1"},
		{"links-javascript.xml", 0, ""},
		{"links-javascript.xml", 1, ""},
		{"links-ftp-mailto.xml", 1, ""},
		{"ent-xml-predefined.xml", 0, "https://example.org/e/1?a=1&b=2"},
		// an RSS guid that is a permalink stands in for a missing link
		{"links-guid-permalink.xml", 0, "https://example.org/gp/1"},
		{"links-guid-permalink.xml", 1, "https://example.org/gp/2"},
		{"links-guid-not-permalink.xml", 0, ""},
		{"links-guid-not-permalink.xml", 1, ""},
		{"links-guid-not-permalink.xml", 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+strconv.Itoa(tt.item), func(t *testing.T) {
			res := fetchShape(t, srv, tt.file)
			if len(res.Items) <= tt.item {
				t.Fatalf("%d items", len(res.Items))
			}
			if got := res.Items[tt.item].Link; got != tt.want {
				t.Errorf("link %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHostilePage extracts the hostile article page the way a full-text
// fetch does: the words survive, the escapes do not.
func TestHostilePage(t *testing.T) {
	srv := serveDir(t, hostileDir)
	text, err := feeds.NewFetcher(feeds.Options{}).ArticleText(context.Background(), srv.URL+"/hostile-page.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "ordinary readable words about a summit") {
		t.Errorf("the article text was lost: %q", clip(text))
	}
	checkText(t, "hostile-page.html", text)
}

// TestHostileServer answers with escape sequences in the places a server
// controls beyond the body (status line, Content-Type, redirect target):
// the error herald reports and stores must still carry none.
func TestHostileServer(t *testing.T) {
	// Go's HTTP client rejects C0 controls in header lines, so the headers
	// carry what it lets through: C1 controls and bidi overrides.
	responses := map[string]string{
		"/status":             "HTTP/1.1 500 Internal \x1b]0;pwned\x07Error \x1b[2J\u009b31m\r\nContent-Length: 0\r\n\r\n",
		"/ctype":              "HTTP/1.1 200 OK\r\nContent-Type: text/\u009b31mplain\u202e\r\nContent-Length: 9\r\n\r\nnot xml!\n",
		"/redirect":           "HTTP/1.1 302 Found\r\nLocation: /\u009d0;loop\u009c\r\nContent-Length: 0\r\n\r\n",
		"/\u009d0;loop\u009c": "HTTP/1.1 302 Found\r\nLocation: ftp://evil.example/\u202egnp.exe\r\nContent-Length: 0\r\n\r\n",
		"/c0-header":          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\x1b]52;c;Y3VybA==\x07\r\nContent-Length: 9\r\n\r\nnot xml!\n",
	}
	srv := rawServer(t, responses)
	st := openStore(t)
	urls := []string{srv + "/status", srv + "/ctype", srv + "/redirect", srv + "/c0-header"}
	results := fetchAndStore(t, st, urls)
	for _, u := range urls {
		res := results[u]
		if res.Err == nil {
			t.Errorf("%s: want an error", u)
			continue
		}
		if !strings.Contains(res.Err.Error(), u) {
			t.Errorf("%s: the error does not name the URL: %q", u, res.Err)
		}
		t.Logf("%s: %v", u, res.Err)
		checkText(t, u+" error", res.Err.Error())
	}
	checkStored(t, st)
}

// rawServer answers each request line's path with the bytes in responses,
// written as they are: net/http's server would refuse to send them.
func rawServer(t *testing.T, responses map[string]string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				resp, ok := responses[req.URL.Path]
				if !ok {
					resp = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
				}
				conn.Write([]byte(resp))
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}
