package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The statement side reads the document's one token stream: the words the
// entity finder tokenised, the entities it found over them, and between the
// words the punctuation. A statement word may join several stream tokens
// ("Guinea-Bissau", "a.m", "AT&T" are one word here, as the cue rules read
// whole words); the few places the stream cannot answer for (an apostrophe
// inside a word, a word cut by a quote mark) are read from the text.

// tokenize appends the tokens of paragraph p. quotes are this paragraph's
// quotes (qBase is the index of the first in the document's list); ents are
// the entity mentions, ents[ei] being the first that may lie in p.
// Paragraphs must come in text order.
func (tz *tokenizer) tokenize(out []tok, p textSpan, quotes []quoteSpan, qBase int, ents []Entity, ei int) []tok {
	text := tz.text
	words := tz.ts.toks
	k := tz.skipWords(p.start)
	qi := 0
	i := p.start
	for i < p.end {
		if text[i] == ' ' {
			i++ // spaces between words: nothing starts there
			continue
		}
		if qi < len(quotes) && i >= quotes[qi].open {
			q := quotes[qi]
			out = append(out, tok{kind: tkQuote, start: q.open, end: q.outerEnd, ref: qBase + qi})
			i = q.outerEnd
			qi++
			k = tz.skipWords(i)
			continue
		}
		limit := p.end
		if qi < len(quotes) {
			limit = quotes[qi].open
		}
		for ei < len(ents) && ents[ei].Start < i {
			ei++
		}
		if ei < len(ents) && ents[ei].Start == i && ents[ei].End <= limit && ents[ei].End > i {
			e := ents[ei]
			kind := tkPerson
			if e.Kind == KindCountry {
				kind = tkCountry
			}
			t := tok{kind: kind, start: e.Start, end: e.End, ref: ei}
			i = e.End
			i, t.poss = skipPossessive(text, i, limit)
			out = append(out, t)
			ei++
			k = tz.skipWords(i)
			continue
		}
		entStart := limit
		if ei < len(ents) && ents[ei].Start < limit {
			entStart = ents[ei].Start
		}
		if k < len(words) && int(words[k].start) == i {
			out = append(out, tok{})
			i = tz.word(&out[len(out)-1], k, entStart)
			k = tz.skipWords(i)
			continue
		}
		// the gap before the next word: spaces and punctuation
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				i++
			case !asciiAlnum[c]:
				out = append(out, tok{kind: tkPunct, start: i, end: i + 1})
				i++
			default:
				// a letter the stream has no word for: read from the text
				out = append(out, tok{})
				i = tz.finish(&out[len(out)-1], i, scanWord(text, i, entStart), entStart, -1)
				k = tz.skipWords(i)
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:limit])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = append(out, tok{})
			i = tz.finish(&out[len(out)-1], i, scanWord(text, i, entStart), entStart, -1)
			k = tz.skipWords(i)
		default:
			out = append(out, tok{kind: tkPunct, start: i, end: i + w})
			i += w
		}
	}
	return out
}

// skipWords moves the stream cursor to the first word starting at or after
// off and returns it.
func (tz *tokenizer) skipWords(off int) int {
	words := tz.ts.toks
	k := tz.next
	for k < len(words) && int(words[k].start) < off {
		k++
	}
	tz.next = k
	return k
}

// word makes t the statement word that starts with stream token k and ends
// before limit: the token, joined to the tokens after it across a hyphen, an
// apostrophe, an ampersand or an inner period, as scanWord would. It returns
// the offset where reading goes on.
func (tz *tokenizer) word(t *tok, k, limit int) int {
	if next, ok := tz.plainWord(t, k, limit); ok {
		return next
	}
	text := tz.text
	words := tz.ts.toks
	start := int(words[k].start)
	end, ok := tz.wordEnd(k)
	for ok && end < limit && k+1 < len(words) && int(words[k+1].start) < limit {
		n := int(words[k+1].start)
		r, w := utf8.DecodeRuneInString(text[end:])
		if end+w != n || !joinsWords(r, text[n:], end > start) {
			break
		}
		k++
		end, ok = tz.wordEnd(k)
	}
	if !ok || end > limit {
		return tz.finish(t, start, scanWord(text, start, limit), limit, -1)
	}
	if int(words[k].start) != start {
		k = -1 // several stream tokens: no one token's class
	}
	return tz.finish(t, start, end, limit, k)
}

// plainWord is word for the common case, a stream token of ASCII letters
// and digits that nothing joins to the next: not followed by a hyphen, an
// apostrophe, an ampersand, a period or a possessive. It reports false when
// the case is not that one.
func (tz *tokenizer) plainWord(t *tok, k, limit int) (int, bool) {
	text := tz.text
	w := &tz.ts.toks[k]
	start, end := int(w.start), int(w.end)
	if w.flags&(tPlain|tPoss) != tPlain || end > limit {
		return 0, false
	}
	if end < len(text) {
		if c := text[end]; c >= utf8.RuneSelf || c == '\'' || c == '&' || c == '-' || c == '.' {
			return 0, false
		}
	}
	// a capital that is not a shouted word: only a word all in capitals
	// (tUpper) may be one
	c := text[start]
	capital := c >= 'A' && c <= 'Z' && !(w.is(tUpper) && isShouted(text[start:end]))
	*t = tok{kind: tkWord, start: start, end: end, capital: capital}
	t.cls = tz.adverb(t, tz.ts.classes[w.cls])
	return end, true
}

// wordEnd returns where scanWord would stop reading stream token k: before
// the final period of a dotted acronym ("U.S."), after a possessive ’s. It
// reports false for a token with an apostrophe inside, which scanWord reads
// differently (“rock’n’roll” yes, “’90s” no).
func (tz *tokenizer) wordEnd(k int) (int, bool) {
	t := &tz.ts.toks[k]
	if strings.IndexByte(tz.ts.key(t), '\'') >= 0 {
		return 0, false
	}
	end := int(t.end)
	if tz.text[end-1] == '.' {
		return end - 1, true
	}
	if t.is(tPoss) {
		end += possessiveAt(tz.text, end)
	}
	return end, true
}

// possessiveAt returns the length of an ’s or 's (or ʼs) at i, else 0.
func possessiveAt(text string, i int) int {
	r, w := utf8.DecodeRuneInString(text[i:])
	if r != '’' && r != '\'' && r != 'ʼ' || i+w >= len(text) {
		return 0
	}
	if c := text[i+w]; c == 's' || c == 'S' {
		return w + 1
	}
	return 0
}

// joinsWords reports whether rune r between two words joins them, given
// the text of the second; inner tells whether the first word is not empty.
func joinsWords(r rune, next string, inner bool) bool {
	nx, _ := utf8.DecodeRuneInString(next)
	switch r {
	case '’', '\'', '&':
		return unicode.IsLetter(nx)
	case '-', '‐', '‑':
		return unicode.IsLetter(nx) || unicode.IsDigit(nx)
	case '.':
		return unicode.IsLetter(nx) && inner
	}
	return false
}

// finish makes t the word text[start:end]: a final period that belongs to
// it (an initial, "U.S.", "Mr.") is taken in, a possessive ’s left out, and
// the word classified. k is the one stream token the word was made of, or
// -1. It returns where reading goes on.
func (tz *tokenizer) finish(t *tok, start, end, limit, k int) int {
	text := tz.text
	r, _ := utf8.DecodeRuneInString(text[start:])
	*t = tok{kind: tkWord, start: start, end: end, capital: unicode.IsUpper(r) && !isShouted(text[start:end])}
	if end < limit && text[end] == '.' && tz.isAbbrev(start, end) {
		t.end++
		t.abbrev = true
	}
	next := t.end
	if n := possessiveSuffix(text[t.start:t.end]); n > 0 && t.end-n > t.start {
		t.end -= n
		t.poss = true
	}
	if k >= 0 && tz.ts.toks[k].is(tPlain) && t.end-btoi(t.abbrev) == int(tz.ts.toks[k].end) {
		// the stream looked the word up already
		t.cls = tz.adverb(t, tz.ts.classes[tz.ts.toks[k].cls])
	} else {
		t.cls = tz.classify(t)
	}
	return next
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
