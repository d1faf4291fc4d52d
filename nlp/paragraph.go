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
// the text is hard-wrapped: a block of non-blank lines most of which end
// mid-sentence is one paragraph, and elsewhere a line that does not end a
// sentence and is followed by a line starting in lower case continues onto it.
func splitParagraphs(text string) []textSpan {
	out, _ := splitParagraphsInto(text, nil, nil)
	return out
}

// splitParagraphsInto is splitParagraphs appending to out, with block as
// scratch for the lines of a block; it returns both for reuse.
func splitParagraphsInto(text string, out, block []textSpan) ([]textSpan, []textSpan) {
	if n := strings.Count(text, "\n") + 1; cap(out) < n {
		out = make([]textSpan, 0, n)
	}
	block = block[:0] // the trimmed lines of the current block
	flush := func() {
		switch {
		case len(block) == 0:
		case isWrappedBlock(text, block):
			out = append(out, textSpan{block[0].start, block[len(block)-1].end})
		default:
			for i, l := range block {
				if i > 0 && isWrapContinuation(text, out[len(out)-1], l.start) {
					out[len(out)-1].end = l.end
				} else {
					out = append(out, l)
				}
			}
		}
		block = block[:0]
	}
	for lineStart := 0; lineStart <= len(text); {
		lineEnd := len(text)
		if k := strings.IndexByte(text[lineStart:], '\n'); k >= 0 {
			lineEnd = lineStart + k
		}
		if s, e := trimSpaces(text, lineStart, lineEnd); s < e {
			block = append(block, textSpan{s, e})
		} else {
			flush()
		}
		lineStart = lineEnd + 1
	}
	flush()
	return out, block
}

// isWrappedBlock reports whether the lines of one block are a single
// hard-wrapped paragraph: three lines or more, of a wrapped width, two
// thirds of them ending mid-sentence.
func isWrappedBlock(text string, lines []textSpan) bool {
	if len(lines) < 3 {
		return false
	}
	open := 0
	for _, l := range lines[:len(lines)-1] {
		if n := utf8.RuneCountInString(text[l.start:l.end]); n < 30 || n > 120 {
			return false
		}
		if !endsSentence(text[l.start:l.end]) {
			open++
		}
	}
	return open*3 >= 2*(len(lines)-1)
}

// endsSentence reports whether a line ends with closing punctuation.
func endsSentence(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', '!', '?', ':', '"', '”', '’', '»', '«', '“', ')', ']', '…':
		return true
	}
	return false
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
	if endsSentence(text[prev.start:prev.end]) {
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
