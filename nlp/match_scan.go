package nlp

import "strings"

// scanner walks the tokens once, left to right, and records raw mentions:
// people with a title or a name, countries, and capitalised words that may
// turn out to be a surname the article uses elsewhere.
type scanner struct {
	tokenStream
	x    *index
	text string
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
		l := s.lex(t)
		if !capital && (l == nil || len(l.roles) == 0 && len(l.phrases) == 0 && s.key(t) != "the" &&
			l.flags&lexParticle == 0) {
			i++ // most lower-case words start nothing
			continue
		}
		if capital && s.afterPlacePrefix(i) {
			i++ // "San Marcos", "Fort Bragg": a place, not a person
			continue
		}
		if capital && t.is(tSentStart) && s.x.voc.appositionNouns[s.key(t)] && (l == nil || len(l.roles) == 0) {
			i++ // "Artist Kwame Boateng-Reid": the noun opens the sentence, the name follows
			continue
		}
		if capital && s.pluralTitle(s.key(t)) {
			i++ // "Senators Charles E. Grassley and …": a title of several people
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

// pluralTitle reports the plural of a title or profession ("senators",
// "ministers"), which stands before several names and is part of none.
func (s *scanner) pluralTitle(key string) bool {
	if len(key) <= 3 || key[len(key)-1] != 's' {
		return false
	}
	_, ok := s.x.voc.roleHeads[key[:len(key)-1]]
	return ok
}

// afterPlacePrefix reports whether token i follows a capitalised place
// prefix in the same name run.
func (s *scanner) afterPlacePrefix(i int) bool {
	if i == 0 || !s.toks[i].joined() {
		return false
	}
	p := &s.toks[i-1]
	return p.capitalised() && s.x.voc.placePrefixes[s.key(p)]
}

// matchPhrase returns the longest gazetteer phrase of an accepted kind that
// starts at token i, written with the capitals it needs.
func (s *scanner) matchPhrase(i int, accept kindSet) (*phrase, int) {
	l := s.lexAt(i)
	if l == nil || l.kinds&accept == 0 {
		return nil, i
	}
	if l.bySecond == nil {
		return s.matchAmong(i, accept, l.phrases)
	}
	// only the phrases whose second word follows can match, then the word alone
	if i+1 < len(s.toks) {
		if p, e := s.matchAmong(i, accept, l.bySecond[s.keyAt(i+1)]); p != nil {
			return p, e
		}
	}
	return s.matchAmong(i, accept, l.single)
}

// matchAmong is matchPhrase over the given phrases, which start with token
// i's key.
func (s *scanner) matchAmong(i int, accept kindSet, phrases []*phrase) (*phrase, int) {
	for _, p := range phrases {
		if accept&kindBit(p.kind) == 0 || i+len(p.keys) > len(s.toks) {
			continue
		}
		ok := true
		for k, key := range p.keys {
			u := &s.toks[i+k]
			// the first key is token i's own: its entry was found by it
			if k > 0 && (s.key(u) != key || !u.joined() || s.toks[i+k-1].is(tPoss)) {
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
	l := s.lexAt(i)
	if l == nil || len(l.roles) == 0 {
		return nil, i
	}
	for _, rp := range l.roles {
		if i+len(rp.keys) > len(s.toks) {
			continue
		}
		ok := true
		for k, key := range rp.keys {
			u := &s.toks[i+k]
			if k > 0 && (s.key(u) != key || !u.joined()) || k < len(rp.keys)-1 && u.is(tPoss) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if rp.def.class == roleHonorific && !s.toks[i].capitalised() {
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
	if s.keyAt(i) == "the" {
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
		if d.class == roleModifier && s.keyAt(k) == "then" && (e >= n || !s.toks[e].is(tHyph)) {
			break // "then-President", not "then Mrs. Obama"
		}
		if firstTitle < 0 {
			firstTitle = k
		}
		if d.class == roleModifier {
			if s.x.voc.inactive[s.keyAt(k)] {
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
		return s.namedPerson(i)
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
					m.start = int(s.toks[k].start)
					if qual != nil && qual.kind == pkOrg {
						m.start = int(s.toks[qStart].start)
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
	if roleEnd < n && s.keyAt(roleEnd) == "of" && !s.ofCountry(roleEnd+1) {
		return i, false
	}
	if the >= 0 && the > 0 && isArticleWord(s.keyAt(the-1)) {
		return i, false
	}
	m = raw{kind: rkTitle, role: role, leader: -1, gender: role.gender, sentStart: s.toks[i].is(tSentStart)}
	m.start = int(s.toks[roleStart].start)
	if firstTitle >= 0 {
		from := firstTitle
		if qual != nil && qual.kind != pkOrg && from < qEnd {
			from = qEnd // the country is its own span
		}
		m.start = int(s.toks[from].start)
	}
	if qual == nil && the >= 0 {
		m.start = int(s.toks[the].start)
	} else if qual != nil && qual.kind == pkOrg {
		m.start = int(s.toks[qStart].start)
		if the >= 0 {
			m.start = int(s.toks[the].start)
		}
	}
	m.end = int(s.toks[roleEnd-1].end)
	m.nameStart, m.nameEnd = m.start, m.end
	if qual == nil && roleEnd < n && s.keyAt(roleEnd) == "of" {
		// "the president of the United States": the country after the title
		k := roleEnd + 1
		if s.keyAt(k) == "the" {
			k++
		}
		if p, e := s.matchPhrase(k, kindBit(pkCountry)); p != nil {
			m.qualCountry = p.id
			s.out = append(s.out, m)
			s.out = append(s.out, raw{kind: rkCountry, country: p.id, start: int(s.toks[k].start), end: int(s.toks[e-1].end), leader: -1})
			return e, true
		}
	}
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
	c := raw{kind: rkCountry, country: qual.id, start: int(s.toks[qStart].start), end: int(s.toks[qEnd-1].end), leader: -1}
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
		if s.quoted(m.start) {
			continue // a country someone speaks of sets no context
		}
		return m.country
	}
	return ""
}

// quoted reports whether offset pos lies inside a double-quoted passage of
// its paragraph: more opening marks than closing ones before it, or an odd
// number of straight quotes.
func (s *scanner) quoted(pos int) bool {
	start := strings.LastIndexByte(s.text[:pos], '\n') + 1
	before := s.text[start:pos]
	open := strings.Count(before, "“") + strings.Count(before, "«") + strings.Count(before, "„")
	closed := strings.Count(before, "”") + strings.Count(before, "»")
	if strings.Contains(before, "„") {
		closed += strings.Count(before, "“") // German marks close with “
		open -= strings.Count(before, "“")
	}
	return open > closed || strings.Count(before, "\"")%2 == 1
}

// ofCountry reports whether "[the] Country" starts at token i.
func (s *scanner) ofCountry(i int) bool {
	if i < len(s.toks) && s.keyAt(i) == "the" {
		i++
	}
	if i >= len(s.toks) {
		return false
	}
	p, _ := s.matchPhrase(i, kindBit(pkCountry))
	return p != nil
}
