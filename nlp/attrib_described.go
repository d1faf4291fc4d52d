package nlp

// A definite description as the subject of a reporting verb ("the New York
// businessman said", "the former governor added", "Obama's chief strategist
// said") names nobody by itself but refers back, like a pronoun, to the most
// salient person already in the story. An indefinite one ("a senior
// official said") stays unnamed.

// roleHeads maps the last word of every person title or profession to its
// gender byte (0 when unknown).
var roleHeads = buildRoleHeads()

func buildRoleHeads() map[string]byte {
	m := map[string]byte{}
	for _, d := range roleDefs {
		if d.class != roleOffice && d.class != roleProfession {
			continue
		}
		w := d.phrase
		for i := len(w) - 1; i >= 0; i-- {
			if w[i] == ' ' {
				w = w[i+1:]
				break
			}
		}
		g := byte(0)
		if d.gender != "" {
			g = d.gender[0]
		}
		if old, ok := m[w]; ok && old != g {
			g = 0
		}
		m[w] = g
	}
	return m
}

// describedWindow is how many words may stand between the determiner and
// the head of a description.
const describedWindow = 5

// describedSpeaker resolves the description whose head noun is the word at
// k, in the sentence starting at s. It returns an invalid speaker when the
// phrase is not a definite description of a person or nobody fits.
func (r *resolver) describedSpeaker(toks []tok, k, s int) spk {
	g, ok := roleHeads[r.tz.lower(toks[k])]
	if !ok {
		return spk{}
	}
	possessor := spk{}
	definite := false
	for j := k - 1; j >= s && j >= k-describedWindow; j-- {
		t := toks[j]
		if t.poss && t.isCandidate() {
			possessor = r.speakerOf(toks, j, s)
			definite = true
			break
		}
		if t.kind != tkWord && !t.isCandidate() {
			break
		}
		if t.kind == tkWord && t.cls.has(wArticle) {
			definite = r.isWordTok(t, "the")
			break
		}
		if t.kind == tkWord && (t.cls.has(wConj|wPrep|wRel|wThat) || t.cls.verb != 0 || t.cls.pron != 0) {
			break
		}
	}
	if !definite {
		return spk{}
	}
	for h := len(r.hist) - 1; h >= 0 && r.sentNo-r.hist[h].sent <= historyWindow; h-- {
		m := r.hist[h]
		if !m.subject || m.sp.kind != tkPerson {
			continue
		}
		if possessor.kind == tkPerson && m.sp.ref == possessor.ref {
			continue
		}
		if g == 0 || m.sp.gender == 0 || m.sp.gender == g {
			return m.sp
		}
	}
	return spk{}
}
