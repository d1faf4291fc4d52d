package nlp

import (
	"strings"
	"unicode"
)

// This file reads the names themselves: after a title, alone, and the
// rules for where a name may start, go on and end.

// nameAfterTitle reads the name after a title ("President [Putin]"),
// filling m. The name may be any capitalised words.
func (s *scanner) nameAfterTitle(i int, m *raw) (int, bool) {
	if !s.nameStart(i, true) {
		return i, false
	}
	end := s.nameRun(i)
	// "Mayor Kennedy Stewart" is not Robert F. Kennedy: a leader's name
	// counts only when the name ends with it.
	if p, e := s.matchPhrase(i, kindBit(pkLeader)); p != nil && !s.suffixAt(e) && e >= end {
		s.fillName(m, i, e)
		m.leader = p.leader
		return e, true
	}
	if s.orgFollows(end) {
		return i, false
	}
	// "Miss Universe Alicia Machado": the name starts at the given name.
	if end-i >= 3 && !s.isGiven(i) {
		for k := i + 1; k < end-1; k++ {
			if s.isGiven(k) {
				return i, false
			}
		}
	}
	s.fillName(m, i, end)
	m.leader = s.x.resolveFullName(m.keys)
	if m.leader < 0 && end-i >= 2 && s.isSurname(i) && !s.isGiven(i) && s.toks[i].is(tHeadline) {
		// "President Obama Speech" in a headline: a known surname ends the
		// name; in running text "Mayor Kennedy Stewart" is someone else
		end = i + 1
		s.fillName(m, i, end)
	}
	return end, true
}

func (s *scanner) isGiven(i int) bool {
	l := s.lexAt(i)
	return l != nil && l.flags&lexGiven != 0
}

func (s *scanner) isSurname(i int) bool {
	l := s.lexAt(i)
	return l != nil && len(l.surnameOf) > 0
}

// orgFollows reports a capitalised organisation word right after a name,
// which makes the name part of an organisation's ("Steve Harvey Show").
func (s *scanner) orgFollows(i int) bool {
	if i >= len(s.toks) || i == 0 || s.toks[i-1].is(tPoss) {
		return false
	}
	t := &s.toks[i]
	return t.joined() && t.capitalised() && s.lex(t).has(lexOrgWord)
}

// namedPerson reads a name with no title in front of it.
func (s *scanner) namedPerson(i int) (int, bool) {
	t := &s.toks[i]
	if !s.nameStart(i, false) {
		return i, false
	}
	var m raw
	if i+1 < len(s.toks) && s.toks[i+1].is(tHyph) && s.toks[i+1].capitalised() && !s.nameContinues(i+2) {
		return i, false // "Petro-Canada" names a company, not Gustavo Petro
	}
	if p, e := s.matchPhrase(i, kindBit(pkLeader)); p != nil {
		if !s.suffixAt(e) {
			s.fillName(&m, i, e)
			m.leader = p.leader
			s.out = append(s.out, m)
			return e, true
		}
	}
	end := s.nameRun(i)
	if s.orgFollows(end) || end-i >= 2 && s.afterThe(i) {
		// "the Orlando Magic", "the Arnold Palmer Invitational": the article
		// does not come before a person's name
		return end, true
	}
	s.fillName(&m, i, end)
	words := len(m.keys)
	if words >= 2 {
		if l := s.x.resolveFullName(m.keys); l >= 0 {
			m.leader = l
			s.out = append(s.out, m)
			return end, true
		}
		if !s.nameShaped(i, end) || s.companyAround(i, end) {
			return end, true // "Bill C-48", "BC Hydro", "shares of Morgan Stanley"
		}
		first := s.lexAt(i)
		givenOK := first != nil && (first.flags&lexGiven != 0 || first.flags&lexCountryGiven != 0) &&
			!(first.flags&lexAmbiguousGiven != 0 && t.is(tSentStart|tHeadline)) && !t.is(tHeadline)
		if givenOK {
			m.given = true
			s.out = append(s.out, m)
			return end, true
		}
		if len(nameKeys(s.x, m.keys)) <= 3 && (s.appositionAt(end) || s.roleNounBefore(i) || s.creditBefore(i) || s.nameLike(i, end)) && s.plainName(i, end) {
			// "Quina Jones, 25, said", "Vann R. Newkirk II, a writer"
			s.out = append(s.out, m)
			return end, true
		}
		// "Crunch Trump": an unknown word before a known surname is no part of the name.
		if l := s.lexAt(end - 1); l != nil && len(l.surnameOf) > 0 && !s.suffixAt(end) {
			return i, false
		}
		// "Obama Speech": a known surname followed by unknown words, unless
		// the article writes a longer name that ends with these words
		// ("Peña Nieto"); the resolver decides.
		if s.isSurname(i) {
			m.firstEnd = int(s.toks[i].end)
		}
		m.kind = rkBare
		s.out = append(s.out, m)
		return end, true
	}
	// one word: a leader's surname, resolved once the whole article is read
	if l := s.lex(t); l != nil && len(l.surnameOf) > 0 && l.flags&lexCommonSurname == 0 {
		s.out = append(s.out, m)
		return end, true
	}
	return i, false
}

// nameShaped reports whether tokens [a, b) look like a person's name: no
// word holds a digit ("Bill C-48", "Russell 2000") and the first word is no
// acronym before a word in lower case ("BC Hydro"; initials take dots).
func (s *scanner) nameShaped(a, b int) bool {
	for k := a; k < b; k++ {
		w := s.text[int(s.toks[k].start):int(s.toks[k].end)]
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
	}
	caps := func(k int) bool {
		w := s.text[int(s.toks[k].start):int(s.toks[k].end)]
		return len(w) >= 2 && strings.IndexByte(w, '.') < 0 && strings.ToUpper(w) == w
	}
	// in an all-capitals line every word is an acronym
	return !caps(a) || caps(b-1)
}

// companyAround reports the signs of a company around the name at [a, b):
// "shares of X", "stock in X", or "X raised its forecast" (a company is
// "it"; a person is not).
func (s *scanner) companyAround(a, b int) bool {
	if a >= 2 && (s.keyAt(a-1) == "of" || s.keyAt(a-1) == "in") && s.x.voc.companyNouns[s.keyAt(a-2)] {
		return true
	}
	for k := b; k < len(s.toks) && k <= b+2; k++ {
		switch s.keyAt(k) {
		case "its":
			return k > b // "X raised its …", not "X its" across a break
		case "his", "her", "he", "she", "who":
			return false
		}
		if s.toks[k].is(tComma) || s.toks[k].is(tSentStart) {
			return false
		}
	}
	return false
}

// afterThe reports the article "the" right before token i.
func (s *scanner) afterThe(i int) bool {
	return i > 0 && s.keyAt(i-1) == "the" && s.toks[i].joined()
}

// plainName reports a name that starts with a word of two letters or more,
// not hyphenated to the next and not in brackets: not "(D-Va.)".
func (s *scanner) plainName(a, b int) bool {
	if st := int(s.toks[a].start); st > 0 && s.text[st-1] == '(' {
		return false
	}
	return int(s.toks[a].end)-int(s.toks[a].start) >= 2 && !s.toks[a+1].is(tHyph)
}

// appositionAt reports ", 25," or ", a writer ..." at token i, after a
// name: the signs of a person whose given name no list knows.
func (s *scanner) appositionAt(i int) bool {
	if i >= len(s.toks) || !s.toks[i].is(tComma) {
		return false
	}
	t := &s.toks[i]
	if len(s.key(t)) > 0 && s.key(t)[0] >= '0' && s.key(t)[0] <= '9' && len(s.key(t)) <= 3 {
		return i+1 < len(s.toks) && s.toks[i+1].is(tComma)
	}
	from := i + 1
	if s.key(t) != "a" && s.key(t) != "an" && s.key(t) != "the" {
		// ", executive director of AROS", ", head of the center": a role
		// with no article, its words in lower case
		from = i
	}
	last := i + 3
	if from == i {
		last = i + 1 // at most one modifier: "executive director"
	}
	for k := from; k < len(s.toks) && k <= last; k++ {
		if from == i && (s.toks[k].capitalised() || s.lexAt(k).has(lexNotName) && k == i) {
			return false
		}
		u := &s.toks[k]
		if k > i && !u.joined() {
			return false
		}
		if s.isRoleHead(s.key(u), from == i) {
			return true
		}
		if d, _ := s.matchRole(k); d != nil && d.class != roleModifier && d.class != roleHonorific {
			return true
		}
	}
	return false
}

// roleNounBefore reports a noun for a person right before the name at i:
// "manager Unai Emery", "Artist Kwame Boateng-Reid", "pollster X".
func (s *scanner) roleNounBefore(i int) bool {
	if i == 0 || !s.toks[i].joined() || s.toks[i].is(tUpper) {
		return false
	}
	k := s.keyAt(i - 1)
	return s.isRoleHead(k, true)
}

// creditBefore reports a name in a credit line: "(Reporting by X and Y;
// Editing by Z)", "(Photo: X/Agency)".
func (s *scanner) creditBefore(i int) bool {
	if s.toks[i].is(tUpper) {
		return false // "VIDEO: FULL SPEECH" is a heading
	}
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		t := &s.toks[k]
		switch {
		case s.key(t) == "by":
			return k > 0 && s.x.voc.creditWords[s.keyAt(k-1)]
		case s.x.voc.creditWords[s.key(t)] && i-k <= 2:
			return true // "Photo: Colin Baird"
		case s.key(t) == "and" || t.capitalised():
			continue
		}
		return false
	}
	return false
}

// isRoleHead reports a noun that describes a person after their name
// (", a writer for"), or with titles the last word of a title or profession.
func (s *scanner) isRoleHead(key string, titles bool) bool {
	if s.x.voc.appositionNouns[key] {
		return true
	}
	if !titles {
		return false
	}
	_, ok := s.x.voc.roleHeads[key]
	return ok
}

// bare records a lone capitalised word that may be a surname used elsewhere.
func (s *scanner) bare(i int) (int, bool) {
	t := &s.toks[i]
	if !t.capitalised() || s.lex(t).has(lexNotName) {
		return i, false
	}
	var m raw
	s.fillName(&m, i, i+1)
	m.kind = rkBare
	s.out = append(s.out, m)
	return i + 1, true
}

// nameStart reports whether a name may begin at token i.
// After a title any capitalised word may be a surname ("President Park",
// "Mr. Van Voorhis"); without one, words that end organisation names and
// particles start no name unless the gazetteer says so.
func (s *scanner) nameStart(i int, titled bool) bool {
	t := &s.toks[i]
	if s.lex(t).has(lexParticle) {
		// "von der Leyen": a leader's surname that starts with a particle
		if p, _ := s.matchPhrase(i, kindBit(pkLeader)); p != nil {
			return true
		}
		return t.capitalised() && s.nameContinues(i+1) // "Mr. Van Voorhis", "De Blasio"
	}
	if !t.capitalised() || s.lex(t).has(lexNotName|lexSuffix) {
		return false
	}
	if s.lex(t).has(lexOrgWord) && (!titled || !s.nameContinues(i+1)) {
		return false // "Justice Department", but "President Park Geun-hye"
	}
	if _, e := s.matchPhrase(i, kindsNonPerson); e > i {
		// "Jordan Hale": a country name that is also a given name, before a surname
		if s.lex(t).has(lexCountryGiven) && e == i+1 && !t.is(tPoss) && s.nameContinues(e) {
			return true
		}
		if p, le := s.matchPhrase(i, kindBit(pkLeader)); p != nil && le >= e {
			return true
		}
		return false
	}
	return true
}

// nameContinues reports whether token i carries on a name.
func (s *scanner) nameContinues(i int) bool {
	if i >= len(s.toks) {
		return false
	}
	t := &s.toks[i]
	prev := &s.toks[i-1]
	if !t.joined() || prev.is(tPoss) {
		return false
	}
	if t.is(tHyph) && s.lex(t) == nil && prev.end-prev.start <= 5 && (s.lex(prev) == nil || len(s.lex(prev).surnameOf) == 0) {
		return true // "Ban Ki-moon", not "Clinton-era"
	}
	if !t.capitalised() {
		return false
	}
	afterGiven := s.lex(prev).has(lexGiven)
	if s.lex(t).has(lexNotName|lexOrgWord) && !(afterGiven && s.lex(t).has(lexMonth)) {
		return false
	}
	if _, e := s.matchPhrase(i, kindsNonPerson); e > i {
		// "Chuck Jordan": a country that is also a name, after a given name;
		// "Lisa O. Monaco": any word after a middle initial is the surname
		return e == i+1 && (afterGiven && s.lex(t).has(lexCountryGiven) || s.afterInitial(i))
	}
	if d, _ := s.matchRole(i); d != nil && d.class != roleModifier {
		return false
	}
	return true
}

// afterInitial reports a middle initial before token i: "Lisa O. Monaco".
func (s *scanner) afterInitial(i int) bool {
	if i < 2 {
		return false
	}
	in, first := &s.toks[i-1], &s.toks[i-2]
	return in.joined() && in.capitalised() && len(s.key(in)) == 1 && first.capitalised() && len(s.key(first)) > 1
}

// nameRun returns the end of the name that starts at token i: capitalised
// words, initials, lower-case particles between them and a suffix.
func (s *scanner) nameRun(i int) int {
	j := i + 1
	for j < len(s.toks) && j-i < maxNameWords {
		if s.nameContinues(j) {
			j++
			continue
		}
		t := &s.toks[j]
		if s.lex(t).has(lexParticle) && t.joined() && !s.toks[j-1].is(tPoss) {
			if s.nameContinues(j + 1) {
				j += 2
				continue
			}
			// "van der Berg", "de la Cruz": two particles before the surname
			if n := j + 1; n < len(s.toks) && s.lexAt(n).has(lexParticle) &&
				s.toks[n].joined() && s.nameContinues(n+1) {
				j += 3
				continue
			}
		}
		break
	}
	if s.suffixAt(j) {
		j++
	}
	return j
}

// suffixAt reports a name suffix ("Jr.", "III") at token i.
func (s *scanner) suffixAt(i int) bool {
	if i >= len(s.toks) || i == 0 {
		return false
	}
	t := &s.toks[i]
	return s.lex(t).has(lexSuffix) && (t.joined() || t.is(tComma) && t.capitalised()) &&
		!s.toks[i-1].is(tPoss)
}

// fillName fills m's name fields from tokens [a, b).
func (s *scanner) fillName(m *raw, a, b int) {
	m.kind = rkNamed
	m.leader = -1
	start := len(s.keyBuf)
	for k := a; k < b; k++ {
		s.keyBuf = append(s.keyBuf, s.keyAt(k))
	}
	m.keys = s.keyBuf[start:len(s.keyBuf):len(s.keyBuf)]
	m.nameStart, m.nameEnd = int(s.toks[a].start), int(s.toks[b-1].end)
	m.start, m.end = m.nameStart, m.nameEnd
	m.sentStart = s.toks[a].is(tSentStart)
	if s.lexAt(a).has(lexGiven) {
		m.given = true
	}
}

// nameLike reports a run of words [a, b) that no list knows but that is
// written like a person's name: a first word the given-name model takes for
// a given name (or initials, "T.J."), then words no table knows, the last of
// which reads as a surname rather than as an everyday word or a plural
// ("Kylian Mbappé", "Wyndham Clark"; not "Mine Workers", "Charlotte
// Panthers").
func (s *scanner) nameLike(a, b int) bool {
	if s.toks[a].is(tHeadline) || b-a > 3 || a > 0 && s.toks[a].joined() && s.x.voc.placePrepositions[s.keyAt(a-1)] {
		return false // "at Bay Hill", "in Tamil Nadu": a place
	}
	g := s.x.given
	first := &s.toks[a]
	fl := s.lex(first)
	initials := strings.Count(s.text[first.start:min(len(s.text), int(first.end)+1)], ".") >= 2 && first.is(tUpper)
	if !initials && !(unknownWord(fl) && (fl == nil || len(fl.surnameOf) == 0) && g.givenLike(s.key(first)) &&
		!innerCapital(s.text[first.start:first.end])) {
		return false // "Clinton Priorities", "SiriusXM Radio": a surname or a brand names a thing
	}
	for k := a + 1; k < b-1; k++ {
		if t := &s.toks[k]; len(s.key(t)) > 1 && !(unknownWord(s.lex(t)) && g.givenLike(s.key(t))) {
			return false
		}
	}
	last := &s.toks[b-1]
	if l := s.lex(last); l != nil && (len(l.surnameOf) > 0 || l.flags&lexCommonSurname != 0) {
		return l.flags&^(lexCommonSurname|lexGiven|lexMale|lexFemale) == 0 && len(l.phrases) == 0 && len(l.roles) == 0
	}
	return unknownWord(s.lex(last)) && len(s.key(last)) >= 3 && g.surnameLike(s.key(last))
}

// innerCapital reports a capital letter inside a word that no name prefix
// explains: "SiriusXM", "iPhone", but not "McConnell", "MacArthur", "O'Brien".
func innerCapital(w string) bool {
	for _, p := range []string{"Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "Le", "La"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			w = rest
			break
		}
	}
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// unknownWord reports a word the tables know nothing of, or only as a
// leader's surname or given name.
func unknownWord(l *lexEntry) bool {
	return l == nil || l.flags == 0 && len(l.phrases) == 0 && len(l.roles) == 0
}
