package lexicon

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Extra is a user's additions to the lexicon: the [nlp.lexicon] section of
// the config. Words may be written in any case; an abbreviation or
// honorific may keep its period ("Rt.", "Mx.").
type Extra struct {
	// ReportingVerbs are added, or replace the verb with the same lemma.
	// Forms defaults to the lemma alone.
	ReportingVerbs []Verb `toml:"reporting_verbs"`
	// Honorifics are added, or replace the one with the same word. Flags
	// defaults to all of HonorificFlags ("mention" alone for a phrase of
	// several words).
	Honorifics []Honorific `toml:"honorifics"`
	// Titles are added, or replace the one with the same phrase. Class
	// defaults to "office" when an office is given, else "profession".
	Titles        []Title  `toml:"titles"`
	NotNames      []string `toml:"not_names"`
	Abbreviations []string `toml:"abbreviations"`
	OrgSuffixes   []string `toml:"org_suffixes"`
}

// Section is where Extra lives in the config, for error messages.
const Section = "nlp.lexicon"

// EntryError is a bad entry of Extra: Key is its field's config key
// ("titles"), Index its place in the list.
type EntryError struct {
	Key   string
	Index int
	Err   error
}

func (e *EntryError) Error() string {
	return fmt.Sprintf("%s.%s[%d]: %v", Section, e.Key, e.Index, e.Err)
}

func (e *EntryError) Unwrap() error { return e.Err }

// entryErr turns a check's error, which starts with where, into an
// EntryError.
func entryErr(key string, i int, where string, err error) error {
	msg := strings.TrimPrefix(err.Error(), where+": ")
	return &EntryError{Key: key, Index: i, Err: errors.New(msg)}
}

func norm(w string) string { return strings.Join(strings.Fields(strings.ToLower(w)), " ") }

func normAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = norm(w)
	}
	return out
}

// Merge returns base with extra added. base is not changed. The error names
// each bad entry by its place in the config ("nlp.lexicon.titles[2]"); each
// is an *EntryError.
func Merge(base *Lexicon, extra Extra) (*Lexicon, error) {
	out := base.clone()
	var errs []error
	where := func(key string, i int) string { return fmt.Sprintf("%s.%s[%d]", Section, key, i) }

	for i, v := range extra.ReportingVerbs {
		v = Verb{Lemma: norm(v.Lemma), Forms: normAll(v.Forms), NounForms: normAll(v.NounForms), Flags: normAll(v.Flags)}
		if len(v.Forms) == 0 {
			v.Forms = []string{v.Lemma}
		}
		w := where("reporting_verbs", i)
		if err := checkVerb(v, w); err != nil {
			errs = append(errs, entryErr("reporting_verbs", i, w, err))
			continue
		}
		k := slices.IndexFunc(out.Verbs, func(o Verb) bool { return o.Lemma == v.Lemma })
		for j, o := range out.Verbs {
			if j == k {
				continue
			}
			for _, f := range v.Forms {
				if slices.Contains(o.Forms, f) {
					errs = append(errs, &EntryError{Key: "reporting_verbs", Index: i, Err: fmt.Errorf("form %q is already a form of %q", f, o.Lemma)})
				}
			}
		}
		if k >= 0 {
			out.Verbs[k] = v
		} else {
			out.Verbs = append(out.Verbs, v)
		}
	}

	for i, h := range extra.Honorifics {
		h = Honorific{Word: strings.TrimSuffix(norm(h.Word), "."), Gender: norm(h.Gender), Flags: normAll(h.Flags)}
		if len(h.Flags) == 0 {
			h.Flags = keys(HonorificFlags)
			if strings.Contains(h.Word, " ") {
				h.Flags = []string{"mention"}
			}
		}
		w := where("honorifics", i)
		if err := checkHonorific(h, w); err != nil {
			errs = append(errs, entryErr("honorifics", i, w, err))
			continue
		}
		if k := slices.IndexFunc(out.Honorifics, func(o Honorific) bool { return o.Word == h.Word }); k >= 0 {
			out.Honorifics[k] = h
		} else {
			out.Honorifics = append(out.Honorifics, h)
		}
	}

	for i, t := range extra.Titles {
		t = Title{Phrase: norm(t.Phrase), Class: norm(t.Class), Office: norm(t.Office), Gender: norm(t.Gender), Flags: normAll(t.Flags)}
		if t.Class == "" {
			t.Class = "profession"
			if t.Office != "" {
				t.Class = "office"
			}
		}
		w := where("titles", i)
		if err := checkTitle(t, w); err != nil {
			errs = append(errs, entryErr("titles", i, w, err))
			continue
		}
		if k := slices.IndexFunc(out.Titles, func(o Title) bool { return o.Phrase == t.Phrase }); k >= 0 {
			out.Titles[k] = t
		} else {
			out.Titles = append(out.Titles, t)
		}
	}

	addList := func(name, key string, words []string, trimDot bool) {
		list := out.Lists[name]
		for i, w := range words {
			w = norm(w)
			if trimDot {
				w = strings.TrimSuffix(w, ".")
			}
			if err := checkWord(w, false, where(key, i)); err != nil {
				errs = append(errs, entryErr(key, i, where(key, i), err))
				continue
			}
			if !slices.Contains(list, w) {
				list = append(list, w)
			}
		}
		out.Lists[name] = list
	}
	addList("not_names", "not_names", extra.NotNames, false)
	addList("abbreviations", "abbreviations", extra.Abbreviations, true)
	addList("org_suffixes", "org_suffixes", extra.OrgSuffixes, false)

	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// Check reports what Merge would reject in extra, against the embedded
// lexicon.
func (e Extra) Check() error {
	base, err := Load()
	if err != nil {
		return err
	}
	_, err = Merge(base, e)
	return err
}
