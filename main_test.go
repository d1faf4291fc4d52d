package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/nlp"
)

// runCLI runs herald in-process with its own config and data dirs.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HERALD_CONFIG", "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	return dir
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := runCLI(t, "", "--version")
	if code != exitOK || !strings.HasPrefix(out, "herald ") {
		t.Errorf("--version: code %d, out %q", code, out)
	}
	code, out, _ = runCLI(t, "", "--help")
	if code != exitOK || !strings.Contains(out, "  extract ") || !strings.Contains(out, "--config FILE") {
		t.Errorf("--help: code %d, out %q", code, out)
	}
}

func TestBadUsageExitsTwo(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{
		{"frobnicate"},
		{"--no-such-flag"},
		{"extract", "--format", "yaml", "-"},
		{"extract", "a", "b"},
		{"fetch", "extra"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%v: code %d (want 2), stderr %q", args, code, errOut)
		}
	}
}

func TestBadConfigExitsTwoWithPosition(t *testing.T) {
	dir := isolate(t)
	cfg := filepath.Join(dir, "bad.toml")
	os.WriteFile(cfg, []byte("[fetch]\ntimeout = \"soon\"\n"), 0o644)
	code, _, errOut := runCLI(t, "x", "--config", cfg, "extract", "-")
	if code != exitUsage || !strings.Contains(errOut, cfg+":2:11:") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

func TestExtractJSONShape(t *testing.T) {
	isolate(t)
	in := "Talks resume\n\n“We will not give up,” Prime Minister Keir Starmer said in London.\n"
	code, out, errOut := runCLI(t, in, "extract", "--format", "json", "-")
	if code != exitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"text", "entities", "statements"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	var doc nlp.Doc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.Text, "Talks resume") {
		t.Errorf("text = %q", doc.Text)
	}
	for _, e := range doc.Entities {
		if doc.Text[e.Start:e.End] != e.Text {
			t.Errorf("entity %+v does not match its span", e)
		}
	}
}

func TestExtractHTMLInput(t *testing.T) {
	isolate(t)
	in := "<html><body><script>var x = 1;</script><p>First &amp; second.</p><p>Third</p></body></html>"
	code, out, errOut := runCLI(t, in, "extract", "--format", "json", "-")
	if code != exitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	var doc nlp.Doc
	json.Unmarshal([]byte(out), &doc)
	if doc.Text != "First & second.\nThird" {
		t.Errorf("HTML not turned into paragraphs: %q", doc.Text)
	}
}
