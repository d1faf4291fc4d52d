package nlp

import "strings"

// subjKind is what stands in the subject slot of a reporting verb.
type subjKind uint8

const (
	sjEmpty    subjKind = iota // nothing: a coordinated or participle verb
	sjFound                    // a name, organisation or pronoun
	sjUnnamed                  // a common noun: "a senior official"
	sjRelative                 // "who said": a relative clause
)

// isWordTok reports whether t is the word w (lower case).
func (r *resolver) isWordTok(t tok, w string) bool {
	return t.kind == tkWord && t.end-t.start == len(w) && r.tz.lower(t) == w
}

func (r *resolver) isPunct(t tok, chars string) bool {
	return t.kind == tkPunct && strings.Contains(chars, r.text[t.start:t.end])
}

// isAux reports whether t may stand between a speaker and its verb.
func (r *resolver) isAux(t tok) bool {
	return t.kind == tkWord && !t.capital && t.cls.has(wAux)
}

// verbAt returns the reporting verb at token i and its cue text.
func (r *resolver) verbAt(toks []tok, i int) (verbInfo, string, bool) {
	t := toks[i]
	if t.kind != tkWord {
		return verbInfo{}, "", false
	}
	if t.cls.verb == 0 {
		if r.goesOnAbout(toks, i) {
			return goOnAbout, goOnAbout.form, true
		}
		return verbInfo{}, "", false
	}
	v := r.idx.verbList[t.cls.verb-1]
	if v.according {
		if i+1 < len(toks) && r.isWordTok(toks[i+1], "to") {
			return v, "according to", true
		}
		return verbInfo{}, "", false
	}
	if v.asIt && !r.asItCue(toks, i) {
		return verbInfo{}, "", false
	}
	if i > 0 {
		// "his remarks", "Trump’s claims": a noun, not a verb
		p := toks[i-1]
		if (p.poss || p.kind == tkWord && p.cls.has(wArticle)) && t.cls.has(wNounLike) {
			return verbInfo{}, "", false
		}
	}
	if t.cls.has(wNounLike) {
		ok := false
		if i > 0 {
			p := toks[i-1]
			if p.isCandidate() && !p.weak || r.isAux(p) {
				ok = true
			} else if p.kind == tkWord {
				// "he claims", "the memo states"
				ok = p.cls.pron != 0 || !p.capital && r.idx.voc.documentNouns[r.tz.lower(p)]
			}
		}
		if ok && i+1 < len(toks) {
			// "the IMF report stated": the next word is the verb
			if toks[i+1].kind == tkWord && toks[i+1].cls.verb != 0 {
				ok = false
			}
		}
		if !ok {
			return verbInfo{}, "", false
		}
	}
	return v, v.form, true
}

// goOnAbout is the idiom "went on about “…”": talked at length of.
var goOnAbout = verbInfo{form: "went on about", lemma: "go on about", noIndirect: true}

// goesOnAbout reports a form of "go" at i before "on about".
func (r *resolver) goesOnAbout(toks []tok, i int) bool {
	if i+2 >= len(toks) || !r.isWordTok(toks[i+1], "on") || !r.isWordTok(toks[i+2], "about") {
		return false
	}
	switch r.tz.lower(toks[i]) {
	case "go", "goes", "went", "going", "gone":
		return true
	}
	return false
}

// asItCue reports whether the verb at i stands in "as X put it".
func (r *resolver) asItCue(toks []tok, i int) bool {
	if i+1 >= len(toks) || !r.isWordTok(toks[i+1], "it") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-documentReach; k-- {
		if r.isWordTok(toks[k], "as") {
			return true
		}
		if toks[k].kind == tkQuote || toks[k].kind == tkPunct {
			return false
		}
	}
	return false
}

// subjectLeft finds the subject of the verb at v, looking left no further
// than lo. It returns the token index of the subject when there is one.
func (r *resolver) subjectLeft(toks []tok, v, lo int) (int, subjKind) {
	i := v - 1
	for i >= lo {
		t := toks[i]
		if r.isAux(t) {
			i--
			continue
		}
		if r.isPunct(t, ")") {
			k := i - 1
			for k >= lo && !r.isPunct(toks[k], "(") {
				k--
			}
			if k < lo {
				return -1, sjEmpty
			}
			i = k - 1
			continue
		}
		break
	}
	if i < lo {
		return -1, sjEmpty
	}
	t := toks[i]
	if t.isCandidate() && t.kind != tkPerson && i-2 >= lo && r.placePrep(toks[i-1]) &&
		toks[i-2].kind == tkWord && toks[i-2].cls.has(wPersonNoun) {
		return i - 2, sjUnnamed // "a diplomat in Brussels said": the diplomat speaks
	}
	if t.isCandidate() {
		if d := r.documentAbout(toks, i, lo); d >= 0 {
			// "a report on China said": the report speaks, not China
			if k := r.documentAuthor(toks, d, lo); k >= 0 {
				return k, sjFound
			}
			return d, sjUnnamed
		}
		return r.ofHead(toks, i, lo), sjFound
	}
	switch t.kind {
	case tkWord:
		c := t.cls
		if c.pron != 0 {
			return i, sjFound
		}
		if c.has(wRel | wThat) {
			return i, sjRelative
		}
		if c.has(wConj | wPrep) {
			return -1, sjEmpty
		}
		if k := r.documentAuthor(toks, i, lo); k >= 0 {
			return k, sjFound // "a Treasury memo said": its author speaks
		}
		if k := r.orgInPhrase(toks, i, lo); k >= 0 {
			return k, sjFound // "a Kremlin spokesman said": the Kremlin speaks
		}
		if i-1 >= lo && r.idx.voc.collectives[r.tz.lower(t)] && (toks[i-1].kind == tkPerson || toks[i-1].kind == tkName) {
			return i, sjFound // "the Clinton campaign said": a body named for a person
		}
		if r.isParticiple(toks[v]) && !c.has(wGroup) {
			if _, person := r.idx.voc.roleHeads[r.tz.lower(t)]; !person {
				return -1, sjEmpty // "Biden posted messages saying": the sentence's subject speaks
			}
		}
		return i, sjUnnamed
	case tkPunct:
		if r.isParticiple(toks[v]) {
			return -1, sjEmpty // "…, saying": the sentence's subject speaks
		}
		if r.isPunct(t, ",") {
			if k := r.appositiveHead(toks, i, lo); k >= 0 {
				return r.ofHead(toks, k, lo), sjFound
			}
		}
	}
	return -1, sjEmpty
}

// isParticiple reports whether the verb token t is an -ing form.
func (r *resolver) isParticiple(t tok) bool {
	w := r.tz.lower(t)
	return len(w) > 4 && w[len(w)-3:] == "ing"
}

// placePrep reports a preposition that puts a person noun in a place: "a
// diplomat in Brussels", "the embassy in Berlin", "an official from Kyiv".
func (r *resolver) placePrep(t tok) bool {
	return r.isWordTok(t, "in") || r.isWordTok(t, "from") || r.isWordTok(t, "at")
}

// personNounAhead reports a noun for a person within the lower-case words
// from token i: "senior German official", "Russian embassy".
func (r *resolver) personNounAhead(toks []tok, i, limit int) bool {
	for k := i; k < limit && k < i+3; k++ {
		t := toks[k]
		if t.kind != tkWord || t.capital {
			return false
		}
		if t.cls.has(wPersonNoun) {
			return true
		}
	}
	return false
}

// appositiveHead finds the subject before an appositive ending with the
// comma at i: "Jean-Marc Ayrault, the foreign minister of France, said". It
// takes the leftmost person that precedes a comma in the clause, else the
// leftmost other mention.
func (r *resolver) appositiveHead(toks []tok, i, lo int) int {
	best, name, other := -1, -1, -1
	for k := i; k >= lo && k > i-50; k-- {
		tk := toks[k]
		if tk.kind == tkQuote || r.isPunct(tk, ";:") {
			break
		}
		if !r.isPunct(tk, ",") || k-1 < lo {
			continue
		}
		h := k - 1
		if r.isPunct(toks[h], ")") {
			for h >= lo && !r.isPunct(toks[h], "(") {
				h--
			}
			h--
		}
		if h < lo || !toks[h].isCandidate() || toks[h].poss || toks[h].weak {
			continue
		}
		switch toks[h].kind {
		case tkPerson:
			best = h
		case tkName:
			name = h // "Scotland's First Minister, John Swinney,": the known person wins
		default:
			other = h
		}
	}
	switch {
	case best >= 0:
		return best
	case name >= 0:
		return name
	}
	return other
}

// orgInPhrase finds an organisation modifying the unnamed noun phrase that
// ends with the word at head ("the IMF report", "a Kremlin spokesman").
func (r *resolver) orgInPhrase(toks []tok, head, lo int) int {
	for k := head - 1; k >= lo && k >= head-4; k-- {
		t := toks[k]
		if t.kind == tkOrg {
			return k
		}
		if t.kind != tkWord || t.cls.has(wPrep|wConj|wThat) || t.cls.verb != 0 {
			return -1
		}
	}
	return -1
}

// ofHead moves from "Vermont" in "Sanders of Vermont" to the person.
func (r *resolver) ofHead(toks []tok, i, lo int) int {
	j := i - 1
	// "Captain Joost van der Berg of the Dutch brig Morgenster": words that
	// describe the place or body stand between "of" and its name
	for k := 0; k < 3 && j >= lo && toks[j].kind == tkWord && !toks[j].capital && !r.isWordTok(toks[j], "of") &&
		!r.isWordTok(toks[j], "from") && !r.isWordTok(toks[j], "at") && toks[j].cls.verb == 0 && !toks[j].cls.has(wConj|wRel|wThat); k++ {
		j--
	}
	if j >= lo && toks[j].kind == tkCountry && j-1 >= lo && (r.isWordTok(toks[j-1], "the") || r.isWordTok(toks[j-1], "a")) {
		j-- // "the Dutch brig": a demonym describes it
	}
	if j >= lo && (r.isWordTok(toks[j], "the") || r.isWordTok(toks[j], "a")) {
		j--
	}
	if j-1 >= lo && (toks[j-1].kind == tkPerson || toks[j-1].kind == tkName) {
		if p := toks[j]; r.isWordTok(p, "of") || r.isWordTok(p, "from") || r.isWordTok(p, "at") {
			return j - 1
		}
	}
	return i
}

// sentenceSubject returns the first mention in toks[s:limit] that is not an
// object (after a preposition) or a possessive, or -1.
func (r *resolver) sentenceSubject(toks []tok, s, limit int) int {
	return r.subjectFrom(toks, r.skipDateline(toks, s, limit), s, limit)
}

// unnamedSubject is what sentenceSubject returns when the subject is a noun
// phrase that names no one ("a senior German official"); like -1 it is no
// token.
const unnamedSubject = -2

// subjectFrom is sentenceSubject scanning from token i of the sentence
// starting at s.
func (r *resolver) subjectFrom(toks []tok, i, s, limit int) int {
	for ; i < limit; i++ {
		t := &toks[i]
		isPron := false
		if t.kind == tkWord {
			isPron = t.cls.pron != 0 && t.cls.pron != 'x'
		}
		if t.kind == tkWord && !isPron && t.cls.has(wPersonNoun) && !t.poss && r.opensSubject(toks, i, s) {
			return unnamedSubject // "Small groups of protesters …, chanting"
		}
		if !isPron && t.kind < tkPerson {
			continue
		}
		if t.poss || t.weak && t.kind == tkName && !r.weakSubject(toks, i, s, limit) {
			continue
		}
		if i > s && r.isPunct(toks[i-1], "(") {
			continue // "LONDON (Reuters) -": a dateline, not a subject
		}
		if r.headingLabel(toks, i, limit) {
			continue // "Veto Power Impedes Talks: …": a heading, not a subject
		}
		if (t.kind == tkCountry || t.kind == tkOrg) && i+1 < limit && (toks[i+1].kind == tkPerson || toks[i+1].kind == tkName) {
			continue // "US President …", "NATO chief …": a modifier
		}
		if t.kind == tkCountry && i+2 < limit && r.personNounAhead(toks, i+1, limit) {
			return unnamedSubject // "A senior German official …"
		}
		if r.isObject(toks, i, s) {
			continue
		}
		return i
	}
	return -1
}

// opensSubject reports whether the noun at i heads the noun phrase that
// opens the sentence at s: only words that modify a noun come before it
// ("Small groups of protesters", "Several senior officials").
func (r *resolver) opensSubject(toks []tok, i, s int) bool {
	if i-s > 4 {
		return false
	}
	for k := s; k < i; k++ {
		t := toks[k]
		if t.kind != tkWord || t.cls.verb != 0 || t.cls.has(wConj|wRel|wThat|wPersonNoun) ||
			t.cls.has(wPrep) && !r.isWordTok(t, "of") {
			return false // "groups of protesters" opens a subject, "in Ohio" does not
		}
	}
	return true
}

// headingLabel reports an unknown name of three words or more that opens
// its paragraph and ends at a colon: a run-in heading in title case.
func (r *resolver) headingLabel(toks []tok, i, limit int) bool {
	t := toks[i]
	return t.kind == tkName && i+1 < limit && r.isPunct(toks[i+1], ":") && r.paragraphStart(t.start) &&
		strings.Count(r.text[t.start:t.end], " ") >= 2
}

// skipDateline returns the index after a dateline opening the paragraph at
// s ("LOS ANGELES, Sept. 28 —", "KYIV —"): a run of capital-only words, not
// a known organisation, followed by a comma, bracket or dash; a person's
// name in capitals ("SAN MARCOS") counts only when a dash closes the run.
// Otherwise it returns s.
func (r *resolver) skipDateline(toks []tok, s, limit int) int {
	if s >= limit || !r.paragraphStart(toks[s].start) {
		return s
	}
	j, person := s, false
	for j < limit && toks[j].kind != tkPunct && toks[j].kind != tkQuote && toks[j].kind != tkOrg && r.allCaps(toks[j]) {
		person = person || toks[j].kind == tkPerson
		j++
	}
	if j == s || j >= limit || !r.isPunct(toks[j], ",(—–-―") {
		return s
	}
	for k := j; k < limit && k <= j+datelineReach && toks[k].kind != tkQuote; k++ {
		if r.isPunct(toks[k], "—–-―") {
			return k + 1 // past "…, Sept. 28 (UPI) —"
		}
	}
	if person {
		return s // "BIDEN, in a statement, …" without a dash: not a place
	}
	return j
}

// datelineReach is how many tokens a dateline's date and agency may take.
const datelineReach = 10

// paragraphStart reports whether only spaces stand between the last line
// break (or the start of the text) and offset at.
func (r *resolver) paragraphStart(at int) bool {
	for i := at - 1; i >= 0; i-- {
		switch r.text[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

// allCaps reports whether token t has two or more letters, all capitals.
func (r *resolver) allCaps(t tok) bool {
	w := r.text[t.start:t.end]
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c >= 'a' && c <= 'z' || c >= 0x80:
			return false
		}
	}
	return n >= 2
}

// weakSubject reports whether the bare capitalised word at i acts as a
// subject: "Reid has gone after Trump", not "The Republican nominee" or
// "LONDON, Nov 24".
func (r *resolver) weakSubject(toks []tok, i, s, limit int) bool {
	if i > s && toks[i-1].kind == tkWord && toks[i-1].cls.has(wDet|wArticle) {
		return false
	}
	if r.nextIsVerb(toks, i) {
		return true
	}
	if i+1 >= limit {
		return false
	}
	n := &toks[i+1]
	return n.kind == tkWord && !n.capital && n.cls.flags&(wPrep|wDet|wConj|wThat) == 0 && !startsWithDigit(r.text[n.start:n.end])
}

func (r *resolver) nextIsVerb(toks []tok, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if _, _, ok := r.verbAt(toks, j); ok {
			return true
		}
		if !r.isAux(toks[j]) {
			return false
		}
	}
	return false
}

// isObject reports whether the mention at i follows a preposition or an
// object-taking verb.
func (r *resolver) isObject(toks []tok, i, s int) bool {
	k := i - 1
	for k >= s && toks[k].kind == tkWord && (r.isWordTok(toks[k], "the") || r.isWordTok(toks[k], "a") || r.isWordTok(toks[k], "an")) {
		k--
	}
	if k < s {
		return false
	}
	p := toks[k]
	return p.kind == tkWord && p.cls.has(wPrep)
}

// fromSubject makes the attribution for a subject found at k.
func (r *resolver) fromSubject(toks []tok, k int, kind subjKind, cue string, sentStart, dist int) (attribution, bool) {
	switch kind {
	case sjFound:
		at := attribution{cue: cue, found: true, how: howCue}
		at.sp = r.speakerOf(toks, k, sentStart)
		switch {
		case toks[k].kind == tkWord:
			at.conf = confPronoun
			if !at.sp.valid() {
				at.conf = confUnnamed
			}
		case toks[k].kind == tkName:
			at.conf = confFallback
		case dist > 8:
			at.conf = confFar
		default:
			at.conf = confNamed
		}
		return at, true
	case sjUnnamed:
		if sp := r.describedSpeaker(toks, k, sentStart); sp.valid() {
			return attribution{sp: sp, cue: cue, found: true, how: howCue, conf: confPronoun}, true
		}
		return attribution{cue: cue, found: true, how: howCue, conf: confUnnamed}, true
	}
	return attribution{}, false
}
