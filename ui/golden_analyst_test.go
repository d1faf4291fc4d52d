package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenAnalyst draws the pickers, the chips in the status line, the
// cross-article sidebar and the search input at 80×24 and 160×48.
func TestGoldenAnalyst(t *testing.T) {
	ready := step{wait: "Election results|Broken Feed"}
	screens := []struct {
		name  string
		steps []step
	}{
		{"picker_leader", []step{ready, {keys: "L", wait: "Volodymyr Zelensky"}}},
		{"picker_typed", []step{ready, {keys: "L", wait: "Volodymyr Zelensky"}, {keys: "fri", wait: "1 of 3"}}},
		{"picker_country", []step{ready, {keys: "C", wait: "Filter by country|Poland"}}},
		{"chips", []step{ready, {keys: "Lmacron\r", wait: "[♛ Emmanuel Macron]"},
			{keys: "Cfrance\r", wait: "[◎ France]|All articles (1)"}}},
		{"search_input", []step{ready, {keys: "/cease", wait: "/ cease"}}},
		{"search_chip", []step{ready, {keys: "/ceasefire\r", wait: "[/ ceasefire]|All articles (2)"}}},
	}
	for _, size := range [][2]int{{80, 24}, {160, 48}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m := runScreen(t, analystLib(t), size[0], size[1], sc.steps...)
				view := m.View()
				if n := strings.Count(view, "\n") + 1; n != size[1] {
					t.Errorf("view has %d lines, want %d", n, size[1])
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}
