package nlp

import (
	"testing"

	"github.com/herald-reader/herald/nlp/lexicon"
)

// A user's [nlp.lexicon] additions reach both the entity finder and the
// attribution rules, and key a fresh Version.
func TestLexiconAdditions(t *testing.T) {
	cases := []struct {
		name  string
		extra lexicon.Extra
		text  string
		// check reports what is wrong with the document, "" when the
		// addition took effect; it must fail without the addition.
		check func(Doc) string
	}{
		{"reporting verb", lexicon.Extra{ReportingVerbs: []lexicon.Verb{{Lemma: "opine", Forms: []string{"opine", "opined"}, Flags: []string{"invert", "bare"}}}},
			"Maria Lopez opined that the vote was lost.",
			func(d Doc) string {
				if len(d.Statements) != 1 || d.Statements[0].Kind != "indirect" || d.Statements[0].Cue != "opined" ||
					d.Statements[0].Speaker == nil || d.Statements[0].Speaker.Name != "Maria Lopez" {
					return "want one reported statement of Maria Lopez cued by opined"
				}
				return ""
			}},
		{"honorific", lexicon.Extra{Honorifics: []lexicon.Honorific{{Word: "Maître", Gender: "m"}}},
			"Maître Dupont said: “The court erred.”",
			func(d Doc) string {
				if len(d.Entities) != 1 || d.Entities[0].Name != "Dupont" || d.Entities[0].Text != "Maître Dupont" {
					return "want the person Dupont, mentioned as Maître Dupont"
				}
				if len(d.Statements) != 1 || d.Statements[0].Speaker == nil || d.Statements[0].Speaker.Name != "Dupont" {
					return "want Dupont as the speaker"
				}
				return ""
			}},
		{"title", lexicon.Extra{Titles: []lexicon.Title{{Phrase: "Chief Rabbi"}}},
			"Chief Rabbi Ephraim Mirvis said: “We mourn.”",
			func(d Doc) string {
				if len(d.Entities) != 1 || d.Entities[0].Name != "Ephraim Mirvis" || d.Entities[0].Text != "Chief Rabbi Ephraim Mirvis" {
					return "want Ephraim Mirvis, titled Chief Rabbi"
				}
				return ""
			}},
		{"not a name", lexicon.Extra{NotNames: []string{"Zorblax"}},
			"Zorblax Quenton said: “We mourn.”",
			func(d Doc) string {
				if len(d.Statements) != 1 || d.Statements[0].Speaker == nil || d.Statements[0].Speaker.Name != "Quenton" {
					return "want Quenton as the speaker, without Zorblax"
				}
				return ""
			}},
		{"abbreviation", lexicon.Extra{Abbreviations: []string{"Cllr."}},
			"The talks ended. Cllr. Morse said: “We mourn.”",
			func(d Doc) string {
				if len(d.Statements) != 1 || d.Statements[0].Speaker == nil || d.Statements[0].Speaker.Name != "Cllr. Morse" {
					return "want Cllr. Morse as the speaker: the period does not end the sentence"
				}
				return ""
			}},
		{"organisation suffix", lexicon.Extra{OrgSuffixes: []string{"Cooperative"}},
			"Jane Hollis Cooperative said it would cut prices.",
			func(d Doc) string {
				for _, e := range d.Entities {
					if e.Kind == KindPerson {
						return "want no person: a name that ends in an organisation suffix is an organisation's"
					}
				}
				if len(d.Statements) != 1 {
					return "want the statement kept"
				}
				return ""
			}},
	}
	base := Default()
	seen := map[string]string{base.Version(): "none"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if msg := c.check(base.Annotate(c.text)); msg == "" {
				t.Fatalf("the embedded lexicon already passes; the case shows nothing")
			}
			a, err := New(Options{Lexicon: c.extra})
			if err != nil {
				t.Fatal(err)
			}
			if doc := a.Annotate(c.text); c.check(doc) != "" {
				t.Errorf("%s: got %+v", c.check(doc), doc)
			}
			if other, ok := seen[a.Version()]; ok {
				t.Errorf("version %s is the same as with %s additions", a.Version(), other)
			}
			seen[a.Version()] = c.name
			again, _ := New(Options{Lexicon: c.extra})
			if again.Version() != a.Version() {
				t.Errorf("the same additions give versions %s and %s", a.Version(), again.Version())
			}
		})
	}
}

func TestBadLexiconAdditionIsAnError(t *testing.T) {
	_, err := New(Options{Lexicon: lexicon.Extra{Titles: []lexicon.Title{{Phrase: "rabbi", Class: "cleric"}}}})
	if err == nil {
		t.Fatal("an unknown title class was accepted")
	}
}
