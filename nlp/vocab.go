package nlp

import (
	"strings"
	"sync"

	"github.com/herald-reader/herald/nlp/lexicon"
)

// vocab is the lexicon (nlp/lexicon: the embedded tables plus the config's
// [nlp.lexicon] additions) compiled into the lookups the rules use. It is
// built once per Annotator and never modified. Tables that only set flags
// on words are read straight from lex by buildIndex and buildWordClasses.
type vocab struct {
	lex *lexicon.Lexicon

	roleDefs []roleDef // honorifics for mentions, then titles
	// roleHeads maps the last word of every office or profession title to
	// its gender byte (0 when unknown or mixed).
	roleHeads   map[string]byte
	officeWords map[string][]string // each title's office split into words
	inactive    map[string]bool     // modifiers that make a title a past one

	offices map[string]lexicon.Office // by role

	abbrevs map[string]bool // a final period does not end the sentence

	usStates, combiningForms, languageWords, languageBefore, placePrepositions map[string]bool
	georgiaStateWords                                                          map[string]bool
	// georgiaHints are the article-wide signs of the US state (Atlanta) or
	// of the country (Tbilisi).
	georgiaHints                                                            map[string]georgiaHint
	companyNouns, creditWords, appositionNouns, placePrefixes, presidential map[string]bool
	namingWords, collectives, bodyNouns, lyNouns                            map[string]bool
	documentNouns, topicPreps                                               map[string]bool
}

func newVocab(lex *lexicon.Lexicon) *vocab {
	v := &vocab{lex: lex, roleHeads: map[string]byte{}, officeWords: map[string][]string{}, inactive: map[string]bool{}}
	for _, h := range lex.Honorifics {
		if h.Has("mention") {
			v.roleDefs = append(v.roleDefs, roleDef{phrase: h.Word, class: roleHonorific, gender: h.Gender})
		}
	}
	classes := map[string]roleClass{"office": roleOffice, "profession": roleProfession, "modifier": roleModifier}
	for _, t := range lex.Titles {
		v.roleDefs = append(v.roleDefs, roleDef{phrase: t.Phrase, class: classes[t.Class], office: t.Office,
			leader: t.Has("leader"), gender: t.Gender, needQual: t.Has("needs-qual")})
		if t.Has("inactive") {
			v.inactive[t.Phrase] = true
		}
		if t.Office != "" {
			v.officeWords[t.Office] = strings.Fields(t.Office)
		}
	}
	for _, d := range v.roleDefs {
		if d.class != roleOffice && d.class != roleProfession {
			continue
		}
		w := d.phrase[strings.LastIndexByte(d.phrase, ' ')+1:]
		g := byte(0)
		if d.gender != "" {
			g = d.gender[0]
		}
		for _, k := range []string{w, fold(w)} {
			if old, ok := v.roleHeads[k]; ok && old != g {
				g = 0
			}
			v.roleHeads[k] = g
		}
	}
	for w := range v.inactive {
		v.inactive[fold(w)] = true
	}
	// The attribution rules look words up in lower case, the entity finder
	// folded ("maître" → "maitre"): the sets hold both forms.
	v.offices = map[string]lexicon.Office{}
	for _, o := range lex.Offices {
		v.offices[o.Role] = o
	}
	set := func(name string) map[string]bool {
		m := map[string]bool{}
		for _, w := range lex.List(name) {
			m[w], m[fold(w)] = true, true
		}
		return m
	}
	v.abbrevs = wordSet(lex.List("abbreviations")...) // the attribution tokeniser's, in lower case
	v.usStates, v.combiningForms, v.languageWords = set("us_states"), set("combining_forms"), set("language_words")
	v.languageBefore, v.placePrepositions = set("language_before"), set("place_prepositions")
	v.georgiaStateWords = set("georgia_state_words")
	v.georgiaHints = map[string]georgiaHint{}
	for w := range set("georgia_state_places") {
		v.georgiaHints[w] = georgiaStateHint
	}
	for w := range set("georgia_country_words") {
		v.georgiaHints[w] = georgiaCountryHint
	}
	v.companyNouns, v.creditWords, v.appositionNouns = set("company_nouns"), set("credit_words"), set("apposition_nouns")
	v.placePrefixes, v.presidential = set("place_prefixes"), set("presidential_countries")
	v.namingWords, v.collectives, v.bodyNouns, v.lyNouns = set("naming_words"), set("collectives"), set("body_nouns"), set("ly_nouns")
	v.documentNouns, v.topicPreps = set("document_nouns"), set("topic_prepositions")
	return v
}

type georgiaHint uint8

const (
	georgiaStateHint georgiaHint = iota + 1
	georgiaCountryHint
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	embeddedVocabOnce sync.Once
	embeddedVocab     *vocab
)

// defaultVocab is the vocabulary of the embedded lexicon alone, for tables
// built without an Annotator.
func defaultVocab() *vocab {
	embeddedVocabOnce.Do(func() {
		lex, err := lexicon.Load()
		if err != nil {
			panic("nlp: embedded lexicon is invalid: " + err.Error())
		}
		embeddedVocab = newVocab(lex)
	})
	return embeddedVocab
}
