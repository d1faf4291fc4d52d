package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

func noTextLib() *fakeLib {
	return &fakeLib{
		feeds: []store.Feed{{ID: 1, Title: "Links Only"}},
		arts: []store.Article{{ArticleSummary: summary(1, 1, "Links Only", "A story told only by its link", time.Hour, false, false),
			Text: "", Hash: "h"}},
	}
}

func TestItemWithNoTextSaysSoAndOffersHelp(t *testing.T) {
	o := testOptions(noTextLib())
	o.Annotator = nlp.Default()
	o.ExportDir = t.TempDir()
	d := newDriver(t, o, 100, 24)
	d.keys("enter")
	v := d.m.View()
	for _, want := range []string{"no text in the feed", "o open it in the browser", "F fetch the full text"} {
		if !strings.Contains(v, want) {
			t.Errorf("the reader lacks %q:\n%s", want, v)
		}
	}
	for _, stuck := range []string{"annotating…", "reading…"} {
		if strings.Contains(v, stuck) {
			t.Errorf("the reader is stuck at %q:\n%s", stuck, v)
		}
	}
	d.keys("e")
	files, _ := filepath.Glob(filepath.Join(o.ExportDir, "*.md"))
	if len(files) != 1 {
		t.Fatalf("e did not export the article with no text: %v\n%s", files, d.m.View())
	}
	b, _ := os.ReadFile(files[0])
	if !strings.Contains(string(b), "A story told only by its link") {
		t.Errorf("the export lacks the title:\n%s", b)
	}
}

func TestFetchFullTextOnDemand(t *testing.T) {
	lib := noTextLib()
	o := testOptions(lib)
	var asked []string
	o.FetchText = func(_ context.Context, link string) (string, []store.Link, error) {
		asked = append(asked, link)
		return "The whole story, fetched from the page.\n\nSecond paragraph.", []store.Link{{URL: "https://source.example/", Text: "the source"}}, nil
	}
	d := newDriver(t, o, 100, 24)
	d.keys("enter", "F")
	if len(asked) != 1 || asked[0] != "https://news.example/b" {
		t.Fatalf("F fetched %v", asked)
	}
	if v := d.m.View(); !strings.Contains(v, "The whole story, fetched from the page.") || strings.Contains(v, "no text in the feed") {
		t.Errorf("the fetched text is not shown:\n%s", v)
	}
	if v := d.m.View(); !strings.Contains(v, "[1] https://source.example/ (the source)") {
		t.Errorf("the fetched page's links are not listed:\n%s", v)
	}
	d.keys("O", "enter")
	if v := d.m.View(); !strings.Contains(v, "opened https://source.example/") {
		t.Errorf("the fetched page's link does not open by number:\n%s", v)
	}

	o.FetchText = func(context.Context, string) (string, []store.Link, error) {
		return "", nil, errors.New("HTTP 403 Forbidden")
	}
	d = newDriver(t, o, 100, 24)
	d.keys("enter", "F")
	if v := d.m.View(); !strings.Contains(v, "HTTP 403 Forbidden") || !strings.Contains(v, "no text in the feed") {
		t.Errorf("a failed fetch is not reported:\n%s", v)
	}
}
