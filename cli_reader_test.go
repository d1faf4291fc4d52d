package main

import (
	"errors"
	"strings"
	"testing"
)

func TestReaderConfig(t *testing.T) {
	lc, err := parseConfig("user.toml", []byte("[reader]\nbrowser = \"w3m %u\"\ntext_width = 100\nmouse = false\n\n[[reader.mute]]\nmatch = \"celebrity\"\nin = \"title\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := lc.Reader
	if r.Browser != "w3m %u" || r.TextWidth != 100 || r.Mouse || len(r.Mute) != 1 || r.uiMutes()[0].In != "title" {
		t.Errorf("reader config %+v", r)
	}
	def, _ := parseConfig(embeddedSource, defaultConfigTOML)
	if def.Reader.TextWidth != 80 || !def.Reader.Mouse || def.Reader.Browser != "" {
		t.Errorf("reader defaults %+v", def.Reader)
	}
	for _, bad := range []struct{ toml, want string }{
		{"[reader]\ntext_width = 5\n", "user.toml:2:1: reader.text_width must be at least 20"},
		{"[reader]\nbrowser = \"firefox '%u\"\n", "user.toml:2:1: reader.browser: unclosed quote"},
		{"[[reader.mute]]\nmatch = \"(\"\nregexp = true\n", "user.toml:1:1: reader.mute[0]: error parsing regexp"},
	} {
		_, err := parseConfig("user.toml", []byte(bad.toml))
		var ce *ConfigError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: got %v, want %q", bad.toml, err, bad.want)
		}
	}
}
