package feeds_test

import (
	"context"
	"strings"
	"testing"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/store"
)

// Bad input (issue 7, item 6): every feed below is broken in a way the
// lenient parser used to hide or misread. Each must give a clear outcome
// naming the feed, keep what can be kept, and store nothing invented.

// TestBrokenXMLKeepsItems: XML that breaks off partway keeps the items
// complete before the break and the whole ones after it, Refresh stores
// them, and the error recorded for the feed names the line.
func TestBrokenXMLKeepsItems(t *testing.T) {
	tests := []struct {
		file   string
		line   string // "malformed XML at line N: "
		reason string
		guids  []string // the items kept, in order
		title  string   // the feed title kept ("" when the break came before it closed)
	}{
		{"bad-truncated.xml", "line 29: ", "the document ends inside <title>", []string{"trunc-0", "trunc-1", "trunc-2"}, "Corpus: trunc"},
		{"bad-truncated-atom.xml", "line 22: ", "the document ends inside <title>", []string{"urn:example:atomcut:0", "urn:example:atomcut:1"}, "Corpus: atomcut"},
		{"bad-truncated-between-items.xml", "line 20: ", "the document ends inside <channel>", []string{"trunc-0", "trunc-1"}, "Corpus: trunc"},
		// the broken item is dropped, the whole ones after it are kept
		{"bad-mismatched-in-item.xml", "line 23: ", "</lnk> where </link> was expected", []string{"mismatch2-0", "mismatch2-1", "mismatch2-3"}, "Corpus: mismatch2"},
		{"bad-mismatched-tags.xml", "line 5: ", "</lnk> where </link> was expected", []string{"mismatch-0", "mismatch-1", "mismatch-2"}, ""},
		{"bad-unclosed-tag.xml", "line 13: ", "</item> where </title> was expected", []string{"unclosed-1", "unclosed-2"}, ""},
		{"bad-truncated-cdata.xml", "line 11: ", "unexpected EOF in CDATA section", nil, ""},
		{"bad-truncated-early.xml", "line 8: ", "the document ends inside <title>", nil, ""},
	}
	srv := serveDir(t, shapesDir)
	st := openStore(t)
	urls := make([]string, len(tests))
	for i, tt := range tests {
		urls[i] = srv.URL + "/" + tt.file
	}
	results := fetchAndStore(t, st, urls)
	for i, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := results[urls[i]]
			if res.Err == nil {
				t.Fatalf("no error; %d items", len(res.Items))
			}
			msg := res.Err.Error()
			if want := urls[i] + ": malformed XML at " + tt.line; !strings.HasPrefix(msg, want) || !strings.Contains(msg, tt.reason) {
				t.Errorf("error %q, want it to start %q and contain %q", msg, want, tt.reason)
			}
			var got []string
			for _, it := range res.Items {
				got = append(got, it.GUID)
			}
			if strings.Join(got, " ") != strings.Join(tt.guids, " ") {
				t.Errorf("kept items %q, want %q", got, tt.guids)
			}
			if res.Title != tt.title {
				t.Errorf("feed title %q, want %q", res.Title, tt.title)
			}
			if res.Partial() != (len(tt.guids) > 0) {
				t.Errorf("Partial() = %v with %d items", res.Partial(), len(res.Items))
			}
			f, err := st.FeedByURL(urls[i])
			if err != nil {
				t.Fatal(err)
			}
			if f.LastError != msg {
				t.Errorf("stored error %q, want %q", f.LastError, msg)
			}
			n, err := st.CountArticles(store.ArticleQuery{FeedID: f.ID})
			if err != nil || n != len(tt.guids) {
				t.Errorf("%d articles stored (%v), want %d", n, err, len(tt.guids))
			}
		})
	}
}

// TestJSONWithoutFeedVersion: a JSON object is a JSON Feed only when it
// declares a JSON Feed version or holds an items array.
func TestJSONWithoutFeedVersion(t *testing.T) {
	tests := []struct {
		file  string
		items int // -1: "not a feed"
	}{
		{"bad-json-not-a-feed.json", -1},
		{"bad-json-error-reply.json", -1},
		{"bad-json-wrong-version.json", -1},
		{"json-version-missing.json", 2},     // no version, but an items array
		{"json-version-http.json", 1},        // http: version URL
		{"empty-json-items-missing.json", 0}, // a version and no items
		{"empty-json-no-items.json", 0},
		{"json11-basic.json", 3},
	}
	srv := serveDir(t, shapesDir)
	f := feeds.NewFetcher(feeds.Options{})
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			url := srv.URL + "/" + tt.file
			res := f.Fetch(context.Background(), feeds.Request{URL: url})
			if tt.items < 0 {
				want := url + ": not a feed: JSON without a JSON Feed version"
				if res.Err == nil || res.Err.Error() != want {
					t.Errorf("error %v, want %q", res.Err, want)
				}
				return
			}
			if res.Err != nil || len(res.Items) != tt.items {
				t.Errorf("got %d items, error %v; want %d items", len(res.Items), res.Err, tt.items)
			}
		})
	}
}

// TestBylines: authors the parser reads as no name at all ("Name
// (Agency)") are kept as written, sanitised and trimmed; the usual forms
// still give the name.
func TestBylines(t *testing.T) {
	tests := []struct {
		file   string
		item   int
		author string
	}{
		{"misc-author-parenthesised.xml", 0, "Maria Rossi (Reuters)"},
		{"misc-author-parenthesised.xml", 1, "Paris correspondent (translated from French)"},
		{"misc-author-parenthesised-rss.xml", 0, "Maria Rossi (Reuters)"},
		{"misc-author-parenthesised-rss.xml", 1, "Jean Dupont (AFP)"}, // a bidi override and padding removed
		{"misc-author-formats.xml", 0, "desk@example.org"},
		{"misc-author-formats.xml", 1, "Maria Rossi"},
		{"misc-author-formats.xml", 2, "Maria Rossi"},
		{"misc-author-formats.xml", 3, "Maria Rossi"},
		{"ns-dublin-core.xml", 0, "Jane Reporter"},
	}
	srv := serveDir(t, shapesDir)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := fetchShape(t, srv, tt.file)
			if len(res.Items) <= tt.item {
				t.Fatalf("%d items", len(res.Items))
			}
			if got := res.Items[tt.item].Author; got != tt.author {
				t.Errorf("item %d author %q, want %q", tt.item, got, tt.author)
			}
		})
	}
}

// TestEmptyResponse: a body with nothing but white space (or a byte-order
// mark) is reported as such, naming the URL, and recorded for the feed.
func TestEmptyResponse(t *testing.T) {
	files := []string{"empty-file.xml", "empty-whitespace.xml", "empty-whitespace-crlf.xml", "empty-bom-only.xml", "empty-json-file.json"}
	srv := serveDir(t, shapesDir)
	st := openStore(t)
	urls := make([]string, len(files))
	for i, f := range files {
		urls[i] = srv.URL + "/" + f
	}
	results := fetchAndStore(t, st, urls)
	for _, u := range urls {
		want := u + ": empty response: the server sent no feed"
		if res := results[u]; res.Err == nil || res.Err.Error() != want {
			t.Errorf("%s: error %v, want %q", u, res.Err, want)
		}
		if f, err := st.FeedByURL(u); err != nil || f.LastError != want {
			t.Errorf("%s: stored error %q (%v)", u, f.LastError, err)
		}
	}
}

// TestBlankItems: an item with neither title, link nor text is never
// stored; a feed made only of such items says so.
func TestBlankItems(t *testing.T) {
	tests := []struct {
		file    string
		wantErr string // a substring of the error, "" for none
		guids   []string
	}{
		{"empty-rss-blank-items.xml", "no readable item: the feed's 3 items have neither title, link nor text", nil},
		{"empty-rss-some-blank-items.xml", "", []string{"someblank-1"}},
		{"missing-everything-but-description.xml", "", nil}, // text alone is enough: checked by count below
	}
	srv := serveDir(t, shapesDir)
	st := openStore(t)
	urls := make([]string, len(tests))
	for i, tt := range tests {
		urls[i] = srv.URL + "/" + tt.file
	}
	results := fetchAndStore(t, st, urls)
	for i, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := results[urls[i]]
			switch {
			case tt.wantErr == "" && res.Err != nil:
				t.Errorf("unexpected error %v", res.Err)
			case tt.wantErr != "" && (res.Err == nil || !strings.Contains(res.Err.Error(), tt.wantErr)):
				t.Errorf("error %v, want one containing %q", res.Err, tt.wantErr)
			}
			for _, it := range res.Items {
				if it.Title == "" && it.Link == "" && strings.TrimSpace(it.Text) == "" {
					t.Errorf("blank item kept: %+v", it)
				}
			}
			if tt.guids != nil {
				var got []string
				for _, it := range res.Items {
					got = append(got, it.GUID)
				}
				if strings.Join(got, " ") != strings.Join(tt.guids, " ") {
					t.Errorf("items %q, want %q", got, tt.guids)
				}
			}
			f, err := st.FeedByURL(urls[i])
			if err != nil {
				t.Fatal(err)
			}
			if n, err := st.CountArticles(store.ArticleQuery{FeedID: f.ID}); err != nil || n != len(res.Items) {
				t.Errorf("%d articles stored (%v), want %d", n, err, len(res.Items))
			}
		})
	}
	if n := len(results[urls[2]].Items); n != 2 {
		t.Errorf("missing-everything-but-description.xml: %d items, want 2", n)
	}
}
