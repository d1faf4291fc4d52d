// Package lexicon holds the fixed English vocabulary of herald's annotator as
// data: reporting verbs and their behaviour, honorifics, titles and offices,
// abbreviations, words that are never names, how gazetteer offices rank and
// match, and the closed word classes the entity and attribution rules ask
// about. The tables are embedded TSV files
// (data/*.tsv), validated when loaded, and extendable from the [nlp.lexicon]
// section of the user's config (see Extra and Merge).
//
// Every file has the same shape:
//
//	# comment lines start with '#'; blank lines are skipped
//	lemma	flags	noun_forms	forms	← the header: the table's columns
//	say	invert bare	-	say says said saying
//
// Columns are separated by one or more tabs (so they may be aligned); a field
// that lists several values separates them with spaces; "-" is an empty
// field. Words are lower case. A duplicate key, an unknown flag, class or
// gender, or a row with the wrong number of fields is an error that names
// the file and line.
package lexicon

import (
	"embed"
	"slices"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Verb is a reporting verb: its forms and how it introduces speech.
type Verb struct {
	Lemma string   `json:"lemma" toml:"lemma"`
	Forms []string `json:"forms" toml:"forms"`
	// NounForms are the forms that are also nouns ("claims", "remarks"):
	// verbs only right after a speaker.
	NounForms []string `json:"noun_forms,omitempty" toml:"noun_forms"`
	Flags     []string `json:"flags,omitempty" toml:"flags"` // see VerbFlags
}

// Has reports whether the verb carries flag.
func (v Verb) Has(flag string) bool { return slices.Contains(v.Flags, flag) }

// VerbFlags documents the flags a reporting verb may carry.
var VerbFlags = map[string]string{
	"invert":          `may come before its speaker right after a quote ("…,” said X")`,
	"object":          `takes a listener before the reported words ("told reporters")`,
	"object-optional": `an "object" verb whose listener may be left out ("warned that …")`,
	"bare":            `introduces reported speech without "that" ("X said he would")`,
	"weak":            `introduces a following quote only through a colon or comma ("He continued: “…”")`,
	"as":              `attributes a quote only when it follows closely ("dismissed the plan as “…”")`,
	"no-indirect":     `never introduces reported speech on its own`,
	"not-leading":     `never a cue before a quote ("began “…”")`,
	"according":       `"according to X": the speaker follows "to"`,
	"as-it":           `a cue only in "as X <verb> it" ("as the memo put it")`,
}

// Honorific is a word before a person's name, with the gender it gives.
type Honorific struct {
	Word   string   `json:"word" toml:"word"`
	Gender string   `json:"gender,omitempty" toml:"gender"` // "m", "f" or ""
	Flags  []string `json:"flags,omitempty" toml:"flags"`   // see HonorificFlags
}

// Has reports whether the honorific carries flag.
func (h Honorific) Has(flag string) bool { return slices.Contains(h.Flags, flag) }

// HonorificFlags documents the flags an honorific may carry.
var HonorificFlags = map[string]string{
	"mention":    `the entity finder makes it part of a person's mention ("Sir Keir Starmer")`,
	"opens-name": `a capitalised one opens a speaker's name that no entity covers ("said Mrs Brown")`,
	"personal":   `is followed by a name, never by another title: "Mr. King" is a person called King`,
}

// Title is a title, office, profession or modifier of one ("former") that
// may stand before a person's name.
type Title struct {
	Phrase string `json:"phrase" toml:"phrase"`
	Class  string `json:"class" toml:"class"` // see TitleClasses
	// Office is the gazetteer office role the title refers to, for resolving
	// title-only mentions ("the Prime Minister"); "leader" and "chief" stand
	// for any head of the qualifying country or organisation.
	Office string   `json:"office,omitempty" toml:"office"`
	Gender string   `json:"gender,omitempty" toml:"gender"` // "m", "f" or ""
	Flags  []string `json:"flags,omitempty" toml:"flags"`   // see TitleFlags
}

// Has reports whether the title carries flag.
func (t Title) Has(flag string) bool { return slices.Contains(t.Flags, flag) }

// TitleClasses documents the classes of title.
var TitleClasses = map[string]string{
	"office":     `names an office and may stand alone ("the Prime Minister"); needs an office`,
	"profession": `ambassador, spokesman, reporter: only before a name`,
	"modifier":   `former, acting: may precede any title`,
}

// TitleFlags documents the flags a title may carry.
var TitleFlags = map[string]string{
	"leader":     `a person introduced with this title is a leader`,
	"needs-qual": `names nobody without a country or organisation before it ("the Russian leader")`,
	"inactive":   `a modifier that makes the title a past or future one: no leader ("former")`,
	"opens-name": `a capitalised one opens a speaker's name that no entity covers ("said Senator Kaine")`,
}

// Office is a gazetteer office role ("prime minister") and how it ranks
// and matches when a title names an office.
type Office struct {
	Role string `json:"role"`
	// Rank orders the offices of a country's head: lower leads. An office
	// the table does not list ranks 8.
	Rank  int      `json:"rank"`
	Flags []string `json:"flags,omitempty"` // see OfficeFlags
	// Matches are the other held roles a title naming this office fits
	// ("foreign minister" fits a "secretary of state").
	Matches []string `json:"matches,omitempty"`
}

// Has reports whether the office carries flag.
func (o Office) Has(flag string) bool { return slices.Contains(o.Flags, flag) }

// OfficeFlags documents the flags an office may carry.
var OfficeFlags = map[string]string{
	"leader":       `the title "leader" ("the Russian leader") names its holder`,
	"presidential": `ranks 1 in the countries of presidential_countries`,
}

// Gendered is a word and the gender it suggests.
type Gendered struct {
	Word   string `json:"word"`
	Gender string `json:"gender"`
}

// Lexicon is the whole vocabulary. Load returns the embedded one; Merge adds
// a user's entries. Callers must not change a Lexicon they did not build.
type Lexicon struct {
	Verbs      []Verb      `json:"reporting_verbs"`
	Honorifics []Honorific `json:"honorifics"`
	Titles     []Title     `json:"titles"`
	Offices    []Office    `json:"offices"`
	// GivenNameGenders are common given names borne mostly by one gender.
	GivenNameGenders []Gendered `json:"given_name_genders"`
	// Pronouns are the pronouns that can name a speaker: "m", "f", "n"
	// (it), "p" (they) or "x" (I, we).
	Pronouns []Gendered `json:"pronouns"`
	// Lists holds every one-column table by name (see Lists).
	Lists map[string][]string `json:"lists"`
}

// List returns the one-column table name (one of ListNames). It panics on a
// name no file defines: that is a programming error the tests catch.
func (l *Lexicon) List(name string) []string {
	if _, ok := listByName[name]; !ok {
		panic("lexicon: no list " + name)
	}
	return l.Lists[name]
}

var (
	loadOnce sync.Once
	loaded   *Lexicon
	loadErr  error
)

// Load returns the embedded lexicon, parsed and validated once. Each call
// returns an independent copy.
func Load() (*Lexicon, error) {
	loadOnce.Do(func() { loaded, loadErr = parseFS(dataFS, "data") })
	if loadErr != nil {
		return nil, loadErr
	}
	return loaded.clone(), nil
}

func (l *Lexicon) clone() *Lexicon {
	c := &Lexicon{
		Verbs:            slices.Clone(l.Verbs),
		Honorifics:       slices.Clone(l.Honorifics),
		Titles:           slices.Clone(l.Titles),
		Offices:          slices.Clone(l.Offices),
		GivenNameGenders: slices.Clone(l.GivenNameGenders),
		Pronouns:         slices.Clone(l.Pronouns),
		Lists:            make(map[string][]string, len(l.Lists)),
	}
	for k, v := range l.Lists {
		c.Lists[k] = slices.Clone(v)
	}
	return c
}
