package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/ui"
)

func TestEmbeddedDefaultsParse(t *testing.T) {
	lc, err := parseConfig(embeddedSource, defaultConfigTOML)
	if err != nil {
		t.Fatalf("embedded config.example.toml: %v", err)
	}
	if len(lc.Warnings) != 0 {
		t.Errorf("embedded defaults have warnings: %v", lc.Warnings)
	}
	if len(lc.Feeds) < 4 || lc.Feeds[0].URL != "herald:world.xml" {
		t.Errorf("default feeds should start with the embedded sample and list real feeds, got %+v", lc.Feeds)
	}
	if lc.Fetch.Concurrency != feeds.DefaultConcurrency || lc.Fetch.Timeout.Duration != feeds.DefaultTimeout ||
		int64(lc.Fetch.MaxBody) != feeds.DefaultMaxBodyBytes ||
		lc.Fetch.RefreshInterval.Duration != 30*time.Minute || lc.Fetch.MaxBody != 8<<20 {
		t.Errorf("unexpected fetch defaults: %+v", lc.Fetch)
	}
}

// TestExampleDocumentsEveryOption keeps config.example.toml true: every key
// of Config appears in it (as a key or, for example-only tables, commented).
func TestExampleDocumentsEveryOption(t *testing.T) {
	example := string(defaultConfigTOML)
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			key := tag
			if !strings.Contains(example, "\n"+key+" =") && !strings.Contains(example, "# "+key+" =") &&
				!strings.Contains(example, "["+prefix+key+"]") && !strings.Contains(example, "[["+prefix+key+"]]") &&
				!strings.Contains(example, "{ "+key+" =") && !strings.Contains(example, ", "+key+" =") {
				t.Errorf("config.example.toml does not document %s%s", prefix, key)
			}
			ft := f.Type
			for ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && ft.NumField() > 0 && ft.PkgPath() != "time" && !strings.HasSuffix(ft.Name(), "Duration") {
				walk(prefix+key+".", ft)
			}
		}
	}
	walk("", reflect.TypeOf(Config{}))
}

func TestConfigErrorsCarryPosition(t *testing.T) {
	cases := []struct {
		name, toml, want string
	}{
		{"invalid toml", "[fetch]\nconcurrency = \n", "cfg.toml:2:15: "},
		{"wrong type", "[fetch]\nconcurrency = \"many\"\n", "cfg.toml:2:15: "},
		{"bad duration", "[fetch]\ntimeout = \"5 parsecs\"\n", "cfg.toml:2:11: invalid duration"},
		{"bad size", "[fetch]\nmax_body = \"lots\"\n", "cfg.toml:2:12: invalid size"},
		{"concurrency range", "[fetch]\nconcurrency = 0\n", "cfg.toml:2:1: fetch.concurrency must be between 1 and 256"},
		{"short interval", "[fetch]\nrefresh_interval = \"5s\"\n", "cfg.toml:2:1: fetch.refresh_interval"},
		{"bad scheme", "[[feeds]]\nurl = \"gopher://x/feed\"\n", "cfg.toml:2:8: feeds[0]: unsupported URL scheme"},
		{"duplicate feed", "[[feeds]]\nurl = \"https://a/x\"\n[[feeds]]\nurl = \"https://a/x\"\n", "listed twice"},
		{"empty url", "[[feeds]]\ntitle = \"x\"\n", "feeds[0]: url is empty"},
		{"bad colour", "[theme]\nquote = \"#12345\"\nleader = \"not-a-colour\"\n", "cfg.toml:3:1: theme.leader: colour"},
		{"unknown action", "[keys]\nfly = [\"F\"]\n", "cfg.toml:1:1: keys: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseConfig("cfg.toml", []byte(c.toml))
			if err == nil {
				t.Fatalf("no error for %q", c.toml)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

func TestUnknownKeyIsAWarningWithLine(t *testing.T) {
	lc, err := parseConfig("cfg.toml", []byte("[fetch]\nconcurrency = 4\ncolour = \"red\"\n[nonsense]\nx = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if lc.Fetch.Concurrency != 4 {
		t.Errorf("known keys must still apply, concurrency = %d", lc.Fetch.Concurrency)
	}
	joined := strings.Join(lc.Warnings, "\n")
	for _, want := range []string{`cfg.toml:3:1: unknown key "fetch.colour"`, `cfg.toml:4:2: unknown key "nonsense"`} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q lack %q", joined, want)
		}
	}
}

func TestUserConfigKeepsDefaultsItOmits(t *testing.T) {
	lc, err := parseConfig("cfg.toml", []byte("[fetch]\nconcurrency = 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if lc.Fetch.Timeout.Duration != 20*time.Second || len(lc.Feeds) == 0 {
		t.Errorf("omitted options should keep defaults: %+v, %d feeds", lc.Fetch, len(lc.Feeds))
	}
	lc, err = parseConfig("cfg.toml", []byte("[[feeds]]\nurl = \"file:///tmp/a.xml\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(lc.Feeds) != 1 || lc.Feeds[0].URL != "file:///tmp/a.xml" {
		t.Errorf("a user's feeds replace the default feeds, got %+v", lc.Feeds)
	}
}

func TestConfigLookupOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flagFile := write("flag.toml", "[fetch]\nconcurrency = 1\n")
	envFile := write("env.toml", "[fetch]\nconcurrency = 2\n")
	write("xdg/herald/config.toml", "[fetch]\nconcurrency = 3\n")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg"))
	xdg.Reload()
	t.Cleanup(xdg.Reload)

	t.Setenv("HERALD_CONFIG", envFile)
	for _, c := range []struct {
		flag string
		env  string
		want int
	}{{flagFile, envFile, 1}, {"", envFile, 2}, {"", "", 3}} {
		t.Setenv("HERALD_CONFIG", c.env)
		lc, err := LoadConfig(c.flag)
		if err != nil {
			t.Fatal(err)
		}
		if lc.Fetch.Concurrency != c.want {
			t.Errorf("flag=%q env=%q: concurrency %d, want %d", c.flag, c.env, lc.Fetch.Concurrency, c.want)
		}
	}
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "empty"))
	xdg.Reload()
	lc, err := LoadConfig("")
	if err != nil || lc.Source != embeddedSource {
		t.Errorf("with no file the embedded defaults apply, got %v, %v", lc, err)
	}
	if _, err := LoadConfig(filepath.Join(dir, "missing.toml")); err == nil || !strings.Contains(err.Error(), "missing.toml") {
		t.Errorf("a named config that does not exist is an error naming it, got %v", err)
	}
}

func TestNLPAliasesAttachToEntities(t *testing.T) {
	lc, err := parseConfig("cfg.toml", []byte("[nlp.aliases]\n\"Bojo\" = \"boris-johnson\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	extra, err := lc.NLP.Gazetteer()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range extra.Leaders {
		for _, a := range l.Aliases {
			found = found || (l.ID == "boris-johnson" && a == "Bojo")
		}
	}
	if !found {
		t.Errorf("alias not attached to boris-johnson: %+v", extra.Leaders)
	}
	lc, _ = parseConfig("cfg.toml", []byte("[nlp.aliases]\n\"Zed\" = \"no-such-id\"\n"))
	if _, err := lc.NLP.Gazetteer(); err == nil || !strings.Contains(err.Error(), "no-such-id") {
		t.Errorf("an alias to an unknown id must be an error naming it, got %v", err)
	}
}

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"8MiB": 8 << 20, "512KB": 512000, "1024": 1024, " 2 GiB": 2 << 30, "10B": 10} {
		got, err := parseByteSize(in)
		if err != nil || got != want {
			t.Errorf("parseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1MiB", "1.5MiB", "MiB", "ten"} {
		if _, err := parseByteSize(in); err == nil {
			t.Errorf("parseByteSize(%q) should fail", in)
		}
	}
}

// TestExampleListsEveryKeyBinding keeps the [keys] comment of
// config.example.toml equal to the reader's real defaults.
func TestExampleListsEveryKeyBinding(t *testing.T) {
	defaults := ui.DefaultKeys()
	for _, name := range ui.DefaultKeyNames() {
		quoted := make([]string, len(defaults[name]))
		for i, k := range defaults[name] {
			quoted[i] = strconv.Quote(k)
		}
		line := fmt.Sprintf("# %s = [%s]\n", name, strings.Join(quoted, ", "))
		if !strings.Contains(string(defaultConfigTOML), line) {
			t.Errorf("config.example.toml lacks %q", line)
		}
	}
}
