package nlp

import "strings"

// A document speaks for whoever issued it: "a Homeland Security memo put
// it", "a statement on the Smith campaign's website says", "the Kremlin's
// readout said". The speaker is the name that modifies the document noun,
// or the one its "from", "by" or "of" phrase names.

// documentReach is how many tokens a document's noun phrase may span.
const documentReach = 10

// documentAuthor finds the author of a document named by the noun phrase
// that ends with the token at head, looking left no further than lo. It
// returns the author's token index, or -1 when the phrase names no
// document or no author.
func (r *resolver) documentAuthor(toks []tok, head, lo int) int {
	for d := head; d >= lo && d > head-documentReach; d-- {
		t := toks[d]
		if !r.inNounPhrase(t) {
			return -1
		}
		if t.kind != tkWord || t.capital || !r.idx.voc.documentNouns[r.tz.lower(t)] {
			continue
		}
		return r.documentIssuer(toks, d, lo, head+1)
	}
	return -1
}

// documentIssuer finds who issued the document whose noun is at d, within
// toks[lo:end]: a name modifying it ("a Homeland Security memo", "the Smith
// campaign's ad") or one its phrase names ("a letter from the ministry", "a
// statement released by Downing Street", "a page on the Smith campaign's
// website"). It returns the issuer's token index, or -1.
func (r *resolver) documentIssuer(toks []tok, d, lo, end int) int {
	for k := d - 1; k >= lo && k >= d-4; k-- {
		m := toks[k]
		if m.isCandidate() {
			return k
		}
		if m.kind != tkWord || m.cls.has(wArticle) || !r.inNounPhrase(m) {
			break
		}
	}
	k := d + 1
	if k < end && toks[k].kind == tkWord && strings.HasSuffix(r.tz.lower(toks[k]), "ed") {
		k++ // "released by", "issued by"
	}
	if k+1 >= end {
		return -1
	}
	p := toks[k]
	byAuthor := r.isWordTok(p, "from") || r.isWordTok(p, "by") || r.isWordTok(p, "of")
	onPage := k == d+1 && (r.isWordTok(p, "on") || r.isWordTok(p, "in"))
	if !byAuthor && !onPage {
		return -1
	}
	for k++; k < end && k <= d+5; k++ {
		m := toks[k]
		if m.isCandidate() {
			if byAuthor || m.poss || k+1 < end && r.issuer(toks[k+1]) {
				return k
			}
			return -1
		}
		if m.kind != tkWord || !m.cls.has(wArticle) {
			return -1
		}
	}
	return -1
}

// inNounPhrase reports whether t may stand inside a subject noun phrase.
func (r *resolver) inNounPhrase(t tok) bool {
	switch t.kind {
	case tkQuote, tkPunct:
		return false
	case tkWord:
		return t.cls.verb == 0 && !t.cls.has(wConj|wRel|wThat) || t.cls.has(wPrep)
	}
	return true
}

// issuer reports a word after a name that makes the name a document's
// issuer: "the Smith campaign's website", "the Jones ad".
func (r *resolver) issuer(t tok) bool {
	w := r.tz.lower(t)
	return t.kind == tkWord && (r.idx.voc.collectives[w] || r.idx.voc.documentNouns[w])
}

// documentAbout returns the document noun whose topic is the mention at i
// ("a report on China", "the study into Brexit"), or -1.
func (r *resolver) documentAbout(toks []tok, i, lo int) int {
	k := i - 1
	if k >= lo && toks[k].kind == tkWord && toks[k].cls.has(wArticle) {
		k--
	}
	if k-1 < lo || toks[k].kind != tkWord || !r.idx.voc.topicPreps[r.tz.lower(toks[k])] {
		return -1
	}
	if d := toks[k-1]; d.kind == tkWord && r.idx.voc.documentNouns[r.tz.lower(d)] {
		return k - 1
	}
	return -1
}

// documentAuthorAhead finds the author of a document named by the noun
// phrase that starts at token i and runs right, before end: "a joint
// statement released by Downing Street", "the Kremlin's readout". It
// returns the author's token index, or -1.
func (r *resolver) documentAuthorAhead(toks []tok, i, end int) int {
	d := -1
	for k := i; k < end && k <= i+documentReach/2; k++ {
		t := toks[k]
		if t.kind != tkWord || t.cls.verb != 0 || t.cls.has(wPrep|wConj|wRel|wThat) {
			break
		}
		if !t.capital && r.idx.voc.documentNouns[r.tz.lower(t)] {
			d = k
			break
		}
	}
	if d < 0 {
		return -1
	}
	return r.documentIssuer(toks, d, i, end)
}
