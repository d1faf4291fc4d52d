package nlp

import "testing"

// TestCueSentenceAfterQuote: a quote that ends its sentence takes its cue
// from the next sentence when that sentence opens with "X said," however
// long the rest of it runs; a narrative sentence gives no cue.
func TestCueSentenceAfterQuote(t *testing.T) {
	const lead = "Joe Biden spoke in Ohio.\n\n"
	tests := []struct {
		name, text, want string
	}{
		{"short cue sentence",
			"“Can we win this?” Biden said.", "joe-biden"},
		{"cue then a long participle clause",
			"“Can we win this?” Biden said, looking out over the cheering crowd in the hall.", "joe-biden"},
		{"cue closed by a full stop",
			"“We have come so far!” Biden added. The crowd in the hall kept cheering for many more minutes.", "joe-biden"},
		{"narrative sentence, no cue",
			"“Can we win this?” Biden then walked across the stage and waved to the crowd in the hall.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Annotate(lead + tc.text)
			if len(doc.Statements) == 0 || doc.Statements[0].Kind != KindDirect {
				t.Fatalf("no direct statement: %+v", doc.Statements)
			}
			if got := speakerID(&doc.Statements[0]); got != tc.want {
				t.Errorf("speaker = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestUnknownVerbBeforePreposition: "“…,” Biden sings to the crowd" takes
// the name before a verb the tables do not know; a plural noun whose clause
// has its own reporting verb does not.
func TestUnknownVerbBeforePreposition(t *testing.T) {
	const lead = "Joe Biden came on stage.\n\n"
	tests := []struct {
		name, text, want string
	}{
		{"unknown verb and preposition",
			"“Keep your hands in sight,” Biden sings to the crowd before asking them to sit.", "joe-biden"},
		{"a noun with its own verb later",
			"“Four more years,” Biden fans in the hall chanted.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Annotate(lead + tc.text)
			if len(doc.Statements) == 0 {
				t.Fatalf("no statement")
			}
			if got := speakerID(&doc.Statements[0]); got != tc.want {
				t.Errorf("speaker = %q, want %q", got, tc.want)
			}
		})
	}
}
