package nlp

import (
	"strings"
	"testing"
)

// One utterance gives one statement: reported speech that carries a direct
// quote is listed once, as the quote, with the reported clause's speaker.
func TestOneStatementPerUtterance(t *testing.T) {
	tests := []struct {
		name, text, quote, speaker string
	}{
		{"German marks", "Finance Minister Lars Klingbeil said the investment was „not a luxury, but a duty“ to the country.",
			"not a luxury, but a duty", "Lars Klingbeil"},
		{"British single marks", "Kemi Badenoch, the Conservative leader, said the plan was ‘a promise without a price tag’ and called for a vote.",
			"a promise without a price tag", "Kemi Badenoch"},
		{"participle clause", "Prime Minister Keir Starmer rejected the proposal, saying it would \"not work in practice\".",
			"not work in practice", "Keir Starmer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Annotate(tt.text)
			if len(doc.Statements) != 1 {
				t.Fatalf("%d statements, want 1: %+v", len(doc.Statements), doc.Statements)
			}
			s := doc.Statements[0]
			if s.Kind != KindDirect || !strings.HasPrefix(s.Quote, tt.quote) {
				t.Errorf("statement %s %q, want direct %q", s.Kind, s.Quote, tt.quote)
			}
			if s.Speaker == nil || s.Speaker.Name != tt.speaker {
				t.Errorf("speaker %+v, want %s", s.Speaker, tt.speaker)
			}
		})
	}
}

// A headline quoting the body is the same utterance: it is listed once, with
// the body's cue; the same words said twice in the body stay twice.
func TestHeadlineRepeatListedOnce(t *testing.T) {
	doc := Annotate("Guterres warns talks are “running out of road”\n\n" +
		"UN Secretary-General António Guterres warned on Friday that the talks were “running out of road”.\n\n" +
		"Later he repeated it: “running out of road”.")
	n := 0
	for _, s := range doc.Statements {
		if s.Kind == KindDirect && s.Quote == "running out of road" {
			n++
			if s.Start < strings.IndexByte(doc.Text, '\n') {
				t.Errorf("the headline's quote is listed: %+v", s)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d statements of the words, want the body's 2: %+v", n, doc.Statements)
	}
}

// In a text that quotes speech in double marks, a short phrase in single
// marks is a quote when a reporting verb introduces it, and a name when not.
func TestSingleMarksAfterAReportingVerb(t *testing.T) {
	text := "Floods.\nAnthony Albanese has promised 'whatever it takes' for the flooded towns.\n" +
		"\"This is a terrible time for these communities,\" he said.\nThe region, known as the 'Mid North', voted Labor."
	doc := Annotate(text)
	if s := findStmt(doc, KindDirect, "whatever it takes"); s == nil || s.Speaker == nil || s.Speaker.Name != "Anthony Albanese" {
		t.Errorf("'whatever it takes' = %+v, want Anthony Albanese's", s)
	}
	if s := findStmt(doc, KindDirect, "Mid North"); s != nil {
		t.Errorf("'Mid North' is a name, not a statement: %+v", *s)
	}
}
