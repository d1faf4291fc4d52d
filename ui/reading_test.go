package ui

import (
	"time"

	"github.com/herald-reader/herald/feeds/store"
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

func TestParagraphsAreSeparatedAndIndentationKept(t *testing.T) {
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, Title: "F"}},
		arts: []store.Article{{ArticleSummary: summary(1, 1, "F", "Code", time.Hour, false, false),
			Text: "First paragraph.\nSecond paragraph.\n    indented code\n      more code\n• a bullet\n◦ nested\n2. numbered"}}}
	d := newDriver(t, testOptions(lib), 80, 24)
	d.keys("enter")
	var got []string
	for _, l := range bodyLines(d.m.View())[:10] {
		got = append(got, strings.TrimRight(l, " "))
	}
	want := []string{" First paragraph.", "", " Second paragraph.", "", "     indented code", "       more code", "", " • a bullet", " ◦ nested", " 2. numbered"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("body:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOldArticlesShowTheirDate(t *testing.T) {
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, Title: "F"}},
		arts: []store.Article{
			{ArticleSummary: summary(1, 1, "F", "Fresh", 3*time.Hour, false, false)},
			{ArticleSummary: summary(2, 1, "F", "Last month", 41*24*time.Hour, false, false)},
			{ArticleSummary: store.ArticleSummary{ID: 3, FeedID: 1, FeedTitle: "F", Title: "Archive", Published: time.Date(2016, 10, 4, 9, 0, 0, 0, time.UTC)}},
		}}
	d := newDriver(t, testOptions(lib), 120, 20)
	v := d.m.View()
	for _, want := range []string{"3h F", "Oct 10 F", "2016-10-04 F"} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
}
