package feeds

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// demoronize turns the C1 controls U+0080–U+009F into the Windows-1252
// characters they were meant to be (U+0092 → ’, U+0093 → “, U+0085 → …).
// Feeds produced by software that took Windows-1252 text for Latin-1 carry
// them, as characters or as numeric references (&#146;); no feed means a
// real C1 control, and sanitising would delete them ("dont"), hiding the
// quotes from the annotator too. The five positions Windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay, for sanitising to drop, and
// so do the ones that open a terminal control sequence (0x98 SOS, 0x9B CSI,
// 0x9C ST, 0x9E PM, 0x9F APC): a hostile feed uses them for escapes, and
// sanitising must see them to drop the whole sequence (at the cost of
// ˜ › œ ž Ÿ, which are rare).
func demoronize(s string) string {
	if !strings.Contains(s, "\xc2") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r <= 0x9f && !opensSequence(r) {
			if m := charmap.Windows1252.DecodeByte(byte(r)); m != r && m != utf8.RuneError {
				b.WriteString(s[last:i])
				b.WriteRune(m)
				last = i + size
			}
		}
		i += size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func opensSequence(r rune) bool {
	switch r {
	case 0x90, 0x98, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f:
		return true
	}
	return false
}
