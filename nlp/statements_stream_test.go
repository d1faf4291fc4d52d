package nlp

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// streamAndText tokenises every paragraph of text twice for the statement
// side: from the token stream, and from the text alone (an empty stream, so
// every word is read by scanWord as before the stream existed). It returns
// the first paragraph where they differ, or "".
func streamAndText(a *Annotator, text string) string {
	text = Normalize(text)
	ents := a.findEntities(text)
	buf := new(tokenBuffers)
	ts := a.idx.tokenize(text, buf)
	paras := splitParagraphs(text)
	quotes, paraQ := findQuotes(text, paras)
	low := asciiLower(text)
	fromStream := tokenizer{text: text, low: low, idx: a.stm, ts: ts}
	fromText := tokenizer{text: text, low: low, idx: a.stm, ts: tokenStream{entries: ts.entries, classes: ts.classes}}
	ei := 0
	for pi, p := range paras {
		for ei < len(ents) && ents[ei].Start < p.start {
			ei++
		}
		q0, q1 := paraQ[pi], paraQ[pi+1]
		got := fromStream.tokenize(nil, p, quotes[q0:q1], q0, ents, ei)
		want := fromText.tokenize(nil, p, quotes[q0:q1], q0, ents, ei)
		if !reflect.DeepEqual(got, want) {
			return text[p.start:p.end]
		}
	}
	return ""
}

// TestStatementWordsFromTheStream checks that the statement words built from
// the token stream are the words read from the text, on the fixtures and on
// random runs of the pieces where the two readings could part: hyphens,
// apostrophes, possessives, inner and final periods, ampersands, combining
// marks and quotation marks.
func TestStatementWordsFromTheStream(t *testing.T) {
	a := Default()
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if p := streamAndText(a, string(b)); p != "" {
			t.Errorf("%s: the stream's words differ from the text's in %q", f, p)
		}
	}
	pieces := []string{"U.S.", "U.S.-led", "U.S.A", "AT&T", "a.m.", "Ph.D.", "Trump’s", "Trump’s-era", "voters’",
		"rock’n’roll", "’90s", "O’Brien", "Zelensky‘s", "Trumpʼs", "Mr.", "Sen.", "Biden", "Putin", "Russia-Ukraine",
		"said", " ", "\n", "\n\n", "“", "”", "‘", "’", "\"", "'", ",", ".", "-", "—", "é", "Erdoğan", "e\u0301",
		"\u0301x", "Guinea-Bissau", "3M", "x-3", "Inc.", "e.g.", "Yahoo.com", "S&P", "(D-Wis.)", "the", "president",
		"He", "told", "France's", "Macron", "'s", "’s", "s’", "Jr.", "J.", "Rowling", "NATO", "LOS ANGELES"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for range 3 + rng.Intn(25) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		if p := streamAndText(a, b.String()); p != "" {
			t.Fatalf("the stream's words differ from the text's in %q", p)
		}
	}
}
