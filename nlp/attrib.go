package nlp

import (
	"slices"
	"unicode/utf8"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// maxReach is how many tokens around a quote its cue may lie; it keeps the
// work linear on text without sentence ends.
const maxReach = 80

// Confidence of an attribution, by how the speaker was found.
const (
	confNamed     = 0.9  // "X said" next to the quote
	confFar       = 0.8  // a named cue further from the quote
	confFallback  = 0.75 // a capitalised name the entity finder did not know
	confPronoun   = 0.7  // "he said", resolved by salience
	confSubject   = 0.65 // the sentence's subject ("X described it as “…”")
	confUnnamed   = 0.6  // "a senior official said": no speaker, but a cue
	confContinued = 0.7  // a multi-paragraph quote's later piece
	confCarryPara = 0.6  // an earlier quote of the same paragraph
	confCarry     = 0.5  // the previous paragraph's statement
	confSentence  = 0.4  // no cue: the subject of the quote's sentence
	confNone      = 0.2  // no cue at all
	confIndirect  = 0.8  // reported speech with a named speaker
)

// spk is a resolved speaker; the zero value is no speaker.
type spk struct {
	kind   tokKind // tkPerson, tkCountry, tkOrg or tkName; tkWord = none
	ref    int
	start  int // for names: the span of the name in the text
	end    int
	gender byte
}

func (s spk) valid() bool { return s.kind != tkWord }

// attribution is what the cue analysis found for one statement.
type attribution struct {
	sp    spk
	cue   string
	conf  float64
	found bool // a cue was found, even when it names no one
	how   int
	// object: the quote is the cue's object ("went on about “…” and “…”"),
	// so a cue after it belongs to another clause
	object bool
}

// how an attribution was made.
const (
	howNone = iota
	howCarry
	howCue
	howSubject // no cue; the sentence's subject, never carried over
)

// stmt is a statement under construction.
type stmt struct {
	kind       string
	start, end int
	quote      int // index into quotes, or -1 for indirect speech
	at         attribution
}

// resolver walks the paragraphs in order, keeping the salience history used
// for pronouns and carry-over.
type resolver struct {
	text   string
	ents   []Entity
	idx    *statementIndex
	tz     tokenizer
	quotes []quoteSpan
	qAttr  []attribution // per quote
	out    []stmt
	ind    []stmt // reported speech of the current sentence
	toks   []tok
	chain  []int // fillChains: statement index per quote

	hist   []mention
	sentNo int
	paraNo int
	ei     int // first entity not before the current paragraph

	last     attribution // the latest statement's attribution
	lastPara int

	nextBreak int // cursor into the token stream's sentence breaks

	lastSubj     spk // the latest sentence subject, and its paragraph
	lastSubjPara int
}

func newResolver(text string, ts tokenStream, ents []Entity, idx *statementIndex, quotes []quoteSpan, sc *stmtScratch) *resolver {
	low, lowBuf := lowerInto(sc.low[:0], text)
	sc.low = lowBuf
	qAttr := sc.qAttr[:0]
	if cap(qAttr) < len(quotes) {
		qAttr = make([]attribution, len(quotes))
	}
	qAttr = qAttr[:len(quotes)]
	clear(qAttr)
	out := sc.out[:0]
	if n := len(quotes) + len(text)/400; cap(out) < n {
		out = make([]stmt, 0, n)
	}
	r := &sc.res // the scratch holds the resolver too: one allocation less per article
	*r = resolver{
		text: text, ents: ents, idx: idx, quotes: quotes,
		tz:       tokenizer{text: text, low: low, idx: idx, ts: ts},
		qAttr:    qAttr,
		out:      out,
		toks:     sc.toks[:0],
		ind:      sc.ind[:0],
		chain:    sc.chain[:0],
		hist:     sc.hist[:0],
		lastPara: -10, lastSubjPara: -10,
	}
	return r
}

// release hands the resolver's grown buffers back to sc and lets go of the
// text.
func (r *resolver) release(sc *stmtScratch) {
	sc.qAttr, sc.out, sc.toks, sc.hist = r.qAttr, r.out, r.toks, r.hist
	sc.ind, sc.chain = r.ind, r.chain
	*r = resolver{}
}

// paragraph attributes the quotes [q0, q1) of paragraph p and finds its
// reported speech.
func (r *resolver) paragraph(pi int, p textSpan, q0, q1 int) {
	r.paraNo = pi
	for r.ei < len(r.ents) && r.ents[r.ei].Start < p.start {
		r.ei++
	}
	if est := (p.end-p.start)/3 + 8; cap(r.toks) < est {
		r.toks = make([]tok, 0, est)
	}
	toks := r.tz.tokenize(r.toks[:0], p, r.quotes[q0:q1], q0, r.ents, r.ei)
	toks = r.tz.matchOrgs(toks)
	toks = r.tz.matchNames(toks)
	r.toks = toks

	firstQuoteTok := -1
	outStart := len(r.out)
	for s := 0; s < len(toks); {
		e := r.sentenceEnd(toks, s)
		r.sentence(toks, s, e, p, &firstQuoteTok)
		r.sentNo++
		s = e
	}
	r.creditParagraph(outStart)
}

// creditParagraph gives the uncued quotes of a paragraph that ends with a
// credit line (“…” “…” ― Jane Doe) to the credited person: a reader's
// letter or a vox pop quotes one person, whoever the paragraph before
// quoted. out[from:] are the paragraph's statements.
func (r *resolver) creditParagraph(from int) {
	last := -1
	for i := len(r.out) - 1; i >= from; i-- {
		if r.out[i].kind == KindDirect {
			last = i
			break
		}
	}
	if last <= from {
		return
	}
	credit := r.out[last].at
	if credit.how != howCue || credit.cue != "―" || !credit.sp.valid() {
		return
	}
	credit.cue, credit.conf, credit.how = "carry-over", confCarryPara, howCarry
	for i := from; i < last; i++ {
		st := &r.out[i]
		if st.kind == KindDirect && st.at.how != howCue {
			st.at = credit
			r.qAttr[st.quote] = credit
		}
	}
}

// sentenceEnd returns the end (exclusive) of the sentence starting at s:
// after the punctuation, or the quote whose last punctuation, where the
// token stream found a sentence to end (see sentenceBreak). Past the
// stream's reach (maxTokenized) a sentence runs to its paragraph's end.
func (r *resolver) sentenceEnd(toks []tok, s int) int {
	for i := s; i < len(toks); i++ {
		t := &toks[i]
		switch t.kind {
		case tkPunct:
			if c := r.text[t.start]; (c == '.' || c == '!' || c == '?' || c == "…"[0]) && r.breakIn(t.start, t.start+1) {
				return i + 1
			}
		case tkQuote:
			if r.quoteEndsSentence(t) {
				return i + 1
			}
		}
	}
	return len(toks)
}

// quoteEndsSentence reports whether the quote token t closes its sentence:
// the punctuation that ends its words ends the sentence.
func (r *resolver) quoteEndsSentence(t *tok) bool {
	q := r.quotes[t.ref]
	if q.end <= q.start {
		return false
	}
	_, size := utf8.DecodeLastRuneInString(r.text[q.start:q.end])
	return r.breakIn(q.end-size, t.end)
}

// breakIn reports whether the token stream ends a sentence in [from, to).
// Reading goes forward through the text, so a cursor finds the break.
func (r *resolver) breakIn(from, to int) bool {
	b := r.tz.ts.breaks
	k := min(r.nextBreak, len(b))
	if k > 0 && int(b[k-1]) >= from {
		k, _ = slices.BinarySearch(b, int32(from)) // a step back
	}
	for k < len(b) && int(b[k]) < from {
		k++
	}
	r.nextBreak = k
	return k < len(b) && int(b[k]) < to
}

// sentence attributes the quotes of toks[s:e] and finds its reported speech.
func (r *resolver) sentence(toks []tok, s, e int, p textSpan, firstQuote *int) {
	subj := r.sentenceSubject(toks, s, e)
	var subjSpk spk
	if subj >= 0 {
		subjSpk = r.speakerOf(toks, subj, s)
	}
	var spoke spk
	for i := s; i < e; i++ {
		if toks[i].kind != tkQuote {
			continue
		}
		qi := toks[i].ref
		// a sentence that never ends is looked at near the quote only
		at := r.attribute(toks, i, max(s, i-maxReach), min(e, i+maxReach))
		if !at.found {
			at = r.carry(toks, i, qi, p, *firstQuote, i == s)
		}
		if !at.found && i > s && !r.namesSomething(toks, i) {
			// a quote inside a narrative sentence: its subject's words
			if sub := r.sentenceSubject(toks, max(s, i-maxReach), i); sub >= 0 {
				if c := r.speakerOf(toks, sub, s); c.valid() {
					at = attribution{sp: c, cue: "subject", conf: confSentence, found: true, how: howSubject}
				}
			}
		}
		if !at.found && i == s && r.lastSubjPara == r.paraNo && (r.lastSubj.kind == tkPerson || r.lastSubj.kind == tkName) {
			// "Sanders spoke of young voters. “They are sick of it.”"
			at = attribution{sp: r.lastSubj, cue: "subject", conf: confSentence, found: true, how: howSubject}
		}
		if *firstQuote < 0 {
			*firstQuote = i
		}
		r.qAttr[qi] = at
		r.note(at)
		if at.sp.valid() && !spoke.valid() {
			spoke = at.sp
		}
		q := r.quotes[qi]
		r.out = append(r.out, stmt{kind: KindDirect, start: q.start, end: q.end, quote: qi, at: at})
	}
	if e-s > 1 && e == len(toks) && r.isPunct(toks[e-1], ":") && !hasQuote(toks[s:e]) {
		// "In a post, Trump wrote:" — the next paragraph's quote is his
		if at, ok := r.leading(toks, e, max(s, e-maxReach)); ok && at.sp.valid() {
			r.note(at)
			spoke = at.sp
		}
	}
	r.ind = r.indirect(r.ind[:0], toks, s, e)
	for _, st := range r.ind {
		r.note(st.at)
		if st.at.sp.valid() && !spoke.valid() {
			spoke = st.at.sp
		}
		r.out = append(r.out, st)
	}
	r.remember(toks, s, e, subj, subjSpk, spoke)
}

// namesSomething reports whether the quote token at i follows a naming word.
func (r *resolver) namesSomething(toks []tok, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	return p.kind == tkWord && r.idx.voc.namingWords[r.tz.lower(p)]
}

// note records a statement's attribution for carry-over.
func (r *resolver) note(at attribution) {
	if at.how == howSubject || !at.found {
		return
	}
	r.last = at
	r.lastPara = r.paraNo
}

// attribute finds the cue of the quote token at qt in sentence toks[s:e].
func (r *resolver) attribute(toks []tok, qt, s, e int) attribution {
	q := r.quotes[toks[qt].ref]
	if sp, ok := r.transcriptSpeaker(q); ok {
		if !sp.valid() {
			return attribution{cue: ":", conf: confUnnamed, found: true, how: howCue}
		}
		return attribution{sp: sp, cue: ":", conf: confNamed, found: true, how: howCue}
	}
	nextQ := e
	for k := qt + 1; k < e; k++ {
		if toks[k].kind == tkQuote {
			nextQ = k
			break
		}
	}
	trail, tfound := r.trailing(toks, qt, nextQ, s)
	if !tfound && nextQ == e && e == qt+1 && e < len(toks) {
		// “… ballot.” Mr. Obama said. — the cue is a sentence of its own
		if e2 := r.sentenceEnd(toks, e); e2-e <= 8 && !hasQuote(toks[e:e2]) {
			trail, tfound = r.trailing(toks, qt, e2, s)
		} else if c := r.shortCue(toks, e, e2); c > e {
			// “… votes?” Trump said, looking out on the crowd.
			trail, tfound = r.trailing(toks, qt, c, s)
		}
	}
	lead, lok := r.leading(toks, qt, s)
	if tfound && lok {
		last, _ := utf8.DecodeLastRuneInString(r.text[q.start:q.end])
		commaAfter := qt+1 < e && toks[qt+1].kind == tkPunct && r.text[toks[qt+1].start] == ','
		switch {
		case lead.object && lead.sp.valid():
			return lead
		case lead.sp.valid() != trail.sp.valid():
			if lead.sp.valid() {
				return lead
			}
			return trail
		case last == ',' || last == '?' || last == '!' || commaAfter:
			return trail
		}
		return lead
	}
	if tfound {
		return trail
	}
	if lok {
		return lead
	}
	return r.finalCue(toks, qt, s, e)
}

// shortCue finds a cue opening the sentence toks[e:e2] and closed by its
// own comma or full stop ("Trump said, looking out …"): it returns the end
// of the cue, or -1 when the sentence does not open with one.
func (r *resolver) shortCue(toks []tok, e, e2 int) int {
	for j := e + 1; j < e2-1 && j <= e+4; j++ {
		if toks[j].kind == tkQuote {
			return -1
		}
		if _, _, ok := r.verbAt(toks, j); ok {
			if r.isPunct(toks[j+1], ",.") && !hasQuote(toks[e:j]) {
				return j + 1
			}
			return -1
		}
	}
	return -1
}

// finalCue attributes a quote inside reported speech whose cue ends the
// sentence: "A cashier who “steals” is held accountable, Warren said."
func (r *resolver) finalCue(toks []tok, qt, s, e int) attribution {
	if e-qt < 3 || !r.isPunct(toks[e-1], ".!?…") {
		return attribution{}
	}
	for j := e - 2; j > qt && j >= e-10; j-- {
		v, cue, ok := r.verbAt(toks, j)
		if !ok || v.according {
			continue
		}
		k, kind := r.subjectLeft(toks, j, qt+1)
		if kind != sjFound && kind != sjUnnamed {
			return attribution{}
		}
		c := k - 1
		for c > qt && c >= k-5 && toks[c].kind == tkWord {
			c--
		}
		if c <= qt || !r.isPunct(toks[c], ",") || hasQuote(toks[c:e]) {
			return attribution{}
		}
		at, _ := r.fromSubject(toks, k, kind, cue, s, j-qt)
		at.conf = min(at.conf, confFar)
		return at
	}
	return attribution{}
}

func hasQuote(toks []tok) bool {
	for _, t := range toks {
		if t.kind == tkQuote {
			return true
		}
	}
	return false
}

// carry attributes a quote that has no cue of its own.
func (r *resolver) carry(toks []tok, qt, qi int, p textSpan, firstQuote int, startsSentence bool) attribution {
	q := r.quotes[qi]
	switch {
	case !startsSentence && !q.contPrev:
	case q.contPrev && qi > 0:
		at := r.qAttr[qi-1]
		at.cue, at.conf, at.how, at.found = "carry-over", confContinued, howCarry, true
		return at
	case firstQuote >= 0:
		at := r.qAttr[toks[firstQuote].ref]
		for k := qt - 1; k > firstQuote; k-- {
			if toks[k].kind == tkQuote {
				at = r.qAttr[toks[k].ref]
				break
			}
		}
		if at.found && at.how != howSubject {
			at.cue, at.conf, at.how = "carry-over", confCarryPara, howCarry
			return at
		}
	case r.lastPara == r.paraNo && r.last.found:
		// "…, Schiff said. “The other factor …”"
		at := r.last
		at.cue, at.conf, at.how = "carry-over", confCarryPara, howCarry
		return at
	case q.open == p.start && r.lastPara == r.paraNo-1 && r.last.found:
		at := r.last
		at.cue, at.conf, at.how = "carry-over", confCarry, howCarry
		return at
	}
	return attribution{conf: confNone}
}

// fillChains gives the pieces of a multi-paragraph quote the speaker a
// later piece names when the earlier pieces found no cue of their own.
func (r *resolver) fillChains() {
	byQuote := r.chain[:0]
	if cap(byQuote) < len(r.quotes) {
		byQuote = make([]int, len(r.quotes))
	}
	byQuote = byQuote[:len(r.quotes)]
	r.chain = byQuote
	for i := range byQuote {
		byQuote[i] = -1
	}
	for i, st := range r.out {
		if st.quote >= 0 {
			byQuote[st.quote] = i
		}
	}
	for qi := len(r.quotes) - 2; qi >= 0; qi-- {
		if !r.quotes[qi].contNext || !r.quotes[qi+1].contPrev {
			continue
		}
		a, b := byQuote[qi], byQuote[qi+1]
		if a < 0 || b < 0 {
			continue
		}
		if r.out[a].at.how != howCue && r.out[b].at.how == howCue {
			at := r.out[b].at
			at.cue, at.conf, at.how = "carry-over", confContinued, howCarry
			r.out[a].at = at
		}
	}
}

// statements converts the statements found into the public type.
func (r *resolver) statements() []Statement {
	out := make([]Statement, 0, len(r.out))
	// the speakers share one allocation: a statement's speaker is output
	n := 0
	for _, st := range r.out {
		if st.at.sp.valid() {
			n++
		}
	}
	slab := make([]Speaker, 0, n)
	for _, st := range r.out {
		if st.end <= st.start {
			continue
		}
		conf := st.at.conf
		if conf <= 0 {
			conf = confNone
		}
		var sp *Speaker
		if s, ok := r.speaker(st.at.sp); ok {
			slab = append(slab, s)
			sp = &slab[len(slab)-1]
		}
		out = append(out, Statement{
			Kind:       st.kind,
			Quote:      r.text[st.start:st.end],
			Start:      st.start,
			End:        st.end,
			Speaker:    sp,
			Cue:        r.idx.cue(st.at.cue),
			Confidence: conf,
		})
	}
	return out
}

// speaker converts a resolved speaker into the public type; it reports
// false for no speaker.
func (r *resolver) speaker(s spk) (Speaker, bool) {
	switch s.kind {
	case tkPerson, tkCountry:
		e := r.ents[s.ref]
		id := e.ID
		if id == "" {
			id = gazetteer.Slug(e.Name)
		}
		return Speaker{ID: id, Name: e.Name, Leader: e.Leader}, true
	case tkOrg:
		o := r.idx.orgs.orgs[s.ref]
		return Speaker{ID: o.ID, Name: o.Name}, true
	case tkName:
		name := r.text[s.start:s.end]
		return Speaker{ID: gazetteer.Slug(name), Name: name}, true
	}
	return Speaker{}, false
}

// orgShaped reports a name that reads as an organisation's: it opens with an
// acronym ("BC Hydro", "UFCW Local 832") or holds a word that ends
// organisations' names ("Ministry of Commerce", "Tax Policy Center"). It
// looks at text[start:end] word by word without allocating.
func (r *resolver) orgShaped(start, end int) bool {
	first, words, firstCaps, lastCaps := true, 0, false, false
	for i := start; i < end; {
		for i < end && r.text[i] == ' ' {
			i++
		}
		j := i
		for j < end && r.text[j] != ' ' {
			j++
		}
		if j == i {
			break
		}
		w := r.text[i:j]
		caps := allCapsWord(w)
		if first {
			firstCaps, first = caps, false
		}
		lastCaps = caps
		words++
		if c := r.idx.words[r.tz.low[i:j]]; c.has(wOrgHead) {
			return true
		}
		i = j
	}
	return firstCaps && words > 1 && !lastCaps
}

// speakerOf resolves the candidate or pronoun token at i to a speaker.
func (r *resolver) speakerOf(toks []tok, i, sentStart int) spk {
	t := toks[i]
	switch t.kind {
	case tkPerson:
		if g := r.idx.words[r.tz.low[t.start:t.end]].pron; g != 0 {
			// a pronoun the entity finder took for a name ("He" Lifeng)
			return r.resolvePronoun(g, toks, sentStart, i)
		}
		g := byte(0)
		if gs := r.ents[t.ref].Gender; gs != "" {
			g = gs[0]
		}
		return spk{kind: tkPerson, ref: t.ref, gender: g}
	case tkCountry, tkOrg:
		return spk{kind: t.kind, ref: t.ref, gender: 'n'}
	case tkName:
		g := t.gender
		if g == 0 && r.orgShaped(t.nameStart, t.end) {
			g = 'n' // "BC Hydro said … it said"
		}
		return spk{kind: tkName, start: t.nameStart, end: t.end, gender: g}
	case tkWord:
		if g := t.cls.pron; g != 0 {
			return r.resolvePronoun(g, toks, sentStart, i)
		}
		if i > 0 && r.idx.voc.collectives[r.tz.lower(t)] {
			// "the Clinton campaign", "Trump’s administration"
			return spk{kind: tkName, start: toks[i-1].start, end: t.end, gender: 'n'}
		}
	}
	return spk{}
}
