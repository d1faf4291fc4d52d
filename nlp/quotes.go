package nlp

import (
	"unicode"
	"unicode/utf8"
)

// quoteFamily groups the marks that open and close one another.
type quoteFamily uint8

const (
	famNone   quoteFamily = iota
	famDouble             // “ ” " „
	famSingle             // ‘ ’ ' ‚
	famGuil               // « »
	famSGuil              // ‹ ›
)

func (f quoteFamily) single() bool { return f == famSingle || f == famSGuil }

// maxQuoteDepth bounds nesting so that hostile runs of opening marks stay
// linear.
const maxQuoteDepth = 8

// quoteSpan is one top-level quotation found in a paragraph.
type quoteSpan struct {
	open     int // byte offset of the opening mark
	outerEnd int // end of the closing mark, or of the paragraph when unclosed
	start    int // the quoted words, trimmed: [start, end)
	end      int
	fam      quoteFamily
	closed   bool
	contPrev bool // reopens a quote the previous paragraph left open
	contNext bool // left open at paragraph end, reopened by the next paragraph
	labelled bool // an answer line of a transcript: open is its label's start
}

// markFamily tells whether r is a quotation mark, and of which family.
func markFamily(r rune) quoteFamily {
	switch r {
	case '"', '“', '”', '„', '‟':
		return famDouble
	case '\'', '‘', '’', '‚', '‛':
		return famSingle
	case '«', '»':
		return famGuil
	case '‹', '›':
		return famSGuil
	}
	return famNone
}

// openMark is an entry on the stack of marks still open in a paragraph.
type openMark struct {
	r        rune
	fam      quoteFamily
	pos      int // offset of the mark
	after    int // offset just after the mark
	children []quoteSpan
}

// quoteScanner pairs the quotation marks of successive splitParagraphs.
type quoteScanner struct {
	text      string
	carryOpen quoteFamily // family left open by the previous paragraph, if continued
	stack     []openMark  // reused between paragraphs
}

// isOpenContext reports whether a mark after prev may open a quote.
func isOpenContext(prev rune) bool {
	if prev < 0 || unicode.IsSpace(prev) || markFamily(prev) != famNone {
		return true
	}
	switch prev {
	case '(', '[', '{', '<', '—', '–', '-', '/', '‐', ':':
		return true
	}
	return false
}

// isCloseContext reports whether a mark before next may close a quote.
func isCloseContext(next rune) bool {
	if next < 0 || unicode.IsSpace(next) || markFamily(next) != famNone {
		return true
	}
	switch next {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '—', '–', '-', '/', '…', '‐':
		return true
	}
	return false
}

func isAlnumRune(r rune) bool { return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// scan finds the top-level quotes of paragraph p. next is the following
// paragraph (or an empty textSpan) so that a quote left open can be recognised as
// continued.
func (qs *quoteScanner) scan(p, next textSpan, out []quoteSpan) []quoteSpan {
	text := qs.text
	stack := qs.stack[:0]
	defer func() { qs.stack = stack[:0] }()
	contPrev := qs.carryOpen != famNone
	qs.carryOpen = famNone
	firstTop := true

	find := func(fam quoteFamily) int {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].fam == fam {
				return k
			}
		}
		return -1
	}
	closeAt := func(k, pos, width int) {
		om := stack[k]
		stack = stack[:k]
		s, e := trimSpaces(text, om.after, pos)
		q := quoteSpan{open: om.pos, outerEnd: pos + width, start: s, end: e, fam: om.fam, closed: true}
		if k == 0 {
			if hasWordRune(text[s:e]) {
				if firstTop && contPrev && om.pos == p.start {
					q.contPrev = true
				}
				firstTop = false
				out = append(out, q)
			}
		} else if k == 1 {
			stack[0].children = append(stack[0].children, q)
		}
	}
	push := func(r rune, fam quoteFamily, pos, width int) {
		if len(stack) < maxQuoteDepth {
			stack = append(stack, openMark{r: r, fam: fam, pos: pos, after: pos + width})
		}
	}

	for i := p.start; i < p.end; {
		// every mark is ASCII or starts with byte 0xE2 or 0xC2: skip the rest
		if !quoteLead[text[i]] {
			for i++; i < p.end && !quoteLead[text[i]]; i++ {
			}
			continue
		}
		prev := rune(-1)
		if i > p.start {
			prev, _ = utf8.DecodeLastRuneInString(text[p.start:i])
		}
		r, w := utf8.DecodeRuneInString(text[i:p.end])
		if (r == '\'' || r == '`') && i+1 < p.end && text[i+1] == text[i] {
			// Doubled apostrophes and backticks (''archive'' and ``TeX'' styles)
			// are not among the quote marks of the contract: skip both.
			i += 2
			continue
		}
		fam := markFamily(r)
		if fam == famNone {
			i += w
			continue
		}
		nx := rune(-1)
		if i+w < p.end {
			nx, _ = utf8.DecodeRuneInString(text[i+w : p.end])
		}
		openCtx := isOpenContext(prev) && nx >= 0 && !unicode.IsSpace(nx) || prev < 0 && nx >= 0
		closeCtx := prev >= 0 && !unicode.IsSpace(prev) && isCloseContext(nx)
		k := find(fam)
		switch r {
		case '"':
			switch {
			case k >= 0 && closeCtx:
				closeAt(k, i, w)
			case openCtx:
				push(r, fam, i, w)
			case k >= 0 && !isAlnumRune(prev):
				closeAt(k, i, w)
			case k < 0 && !closeCtx && !unicode.IsDigit(prev):
				// spaced on both sides or wedged between letters
				push(r, fam, i, w)
			}
		case '“', '‟':
			switch {
			case k >= 0 && stack[k].r == '„':
				closeAt(k, i, w)
			case k >= 0 && closeCtx && !openCtx:
				closeAt(k, i, w)
			case nx >= 0:
				push(r, fam, i, w)
			}
		case '”':
			switch {
			case k >= 0 && prev >= 0:
				closeAt(k, i, w)
			case openCtx:
				push(r, fam, i, w)
			}
		case '„':
			if nx >= 0 {
				push(r, fam, i, w)
			}
		case '«', '‹':
			switch {
			case k >= 0 && stack[k].r != r && closeCtx:
				closeAt(k, i, w)
			case nx >= 0:
				push(r, fam, i, w)
			}
		case '»', '›':
			switch {
			case k >= 0 && stack[k].r != r:
				closeAt(k, i, w)
			case openCtx:
				push(r, fam, i, w)
			}
		case '‘', '‛':
			switch {
			case isAlnumRune(prev) && isAlnumRune(nx):
				// apostrophe typed with the wrong mark: don‘t
			case unicode.IsDigit(nx):
				// elision: ‘90s
			case k >= 0 && stack[k].r == '‚':
				closeAt(k, i, w)
			case openCtx:
				push(r, fam, i, w)
			case k >= 0 && closeCtx:
				closeAt(k, i, w)
			}
		case '’', '\'':
			switch {
			case isAlnumRune(prev) && isAlnumRune(nx):
				// apostrophe inside a word: don’t, Ukraine’s
			case k >= 0 && closeCtx && !qs.pluralPossessive(i, w, prev, p.end):
				closeAt(k, i, w)
			case r == '\'' && openCtx && !unicode.IsDigit(nx):
				push(r, fam, i, w)
			}
			// otherwise an apostrophe: Jesus’, ’90s, ’em
		case '‚':
			if openCtx {
				push(r, fam, i, w)
			}
		}
		i += w
	}

	if len(stack) > 0 {
		om := stack[0]
		s, e := trimSpaces(text, om.after, p.end)
		body := text[s:e]
		switch {
		case !hasWordRune(body):
			// a dangling opening mark with nothing after it
		case startsWithOpener(text, next, om.fam):
			q := quoteSpan{open: om.pos, outerEnd: p.end, start: s, end: e, fam: om.fam, contNext: true}
			q.contPrev = firstTop && contPrev && om.pos == p.start
			out = append(out, q)
			qs.carryOpen = om.fam
		case len(om.children) > 0:
			// a stray mark that swallowed complete quotes: keep those
			out = append(out, om.children...)
		case om.fam.single():
			// an unpaired single mark is an apostrophe: 'em, rock 'n' roll
		case startsWithPunct(body):
			// a stray mark before punctuation: “he will do more” “. Then …
		default:
			q := quoteSpan{open: om.pos, outerEnd: p.end, start: s, end: e, fam: om.fam}
			q.contPrev = firstTop && contPrev && om.pos == p.start
			out = append(out, q)
		}
	}
	return out
}

// pluralPossessive reports whether the mark at i after a final s, as in
// "‘Jesus’ followers were there’", is an apostrophe: a lower-case word
// follows and the same mark closes the quote further on.
func (qs *quoteScanner) pluralPossessive(i, w int, prev rune, end int) bool {
	if prev != 's' && prev != 'S' {
		return false
	}
	text := qs.text
	j := i + w
	if j >= end || text[j] != ' ' {
		return false
	}
	if nx, _ := utf8.DecodeRuneInString(text[j+1 : end]); !unicode.IsLower(nx) {
		return false
	}
	mark := text[i : i+w]
	limit := min(end, j+400)
	for k := j; k < limit; {
		_, n := utf8.DecodeRuneInString(text[k:limit])
		if text[k:k+n] == mark {
			pr, _ := utf8.DecodeLastRuneInString(text[:k])
			nr := rune(-1)
			if k+n < end {
				nr, _ = utf8.DecodeRuneInString(text[k+n : end])
			}
			if !unicode.IsSpace(pr) && isCloseContext(nr) && !(isAlnumRune(pr) && isAlnumRune(nr)) {
				return true
			}
		}
		k += n
	}
	return false
}

// startsWithOpener reports whether paragraph p begins with a mark that can
// open a quote of family fam.
func startsWithOpener(text string, p textSpan, fam quoteFamily) bool {
	if p.start >= p.end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[p.start:p.end])
	// a ’ opening a paragraph is an elision (’Tis), not a reopened quote
	return markFamily(r) == fam && r != '’'
}

// startsWithPunct reports whether s begins with sentence punctuation.
func startsWithPunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']':
		return true
	}
	return false
}

// hasWordRune reports whether s contains a letter or digit.
func hasWordRune(s string) bool {
	for _, r := range s {
		if isAlnumRune(r) {
			return true
		}
	}
	return false
}

// quoteLead marks the bytes a quotation mark may start with.
var quoteLead = func() (t [256]bool) {
	for _, c := range []byte{'"', '\'', '`', 0xE2, 0xC2} {
		t[c] = true
	}
	return t
}()
