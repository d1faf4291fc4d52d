package nlp

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence boundaries are decided once, on the token stream, by
// sentenceBreak; the entity side and the statement side both read that
// decision. The entity side's tSentStart (a capital that says nothing about
// a name) is a wider notion built on it: besides the first word of a
// sentence it marks the first word of a line and the word after ':' ';' or
// an opening quote mark, none of which ends a sentence for the statement
// side's cue search.

// sentenceBreak returns the offset of the punctuation that ends a sentence
// in the gap text[from:to] between the words prev and next (prev is nil at
// the start of the text), or -1 when the sentence goes on. entries tells
// which words are abbreviations.
//
// A period, '!', '?' or '…' ends a sentence when what follows starts anew:
// after spaces and quote marks comes the next word, capitalised (and not a
// shouted dateline word) or, except after '…', a number; or, before any
// quote mark, punctuation other than , ) ; : (a "(" or a second period).
// After a closing quote mark a dash continues the sentence as a comma does
// ("war.” — he said").
// The period of an abbreviation (one of voc.abbrevs, an initial, a word
// with inner periods: "Sen.", "J.", "a.m.") belongs to its word unless a
// quote mark closes right after it. A period between digits is a decimal
// point.
func sentenceBreak(text string, from, to int, prev, next *token, prevAbbrev bool) int {
	if prev != nil && prev.end > prev.start && text[prev.end-1] == '.' {
		// a dotted acronym's own period ("U.S.") is its word's
		if p := breakAfter(text, int(prev.end-1), '.', to, next, true); p >= 0 {
			return p
		}
	}
	for i := from; i < to; {
		r, size := runeAt(text, i)
		switch r {
		case '.', '!', '?', '…':
			abbrev := r == '.' && i == from && prevAbbrev
			if p := breakAfter(text, i, r, to, next, abbrev); p >= 0 {
				return p
			}
		}
		i += size
	}
	return -1
}

// breakAfter decides whether the terminal punctuation r at i ends the
// sentence, given the gap's end and the next word. quoteOnly tells that the
// punctuation belongs to an abbreviation: only a closing quote mark right
// after it makes it end a sentence.
func breakAfter(text string, i int, r rune, to int, next *token, quoteOnly bool) int {
	j := i + utf8.RuneLen(r)
	crossed := false // a quote mark lies between r and what follows
	for j < to {
		c, size := runeAt(text, j)
		if isQuoteMark(c) {
			crossed = true
		} else if !unicode.IsSpace(c) {
			break
		}
		j += size
	}
	if quoteOnly && !crossed {
		return -1
	}
	if j < to {
		c, _ := runeAt(text, j)
		if r == '…' || c < utf8.RuneSelf && strings.IndexByte(",);:", byte(c)) >= 0 || crossed && isDash(c) {
			return -1
		}
		return i
	}
	if r == '.' && j == i+1 && i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
		return -1 // a decimal point: "£12.5bn"
	}
	if next == nil || !startsAnew(text, next, r != '…') {
		return -1
	}
	return i
}

// startsAnew reports whether word t can open a sentence: capitalised and
// not a shouted word, or with digits, a number.
func startsAnew(text string, t *token, digits bool) bool {
	c, _ := runeAt(text, int(t.start))
	if digits && c >= '0' && c <= '9' {
		return true
	}
	return unicode.IsUpper(c) && !(t.is(tUpper) && isShouted(text[t.start:t.end]))
}

// abbrevBefore reports whether a period right after the last token of toks
// belongs to it: an abbreviation, an initial or a word with inner periods.
func abbrevBefore(text string, toks []token, entries []*lexEntry) bool {
	prev := &toks[len(toks)-1]
	if l := entries[prev.lex]; l != nil && l.flags&lexAbbrev != 0 {
		return true
	}
	w := text[prev.start:prev.end]
	if len(w) <= utf8.UTFMax && utf8.RuneCountInString(w) == 1 || strings.IndexByte(w, '.') >= 0 {
		return true
	}
	// "a.m.": the word's parts are tokens joined by inner periods
	return prev.start > 0 && text[prev.start-1] == '.' && len(toks) > 1 && toks[len(toks)-2].end == prev.start-1
}

// breakIn returns the first sentence break in [from, to), or -1.
func (ts *tokenStream) breakIn(from, to int) int {
	k, _ := slices.BinarySearch(ts.breaks, int32(from))
	if k < len(ts.breaks) && int(ts.breaks[k]) < to {
		return int(ts.breaks[k])
	}
	return -1
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '―' }
