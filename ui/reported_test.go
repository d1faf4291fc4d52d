package ui

import (
	"strings"
	"testing"

	"github.com/herald-reader/herald/nlp"
)

// Reported speech is the article's words, not the speaker's: the sidebar
// and the copy key never put it between quotation marks; direct quotes keep
// theirs.
func TestReportedSpeechIsNeverQuoted(t *testing.T) {
	lib := analystLib(t)
	doc := lib.anns[6]
	s, e := strings.Index(doc.Text, "arrived in Germany"), strings.Index(doc.Text, " on Friday")
	doc.Statements = append([]nlp.Statement{{Kind: nlp.KindIndirect, Quote: doc.Text[s:e], Start: s, End: e,
		Speaker: &nlp.Speaker{ID: "emmanuel-macron", Name: "Emmanuel Macron", Leader: true}, Cue: "said", Confidence: 0.8}},
		doc.Statements...)
	lib.anns[6] = doc
	d := newDriver(t, testOptions(lib), 160, 48)
	var v string
	for i := 0; i < 10; i++ { // open each article until Macron in Berlin
		d.keys("enter")
		if v = d.m.View(); strings.Contains(v, berlinTitle) && strings.Contains(v, "Statements (") {
			break
		}
		d.keys("esc", "j")
	}
	if !strings.Contains(v, "(reported)") {
		t.Fatalf("the reported statement is not in the sidebar:\n%s", v)
	}
	if strings.Contains(v, "“arrived in Germany") {
		t.Errorf("reported speech is shown between quotation marks:\n%s", v)
	}
	if !strings.Contains(v, "arrived in Germany") || !strings.Contains(v, "“Europe must stand together") {
		t.Errorf("the sidebar lacks the reported words or the quoted ones:\n%s", v)
	}
	if got := quoteText(doc.Statements[0], "Capital Wire", ""); strings.Contains(got, "“") {
		t.Errorf("the copy of reported speech is quoted: %q", got)
	}
}
