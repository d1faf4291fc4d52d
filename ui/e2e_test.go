package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndTmux builds the real binary, runs the reader in a detached
// tmux session on a file:// feed holding the seed article, opens the
// article and reads the screen: the statements sidebar must name the
// seed's speakers.
func TestEndToEndTmux(t *testing.T) {
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
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building herald: %v\n%s", err, out)
	}

	feed, err := filepath.Abs("testdata/e2e/seed.rss")
	if err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	for _, d := range []string{home, filepath.Join(home, "config"), filepath.Join(home, "data"), filepath.Join(home, "cache")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(dir, "config.toml")
	conf := fmt.Sprintf(`[[feeds]]
url = %q
title = "E2E Wire"
tags = ["e2e"]

[fetch]
refresh_interval = "0s"
refresh_on_start = true

[store]
path = %q

[export]
dir = %q
`, "file://"+feed, filepath.Join(dir, "herald.db"), filepath.Join(dir, "exports"))
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}

	sock := fmt.Sprintf("herald-e2e-%d", os.Getpid())
	tmux := func(args ...string) (string, error) {
		c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		out, err := exec.CommandContext(c, "tmux", append([]string{"-L", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		return string(out), err
	}
	env := fmt.Sprintf("env -i PATH=%q HOME=%q XDG_CONFIG_HOME=%q XDG_DATA_HOME=%q XDG_CACHE_HOME=%q TERM=xterm-256color NO_COLOR=1",
		os.Getenv("PATH"), home, filepath.Join(home, "config"), filepath.Join(home, "data"), filepath.Join(home, "cache"))
	if out, err := tmux("new-session", "-d", "-s", "e2e", "-x", "160", "-y", "48",
		env+" "+shellQuote(bin)+" --config "+shellQuote(cfg)+"; sleep 30"); err != nil {
		t.Fatalf("starting tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { stopTmux(func() { _, _ = tmux("kill-server") }, bin) })

	capture := func() string {
		out, _ := tmux("capture-pane", "-p", "-t", "e2e")
		return out
	}
	waitFor := func(what string, cond func(screen string) bool) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		var screen string
		for time.Now().Before(deadline) {
			screen = capture()
			if cond(screen) {
				return screen
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Fatalf("timed out waiting for %s; the screen:\n%s", what, screen)
		return ""
	}

	waitFor("the seed article in the list", func(s string) bool { return strings.Contains(s, "Starmer hails") })
	if out, err := tmux("send-keys", "-t", "e2e", "Enter"); err != nil {
		t.Fatalf("send-keys: %v\n%s", err, out)
	}
	speakers := []string{"Keir Starmer", "Donald Trump"}
	screen := waitFor("the speakers in the sidebar", func(s string) bool {
		side := sidebarColumn(s)
		for _, sp := range speakers {
			if !strings.Contains(side, sp) {
				return false
			}
		}
		return true
	})
	if !strings.Contains(screen, "Statements (") {
		t.Errorf("no statements sidebar on screen:\n%s", screen)
	}

	// Back to the list, filter by Starmer with the leader picker, see his
	// statements across articles, and export them.
	keys := func(k ...string) {
		t.Helper()
		if out, err := tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...); err != nil {
			t.Fatalf("send-keys: %v\n%s", err, out)
		}
	}
	keys("Escape")
	waitFor("the list again", func(s string) bool { return strings.Contains(s, "All articles (") })
	keys("L")
	waitFor("the leader picker", func(s string) bool {
		return strings.Contains(s, "Filter by leader") && strings.Contains(s, "Keir Starmer")
	})
	keys("-l", "starmer")
	keys("Enter")
	waitFor("the chip and the cross-article sidebar", func(s string) bool {
		return strings.Contains(s, "[♛ Keir Starmer]") && strings.Contains(s, "Said: Keir Starmer (")
	})
	keys("E")
	screen = waitFor("the export path", func(s string) bool { return strings.Contains(s, "wrote ") })
	files, _ := filepath.Glob(filepath.Join(dir, "exports", "*leader-keir-starmer*.md"))
	if len(files) != 1 {
		t.Fatalf("exports: %v; the screen:\n%s", files, screen)
	}
	data, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(data), `query: "leader: Keir Starmer"`) ||
		!strings.Contains(string(data), "\n— Keir Starmer, Prime Minister of the United Kingdom, ") {
		t.Errorf("the export lacks Starmer's statements (%v):\n%s", err, data)
	}
	keys("q")
}

// sidebarColumn returns what is right of the last pane separator on each
// line: the statements sidebar when the reader is open.
func sidebarColumn(screen string) string {
	var b strings.Builder
	for _, line := range strings.Split(screen, "\n") {
		if i := strings.LastIndex(line, "│"); i >= 0 {
			b.WriteString(line[i+len("│"):])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
