package nlp

import (
	"slices"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// This file is the one name lookup of herald: the annotator, the command
// line's --leader and --country, and the reader's pickers all compare names
// through Fold and EditDistance over the same merged gazetteer, so that an
// alias from the config works everywhere.

// Fold is the key names are compared by: lower case, no diacritics, no
// apostrophes, punctuation and spacing folded to single dashes ("Erdoğan" =
// "erdogan", "U.K." = "u-k").
func Fold(name string) string { return gazetteer.Slug(name) }

// EditDistance is the number of single-rune insertions, deletions,
// substitutions and swaps of neighbours that turn a into b.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	return editDistance(ra, rb, max(len(ra), len(rb)))
}

// Name is a person or country the annotator knows, with every name it goes
// by.
type Name struct {
	ID, Name string
	Kind     string   // KindPerson or KindCountry
	Leader   bool     // a person who leads
	Keys     []string // Fold of the name, id, aliases, demonyms and codes
	Surname  string   // Fold of a person's surname, which names them only when no full name matches
}

// Names lists the people and countries of the annotator's merged gazetteer
// (the embedded one and the config's [nlp] additions).
func (a *Annotator) Names() []Name {
	a.namesOnce.Do(func() {
		for _, l := range a.gaz.Leaders {
			n := Name{ID: l.ID, Name: l.Name, Kind: KindPerson, Leader: !l.NotLeader, Surname: Fold(l.Surname)}
			n.Keys = foldAll(append([]string{l.ID, l.Name, l.Given + " " + l.Surname}, l.Aliases...))
			a.names = append(a.names, n)
		}
		for _, c := range a.gaz.Countries {
			n := Name{ID: c.ID, Name: c.Name, Kind: KindCountry}
			n.Keys = foldAll(append(append([]string{c.ID, c.Name, c.ISO2, c.ISO3}, c.Aliases...), c.Demonyms...))
			a.names = append(a.names, n)
		}
		a.nameAt = make(map[string]int, len(a.names))
		for i, n := range a.names {
			a.nameAt[n.ID] = i
		}
	})
	return a.names
}

// Aliases returns the folded names entity id goes by, its own name included;
// nil for an id the gazetteer does not know.
func (a *Annotator) Aliases(id string) []string {
	names := a.Names()
	if i, ok := a.nameAt[id]; ok {
		return names[i].Keys
	}
	return nil
}

func foldAll(names []string) []string {
	var out []string
	for _, n := range names {
		if k := Fold(n); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// Gazetteer is the merged gazetteer the annotator reads: the embedded one
// and the config's additions. It is shared: callers must not change it.
func (a *Annotator) Gazetteer() *gazetteer.Data { return a.gaz }
