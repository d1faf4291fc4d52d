package ui

import (
	"math/rand"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// TestMonkey throws thousands of random keys, clicks, wheel turns and
// resizes at the reader: nothing may panic and every frame must fill the
// terminal exactly.
func TestMonkey(t *testing.T) {
	keys := []string{"j", "k", "g", "G", "enter", "esc", "tab", "shift+tab", "n", "p", "t", "m", "s", "u", "y", "o", "?", "A", "pgdown", "l", "h", "x", " "}
	for _, tc := range []struct {
		name string
		lib  Library
	}{{"fixture", fixtureLib(t)}, {"big", bigLib(350)}, {"none", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(7))
			o := testOptions(tc.lib)
			if tc.lib == nil {
				o.Library = nil
			}
			d := newDriver(t, o, 80, 24)
			w, h := 80, 24
			for i := 0; i < 3000; i++ {
				switch r := rng.Intn(20); {
				case r == 0:
					w, h = 20+rng.Intn(200), 5+rng.Intn(60)
					d.send(tea.WindowSizeMsg{Width: w, Height: h})
				case r == 1:
					d.send(tea.MouseMsg{X: rng.Intn(w), Y: rng.Intn(h), Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
				case r == 2:
					d.send(tea.MouseMsg{X: rng.Intn(w), Y: rng.Intn(h), Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
				case r == 3:
					d.send(tea.MouseMsg{X: rng.Intn(w), Y: rng.Intn(h), Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
				default:
					k := keys[rng.Intn(len(keys))]
					if k == "?" && rng.Intn(2) == 0 {
						k = "j"
					}
					d.keys(k)
				}
				if d.quit {
					t.Fatal("quit without q")
				}
				lines := strings.Split(d.m.View(), "\n")
				if len(lines) != h {
					t.Fatalf("step %d at %dx%d: %d lines", i, w, h, len(lines))
				}
				for n, l := range lines {
					if lw := ansi.StringWidth(l); lw != w {
						t.Fatalf("step %d at %dx%d: line %d is %d wide: %q", i, w, h, n, lw, l)
					}
				}
			}
		})
	}
}
