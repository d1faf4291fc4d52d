package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// Every bad value is reported as file:line:col and what is wrong.
func TestConfigValueErrorsHavePosition(t *testing.T) {
	cases := []struct {
		name, toml, want string
	}{
		{"size overflow", "[fetch]\nmax_body = \"18446744073717552KB\"\n", "cfg.toml:2:12: size \"18446744073717552KB\" is too large"},
		{"size overflow, bytes", "[fetch]\nmax_body = \"9223372036854775807KiB\"\n", "cfg.toml:2:12: size"},
		{"integer timeout", "[fetch]\ntimeout = 30\n", "cfg.toml:2:11: timeout: 30 is a number without a unit"},
		{"float timeout", "[fetch]\ntimeout = 0.5\n", "cfg.toml:2:11: timeout: 0.5 is a number without a unit"},
		{"integer interval", "[fetch]\nrefresh_interval = 60 # minutes\n", "cfg.toml:2:20: refresh_interval: 60 is a number"},
		{"leader without id", "[[nlp.leaders]]\nid = \"a-b\"\nname = \"A B\"\n[[nlp.leaders]]\nname = \"X Y\"\n", "cfg.toml:4:1: nlp.leaders[1] has no id"},
		{"retention under a day", "[store]\nkeep = \"2h\"\n", "cfg.toml:2:8: period \"2h\" is under a day"},
		{"retention unitless", "[store]\nkeep = 90\n", "cfg.toml:2:8: keep: invalid period \"90\""},
		{"negative cap", "[store]\nmax_articles_per_feed = -1\n", "cfg.toml:2:1: store.max_articles_per_feed"},
		{"country without id", "[[nlp.countries]]\nname = \"Freedonia\"\n", "cfg.toml:1:1: nlp.countries[0] has no id"},
		{"lexicon title class", "[nlp.lexicon]\nnot_names = [\"Brexit\"]\ntitles = [{ phrase = \"rabbi\", class = \"cleric\" }]\n",
			"cfg.toml:3:1: nlp.lexicon.titles[0]: unknown class \"cleric\""},
		{"lexicon verb flag", "[nlp.lexicon]\nreporting_verbs = [{ lemma = \"opine\", flags = [\"loudly\"] }]\n",
			"cfg.toml:2:1: nlp.lexicon.reporting_verbs[0]: unknown flag \"loudly\""},
		{"lexicon honorific table", "[[nlp.lexicon.honorifics]]\nword = \"Dame\"\n\n[[nlp.lexicon.honorifics]]\nword = \"Maître\"\ngender = \"male\"\n",
			"cfg.toml:4:1: nlp.lexicon.honorifics[1]: gender \"male\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseConfig("cfg.toml", []byte(c.toml))
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want a *ConfigError", err, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

func TestConfigKeyErrorSaysKeysOnce(t *testing.T) {
	_, err := parseConfig("cfg.toml", []byte("[keys]\nquit = [\"q\"]\nhelp = [\"q\"]\n"))
	if err == nil {
		t.Fatal("a key bound twice was accepted")
	}
	if strings.Contains(err.Error(), "keys: keys:") || !strings.Contains(err.Error(), "cfg.toml:1:1: keys: ") {
		t.Errorf("error %q", err)
	}
}

func TestRetentionConfig(t *testing.T) {
	for in, want := range map[string]time.Duration{`"90d"`: 90 * 24 * time.Hour, `"2w"`: 14 * 24 * time.Hour, `"0"`: 0, `"48h"`: 48 * time.Hour} {
		lc, err := parseConfig("cfg.toml", []byte("[store]\nkeep = "+in+"\n"))
		if err != nil {
			t.Errorf("keep = %s: %v", in, err)
			continue
		}
		if lc.Store.Keep.Duration != want {
			t.Errorf("keep = %s: %s, want %s", in, lc.Store.Keep.Duration, want)
		}
	}
	lc, err := parseConfig(embeddedSource, defaultConfigTOML)
	if err != nil {
		t.Fatal(err)
	}
	if lc.Store.Keep.Duration != 90*24*time.Hour || lc.Store.MaxArticlesPerFeed != 2000 {
		t.Errorf("default retention: keep %s, cap %d", lc.Store.Keep.Duration, lc.Store.MaxArticlesPerFeed)
	}
}

func TestConfigWithBOM(t *testing.T) {
	lc, err := parseConfig("cfg.toml", []byte("\xef\xbb\xbf[fetch]\ntimeout = \"30s\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if lc.Fetch.Timeout.Seconds() != 30 {
		t.Errorf("timeout %s", lc.Fetch.Timeout)
	}
}

// An alias naming no known id stops herald with the alias's position and
// exit code 2.
func TestBadAliasTargetExits2WithPosition(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("[store]\npath = \""+filepath.Join(dir, "h.db")+"\"\n[nlp.aliases]\n\"Bibi\" = \"no-such-leader\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("Bibi said \"no\".\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"--config", cfg, "extract", article}, strings.NewReader(""), &stdout, &stderr)
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	if want := cfg + ":4:1: nlp.aliases: \"Bibi\" names \"no-such-leader\""; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}

// [nlp.lexicon] reaches the annotator: a user's reporting verb cues
// reported speech, and the annotator's version changes with it.
func TestConfigLexiconReachesTheAnnotator(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	conf := "[store]\npath = \"" + filepath.Join(dir, "h.db") + "\"\n[nlp.lexicon]\n" +
		"reporting_verbs = [{ lemma = \"opine\", forms = [\"opine\", \"opined\"], flags = [\"invert\", \"bare\"] }]\n"
	if err := os.WriteFile(cfg, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("Maria Lopez opined that the vote was lost.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"--config", cfg, "extract", article}, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var doc struct {
		Schema struct {
			Annotator string `json:"annotator"`
		} `json:"schema"`
		Statements []struct {
			Kind, Cue string
			Speaker   struct{ Name string }
		} `json:"statements"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if len(doc.Statements) != 1 || doc.Statements[0].Cue != "opined" || doc.Statements[0].Speaker.Name != "Maria Lopez" {
		t.Errorf("statements %+v, want Maria Lopez's, cued by opined", doc.Statements)
	}
	if doc.Schema.Annotator == "" || doc.Schema.Annotator == nlp.Default().Version() {
		t.Errorf("annotator version %q is the embedded lexicon's", doc.Schema.Annotator)
	}
}

// FuzzConfig feeds arbitrary files to the loader: it returns a config or
// a *ConfigError, never panics.
func FuzzConfig(f *testing.F) {
	f.Add(defaultConfigTOML)
	for _, s := range []string{
		"[fetch]\ntimeout = 30\n", "[fetch]\nmax_body = \"18446744073717552KB\"\n", "\xef\xbb\xbf[store]\npath = \"x\"\n",
		"[[nlp.leaders]]\nname = \"x\"\n", "[keys]\nquit = [\"q\"]\nhelp = [\"q\"]\n", "[[feeds]]\nurl = \"gopher://x\"\n",
		"[nlp.aliases]\n'x' = 'y'\n", "[theme]\nleader = \"#zz\"\n",
		"[nlp.lexicon]\nreporting_verbs = [{ lemma = \"opine\" }]\nnot_names = [\"\"]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lc, err := parseConfig("fuzz.toml", data)
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T) is not a *ConfigError", err, err)
			}
			return
		}
		if lc.Fetch.Timeout.Duration <= 0 || lc.Fetch.MaxBody <= 0 {
			t.Fatalf("accepted timeout %s, max_body %d", lc.Fetch.Timeout, lc.Fetch.MaxBody)
		}
	})
}
