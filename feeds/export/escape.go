package export

import (
	"strings"

	"github.com/herald-reader/herald/feeds/sanitize"
)

// escape backslash-escapes CommonMark's special characters so that feed
// text renders literally: it cannot open links, emphasis, code, HTML or
// entities anywhere, nor start a heading, list or quote at line start, nor
// become a link by itself (GFM's bare http://, www. and e-mail autolinks).
// Control characters are removed first.
func escape(s string) string {
	s = sanitize.Line(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_[]<>|~&#@", c) >= 0,
			i == 0 && strings.IndexByte("-+=>", c) >= 0,
			c == ':' && schemeBefore(s[:i]),
			c == '.' && wwwBefore(s[:i]):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	out := b.String()
	// "1. " or "1) " at the start would make an ordered list.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

// schemeBefore reports whether s ends with a URL scheme an autolinker
// recognises.
func schemeBefore(s string) bool {
	l := strings.ToLower(s[max(0, len(s)-6):])
	for _, sch := range []string{"http", "https", "ftp", "mailto", "xmpp"} {
		if strings.HasSuffix(l, sch) {
			return true
		}
	}
	return false
}

func wwwBefore(s string) bool {
	return len(s) >= 3 && strings.EqualFold(s[len(s)-3:], "www")
}

// destEscaper makes a URL safe inside <...>: no angle brackets, spaces,
// line breaks, or a backslash that would escape the closing '>'.
var destEscaper = strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "", "\r", "", " ", "%20", "\\", "%5C")

func linkDest(u string) string { return "<" + destEscaper.Replace(u) + ">" }
