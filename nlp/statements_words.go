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

// buildWordClasses merges the word tables of the lexicon into one map.
func buildWordClasses(voc *vocab, verbs []verbInfo) map[string]wordClass {
	lex := voc.lex
	m := map[string]wordClass{}
	add := func(words []string, f uint32) {
		for _, w := range words {
			c := m[w]
			c.flags |= f
			m[w] = c
		}
	}
	add(lex.List("aux_words"), wAux)
	add(lex.List("object_markers"), wPrep)
	add(lex.List("determiners"), wDet)
	add(lex.List("conjunctions"), wConj)
	add(lex.List("relative_words"), wRel)
	add(lex.List("clause_starters"), wClauseStart)
	add(lex.List("not_names"), wNotName)
	add(lex.List("group_nouns"), wGroup|wPersonNoun)
	add(lex.List("name_suffixes"), wSuffix)
	add(lex.List("object_words"), wObject)
	add(lex.List("adjunct_words"), wAdjunct)
	add(lex.List("clause_breakers"), wClauseBreak)
	add([]string{"that"}, wThat)
	add(lex.List("person_nouns"), wPersonNoun)
	for w := range voc.roleHeads {
		c := m[w]
		c.flags |= wPersonNoun
		m[w] = c
	}
	add(lex.List("org_suffixes"), wOrgHead)
	add(lex.List("articles"), wArticle)
	for _, v := range lex.Verbs {
		add(v.NounForms, wNounLike)
	}
	for _, p := range lex.Pronouns {
		c := m[p.Word]
		c.pron = p.Gender[0]
		m[p.Word] = c
	}
	hon := func(w, gender string, personal bool) {
		c := m[w]
		c.hon = 1
		if gender != "" {
			c.hon += gender[0]
		}
		if personal {
			c.flags |= wPersonalHon
		}
		m[w] = c
	}
	for _, h := range lex.Honorifics {
		if h.Has("opens-name") {
			hon(h.Word, h.Gender, h.Has("personal"))
		} else if h.Has("personal") {
			add([]string{h.Word}, wPersonalHon)
		}
	}
	for _, t := range lex.Titles {
		if t.Has("opens-name") {
			hon(t.Phrase, t.Gender, false)
		}
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
