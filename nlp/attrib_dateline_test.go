package nlp

import "testing"

// TestDatelineIsNoSubject: the capital-letter place of a dateline never
// becomes the subject of a narrative quote; a capitalised organisation in
// the same position still is one.
func TestDatelineIsNoSubject(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"city, date and agency",
			"Intro line.\n\nSAN MARCOS, Oct. 3 (AP) — Joe Biden played “Blue Night” for the crowd.", "joe-biden"},
		{"city and dash",
			"Intro line.\n\nLOS ALAMOS — Joe Biden played “Blue Night” for the crowd.", "joe-biden"},
		{"no person after the dateline",
			"Intro line.\n\nSAN MARCOS — The band played “Blue Night” for the crowd.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Annotate(tc.text)
			s := findStmt(doc, KindDirect, "Blue Night")
			if s == nil {
				t.Fatalf("no statement in %+v", doc.Statements)
			}
			if got := speakerID(s); got != tc.want {
				t.Errorf("speaker = %q (%+v), want %q", got, s.Speaker, tc.want)
			}
		})
	}
}
