package nlp

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// statementIndex holds the tables for finding and attributing statements.
// It is built once per Annotator and never modified, so it is safe for
// concurrent use.
type statementIndex struct {
	voc      *vocab
	verbList []verbInfo
	words    map[string]wordClass
	orgs     *orgIndex
	cues     map[string]string // interned cue words, see cue
	maybe    wordFilter        // words' keys, to skip most lookups that miss
}

// cue returns a cue for output: cues may be slices of the pooled lower-case
// text, so known words are interned and others copied.
func (ix *statementIndex) cue(c string) string {
	if s, ok := ix.cues[c]; ok {
		return s
	}
	return strings.Clone(c)
}

func buildStatementIndex(g *gazetteer.Data, voc *vocab) *statementIndex {
	ix := &statementIndex{voc: voc, orgs: buildOrgIndex(g, voc)}
	for _, v := range voc.lex.Verbs {
		for _, f := range v.Forms {
			ix.verbList = append(ix.verbList, newVerbInfo(f, v))
		}
	}
	ix.words = buildWordClasses(voc, ix.verbList)
	for w := range ix.orgs.byFirst {
		c := ix.words[w]
		c.flags |= wOrgFirst
		ix.words[w] = c
	}
	ix.cues = make(map[string]string, len(ix.words))
	for w := range ix.words {
		ix.cues[w] = w
		ix.maybe.add(w)
	}
	return ix
}

// findStatements finds the direct quotes and reported speech of normalised
// text and attributes each to its speaker. ents are the person and country
// mentions, sorted by Start and not overlapping.
func (a *Annotator) findStatements(text string, ents []Entity) []Statement {
	out, _ := a.findStatementsNamed(text, ents, nil)
	return out
}

// findStatementsNamed is findStatements that also appends to named the spans
// of the speakers it found by name alone: capitalised words the entity finder
// did not know, which a reporting cue now vouches for.
func (a *Annotator) findStatementsNamed(text string, ents []Entity, named []textSpan) ([]Statement, []textSpan) {
	buf := getTokenBuffers()
	defer putTokenBuffers(buf)
	ts := a.idx.tokenize(text, buf)
	return a.statementsIn(text, ts, ents, named)
}

// statementsIn is findStatementsNamed over the text's token stream ts.
func (a *Annotator) statementsIn(text string, ts tokenStream, ents []Entity, named []textSpan) ([]Statement, []textSpan) {
	idx := a.stm
	if idx == nil {
		idx = buildStatementIndex(a.gaz, defaultVocab())
	}
	sc := getStmtScratch()
	defer putStmtScratch(sc)
	sc.paras, sc.block = splitParagraphsInto(text, sc.paras[:0], sc.block[:0])
	paras := sc.paras
	quotes, paraQ := findQuotesInto(text, paras, sc, idx)
	r := newResolver(text, ts, ents, idx, quotes, sc)
	defer r.release(sc)
	for pi, p := range paras {
		r.paragraph(pi, p, paraQ[pi], paraQ[pi+1])
	}
	r.fillChains()
	out := r.statements()
	for _, st := range r.out {
		if sp := st.at.sp; sp.kind == tkName && st.at.how == howCue {
			named = append(named, textSpan{sp.start, sp.end})
		}
	}
	slices.SortStableFunc(out, func(a, b Statement) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	headline := strings.IndexByte(text, '\n')
	if headline < 0 {
		headline = 0 // one line: no headline to repeat
	}
	return dropRepeats(oneUtterance(out), headline), named
}

// oneUtterance keeps one statement per utterance: reported speech that holds
// a direct quote ("he said the plan was „not a luxury“") is dropped in favour
// of the quote, which takes the reported speech's attribution: the verb that
// governs the clause governs the quote inside it. out is sorted by Start and
// is filtered in place.
func oneUtterance(out []Statement) []Statement {
	keep := out[:0]
	for i, st := range out {
		if st.Kind != KindIndirect {
			keep = append(keep, st)
			continue
		}
		held := false
		for j := i + 1; j < len(out) && out[j].Start < st.End; j++ {
			d := &out[j]
			if d.Kind != KindDirect || d.End > st.End {
				continue
			}
			held = true
			if st.Speaker != nil || d.Cue != "said" && d.Confidence <= confNamed {
				// the clause's own verb governs the quote it holds; a quote
				// named by a nearer "said" keeps its speaker
				d.Speaker, d.Cue, d.Confidence = st.Speaker, st.Cue, st.Confidence
			}
		}
		if !held {
			keep = append(keep, st)
		}
	}
	return keep
}

// dropRepeats drops a direct statement of the headline whose words the body
// gives again to the same speaker: the sidebar lists the utterance once, with
// the body's cue. Repeats within the body are separate utterances. headline
// is the end of the text's first line. In place.
func dropRepeats(out []Statement, headline int) []Statement {
	repeated := func(h Statement) bool {
		for _, b := range out {
			if b.Kind == KindDirect && b.Start >= headline && sameSpeaker(h.Speaker, b.Speaker) && sameWords(h.Quote, b.Quote) {
				return true
			}
		}
		return false
	}
	keep := out[:0]
	for _, st := range out {
		if st.Kind == KindDirect && st.End <= headline && repeated(st) {
			continue
		}
		keep = append(keep, st)
	}
	return keep
}

func sameSpeaker(a, b *Speaker) bool {
	return a == nil && b == nil || a != nil && b != nil && a.ID == b.ID
}

// sameWords compares two quotes by their letters and digits alone, case
// folded: "Running out of road," and "running out of road" are the same.
func sameWords(a, b string) bool {
	next := func(s string, i int) (rune, int) {
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r), i + w
			}
			i += w
		}
		return -1, i
	}
	i, j := 0, 0
	for {
		var ra, rb rune
		ra, i = next(a, i)
		rb, j = next(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
	}
}

// findQuotes finds the top-level quotes of every paragraph; paraQ[i] is the
// index of paragraph i's first quote. When the text quotes mostly with double
// marks, its single-mark quotes are kept only when they read like speech:
// otherwise they are titles, nicknames ('Personal Insult') or apostrophes.
func findQuotes(text string, paras []textSpan) ([]quoteSpan, []int) {
	return findQuotesInto(text, paras, new(stmtScratch), nil)
}

// findQuotesInto is findQuotes using sc's buffers; with idx, a quote right
// after a reporting verb is kept whatever its marks.
func findQuotesInto(text string, paras []textSpan, sc *stmtScratch, idx *statementIndex) ([]quoteSpan, []int) {
	qs := quoteScanner{text: text, stack: sc.stack[:0]}
	defer func() { sc.stack = qs.stack }()
	all := sc.quotes[:0]
	if n := len(text)/300 + 4; cap(all) < n {
		all = make([]quoteSpan, 0, n)
	}
	owner := sc.owner[:0]
	defer func() { sc.quotes, sc.owner = all, owner }()
	for i, p := range paras {
		next := textSpan{}
		if i+1 < len(paras) {
			next = paras[i+1]
		}
		n := len(all)
		all = qs.scan(p, next, all)
		for k := n; k < len(all); k++ {
			owner = append(owner, i)
		}
	}
	all, owner = transcriptAnswers(text, paras, all, owner)
	hasSingle := false
	for _, q := range all {
		hasSingle = hasSingle || q.fam.single()
	}
	if !hasSingle {
		sc.paraQ = paraIndex(sc.paraQ, paras, owner, len(all))
		return all, sc.paraQ
	}
	// the text's style: the family that holds more of its speech
	singles, doubles := 0, 0
	for _, q := range all {
		if !sentenceLike(text[q.start:q.end]) {
			continue
		}
		if q.fam.single() {
			singles++
		} else {
			doubles++
		}
	}
	if singles == 0 && doubles == 0 {
		for _, q := range all {
			if q.fam.single() {
				singles++
			} else {
				doubles++
			}
		}
	}
	kept := all[:0]
	keptOwner := owner[:0]
	for k, q := range all {
		if q.fam.single() && doubles >= singles && doubles > 0 && !sentenceLike(text[q.start:q.end]) && !idx.cuedBefore(text, q.open) {
			continue
		}
		kept = append(kept, q)
		keptOwner = append(keptOwner, owner[k])
	}
	sc.paraQ = paraIndex(sc.paraQ, paras, keptOwner, len(kept))
	return kept, sc.paraQ
}

// paraIndex returns, for each paragraph, the index of its first quote, given
// the paragraph owning each quote; the last entry is n.
func paraIndex(buf []int, paras []textSpan, owner []int, n int) []int {
	paraQ := buf[:0]
	if cap(paraQ) < len(paras)+1 {
		paraQ = make([]int, len(paras)+1)
	}
	paraQ = paraQ[:len(paras)+1]
	k := 0
	for i := range paras {
		paraQ[i] = k
		for k < n && owner[k] == i {
			k++
		}
	}
	paraQ[len(paras)] = n
	return paraQ
}

// sentenceLike reports whether quoted words read like speech rather than a
// title: four words or more, most of them not capitalised.
func sentenceLike(q string) bool {
	words, caps := 0, 0
	inWord := false
	for _, r := range q {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if inWord {
			continue
		}
		inWord = true
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			words++
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return words >= 4 && caps*2 < words
}

// cuedBefore reports a reporting verb right before the quote that opens at
// open: "has promised 'whatever it takes'". In a text that quotes speech in
// double marks, single marks elsewhere are names or nested quotes.
func (ix *statementIndex) cuedBefore(text string, open int) bool {
	if ix == nil {
		return false
	}
	end := open
	for end > 0 && (text[end-1] == ' ' || text[end-1] == ',' || text[end-1] == ':') {
		end--
	}
	start := end
	for start > 0 && (text[start-1] >= 'a' && text[start-1] <= 'z') {
		start--
	}
	if start == end || start > 0 && text[start-1] != ' ' {
		return false
	}
	return ix.words[text[start:end]].verb != 0
}
