package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textSpan is a half-open byte range [start, end) of the annotated text.
type textSpan struct{ start, end int }

// splitParagraphs splits normalised text into paragraph spans, trimmed of
// surrounding white space. A paragraph is one line, or a run of lines when
// the text is hard-wrapped: inside a block of non-blank lines, a line that
// does not end a sentence and is followed by a line starting in lower case
// continues onto it.
func splitParagraphs(text string) []textSpan {
	out := make([]textSpan, 0, strings.Count(text, "\n")+1)
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := lineStart
		for lineEnd < len(text) && text[lineEnd] != '\n' {
			lineEnd++
		}
		s, e := trimSpaces(text, lineStart, lineEnd)
		if s < e {
			if n := len(out); n > 0 && isWrapContinuation(text, out[n-1], s) {
				out[n-1].end = e
			} else {
				out = append(out, textSpan{s, e})
			}
		}
		lineStart = lineEnd + 1
	}
	return out
}

// isWrapContinuation reports whether the line starting at next continues
// paragraph prev (the lines are adjacent: no blank line between them).
func isWrapContinuation(text string, prev textSpan, next int) bool {
	// prev must end on the line just before next: only a newline between.
	gap := text[prev.end:next]
	newlines := 0
	for i := 0; i < len(gap); i++ {
		if gap[i] == '\n' {
			newlines++
		}
	}
	if newlines != 1 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[prev.start:prev.end])
	switch last {
	case '.', '!', '?', ':', '"', '”', '’', '»', '«', '“', ')', ']', '…':
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[next:])
	return unicode.IsLower(first)
}

// trimSpaces shrinks [s, e) past white space at both ends.
func trimSpaces(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
