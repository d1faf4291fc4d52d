package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSourcesConfig(t *testing.T) {
	lc, err := parseConfig("cfg.toml", []byte(`
[[sources]]
name = "home"
type = "miniflux"
url = "https://rss.example.org"
password_env = "HERALD_TEST_TOKEN"

[[sources]]
name = "fresh"
type = "greader"
url = "https://fresh.example.org/api/greader.php"
username = "ana"
password_command = "pass show fresh"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(lc.Sources) != 2 || lc.Sources[1].PasswordCommand != "pass show fresh" {
		t.Fatalf("sources = %+v", lc.Sources)
	}
	srcs, err := lc.sources()
	if err != nil || len(srcs) != 2 || srcs[0].Name() != "home" {
		t.Fatalf("sources() = %v, %v", srcs, err)
	}
	if got := lc.sourceNames(); strings.Join(got, ",") != "home,fresh" {
		t.Errorf("sourceNames = %v", got)
	}
}

func TestSourcesConfigErrors(t *testing.T) {
	for _, c := range []struct{ toml, want string }{
		{"[[sources]]\ntype = \"miniflux\"\nurl = \"https://x\"\ntoken = \"t\"\n", "name is empty"},
		{"[[sources]]\nname = \"a\"\ntype = \"ttrss\"\nurl = \"https://x\"\ntoken = \"t\"\n", `type must be "miniflux" or "greader"`},
		{"[[sources]]\nname = \"a\"\ntype = \"miniflux\"\nurl = \"https://x\"\n", "needs token, password_env or password_command"},
		{"[[sources]]\nname = \"a\"\ntype = \"greader\"\nurl = \"https://x\"\npassword_env = \"P\"\n", "greader needs username"},
		{"[[sources]]\nname = \"a\"\ntype = \"miniflux\"\nurl = \"ftp://x\"\ntoken = \"t\"\n", "not an http(s) URL"},
		{"[[sources]]\nname = \"a\"\ntype = \"miniflux\"\nurl = \"https://x\"\npassword_command = \"pass 'show\"\n", "unclosed quote"},
		{"[[sources]]\nname = \"a\"\ntype = \"miniflux\"\nurl = \"https://x\"\ntoken = \"t\"\n[[sources]]\nname = \"a\"\ntype = \"miniflux\"\nurl = \"https://y\"\ntoken = \"t\"\n", "used twice"},
	} {
		_, err := parseConfig("cfg.toml", []byte(c.toml))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "cfg.toml:") {
			t.Errorf("%q: err = %v, want cfg.toml:line: ...%s", c.toml, err, c.want)
		}
	}
}

func TestSourceSecret(t *testing.T) {
	t.Setenv("HERALD_TEST_SECRET", "from-env")
	if got, err := (SourceConfig{PasswordEnv: "HERALD_TEST_SECRET"}).secret(context.Background()); err != nil || got != "from-env" {
		t.Errorf("env secret = %q, %v", got, err)
	}
	if _, err := (SourceConfig{PasswordEnv: "HERALD_TEST_UNSET_VAR"}).secret(context.Background()); err == nil ||
		!strings.Contains(err.Error(), "HERALD_TEST_UNSET_VAR") {
		t.Errorf("unset env: %v", err)
	}
	// No shell: $HOME and ; stay literal words.
	got, err := (SourceConfig{PasswordCommand: `echo '$HOME;x' "a b"`}).secret(context.Background())
	if err != nil || got != "$HOME;x a b" {
		t.Errorf("command secret = %q, %v", got, err)
	}
	script := filepath.Join(t.TempDir(), "fail")
	os.WriteFile(script, []byte("#!/bin/sh\necho nope >&2\nexit 3\n"), 0o755)
	if _, err := (SourceConfig{PasswordCommand: script}).secret(context.Background()); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("failing command: %v", err)
	}
}
