package nlp

import (
	"slices"
	"testing"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// A name added in the config reaches every lookup through Names and Aliases.
func TestLookupHasTheConfigAliases(t *testing.T) {
	base, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(base.Leaders, func(l gazetteer.Leader) bool { return l.ID == "keir-starmer" })
	if i < 0 {
		t.Fatal("keir-starmer not in the gazetteer")
	}
	l := base.Leaders[i]
	l.Aliases = []string{"Starmerino"}
	a, err := New(Options{Extra: gazetteer.Data{Leaders: []gazetteer.Leader{l}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Aliases("keir-starmer"); !slices.Contains(got, Fold("Starmerino")) || !slices.Contains(got, Fold("Keir Starmer")) {
		t.Errorf("Aliases(keir-starmer) = %q, want the config's alias and the name", got)
	}
	if got := Default().Aliases("united-kingdom"); !slices.Contains(got, "british") || !slices.Contains(got, "uk") {
		t.Errorf("Aliases(united-kingdom) = %q, want demonyms and codes", got)
	}
	if a.Aliases("no-such-id") != nil {
		t.Error("an unknown id has aliases")
	}
}

func TestFoldAndEditDistance(t *testing.T) {
	if Fold("Erdoğan") != Fold("erdogan") || Fold("U.K.") != "u-k" {
		t.Errorf("Fold: %q %q %q", Fold("Erdoğan"), Fold("erdogan"), Fold("U.K."))
	}
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"zelensky", "zelenskyy", 1}, {"starmer", "stramer", 1}, {"macron", "macron", 0}, {"abc", "", 3}} {
		if got := EditDistance(tt.a, tt.b); got != tt.d {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}
