package nlp

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// scoreNorm mirrors the scorer's name normalisation: lower case, no
// punctuation, no diacritics, single spaces.
func scoreNorm(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// sameName is the scorer's rule: equal names or equal last words.
func sameName(a, b string) bool {
	a, b = scoreNorm(a), scoreNorm(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	return fa[len(fa)-1] == fb[len(fb)-1]
}

func TestSeedArticle(t *testing.T) {
	raw, gold := loadSeed(t)
	doc := Annotate(raw)

	predPeople := map[string]bool{}
	predCountries := map[string]bool{}
	for _, e := range doc.Entities {
		if e.Kind == KindPerson {
			predPeople[e.Name] = true
		} else {
			predCountries[scoreNorm(e.Name)] = true
		}
	}
	for _, g := range gold.People {
		found := false
		for p := range predPeople {
			found = found || sameName(g.Name, p)
		}
		if !found {
			t.Errorf("person %q not found", g.Name)
		}
	}
	for p := range predPeople {
		found := false
		for _, g := range gold.People {
			found = found || sameName(g.Name, p)
		}
		if !found {
			t.Errorf("person %q found but not in the article's gold", p)
		}
	}
	goldCountries := map[string]bool{}
	for _, c := range gold.Countries {
		goldCountries[scoreNorm(c)] = true
		if !predCountries[scoreNorm(c)] {
			t.Errorf("country %q not found", c)
		}
	}
	for c := range predCountries {
		if !goldCountries[c] {
			t.Errorf("country %q found but not in the article's gold", c)
		}
	}

	for _, g := range gold.People {
		id := ""
		for _, e := range doc.Entities {
			if e.Kind == KindPerson && sameName(g.Name, e.Name) {
				id = e.ID
				if e.Leader != g.Leader {
					t.Errorf("%s: leader = %v, want %v", g.Name, e.Leader, g.Leader)
				}
			}
		}
		for _, form := range g.Mentions {
			checkMention(t, doc, form, id)
		}
	}
}

// checkMention asserts that every occurrence of form in the text is a
// person span resolving to id: exactly; or inside a longer mention of the
// same person ("Mark Rutte" in "NATO Secretary General Mark Rutte"); or,
// for titles that carry a country ("French President Emmanuel Macron",
// "US President"), a country span for the country word followed by the
// person span that ends where form ends (see the design note on
// findEntities).
func checkMention(t *testing.T, doc Doc, form, id string) {
	t.Helper()
	n := 0
	for from := 0; ; {
		k := strings.Index(doc.Text[from:], form)
		if k < 0 {
			break
		}
		a := from + k
		b := a + len(form)
		from = b
		n++
		if !mentionCovered(doc, a, b, id) {
			t.Errorf("mention %q at %d is not a span of %s; spans there: %v", form, a, id, spansAround(doc, a, b))
		}
	}
	if n == 0 {
		t.Errorf("mention %q does not occur in the text", form)
	}
}

func mentionCovered(doc Doc, a, b int, id string) bool {
	for i, e := range doc.Entities {
		if e.Kind != KindPerson || e.ID != id {
			continue
		}
		if e.Start <= a && b <= e.End {
			return true
		}
		if e.End == b && e.Start > a {
			// what lies before the person span must be "the " or country spans
			pos := a
			if rest := doc.Text[a:e.Start]; strings.HasPrefix(strings.ToLower(rest), "the ") {
				pos += 4
			}
			for j := 0; j < i && pos < e.Start; j++ {
				c := doc.Entities[j]
				if c.Kind == KindCountry && c.Start == pos {
					pos = c.End
					for pos < e.Start && doc.Text[pos] == ' ' {
						pos++
					}
				}
			}
			if pos == e.Start {
				return true
			}
		}
	}
	return false
}

func spansAround(doc Doc, a, b int) []string {
	var out []string
	for _, e := range doc.Entities {
		if e.End > a-20 && e.Start < b+20 {
			out = append(out, e.Kind+":"+e.ID+":"+e.Text)
		}
	}
	return out
}
