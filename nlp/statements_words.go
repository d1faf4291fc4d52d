package nlp

// wordClass is everything the attribution rules ask about a word, found with
// one map lookup per word token.
type wordClass struct {
	flags uint32
	verb  int16 // 1 + index into statementIndex.verbList; 0 = not a verb
	pron  byte  // speaker pronoun gender ('m', 'f', 'n', 'p', 'x'); 0 = none
	hon   byte  // honorific: 1 + its gender byte; 0 = none
}

const (
	wAux uint32 = 1 << iota
	wPrep
	wDet
	wConj
	wRel
	wClauseStart
	wNotName
	wGroup
	wPersonalHon
	wSuffix
	wObject
	wAdjunct
	wClauseBreak
	wNounLike
	wThat
	wOrgFirst   // the first word of an organisation's name
	wArticle    // an article or possessive: a verb form after it is a noun
	wPersonNoun // a noun for a person or a body of people ("official", "embassy")
	wOrgHead    // a word that ends an organisation's name ("Ministry", "Institute")
)

func (c wordClass) has(f uint32) bool { return c.flags&f != 0 }

// buildWordClasses merges the word tables of cues.go into one map.
func buildWordClasses(verbs []verbInfo) map[string]wordClass {
	m := map[string]wordClass{}
	add := func(set map[string]bool, f uint32) {
		for w := range set {
			c := m[w]
			c.flags |= f
			m[w] = c
		}
	}
	add(auxWords, wAux)
	add(cuePreps, wPrep)
	add(cueDets, wDet)
	add(conjunctions, wConj)
	add(relativeWords, wRel)
	add(clauseStarters, wClauseStart)
	add(cueNotNames, wNotName)
	add(cueGroupNouns, wGroup)
	add(personalHonorifics, wPersonalHon)
	add(cueNameSuffixes, wSuffix)
	add(objectWords, wObject)
	add(adjunctWords, wAdjunct)
	add(clauseBreakers, wClauseBreak)
	add(nounLike, wNounLike)
	add(map[string]bool{"that": true}, wThat)
	add(personNouns, wPersonNoun)
	add(cueGroupNouns, wPersonNoun)
	for w := range roleHeads {
		c := m[w]
		c.flags |= wPersonNoun
		m[w] = c
	}
	add(wordSet(orgWords...), wOrgHead)
	add(wordSet("a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"), wArticle)
	for w, g := range speakerPronouns {
		c := m[w]
		c.pron = g
		m[w] = c
	}
	for w, g := range cueHonorifics {
		c := m[w]
		c.hon = g + 1
		m[w] = c
	}
	for i, v := range verbs {
		c := m[v.form]
		c.verb = int16(i + 1)
		m[v.form] = c
	}
	return m
}

// wordFilter is a one-hash Bloom filter over the keys of the word table:
// most words of a text are in no table, and the filter rules them out
// without a map lookup. has never misses a word that was added.
type wordFilter [wordFilterBits / 64]uint64

const wordFilterBits = 1 << 13

func wordFilterHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])<<16 ^ uint32(w[n/2])<<8 ^ uint32(w[n-1])
	h ^= uint32(w[(n-1)/3]) << 24
	h *= 0x85EBCA6B
	return h >> (32 - 13)
}

func (f *wordFilter) add(w string) {
	h := wordFilterHash(w)
	f[h/64] |= 1 << (h % 64)
}

func (f *wordFilter) has(w string) bool {
	h := wordFilterHash(w)
	return f[h/64]&(1<<(h%64)) != 0
}
