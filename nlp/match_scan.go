package nlp

import "strings"

// scanner walks the tokens once, left to right, and records raw mentions:
// people with a title or a name, countries, and capitalised words that may
// turn out to be a surname the article uses elsewhere.
type scanner struct {
	x    *index
	text string
	toks []token
	out  []raw
	// keyBuf backs the name words of every raw mention (one allocation
	// instead of one per mention).
	keyBuf []string
	// article-wide hints for "Georgia", computed on first need
	georgiaChecked, georgiaIsState bool
}

const maxNameWords = 5

func (s *scanner) scan() {
	n := len(s.toks)
	for i := 0; i < n; {
		t := &s.toks[i]
		capital := t.capitalised()
		if !capital && (t.lex == nil || len(t.lex.roles) == 0 && len(t.lex.phrases) == 0 && t.key != "the" &&
			t.lex.flags&lexParticle == 0) {
			i++ // most lower-case words start nothing
			continue
		}
		if end, ok := s.person(i); ok {
			i = end
			continue
		}
		if end, ok := s.countryOrPlace(i); ok {
			i = end
			continue
		}
		if !capital {
			i++
			continue
		}
		if end, ok := s.bare(i); ok {
			i = end
			continue
		}
		i++
	}
}

// matchPhrase returns the longest gazetteer phrase of an accepted kind that
// starts at token i, written with the capitals it needs.
func (s *scanner) matchPhrase(i int, accept kindSet) (*phrase, int) {
	t := &s.toks[i]
	if t.lex == nil || t.lex.kinds&accept == 0 {
		return nil, i
	}
	for _, p := range t.lex.phrases {
		if accept&kindBit(p.kind) == 0 || i+len(p.keys) > len(s.toks) {
			continue
		}
		ok := true
		for k, key := range p.keys {
			u := &s.toks[i+k]
			if u.key != key || k > 0 && (!u.joined() || s.toks[i+k-1].is(tPoss)) {
				ok = false
				break
			}
			if p.acronym {
				if !u.is(tUpper) {
					ok = false
					break
				}
			} else if !p.lowerOK[k] && !u.capitalised() {
				ok = false
				break
			}
		}
		if ok {
			return p, i + len(p.keys)
		}
	}
	return nil, i
}

// matchRole returns the longest title phrase starting at token i.
func (s *scanner) matchRole(i int) (*roleDef, int) {
	t := &s.toks[i]
	if t.lex == nil || len(t.lex.roles) == 0 {
		return nil, i
	}
	for _, rp := range t.lex.roles {
		if i+len(rp.keys) > len(s.toks) {
			continue
		}
		ok := true
		for k, key := range rp.keys {
			u := &s.toks[i+k]
			if u.key != key || k > 0 && !u.joined() || k < len(rp.keys)-1 && u.is(tPoss) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if rp.def.class == roleHonorific && !t.capitalised() {
			continue
		}
		return &rp.def, i + len(rp.keys)
	}
	return nil, i
}

// kindSet is a set of phrase kinds, as bits.
type kindSet uint8

func kindBit(k phraseKind) kindSet { return 1 << k }

var (
	kindsQualifier = kindBit(pkCountry) | kindBit(pkDemonym) | kindBit(pkOrg)
	kindsNonPerson = kindBit(pkCountry) | kindBit(pkDemonym) | kindBit(pkCapital) | kindBit(pkOrg) | kindBit(pkPlace)
)

// person tries to read a person mention starting at token i:
// [the] [country|organisation] [modifiers] title [name], or a name alone.
func (s *scanner) person(i int) (int, bool) {
	n := len(s.toks)
	if p, _ := s.matchPhrase(i, kindBit(pkPlace)); p != nil {
		return i, false // "Miss Universe", "General Motors"
	}
	j := i
	the := -1
	if s.toks[i].key == "the" {
		the = i
		j++
		if j >= n || !s.toks[j].joined() {
			return i, false
		}
	}
	var qual *phrase
	qStart, qEnd := j, j
	if p, e := s.matchPhrase(j, kindsQualifier); p != nil && e < n && (s.toks[e].joined() || s.toks[e-1].is(tPoss)) {
		qual, qEnd = p, e
	}
	// modifiers and titles
	k := qEnd
	var role *roleDef
	roleStart, roleEnd := -1, -1
	firstTitle := -1
	inactive := false
	for steps := 0; k < n && steps < 4; steps++ {
		if k > qEnd && !s.toks[k].joined() || k == qEnd && qual != nil && !s.toks[k].joined() && !s.toks[k-1].is(tPoss) {
			break
		}
		if k > i && s.toks[k-1].is(tPoss) && k != qEnd {
			break
		}
		if qual == nil && role == nil && k > i {
			// "Former US president": the country may follow a modifier
			if p, e := s.matchPhrase(k, kindsQualifier); p != nil && e < n && s.toks[e].joined() {
				if d, _ := s.matchRole(e); d != nil && d.class != roleModifier {
					qual, qStart, qEnd = p, k, e
					k = e
					continue
				}
			}
		}
		if p, _ := s.matchPhrase(k, kindBit(pkPlace)); p != nil {
			break // "former Miss Universe"
		}
		d, e := s.matchRole(k)
		if d == nil {
			break
		}
		if d.class == roleModifier && s.toks[k].key == "then" && (e >= n || !s.toks[e].is(tHyph)) {
			break // "then-President", not "then Mrs. Obama"
		}
		if firstTitle < 0 {
			firstTitle = k
		}
		if d.class == roleModifier {
			if inactiveModifiers[s.toks[k].key] {
				inactive = true
			}
			k = e
			continue
		}
		role, roleStart, roleEnd = d, k, e
		k = e
		if s.toks[e-1].is(tPoss) {
			break
		}
	}
	if role == nil {
		if the >= 0 {
			return i, false
		}
		return s.namedPerson(i, nil)
	}
	// the name after the title
	var m raw
	if roleEnd < n && s.toks[roleEnd].joined() && !s.toks[roleEnd-1].is(tPoss) {
		if end, ok := s.nameAfterTitle(roleEnd, &m); ok {
			m.titled = true
			m.role = role
			m.inactive = inactive
			m.gender = role.gender
			// A capitalised title is part of the name's span; a lower-case
			// one ("ambassador Steve Witkoff") is not.
			m.start = m.nameStart
			from := firstTitle
			if qual != nil && qual.kind != pkOrg {
				from = qEnd // the country is its own span
			}
			for k := from; k <= roleStart; k++ {
				if s.toks[k].capitalised() {
					m.start = s.toks[k].start
					if qual != nil && qual.kind == pkOrg {
						m.start = s.toks[qStart].start
					}
					break
				}
			}
			s.qualify(&m, qual, qStart, qEnd)
			s.out = append(s.out, m)
			return end, true
		}
	}
	// a title alone, unless an unknown capitalised word follows it ("the
	// Queen City"); a place or country may ("US President Moscow said").
	if roleEnd < n && s.toks[roleEnd].joined() && s.toks[roleEnd].capitalised() && !s.toks[roleEnd-1].is(tPoss) {
		if p, _ := s.matchPhrase(roleEnd, kindsNonPerson); p == nil {
			return i, false
		}
	}
	if role.class != roleOffice || inactive || role.needQual && qual == nil || the < 0 && qual == nil {
		return i, false
	}
	if roleEnd < n && s.toks[roleEnd].key == "of" && !s.ofCountry(roleEnd+1) {
		return i, false
	}
	if the >= 0 && the > 0 && isArticleWord(s.toks[the-1].key) {
		return i, false
	}
	m = raw{kind: rkTitle, role: role, leader: -1, gender: role.gender, sentStart: s.toks[i].is(tSentStart)}
	m.start = s.toks[roleStart].start
	if firstTitle >= 0 {
		from := firstTitle
		if qual != nil && qual.kind != pkOrg && from < qEnd {
			from = qEnd // the country is its own span
		}
		m.start = s.toks[from].start
	}
	if qual == nil && the >= 0 {
		m.start = s.toks[the].start
	} else if qual != nil && qual.kind == pkOrg {
		m.start = s.toks[qStart].start
		if the >= 0 {
			m.start = s.toks[the].start
		}
	}
	m.end = s.toks[roleEnd-1].end
	m.nameStart, m.nameEnd = m.start, m.end
	if qual == nil {
		m.ctxCountry = s.paragraphCountry(m.start)
	}
	s.qualify(&m, qual, qStart, qEnd)
	s.out = append(s.out, m)
	return roleEnd, true
}

func isArticleWord(k string) bool { return k == "a" || k == "an" }

// qualify records the country or organisation before a title; a country
// also becomes its own country mention just before the person.
func (s *scanner) qualify(m *raw, qual *phrase, qStart, qEnd int) {
	if qual == nil {
		return
	}
	if qual.kind == pkOrg {
		m.qualOrg = qual.id
		return
	}
	m.qualCountry = qual.id
	c := raw{kind: rkCountry, country: qual.id, start: s.toks[qStart].start, end: s.toks[qEnd-1].end, leader: -1}
	s.out = append(s.out, c)
}

// paragraphCountry returns the country named last before pos in the same
// paragraph ("In Germany, the chancellor ..."), or "".
func (s *scanner) paragraphCountry(pos int) string {
	for k := len(s.out) - 1; k >= 0 && k >= len(s.out)-50; k-- {
		m := &s.out[k]
		if m.kind != rkCountry {
			continue
		}
		if pos-m.end > 2000 || strings.IndexByte(s.text[m.end:pos], '\n') >= 0 {
			return ""
		}
		return m.country
	}
	return ""
}

// ofCountry reports whether "[the] Country" starts at token i.
func (s *scanner) ofCountry(i int) bool {
	if i < len(s.toks) && s.toks[i].key == "the" {
		i++
	}
	if i >= len(s.toks) {
		return false
	}
	p, _ := s.matchPhrase(i, kindBit(pkCountry))
	return p != nil
}

// nameAfterTitle reads the name after a title ("President [Putin]"),
// filling m. The name may be any capitalised words.
func (s *scanner) nameAfterTitle(i int, m *raw) (int, bool) {
	if !s.nameStart(i, true) {
		return i, false
	}
	if p, e := s.matchPhrase(i, kindBit(pkLeader)); p != nil && !s.suffixAt(e) {
		s.fillName(m, i, e)
		m.leader = p.leader
		return e, true
	}
	end := s.nameRun(i)
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
	if m.leader < 0 && end-i >= 2 && s.isSurname(i) && !s.isGiven(i) {
		// "President Obama Speech": a known surname ends the name
		end = i + 1
		s.fillName(m, i, end)
	}
	return end, true
}

func (s *scanner) isGiven(i int) bool {
	l := s.toks[i].lex
	return l != nil && l.flags&lexGiven != 0
}

func (s *scanner) isSurname(i int) bool {
	l := s.toks[i].lex
	return l != nil && len(l.surnameOf) > 0
}

// orgFollows reports a capitalised organisation word right after a name,
// which makes the name part of an organisation's ("Steve Harvey Show").
func (s *scanner) orgFollows(i int) bool {
	if i >= len(s.toks) || i == 0 || s.toks[i-1].is(tPoss) {
		return false
	}
	t := &s.toks[i]
	return t.joined() && t.capitalised() && t.lex != nil && t.lex.flags&lexOrgWord != 0
}

// namedPerson reads a name with no title in front of it.
func (s *scanner) namedPerson(i int, _ *roleDef) (int, bool) {
	t := &s.toks[i]
	if !s.nameStart(i, false) {
		return i, false
	}
	var m raw
	if p, e := s.matchPhrase(i, kindBit(pkLeader)); p != nil {
		if !s.suffixAt(e) {
			s.fillName(&m, i, e)
			m.leader = p.leader
			s.out = append(s.out, m)
			return e, true
		}
	}
	end := s.nameRun(i)
	if s.orgFollows(end) {
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
		first := s.toks[i].lex
		givenOK := first != nil && (first.flags&lexGiven != 0 || first.flags&lexCountryGiven != 0) &&
			!(first.flags&lexAmbiguousGiven != 0 && t.is(tSentStart|tHeadline)) && !t.is(tHeadline)
		if givenOK {
			m.given = true
			s.out = append(s.out, m)
			return end, true
		}
		if len(nameKeys(s.x, m.keys)) <= 3 && s.appositionAt(end) && s.plainName(i, end) {
			// "Quina Jones, 25, said", "Vann R. Newkirk II, a writer"
			s.out = append(s.out, m)
			return end, true
		}
		// "Crunch Trump": an unknown word before a known surname is no part of the name.
		if l := s.toks[end-1].lex; l != nil && len(l.surnameOf) > 0 && !s.suffixAt(end) {
			return i, false
		}
		// "Obama Speech": a known surname followed by unknown words, unless
		// the article writes a longer name that ends with these words
		// ("Peña Nieto"); the resolver decides.
		if s.isSurname(i) {
			m.firstEnd = s.toks[i].end
		}
		m.kind = rkBare
		s.out = append(s.out, m)
		return end, true
	}
	// one word: a leader's surname, resolved once the whole article is read
	if t.lex != nil && len(t.lex.surnameOf) > 0 && t.lex.flags&lexCommonSurname == 0 {
		s.out = append(s.out, m)
		return end, true
	}
	return i, false
}

// plainName reports a name that starts with a word of two letters or more,
// not hyphenated to the next and not in brackets: not "(D-Va.)".
func (s *scanner) plainName(a, b int) bool {
	if st := s.toks[a].start; st > 0 && s.text[st-1] == '(' {
		return false
	}
	return s.toks[a].end-s.toks[a].start >= 2 && !s.toks[a+1].is(tHyph)
}

// appositionAt reports ", 25," or ", a writer ..." at token i, after a
// name: the signs of a person whose given name no list knows.
func (s *scanner) appositionAt(i int) bool {
	if i >= len(s.toks) || !s.toks[i].is(tComma) {
		return false
	}
	t := &s.toks[i]
	if len(t.key) > 0 && t.key[0] >= '0' && t.key[0] <= '9' && len(t.key) <= 3 {
		return i+1 < len(s.toks) && s.toks[i+1].is(tComma)
	}
	if t.key != "a" && t.key != "an" && t.key != "the" {
		return false
	}
	for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
		u := &s.toks[k]
		if !u.joined() {
			return false
		}
		if appositionNouns[u.key] {
			return true
		}
		if d, _ := s.matchRole(k); d != nil && d.class != roleModifier && d.class != roleHonorific {
			return true
		}
	}
	return false
}

// appositionNouns describe a person after their name: "..., a writer for".
var appositionNouns = map[string]bool{
	"writer": true, "student": true, "resident": true, "researcher": true, "professor": true, "founder": true,
	"member": true, "mother": true, "father": true, "nurse": true, "doctor": true, "farmer": true,
	"veteran": true, "voter": true, "supporter": true, "worker": true, "owner": true, "pastor": true,
	"scholar": true, "expert": true, "fellow": true, "partner": true, "manager": true, "consultant": true,
	"retiree": true, "volunteer": true, "organizer": true, "organiser": true, "critic": true, "donor": true,
	"artist": true, "musician": true, "engineer": true, "officer": true, "soldier": true, "son": true,
	"daughter": true, "wife": true, "husband": true, "friend": true, "colleague": true, "neighbour": true,
	"neighbor": true, "woman": true, "man": true, "democrat": true, "republican": true,
}

// bare records a lone capitalised word that may be a surname used elsewhere.
func (s *scanner) bare(i int) (int, bool) {
	t := &s.toks[i]
	if !t.capitalised() || t.lex != nil && t.lex.flags&lexNotName != 0 {
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
	if t.lex != nil && t.lex.flags&lexParticle != 0 {
		// "von der Leyen": a leader's surname that starts with a particle
		if p, _ := s.matchPhrase(i, kindBit(pkLeader)); p != nil {
			return true
		}
		return t.capitalised() && s.nameContinues(i+1) // "Mr. Van Voorhis", "De Blasio"
	}
	if !t.capitalised() || t.lex != nil && t.lex.flags&(lexNotName|lexSuffix) != 0 {
		return false
	}
	if t.lex != nil && t.lex.flags&lexOrgWord != 0 && (!titled || !s.nameContinues(i+1)) {
		return false // "Justice Department", but "President Park Geun-hye"
	}
	if _, e := s.matchPhrase(i, kindsNonPerson); e > i {
		// "Jordan Hale": a country name that is also a given name, before a surname
		if t.lex.flags&lexCountryGiven != 0 && e == i+1 && !t.is(tPoss) && s.nameContinues(e) {
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
	if t.is(tHyph) && t.lex == nil && prev.end-prev.start <= 5 && (prev.lex == nil || len(prev.lex.surnameOf) == 0) {
		return true // "Ban Ki-moon", not "Clinton-era"
	}
	if !t.capitalised() {
		return false
	}
	afterGiven := prev.lex != nil && prev.lex.flags&lexGiven != 0
	if t.lex != nil && t.lex.flags&(lexNotName|lexOrgWord) != 0 && !(afterGiven && t.lex.flags&lexMonth != 0) {
		return false
	}
	if _, e := s.matchPhrase(i, kindsNonPerson); e > i {
		// "Chuck Jordan": a country that is also a name, after a given name
		return e == i+1 && afterGiven && t.lex.flags&lexCountryGiven != 0
	}
	if d, _ := s.matchRole(i); d != nil && d.class != roleModifier {
		return false
	}
	return true
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
		if t.lex != nil && t.lex.flags&lexParticle != 0 && t.joined() && !s.toks[j-1].is(tPoss) && s.nameContinues(j+1) {
			j += 2
			continue
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
	return t.lex != nil && t.lex.flags&lexSuffix != 0 && (t.joined() || t.is(tComma) && t.capitalised()) &&
		!s.toks[i-1].is(tPoss)
}

// fillName fills m's name fields from tokens [a, b).
func (s *scanner) fillName(m *raw, a, b int) {
	m.kind = rkNamed
	m.leader = -1
	start := len(s.keyBuf)
	for k := a; k < b; k++ {
		s.keyBuf = append(s.keyBuf, s.toks[k].key)
	}
	m.keys = s.keyBuf[start:len(s.keyBuf):len(s.keyBuf)]
	m.nameStart, m.nameEnd = s.toks[a].start, s.toks[b-1].end
	m.start, m.end = m.nameStart, m.nameEnd
	m.sentStart = s.toks[a].is(tSentStart)
	if l := s.toks[a].lex; l != nil && l.flags&lexGiven != 0 {
		m.given = true
	}
}
