package nlp

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// maxPromoted bounds the people a reporting cue may add, so that hostile text
// with thousands of "X Y said" lines stays linear.
const maxPromoted = 64

// promoteSpeakers turns the speakers that reporting cues named, but that the
// entity finder did not know, into people: "Guenther Schuh told reporters" is
// evidence enough that Guenther Schuh is a person whatever list his given name
// is missing from. Every other mention of the full name, and of the surname
// alone, becomes a mention of that person where no entity stands already.
// ents must be sorted by Start and not overlap; so is the result.
func (x *index) promoteSpeakers(text string, ents []Entity, named []textSpan) []Entity {
	if len(named) == 0 {
		return ents
	}
	type person struct{ name, id, last string }
	var people []person
	for _, sp := range named {
		if precededByThe(text, sp.start) || afterFunctionWord(text, sp.start) {
			// "the Orlando Magic said": a team, a firm, an event;
			// "Commission on Presidential Debates": the end of a longer name
			continue
		}
		name := cleanName(text[sp.start:sp.end])
		id := gazetteer.Slug(name)
		if len(people) >= maxPromoted || !x.personName(name) || slices.ContainsFunc(people, func(p person) bool { return p.id == id }) {
			continue
		}
		words := strings.Fields(name)
		people = append(people, person{name: name, id: id, last: words[len(words)-1]})
	}
	if len(people) == 0 {
		return ents
	}
	// Known people keep their names: "Trump" stays Donald Trump, and "Peña
	// Nieto" said is Enrique Peña Nieto.
	taken := map[string]bool{}
	for _, e := range ents {
		taken[e.ID] = true
		if e.Kind == KindPerson {
			if f := strings.Fields(e.Name); len(f) > 0 {
				taken["last:"+f[len(f)-1]] = true
			}
		}
	}
	var found []Entity
	for _, p := range people {
		if taken[p.id] || taken["last:"+p.last] {
			continue
		}
		for _, form := range []string{p.name, p.last} {
			for at := 0; at < len(text); {
				k := strings.Index(text[at:], form)
				if k < 0 {
					break
				}
				s, e := at+k, at+k+len(form)
				at = e
				if wordBounded(text, s, e) && !overlapsSorted(ents, s, e) {
					found = append(found, Entity{Kind: KindPerson, ID: p.id, Name: p.name, Text: text[s:e], Start: s, End: e})
				}
			}
		}
	}
	if len(found) == 0 {
		return ents
	}
	// the longer form wins where a full name and its surname overlap
	slices.SortFunc(found, func(a, b Entity) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	out := make([]Entity, 0, len(ents)+len(found))
	out = append(out, ents...)
	last := -1
	for _, f := range found {
		if f.Start < last {
			continue
		}
		out = append(out, f)
		last = f.End
	}
	slices.SortStableFunc(out, func(a, b Entity) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// personName reports whether capitalised words read as a person's name: two
// to four words, each capitalised or a particle, none an organisation word,
// a title, a digit, an acronym or a word that is never a name, and not opening with a
// country or demonym ("Russian Embassy", "American Action Forum").
func (x *index) personName(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	titles := 0 // words that start a title: "First Minister" is no one's name
	for _, w := range words {
		if e := x.lex[fold(w)]; e != nil && len(e.roles) > 0 && e.flags&lexGiven == 0 {
			titles++
		}
	}
	if titles == len(words) {
		return false
	}
	for i, w := range words {
		e := x.lex[fold(strings.TrimRight(w, ".,"))]
		if e != nil && e.flags&lexParticle != 0 && i > 0 && i < len(words)-1 {
			continue
		}
		if i == 0 && x.voc.placePrefixes[fold(w)] {
			return false // "Los Pinos said": a place
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsFunc(w, unicode.IsDigit) || allCapsWord(w) {
			return false
		}
		if e == nil {
			continue
		}
		if e.flags&(lexNotName|lexOrgWord) != 0 && e.flags&lexGiven == 0 {
			return false
		}
		if i == 0 && e.kinds&(kindBit(pkCountry)|kindBit(pkDemonym)|kindBit(pkOrg)) != 0 && e.flags&lexGiven == 0 {
			return false
		}
	}
	return true
}

// allCapsWord reports a word of two or more capitals ("UFCW", "BC"), which names
// an organisation; initials ("T.J.", "O.") do not count.
func allCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2
}

// afterFunctionWord reports a lower-case preposition or article right
// before offset i, which makes the capitalised words that follow the end of
// a longer name.
func afterFunctionWord(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	k := strings.LastIndexByte(before, ' ') + 1
	switch before[k:] {
	case "of", "on", "for", "a", "an", "and", "at", "in", "to":
		return len(before) < i // a space stood between
	}
	return false
}

// precededByThe reports the article "the" right before offset i.
func precededByThe(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	if len(before) == i || len(before) < 3 {
		return false
	}
	w := before[len(before)-3:]
	return strings.EqualFold(w, "the") && (len(before) == 3 || !isWordByte(before[len(before)-4]|0x20))
}

// wordBounded reports whether text[s:e] is a whole word run.
func wordBounded(text string, s, e int) bool {
	if s > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return false
		}
	}
	if e < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[e:]); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return false
		}
	}
	return true
}

// overlapsSorted reports whether [s, e) overlaps an entity of ents, which
// are sorted by Start and do not overlap.
func overlapsSorted(ents []Entity, s, e int) bool {
	i, _ := slices.BinarySearchFunc(ents, e, func(x Entity, end int) int { return cmp.Compare(x.Start, end) })
	// ents[i-1] is the last entity starting before e
	return i > 0 && ents[i-1].End > s
}
