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

// conjunctions leave a verb's subject slot empty ("… and said").
var conjunctions = wordSet("and", "but", "or", "before", "after", "while", "as",
	"by", "when", "then", "so", "yet", "nor", "without", "also", "in", "on", "with")

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
		return verbInfo{}, "", false
	}
	v := r.idx.verbList[t.cls.verb-1]
	if v.lemma == "according" {
		if i+1 < len(toks) && r.isWordTok(toks[i+1], "to") {
			return v, "according to", true
		}
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
				ok = p.cls.pron != 0
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
	if t.isCandidate() {
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
		if k := r.orgInPhrase(toks, i, lo); k >= 0 {
			return k, sjFound // "a Kremlin spokesman said": the Kremlin speaks
		}
		if i-1 >= lo && collectives[r.tz.lower(t)] && (toks[i-1].kind == tkPerson || toks[i-1].kind == tkName) {
			return i, sjFound // "the Clinton campaign said": a body named for a person
		}
		return i, sjUnnamed
	case tkPunct:
		if w := r.tz.lower(toks[v]); len(w) > 4 && w[len(w)-3:] == "ing" {
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

// appositiveHead finds the subject before an appositive ending with the
// comma at i: "Jean-Marc Ayrault, the foreign minister of France, said". It
// takes the leftmost person that precedes a comma in the clause, else the
// leftmost other mention.
func (r *resolver) appositiveHead(toks []tok, i, lo int) int {
	best, other := -1, -1
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
		if toks[h].kind == tkPerson || toks[h].kind == tkName {
			best = h
		} else {
			other = h
		}
	}
	if best >= 0 {
		return best
	}
	return other
}

// collectives are bodies named after a person that speak as themselves.
var collectives = wordSet("campaign", "camp", "administration", "government", "team", "foundation")

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
	if j >= lo && r.isWordTok(toks[j], "the") {
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
	for i := s; i < limit; i++ {
		t := toks[i]
		isPron := false
		if t.kind == tkWord {
			isPron = t.cls.pron != 0 && t.cls.pron != 'x'
		}
		if !t.isCandidate() && !isPron {
			continue
		}
		if t.poss || t.weak && t.kind == tkName && i == s && !r.nextIsVerb(toks, i) {
			continue
		}
		if (t.kind == tkCountry || t.kind == tkOrg) && i+1 < limit && (toks[i+1].kind == tkPerson || toks[i+1].kind == tkName) {
			continue // "US President …", "NATO chief …": a modifier
		}
		if r.isObject(toks, i, s) {
			continue
		}
		return i
	}
	return -1
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
		return attribution{cue: cue, found: true, how: howCue, conf: confUnnamed}, true
	}
	return attribution{}, false
}

// rightSpeaker finds the speaker after an inverted verb ("said X") or
// "according to", in toks[i:end].
func (r *resolver) rightSpeaker(toks []tok, i, end int, cue string, sentStart int) (attribution, bool) {
	for i < end && (r.isAux(toks[i]) || toks[i].kind == tkWord && toks[i].capital && toks[i].cls.has(wNotName)) {
		i++
	}
	if i+1 < end && r.isWordTok(toks[i], "the") && toks[i+1].isCandidate() {
		i++ // "according to the Kremlin"
	}
	if i >= end {
		return attribution{}, false
	}
	t := toks[i]
	if t.kind == tkWord && t.cls.has(wPrep|wThat) {
		// "…,” adding that …": a participle, not an inverted cue
		return attribution{}, false
	}
	if t.isCandidate() {
		if t.poss {
			// "said Trump’s spokesman, Jason Miller"
			for k := i + 1; k < end && k <= i+6; k++ {
				if toks[k].isCandidate() && !toks[k].poss {
					return r.fromSubject(toks, k, sjFound, cue, sentStart, k-i)
				}
				if toks[k].kind == tkQuote {
					break
				}
			}
			return r.fromSubject(toks, i, sjUnnamed, cue, sentStart, 0)
		}
		return r.fromSubject(toks, i, sjFound, cue, sentStart, 0)
	}
	if t.kind != tkWord {
		return attribution{}, false
	}
	if t.cls.pron != 0 {
		return r.fromSubject(toks, i, sjFound, cue, sentStart, 0)
	}
	// an unnamed noun phrase, perhaps holding or followed by a name:
	// "said the Rev. Peter Wherry", "said the group’s leader, Jane Doe"
	for k := i + 1; k < end && k <= i+10; k++ {
		if toks[k].kind == tkQuote || r.isPunct(toks[k], ".;:") {
			break
		}
		if toks[k].kind == tkWord && toks[k].cls.has(wPrep) {
			break
		}
		if tk := toks[k]; (tk.kind == tkPerson || tk.kind == tkOrg || tk.kind == tkName && !tk.weak) && !tk.poss {
			return r.fromSubject(toks, k, sjFound, cue, sentStart, k-i)
		}
		if r.isPunct(toks[k], ",") {
			if k+1 < end && toks[k+1].isCandidate() && !toks[k+1].poss {
				return r.fromSubject(toks, k+1, sjFound, cue, sentStart, k+1-i)
			}
			break
		}
	}
	return r.fromSubject(toks, i, sjUnnamed, cue, sentStart, 0)
}

// trailing looks for the cue after the quote token qt, up to end:
// "…,” X said", "…,” said X", "…,” according to X".
func (r *resolver) trailing(toks []tok, qt, end, s int) (attribution, bool) {
	i := qt + 1
	dash := false
	for i < end && r.isPunct(toks[i], ",—–-―") {
		dash = dash || !r.isPunct(toks[i], ",")
		i++
	}
	if i >= end {
		return attribution{}, false
	}
	if i+1 < end && (r.isWordTok(toks[i], "a") || r.isWordTok(toks[i], "ha") || r.isWordTok(toks[i], "hat")) && toks[i+1].cls.verb != 0 {
		i++ // « … », a déclaré Macron
	}
	if dash && toks[i].isCandidate() && !toks[i].poss && (r.onlyPunctAfter(toks, i+1, end) || r.isPunct(toks[i+1], ",")) {
		// “…” ― Jane Doe
		return r.fromSubject(toks, i, sjFound, "―", s, 0)
	}
	if v, cue, ok := r.verbAt(toks, i); ok {
		if v.lemma == "according" {
			return r.rightSpeaker(toks, i+2, end, cue, s)
		}
		if v.invert {
			if at, ok := r.rightSpeaker(toks, i+1, end, cue, s); ok {
				return at, true
			}
		}
	}
	for j := i; j < end && j <= i+30; j++ {
		if toks[j].kind == tkQuote || r.isPunct(toks[j], ";:") {
			break
		}
		v, cue, ok := r.verbAt(toks, j)
		if !ok {
			continue
		}
		if v.lemma == "according" {
			return r.rightSpeaker(toks, j+2, end, cue, s)
		}
		k, kind := r.subjectLeft(toks, j, i)
		if kind == sjRelative {
			continue
		}
		return r.fromSubject(toks, k, kind, cue, s, j-qt)
	}
	return attribution{}, false
}

// onlyPunctAfter reports whether toks[i:end] holds punctuation only.
func (r *resolver) onlyPunctAfter(toks []tok, i, end int) bool {
	for ; i < end; i++ {
		if toks[i].kind != tkPunct {
			return false
		}
	}
	return true
}

// clauseStart returns where the clause holding token qt begins, looking no
// further back than s: after a semicolon or a comma followed by a
// conjunction ("…, but Kevin was drifting off").
func (r *resolver) clauseStart(toks []tok, qt, s int) int {
	for j := qt - 1; j > s; j-- {
		if r.isPunct(toks[j], ";") {
			return j + 1
		}
		if r.isPunct(toks[j], ",") && j+1 < qt && toks[j+1].kind == tkWord && toks[j+1].cls.has(wClauseBreak) {
			return j + 1
		}
	}
	return s
}

// clauseBreakers open a new clause after a comma.
var clauseBreakers = wordSet("but", "while", "although", "though", "because", "so", "yet", "whereas")

// leading looks for the cue before the quote token qt, back to the sentence
// start s: "X said: “…”", "X told reporters “…”", "X described it as “…”".
func (r *resolver) leading(toks []tok, qt, s int) (attribution, bool) {
	cs := r.clauseStart(toks, qt, s)
	for j := qt - 1; j >= cs; j-- {
		if toks[j].kind == tkQuote {
			continue
		}
		v, cue, ok := r.verbAt(toks, j)
		if !ok {
			continue
		}
		switch v.lemma {
		case "according":
			if at, ok := r.rightSpeaker(toks, j+2, qt, cue, s); ok {
				return at, true
			}
			continue
		case "begin":
			continue
		}
		if asVerbs[v.lemma] && (qt-j > 8 || j+1 < qt && (r.isWordTok(toks[j+1], "for") || r.isWordTok(toks[j+1], "on"))) {
			continue
		}
		if (v.lemma == "continue" || v.lemma == "begin") && j+1 < qt && r.isWordTok(toks[j+1], "to") {
			continue
		}
		k, kind := r.subjectLeft(toks, j, s)
		switch kind {
		case sjRelative:
			continue
		case sjEmpty:
			if v.invert && j-2 >= s && r.isPunct(toks[j-1], ",") && toks[j-2].kind == tkQuote {
				// “…,” said Jones, “…”
				if at, ok := r.rightSpeaker(toks, j+1, qt, cue, s); ok {
					return at, true
				}
			}
			if sub := r.sentenceSubject(toks, s, j); sub >= 0 {
				at, ok := r.fromSubject(toks, sub, sjFound, cue, s, qt-j)
				if ok && at.conf > confSubject {
					at.conf = confSubject
				}
				return at, ok
			}
			continue
		}
		at, ok := r.fromSubject(toks, k, kind, cue, s, qt-j)
		return at, ok
	}
	if qt-1 >= s && r.isPunct(toks[qt-1], ":") {
		if sub := r.sentenceSubject(toks, s, qt-1); sub >= 0 {
			at, ok := r.fromSubject(toks, sub, sjFound, ":", s, 0)
			if ok && at.conf > confSubject {
				at.conf = confSubject
			}
			return at, ok
		}
	}
	return attribution{}, false
}
