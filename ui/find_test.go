package ui

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// gutterLines are the reader lines marked as holding the cursor's match.
func cursorLine(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(l, "›") {
			return l
		}
	}
	return ""
}

func TestFindInArticle(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 100, 30)
	openTitled(t, d, genevaTitle)
	d.keys("/")
	d.typeText("vogt")
	d.keys("enter")
	v := d.m.View()
	if !strings.Contains(cursorLine(v), "Lena Vogt") || !strings.Contains(v, `match 1 of 2 for "vogt"`) {
		t.Fatalf("the first match is not marked:\n%s", v)
	}
	d.keys("n")
	v = d.m.View()
	if !strings.Contains(cursorLine(v), "Vogt said") || !strings.Contains(v, "match 2 of 2") {
		t.Errorf("n did not go to the second match:\n%s", v)
	}
	d.keys("n") // wraps around
	if v = d.m.View(); !strings.Contains(v, "match 1 of 2") {
		t.Errorf("n past the last match:\n%s", v)
	}
	d.keys("N")
	if v = d.m.View(); !strings.Contains(v, "match 2 of 2") {
		t.Errorf("N from the first match:\n%s", v)
	}
	d.keys("esc") // leaves the search, not the article
	if v = d.m.View(); cursorLine(v) != "" || !strings.Contains(v, "▌Article") {
		t.Errorf("esc should clear the search first:\n%s", v)
	}
	d.keys("n") // walks statements again
	if v = d.m.View(); !strings.Contains(v, "▎") {
		t.Errorf("n after the search does not select a statement:\n%s", v)
	}
	d.keys("/")
	d.typeText("zanzibar")
	d.keys("enter")
	if v = d.m.View(); !strings.Contains(v, `"zanzibar" is not in this article`) {
		t.Errorf("a search with no match says nothing:\n%s", v)
	}
}

func TestGlobalSearchTermIsMarkedInTheArticle(t *testing.T) {
	o := testOptions(fixtureLib(t))
	o.renderer = lipgloss.NewRenderer(io.Discard)
	o.renderer.SetColorProfile(termenv.ANSI) // styles on: the mark is an underline
	d := newDriver(t, o, 100, 30)
	d.keys("/")
	d.typeText("ceasefire")
	d.keys("enter", "enter")
	marked := regexp.MustCompile(`\x1b\[[0-9;]*4m[^\x1b]*ceasefire`)
	if !marked.MatchString(d.m.View()) {
		t.Fatalf("the search term is not marked in the opened article:\n%q", d.m.View())
	}
	d.keys("esc")
	if strings.Contains(d.m.View(), "▌Article") {
		t.Error("esc should go back to the list at once after a global search")
	}
}
