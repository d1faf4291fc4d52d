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

// resolvePronoun resolves a pronoun of gender g ('m', 'f', 'n' for it,
// 'p' for they) at token pos of the sentence starting at s: the subject of
// the current sentence before it, else the latest earlier subject of matching
// gender, else the latest matching object. Quotes are single tokens, so a
// name inside a quote is never considered.
func (r *resolver) resolvePronoun(g byte, toks []tok, s, pos int) spk {
	if g != 'm' && g != 'f' && g != 'n' {
		return spk{}
	}
	if sub := r.sentenceSubject(toks, s, pos); sub >= 0 && sub < pos {
		if c := r.speakerOf(toks, sub, s); c.valid() && genderFits(g, c.gender) {
			return c
		}
	}
	for h := len(r.hist) - 1; h >= 0 && r.sentNo-r.hist[h].sent <= historyWindow; h-- {
		if m := r.hist[h]; m.subject && genderFits(g, m.sp.gender) {
			return m.sp
		}
	}
	for h := len(r.hist) - 1; h >= 0 && r.sentNo-r.hist[h].sent <= historyWindow; h-- {
		if m := r.hist[h]; genderFits(g, m.sp.gender) {
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
	if !main.valid() {
		main = subjSpk
	}
	if main.valid() {
		r.hist = append(r.hist, mention{sp: main, subject: true, sent: r.sentNo})
	}
	for i := s; i < e; i++ {
		t := toks[i]
		if i == subj || !t.isCandidate() || t.weak {
			continue
		}
		r.hist = append(r.hist, mention{sp: r.speakerOf(toks, i, s), sent: r.sentNo})
	}
}
