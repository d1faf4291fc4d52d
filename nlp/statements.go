package nlp

import (
	"sort"
	"unicode"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// statementIndex holds the tables for finding and attributing statements.
// It is built once per Annotator and never modified, so it is safe for
// concurrent use.
type statementIndex struct {
	verbList []verbInfo
	words    map[string]wordClass
	orgs     *orgIndex
}

func buildStatementIndex(g *gazetteer.Data) *statementIndex {
	ix := &statementIndex{orgs: buildOrgIndex(g)}
	seen := map[string]bool{}
	for _, v := range reportingVerbs {
		for _, f := range v.forms {
			if seen[f] {
				continue
			}
			seen[f] = true
			ix.verbList = append(ix.verbList, verbInfo{form: f, lemma: v.forms[0], invert: v.invert, object: v.object, bare: v.bare})
		}
	}
	ix.words = buildWordClasses(ix.verbList)
	for w := range ix.orgs.byFirst {
		c := ix.words[w]
		c.flags |= wOrgFirst
		ix.words[w] = c
	}
	return ix
}

// findStatements finds the direct quotes and reported speech of normalised
// text and attributes each to its speaker. ents are the person and country
// mentions, sorted by Start and not overlapping.
func (a *Annotator) findStatements(text string, ents []Entity) []Statement {
	idx := a.stm
	if idx == nil {
		idx = buildStatementIndex(a.gaz)
	}
	paras := splitParagraphs(text)
	quotes, paraQ := findQuotes(text, paras)
	r := newResolver(text, ents, idx, quotes)
	for pi, p := range paras {
		r.paragraph(pi, p, paraQ[pi], paraQ[pi+1])
	}
	r.fillChains()
	out := r.statements()
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}

// findQuotes finds the top-level quotes of every paragraph; paraQ[i] is the
// index of paragraph i's first quote. When the text quotes mostly with double
// marks, its single-mark quotes are kept only when they read like speech:
// otherwise they are titles, nicknames ('Personal Insult') or apostrophes.
func findQuotes(text string, paras []textSpan) ([]quoteSpan, []int) {
	qs := quoteScanner{text: text}
	all := make([]quoteSpan, 0, len(text)/300+4)
	owner := make([]int, 0, cap(all))
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
	hasSingle := false
	for _, q := range all {
		hasSingle = hasSingle || q.fam.single()
	}
	if !hasSingle {
		return all, paraIndex(paras, owner, len(all))
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
		if q.fam.single() && doubles >= singles && doubles > 0 && !sentenceLike(text[q.start:q.end]) {
			continue
		}
		kept = append(kept, q)
		keptOwner = append(keptOwner, owner[k])
	}
	return kept, paraIndex(paras, keptOwner, len(kept))
}

// paraIndex returns, for each paragraph, the index of its first quote, given
// the paragraph owning each quote; the last entry is n.
func paraIndex(paras []textSpan, owner []int, n int) []int {
	paraQ := make([]int, len(paras)+1)
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
