package nlp

import (
	"encoding/json"
	"strings"
	"testing"
)

// mention builds a person entity over the first occurrence of surface in text.
func personAt(t *testing.T, text, surface, id, name, gender string) Entity {
	t.Helper()
	i := strings.Index(text, surface)
	if i < 0 {
		t.Fatalf("%q not in text", surface)
	}
	return Entity{Kind: KindPerson, ID: id, Name: name, Leader: true, Text: surface,
		Start: i, End: i + len(surface), Gender: gender}
}

// TestTitleCueThroughEntities checks that a title the entity finder resolved
// ("the chancellor") speaks as its person, with the entities given by hand.
func TestTitleCueThroughEntities(t *testing.T) {
	text := "Friedrich Merz flew to Paris.\n“We will act together,” the chancellor said."
	ents := []Entity{
		personAt(t, text, "Friedrich Merz", "friedrich-merz", "Friedrich Merz", "m"),
		personAt(t, text, "the chancellor", "friedrich-merz", "Friedrich Merz", "m"),
	}
	sts := Default().findStatements(text, ents)
	s := findStmtIn(sts, KindDirect, "We will act together")
	if s == nil || s.Speaker == nil || s.Speaker.ID != "friedrich-merz" || s.Cue != "said" {
		t.Fatalf("statement = %+v, want friedrich-merz by said", s)
	}
	if !s.Speaker.Leader {
		t.Errorf("speaker lost the leader flag: %+v", s.Speaker)
	}
}

// TestNameInsideQuoteNeverSpeaks: the only earlier person is named inside
// the quote, so the pronoun finds no one.
func TestNameInsideQuoteNeverSpeaks(t *testing.T) {
	text := "“I spoke to Emmanuel Macron this morning,” he said."
	ents := []Entity{personAt(t, text, "Emmanuel Macron", "emmanuel-macron", "Emmanuel Macron", "m")}
	sts := Default().findStatements(text, ents)
	s := findStmtIn(sts, KindDirect, "I spoke to")
	if s == nil {
		t.Fatal("quote not found")
	}
	if s.Speaker != nil {
		t.Errorf("speaker %+v taken from inside the quote", s.Speaker)
	}
}

// TestPronounEntityIsAPronoun guards against an entity finder that reads
// the pronoun "He" as a surname.
func TestPronounEntityIsAPronoun(t *testing.T) {
	text := "Keir Starmer arrived in Kyiv.\nHe continued: “We stand with you.”"
	ents := []Entity{
		personAt(t, text, "Keir Starmer", "keir-starmer", "Keir Starmer", "m"),
		{Kind: KindPerson, ID: "he-lifeng", Name: "He Lifeng", Text: "He", Start: strings.Index(text, "He continued"), End: strings.Index(text, "He continued") + 2, Gender: "m"},
	}
	s := findStmtIn(Default().findStatements(text, ents), KindDirect, "We stand with you.")
	if s == nil || s.Speaker == nil || s.Speaker.ID != "keir-starmer" {
		t.Fatalf("statement = %+v, want keir-starmer", s)
	}
}

func TestConfidenceOrdering(t *testing.T) {
	text := strings.Join([]string{
		"Giorgia Meloni spoke in Rome.",
		"“We are ready,” Giorgia Meloni said.",
		"“The work starts now,” she said.",
		"“Nothing will stop us.”",
		"Crowds gathered outside.",
		"“Unattributed words here.”",
	}, "\n")
	var ents []Entity
	for i := 0; ; {
		j := strings.Index(text[i:], "Giorgia Meloni")
		if j < 0 {
			break
		}
		ents = append(ents, Entity{Kind: KindPerson, ID: "giorgia-meloni", Name: "Giorgia Meloni",
			Text: "Giorgia Meloni", Start: i + j, End: i + j + len("Giorgia Meloni"), Gender: "f"})
		i += j + 1
	}
	sts := Default().findStatements(text, ents)
	named := findStmtIn(sts, KindDirect, "We are ready")
	pronoun := findStmtIn(sts, KindDirect, "The work starts now")
	carried := findStmtIn(sts, KindDirect, "Nothing will stop us")
	none := findStmtIn(sts, KindDirect, "Unattributed")
	for name, s := range map[string]*Statement{"named": named, "pronoun": pronoun, "carried": carried, "none": none} {
		if s == nil {
			t.Fatalf("%s statement not found in %+v", name, sts)
		}
	}
	if speakerID(named) != "giorgia-meloni" || speakerID(pronoun) != "giorgia-meloni" || speakerID(carried) != "giorgia-meloni" {
		t.Fatalf("speakers = %q %q %q, want giorgia-meloni", speakerID(named), speakerID(pronoun), speakerID(carried))
	}
	if speakerID(none) != "" {
		t.Errorf("cue-less quote after narrative got speaker %q", speakerID(none))
	}
	if carried.Cue != "carry-over" {
		t.Errorf("carried cue = %q, want carry-over", carried.Cue)
	}
	if !(named.Confidence > pronoun.Confidence && pronoun.Confidence > carried.Confidence && carried.Confidence > none.Confidence) {
		t.Errorf("confidences named %v, pronoun %v, carried %v, none %v: want strictly decreasing",
			named.Confidence, pronoun.Confidence, carried.Confidence, none.Confidence)
	}
}

// TestStatementJSONShape checks the DESIGN §4 shape of a statement.
func TestStatementJSONShape(t *testing.T) {
	doc := Annotate("“We will act,” Keir Starmer said.\n“It was frank,” a diplomat said.")
	if len(doc.Statements) != 2 {
		t.Fatalf("got %d statements, want 2: %+v", len(doc.Statements), doc.Statements)
	}
	raw, err := json.Marshal(doc.Statements)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"kind", "quote", "start", "end", "speaker", "cue", "confidence"} {
		if _, ok := got[0][key]; !ok {
			t.Errorf("statement JSON lacks %q: %s", key, raw)
		}
	}
	sp, ok := got[0]["speaker"].(map[string]any)
	if !ok || sp["id"] != "keir-starmer" || sp["name"] != "Keir Starmer" {
		t.Errorf("speaker = %v, want {id: keir-starmer, name: Keir Starmer}", got[0]["speaker"])
	}
	if got[0]["quote"] != "We will act," || got[0]["kind"] != "direct" || got[0]["cue"] != "said" {
		t.Errorf("statement = %v", got[0])
	}
	if v, present := got[1]["speaker"]; !present || v != nil {
		t.Errorf("unnamed speaker must be null, got %v (present %v)", v, present)
	}
}

func findStmtIn(sts []Statement, kind, prefix string) *Statement {
	for i := range sts {
		if sts[i].Kind == kind && strings.HasPrefix(sts[i].Quote, prefix) {
			return &sts[i]
		}
	}
	return nil
}

// TestNoFalseReportedSpeech lists sentences that hold a reporting verb but
// report nothing.
func TestNoFalseReportedSpeech(t *testing.T) {
	for _, text := range []string{
		"In a statement, the Kremlin said.",
		"She told the BBC: “We are watching.”",
		"Speaking to reporters, Keir Starmer said.",
		"Sanctions continued to bite.",
	} {
		for _, s := range Annotate(text).Statements {
			if s.Kind == KindIndirect {
				t.Errorf("%q: unexpected reported speech %q", text, s.Quote)
			}
		}
	}
}

// TestNamedThingsHaveNoSpeaker: a quoted name is nobody's words, while a
// quoted phrase in a narrative sentence is its subject's.
func TestNamedThingsHaveNoSpeaker(t *testing.T) {
	doc := Annotate("Emmanuel Macron rejected the so-called “peace plan” on Monday.\nEmmanuel Macron called for “a ceasefire without conditions” on Monday.")
	if s := findStmt(doc, KindDirect, "peace plan"); s == nil || s.Speaker != nil {
		t.Errorf("so-called name: %+v, want a statement without speaker", s)
	}
	if s := findStmt(doc, KindDirect, "a ceasefire without conditions"); s == nil || speakerID(s) != "emmanuel-macron" {
		t.Errorf("phrase in narrative: %+v, want emmanuel-macron", s)
	}
}
