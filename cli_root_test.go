package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func TestConfigAndHelpAnywhere(t *testing.T) {
	dir := isolate(t)
	cfg := filepath.Join(dir, "bad.toml")
	os.WriteFile(cfg, []byte("[fetch]\ntimeout = \"soon\"\n"), 0o644)
	// The bad config is read wherever --config stands.
	for _, args := range [][]string{
		{"--config", cfg, "extract", "-"},
		{"extract", "--config", cfg, "-"},
		{"extract", "-", "--config=" + cfg},
	} {
		code, _, errOut := runCLI(t, "x", args...)
		if code != exitUsage || !strings.Contains(errOut, cfg+":2:11:") {
			t.Errorf("%v: code %d, stderr %q", args, code, errOut)
		}
	}
	for _, args := range [][]string{
		{"extract", "--help"},
		{"--help", "extract"},
		{"extract", "-", "--format", "text", "--help"},
		{"help", "extract"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitOK || errOut != "" || !strings.Contains(out, "--format FORMAT") || !strings.Contains(out, "--date DATE") {
			t.Errorf("%v: code %d, stderr %q, stdout %q", args, code, errOut, out)
		}
	}
}

func TestUsageErrorsNameTheProblem(t *testing.T) {
	isolate(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"--frobnicate"}, "unknown flag: --frobnicate"},
		{[]string{"fetch", "--format", "x"}, "unknown flag: --format"},
		{[]string{"extract", "--format", "yaml"}, `unknown --format "yaml" (json, markdown or text)`},
		{[]string{"extract", "--date", "Monday", "-"}, `--date "Monday"`},
		{[]string{"export", "--group", "feed"}, `unknown --group "feed"`},
		{[]string{"feeds", "import"}, "one FILE or -"},
	}
	for _, tt := range tests {
		code, out, errOut := runCLI(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("%v: code %d, stdout %q, stderr %q (want %q)", tt.args, code, out, errOut, tt.want)
		}
	}
}

func TestReaderWithoutTerminalExitsTwo(t *testing.T) {
	dir := isolate(t)
	code, _, errOut := runCLI(t, "")
	if code != exitUsage || !strings.Contains(errOut, "needs a terminal") || strings.Contains(errOut, "TTY") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "herald")); err == nil {
		t.Error("the reader created its store before finding there is no terminal")
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	tests := []struct {
		info debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, "devel-0123456789ab-dirty"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc"}}}, "devel-abc"},
		{debug.BuildInfo{}, "devel"},
	}
	for _, tt := range tests {
		if got := versionOf(&tt.info); got != tt.want {
			t.Errorf("versionOf(%+v) = %q, want %q", tt.info.Main, got, tt.want)
		}
	}
	code, out, _ := runCLI(t, "", "--version")
	if code != exitOK || out != "herald "+buildVersion()+"\n" {
		t.Errorf("--version: code %d, %q", code, out)
	}
}

func TestCompletionOffersFlagValues(t *testing.T) {
	code, out, _ := runCLI(t, "", "__complete", "export", "--format", "")
	if code != exitOK || !strings.Contains(out, "markdown\njson\ncsv\n") {
		t.Errorf("code %d, completions %q", code, out)
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, want := range map[string]string{
		"bash": "__start_herald",
		"zsh":  "#compdef herald",
		"fish": "complete -c herald",
	} {
		code, out, errOut := runCLI(t, "", "completion", shell)
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("completion %s: code %d, stderr %q, no %q in the script", shell, code, errOut, want)
		}
	}
}

// TestManPagesFromTheTree generates the man pages and checks that every
// command of the tree has one that documents each of its flags.
func TestManPagesFromTheTree(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	if code, _, errOut := runCLI(t, "", "man", "--dir", dir); code != exitOK {
		t.Fatalf("man --dir: %s", errOut)
	}
	root := newRootCmd(&env{})
	completeTree(root)
	pages := 0
	walkCommands(root, func(c *cobra.Command) {
		if c.Hidden || !c.IsAvailableCommand() && c.HasParent() {
			return
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("no man page for %q: %v", c.CommandPath(), err)
			return
		}
		pages++
		page := strings.ReplaceAll(string(data), `\-`, "-")
		c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(page, "--"+f.Name) {
				t.Errorf("%s lacks --%s", name, f.Name)
			}
		})
	})
	if pages < 10 {
		t.Errorf("only %d man pages", pages)
	}
	code, out, _ := runCLI(t, "", "man")
	if code != exitOK || !strings.Contains(out, ".TH \"HERALD\" \"1\"") || !strings.Contains(out, "herald-extract(1)") {
		t.Errorf("man to stdout: code %d, %.200q", code, out)
	}
}
