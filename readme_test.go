package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// readmeSection returns the text of the README section with the heading.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("README has no %q section", heading)
	}
	s = s[i+len(heading)+2:]
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	return s
}

// TestReadmeListsEveryCommandAndFlag checks the synopsis of the README's
// Command line section against the command tree: a line per command, every
// flag of the command on its line, and no command the tree lacks.
func TestReadmeListsEveryCommandAndFlag(t *testing.T) {
	section := readmeSection(t, "## Command line")
	block := section[strings.Index(section, "```\n")+4:]
	block = block[:strings.Index(block, "```")]
	// A command's entry is its line and the indented lines after it.
	entries := map[string]string{}
	var last string
	for _, line := range strings.Split(block, "\n") {
		if strings.HasPrefix(line, "herald") {
			words := []string{}
			for _, w := range strings.Fields(line) {
				if !regexp.MustCompile(`^[a-z]+$`).MatchString(w) {
					break
				}
				words = append(words, w)
			}
			last = strings.Join(words, " ")
			entries[last] += line
		} else if strings.HasPrefix(line, " ") && last != "" {
			entries[last] += line
		}
	}
	root := newRootCmd(&env{})
	completeTree(root)
	seen := map[string]bool{}
	walkCommands(root, func(c *cobra.Command) {
		if c.Hidden || c.Name() == cobra.ShellCompRequestCmd || c.Name() == cobra.ShellCompNoDescRequestCmd {
			return
		}
		if c.HasSubCommands() && !c.Runnable() {
			return // a group: its commands have the lines
		}
		path := c.CommandPath()
		if c.HasSubCommands() && c.HasParent() {
			return // "herald feeds" only says which sub-command is missing
		}
		entry, ok := entries[path]
		if !ok {
			t.Errorf("README's Command line section has no line for %q", path)
			return
		}
		seen[path] = true
		c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" && c.HasParent() {
				return
			}
			if !strings.Contains(entry, "--"+f.Name) {
				t.Errorf("README: %q lacks --%s", path, f.Name)
			}
			if f.Shorthand != "" && !strings.Contains(entry, "-"+f.Shorthand) {
				t.Errorf("README: %q lacks -%s", path, f.Shorthand)
			}
		})
		for _, w := range regexp.MustCompile(`--[a-z-]+`).FindAllString(entry, -1) {
			if c.Flags().Lookup(w[2:]) == nil {
				t.Errorf("README: %q lists %s, which it does not have", path, w)
			}
		}
	})
	for path := range entries {
		if !seen[path] {
			t.Errorf("README lists %q, which is not a command", path)
		}
	}
}

// jsonShape describes a JSON value's structure: objects by their keys,
// arrays by their first element, scalars by type. null matches anything.
func jsonShape(v any, path string, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		out[path] = "object"
		for k, e := range x {
			jsonShape(e, path+"."+k, out)
		}
	case []any:
		out[path] = "array"
		if len(x) > 0 {
			jsonShape(x[0], path+"[]", out)
		}
	case nil:
		out[path] = "null"
	default:
		out[path] = fmt.Sprintf("%T", x)
	}
}

func readmeJSON(t *testing.T, section, marker string) map[string]string {
	t.Helper()
	i := strings.Index(section, marker)
	if i < 0 {
		t.Fatalf("README: no %q", marker)
	}
	rest := section[i:]
	start := strings.Index(rest, "```json\n") + len("```json\n")
	end := start + strings.Index(rest[start:], "```")
	var v any
	if err := json.Unmarshal([]byte(rest[start:end]), &v); err != nil {
		t.Fatalf("README's JSON after %q does not parse: %v", marker, err)
	}
	shape := map[string]string{}
	jsonShape(v, "", shape)
	return shape
}

func compareShapes(t *testing.T, what string, documented, actual map[string]string) {
	t.Helper()
	var problems []string
	for p, typ := range actual {
		d, ok := documented[p]
		switch {
		case !ok:
			problems = append(problems, p+" is output but not documented")
		case typ != d && typ != "null" && d != "null":
			problems = append(problems, fmt.Sprintf("%s is %s, documented as %s", p, typ, d))
		}
	}
	for p := range documented {
		if _, ok := actual[p]; !ok {
			problems = append(problems, p+" is documented but not output")
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Errorf("%s: %s", what, p)
	}
}

// TestReadmeDocumentsTheJSON runs extract --format json and feeds list
// --json and compares their shapes with the README's examples.
func TestReadmeDocumentsTheJSON(t *testing.T) {
	dir := feedsEnv(t)
	section := readmeSection(t, "## Command line")

	page := filepath.Join(dir, "article.html")
	os.WriteFile(page, []byte(`<html><head><title>Talks</title><meta property="article:published_time" content="2025-10-04T08:00:00Z"></head>
<body><p>“We will not give up,” Prime Minister Keir Starmer said in Britain.</p></body></html>`), 0o644)
	code, out, errOut := runCLI(t, "", "extract", "--format", "json", page)
	if code != exitOK {
		t.Fatalf("extract: %s", errOut)
	}
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	actual := map[string]string{}
	jsonShape(v, "", actual)
	compareShapes(t, "extract --format json", readmeJSON(t, section, "`herald extract --format json`:"), actual)

	cfg := writeTestConfig(t, dir, "[[feeds]]\nurl = \"https://a.example/rss\"\ntitle = \"A\"\ntags = [\"x\"]\n")
	code, out, errOut = runCLI(t, "", "--config", cfg, "feeds", "list", "--json")
	if code != exitOK {
		t.Fatalf("feeds list: %s", errOut)
	}
	v = nil
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	actual = map[string]string{}
	jsonShape(v, "", actual)
	compareShapes(t, "feeds list --json", readmeJSON(t, section, "`herald feeds list --json`:"), actual)
}
