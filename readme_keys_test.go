package main

import (
	"strings"
	"testing"

	"github.com/herald-reader/herald/ui"
)

// readmeSection returns the text of README.md's "## name" section.
// TestReadmeListsEveryKey keeps README's Keys table equal to the reader's
// actions and their default keys.
func TestReadmeListsEveryKey(t *testing.T) {
	keys := readmeSection(t, "## Keys")
	defaults := ui.DefaultKeys()
	for _, name := range ui.DefaultKeyNames() {
		labels := make([]string, len(defaults[name]))
		for i, k := range defaults[name] {
			if k == " " {
				k = "space"
			}
			labels[i] = "`" + k + "`"
		}
		row := "\n| " + strings.Join(labels, " ") + " | "
		i := strings.Index(keys, row)
		if i < 0 {
			t.Errorf("README's Keys lack the row %q", strings.TrimSpace(row))
			continue
		}
		line, _, _ := strings.Cut(keys[i+1:], "\n")
		if !strings.HasSuffix(line, "| `"+name+"` |") {
			t.Errorf("README's row for %s does not end with its name: %q", name, line)
		}
	}
}

// TestReadmeNamesEveryConfigTable keeps the Configuration table complete.
func TestReadmeNamesEveryConfigTable(t *testing.T) {
	conf := readmeSection(t, "## Configuration")
	for _, table := range []string{"[[feeds]]", "[fetch]", "[store]", "[export]", "[reader]", "[[reader.mute]]", "[theme]", "[keys]", "[nlp]"} {
		if !strings.Contains(conf, "`"+table+"`") {
			t.Errorf("README's Configuration does not name %s", table)
		}
	}
	for _, key := range []string{"browser", "text_width", "mouse", "match", "regexp", "in", "feed"} {
		if !strings.Contains(conf, "`"+key+"`") {
			t.Errorf("README's Configuration does not name reader key %s", key)
		}
	}
}
