package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestExportWritesMarkdownFiles(t *testing.T) {
	lib := analystLib(t)
	o := testOptions(lib)
	o.ExportDir = t.TempDir()
	o.Version = "9.9.9-test"
	d := newDriver(t, o, 160, 48)
	d.keys("j", "j", "enter", "e")
	first := exportedPath(t, d, o.ExportDir)
	if b, err := os.ReadFile(first); err != nil || !strings.Contains(string(b), `herald: "9.9.9-test"`) {
		t.Errorf("the front matter lacks herald's version (%v):\n%s", err, b)
	}
	if want := "2026-11-20-leaders-meet-in-geneva-as-ceasefire-talks-resume.md"; filepath.Base(first) != want {
		t.Errorf("exported to %s, want %s", first, want)
	}
	doc := parseMarkdown(t, first)
	// One source block for the article, every statement under it.
	if len(doc.headings) != 2 || !doc.hasHeading(2, genevaTitle) || !doc.hasHeading(2, "Mentioned") {
		t.Errorf("%s headings %v, want the article's and Mentioned", first, doc.headings)
	}
	for _, who := range []string{"— Emmanuel Macron", "— Friedrich Merz", "Lena Vogt"} {
		if !strings.Contains(doc.text, who) {
			t.Errorf("%s lacks statements by %q", first, who)
		}
	}
	d.keys("e")
	second := exportedPath(t, d, o.ExportDir)
	if second == first || !strings.HasSuffix(second, "-2.md") {
		t.Errorf("second export went to %s (first %s)", second, first)
	}
	if _, err := os.Stat(first); err != nil {
		t.Errorf("the first file is gone: %v", err)
	}

	// Everything under a filter: Macron's statements from both articles.
	d.keys("esc", "L")
	d.typeText("macron")
	d.keys("enter", "E")
	all := exportedPath(t, d, o.ExportDir)
	if !strings.Contains(filepath.Base(all), "leader-emmanuel-macron") {
		t.Errorf("filtered export named %s", all)
	}
	doc = parseMarkdown(t, all)
	if !doc.hasHeading(2, genevaTitle) || !doc.hasHeading(2, berlinTitle) || len(doc.headings) != 3 ||
		strings.Contains(doc.text, "— Lena Vogt") || strings.Contains(doc.text, "— Friedrich Merz") {
		t.Errorf("filtered export headings %v:\n%s", doc.headings, doc.text)
	}
	for _, w := range []string{"Europe must stand together", "We are closer to an agreement", `query: "leader: Emmanuel Macron"`} {
		if !strings.Contains(doc.text, w) {
			t.Errorf("filtered export lacks %q", w)
		}
	}
	if len(doc.quotes) != 2 {
		t.Errorf("filtered export has %d quotes, want 2", len(doc.quotes))
	}
}

func TestExportErrorsShowInTheStatusLine(t *testing.T) {
	o := testOptions(analystLib(t))
	o.ExportDir = ""
	d := newDriver(t, o, 100, 30)
	d.keys("E")
	if !d.state().StatusErr || !strings.Contains(d.state().Status, "no export directory") {
		t.Errorf("status %q (err %v)", d.state().Status, d.state().StatusErr)
	}
}

// exportedPath is the path the status line says was written; it checks
// that the file exists in the export directory.
func exportedPath(t *testing.T, d *driver, dir string) string {
	t.Helper()
	count, path, ok := strings.Cut(d.state().Status, ": wrote ")
	if !ok || d.state().StatusErr || !regexp.MustCompile(`^[1-9][0-9]* statements?$`).MatchString(count) {
		t.Fatalf("status after export: %q", d.state().Status)
	}
	if filepath.Dir(path) != dir {
		t.Errorf("wrote %s outside the export directory %s", path, dir)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(statusLine(d.m), filepath.Base(path)) {
		t.Errorf("the status line does not show the path: %q", statusLine(d.m))
	}
	return path
}

func TestExportSelectedArticleWhileBrowsing(t *testing.T) {
	o := testOptions(analystLib(t))
	o.ExportDir = t.TempDir()
	d := newDriver(t, o, 160, 48)
	d.keys("e") // article 3 has no annotation
	if !d.state().StatusErr || !strings.Contains(d.state().Status, "not annotated") {
		t.Fatalf("exporting an unannotated article: %q", d.state().Status)
	}
	d.keys("j", "e") // article 6
	doc := parseMarkdown(t, exportedPath(t, d, o.ExportDir))
	if !doc.hasHeading(2, berlinTitle) || !strings.Contains(doc.text, "— Emmanuel Macron, President of France, said") ||
		len(doc.quotes) != 1 || doc.tables != 1 {
		t.Errorf("export of article 6: headings %v, %d quotes, %d tables", doc.headings, len(doc.quotes), doc.tables)
	}
}
