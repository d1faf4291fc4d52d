package lexicon

import "testing"

func TestEmbeddedLexiconLoads(t *testing.T) {
	lex, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Verbs) < 100 || len(lex.Titles) < 100 || len(lex.List("not_names")) < 150 {
		t.Errorf("suspiciously small lexicon: %d verbs, %d titles, %d not_names", len(lex.Verbs), len(lex.Titles), len(lex.List("not_names")))
	}
}
