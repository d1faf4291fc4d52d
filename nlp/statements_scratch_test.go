package nlp

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unsafe"
)

// Every word of the statement tables passes the filter that guards lookups.
func TestWordFilterKeepsEveryWord(t *testing.T) {
	ix := Default().stm
	for w := range ix.words {
		if !ix.maybe.has(w) {
			t.Errorf("filter rules out table word %q", w)
		}
	}
	var f wordFilter
	for _, w := range []string{"said", "x", "", "according"} {
		f.add(w)
		if !f.has(w) {
			t.Errorf("filter lost %q", w)
		}
	}
}

// Pooled buffers reused by later calls never change an earlier result: the
// statements and cues returned must not alias the scratch.
func TestStatementScratchReuse(t *testing.T) {
	texts := []string{
		"“We will fight,” she said. Angela Merkel told reporters the plan was sound.",
		"SPEAKER TWO SAID nothing. “No comment,” the Kremlin said in a statement.\n\n“Never,” Emmanuel Macron insisted.",
		"Officials said the talks would resume. “It is over,” Trump told Fox News.",
		"Talks stalled on Monday. “It is over,” Jane Doe mused.",
	}
	a := Default()
	// grow the pooled buffers first, so later calls write over the same memory
	a.Annotate(strings.Repeat(texts[1]+"\n\n", 20))
	docs := make([]Doc, len(texts))
	want := make([]string, len(texts))
	for i, s := range texts {
		docs[i] = a.Annotate(s)
		want[i] = fmt.Sprintf("%+v", docs[i].Statements) // a deep copy of the strings
	}
	for _, s := range texts {
		a.Annotate(strings.Repeat("Zz ", len(s)))
	}
	for i := range texts {
		if got := fmt.Sprintf("%+v", docs[i].Statements); got != want[i] {
			t.Errorf("text %d: result changed after later calls reused the buffers:\n got %s\nwant %s", i, got, want[i])
		}
		if len(docs[i].Statements) == 0 {
			t.Errorf("text %d: no statements", i)
		}
	}
}

// Cues may be slices of the pooled lower-case text: cue must return a copy
// that survives the buffer's reuse, both for table words and unknown ones.
func TestCueOutlivesScratch(t *testing.T) {
	ix := Default().stm
	for _, w := range []string{"said", "mused", "according to"} {
		buf := []byte(w)
		got := ix.cue(unsafe.String(unsafe.SliceData(buf), len(buf)))
		for i := range buf {
			buf[i] = 'z'
		}
		if got != w {
			t.Errorf("cue(%q) = %q after the buffer was reused", w, got)
		}
	}
}

// TestLowerIntoLowersASCIICapitalsOnly checks the word-at-a-time lowering
// against the byte-at-a-time one on random bytes of every value, so offsets
// and non-ASCII bytes stay as they are.
func TestLowerIntoLowersASCIICapitalsOnly(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.Intn(40))
		for i := range b {
			b[i] = byte(rng.Intn(256))
		}
		s := string(b)
		if got, _ := lowerInto(nil, s); got != asciiLower(s) {
			t.Fatalf("lowerInto(%q) = %q, want %q", s, got, asciiLower(s))
		}
	}
}
