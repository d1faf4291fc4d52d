package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fetchConfig(t *testing.T, dir string, urls ...string) string {
	t.Helper()
	var b strings.Builder
	for _, u := range urls {
		fmt.Fprintf(&b, "[[feeds]]\nurl = %q\n", u)
	}
	fmt.Fprintf(&b, "[store]\npath = %q\n", filepath.Join(dir, "h.db"))
	p := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFetchReportsEachFeedAndASummary(t *testing.T) {
	dir := isolate(t)
	good, _ := filepath.Abs(filepath.Join("testdata", "feeds", "rss2.xml"))
	missing := filepath.Join(dir, "nope.xml")
	cfg := fetchConfig(t, dir, "file://"+good, "file://"+missing)

	code, _, errOut := runCLI(t, "", "--config", cfg, "fetch")
	if code != exitFailure || !strings.Contains(errOut, "1 of 2 feeds failed") {
		t.Fatalf("one feed failed: want exit 1 and a count, got %d\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	progress := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "[") && strings.Contains(l, "/2] ") {
			progress++
		}
	}
	if progress != 2 {
		t.Errorf("want one progress line per feed, got %d:\n%s", progress, errOut)
	}
	if !strings.Contains(errOut, "2 feeds in") || !strings.Contains(errOut, "1 failed") || !strings.Contains(errOut, "nope.xml") {
		t.Errorf("summary must count feeds and failures and name the failing feed:\n%s", errOut)
	}

	// The second run finds the same articles: nothing new, nothing lost.
	code, _, errOut = runCLI(t, "", "--config", cfg, "fetch")
	if code != exitFailure || !strings.Contains(errOut, " 0 new") {
		t.Errorf("second fetch: code %d\n%s", code, errOut)
	}
}

func TestFetchExitsOneWhenEveryFeedFails(t *testing.T) {
	dir := isolate(t)
	cfg := fetchConfig(t, dir, "file://"+filepath.Join(dir, "a.xml"), "file://"+filepath.Join(dir, "b.xml"))
	code, _, errOut := runCLI(t, "", "--config", cfg, "fetch")
	if code != exitFailure || !strings.Contains(errOut, "every feed failed") {
		t.Errorf("code %d, stderr:\n%s", code, errOut)
	}
}

func TestFetchExitsZeroWhenEveryFeedRefreshed(t *testing.T) {
	dir := isolate(t)
	good, _ := filepath.Abs(filepath.Join("testdata", "feeds", "rss2.xml"))
	cfg := fetchConfig(t, dir, "file://"+good)
	code, _, errOut := runCLI(t, "", "--config", cfg, "fetch")
	if code != exitOK || !strings.Contains(errOut, "[1/1] ") {
		t.Errorf("code %d, stderr:\n%s", code, errOut)
	}
}

func TestFetchQuietPrintsOnlyFailures(t *testing.T) {
	dir := isolate(t)
	good, _ := filepath.Abs(filepath.Join("testdata", "feeds", "rss2.xml"))
	cfg := fetchConfig(t, dir, "file://"+good)
	code, out, errOut := runCLI(t, "", "--config", cfg, "fetch", "--quiet")
	if code != exitOK || out != "" || errOut != "" {
		t.Errorf("all good: code %d, stdout %q, stderr %q; want silence", code, out, errOut)
	}
	missing := filepath.Join(dir, "gone.xml")
	cfg = fetchConfig(t, dir, "file://"+good, "file://"+missing)
	code, _, errOut = runCLI(t, "", "fetch", "-q", "--config", cfg)
	if code != exitFailure || !strings.Contains(errOut, "gone.xml") || strings.Contains(errOut, "rss2.xml") {
		t.Errorf("one failure: code %d, stderr:\n%s", code, errOut)
	}
}
