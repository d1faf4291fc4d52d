package nlp

import "testing"

// FuzzStatements checks that statement finding never panics and that its
// output always holds: spans inside the text on rune boundaries, Quote equal
// to its span, and direct statements never overlapping.
func FuzzStatements(f *testing.F) {
	for _, s := range []string{
		"“We will fight,” she said, “and we will win.”",
		"He said: \"First.\n\"Second.\n\"Third.\"",
		"Rutte said “do more” “.\nNext.",
		"„Wir handeln“, sagte Merz. »Jetzt«",
		"« Oui », a dit Macron. ‹ non ›",
		"''Typewriter,'' he said. ``TeX''",
		"The ’90s, Jesus’ followers, don’t, 'em, 6'2\"",
		"\"\"\"''''“”“”‘’‘’«»«»",
		"“Unclosed at the end",
		"X said that\n\n, said\n“",
	} {
		f.Add(s)
	}
	a := Default()
	f.Fuzz(func(t *testing.T, in string) {
		text := Normalize(in)
		ents := a.findEntities(text)
		sts := a.findStatements(text, ents)
		checkStatementInvariants(t, text, sts)
	})
}
