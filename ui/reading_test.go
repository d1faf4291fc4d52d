package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// bodyLines are the reader's lines under the header rule.
func bodyLines(view string) []string {
	_, body, _ := strings.Cut(view, "────")
	lines := strings.Split(body, "\n")
	if len(lines) > 0 {
		lines = lines[1:]
	}
	return lines
}

func TestTextWidthKeepsWideScreensReadable(t *testing.T) {
	for _, tw := range []int{0, 60} {
		o := testOptions(fixtureLib(t))
		o.TextWidth = tw
		d := newDriver(t, o, 200, 40)
		openTitled(t, d, "Starmer hails ‘breakthrough’ on security guarantees after crunch White House Ukraine talks")
		d.keys("t") // hide the sidebar: the reader gets all 200 columns
		want := tw
		if want == 0 {
			want = 80
		}
		longest := 0
		lines := bodyLines(d.m.View())
		for _, l := range lines[:len(lines)-2] { // not the scroll percentage, not the status line
			longest = max(longest, ansi.StringWidth(strings.TrimRight(l, " ")))
		}
		if longest > want+1 || longest < want-15 {
			t.Errorf("text_width %d: the longest line is %d cells", tw, longest)
		}
	}
}
