package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/herald-reader/herald/nlp"
)

// shared is the context every pane reads: the library, the styles and keys,
// and the clock.
type shared struct {
	lib    Library
	ann    *nlp.Annotator
	st     Styles
	keys   KeyMap
	now    func() time.Time
	export string
	// version is herald's, for the front matter of exports.
	version string
	// textWidth is the widest the article text is wrapped.
	textWidth int
}

// rect is a pane's place on the screen, used for mouse hit-testing.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// fit pads or truncates s (which may hold ANSI styling) to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-sw)
}

// fitLeft right-aligns s in w cells.
func fitLeft(s string, w int) string {
	sw := ansi.StringWidth(s)
	if sw >= w {
		return ansi.Truncate(s, w, "…")
	}
	return strings.Repeat(" ", w-sw) + s
}

// block renders lines as exactly h lines of exactly w cells.
func block(lines []string, w, h int) string {
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(lines) {
			b.WriteString(fit(lines[i], w))
		} else {
			b.WriteString(strings.Repeat(" ", w))
		}
	}
	return b.String()
}

// age renders when t was: how long ago in at most four cells within a
// week, else the date ("Oct 04", or "2016-10-04" in another year).
func age(now, t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t)
	if d >= 7*24*time.Hour {
		if t.In(now.Location()).Year() == now.Year() {
			return t.In(now.Location()).Format("Jan 02")
		}
		return t.In(now.Location()).Format("2006-01-02")
	}
	switch {
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	case d < 365*24*time.Hour:
		return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
	default:
		return fmt.Sprintf("%dy", int(d/(365*24*time.Hour)))
	}
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// paneTitle renders a pane's heading, marked when the pane has focus.
func (sh *shared) paneTitle(title string, focused bool, w int) string {
	if focused {
		return fit(sh.st.PaneTitleFocus.Render("▌"+title), w)
	}
	return fit(sh.st.PaneTitle.Render(" "+title), w)
}
