package nlp

import "testing"

// TestTranscriptLabels: a quoted transcript line speaks as the person its
// capital label names, a label naming no known person gives no speaker,
// and an ordinary capitalised opening is no label.
func TestTranscriptLabels(t *testing.T) {
	text := "Joe Biden sat down with a host on Sunday. A partial transcript follows:\n\n" +
		"\"HOST: Will you run again?\n\n" +
		"\"BIDEN: Yes, I will run, and I will win.\n\n" +
		"\"HOST: Thank you.\"\n\n" +
		"“NATO is strong,” Biden said later."
	doc := Annotate(text)
	tests := []struct{ prefix, want string }{
		{"HOST: Will you run again?", ""},
		{"BIDEN: Yes, I will run", "joe-biden"},
		{"HOST: Thank you.", ""},
		{"NATO is strong", "joe-biden"},
	}
	for _, tc := range tests {
		s := findStmt(doc, KindDirect, tc.prefix)
		if s == nil {
			t.Errorf("no statement %q in %+v", tc.prefix, doc.Statements)
			continue
		}
		if got := speakerID(s); got != tc.want {
			t.Errorf("%q: speaker = %q, want %q", tc.prefix, got, tc.want)
		}
	}
}

// An interview printed without quotation marks: each answer line is a quote
// of the person interviewed ("A:") or of the person its label names; the
// questions marked "Q:" and a lone heading label are no one's words.
func TestInterviewAnswerLines(t *testing.T) {
	text := "'The river is our clock': a ferryman on the Mekong\n" +
		"Sokha Chanthou, 58, has run a ferry at Kratie for thirty years. She spoke to Herald contributor Mariam Haddad.\n" +
		"UPDATE: This interview was edited for length.\n" +
		"Q: How did you start?\n" +
		"A: My father had the boat. When he fell ill I took the tiller.\n" +
		"Q: What has changed?\n" +
		"A: The water is lower every dry season.\n" +
		"HADDAD: Will you keep going?\n" +
		"CHANTHOU: As long as the river lets me.\n" +
		"HADDAD: Thank you.\n" +
		"CHANTHOU: Come back in the wet season."
	doc := Annotate(text)
	tests := []struct{ prefix, want string }{
		{"My father had the boat", "Sokha Chanthou"},
		{"The water is lower", "Sokha Chanthou"},
		{"Will you keep going?", "Mariam Haddad"},
		{"As long as the river lets me", "Sokha Chanthou"},
	}
	for _, tc := range tests {
		s := findStmt(doc, KindDirect, tc.prefix)
		if s == nil {
			t.Errorf("no statement %q in %+v", tc.prefix, doc.Statements)
			continue
		}
		got := ""
		if s.Speaker != nil {
			got = s.Speaker.Name
		}
		if got != tc.want {
			t.Errorf("%q: speaker = %q, want %q", tc.prefix, got, tc.want)
		}
	}
	for _, not := range []string{"How did you start?", "This interview was edited"} {
		if s := findStmt(doc, KindDirect, not); s != nil {
			t.Errorf("%q is no statement: %+v", not, *s)
		}
	}
}
