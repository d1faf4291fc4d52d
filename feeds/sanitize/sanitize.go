// Package sanitize makes text written by strangers (feed titles, article
// bodies, web pages) safe to print on a terminal.
//
// Text removes every C0 control except newline and tab, every C1 control,
// DEL, and whole escape sequences (CSI, OSC — including OSC 8 hyperlinks and
// OSC 52 clipboard writes — DCS, APC, PM, SOS, and any other ESC sequence,
// 7-bit or 8-bit). Bidirectional embedding, override and isolate characters
// (U+202A–U+202E, U+2066–U+2069) are removed so that a feed cannot reorder
// or hide the text around them; the plain marks U+200E, U+200F and U+061C are
// kept because right-to-left languages need them and they cannot override
// anything. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and tag
// characters (U+E0000–U+E007F) are removed: they draw nothing and serve
// only to make two different strings look alike. Invalid UTF-8 becomes U+FFFD, except stray bytes 0x80–0x9F,
// which are treated as the 8-bit C1 controls a non-UTF-8 terminal would see.
package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	esc = 0x1b
	bel = 0x07
	can = 0x18
	sub = 0x1a
)

// C1 controls that open a sequence, as runes (U+0080–U+009F).
const (
	c1DCS = 0x90
	c1SOS = 0x98
	c1CSI = 0x9b
	c1ST  = 0x9c
	c1OSC = 0x9d
	c1PM  = 0x9e
	c1APC = 0x9f
)

// Text returns s with controls and escape sequences removed; newlines and
// tabs stay. A lone carriage return becomes a newline and CR LF becomes LF.
func Text(s string) string {
	if isClean(s, true) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	clean(&b, s)
	return b.String()
}

// Line is Text for one-line fields (titles, authors, feed names, links):
// every run of white space, newlines and tabs included, becomes one space and
// the result is trimmed.
func Line(s string) string {
	if isClean(s, false) && !needsCollapse(s) {
		return s
	}
	t := Text(s)
	var b strings.Builder
	b.Grow(len(t))
	space := false
	for _, r := range t {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether Text (multiline) or Line would return s as it
// is, the common case that needs no copy: no control but newline and tab
// (and those only when multiline), no invisible or bidirectional control,
// no line or paragraph separator, valid UTF-8, and for Line no white space
// but the ASCII space. Letters, quotes and dashes beyond ASCII are clean.
func isClean(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if multiline && (c == '\n' || c == '\t') {
				i++
				continue
			}
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || Unsafe(r) || r == '\u2028' || r == '\u2029' ||
			(!multiline && unicode.IsSpace(r)) {
			return false
		}
		i += size
	}
	return true
}

func needsCollapse(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	return strings.Contains(s, "  ")
}

// clean writes the safe part of s to b.
func clean(b *strings.Builder, s string) {
	i := 0
	for i < len(s) {
		r, size := decode(s, i)
		switch {
		case r == esc:
			i = skipEscape(s, i+size)
		case r == c1CSI:
			i = skipCSI(s, i+size)
		case r == c1OSC:
			i = skipString(s, i+size, true)
		case r == c1DCS || r == c1SOS || r == c1PM || r == c1APC:
			i = skipString(s, i+size, false)
		case r == '\r':
			b.WriteByte('\n')
			i += size
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			i += size // other C0, DEL, other C1
		case isBidiControl(r) || isInvisible(r):
			i += size
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
			i += size
		default:
			b.WriteRune(r) // utf8.RuneError from invalid input writes U+FFFD
			i += size
		}
	}
}

// decode is utf8.DecodeRuneInString, except that a stray byte 0x80–0x9F that
// is not part of a valid UTF-8 sequence decodes as that C1 control.
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 && c >= 0x80 && c <= 0x9f {
		return rune(c), 1
	}
	return r, size
}

// isInvisible reports characters that draw nothing and can only hide
// something: zero-width space, non-joiner and joiner (U+200B–U+200D), word
// joiner (U+2060), the byte-order mark / zero-width no-break space
// (U+FEFF), and the tag characters (U+E0000–U+E007F) that can smuggle a
// hidden text. "pay\u200bpal" must not pass for "paypal".
func isInvisible(r rune) bool {
	return (r >= '\u200b' && r <= '\u200d') || r == '\u2060' || r == '\ufeff' ||
		(r >= 0xe0000 && r <= 0xe007f)
}

// Unsafe reports whether Text removes r wherever it appears: a control
// other than newline and tab (C0, DEL, C1), a bidirectional embedding,
// override or isolate, or an invisible character (zero-width, tags). Escape sequences are longer
// than one rune: an input that filters rune by rune drops their ESC and
// keeps the rest as visible junk, which is safe.
func Unsafe(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return true
	}
	return isBidiControl(r) || isInvisible(r) || r == '\u2028' || r == '\u2029'
}

func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// skipEscape skips the sequence after an ESC at s[i-1] and returns the index
// of the first byte after it. ESC followed by something that cannot continue
// a sequence drops only the ESC.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']':
		return skipString(s, i+1, true)
	case 'P', 'X', '^', '_':
		return skipString(s, i+1, false)
	}
	// nF/Fp/Fe/Fs sequences: intermediates 0x20–0x2F, then a final 0x30–0x7E.
	j := i
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		return j + 1
	}
	if j == len(s) {
		return j
	}
	return i
}

// skipCSI skips the parameters, intermediates and final byte of a control
// sequence whose introducer ends at s[i-1]. A byte that cannot belong to the
// sequence ends it there (terminals abort the sequence) and is kept for the
// caller to judge.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c <= 0x3f:
			i++
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return i
		}
	}
	return i
}

// skipString skips a control string (OSC, DCS, SOS, PM, APC) up to and
// including its terminator: ST (ESC \ or 0x9C), or BEL for OSC. CAN and SUB
// abort it; another ESC aborts it and is left for the caller. An
// unterminated string runs to the end of s, as it would on a terminal.
func skipString(s string, i int, bellEnds bool) int {
	for i < len(s) {
		r, size := decode(s, i)
		switch {
		case r == c1ST:
			return i + size
		case r == bel && bellEnds:
			return i + size
		case r == can || r == sub:
			return i + size
		case r == esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		}
		i += size
	}
	return i
}

// Escapes removes only 7-bit escape sequences (those introduced by an ESC
// byte) and leaves every other byte alone. It is meant for a raw document in
// any ASCII-compatible encoding before it is parsed: XML parsers drop the
// ESC byte itself but keep the rest of the sequence as visible junk.
func Escapes(s string) string {
	i := strings.IndexByte(s, esc)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[skipEscape(s, i+1):]
		i = strings.IndexByte(s, esc)
	}
	b.WriteString(s)
	return b.String()
}
