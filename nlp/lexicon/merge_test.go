package lexicon

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestMergeAddsAndReplaces(t *testing.T) {
	base, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	extra := Extra{
		ReportingVerbs: []Verb{
			{Lemma: "Opine", Forms: []string{"opine", "opines", "Opined"}, Flags: []string{"invert"}},
			{Lemma: "gush"}, // forms default to the lemma
			{Lemma: "say", Forms: []string{"say", "says", "said"}, Flags: []string{"invert"}}, // replaces say
		},
		Honorifics:    []Honorific{{Word: "Maître", Gender: "m"}, {Word: "Dr.", Gender: "f", Flags: []string{"mention"}}, {Word: "Right Honourable"}},
		Titles:        []Title{{Phrase: "Chief  Rabbi"}, {Phrase: "lord mayor", Office: "mayor", Flags: []string{"needs-qual"}}},
		NotNames:      []string{"Brexit", "the"},
		Abbreviations: []string{"Rt."},
		OrgSuffixes:   []string{"Cooperative"},
	}
	lex, err := Merge(base, extra)
	if err != nil {
		t.Fatal(err)
	}
	find := func(lemma string) *Verb {
		for i := range lex.Verbs {
			if lex.Verbs[i].Lemma == lemma {
				return &lex.Verbs[i]
			}
		}
		return nil
	}
	if v := find("opine"); v == nil || !slices.Equal(v.Forms, []string{"opine", "opines", "opined"}) || !v.Has("invert") {
		t.Errorf("opine = %+v", v)
	}
	if v := find("gush"); v == nil || !slices.Equal(v.Forms, []string{"gush"}) {
		t.Errorf("gush = %+v", v)
	}
	if v := find("say"); v == nil || v.Has("bare") || slices.Contains(v.Forms, "saying") {
		t.Errorf("say was not replaced: %+v", v)
	}
	h := lex.Honorifics[slices.IndexFunc(lex.Honorifics, func(h Honorific) bool { return h.Word == "maître" })]
	if h.Gender != "m" || !h.Has("mention") || !h.Has("opens-name") || !h.Has("personal") {
		t.Errorf("maître = %+v, want every flag by default", h)
	}
	if k := slices.IndexFunc(lex.Honorifics, func(h Honorific) bool { return h.Word == "right honourable" }); k < 0 || !slices.Equal(lex.Honorifics[k].Flags, []string{"mention"}) {
		t.Errorf("a phrase honorific should default to mention alone")
	}
	if k := slices.IndexFunc(lex.Honorifics, func(h Honorific) bool { return h.Word == "dr" }); lex.Honorifics[k].Gender != "f" || lex.Honorifics[k].Has("personal") {
		t.Errorf("dr was not replaced: %+v", lex.Honorifics[k])
	}
	k := slices.IndexFunc(lex.Titles, func(t Title) bool { return t.Phrase == "chief rabbi" })
	if k < 0 || lex.Titles[k].Class != "profession" {
		t.Errorf("chief rabbi: %+v", lex.Titles)
	}
	k = slices.IndexFunc(lex.Titles, func(t Title) bool { return t.Phrase == "lord mayor" })
	if k < 0 || lex.Titles[k].Class != "office" || lex.Titles[k].Office != "mayor" {
		t.Errorf("lord mayor: class should default to office")
	}
	if nn := lex.List("not_names"); !slices.Contains(nn, "brexit") || len(nn) != len(base.List("not_names"))+1 {
		t.Errorf("not_names: brexit added once, the not twice: %d → %d", len(base.List("not_names")), len(nn))
	}
	if !slices.Contains(lex.List("abbreviations"), "rt") || !slices.Contains(lex.List("org_suffixes"), "cooperative") {
		t.Error("abbreviation or organisation suffix not added")
	}
	// base is untouched
	if slices.Contains(base.List("not_names"), "brexit") || slices.ContainsFunc(base.Verbs, func(v Verb) bool { return v.Lemma == "opine" }) {
		t.Error("Merge changed its base")
	}
}

func TestMergeErrorsNameTheEntry(t *testing.T) {
	base, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		extra Extra
		want  string
	}{
		{"unknown flag", Extra{ReportingVerbs: []Verb{{Lemma: "opine", Flags: []string{"loudly"}}}}, `nlp.lexicon.reporting_verbs[0]: unknown flag "loudly"`},
		{"form of another verb", Extra{ReportingVerbs: []Verb{{Lemma: "x"}, {Lemma: "utter", Forms: []string{"utter", "told"}}}},
			`nlp.lexicon.reporting_verbs[1]: form "told" is already a form of "tell"`},
		{"bad gender", Extra{Honorifics: []Honorific{{Word: "Dame", Gender: "female"}}}, `nlp.lexicon.honorifics[0]: gender "female"`},
		{"bad class", Extra{Titles: []Title{{Phrase: "rabbi", Class: "cleric"}}}, `nlp.lexicon.titles[0]: unknown class "cleric"`},
		{"two words", Extra{NotNames: []string{"ok", "New Labour"}}, `nlp.lexicon.not_names[1]: "new labour" is more than one word`},
		{"empty", Extra{Abbreviations: []string{" "}}, `nlp.lexicon.abbreviations[0]: empty word`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Merge(base, c.extra)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want %q", err, c.want)
			}
			if err2 := c.extra.Check(); (err2 == nil) != (err == nil) {
				t.Errorf("Check = %v, Merge = %v", err2, err)
			}
			var ee *EntryError
			if !errors.As(err, &ee) || !strings.HasPrefix(c.want, "nlp.lexicon."+ee.Key+"["+strconv.Itoa(ee.Index)+"]") {
				t.Errorf("the error %#v does not name the entry of %q", ee, c.want)
			}
		})
	}
}
