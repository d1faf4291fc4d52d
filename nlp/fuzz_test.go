package nlp

import (
	"testing"
	"unicode/utf8"
)

// FuzzAnnotate checks that Annotate never panics and that its output keeps
// the contract on any input. Add statement checks to checkDoc.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"",
		"Sir Keir Starmer said “hello” to President Putin’s envoy.",
		"US President Moscow said\r\nthe French president, Mr. Zelenksy’s\u00a0aide",
		"\xff\xfe Mr. \x1b[31mTrump\x1b[0m U.S. Georgia-Bissau Ki-moon’",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := Annotate(text)
		checkDoc(t, doc)
		if doc.Text != Normalize(doc.Text) {
			t.Errorf("Normalize is not idempotent on %q", doc.Text)
		}
	})
}

func checkDoc(t *testing.T, doc Doc) {
	t.Helper()
	if !utf8.ValidString(doc.Text) {
		t.Fatalf("normalised text is not valid UTF-8: %q", doc.Text)
	}
	last := 0
	for _, e := range doc.Entities {
		if e.Start < last || e.End <= e.Start || e.End > len(doc.Text) {
			t.Fatalf("entity %+v out of order, empty, overlapping or outside the text (len %d)", e, len(doc.Text))
		}
		if !utf8.RuneStart(doc.Text[e.Start]) || e.End < len(doc.Text) && !utf8.RuneStart(doc.Text[e.End]) {
			t.Fatalf("entity %+v not on rune boundaries", e)
		}
		if e.Text != doc.Text[e.Start:e.End] {
			t.Fatalf("entity text %q != text[%d:%d] %q", e.Text, e.Start, e.End, doc.Text[e.Start:e.End])
		}
		if e.Kind != KindPerson && e.Kind != KindCountry || e.ID == "" || e.Name == "" {
			t.Fatalf("entity %+v lacks kind, id or name", e)
		}
		last = e.End
	}
}
