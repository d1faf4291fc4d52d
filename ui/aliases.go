package ui

import (
	"strings"
	"sync"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// The pickers also find an entity by the other names the gazetteer knows:
// "Bibi" finds Benjamin Netanyahu, "UK" or "British" the United Kingdom.

var (
	aliasOnce sync.Once
	aliasByID map[string][]string // entity id -> folded other names
)

// entityAliases returns the folded aliases of an entity id.
func entityAliases(id string) []string {
	aliasOnce.Do(func() {
		aliasByID = map[string][]string{}
		g, err := gazetteer.Load()
		if err != nil {
			return // no aliases: names still match
		}
		add := func(id string, names ...string) {
			for _, n := range names {
				if f := foldName(strings.TrimSpace(n)); f != "" {
					aliasByID[id] = append(aliasByID[id], f)
				}
			}
		}
		for _, l := range g.Leaders {
			add(l.ID, l.Aliases...)
		}
		for _, c := range g.Countries {
			add(c.ID, append(append([]string{c.ISO2, c.ISO3}, c.Aliases...), c.Demonyms...)...)
		}
	})
	return aliasByID[id]
}

// aliasMatch returns the first alias of id that contains pattern.
func aliasMatch(id, pattern string) (string, bool) {
	for _, a := range entityAliases(id) {
		if strings.Contains(a, pattern) {
			return a, true
		}
	}
	return "", false
}
