package main

// Resolving the names given to --leader and --country the way the reader's
// pickers do: aliases, demonyms, no diacritics needed, then fuzzy.

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"

	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// entityMatch is a resolved --leader or --country name.
type entityMatch struct {
	id, name string
	note     string // said on stderr when the match was a guess
}

// entityCandidate is a person or country a name may mean.
type entityCandidate struct {
	id, name string
	keys     []string // name, id, aliases, demonyms, codes (as nameKey)
	weak     []string // a surname alone: used when no full name matches
	articles int      // articles in the store that mention it
}

// resolver matches names the way the reader's pickers do: case and
// diacritics do not matter, aliases and demonyms count, and the store's
// entity index adds the people the gazetteer does not know.
type resolver struct {
	byKind map[string][]entityCandidate
}

func newResolver(ann *nlp.Annotator, st *store.Store) (*resolver, error) {
	var people, countries []entityCandidate
	for _, n := range ann.Names() {
		c := entityCandidate{id: n.ID, name: n.Name, keys: n.Keys}
		if n.Kind == nlp.KindCountry {
			countries = append(countries, c)
			continue
		}
		if n.Surname != "" {
			c.weak = []string{n.Surname}
		}
		people = append(people, c)
	}
	r := &resolver{byKind: map[string][]entityCandidate{}}
	for kind, list := range map[string][]entityCandidate{kindLeader: people, kindCountry: countries} {
		storeKind := store.CountPeople
		if kind == kindCountry {
			storeKind = store.CountCountries
		}
		counts, err := st.EntityCounts(storeKind, store.ArticleQuery{})
		if err != nil {
			return nil, err
		}
		r.byKind[kind] = withCounts(list, counts)
	}
	return r, nil
}

// withCounts adds the store's article counts to the gazetteer candidates,
// and the entities the gazetteer lacks as candidates of their own.
func withCounts(list []entityCandidate, counts []store.EntityCount) []entityCandidate {
	at := make(map[string]int, len(list))
	for i, c := range list {
		at[c.id] = i
	}
	for _, ec := range counts {
		if i, ok := at[ec.ID]; ok {
			list[i].articles = ec.Articles
			continue
		}
		c := entityCandidate{id: ec.ID, name: ec.Name, articles: ec.Articles, keys: keysOf(ec.ID, ec.Name)}
		if words := strings.Fields(ec.Name); len(words) > 1 {
			c.weak = keysOf(words[len(words)-1])
		}
		at[ec.ID] = len(list)
		list = append(list, c)
	}
	return list
}

func keysOf(names ...string) []string {
	var out []string
	for _, n := range names {
		if k := nameKey(n); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// nameKey compares names, as the annotator and the pickers do.
func nameKey(s string) string { return nlp.Fold(s) }

// resolve finds the one entity a --leader or --country name means: a full
// name, id, alias or demonym; then a surname alone; then a fuzzy match
// over the entities the store has seen. Anything else is a usage error
// that lists the close candidates.
func (r *resolver) resolve(kind, input string) (entityMatch, error) {
	flagName := "--" + kind
	key := nameKey(input)
	if key == "" {
		return entityMatch{}, usagef("export: %s %q is not a name", flagName, input)
	}
	cands := r.byKind[kind]
	exact := func(keys func(entityCandidate) []string) []entityCandidate {
		var out []entityCandidate
		for _, c := range cands {
			if slices.Contains(keys(c), key) {
				out = append(out, c)
			}
		}
		return out
	}
	for _, set := range [][]entityCandidate{
		exact(func(c entityCandidate) []string { return c.keys }),
		exact(func(c entityCandidate) []string { return c.weak }),
	} {
		switch {
		case len(set) == 1:
			return entityMatch{id: set[0].id, name: set[0].name}, nil
		case len(set) > 1:
			return entityMatch{}, usagef("export: %s %q is ambiguous: it could be %s", flagName, input, candidateList(set))
		}
	}
	var seen []entityCandidate
	var names []string
	for _, c := range cands {
		if c.articles > 0 {
			seen = append(seen, c)
			names = append(names, nameKey(c.name))
		}
	}
	var fuzzy []entityCandidate
	for _, i := range fuzzyFind(key, names) {
		fuzzy = append(fuzzy, seen[i])
	}
	switch {
	case len(fuzzy) == 1:
		m := entityMatch{id: fuzzy[0].id, name: fuzzy[0].name}
		m.note = fmt.Sprintf("%s %q taken to mean %s", flagName, input, m.name)
		return m, nil
	case len(fuzzy) > 1:
		return entityMatch{}, usagef("export: %s %q is ambiguous: it could be %s", flagName, input, candidateList(fuzzy))
	}
	msg := fmt.Sprintf("export: %s %q matches no known %s", flagName, input, map[string]string{kindLeader: "person", kindCountry: "country"}[kind])
	if close := r.closeTo(kind, key); len(close) > 0 {
		msg += "; did you mean " + candidateList(close) + "?"
	}
	other := map[string]string{kindLeader: kindCountry, kindCountry: kindLeader}[kind]
	for _, c := range r.byKind[other] {
		if slices.Contains(c.keys, key) {
			msg += fmt.Sprintf(" (%s is a %s: use --%s)", c.name, map[string]string{kindLeader: "person", kindCountry: "country"}[other], other)
			break
		}
	}
	return entityMatch{}, usagef("%s", msg)
}

// closeTo lists the candidates with a name, alias or surname within a few
// typing errors of key, nearest first.
func (r *resolver) closeTo(kind, key string) []entityCandidate {
	type scored struct {
		c    entityCandidate
		dist int
	}
	limit := 1 + len([]rune(key))/4
	var found []scored
	for _, c := range r.byKind[kind] {
		best := limit + 1
		for _, k := range append(append([]string(nil), c.keys...), c.weak...) {
			if d := nlp.EditDistance(key, k); d < best {
				best = d
			}
		}
		if best <= limit {
			found = append(found, scored{c, best})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].dist != found[j].dist {
			return found[i].dist < found[j].dist
		}
		return found[i].c.articles > found[j].c.articles
	})
	var out []entityCandidate
	for _, s := range found {
		out = append(out, s.c)
	}
	return out
}

// candidateList names up to six candidates, most mentioned first.
func candidateList(list []entityCandidate) string {
	list = append([]entityCandidate(nil), list...)
	sort.SliceStable(list, func(i, j int) bool { return list[i].articles > list[j].articles })
	var parts []string
	for i, c := range list {
		if i == 6 {
			parts = append(parts, fmt.Sprintf("and %d more", len(list)-i))
			break
		}
		s := fmt.Sprintf("%s (%s", sanitize.Line(c.name), c.id)
		if c.articles > 0 {
			s += fmt.Sprintf(", %d articles", c.articles)
		}
		parts = append(parts, s+")")
	}
	return strings.Join(parts, ", ")
}

// fuzzyFind returns the indexes of data that match pattern as a fuzzy
// subsequence, best first.
func fuzzyFind(pattern string, data []string) []int {
	if pattern == "" {
		return nil
	}
	var out []int
	for _, m := range fuzzy.Find(pattern, data) {
		out = append(out, m.Index)
	}
	return out
}
