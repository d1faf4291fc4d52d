package nlp

import (
	"cmp"
	"slices"
	"time"
)

// A mention as the scanner first sees it, before people are resolved
// across the article.
type rawKind uint8

const (
	rkCountry rawKind = iota + 1
	rkNamed           // a person written with a name, maybe after a title
	rkTitle           // a person written with a title alone: "the Prime Minister"
	rkBare            // capitalised words that name someone only if the article does elsewhere
)

type raw struct {
	kind       rawKind
	start, end int // the span to emit
	country    string
	// People: the name words (folded) and where the name itself lies.
	keys               []string
	nameStart, nameEnd int
	firstEnd           int   // rkBare: end of a first word that is a leader's surname, or 0
	leader             int32 // gazetteer leader the scanner resolved, or -1
	titled             bool  // a title or honorific stands before the name
	role               *roleDef
	inactive           bool // "former President ..."
	qualCountry        string
	qualOrg            string
	ctxCountry         string // a title alone: the country last named in its paragraph
	gender             string
	given              bool // the first name word is a known given name
	sentStart          bool
}

// findEntities finds every person and country mention in text (which must
// already be normalised), resolves each to its canonical entity, and returns
// them sorted by Start and never overlapping.
//
// Design note on titles with a country in them: "French President Emmanuel
// Macron" mentions both France and Macron, and spans may not overlap. The
// country word is therefore emitted as its own country span ("French") and
// the person span starts at the title ("President Emmanuel Macron"); the
// reader sees both highlighted and the article's countries include France.
// An organisation in a title stays inside the person span ("NATO Secretary
// General Mark Rutte"), as organisations are not entities here.
func (a *Annotator) findEntities(text string) []Entity {
	return a.findEntitiesAt(text, time.Time{})
}

// findEntitiesAt is findEntities for an article published on the given day
// (zero when unknown): titles alone mean who held the office then.
func (a *Annotator) findEntitiesAt(text string, published time.Time) []Entity {
	if a == nil || a.idx == nil || text == "" {
		return []Entity{}
	}
	buf := getTokenBuffers()
	defer putTokenBuffers(buf)
	return a.entitiesIn(text, a.idx.tokenize(text, buf), buf, published)
}

// entitiesIn is findEntitiesAt over the text's token stream ts, which lives
// in buf.
func (a *Annotator) entitiesIn(text string, ts tokenStream, buf *tokenBuffers, published time.Time) []Entity {
	if text == "" {
		return []Entity{}
	}
	x := a.idx
	if cap(buf.raws) < len(ts.toks)/8 {
		buf.raws = make([]raw, 0, len(ts.toks)/8)
	}
	if cap(buf.keyBuf) < len(ts.toks)/10 {
		buf.keyBuf = make([]string, 0, len(ts.toks)/10)
	}
	s := scanner{tokenStream: ts, x: x, text: text, out: buf.raws[:0], keyBuf: buf.keyBuf[:0]}
	s.scan()
	defer func() {
		buf.raws, buf.keyBuf = s.out, s.keyBuf
		if !buf.poolable() {
			// a long text's mentions go now, not after its statements
			buf.raws, buf.keyBuf = nil, nil
		}
	}()
	ps := getPeopleScratch()
	defer putPeopleScratch(ps)
	r := newPeopleResolver(x, text, s.out, ps)
	r.era = era{day: published}
	defer r.release()
	ents := r.resolve()
	slices.SortStableFunc(ents, func(a, b Entity) int { return cmp.Compare(a.Start, b.Start) })
	out := ents[:0]
	last := 0
	for _, e := range ents {
		if e.Start < last || e.End <= e.Start || e.End > len(text) {
			continue
		}
		e.Text = text[e.Start:e.End]
		out = append(out, e)
		last = e.End
	}
	return out
}
