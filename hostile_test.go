package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIOutputsCarryNoEscapes runs fetch, export and extract over the
// hostile fixture feeds: no ESC byte (nor any other C0/C1 control but
// newline and tab) may reach the terminal.
func TestCLIOutputsCarryNoEscapes(t *testing.T) {
	dir := isolate(t)
	var cfg strings.Builder
	for _, f := range []string{"hostile.xml", "hostile.atom", "hostile.json", "hostile-charref.xml", "hostile-c1ref.xml"} {
		abs, err := filepath.Abs(filepath.Join("testdata", "hostile", f))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&cfg, "[[feeds]]\nurl = %q\n", "file://"+abs)
	}
	fmt.Fprintf(&cfg, "[store]\npath = %q\n[export]\ndir = %q\n", filepath.Join(dir, "h.db"), filepath.Join(dir, "exports"))
	cfgPath := filepath.Join(dir, "config.toml")
	os.WriteFile(cfgPath, []byte(cfg.String()), 0o644)

	check := func(what, out string) {
		t.Helper()
		for i, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e {
				t.Errorf("%s: control %U at byte %d: %q", what, r, i, out[max(0, i-20):min(len(out), i+20)])
				return
			}
		}
	}
	code, out, errOut := runCLI(t, "", "--config", cfgPath, "fetch")
	if code != exitOK && code != exitFailure { // some hostile feeds may fail to parse
		t.Fatalf("fetch: code %d\n%s", code, errOut)
	}
	check("fetch stdout", out)
	check("fetch stderr", errOut)

	code, out, errOut = runCLI(t, "", "--config", cfgPath, "export", "-o", "-")
	if code != exitOK {
		t.Fatalf("export: code %d\n%s", code, errOut)
	}
	if !strings.HasPrefix(out, "---\ntitle: ") {
		t.Errorf("export wrote no markdown: %q", out)
	}
	check("export stdout", out)
	check("export stderr", errOut)

	raw, err := os.ReadFile(filepath.Join("testdata", "hostile", "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}
	hostileText := "Title \x1b]0;pwned\x07 here\n\x1b[2J“We will \x1b]52;c;ZXZpbA==\x07win,” \u202eMr Smith said.\x9b31m\n" + string(raw)
	for _, format := range []string{"json", "text", "markdown"} {
		code, out, errOut = runCLI(t, hostileText, "--config", cfgPath, "extract", "--format", format, "-")
		if code != exitOK {
			t.Fatalf("extract %s: code %d\n%s", format, code, errOut)
		}
		check("extract "+format, out)
		if strings.Contains(out, "pwned") || strings.Contains(out, "ZXZpbA") {
			t.Errorf("extract %s: the payload of an escape sequence is shown as text: %q", format, out)
		}
	}
}
