package nlp

import (
	"strings"
	"testing"
	"unicode"
)

// quoteTokens lower-cases s, unifies apostrophes, drops other punctuation
// and returns its set of words, as the project's scorer does.
func quoteTokens(s string) map[string]bool {
	s = strings.NewReplacer("’", "", "‘", "", "'", "").Replace(strings.ToLower(s))
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' }) {
		out[w] = true
	}
	return out
}

// quotesMatch: Jaccard >= 0.6, or the shorter has 90% of its words in the
// longer and is at least half its length.
func quotesMatch(a, b string) bool {
	ta, tb := quoteTokens(a), quoteTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	inter := 0
	for w := range ta {
		if tb[w] {
			inter++
		}
	}
	union := len(ta) + len(tb) - inter
	if float64(inter)/float64(union) >= 0.6 {
		return true
	}
	lo, hi := min(len(ta), len(tb)), max(len(ta), len(tb))
	return float64(inter)/float64(lo) >= 0.9 && float64(lo)/float64(hi) >= 0.5
}

func lastWord(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,")
}

// TestSeedStatementsAcceptance holds the acceptance figures for
// the seed article: every required quote found, precision >= 0.95 and
// attribution >= 0.94.
func TestSeedStatementsAcceptance(t *testing.T) {
	raw, gold := loadSeed(t)
	doc := Annotate(raw)
	used := make([]bool, len(gold.Quotes))
	found := map[int]Statement{}
	direct, matched := 0, 0
	for _, s := range doc.Statements {
		if s.Kind != KindDirect {
			continue
		}
		direct++
		for i, q := range gold.Quotes {
			if !used[i] && quotesMatch(q.Text, s.Quote) {
				used[i], found[i] = true, s
				matched++
				break
			}
		}
	}
	required, hit, right := 0, 0, 0
	for i, q := range gold.Quotes {
		if q.Required != nil && !*q.Required {
			continue
		}
		required++
		s, ok := found[i]
		if !ok {
			t.Errorf("required quote not found: %q", q.Text)
			continue
		}
		hit++
		got := ""
		if s.Speaker != nil {
			got = s.Speaker.Name
		}
		ok = false
		for _, want := range append([]string{q.Speaker}, q.Alt...) {
			ok = ok || lastWord(want) == lastWord(got) && got != ""
		}
		if ok {
			right++
		} else {
			t.Logf("speaker of %.50q: %q, want %q", q.Text, got, q.Speaker)
		}
	}
	precision := float64(matched) / float64(max(direct, 1))
	attrib := float64(right) / float64(max(hit, 1))
	t.Logf("quoteP %.3f quoteR %d/%d attrib %.3f", precision, hit, required, attrib)
	if hit != required || precision < 0.95 || attrib < 0.94 {
		t.Errorf("quoteP %.3f, quoteR %d/%d, attrib %.3f: want 0.95, all, 0.94", precision, hit, required, attrib)
	}
}
