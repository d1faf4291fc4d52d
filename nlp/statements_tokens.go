package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies the tokens of a paragraph's narrative (the text outside
// its quotes, each quote being one token).
type tokKind uint8

const (
	tkWord    tokKind = iota
	tkPunct           // one punctuation rune
	tkQuote           // a whole top-level quote, marks included
	tkPerson          // a person entity
	tkCountry         // a country entity
	tkOrg             // an organisation from the gazetteer
	tkName            // a capitalised name the entity finder did not resolve
)

type tok struct {
	kind       tokKind
	start, end int
	ref        int  // index into ents, orgs or the quotes
	poss       bool // followed by a possessive ’s
	capital    bool // a word that starts in upper case
	abbrev     bool // a word whose final period is part of it
	weak       bool // a name of one bare capitalised word
	gender     byte // for names: from an honorific
	nameStart  int  // for names: where the name proper starts, after cueHonorifics
}

// isCandidate reports whether t can be a speaker.
func (t tok) isCandidate() bool {
	switch t.kind {
	case tkPerson, tkCountry, tkOrg, tkName:
		return true
	}
	return false
}

// tokenizer turns one paragraph into tokens.
type tokenizer struct {
	text string
	idx  *statementIndex
	buf  []byte // scratch for lower-casing
}

// lower returns the lower-case form of a word token, reusing a buffer; the
// result is only valid until the next call.
func (tz *tokenizer) lower(t tok) string { return lowerInto(&tz.buf, tz.text[t.start:t.end]) }

func lowerInto(buf *[]byte, s string) string {
	ascii := true
	hasUpper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			hasUpper = true
		}
	}
	if ascii && !hasUpper {
		return s
	}
	if !ascii {
		return strings.ToLower(s)
	}
	b := (*buf)[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	*buf = b
	return string(b) // small copy; map lookups on it are cheap
}

// tokenize appends the tokens of paragraph p. quotes are this paragraph's
// quotes (qBase is the index of the first in the document's list); ents are
// the entity mentions, ents[ei] being the first that may lie in p.
func (tz *tokenizer) tokenize(out []tok, p textSpan, quotes []quoteSpan, qBase int, ents []Entity, ei int) []tok {
	text := tz.text
	qi := 0
	i := p.start
	for i < p.end {
		if qi < len(quotes) && i >= quotes[qi].open {
			q := quotes[qi]
			out = append(out, tok{kind: tkQuote, start: q.open, end: q.outerEnd, ref: qBase + qi})
			i = q.outerEnd
			qi++
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
			continue
		}
		entStart := limit
		if ei < len(ents) && ents[ei].Start < limit {
			entStart = ents[ei].Start
		}
		r, w := utf8.DecodeRuneInString(text[i:limit])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(text, i, entStart)
			t := tok{kind: tkWord, start: i, end: j, capital: unicode.IsUpper(r) && !isShouted(text[i:j])}
			if j < entStart && text[j] == '.' && tz.isAbbrev(text[i:j]) {
				j++
				t.end = j
				t.abbrev = true
			}
			if n := possessiveSuffix(text[t.start:t.end]); n > 0 && t.end-n > t.start {
				t.end -= n
				t.poss = true
			}
			out = append(out, t)
			i = j
		default:
			out = append(out, tok{kind: tkPunct, start: i, end: i + w})
			i += w
		}
	}
	return out
}

// scanWord returns the end of the word starting at i: letters, digits and
// marks, joined by inner apostrophes, hyphens and periods (U.S, don’t).
func scanWord(text string, i, limit int) int {
	j := i
	for j < limit {
		r, w := utf8.DecodeRuneInString(text[j:limit])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += w
			continue
		}
		if j+w < limit {
			nx, _ := utf8.DecodeRuneInString(text[j+w : limit])
			join := false
			switch r {
			case '’', '\'', '&':
				join = unicode.IsLetter(nx)
			case '-', '‐', '‑':
				join = unicode.IsLetter(nx) || unicode.IsDigit(nx)
			case '.':
				join = unicode.IsLetter(nx) && j > i
			}
			if join {
				j += w
				continue
			}
		}
		break
	}
	return j
}

// isAbbrev reports whether a period after word w belongs to it.
func (tz *tokenizer) isAbbrev(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		return true // an initial
	}
	if strings.IndexByte(w, '.') >= 0 {
		return true // U.S. a.m.
	}
	return cueAbbrevs[lowerInto(&tz.buf, w)]
}

// possessiveSuffix returns the byte length of a final ’s or 's.
func possessiveSuffix(w string) int {
	if strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "’S") {
		return len("’s")
	}
	if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S") {
		return 2
	}
	return 0
}

// skipPossessive skips a possessive ’s (or a bare ’ after a final s) at i.
func skipPossessive(text string, i, limit int) (int, bool) {
	for _, suf := range [...]string{"’s", "'s", "’", "'"} {
		if strings.HasPrefix(text[i:limit], suf) {
			j := i + len(suf)
			if j < limit {
				r, _ := utf8.DecodeRuneInString(text[j:limit])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					continue
				}
			}
			bare := suf == "’" || suf == "'"
			if bare && (i == 0 || (text[i-1] != 's' && text[i-1] != 'S')) {
				continue
			}
			return j, true
		}
	}
	return i, false
}

// isShouted reports whether w is an all-capitals word of five letters or
// more: a dateline ("LOS ANGELES") or a transcript speaker, not a name.
func isShouted(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 5
}
