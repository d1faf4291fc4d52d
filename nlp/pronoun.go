package nlp

// mention is an entry of the salience history: who was the subject, or a
// mere object, of an earlier sentence.
type mention struct {
	sp      spk
	subject bool
	sent    int
}

// historyWindow is how many sentences back a pronoun may reach.
const historyWindow = 12

// objectWindow is how many sentences back a mere object may be the referent.
const objectWindow = 4

// resolvePronoun resolves a pronoun of gender g ('m', 'f', 'n' for it,
// 'p' for they) at token pos of the sentence starting at s: the subject of
// the current sentence before it, else, sentence by sentence backwards, the
// subject of matching gender before a mere object (objects only in the
// nearest sentences). Quotes are single tokens, so a
// name inside a quote is never considered.
func (r *resolver) resolvePronoun(g byte, toks []tok, s, pos int) spk {
	if g != 'm' && g != 'f' && g != 'n' {
		return spk{}
	}
	s = max(s, pos-maxReach)
	if sub := r.sentenceSubject(toks, s, pos); sub >= 0 && sub < pos {
		if c := r.speakerOf(toks, sub, s); c.valid() && genderFits(g, c.gender) {
			return c
		}
	}
	if c := r.possessorSubject(toks, s, pos); c.valid() && genderFits(g, c.gender) {
		return c
	}
	// walk back sentence by sentence: each one's subject, then (for the
	// nearest sentences) its latest object
	for h := len(r.hist) - 1; h >= 0; {
		sent := r.hist[h].sent
		if r.sentNo-sent > historyWindow {
			break
		}
		lo := h
		for lo > 0 && r.hist[lo-1].sent == sent {
			lo--
		}
		for k := lo; k <= h; k++ {
			if m := r.hist[k]; m.subject && genderFits(g, m.sp.gender) {
				return m.sp
			}
		}
		if r.sentNo-sent <= objectWindow {
			for k := h; k >= lo; k-- {
				if m := r.hist[k]; !m.subject && genderFits(g, m.sp.gender) {
					return m.sp
				}
			}
		}
		h = lo - 1
	}
	// no subject fits: the latest object that does, further back
	for h := len(r.hist) - 1; h >= 0 && r.sentNo-r.hist[h].sent <= historyWindow; h-- {
		if m := r.hist[h]; !m.subject && genderFits(g, m.sp.gender) && m.sp.gender != 0 {
			return m.sp
		}
	}
	return spk{}
}

// genderFits reports whether a mention of gender have can be called by a
// pronoun of gender want; people of unknown gender fit he and she.
func genderFits(want, have byte) bool {
	if want == 'n' {
		return have == 'n'
	}
	return have == want || have == 0
}

// remember adds sentence toks[s:e] to the salience history: its speaker or
// subject first, then the other people it mentions outside quotes.
func (r *resolver) remember(toks []tok, s, e, subj int, subjSpk, spoke spk) {
	if len(r.hist) > 256 {
		r.hist = append(r.hist[:0], r.hist[len(r.hist)-64:]...)
	}
	main := spoke
	if !main.valid() && (subjSpk.kind != tkName || subjSpk.gender != 0) {
		// a capitalised name of unknown kind ("Eastern Europe") is salient
		// only once it has spoken
		main = subjSpk
	}
	if main.valid() {
		r.hist = append(r.hist, mention{sp: main, subject: true, sent: r.sentNo})
		r.lastSubj, r.lastSubjPara = main, r.paraNo
	}
	for i := s; i < e; i++ {
		t := &toks[i]
		if t.kind < tkPerson || i == subj || t.weak || t.kind == tkName && t.gender == 0 {
			continue
		}
		r.hist = append(r.hist, mention{sp: r.speakerOf(toks, i, s), sent: r.sentNo})
	}
}

// possessorSubject returns the person whose thing opens the sentence at s
// as its subject ("Oz's advice earned him a hearing, where he …"): with no
// person as the subject, the possessor is the sentence's topic. A person
// noun after the possessive ("Obama's spokesman") is a subject of its own.
func (r *resolver) possessorSubject(toks []tok, s, pos int) spk {
	for i := r.skipDateline(toks, s, pos); i < pos; i++ {
		t := toks[i]
		if !t.isCandidate() {
			if t.kind == tkWord && (t.cls.has(wArticle) || !t.capital && t.cls.flags == 0) {
				continue
			}
			return spk{}
		}
		if !t.poss || t.kind != tkPerson && t.kind != tkName || i+1 >= pos {
			return spk{}
		}
		n := toks[i+1]
		if n.kind != tkWord || n.cls.has(wPersonNoun) {
			return spk{}
		}
		if _, person := r.idx.voc.roleHeads[r.tz.lower(n)]; person {
			return spk{}
		}
		return r.speakerOf(toks, i, s)
	}
	return spk{}
}
