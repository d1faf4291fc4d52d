package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"github.com/herald-reader/herald/feeds/opml"
)

// feedsEnv isolates the config lookup and returns a scratch directory.
func feedsEnv(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HERALD_CONFIG", "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg-config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg-data"))
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return dir
}

func runFeedsCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func opmlFixture(name string) string { return filepath.Join("testdata", "opml", name) }

const importTestConfig = `# My herald setup — keep this comment.
[[feeds]]
url = "https://wire.example/world.rss" # the wire, already here
title = "Global Wire"

[fetch]
concurrency = 4   # be gentle
`

func writeTestConfig(t *testing.T, dir, content string) string {
	t.Helper()
	p := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestFeedsImportAppendsAndKeepsComments(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, importTestConfig)
	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", opmlFixture("nested.opml"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"added    Top level feed <https://top.example/feed.xml>",
		"added    Europe Desk & Friends <https://europe.example/rss> [World, Europe]",
		"skipped  https://wire.example/world.rss (line 18): already subscribed",
		"skipped  https://wire.example/world.rss (line 22): already subscribed",
		"4 feeds added to " + cfg + ", 2 skipped",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), importTestConfig) {
		t.Errorf("the original text changed:\n%s", data)
	}
	if fi, _ := os.Stat(cfg); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode changed to %v", fi.Mode().Perm())
	}
	lc, err := LoadConfig(cfg)
	if err != nil {
		t.Fatalf("config no longer loads: %v\n%s", err, data)
	}
	if len(lc.Warnings) > 0 || lc.Fetch.Concurrency != 4 {
		t.Errorf("warnings %v, concurrency %d", lc.Warnings, lc.Fetch.Concurrency)
	}
	got := map[string]FeedConfig{}
	for _, f := range lc.Feeds {
		got[f.URL] = f
	}
	if len(lc.Feeds) != 5 {
		t.Errorf("%d feeds, want 5: %+v", len(lc.Feeds), lc.Feeds)
	}
	europe := got["https://europe.example/rss"]
	if europe.Title != "Europe Desk & Friends" || strings.Join(europe.Tags, ",") != "World,Europe" {
		t.Errorf("europe feed = %+v", europe)
	}
	if tt := got["https://thinktank.example/feed"]; strings.Join(tt.Tags, ",") != "Analysis" {
		t.Errorf("think tank feed = %+v", tt)
	}
}

func TestFeedsRoundTrip(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, importTestConfig)
	if code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", opmlFixture("nested.opml")); code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	code, exported, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "export")
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	if !strings.Contains(exported, `<opml version="2.0">`) || !strings.Contains(exported, "<dateCreated>") {
		t.Errorf("not OPML 2.0 with a date:\n%s", exported)
	}
	list, err := opml.Parse(strings.NewReader(exported))
	if err != nil {
		t.Fatalf("exported OPML does not parse: %v", err)
	}
	if len(list) != 5 {
		t.Errorf("exported %d feeds, want 5", len(list))
	}
	exportedFile := filepath.Join(dir, "exported.opml")
	if err := os.WriteFile(exportedFile, []byte(exported), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(cfg)
	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", exportedFile)
	if code != exitOK || !strings.Contains(out, "nothing new") || strings.Contains(out, "added") {
		t.Errorf("re-import: exit %d, out %q, err %q", code, out, errOut)
	}
	after, _ := os.ReadFile(cfg)
	if !bytes.Equal(before, after) {
		t.Errorf("re-import changed the config")
	}
	// A fresh config that imports the export gets the same feeds and tags.
	fresh := filepath.Join(dir, "fresh")
	if err := os.MkdirAll(fresh, 0o755); err != nil {
		t.Fatal(err)
	}
	other := writeTestConfig(t, fresh, "[[feeds]]\nurl = \"https://unrelated.example/rss\"\n")
	if code, _, errOut := runFeedsCLI(t, "--config", other, "feeds", "import", exportedFile); code != exitOK {
		t.Fatalf("import into fresh config: %s", errOut)
	}
	orig, _ := LoadConfig(cfg)
	copied, err := LoadConfig(other)
	if err != nil {
		t.Fatal(err)
	}
	if len(copied.Feeds) != len(orig.Feeds)+1 {
		t.Fatalf("fresh config has %d feeds, want %d", len(copied.Feeds), len(orig.Feeds)+1)
	}
	for i, f := range orig.Feeds {
		c := copied.Feeds[i+1]
		if c.URL != f.URL || c.Title != f.Title || strings.Join(c.Tags, ",") != strings.Join(f.Tags, ",") {
			t.Errorf("feed %d: %+v after the round trip, was %+v", i, c, f)
		}
	}
}

func TestFeedsImportOnEmbeddedDefaultsCreatesConfig(t *testing.T) {
	dir := feedsEnv(t)
	code, out, errOut := runFeedsCLI(t, "feeds", "import", opmlFixture("latin1-v1.opml"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	created := filepath.Join(dir, "xdg-config", "herald", "config.toml")
	if !strings.Contains(out, "2 feeds added to "+created) {
		t.Errorf("output %q does not name %s", out, created)
	}
	data, err := os.ReadFile(created)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, defaultConfigTOML) {
		t.Error("the new config does not start from the commented example")
	}
	lc, err := LoadConfig("")
	if err != nil || lc.Source != created {
		t.Fatalf("LoadConfig: %v, source %v", err, lc)
	}
	defaults, _ := parseConfig(embeddedSource, defaultConfigTOML)
	if len(lc.Feeds) != len(defaults.Feeds)+2 {
		t.Errorf("%d feeds, want the %d defaults plus 2", len(lc.Feeds), len(defaults.Feeds))
	}
	last := lc.Feeds[len(lc.Feeds)-2]
	if last.Title != "Le Monde à la une" || strings.Join(last.Tags, ",") != "Presse française" {
		t.Errorf("latin-1 feed = %+v", last)
	}
}

func TestFeedsImportKeepsDefaultsOfAFeedlessConfig(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, "[fetch]\nconcurrency = 2\n")
	if code, _, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", opmlFixture("latin1-v1.opml")); code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	lc, err := LoadConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defaults, _ := parseConfig(embeddedSource, defaultConfigTOML)
	if len(lc.Feeds) != len(defaults.Feeds)+2 || lc.Feeds[0].URL != defaults.Feeds[0].URL {
		t.Errorf("feeds after import: %+v", lc.Feeds)
	}
}

func TestFeedsImportErrors(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, importTestConfig)
	inline := filepath.Join(dir, "inline")
	if err := os.MkdirAll(inline, 0o755); err != nil {
		t.Fatal(err)
	}
	inlineCfg := writeTestConfig(t, inline, "feeds = [{ url = \"https://a.example/rss\" }]\n")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"malformed", []string{"--config", cfg, "feeds", "import", opmlFixture("malformed.opml")}, exitFailure, "malformed.opml:7: element <outline> closed by </body>"},
		{"not opml", []string{"--config", cfg, "feeds", "import", opmlFixture("not-opml.xml")}, exitFailure, "not-opml.xml:2:"},
		{"missing file", []string{"--config", cfg, "feeds", "import", filepath.Join(dir, "nope.opml")}, exitFailure, "nope.opml"},
		{"inline feeds array", []string{"--config", inlineCfg, "feeds", "import", opmlFixture("latin1-v1.opml")}, exitFailure, "the file is unchanged"},
		{"no file", []string{"--config", cfg, "feeds", "import"}, exitUsage, "one FILE or -"},
		{"no sub-command", []string{"--config", cfg, "feeds"}, exitUsage, "sub-command"},
		{"unknown sub-command", []string{"--config", cfg, "feeds", "sync"}, exitUsage, `unknown sub-command "sync"`},
		{"export with args", []string{"--config", cfg, "feeds", "export", "x"}, exitUsage, "no arguments"},
	}
	before, _ := os.ReadFile(cfg)
	for _, tt := range tests {
		code, _, errOut := runFeedsCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d (want %d), stderr %q (want %q)", tt.name, code, tt.code, errOut, tt.want)
		}
	}
	if after, _ := os.ReadFile(cfg); !bytes.Equal(before, after) {
		t.Error("a failed import changed the config")
	}
	if after, _ := os.ReadFile(inlineCfg); string(after) != "feeds = [{ url = \"https://a.example/rss\" }]\n" {
		t.Errorf("the inline config changed: %q", after)
	}
}

func TestFeedsImportHostileText(t *testing.T) {
	dir := feedsEnv(t)
	cfg := writeTestConfig(t, dir, importTestConfig)
	doc := `<?xml version="1.0"?>
<opml version="1.0"><body>
<outline text="Quotes &quot;and&quot; back\slash&#x9b;31m" xmlUrl="https://q.example/rss"/>
<outline text="Folder&#10;[[feeds]]&#10;url = &quot;https://injected.example&quot;">
  <outline text="inner" xmlUrl="https://inner.example/rss"/>
</outline>
<outline text="scripted" xmlUrl="javascript:alert(1)"/>
<outline text="relative" xmlUrl="feed.xml"/>
<outline text="again" xmlUrl="HTTPS://Q.example/rss/"/>
</body></opml>`
	file := filepath.Join(dir, "hostile\nname.opml")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runFeedsCLI(t, "--config", cfg, "feeds", "import", file)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `javascript:alert(1) (line 7): unsupported URL scheme "javascript"`) ||
		!strings.Contains(out, "feed.xml (line 8): not an absolute URL") ||
		!strings.Contains(out, "HTTPS://Q.example/rss/ (line 9): listed before, at line 3") {
		t.Errorf("bad URLs not reported:\n%s", out)
	}
	lc, err := LoadConfig(cfg)
	if err != nil {
		data, _ := os.ReadFile(cfg)
		t.Fatalf("config broken: %v\n%s", err, data)
	}
	var urls []string
	for _, f := range lc.Feeds {
		urls = append(urls, f.URL)
		if f.URL == "https://q.example/rss" && f.Title != `Quotes "and" back\slash` {
			t.Errorf("title = %q", f.Title)
		}
		if f.URL == "https://inner.example/rss" && (len(f.Tags) != 1 || !strings.Contains(f.Tags[0], "[[feeds]]")) {
			t.Errorf("folder tag = %q", f.Tags)
		}
	}
	if got := strings.Join(urls, " "); got != "https://wire.example/world.rss https://q.example/rss https://inner.example/rss" {
		t.Errorf("feeds = %s", got)
	}
}
