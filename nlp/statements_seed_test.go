package nlp

import (
	"strings"
	"testing"
)

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
			if !used[i] && phenTextMatch(q.Text, s.Quote) {
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
