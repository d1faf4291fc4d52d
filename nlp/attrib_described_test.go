package nlp

import "testing"

// TestDescribedSpeaker: a definite description refers back to the salient
// person; an indefinite one names nobody, and a possessive one ("Obama's
// adviser", "his spokesman") only the person named with that title.
func TestDescribedSpeaker(t *testing.T) {
	tests := []struct {
		name, text, prefix, want string
	}{
		{"the businessman",
			"Donald Trump spoke in Ohio on Monday.\n\n\"We will win big,\" the New York businessman said.",
			"We will win big", "donald-trump"},
		{"a possessive description is someone the story has not named",
			"Angela Merkel met voters in Berlin.\n\n\"It was a good day,\" Obama's former adviser said.",
			"It was a good day", ""}, // not Merkel, who is no adviser of Obama's
		{"a possessive description named with its title",
			"Angela Merkel met voters in Berlin. David Axelrod, Obama's former adviser, watched.\n\n\"It was a good day,\" Obama's former adviser said.",
			"It was a good day", "david-axelrod"},
		{"the possessor is not the speaker",
			"Angela Merkel met voters in Berlin.\n\n\"She will decide soon,\" Merkel's spokesman said.",
			"She will decide soon", ""},
		{"indefinite stays unnamed",
			"Donald Trump spoke in Ohio on Monday.\n\n\"He is tired,\" a campaign adviser said.",
			"He is tired", ""},
		{"the title picks its holder over the salient person",
			"Senate Majority Leader Chuck Schumer spoke first.\n\nAngela Merkel met voters in Berlin.\n\n\"We can get there,\" the majority leader said.",
			"We can get there", "chuck-schumer"},
		{"a qualifier the holder lacks falls back to salience",
			"Senate Majority Leader Chuck Schumer spoke first.\n\nAngela Merkel met voters in Berlin.\n\n\"We can get there,\" the Senate minority leader said.",
			"We can get there", "angela-merkel"},
		{"gender must fit",
			"Angela Merkel met voters in Berlin.\n\n\"We are ready,\" the businessman said.",
			"We are ready", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Annotate(tc.text)
			s := findStmt(doc, KindDirect, tc.prefix)
			if s == nil {
				t.Fatalf("no statement %q in %+v", tc.prefix, doc.Statements)
			}
			if got := speakerID(s); got != tc.want {
				t.Errorf("speaker = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestParticipleAfterNoun: "messages saying" reports the sentence's subject;
// a person or a group before the participle speaks for itself.
func TestParticipleAfterNoun(t *testing.T) {
	const lead = "Joe Biden spoke in Ohio.\n\n"
	tests := []struct {
		name, text, want string
	}{
		{"a thing saying",
			"Biden posted three messages on Friday saying his rival was “a model of honesty.”", "joe-biden"},
		{"a statement saying",
			"Biden issued a statement saying “we are ready to talk.”", "joe-biden"},
		{"a person saying",
			"Biden quoted a spokesman saying “we are ready to talk.”", ""},
		{"a group saying",
			"Biden cited officials saying “we are ready to talk.”", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := Annotate(lead + tc.text)
			var s *Statement
			for i := range doc.Statements {
				if doc.Statements[i].Kind == KindDirect {
					s = &doc.Statements[i]
					break
				}
			}
			if s == nil {
				t.Fatalf("no direct statement: %+v", doc.Statements)
			}
			if got := speakerID(s); got != tc.want {
				t.Errorf("speaker = %q, want %q", got, tc.want)
			}
		})
	}
}
