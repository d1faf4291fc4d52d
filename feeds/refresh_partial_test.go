package feeds

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/herald-reader/herald/feeds/store"
)

// switchingFeed serves a body the test can swap, with an ETag that
// follows it, and remembers the If-None-Match of each request.
type switchingFeed struct {
	mu          sync.Mutex
	body        []byte
	ifNoneMatch []string
}

func (s *switchingFeed) set(b []byte) {
	s.mu.Lock()
	s.body = b
	s.mu.Unlock()
}

func (s *switchingFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ifNoneMatch = append(s.ifNoneMatch, r.Header.Get("If-None-Match"))
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256(s.body))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write(s.body)
}

// TestRefreshPartialFeed: a feed cut off in its last item stores the items
// before the cut and records an error naming the line, without the
// validators, so that the next refresh fetches the feed whole, stores the
// rest and clears the error.
func TestRefreshPartialFeed(t *testing.T) {
	full, err := os.ReadFile(filepath.Join(fixtureDir, "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	last := bytes.LastIndex(full, []byte("<item>"))
	fullETag := fmt.Sprintf(`"%x"`, sha256.Sum256(full))
	tests := []struct {
		name                 string
		body                 []byte
		added, failed, total int
		errPart              string // in the stored error; "" for none
		etag                 string // the validator stored after the refresh
	}{
		{"cut in the last item", full[:last+20], 2, 1, 2, "malformed XML at line 32: the document ends inside <title> (cut off?); kept 2 of 3 items", ""},
		{"whole", full, 1, 0, 3, "", fullETag},
		// a partial body never replaces the validator of a whole one
		{"cut again", full[:last+20], 0, 1, 3, "malformed XML at line 32", fullETag},
	}
	feed := &switchingFeed{}
	srv := httptest.NewServer(feed)
	defer srv.Close()
	st := openStore(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed.set(tt.body)
			list, err := st.SyncFeeds([]store.FeedConfig{{URL: srv.URL}})
			if err != nil {
				t.Fatal(err)
			}
			stats, err := Refresh(context.Background(), st, NewFetcher(Options{}), list, nil)
			if err != nil {
				t.Fatal(err)
			}
			if stats.Added != tt.added || stats.Failed != tt.failed || len(stats.Errors) != tt.failed {
				t.Errorf("added %d, failed %d, %d errors; want %d, %d", stats.Added, stats.Failed, len(stats.Errors), tt.added, tt.failed)
			}
			f, err := st.FeedByURL(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if tt.errPart == "" && f.LastError != "" || !strings.Contains(f.LastError, tt.errPart) {
				t.Errorf("stored error %q, want one containing %q", f.LastError, tt.errPart)
			}
			if tt.errPart != "" && !strings.HasPrefix(f.LastError, srv.URL+": ") {
				t.Errorf("stored error %q does not name the feed", f.LastError)
			}
			if f.Total != tt.total {
				t.Errorf("%d articles stored, want %d", f.Total, tt.total)
			}
			if f.Title != "Testland Gazette & Review" {
				t.Errorf("feed title %q", f.Title)
			}
			if f.ETag != tt.etag {
				t.Errorf("stored ETag %q, want %q", f.ETag, tt.etag)
			}
		})
	}
	// The refresh after the first partial fetch sent no validator, so it
	// got the whole feed rather than a 304.
	if got := feed.ifNoneMatch; len(got) != 3 || got[1] != "" || got[2] != fullETag {
		t.Errorf("If-None-Match sent: %q", got)
	}
}
