package nlp

import (
	"cmp"
	"slices"
	"strings"
)

// A definite description as the subject of a reporting verb ("the New York
// businessman said", "the former governor added", "Obama's chief strategist
// said") names nobody by itself but refers back, like a pronoun, to the most
// salient person already in the story. An indefinite one ("a senior
// official said") stays unnamed.

// describedWindow is how many words may stand between the determiner and
// the head of a description.
const describedWindow = 5

// describedSpeaker resolves the description whose head noun is the word at
// k, in the sentence starting at s. It returns an invalid speaker when the
// phrase is not a definite description of a person or nobody fits.
func (r *resolver) describedSpeaker(toks []tok, k, s int) spk {
	head := r.tz.lower(toks[k])
	voc := r.idx.voc
	g, ok := voc.roleHeads[head]
	body := voc.bodyNouns[head]
	if !ok && !voc.appositionNouns[head] && !body {
		return spk{}
	}
	possessor := spk{}
	definite, possessed := false, false
	first := k // the first word of the description after its determiner
	for j := k - 1; j >= s && j >= k-describedWindow; j-- {
		t := toks[j]
		if t.poss && t.isCandidate() {
			possessor = r.speakerOf(toks, j, s)
			definite, possessed = true, true
			break
		}
		if t.kind != tkWord && !t.isCandidate() {
			break
		}
		if t.kind == tkWord && t.cls.has(wArticle) {
			// "the founder", "her daughter": definite; "a spokesman": not
			possessed = t.cls.pron != 0 || r.isWordTok(t, "his") || r.isWordTok(t, "her") || r.isWordTok(t, "their")
			definite = possessed || r.isWordTok(t, "the")
			break
		}
		first = j
		if t.kind == tkWord && (t.cls.has(wConj|wPrep|wRel|wThat) || t.cls.verb != 0 || t.cls.pron != 0) {
			break
		}
	}
	if !definite {
		return spk{}
	}
	if body {
		// "the agency said": the organisation last in the subject's place
		for h := len(r.hist) - 1; h >= 0 && r.sentNo-r.hist[h].sent <= historyWindow; h-- {
			if m := r.hist[h]; m.subject && (m.sp.kind == tkOrg || m.sp.kind == tkName && m.sp.gender == 'n') {
				return m.sp
			}
		}
		return spk{}
	}
	if sp := r.titledPerson(toks[first:k+1], possessor, g); sp.valid() {
		return sp
	}
	if possessed {
		// "his spokesman", "Starmer's aide": someone other than the
		// possessor, known only when named with that title
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

// titleReach is how far around a person's mention a title may stand:
// "Senate Majority Leader Chuck Schumer", "Greg Abbott, the governor of Texas".
const titleReach = 48

// titledPerson returns the latest person mentioned before the description
// desc with every word of it near one of their mentions ("the majority
// leader said" after "Senate Majority Leader Chuck Schumer"), skipping the
// possessor and people of the wrong gender.
func (r *resolver) titledPerson(desc []tok, possessor spk, g byte) spk {
	at := desc[0].start
	k := r.entityAt(at)
	for i := k - 1; i >= 0 && i >= k-entityWindow; i-- {
		e := &r.ents[i]
		if e.Kind != KindPerson {
			continue
		}
		if possessor.kind == tkPerson && r.ents[possessor.ref].ID == e.ID {
			continue
		}
		eg := byte(0)
		if e.Gender != "" {
			eg = e.Gender[0]
		}
		if g != 0 && eg != 0 && eg != g {
			continue
		}
		all := true
		for _, t := range desc {
			if !r.titleNear(r.tz.low[t.start:t.end], e.Start, e.End, at) {
				all = false
				break
			}
		}
		if all {
			return spk{kind: tkPerson, ref: i, gender: eg}
		}
	}
	return spk{}
}

// titleNear reports whether the word head stands within titleReach bytes
// of text[start:end], in the same paragraph and before offset limit (the
// description itself).
func (r *resolver) titleNear(head string, start, end, limit int) bool {
	lo, hi := max(0, start-titleReach), min(limit, end+titleReach)
	if hi < end {
		return false
	}
	if k := strings.LastIndexByte(r.text[lo:start], '\n'); k >= 0 {
		lo += k + 1
	}
	if k := strings.IndexByte(r.text[end:hi], '\n'); k >= 0 {
		hi = end + k
	}
	w := r.tz.low[lo:hi]
	for off := 0; ; {
		k := strings.Index(w[off:], head)
		if k < 0 {
			return false
		}
		a, b := off+k, off+k+len(head)
		if (a == 0 || !isWordByte(w[a-1])) && (b == len(w) || !isWordByte(w[b])) {
			return true
		}
		off = b
	}
}

// entityWindow is how many entities a description or a transcript label
// looks back over: far enough for any article, and linear on any text.
const entityWindow = 1000

// entityAt returns the index of the first entity starting at or after off.
func (r *resolver) entityAt(off int) int {
	k, _ := slices.BinarySearchFunc(r.ents, off, func(e Entity, off int) int { return cmp.Compare(e.Start, off) })
	return k
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}
