package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestResolveBrowser(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "lynx")
	if err := os.WriteFile(script, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		setting, env string
		argv         []string
		terminal     bool
	}{
		{"firefox --new-window %u", "ignored", []string{"firefox", "--new-window", "%u"}, false},
		{"'/opt/My Browser/run' --url=%u", "", []string{"/opt/My Browser/run", "--url=%u"}, false},
		{"chromium", "", []string{"chromium", "%u"}, false},
		{"w3m %u", "", []string{"w3m", "%u"}, true},
		{"", "/no/such/browser:" + script + " -dump %s", []string{script, "-dump", "%u"}, true},
		{"", "", []string{"xdg-open", "%u"}, false},
	}
	for _, c := range cases {
		b, err := resolveBrowser(c.setting, c.env)
		if err != nil {
			t.Errorf("resolveBrowser(%q, %q): %v", c.setting, c.env, err)
			continue
		}
		if !reflect.DeepEqual(b.argv, c.argv) || b.terminal != c.terminal {
			t.Errorf("resolveBrowser(%q, %q) = %q terminal=%v, want %q terminal=%v", c.setting, c.env, b.argv, b.terminal, c.argv, c.terminal)
		}
	}
	if err := ValidateBrowser(`firefox "%u`); err == nil {
		t.Error("an unclosed quote is accepted")
	}
	if _, err := resolveBrowser("", "/no/such/browser"); err == nil || !strings.Contains(err.Error(), "$BROWSER") {
		t.Errorf("a $BROWSER that does not exist: %v", err)
	}
}

// recorder writes a script that records its arguments, one per line.
func recorder(t *testing.T, name string) (script, record string) {
	dir := t.TempDir()
	script, record = filepath.Join(dir, name), filepath.Join(dir, "args")
	// written whole, then renamed: a reader never sees half the arguments
	body := "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + record + ".tmp && mv " + record + ".tmp " + record + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, record
}

func waitForFile(t *testing.T, path string) string {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return string(b)
		}
	}
	t.Fatalf("%s was never written", path)
	return ""
}

func TestOpenHonoursBrowserEnv(t *testing.T) {
	script, record := recorder(t, "mybrowser")
	o := testOptions(fixtureLib(t))
	o.OpenURL, o.BrowserEnv = nil, script+" --new-tab %s"
	d := newDriver(t, o, 100, 24)
	d.keys("o")
	got := waitForFile(t, record)
	if got != "--new-tab\nhttps://news.example/d\n" {
		t.Errorf("the browser got %q", got)
	}
	if v := d.m.View(); !strings.Contains(v, "opened https://news.example/d") {
		t.Errorf("no report of the open:\n%s", v)
	}
}

func TestOpenHonoursBrowserSetting(t *testing.T) {
	script, record := recorder(t, "setting-browser")
	o := testOptions(fixtureLib(t))
	o.OpenURL, o.Browser, o.BrowserEnv = nil, script+" %u --private", "/no/such/thing"
	d := newDriver(t, o, 100, 24)
	d.keys("o")
	if got := waitForFile(t, record); got != "https://news.example/d\n--private\n" {
		t.Errorf("the browser got %q", got)
	}
}

func TestOpenWithoutAnyBrowserSaysWhatToSet(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no xdg-open, as over SSH
	o := testOptions(fixtureLib(t))
	o.OpenURL = nil
	d := newDriver(t, o, 120, 24)
	d.keys("o")
	if v := d.m.View(); !strings.Contains(v, "not found: set browser in the config or $BROWSER") {
		t.Errorf("no advice when no browser exists:\n%s", v)
	}
}
