package nlp

import (
	"strings"
	"unicode/utf8"
)

// Normalize returns the text that is annotated and that every offset refers
// to. It stays close to the input so offsets map back for display: line
// endings become "\n", control and invisible formatting characters are
// dropped (tabs and newlines stay), no-break spaces become spaces, trailing
// spaces go, runs of blank lines shrink to one, leading and trailing blank
// lines go, and invalid UTF-8 becomes U+FFFD.
func Normalize(text string) string {
	if t := trimBlankLines(text); isNormal(t) {
		return t // most articles: no copy at all
	}
	var b strings.Builder
	b.Grow(len(text))
	newlines := 0      // newlines seen since the last written character
	var pending []byte // horizontal white space not yet written
	started := false   // a visible character has been written
	flush := func() {
		if newlines > 0 {
			b.WriteString("\n\n"[:min(newlines, 2)])
			newlines = 0
		}
		if len(pending) > 0 {
			b.Write(pending)
			pending = pending[:0]
		}
		started = true
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c > ' ' && c < 0x7f {
			// copy a run of visible ASCII at once
			j := i + 1
			for j < len(text) && text[j] > ' ' && text[j] < 0x7f {
				j++
			}
			flush()
			b.WriteString(text[i:j])
			i = j
			continue
		}
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case r == '\r':
			if i < len(text) && text[i] == '\n' {
				i++
			}
			fallthrough
		case r == '\n':
			pending = pending[:0]
			if started {
				newlines++
			}
			continue
		case r == ' ' || r == '\t' || isNoBreakSpace(r):
			if r == '\t' {
				pending = append(pending, '\t')
			} else {
				pending = append(pending, ' ')
			}
			continue
		case isInvisible(r):
			continue
		}
		flush()
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isNoBreakSpace reports the no-break spaces that become plain spaces.
func isNoBreakSpace(r rune) bool {
	return r == '\u00a0' || r == '\u202f' || r == '\u2007'
}

// isInvisible reports control characters (other than tab and newline, which
// the caller handles) and invisible formatting characters that could reorder
// or hide text in a terminal: zero-width characters, bidi controls, BOM.
func isInvisible(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == '\u00ad', r >= '\u200b' && r <= '\u200f', r >= '\u202a' && r <= '\u202e',
		r >= '\u2060' && r <= '\u2064', r >= '\u2066' && r <= '\u2069', r == '\ufeff':
		return true
	}
	return false
}

// trimBlankLines drops leading lines that hold only white space and all
// trailing white space.
func trimBlankLines(text string) string {
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			start = i + 1
		} else if c != ' ' && c != '\t' && c != '\r' {
			break
		}
	}
	end := len(text)
	for end > start && (text[end-1] == '\n' || text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r') {
		end--
	}
	return text[start:end]
}

// isNormal reports text that Normalize would return unchanged, so that
// clean articles cost one scan and no copy.
func isNormal(text string) bool {
	n := len(text)
	if n == 0 {
		return true
	}
	if text[0] == '\n' || text[n-1] == '\n' || text[n-1] == ' ' || text[n-1] == '\t' {
		return false
	}
	newlines := 0
	for i := 0; i < n; {
		if text[i]-' ' < 0x7f-' ' {
			// a run of printable ASCII, most of any text
			for i++; i < n && text[i]-' ' < 0x7f-' '; i++ {
			}
			newlines = 0
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				if i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
					return false
				}
				newlines++
				if newlines > 2 {
					return false
				}
			case c < 0x20 && c != '\t', c == 0x7f:
				return false
			default:
				newlines = 0
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 || isNoBreakSpace(r) || isInvisible(r) {
			return false
		}
		newlines = 0
		i += size
	}
	return true
}
