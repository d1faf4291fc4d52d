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
