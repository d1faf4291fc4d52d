package sync

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

func syncOK(t *testing.T, src *Source, st *store.Store) Stats {
	t.Helper()
	stats, err := src.Sync(context.Background(), st)
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	return stats
}

func article(t *testing.T, st *store.Store, source, id string) store.Article {
	t.Helper()
	aid, err := st.SourceArticleID(source, id)
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.Article(aid)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestPullBringsFeedsFoldersAndEntries(t *testing.T) {
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			f := newFakeMiniflux(t)
			st := freshStore(t)
			stats := syncOK(t, f.source(t, typ, f.pass), st)
			if stats.Feeds != 2 || stats.Added != 5 {
				t.Errorf("stats = %+v, want 2 feeds, 5 added", stats)
			}
			fs, _ := st.Feeds()
			tags := map[string]string{}
			for _, fd := range fs {
				tags[fd.Title] = strings.Join(fd.Tags, ",")
				if !strings.Contains(fd.URL, "#herald-source="+typ) {
					t.Errorf("feed key %q does not name the source", fd.URL)
				}
			}
			if tags["Sync test: world"] != "World" || tags["Sync test: economy"] != "Economy" {
				t.Errorf("folders as tags = %v", tags)
			}
			a := article(t, st, typ, "3")
			if a.Title != "Talks resume in Geneva" || a.Link != "http://example.com/world/geneva" ||
				a.Published.UTC() != time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC) {
				t.Errorf("entry 3 = %q %q %v", a.Title, a.Link, a.Published)
			}
			if want := "Delegations met in Geneva on Monday.\n“We are close,” said the mediator."; a.Text != want {
				t.Errorf("text = %q, want %q (HTML to text)", a.Text, want)
			}
			if a.FeedTitle != "Sync test: world" {
				t.Errorf("entry 3 in feed %q", a.FeedTitle)
			}
		})
	}
}

func TestMinifluxIncrementalPull(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src := f.source(t, TypeMiniflux, f.pass)
	syncOK(t, src, st)
	f.tick(time.Hour)
	n := len(f.log())
	if stats := syncOK(t, src, st); stats.Added != 0 || stats.Updated != 0 {
		t.Errorf("second sync with nothing new: %+v", stats)
	}
	reqs := f.log()[n:]
	slices.Sort(reqs) // the count is asked for at once with the rest
	if len(reqs) != 3 || !strings.Contains(reqs[0], "changed_after=") ||
		reqs[1] != "GET /v1/feeds" || reqs[2] != "GET /v1/feeds/counters" {
		t.Errorf("incremental sync made %q; want one page of entries changed after the cursor, the feeds, and their counters", reqs)
	}
	f.tick(time.Minute)
	f.set("6", "status", "read")
	syncOK(t, src, st)
	if a := article(t, st, TypeMiniflux, "6"); !a.Read {
		t.Error("a read made on the server did not reach herald")
	}
	if q, _ := st.PendingChanges(TypeMiniflux); len(q) != 0 {
		t.Errorf("the server's change was queued back: %+v", q)
	}
}

func TestPushDeliversOnce(t *testing.T) {
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			f := newFakeMiniflux(t)
			st := freshStore(t)
			src := f.source(t, typ, f.pass)
			syncOK(t, src, st)
			a := article(t, st, typ, "2")
			if err := st.SetRead(a.ID, true); err != nil {
				t.Fatal(err)
			}
			if err := st.SetStarred(a.ID, true); err != nil {
				t.Fatal(err)
			}
			f.tick(time.Minute)
			if stats := syncOK(t, src, st); stats.Pushed != 2 {
				t.Errorf("pushed %d, want 2", stats.Pushed)
			}
			if read, star := f.state("2"); !read || !star {
				t.Errorf("server has read=%v starred=%v", read, star)
			}
			w := f.writes()
			f.tick(time.Minute)
			syncOK(t, src, st)
			if f.writes() != w {
				t.Errorf("a second sync wrote %d more times", f.writes()-w)
			}
			if a := article(t, st, typ, "2"); !a.Read || !a.Starred {
				t.Error("herald lost its own change")
			}
		})
	}
}

func TestLatestChangeWinsAgainstServer(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src := f.source(t, TypeMiniflux, f.pass)
	syncOK(t, src, st)
	// herald stars 1 now; the server's clock is in the future, so a star
	// removed there later is the latest change.
	a := article(t, st, TypeMiniflux, "1")
	if err := st.SetStarred(a.ID, true); err != nil {
		t.Fatal(err)
	}
	f.tick(24 * time.Hour * 365)
	f.set("1", "starred", false)
	f.set("1", "status", "read")
	w := f.writes()
	syncOK(t, src, st)
	if a := article(t, st, TypeMiniflux, "1"); a.Starred || !a.Read {
		t.Errorf("herald has starred=%v read=%v; the server's later change should win", a.Starred, a.Read)
	}
	if f.writes() != w {
		t.Error("herald pushed a change older than the server's")
	}
	// herald's change after the server's wins.
	f.tick(time.Minute)
	syncOK(t, src, st)
	if err := st.SetRead(a.ID, false); err != nil {
		t.Fatal(err)
	}
	syncOK(t, src, st)
	if read, _ := f.state("1"); read {
		t.Error("herald's later unread did not reach the server")
	}
}

func TestWrongPasswordChangesNothing(t *testing.T) {
	for _, typ := range apis {
		t.Run(typ, func(t *testing.T) {
			f := newFakeMiniflux(t)
			st := freshStore(t)
			_, err := f.source(t, typ, "wrong").Sync(context.Background(), st)
			if !errors.Is(err, ErrAuth) || !strings.Contains(err.Error(), "source "+typ) || !strings.Contains(err.Error(), "check the username") {
				t.Fatalf("err = %v, want a clear authentication error naming the source", err)
			}
			fs, _ := st.Feeds()
			ids, _ := st.SourceRemoteIDs(typ)
			if len(fs) != 0 || len(ids) != 0 {
				t.Errorf("a failed login stored %d feeds, %d entries", len(fs), len(ids))
			}
		})
	}
}

func TestServerDownKeepsQueue(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src := f.source(t, TypeGReader, f.pass)
	syncOK(t, src, st)
	a := article(t, st, TypeGReader, "7")
	if err := st.SetRead(a.ID, true); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err := src.Sync(context.Background(), st)
	if err == nil || !strings.Contains(err.Error(), "cannot reach the server") {
		t.Fatalf("err = %v, want a network error", err)
	}
	if q, _ := st.PendingChanges(TypeGReader); len(q) != 1 {
		t.Errorf("queue = %+v, want the change kept for the next sync", q)
	}
}

func TestHostileEntriesAreSanitised(t *testing.T) {
	f := newFakeMiniflux(t)
	f.set("3", "title", "Evil \x1b]52;c;aGk=\x07title\x1b[2J")
	f.set("3", "content", "<p>body \x1b[31mred</p><script>alert(1)</script>")
	f.set("3", "url", "javascript:alert(1)")
	st := freshStore(t)
	syncOK(t, f.source(t, TypeMiniflux, f.pass), st)
	a := article(t, st, TypeMiniflux, "3")
	for _, s := range []string{a.Title, a.Text, a.Link} {
		if strings.ContainsAny(s, "\x1b\x07") || strings.Contains(s, "alert") || strings.Contains(s, "javascript") {
			t.Errorf("unsanitised: %q", s)
		}
	}
}

func TestSubscribe(t *testing.T) {
	f := newFakeMiniflux(t)
	ctx := context.Background()
	if err := f.source(t, TypeMiniflux, f.pass).Subscribe(ctx, "http://feeds.test/new.xml", "New", "world"); err != nil {
		t.Fatal(err)
	}
	if err := f.source(t, TypeGReader, f.pass).Subscribe(ctx, "http://feeds.test/other.xml", "", "Tech"); err != nil {
		t.Fatal(err)
	}
	log := strings.Join(f.log(), "\n")
	for _, want := range []string{
		"POST /v1/feeds feed_url=http://feeds.test/new.xml category_id=2", // "world" found as "World"
		"PUT /v1/feeds/42",
		"quickadd=http://feeds.test/other.xml",
		"s=feed/42 a=user/-/label/Tech",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("requests lack %q:\n%s", want, log)
		}
	}
	if err := f.source(t, TypeMiniflux, f.pass).Subscribe(ctx, "file:///etc/passwd", "", ""); err == nil {
		t.Error("subscribed to a non-http URL")
	}
}

func TestNewChecksConfig(t *testing.T) {
	pw := func(context.Context) (string, error) { return "x", nil }
	for _, c := range []Config{
		{Name: "", Type: TypeMiniflux, URL: "http://x", Token: "t"},
		{Name: "a", Type: "rss", URL: "http://x", Token: "t"},
		{Name: "a", Type: TypeMiniflux, URL: "ftp://x", Token: "t"},
		{Name: "a", Type: TypeMiniflux, URL: "http://x"},
		{Name: "a", Type: TypeGReader, URL: "http://x", Password: pw},
	} {
		if _, err := New(c); err == nil {
			t.Errorf("New(%+v) accepted", c)
		}
	}
	if _, err := New(Config{Name: "a", Type: TypeMiniflux, URL: "http://x", Password: pw, TokenFromPassword: true}); err != nil {
		t.Errorf("a token from the password: %v", err)
	}
}

func TestMinifluxTokenAuth(t *testing.T) {
	f := newFakeMiniflux(t)
	st := freshStore(t)
	src, err := New(Config{Name: "tok", Type: TypeMiniflux, URL: f.URL, TokenFromPassword: true,
		Password: func(context.Context) (string, error) { return "tok-" + f.pass, nil }})
	if err != nil {
		t.Fatal(err)
	}
	if stats := syncOK(t, src, st); stats.Added != 5 {
		t.Errorf("added %d", stats.Added)
	}
}
