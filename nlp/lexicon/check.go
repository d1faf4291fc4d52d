package lexicon

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// checkWord checks one entry: not empty, no tabs; unless phrases, a single
// lower-case word.
func checkWord(w string, phrases bool, where string) error {
	switch {
	case w == "":
		return fmt.Errorf("%s: empty word", where)
	case strings.TrimSpace(w) != w || strings.ContainsAny(w, "\t\n"):
		return fmt.Errorf("%s: %q has surrounding or inner white space other than single spaces", where, w)
	case phrases:
		if strings.Contains(w, "  ") {
			return fmt.Errorf("%s: %q has a double space", where, w)
		}
		return nil
	case strings.Contains(w, " "):
		return fmt.Errorf("%s: %q is more than one word", where, w)
	}
	return checkLower(w, where)
}

// checkPhrase checks a title or honorific: lower-case words separated by
// single spaces.
func checkPhrase(p, where string) error {
	if err := checkWord(p, true, where); err != nil {
		return err
	}
	return checkLower(p, where)
}

func checkLower(w, where string) error {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return fmt.Errorf("%s: %q is not lower case", where, w)
		}
	}
	return nil
}

func checkFlags(flags []string, known map[string]string, where string) error {
	for i, f := range flags {
		if _, ok := known[f]; !ok {
			return fmt.Errorf("%s: unknown flag %q (known: %s)", where, f, strings.Join(keys(known), ", "))
		}
		if slices.Contains(flags[:i], f) {
			return fmt.Errorf("%s: flag %q given twice", where, f)
		}
	}
	return nil
}

func checkGender(g, where string) error {
	if g != "" && g != "m" && g != "f" {
		return fmt.Errorf("%s: gender %q is not \"m\", \"f\" or empty", where, g)
	}
	return nil
}

func keys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }

func checkVerb(v Verb, where string) error {
	if err := checkWord(v.Lemma, false, where); err != nil {
		return err
	}
	if len(v.Forms) == 0 {
		return fmt.Errorf("%s: verb %q has no forms", where, v.Lemma)
	}
	for i, f := range v.Forms {
		if err := checkWord(f, false, where); err != nil {
			return err
		}
		if slices.Contains(v.Forms[:i], f) {
			return fmt.Errorf("%s: form %q given twice", where, f)
		}
	}
	for _, f := range v.NounForms {
		if !slices.Contains(v.Forms, f) {
			return fmt.Errorf("%s: noun form %q is not one of the verb's forms", where, f)
		}
	}
	if err := checkFlags(v.Flags, VerbFlags, where); err != nil {
		return err
	}
	if v.Has("object-optional") && !v.Has("object") {
		return fmt.Errorf("%s: flag \"object-optional\" needs \"object\"", where)
	}
	return nil
}

func checkHonorific(h Honorific, where string) error {
	if err := checkPhrase(h.Word, where); err != nil {
		return err
	}
	if err := checkGender(h.Gender, where); err != nil {
		return err
	}
	if err := checkFlags(h.Flags, HonorificFlags, where); err != nil {
		return err
	}
	return oneWordFlags(h.Word, h.Flags, where)
}

// oneWordFlags refuses the flags the attribution rules read word by word
// on a phrase of several words, which they would never see.
func oneWordFlags(phrase string, flags []string, where string) error {
	if !strings.Contains(phrase, " ") {
		return nil
	}
	for _, f := range flags {
		if f == "opens-name" || f == "personal" {
			return fmt.Errorf("%s: %q is several words: flag %q applies to one word only", where, phrase, f)
		}
	}
	return nil
}

func checkTitle(t Title, where string) error {
	if err := checkPhrase(t.Phrase, where); err != nil {
		return err
	}
	if _, ok := TitleClasses[t.Class]; !ok {
		return fmt.Errorf("%s: unknown class %q (known: %s)", where, t.Class, strings.Join(keys(TitleClasses), ", "))
	}
	switch {
	case t.Class == "office" && t.Office == "":
		return fmt.Errorf("%s: an office title needs the office it names", where)
	case t.Class != "office" && t.Office != "":
		return fmt.Errorf("%s: only an office title names an office", where)
	}
	if t.Office != "" {
		if err := checkPhrase(t.Office, where); err != nil {
			return err
		}
	}
	if err := checkGender(t.Gender, where); err != nil {
		return err
	}
	if err := checkFlags(t.Flags, TitleFlags, where); err != nil {
		return err
	}
	if err := oneWordFlags(t.Phrase, t.Flags, where); err != nil {
		return err
	}
	switch {
	case t.Has("inactive") && t.Class != "modifier":
		return fmt.Errorf("%s: only a modifier is \"inactive\"", where)
	case (t.Has("leader") || t.Has("needs-qual")) && t.Class != "office":
		return fmt.Errorf("%s: only an office title is \"leader\" or \"needs-qual\"", where)
	}
	return nil
}

func checkOffice(o Office, where string) error {
	if err := checkPhrase(o.Role, where); err != nil {
		return err
	}
	if o.Rank < 0 || o.Rank > 8 {
		return fmt.Errorf("%s: rank must be a number from 0 to 8", where)
	}
	if err := checkFlags(o.Flags, OfficeFlags, where); err != nil {
		return err
	}
	for _, m := range o.Matches {
		if err := checkPhrase(m, where); err != nil {
			return fmt.Errorf("%s: matches: roles are separated by commas: %w", where, err)
		}
	}
	return nil
}
