package nlp

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"
)

// sentenceEnds splits every paragraph of text into sentences as the
// statement side does and returns the offsets of the punctuation that ends
// each sentence followed by another in its paragraph, with the stream
// breaks that lie inside the paragraphs' narrative (not within a quote
// other than at its last punctuation, and not after its last token), and
// the stream's tokens.
func sentenceEnds(t *testing.T, a *Annotator, text string) (statement, stream []int, ts tokenStream) {
	t.Helper()
	ents := a.findEntities(text)
	ts = a.idx.tokenize(text, new(tokenBuffers))
	sc := new(stmtScratch)
	paras := splitParagraphs(text)
	quotes, paraQ := findQuotes(text, paras)
	r := newResolver(text, ts, ents, a.stm, quotes, sc)
	for pi, p := range paras {
		q0, q1 := paraQ[pi], paraQ[pi+1]
		for r.ei < len(r.ents) && r.ents[r.ei].Start < p.start {
			r.ei++
		}
		toks := r.tz.tokenize(nil, p, quotes[q0:q1], q0, r.ents, r.ei)
		toks = r.tz.matchOrgs(toks)
		toks = r.tz.matchNames(toks)
		for s := 0; s < len(toks); {
			e := r.sentenceEnd(toks, s)
			if e <= s {
				t.Fatalf("sentenceEnd(%d) = %d", s, e)
			}
			if e < len(toks) {
				last := toks[e-1]
				off := last.start
				if last.kind == tkQuote {
					off = ts.breakIn(quotes[last.ref].start, last.end)
				}
				statement = append(statement, off)
			}
			s = e
		}
		if len(toks) == 0 {
			continue
		}
		lastTok := toks[len(toks)-1]
	breaks:
		for _, b := range ts.breaks {
			off := int(b)
			if off < p.start || off >= lastTok.start {
				continue
			}
			for _, q := range quotes[q0:q1] {
				_, size := utf8.DecodeLastRuneInString(text[q.start:q.end])
				if off >= q.open && off < q.end-size {
					continue breaks // within a quote, before its last punctuation
				}
			}
			stream = append(stream, off)
		}
	}
	return statement, stream, ts
}

// TestSentenceBoundariesShared checks on the fixtures that the statement
// side ends its sentences exactly where the token stream found a sentence
// to end, and that the entity side reads a capital after each of those
// breaks as carrying no name information.
func TestSentenceBoundariesShared(t *testing.T) {
	a := Default()
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("only %d fixtures", len(files))
	}
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := Normalize(string(b))
		statement, stream, ts := sentenceEnds(t, a, text)
		total += len(statement)
		for _, off := range statement {
			if !slices.Contains(stream, off) {
				t.Errorf("%s: the statement side ends a sentence at %d (%q) where the stream does not", f, off, text[max(0, off-30):off+1])
			}
		}
		for _, off := range stream {
			if !slices.Contains(statement, off) {
				t.Errorf("%s: the stream ends a sentence at %d (%q) where the statement side does not", f, off, text[max(0, off-30):off+1])
			}
		}
		for _, b := range ts.breaks {
			k, _ := slices.BinarySearchFunc(ts.toks, b, func(t token, off int32) int { return int(t.start - off) })
			if k < len(ts.toks) && !ts.toks[k].is(tSentStart) {
				t.Errorf("%s: the word after the sentence end at %d is not marked as a sentence start", f, b)
			}
		}
	}
	if total < 100 {
		t.Errorf("only %d sentence ends in the fixtures", total)
	}
}

// TestSentenceBreakCases checks the one sentence decision on the phenomena
// its rules are for: what it ends and what it keeps whole, as the entity
// side (a sentence start) and the statement side (a split) read it.
func TestSentenceBreakCases(t *testing.T) {
	a := Default()
	cases := []struct {
		name, text, next string // next: the word that follows the place in question
		ends             bool
	}{
		{"a plain period", "The talks ended. Officials left.", "Officials", true},
		{"a question", "Will they sign? Nobody knows.", "Nobody", true},
		{"a title's period", "They met Sen. Warren on Monday.", "Warren", false},
		{"an initial", "It was signed by John F. Kennedy himself.", "Kennedy", false},
		{"a month", "The vote is on Oct. 3 this year.", "3", false},
		{"a time", "It began at 9 a.m. Police said so.", "Police", false},
		{"a party and state", "said Tammy Baldwin (D-Wis.) on Monday.", "on", false},
		{"a state before a comma", "said Rand Paul, R-Ky., in a statement.", "in", false},
		{"a lower-case word", "It costs 5 p.c. more than last year.", "more", false},
		{"a number", "The bill passed. 52 senators voted for it.", "52", true},
		{"a decimal point", "Apple holds $214.9 billion offshore.", "9", false},
		{"a shouted dateline", "It rained. REUTERS reported it.", "REUTERS", false},
		{"a quote that ends", "“We will win.” Officials cheered.", "Officials", true},
		{"a quote and its cue", "“We will win.” he said.", "he", false},
		{"a quote before a comma", "“We will win,” he said.", "he", false},
		{"a quote before a dash", "“We will win.” — Ann Lee, a voter.", "Ann", false},
		{"an acronym closing a quote", "“It is the U.S.” Officials agreed.", "Officials", true},
		{"an ellipsis before a capital", "We waited … Then it rained.", "Then", true},
		{"an ellipsis before a word", "We waited … and then it rained.", "and", false},
		{"a bracket after a period", "It ended. (Photo by Ann Lee.) Then rain.", "Photo", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := a.idx.tokenize(c.text, new(tokenBuffers))
			k := -1
			for i := range ts.toks {
				if c.text[ts.toks[i].start:ts.toks[i].end] == c.next {
					k = i
					break
				}
			}
			if k <= 0 {
				t.Fatalf("no word %q", c.next)
			}
			from, to := int(ts.toks[k-1].end), int(ts.toks[k].start)
			// from-1: a dotted acronym's own period may end the sentence
			if got := ts.breakIn(from-1, to) >= 0; got != c.ends {
				t.Errorf("a sentence ends before %q: %v, want %v", c.next, got, c.ends)
			}
			if c.ends && !ts.toks[k].is(tSentStart) {
				t.Errorf("%q is not marked as a sentence start", c.next)
			}
			statement, _, _ := sentenceEnds(t, a, c.text)
			split := false
			for _, off := range statement {
				split = split || off >= from-1 && off < to
			}
			if split != c.ends {
				t.Errorf("the statement side splits before %q: %v, want %v", c.next, split, c.ends)
			}
		})
	}
}
