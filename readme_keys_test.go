package main

import (
	"encoding"
	"reflect"
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

// TestReadmeNamesEveryConfigTable keeps the Configuration table complete:
// every table of Config is named as `[table]` (or `[[table]]`) and every
// option of it as `key` (the [nlp] tables' own fields are the gazetteer's,
// documented in config.example.toml).
func TestReadmeNamesEveryConfigTable(t *testing.T) {
	conf := readmeSection(t, "## Configuration")
	pkg := reflect.TypeOf(Config{}).PkgPath()
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			key := strings.Split(f.Tag.Get("toml"), ",")[0]
			if key == "" || key == "-" {
				continue
			}
			ft := f.Type
			for ft.Kind() == reflect.Slice || ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			// a struct of this package is a table, unless it reads itself
			// from a value ("90d", "8MB"); a map at the top is a table of
			// any keys ([keys]), deeper an option ([nlp] aliases)
			value := reflect.PointerTo(ft).Implements(reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem())
			if ft.Kind() == reflect.Map && prefix == "" {
				if !strings.Contains(conf, "`["+prefix+key+"]`") {
					t.Errorf("README's Configuration does not name the table %s%s", prefix, key)
				}
				continue
			}
			if ft.Kind() == reflect.Struct && ft.PkgPath() == pkg && !value {
				if !strings.Contains(conf, "`["+prefix+key+"]`") && !strings.Contains(conf, "`[["+prefix+key+"]]`") {
					t.Errorf("README's Configuration does not name the table %s%s", prefix, key)
				}
				walk(prefix+key+".", ft)
				continue
			}
			if !strings.Contains(conf, "`"+key+"`") {
				t.Errorf("README's Configuration does not name the option %s%s", prefix, key)
			}
		}
	}
	walk("", reflect.TypeOf(Config{}))
}
