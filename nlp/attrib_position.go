package nlp

import (
	"strings"
	"unicode/utf8"
)

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
	if k := r.documentAuthorAhead(toks, i, end); k >= 0 {
		// "according to a statement released by Downing Street"
		return r.fromSubject(toks, k, sjFound, cue, sentStart, k-i)
	}
	// an unnamed noun phrase, perhaps holding or followed by a name:
	// "said the Rev. Peter Wherry", "said the group’s leader, Jane Doe"
	// A phrase after a preposition ("a spokeswoman for Trump hotels, Jennifer
	// Rodstrom") names the body, not the speaker, who may follow a comma.
	inPhrase := false
	for k := i + 1; k < end && k <= i+10; k++ {
		if toks[k].kind == tkQuote || r.isPunct(toks[k], ".;:") {
			break
		}
		if toks[k].kind == tkWord && toks[k].cls.has(wPrep) {
			inPhrase = true
			continue
		}
		if tk := toks[k]; !inPhrase && (tk.kind == tkPerson || tk.kind == tkOrg || tk.kind == tkName && !tk.weak) && !tk.poss {
			return r.fromSubject(toks, k, sjFound, cue, sentStart, k-i)
		}
		if r.isPunct(toks[k], ",") {
			if k+1 < end && toks[k+1].isCandidate() && !toks[k+1].poss {
				return r.fromSubject(toks, k+1, sjFound, cue, sentStart, k+1-i)
			}
			break
		}
	}
	// "says the 39-year-old founder": the description's head noun is the
	// last word before the phrase ends
	head := i
	for k := i + 1; k < end && k <= i+describedWindow && toks[k].kind == tkWord && !toks[k].cls.has(wPrep|wConj|wRel|wThat); k++ {
		head = k
	}
	return r.fromSubject(toks, head, sjUnnamed, cue, sentStart, 0)
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
	// a quote closed off by punctuation ("…,” X said) may have its cue far
	// behind a long appositive; one running into the sentence only nearby
	closed := i > qt+1 || r.quoteEndsWith(toks[qt], ",?!…")
	if i+1 < end && (r.isWordTok(toks[i], "a") || r.isWordTok(toks[i], "ha") || r.isWordTok(toks[i], "hat")) && toks[i+1].cls.verb != 0 {
		i++ // « … », a déclaré Macron
	}
	if dash && toks[i].isCandidate() && !toks[i].poss && (r.onlyPunctAfter(toks, i+1, end) || r.isPunct(toks[i+1], ",")) {
		// “…” ― Jane Doe
		return r.fromSubject(toks, i, sjFound, "―", s, 0)
	}
	if v, cue, ok := r.verbAt(toks, i); ok {
		if v.according {
			return r.rightSpeaker(toks, i+2, end, cue, s)
		}
		if v.invert {
			if at, ok := r.rightSpeaker(toks, i+1, end, cue, s); ok {
				return at, true
			}
		}
	}
	if t := toks[i]; closed && i+1 < end && (t.kind == tkPerson || t.kind == tkName && !t.weak) && !t.poss &&
		toks[i+1].kind == tkWord && !toks[i+1].capital && toks[i+1].cls.verb == 0 &&
		toks[i+1].cls.flags&(wPrep|wDet|wConj|wAux) == 0 && (i+2 == end || toks[i+2].kind == tkPunct || r.unknownVerbBeforePrep(toks, i+1, end)) {
		// “…,” Jane Doe mused. — a verb the tables do not know
		at, ok := r.fromSubject(toks, i, sjFound, r.tz.lower(toks[i+1]), s, 1)
		at.conf = min(at.conf, confFar)
		return at, ok
	}
	reach := 30
	if !closed {
		reach = 3
	}
	for j := i; j < end && j <= i+reach; j++ {
		if toks[j].kind == tkQuote || r.isPunct(toks[j], ";:") {
			break
		}
		v, cue, ok := r.verbAt(toks, j)
		if !ok {
			continue
		}
		if v.according {
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

// unknownVerbBeforePrep reports whether the word at j looks like a finite
// verb followed by a preposition ("sings to the crowd") with no known
// reporting verb soon after ("supporters in Ohio chanted" is no such verb).
func (r *resolver) unknownVerbBeforePrep(toks []tok, j, end int) bool {
	w := r.tz.lower(toks[j])
	n := len(w)
	if n <= 3 || !(w[n-2:] == "ed" || w[n-1] == 's' && w[n-2] != 's') || toks[j].cls.has(wGroup) {
		return false
	}
	if j+1 >= end || toks[j+1].kind != tkWord || !toks[j+1].cls.has(wPrep) {
		return false
	}
	for k := j + 2; k < end && k <= j+6; k++ {
		if _, _, ok := r.verbAt(toks, k); ok && !r.isParticiple(toks[k]) {
			return false
		}
	}
	return true
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
		switch {
		case v.according:
			if at, ok := r.rightSpeaker(toks, j+2, qt, cue, s); ok {
				return at, true
			}
			continue
		case v.notLeading:
			continue
		}
		if v.as && (qt-j > 8 || j+1 < qt && (r.isWordTok(toks[j+1], "for") || r.isWordTok(toks[j+1], "on"))) {
			continue
		}
		if v.weak && !(qt-j == 2 && r.isPunct(toks[qt-1], ":,")) {
			continue // "the talks continued “in a good mood”": no cue
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
		at.object = r.quoteIsObject(toks, j, qt)
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

// quoteEndsWith reports whether the words of quote token t end with one of
// the runes in chars.
func (r *resolver) quoteEndsWith(t tok, chars string) bool {
	q := r.quotes[t.ref]
	words := r.text[q.start:q.end]
	for words != "" {
		// look past nested closing marks: “… ‘super predator,’”
		last, n := utf8.DecodeLastRuneInString(words)
		if markFamily(last) == famNone && last != ' ' {
			return strings.ContainsRune(chars, last)
		}
		words = words[:len(words)-n]
	}
	return false
}

// quoteIsObject reports whether the quote at qt is the object of the cue at
// j: only prepositions and a list of quotes stand between them ("railed
// against “…” and “…”", "went on about “…”").
func (r *resolver) quoteIsObject(toks []tok, j, qt int) bool {
	k := j + 1
	if r.goesOnAbout(toks, j) {
		k = j + 3
	}
	for ; k < qt; k++ {
		t := toks[k]
		switch {
		case t.kind == tkQuote, r.isPunct(t, ","):
		case t.kind == tkWord && (t.cls.has(wPrep) || r.isWordTok(t, "and") || r.isWordTok(t, "or")):
		default:
			return false
		}
	}
	return true
}
