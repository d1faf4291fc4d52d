package nlp

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// token is one word of the text. Hyphenated words are split into their parts
// (the later parts carry tHyph) so that "Russia-Ukraine" holds two countries
// and "Guinea-Bissau" matches however it is written. A token holds no
// pointer and takes 24 bytes: a long text's millions of tokens cost the
// collector nothing and memory little.
type token struct {
	start, end int32 // byte span in the text; a possessive ’s is excluded
	ka, kb     int32 // folded key (lower case, no diacritics, no dots): keys[ka:kb] of its stream
	lex        int32 // what the matching tables know of the key: index.entries[lex], 0 for nothing
	flags      uint16
	cls        uint16 // a plain word's statement word class: index.classes[cls], 0 for none
}

// tokenStream is a document's tokens with the arena that holds their keys.
type tokenStream struct {
	toks    []token
	keys    string      // the folded keys back to back
	entries []*lexEntry // the index's lexicon by entry id
	classes []wordClass // the statement word classes by id
	breaks  []int32     // offsets of the punctuation that ends each sentence (see sentenceBreak)
}

// key returns t's folded form.
func (ts *tokenStream) key(t *token) string { return ts.keys[t.ka:t.kb] }

// keyAt returns the folded form of token i.
func (ts *tokenStream) keyAt(i int) string { return ts.keys[ts.toks[i].ka:ts.toks[i].kb] }

// lex returns what the matching tables know of t, or nil.
func (ts *tokenStream) lex(t *token) *lexEntry { return ts.entries[t.lex] }

// lexAt returns what the matching tables know of token i, or nil.
func (ts *tokenStream) lexAt(i int) *lexEntry { return ts.entries[ts.toks[i].lex] }

const (
	tCap       uint16 = 1 << iota // first letter is upper case
	tUpper                        // every letter is upper case ("US", "U.S.", "NATO")
	tLower                        // every letter is lower case
	tPoss                         // followed by a possessive ’s or ’
	tDot                          // immediately followed by '.'
	tJoin                         // separated from the previous token by spaces only (or "Mr. ")
	tHyph                         // joined to the previous token by a hyphen
	tSentStart                    // a capital here says nothing about a name: first word of a sentence or a line, or after ':' ';' or a quote mark
	tHeadline                     // on a line written in title case
	tComma                        // a comma separates it from the previous token
	tPlain                        // only ASCII letters and digits: key is the text in lower case
	tLineStart                    // first word of a line
)

func (t *token) is(f uint16) bool { return t.flags&f != 0 }

// capitalised reports whether the token is written like a proper noun.
func (t *token) capitalised() bool { return t.flags&(tCap|tUpper) != 0 }

// joined reports whether t continues the previous token's phrase.
func (t *token) joined() bool { return t.flags&(tJoin|tHyph) != 0 }

func isNameRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if r >= 0x2000 && r <= 0x206f {
		return false // general punctuation: quotation marks, dashes, spaces
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func peekRune(s string, i int) rune {
	r, _ := runeAt(s, i)
	return r
}

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// tokenBuffers are reused across calls: allocation dominated the profile.
type tokenBuffers struct {
	toks   []token
	arena  []byte
	raws   []raw
	keyBuf []string
	breaks []int32
}

var tokenPool = sync.Pool{New: func() any { return new(tokenBuffers) }}

// maxPooled is the longest text (in bytes) whose buffers are pooled. A pool
// lets go of what stays unused for two garbage collections, so a long
// text's buffers are kept only while long texts keep coming; reallocating
// them per call made a 10 MB text run at half the speed of a short one.
// Longer texts, beyond any article, allocate their own.
const maxPooled = 16 << 20

func getTokenBuffers() *tokenBuffers { return tokenPool.Get().(*tokenBuffers) }

// poolable reports whether b goes back to the pool when done.
func (b *tokenBuffers) poolable() bool { return cap(b.arena) <= maxPooled }

func putTokenBuffers(b *tokenBuffers) {
	if !b.poolable() {
		return
	}
	clear(b.raws)
	clear(b.keyBuf)
	b.toks, b.arena, b.raws, b.keyBuf, b.breaks = b.toks[:0], b.arena[:0], b.raws[:0], b.keyBuf[:0], b.breaks[:0]
	tokenPool.Put(b)
}

// maxTokenized bounds the text a stream covers, so that its int32 offsets
// hold (a folded key takes at most 1.5 times the bytes of its word). Past it
// no entity is found, and the statement side reads words from the text.
const maxTokenized = 1 << 30

// tokenize splits text into word tokens, folds each once and looks it up in
// the index's lexicon. The stream's keys alias buf's arena: it lives only
// while the caller holds buf, and no Entity field is made from it.
func (x *index) tokenize(text string, buf *tokenBuffers) tokenStream {
	text = text[:min(len(text), maxTokenized)]
	toks := buf.toks[:0]
	if n := len(text)/5 + 4; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	arena := buf.arena[:0]
	if cap(arena) < len(text) {
		arena = make([]byte, 0, len(text))
	}
	breaks := buf.breaks[:0]
	defer func() { buf.toks, buf.arena, buf.breaks = toks, arena, breaks }()
	gapStart := 0
	hyphenNext := false // the next token continues a hyphenated word
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiAlnum[c] {
				i++
				hyphenNext = false
				continue
			}
		} else if r, size := runeAt(text, i); !isNameRune(r) || unicode.Is(unicode.Mn, r) {
			i += size
			hyphenNext = false
			continue
		}
		start := i
		ka := len(arena)
		var nUpper, nLower int
		firstUpper, seenLetter, dotted, poss := false, false, false, false
		plain := true // ASCII letters and digits only
		end := i
	scan:
		for i < len(text) {
			// ASCII letters and digits: the common case, without decoding
			if c := text[i]; c < utf8.RuneSelf {
				switch {
				case c >= 'a' && c <= 'z':
					// a run of lower-case letters, copied at once
					j := i + 1
					for j < len(text) && text[j]-'a' < 26 {
						j++
					}
					nLower += j - i
					seenLetter = true
					arena = append(arena, text[i:j]...)
					i = j
					end = i
					continue
				case c >= 'A' && c <= 'Z':
					nUpper++
					if !seenLetter {
						firstUpper = true
					}
					seenLetter = true
					arena = append(arena, c+'a'-'A')
					i++
					end = i
					continue
				case c >= '0' && c <= '9':
					arena = append(arena, c)
					i++
					end = i
					continue
				case c != '\'' && c != '.':
					break scan // the usual end of a word: a space or punctuation
				}
			}
			r, size := runeAt(text, i)
			switch {
			case isNameRune(r):
				plain = false
				if unicode.IsUpper(r) {
					nUpper++
					if !seenLetter {
						firstUpper = true
					}
				} else if unicode.IsLower(r) {
					nLower++
				}
				if unicode.IsLetter(r) {
					seenLetter = true
				}
				arena = appendFolded(arena, r)
				i += size
				end = i
			case isApostrophe(r) || r == '‘' && isNameRune(peekRune(text, i+size)):
				n, nsize := runeAt(text, i+size)
				if n == 's' || n == 'S' {
					if after, _ := runeAt(text, i+size+nsize); !isNameRune(after) {
						poss = true
						i += size + nsize
						break scan
					}
				}
				if isNameRune(n) {
					arena = append(arena, '\'')
					plain = false
					i += size
					continue
				}
				if last, _ := utf8.DecodeLastRuneInString(text[start:end]); last == 's' {
					poss = true
					i += size
				}
				break scan
			case r == '.' && nLower == 0 && nUpper > 0 && nUpper <= 3:
				// Dotted acronyms: "U.S.", "U.K.", "U.S.A."
				n, nsize := runeAt(text, i+1)
				if d, _ := runeAt(text, i+1+nsize); unicode.IsUpper(n) && d == '.' {
					dotted, plain = true, false
					i++
					continue
				}
				if dotted {
					i++
					end = i
				}
				break scan
			default:
				break scan
			}
		}
		t := token{start: int32(start), end: int32(end), ka: int32(ka), kb: int32(len(arena))}
		if firstUpper {
			t.flags |= tCap
		}
		if nUpper > 0 && nLower == 0 && (nUpper > 1 || dotted) {
			t.flags |= tUpper
		}
		if nUpper == 0 && nLower > 0 {
			t.flags |= tLower
		}
		if poss {
			t.flags |= tPoss
		}
		if !poss && end < len(text) && text[end] == '.' {
			t.flags |= tDot
		}
		if hyphenNext {
			t.flags |= tHyph
		} else {
			if gap := text[gapStart:start]; gap == " " && len(toks) > 0 {
				t.flags |= tJoin // the usual gap, without the call
			} else {
				var f uint16
				f, breaks = gapFlags(text, gapStart, start, &t, toks, x.entries, breaks)
				t.flags |= f
			}
		}
		v := x.lookup(arena[ka:], nUpper == 0)
		if nUpper == 0 {
			t.lex = v.lower
		} else {
			t.lex = v.lex
		}
		if plain {
			t.flags |= tPlain
			t.cls = v.cls
		}
		toks = append(toks, t)
		gapStart = i
		hyphenNext = false
		// A hyphen between two word characters splits the word into parts.
		if !poss && i == end && i < len(text) && (text[i] == '-' || text[i] >= utf8.RuneSelf) {
			if h, hsize := runeAt(text, i); isHyphen(h) {
				if n, _ := runeAt(text, i+hsize); isNameRune(n) && !unicode.Is(unicode.Mn, n) {
					i += hsize
					gapStart = i
					hyphenNext = true
				}
			}
		}
	}
	ts := tokenStream{toks: toks, breaks: breaks, keys: unsafe.String(unsafe.SliceData(arena), len(arena)), entries: x.entries, classes: x.classes}
	markHeadlines(toks, x.entries)
	return ts
}

// gapFlags classifies the text text[from:to] between the previous token
// and next, and appends to breaks the offset where a sentence ends in it.
func gapFlags(text string, from, to int, next *token, toks []token, entries []*lexEntry, breaks []int32) (uint16, []int32) {
	if len(toks) == 0 {
		return tSentStart | tLineStart, breaks
	}
	gap := text[from:to]
	prev := &toks[len(toks)-1]
	onlySpace := true
	var last rune // last character that is neither a space nor a quote mark
	newline := false
	quote := false
	terminal := false // a character that may end a sentence
	for _, r := range gap {
		switch {
		case r == ' ' || r == '\t':
		case r == '\n':
			newline = true
			onlySpace = false
		case isQuoteMark(r):
			quote = true
			onlySpace = false
		default:
			onlySpace = false
			last = r
			terminal = terminal || r == '.' || r == '!' || r == '?' || r == '…'
		}
	}
	var f uint16
	// only a period right after the word may be an abbreviation's
	abbrev := len(gap) > 0 && gap[0] == '.' && abbrevBefore(text, toks, entries)
	if terminal || quote && text[prev.end-1] == '.' {
		if b := sentenceBreak(text, from, to, prev, next, abbrev); b >= 0 {
			breaks = append(breaks, int32(b))
			f |= tSentStart
		}
	}
	switch {
	case newline:
		return f | tSentStart | tLineStart, breaks
	case onlySpace && len(gap) > 0:
		return f | tJoin, breaks
	}
	if last == ',' {
		f |= tComma
	}
	if last == '.' && prev.is(tDot) && abbrev && !quote && gap[0] == '.' && len(gap) > 1 && strings.Trim(gap[1:], " ") == "" {
		return tJoin, breaks // "Mr. Smith": an abbreviation's period joins its phrase
	}
	// Capitals carry no name information after ':' ';' and an opening quote
	// mark either, though no sentence ends there.
	if last == ':' || last == ';' || quote && (last == 0 || last == '(') {
		f |= tSentStart
	}
	return f, breaks
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‹', '›':
		return true
	}
	return false
}

// markHeadlines flags the tokens of lines written in title case, where
// capitals say nothing about names.
func markHeadlines(toks []token, entries []*lexEntry) {
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && !toks[b].is(tLineStart) {
			b++
		}
		long, caps := 0, 0
		for j := a; j < b; j++ {
			// only everyday words count: names are capitalised anyway
			if l := entries[toks[j].lex]; l != nil && (l.flags&lexGiven != 0 || len(l.surnameOf) > 0 || len(l.phrases) > 0) {
				continue
			}
			if toks[j].end-toks[j].start >= 4 {
				long++
				if toks[j].capitalised() {
					caps++
				}
			}
		}
		if long >= 2 && caps*10 >= long*7 {
			for j := a; j < b; j++ {
				toks[j].flags |= tHeadline
			}
		}
		a = b
	}
}

// fold lower-cases and strips diacritics, so "Erdoğan" and "Erdogan" meet.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r == '.' {
			continue
		}
		if isApostrophe(r) {
			b = append(b, '\'')
			continue
		}
		b = appendFolded(b, r)
	}
	return string(b)
}

func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if int(r) < len(foldTable) {
		if s := foldTable[r]; s != "" {
			return append(b, s...)
		}
	}
	if unicode.Is(unicode.Mn, r) {
		return b
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

// foldTable maps Latin letters with diacritics to their plain lower-case
// forms; other runes are only lower-cased.
var foldTable = func() (t [0x1f00]string) {
	special := map[rune]string{'ß': "ss", 'ẞ': "ss", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l",
		'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h"}
	for r := rune(0xc0); r < 0x1f00; r++ {
		if r >= 0x250 && r < 0x1e00 {
			continue
		}
		if s, ok := special[r]; ok {
			t[r] = s
			continue
		}
		var out []rune
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				out = append(out, unicode.ToLower(d))
			}
		}
		if len(out) > 0 && unicode.IsLetter(out[0]) {
			t[r] = string(out)
		}
	}
	return t
}()
