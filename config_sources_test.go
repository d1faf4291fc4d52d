package main

import (
	"context"
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

func TestSourcesConfigAppKeyErrors(t *testing.T) {
	const gr = "[[sources]]\nname = \"ino\"\ntype = \"greader\"\nurl = \"https://www.inoreader.com\"\nusername = \"ana\"\npassword_env = \"P\"\n"
	for _, c := range []struct{ toml, want string }{
		{gr + "app_id = \"1\"\n", "app_id needs its key"},
		{gr + "app_key_env = \"K\"\n", "needs its app_id"},
		{gr + "app_id = \"1\"\napp_key = \"k\"\napp_key_env = \"K\"\n", "set one of app_key"},
		{gr + "app_id = \"1\"\napp_key_command = \"pass 'show\"\n", "app_key_command: "},
		{"[[sources]]\nname = \"a\"\ntype = \"miniflux\"\nurl = \"https://x\"\ntoken = \"t\"\napp_id = \"1\"\napp_key = \"k\"\n", `for type "greader"`},
	} {
		_, err := parseConfig("cfg.toml", []byte(c.toml))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "cfg.toml:") {
			t.Errorf("%q: err = %v, want cfg.toml:line: ...%s", c.toml, err, c.want)
		}
	}
}

// An Inoreader source sends its app id, and the key read from the
// environment, with its login and every request after it.
func TestSourcesConfigInoreaderHeaders(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.Path+" "+r.Header.Get("AppId")+" "+r.Header.Get("AppKey"))
		mu.Unlock()
		if r.Header.Get("AppId") != "1000001234" || r.Header.Get("AppKey") != "k3y-from-env" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, "Error=AppNotFound")
			return
		}
		switch r.URL.Path {
		case "/accounts/ClientLogin":
			r.ParseForm()
			if r.Form.Get("Email") != "ana" || r.Form.Get("Passwd") != "pw" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			fmt.Fprint(w, "SID=x\nLSID=x\nAuth=tok\n")
		case "/reader/api/0/subscription/list":
			fmt.Fprint(w, `{"subscriptions":[]}`)
		case "/reader/api/0/stream/items/ids":
			fmt.Fprint(w, `{"itemRefs":[]}`)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	t.Setenv("HERALD_TEST_INO_KEY", "k3y-from-env")
	t.Setenv("HERALD_TEST_INO_PW", "pw")
	lc, err := parseConfig("cfg.toml", []byte(`
[[sources]]
name = "ino"
type = "greader"
url = "`+srv.URL+`"
username = "ana"
password_env = "HERALD_TEST_INO_PW"
app_id = "1000001234"
app_key_env = "HERALD_TEST_INO_KEY"
`))
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := lc.sources()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := srcs[0].Sync(context.Background(), st); err != nil {
		t.Fatalf("sync with the app id and key: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) < 4 || !strings.HasPrefix(seen[0], "/accounts/ClientLogin ") {
		t.Errorf("requests = %q; want the login, then the lists", seen)
	}
	for _, r := range seen {
		if !strings.HasSuffix(r, " 1000001234 k3y-from-env") {
			t.Errorf("request without the app id and key: %q", r)
		}
	}
}
