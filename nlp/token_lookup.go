package nlp

// One lookup per token serves both halves of the package: the tokenizer
// finds a word's entry for the entity tables and, for a word of plain ASCII
// letters and digits, its statement word class, which the statement side
// then reads from the token instead of looking the word up again.

// vocabEntry is what the tables know of one folded key.
type vocabEntry struct {
	lex   int32  // index.entries id for a capitalised token, 0 for none
	lower int32  // the id for a lower-case token: only the words lowerLex keeps
	cls   uint16 // index.classes id of the statement word class, 0 for none
}

// buildLookups joins the entity lexicon and the statement word classes words
// (keyed by their lower-case spelling) into x.lookups.
func (x *index) buildLookups(words map[string]wordClass) {
	x.lookups = make(map[string]vocabEntry, len(x.lex)+len(words))
	x.lowerSeen = [len(x.lowerSeen)]uint64{}
	for k, e := range x.lex {
		v := vocabEntry{lex: e.id}
		if x.lowerLex[k] != nil {
			v.lower = e.id
			x.markLower(k)
		}
		x.lookups[k] = v
	}
	x.classes = []wordClass{{}}
	ids := map[wordClass]uint16{{}: 0}
	for w, c := range words {
		if !isPlainKey(w) {
			continue // only plain words are looked up by their key
		}
		id, ok := ids[c]
		if !ok {
			id = uint16(len(x.classes))
			ids[c] = id
			x.classes = append(x.classes, c)
		}
		v := x.lookups[w]
		v.cls = id
		x.lookups[w] = v
		x.markLower(w)
	}
}

func (x *index) markLower(k string) {
	h := lowerHash(len(k), k[0], k[len(k)-1])
	x.lowerSeen[h/64] |= 1 << (h % 64)
}

// isPlainKey reports whether w holds only lower-case ASCII letters and
// digits: the key of a plain token, equal to its ASCII lower-case text.
func isPlainKey(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// lookup returns what the tables know of a token's folded key; lower says
// the token has no capital letter.
func (x *index) lookup(key []byte, lower bool) vocabEntry {
	if len(key) == 0 {
		return vocabEntry{}
	}
	if lower {
		h := lowerHash(len(key), key[0], key[len(key)-1])
		if x.lowerSeen[h/64]&(1<<(h%64)) == 0 {
			return vocabEntry{}
		}
	}
	return x.lookups[string(key)]
}
