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
	start, end int
	ref        int // index into ents, orgs or the quotes
	nameStart  int // for names: where the name proper starts, after honorifics
	cls        wordClass
	kind       tokKind
	poss       bool // followed by a possessive ’s
	capital    bool // a word that starts in upper case
	abbrev     bool // a word whose final period is part of it
	weak       bool // a name of one bare capitalised word
	gender     byte // for names: from an honorific
}

// isCandidate reports whether t can be a speaker: the kinds from tkPerson on.
func (t *tok) isCandidate() bool { return t.kind >= tkPerson }

// tokenizer turns one paragraph at a time into tokens, from the document's
// token stream (see statements_stream.go).
type tokenizer struct {
	text string
	low  string // text with ASCII letters in lower case, offsets aligned
	idx  *statementIndex
	ts   tokenStream // the document's words, found once for entities and statements
	next int         // the first word of ts not yet behind the paragraphs read
}

func newTokenizer(text string, idx *statementIndex) tokenizer {
	return tokenizer{text: text, low: asciiLower(text), idx: idx}
}

// lower returns the lower-case form of a token, a slice of tz.low.
func (tz *tokenizer) lower(t tok) string { return tz.low[t.start:t.end] }

// asciiLower lowers the ASCII letters of s only, so that every byte offset
// into s is also one into the result.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	from := 0
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[from:i])
			b.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// scanWord returns the end of the word starting at i: letters, digits and
// marks, joined by inner apostrophes, hyphens and periods (U.S, don’t).
func scanWord(text string, i, limit int) int {
	j := i
	for j < limit {
		c := text[j]
		if c < utf8.RuneSelf && asciiAlnum[c] {
			j++
			continue
		}
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[j:limit])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				j += w
				continue
			}
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

// isAbbrev reports whether a period after the word text[i:j] belongs to it.
func (tz *tokenizer) isAbbrev(i, j int) bool {
	w := tz.text[i:j]
	if utf8.RuneCountInString(w) == 1 {
		return true // an initial
	}
	if strings.IndexByte(w, '.') >= 0 {
		return true // U.S. a.m.
	}
	return tz.idx.voc.abbrevs[tz.low[i:j]]
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
	if i >= limit || text[i] != '\'' && text[i] != "’"[0] {
		return i, false
	}
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

// classify looks a word token up in the word tables; a final period of an
// abbreviation is ignored, and a lower-case word in -ly counts as an adverb.
func (tz *tokenizer) classify(t *tok) wordClass {
	w := tz.low[t.start:t.end]
	if t.abbrev && len(w) > 1 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	var c wordClass
	if tz.idx != nil && tz.idx.maybe.has(w) {
		c = tz.idx.words[w]
	}
	return tz.adverb(t, c)
}

// adverb adds to c, the class of word t, that a lower-case word in -ly is an
// adverb.
func (tz *tokenizer) adverb(t *tok, c wordClass) wordClass {
	if t.capital {
		return c
	}
	w := tz.low[t.start:t.end]
	if t.abbrev && len(w) > 1 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	if len(w) > 4 && w[len(w)-2:] == "ly" && !tz.idx.voc.lyNouns[w] {
		c.flags |= wAux
	}
	return c
}
