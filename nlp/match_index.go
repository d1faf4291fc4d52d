package nlp

import (
	"sort"
	"strings"
	"unicode"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// index holds the matching tables built once per Annotator from the
// gazetteer and the fixed vocabulary. It is never modified after buildIndex,
// so one index serves any number of goroutines.
type index struct {
	voc     *vocab
	lex     map[string]*lexEntry // every folded word the matcher knows
	entries []*lexEntry          // the same entries by id; entries[0] is nil
	// lowerLex holds the few words that matter when written in lower case
	// (titles, "the", particles, verbs after a capital); most words of an
	// article are lower case, and a small table is much faster to probe.
	lowerLex map[string]*lexEntry
	// lowerSeen is a bit per (length, first, last letter) of the keys a
	// lower-case token may find in lookups: a cheap test that rules out most
	// words before the map is probed.
	lowerSeen [1 << 14 / 64]uint64
	// lookups is the one table a token is looked up in (see token_lookup.go).
	lookups   map[string]vocabEntry
	classes   []wordClass // statement word classes by vocabEntry.cls; classes[0] is none
	leaders   []leaderInfo
	countries map[string]countryInfo // by id
	fuzzy     []fuzzyName            // long surnames, for anchored misspellings
	offices   map[string][]int32     // office → leaders holding it anywhere
	given     *givenModel            // how much an unknown word looks like a given name
}

// lexEntry is what the tables know about one folded word.
type lexEntry struct {
	id      int32 // its place in index.entries
	flags   uint32
	phrases []*phrase // gazetteer phrases that start with this word, longest first
	// For a word that starts many phrases: those of two words or more by
	// their second word, and those of this word alone, both in phrases' order.
	bySecond  map[string][]*phrase
	single    []*phrase
	kinds     kindSet // the kinds among phrases, to skip the list early
	roles     []*rolePhrase
	surnameOf []int32 // leaders whose surname (or one-word alias) this is
	givenOf   []int32 // leaders whose given name this is
}

// has reports whether e is known and carries any of flags f.
func (e *lexEntry) has(f uint32) bool { return e != nil && e.flags&f != 0 }

const (
	lexGiven          uint32 = 1 << iota // a common given name
	lexAmbiguousGiven                    // a given name that is also an everyday word ("Will", "Grant")
	lexNotName                           // never part of a name
	lexParticle                          // "von", "de", "al" inside a name
	lexSuffix                            // "Jr", "III" after a name
	lexAbbrev                            // "Mr", "Sen": its dot does not end a sentence
	lexCapitalAct                        // "said", "warned": a capital before it speaks for its country
	lexCommonSurname                     // too common to name a leader without more context
	lexCountryGiven                      // a country name that is also a given name ("Jordan", "Chad")
	lexOrgWord                           // ends an organisation or place name ("University", "Show")
	lexMonth                             // a month, which may still be a surname after a given name ("Theresa May")
	lexMale                              // a given name borne mostly by men
	lexFemale                            // a given name borne mostly by women
)

type phraseKind uint8

const (
	pkCountry phraseKind = iota + 1
	pkDemonym
	pkCapital
	pkOrg
	pkPlace // a place or body that is no entity ("New York", "South America")
	pkLeader
)

// phrase is a multi-word name from the gazetteer or the place list.
type phrase struct {
	keys    []string
	kind    phraseKind
	acronym bool // must be written in capitals: "US" yes, "us" never
	id      string
	leader  int32
	// lowerOK marks words that may be lower case inside the phrase ("of",
	// "the", "von"); others must be capitalised.
	lowerOK []bool
}

type rolePhrase struct {
	keys []string
	def  roleDef
}

type leaderInfo struct {
	id, name, gender, country string
	leader                    bool
	given, surname            string // folded; surname may hold several words
	surnameFirst              bool
	offices                   []gazetteer.Office
	terms                     []term     // per office: its days, parsed once
	titles                    [][]string // folded words of each title
}

type countryInfo struct {
	name    string
	capital string // folded
}

type fuzzyName struct {
	key    []rune
	leader int32
}

// buildIndex precomputes every table findEntities needs.
func buildIndex(g *gazetteer.Data, voc *vocab) *index {
	x := &index{voc: voc, lex: map[string]*lexEntry{}, countries: map[string]countryInfo{}, given: defaultGivenModel()}
	if g == nil {
		g = &gazetteer.Data{}
	}
	seen := map[string]*phrase{} // phrase key sequences already indexed
	add := func(text string, p *phrase) {
		keys, lowerOK := phraseKeys(text)
		if len(keys) == 0 {
			return
		}
		sig := strings.Join(keys, " ")
		if old := seen[sig]; old != nil {
			// "Von der Leyen" and "von der Leyen": either case will do
			if old.kind == p.kind && old.id == p.id && old.leader == p.leader {
				for k := range old.lowerOK {
					old.lowerOK[k] = old.lowerOK[k] || lowerOK[k]
				}
			}
			return
		}
		seen[sig] = p
		p.keys, p.lowerOK = keys, lowerOK
		e := x.entry(keys[0])
		e.phrases = append(e.phrases, p)
		e.kinds |= kindBit(p.kind)
	}

	for _, c := range g.Countries {
		x.countries[c.ID] = countryInfo{name: c.Name, capital: fold(c.Capital)}
	}
	// Leaders first: a full name beats a country that shares its first word.
	for i, l := range g.Leaders {
		li := leaderInfo{id: l.ID, name: l.Name, gender: l.Gender, country: l.Country, leader: !l.NotLeader,
			given: fold(l.Given), surname: fold(l.Surname), surnameFirst: l.SurnameFirst, offices: l.Offices,
			terms: termsOf(l.Offices)}
		for _, t := range l.Titles {
			li.titles = append(li.titles, strings.Fields(fold(t)))
		}
		x.leaders = append(x.leaders, li)
		idx := int32(i)
		for _, n := range append([]string{l.Name}, l.Aliases...) {
			if keys, _ := phraseKeys(n); len(keys) == 1 {
				x.addSurname(keys[0], idx)
				continue
			}
			add(n, &phrase{kind: pkLeader, leader: idx})
		}
		if keys, _ := phraseKeys(l.Surname); len(keys) == 1 {
			x.addSurname(keys[0], idx)
		} else if len(keys) > 1 {
			add(l.Surname, &phrase{kind: pkLeader, leader: idx})
		}
		if keys, _ := phraseKeys(l.Given); len(keys) > 0 {
			e := x.entry(keys[0])
			e.givenOf = append(e.givenOf, idx)
			if !l.SurnameFirst {
				e.flags |= lexGiven
			}
		}
	}
	for _, c := range g.Countries {
		add(c.Name, &phrase{kind: pkCountry, id: c.ID})
		for _, a := range c.Aliases {
			if rest, ok := strings.CutPrefix(a, "the "); ok && (rest == c.Name || contains(c.Aliases, rest)) {
				continue
			}
			add(a, &phrase{kind: pkCountry, id: c.ID, acronym: isAcronym(a)})
		}
		for _, d := range c.Demonyms {
			add(d, &phrase{kind: pkDemonym, id: c.ID})
		}
		if c.Capital != "" {
			add(c.Capital, &phrase{kind: pkCapital, id: c.ID})
		}
	}
	for _, o := range g.Organisations {
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			n = strings.TrimPrefix(n, "the ")
			add(n, &phrase{kind: pkOrg, id: o.ID, acronym: isAcronym(n)})
		}
	}
	for _, p := range voc.lex.List("place_phrases") {
		add(p, &phrase{kind: pkPlace})
	}
	for _, e := range x.lex {
		sort.SliceStable(e.phrases, func(a, b int) bool { return len(e.phrases[a].keys) > len(e.phrases[b].keys) })
		if len(e.phrases) < manyPhrases {
			continue
		}
		e.bySecond = map[string][]*phrase{}
		for _, p := range e.phrases {
			if len(p.keys) == 1 {
				e.single = append(e.single, p)
			} else {
				e.bySecond[p.keys[1]] = append(e.bySecond[p.keys[1]], p)
			}
		}
	}

	for _, d := range voc.roleDefs {
		keys := strings.Fields(d.phrase)
		for i, k := range keys {
			keys[i] = fold(k) // the lexicon is lower case; the matcher's keys are folded
		}
		e := x.entry(keys[0])
		e.roles = append(e.roles, &rolePhrase{keys: keys, def: d})
	}
	for _, e := range x.lex {
		sort.SliceStable(e.roles, func(a, b int) bool { return len(e.roles[a].keys) > len(e.roles[b].keys) })
	}

	for _, n := range g.GivenNames {
		if keys, _ := phraseKeys(n); len(keys) == 1 {
			x.entry(keys[0]).flags |= lexGiven
		}
	}
	setFlag := func(words []string, f uint32) {
		for _, w := range words {
			x.entry(fold(w)).flags |= f
		}
	}
	lex := voc.lex
	setFlag(lex.List("ambiguous_given_names"), lexAmbiguousGiven)
	for _, n := range lex.GivenNameGenders {
		f := lexMale
		if n.Gender == "f" {
			f = lexFemale
		}
		x.entry(fold(n.Word)).flags |= f | lexGiven
	}
	setFlag(lex.List("not_names"), lexNotName)
	setFlag(lex.List("org_suffixes"), lexOrgWord)
	setFlag(lex.List("month_names"), lexMonth)
	setFlag(lex.List("name_particles"), lexParticle)
	setFlag(lex.List("name_suffixes"), lexSuffix)
	setFlag(lex.List("abbreviations"), lexAbbrev)
	setFlag(lex.List("capital_acts"), lexCapitalAct)
	setFlag(lex.List("common_surnames"), lexCommonSurname)
	setFlag(lex.List("country_given_names"), lexCountryGiven)
	x.offices = map[string][]int32{}
	for _, d := range voc.roleDefs {
		if _, done := x.offices[d.office]; d.office == "" || done {
			continue
		}
		list := []int32{}
		for i := range x.leaders {
			if x.leaderHolds(int32(i), d.office, "", "", anyTime) {
				list = append(list, int32(i))
			}
		}
		x.offices[d.office] = list
	}
	x.entries = make([]*lexEntry, 1, len(x.lex)+1)
	for _, e := range x.lex {
		e.id = int32(len(x.entries))
		x.entries = append(x.entries, e)
	}
	x.lowerLex = map[string]*lexEntry{}
	for k, e := range x.lex {
		if k == "the" || len(e.roles) > 0 || e.flags&(lexParticle|lexCapitalAct) != 0 || lowerPhraseStart(e) {
			x.lowerLex[k] = e
		}
	}
	x.buildLookups(nil)
	return x
}

// manyPhrases is how many phrases a word starts before matchPhrase looks
// them up by their second word instead of trying each.
const manyPhrases = 6

func lowerHash(n int, first, last byte) uint {
	return (uint(n)*131 + uint(first)*31 + uint(last)) & (1<<14 - 1)
}

func lowerPhraseStart(e *lexEntry) bool {
	for _, p := range e.phrases {
		if p.lowerOK[0] && !p.acronym {
			return true
		}
	}
	return false
}

// givenGender is the gender a given name suggests, or "".
func (x *index) givenGender(key string) string {
	e := x.lex[key]
	switch {
	case e == nil:
	case e.flags&lexFemale != 0:
		return "f"
	case e.flags&lexMale != 0:
		return "m"
	}
	return ""
}

func (x *index) entry(key string) *lexEntry {
	e := x.lex[key]
	if e == nil {
		e = &lexEntry{}
		x.lex[key] = e
	}
	return e
}

func (x *index) addSurname(key string, leader int32) {
	e := x.entry(key)
	for _, l := range e.surnameOf {
		if l == leader {
			return
		}
	}
	e.surnameOf = append(e.surnameOf, leader)
	if r := []rune(key); len(r) >= 6 {
		x.fuzzy = append(x.fuzzy, fuzzyName{key: r, leader: leader})
	}
}

// phraseKeys splits a name into folded words the way tokenize does, and
// marks the words that may appear in lower case.
func phraseKeys(name string) (keys []string, lowerOK []bool) {
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			k := fold(string(cur))
			keys = append(keys, k)
			first := cur[0]
			lowerOK = append(lowerOK, !unicode.IsUpper(first))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '.':
			continue
		case isApostrophe(r) && i > 0 && i+1 < len(rs) && isNameRune(rs[i+1]):
			cur = append(cur, '\'')
		case isNameRune(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return keys, lowerOK
}

// isAcronym reports names written in capitals ("US", "U.K.", "NATO").
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
