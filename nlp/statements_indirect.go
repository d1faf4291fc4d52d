package nlp

import "strings"

// indirect finds reported speech in sentence toks[s:e]: "X said (that) …",
// "X warned …", "X told reporters that …".
func (r *resolver) indirect(out []stmt, toks []tok, s, e int) []stmt {
	for j := s; j < e; j++ {
		if toks[j].cls.verb == 0 {
			continue
		}
		v, cue, ok := r.verbAt(toks, j)
		if ok && v.according {
			if st, ok := r.accordingTo(toks, j, s, e, cue); ok {
				out = append(out, st)
			}
			continue
		}
		if !ok || v.noIndirect {
			continue
		}
		k := j + 1
		if v.object {
			if k = r.skipObject(toks, k, e); k == j+1 && !v.objectOptional {
				continue // "told the BBC: …" is no reported speech
			}
		}
		k = r.skipAdjunct(toks, k, e)
		if k >= e {
			continue
		}
		that := r.isWordTok(toks[k], "that")
		if that {
			k++
		} else if !v.bare || !r.startsClause(toks[k]) {
			if st, ok := r.reportedBefore(toks, j, s, e, cue); ok {
				out = append(out, st)
			}
			continue
		}
		if k >= e || toks[k].kind == tkQuote || toks[k].kind == tkPunct {
			continue
		}
		end := k
		for end < e && end < k+4*maxReach && !r.isPunct(toks[end], ";") && !r.newClause(toks, end, e) {
			end++
		}
		for end > k && toks[end-1].kind == tkPunct {
			end--
		}
		if end-k < 3 {
			continue
		}
		at, ok := r.indirectSpeaker(toks, j, s, cue)
		if !ok {
			continue
		}
		out = append(out, stmt{kind: KindIndirect, start: toks[k].start, end: toks[end-1].end, quote: -1, at: at})
		j = end - 1
	}
	return out
}

// accordingTo finds reported speech around "according to X": "According to
// X, CLAUSE." or "CLAUSE, according to X."
func (r *resolver) accordingTo(toks []tok, j, s, e int, cue string) (stmt, bool) {
	from, to, who, whoEnd := -1, -1, j+2, e
	switch {
	case j == s:
		for k := j + 2; k < e && k < j+16; k++ {
			if r.isPunct(toks[k], ",") {
				from, to, whoEnd = k+1, e, k
				break
			}
		}
		// "According to X, an economist at Y, CLAUSE": the apposition is
		// part of who, not of what was said
		if from > 0 && from < e && toks[from].kind == tkWord && toks[from].cls.has(wArticle) && toks[from].cls.pron == 0 {
			for k := from + 1; k < e && k < from+16; k++ {
				if r.isPunct(toks[k], ",") {
					from = k + 1
					break
				}
			}
		}
	case j-1 > s && r.isPunct(toks[j-1], ","):
		from, to = r.skipDateline(toks, s, j), j-1
	}
	if from < 0 || from >= to {
		return stmt{}, false
	}
	for to > from && toks[to-1].kind == tkPunct {
		to--
	}
	if to-from < 3 || toks[from].kind == tkQuote || hasQuote(toks[from:to]) && to-from < 5 {
		return stmt{}, false
	}
	at, ok := r.rightSpeaker(toks, who, whoEnd, cue, s)
	if !ok {
		return stmt{}, false
	}
	at.conf = min(at.conf, confIndirect)
	return stmt{kind: KindIndirect, start: toks[from].start, end: toks[to-1].end, quote: -1, at: at}, true
}

// newClause reports whether the reported clause ends at token i, where
// another speaker's may begin: at ", while" or ", whereas" ("X said that …,
// while Y wrote that …"), or at a comma or dash followed by a subject and
// its own reporting verb (a subordinate "When X noted that …, Y replied").
func (r *resolver) newClause(toks []tok, i, e int) bool {
	if i+1 >= e || !r.isPunct(toks[i], ",―—–") {
		return false
	}
	if r.isWordTok(toks[i+1], "while") || r.isWordTok(toks[i+1], "whereas") {
		return r.isPunct(toks[i], ",")
	}
	if n := toks[i+1]; i+2 < e && (n.isCandidate() || n.kind == tkWord && n.cls.pron != 0) {
		_, _, ok := r.verbAt(toks, i+2)
		return ok
	}
	return false
}

// reportedBefore finds reported speech that precedes its cue: "The talks
// will go on, the minister said." The verb at j must end the sentence (bar a
// short adjunct) and its subject must follow a comma.
func (r *resolver) reportedBefore(toks []tok, j, s, e int, cue string) (stmt, bool) {
	if e-j > 10 || !r.isPunct(toks[e-1], ".!?…") {
		return stmt{}, false
	}
	if f := toks[s]; f.kind == tkWord && (f.cls.has(wPrep|wConj) || len(r.tz.lower(f)) > 4 && strings.HasSuffix(r.tz.lower(f), "ing")) {
		return stmt{}, false // "In a statement, the Kremlin said." reports nothing
	}
	for m := j + 1; m < e; m++ {
		if toks[m].kind == tkQuote || r.isWordTok(toks[m], "that") {
			return stmt{}, false
		}
	}
	k, kind := r.subjectLeft(toks, j, s)
	if kind != sjFound && kind != sjUnnamed {
		return stmt{}, false
	}
	c := k - 1
	for c > s && c >= k-5 && toks[c].kind == tkWord {
		c--
	}
	if c <= s || !r.isPunct(toks[c], ",") || c-s < 3 || hasQuote(toks[s:c]) {
		return stmt{}, false
	}
	at, ok := r.fromSubject(toks, k, kind, cue, s, 0)
	if !ok {
		return stmt{}, false
	}
	if at.conf > confIndirect {
		at.conf = confIndirect
	}
	return stmt{kind: KindIndirect, start: toks[s].start, end: toks[c-1].end, quote: -1, at: at}, true
}

// indirectSpeaker attributes reported speech introduced by the verb at j.
func (r *resolver) indirectSpeaker(toks []tok, j, s int, cue string) (attribution, bool) {
	s = max(s, j-maxReach)
	k, kind := r.subjectLeft(toks, j, s)
	switch kind {
	case sjRelative:
		// "X, who said that …"
		if k-2 >= s && r.isPunct(toks[k-1], ",") && toks[k-2].isCandidate() {
			k, kind = k-2, sjFound
		} else {
			return attribution{}, false
		}
	case sjEmpty:
		sub := r.sentenceSubject(toks, s, j)
		if sub == unnamedSubject {
			return attribution{cue: cue, found: true, how: howCue, conf: confUnnamed}, true
		}
		if sub < 0 {
			return attribution{}, false
		}
		at, ok := r.fromSubject(toks, sub, sjFound, cue, s, 0)
		if at.conf > confSubject {
			at.conf = confSubject
		}
		return at, ok
	}
	at, ok := r.fromSubject(toks, k, kind, cue, s, 0)
	if ok && at.conf > confIndirect {
		at.conf = confIndirect
	}
	return at, ok
}

// skipObject skips the listener after "told": a name, a pronoun, or a short
// noun phrase ending before "that".
func (r *resolver) skipObject(toks []tok, k, e int) int {
	if k >= e {
		return k
	}
	t := toks[k]
	if t.isCandidate() || t.kind == tkWord && t.cls.has(wObject) {
		return k + 1
	}
	if t.kind == tkWord && t.cls.has(wDet) {
		for m := k + 1; m < e && m <= k+4; m++ {
			if r.isWordTok(toks[m], "that") {
				return m
			}
			if toks[m].kind != tkWord {
				break
			}
		}
	}
	return k
}

// skipAdjunct skips a short phrase between the verb and "that".
func (r *resolver) skipAdjunct(toks []tok, k, e int) int {
	if k >= e || toks[k].kind != tkWord && !r.isPunct(toks[k], ",") {
		return k
	}
	if toks[k].kind == tkWord && !toks[k].cls.has(wAdjunct) && !r.isAux(toks[k]) {
		return k
	}
	if r.isWordTok(toks[k], "to") && k+1 < e && !r.listener(toks[k+1]) {
		return k // "threatened to vote …": an infinitive, not a listener
	}
	for m := k; m < e && m <= k+8; m++ {
		t := toks[m]
		if r.isWordTok(t, "that") {
			return m
		}
		if t.kind == tkQuote || t.kind == tkPunct && !r.isPunct(t, ",") {
			break
		}
	}
	return k
}

// listener reports a word that can follow "to" as the one spoken to: a name,
// a pronoun, a determiner or a listener noun ("to reporters").
func (r *resolver) listener(t tok) bool {
	return t.isCandidate() || t.kind == tkWord && (t.capital || t.cls.has(wObject|wDet|wArticle))
}

// startsClause reports whether t can open reported speech without "that".
func (r *resolver) startsClause(t tok) bool {
	if t.isCandidate() && !t.weak {
		return true
	}
	return t.kind == tkWord && t.cls.has(wClauseStart)
}
