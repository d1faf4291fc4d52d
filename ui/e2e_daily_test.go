package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// tmuxRun is herald running in a detached tmux session.
type tmuxRun struct {
	t    *testing.T
	sock string
}

func (r *tmuxRun) tmux(args ...string) (string, error) {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(c, "tmux", append([]string{"-L", r.sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
	return string(out), err
}

func (r *tmuxRun) keys(k ...string) {
	r.t.Helper()
	if out, err := r.tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...); err != nil {
		r.t.Fatalf("send-keys: %v\n%s", err, out)
	}
}

func (r *tmuxRun) waitFor(what string, cond func(screen string) bool) string {
	r.t.Helper()
	var screen string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		screen, _ = r.tmux("capture-pane", "-p", "-t", "e2e")
		if cond(screen) {
			return screen
		}
	}
	r.t.Fatalf("timed out waiting for %s; the screen:\n%s", what, screen)
	return ""
}

// rssOf is a feed of items (title, text), the first published on day day0
// of August 2025 and each next one a day later.
func rssOf(day0 int, items ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://e2e.example/</link>`)
	for i, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://e2e.example/%s</link><guid>%s</guid><pubDate>%02d Aug 2025 09:00:00 GMT</pubDate><description>&lt;p&gt;%s&lt;/p&gt;</description></item>`,
			it[0], strings.ToLower(strings.Fields(it[0])[0]), it[0], day0+i, it[1])
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// TestEndToEndDailyReading runs the real binary on three local feeds, one
// of which answers only near the end: the others' articles must show at
// once, and the late one's join the list without moving the cursor; a
// mute filter hides an article from the list and the feeds' counts; A
// marks one feed read and u undoes it; J walks three unread articles in
// two feeds; o runs $BROWSER, and so does O with a link's number.
func TestEndToEndDailyReading(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "herald")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("building herald: %v\n%s", err, out)
	}

	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/one.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rssOf(10, [2]string{"Bravo report from one", "The second story."}, [2]string{"Alpha report from one", "The first story."},
			[2]string{"Celebrity gossip roundup", "Nothing to see."}))
	})
	mux.HandleFunc("/two.rss", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rssOf(5, [2]string{"Charlie report from two", "The third story, from &lt;a href=&quot;/docs/charlie&quot;&gt;the source&lt;/a&gt;."}))
	})
	mux.HandleFunc("/slow.rss", func(w http.ResponseWriter, r *http.Request) {
		select { // answers only when the test lets it
		case <-release:
			fmt.Fprint(w, rssOf(20, [2]string{"Delta report from slow", "The late story."}))
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	var releaseOnce sync.Once
	letSlowAnswer := func() { releaseOnce.Do(func() { close(release) }) }
	t.Cleanup(letSlowAnswer)

	home := filepath.Join(dir, "home")
	for _, d := range []string{filepath.Join(home, "config"), filepath.Join(home, "data"), filepath.Join(home, "cache")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	record := filepath.Join(dir, "browser-args")
	browser := filepath.Join(dir, "record-browser")
	if err := os.WriteFile(browser, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" >> "+shellQuote(record)+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.toml")
	conf := fmt.Sprintf(`[[feeds]]
url = %q
title = "Feed One"

[[feeds]]
url = %q
title = "Feed Two"

[[feeds]]
url = %q
title = "Slow Feed"

[fetch]
refresh_interval = "0s"
refresh_on_start = true
timeout = "60s"

[store]
path = %q

[[reader.mute]]
match = "celebrity"
`, srv.URL+"/one.rss", srv.URL+"/two.rss", srv.URL+"/slow.rss", filepath.Join(dir, "herald.db"))
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}

	r := &tmuxRun{t: t, sock: fmt.Sprintf("herald-daily-%d", os.Getpid())}
	env := fmt.Sprintf("env -i PATH=%q HOME=%q XDG_CONFIG_HOME=%q XDG_DATA_HOME=%q XDG_CACHE_HOME=%q TERM=xterm-256color NO_COLOR=1 BROWSER=%q",
		os.Getenv("PATH"), home, filepath.Join(home, "config"), filepath.Join(home, "data"), filepath.Join(home, "cache"), browser)
	if out, err := r.tmux("new-session", "-d", "-s", "e2e", "-x", "160", "-y", "40",
		env+" "+shellQuote(bin)+" --config "+shellQuote(cfg)+"; sleep 30"); err != nil {
		t.Fatalf("starting tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { stopTmux(func() { _, _ = r.tmux("kill-server") }, bin) })

	// The slow feed has not answered; the other two feeds' articles are there.
	// (the count of muted articles is waited for too: each arrival counts
	// them afresh)
	screen := r.waitFor("the fast feeds' articles", func(s string) bool {
		return strings.Contains(s, "All articles (3)") && strings.Contains(s, "Charlie report from two") &&
			strings.Contains(s, "1 muted")
	})
	if !strings.Contains(screen, "refreshing") {
		t.Errorf("the refresh should still be waiting for the slow feed:\n%s", screen)
	}
	if strings.Contains(screen, "Celebrity gossip") {
		t.Errorf("the mute filter did not hide the gossip:\n%s", screen)
	}
	// the feeds pane counts what the list shows: Feed One's gossip is muted
	screen = r.waitFor("the feeds' counts", func(s string) bool { _, ok := feedsPaneCount(s, "Feed Two"); return ok })
	for label, want := range map[string]string{"All articles": "3", "Feed One": "2", "Feed Two": "1"} {
		if got, _ := feedsPaneCount(screen, label); got != want {
			t.Errorf("the feeds pane counts %q unread for %s, want %s:\n%s", got, label, want, screen)
		}
	}

	// A on Feed One marks its two articles read; u undoes it.
	r.keys("h", "j", "j", "Enter")
	r.waitFor("Feed One's list", func(s string) bool { return strings.Contains(s, "Feed One (2)") })
	r.keys("A")
	r.waitFor("the count of marked articles", func(s string) bool { return strings.Contains(s, "marked 2 articles read") })
	r.keys("u")
	r.waitFor("the undo", func(s string) bool { return strings.Contains(s, "2 articles unread again") })

	// J walks the three unread articles, in two feeds, from All articles.
	r.keys("h", "g", "Enter")
	r.waitFor("All articles", func(s string) bool { return strings.Contains(s, "All articles (3)") })
	for _, title := range []string{"Alpha report from one", "Bravo report from one", "Charlie report from two"} {
		r.keys("J")
		r.waitFor(title+" in the reader", func(s string) bool {
			return strings.Contains(s, "▌Article") && strings.Contains(s, " "+title)
		})
	}

	// o hands the link to $BROWSER.
	r.keys("o")
	r.waitFor("the browser's report", func(s string) bool { return strings.Contains(s, "opened https://e2e.example/charlie") })
	waitRecorded(t, record, "https://e2e.example/charlie")

	// The article's own link is numbered after its anchor; O 1 opens it.
	r.waitFor("the numbered link", func(s string) bool {
		return strings.Contains(s, "the source[1]") && strings.Contains(s, "[1] "+srv.URL+"/docs/charlie")
	})
	r.keys("O")
	r.waitFor("the links overlay", func(s string) bool { return strings.Contains(s, "type a number") })
	r.keys("1", "Enter")
	waitRecorded(t, record, srv.URL+"/docs/charlie")

	// Back in the list on Charlie, the slow feed answers at last: its
	// article joins the list above, and the cursor stays on Charlie.
	r.keys("q")
	r.waitFor("the list", func(s string) bool { return !strings.Contains(s, "▌Article") && strings.Contains(s, "│▸  ") })
	letSlowAnswer()
	screen = r.waitFor("the slow feed's article", func(s string) bool {
		return strings.Contains(s, "All articles (4)") && strings.Contains(s, "Delta report from slow")
	})
	onCharlie := false
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, "│▸") {
			onCharlie = strings.Contains(line, "Charlie report from two")
		}
	}
	if !onCharlie {
		t.Errorf("the late feed moved the cursor off Charlie:\n%s", screen)
	}
	r.keys("Q")
}

// waitRecorded waits until the recording browser has been run with link.
func waitRecorded(t *testing.T, record, link string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if b, _ := os.ReadFile(record); strings.Contains(string(b), link) {
			return
		}
	}
	b, _ := os.ReadFile(record)
	t.Fatalf("$BROWSER was not run with %s; it recorded %q", link, b)
}

// TestEndToEndTerminalBrowser: a terminal browser set in the config takes
// the terminal for as long as it runs and gives it back to the reader.
func TestEndToEndTerminalBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "herald")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("building herald: %v\n%s", err, out)
	}
	feed, err := filepath.Abs("testdata/e2e/seed.rss")
	if err != nil {
		t.Fatal(err)
	}
	w3m := filepath.Join(dir, "w3m") // named like a terminal browser
	if err := os.WriteFile(w3m, []byte("#!/bin/sh\nprintf 'PRETEND W3M SHOWS %s\\n' \"$1\"\nsleep 2\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.toml")
	conf := fmt.Sprintf("[[feeds]]\nurl = %q\n\n[fetch]\nrefresh_interval = \"0s\"\nrefresh_on_start = true\n\n[store]\npath = %q\n\n[reader]\nbrowser = %q\n",
		"file://"+feed, filepath.Join(dir, "herald.db"), w3m+" %u")
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &tmuxRun{t: t, sock: fmt.Sprintf("herald-w3m-%d", os.Getpid())}
	env := fmt.Sprintf("env -i PATH=%q HOME=%q XDG_CONFIG_HOME=%q XDG_DATA_HOME=%q TERM=xterm-256color NO_COLOR=1",
		os.Getenv("PATH"), home, filepath.Join(home, "config"), filepath.Join(home, "data"))
	if out, err := r.tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "30",
		env+" "+shellQuote(bin)+" --config "+shellQuote(cfg)+"; sleep 30"); err != nil {
		t.Fatalf("starting tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { stopTmux(func() { _, _ = r.tmux("kill-server") }, bin) })
	r.waitFor("the seed article", func(s string) bool { return strings.Contains(s, "Starmer hails") })
	r.keys("o")
	screen := r.waitFor("the terminal browser", func(s string) bool {
		return strings.Contains(s, "PRETEND W3M SHOWS https://e2e.example/seed-ukraine-talks")
	})
	if strings.Contains(screen, "All articles") {
		t.Errorf("the reader kept drawing while the browser had the terminal:\n%s", screen)
	}
	r.waitFor("the reader again", func(s string) bool {
		return strings.Contains(s, "All articles (1)") && strings.Contains(s, "opened https://e2e.example/seed-ukraine-talks")
	})
	r.keys("Q")
}

// stopTmux kills the tmux server and waits for the herald binary bin to
// exit: it closes its store on the way out, and the test's directory must
// not be removed under it.
func stopTmux(kill func(), bin string) {
	kill()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && binaryRunning(bin) {
		time.Sleep(50 * time.Millisecond)
	}
}

// binaryRunning reports whether a process runs the executable at path.
func binaryRunning(path string) bool {
	procs, _ := filepath.Glob("/proc/[0-9]*/exe")
	for _, p := range procs {
		if target, err := os.Readlink(p); err == nil && target == path {
			return true
		}
	}
	return false
}
