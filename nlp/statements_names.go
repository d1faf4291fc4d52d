package nlp

// matchNames merges runs of capitalised words that no entity or organisation
// covers into tkName tokens, so that "said Donna Brazile" still names its
// speaker when the entity finder does not know her. In place.
func (tz *tokenizer) matchNames(toks []tok) []tok {
	out := toks[:0]
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.kind != tkWord || !t.capital {
			out = append(out, t)
			i++
			continue
		}
		if t.cls.has(wNotName | wGroup) {
			out = append(out, t)
			i++
			continue
		}
		j := i
		var gender byte
		for j < len(toks) && toks[j].kind == tkWord && toks[j].capital {
			h := toks[j].cls.hon
			if h == 0 {
				break
			}
			gender = h - 1
			j++
			if toks[j-1].poss || toks[j-1].cls.has(wPersonalHon) {
				break
			}
		}
		nameStart := j
		for j < len(toks) && (toks[j].kind == tkWord && (j == nameStart || !toks[j-1].poss) || tz.pluralPossessiveOrg(toks, nameStart, j)) {
			if toks[j].kind == tkPunct {
				j++ // the apostrophe of "Builders' Association"
				continue
			}
			c := toks[j].cls
			initial := j > nameStart && toks[j].abbrev && toks[j].end-toks[j].start == 2
			if !(toks[j].capital && (!c.has(wNotName) || initial) || j > nameStart && c.has(wSuffix)) {
				break
			}
			j++
		}
		if j == nameStart {
			out = append(out, toks[i:j]...)
			i = j
			continue
		}
		if j-nameStart == 1 && nameStart == i && j < len(toks) && tz.modifies(toks[j]) {
			// "Small island states said": a capital opening the sentence
			// before a noun is no name
			out = append(out, toks[i:j]...)
			i = j
			continue
		}
		j = tz.orgNameEnd(toks, nameStart, j)
		n := tok{kind: tkName, start: toks[i].start, end: toks[j-1].end, poss: toks[j-1].poss,
			gender: gender, nameStart: toks[nameStart].start}
		n.weak = j-nameStart == 1 && nameStart == i
		out = append(out, n)
		i = j
	}
	return out
}

// pluralPossessiveOrg reports the apostrophe at j of a plural possessive
// inside an organisation's name: "Home Builders' Association".
func (tz *tokenizer) pluralPossessiveOrg(toks []tok, nameStart, j int) bool {
	if j <= nameStart || j+1 >= len(toks) || toks[j].kind != tkPunct {
		return false
	}
	p, a, n := toks[j-1], tz.text[toks[j].start:toks[j].end], toks[j+1]
	return (a == "'" || a == "’") && p.kind == tkWord && p.end == toks[j].start && tz.text[p.end-1] == 's' &&
		n.kind == tkWord && n.capital && n.cls.has(wOrgHead)
}

// nameOf is the display name of a fallback name token: without honorifics
// and a final possessive.
func (tz *tokenizer) nameOf(t tok) string {
	return tz.text[t.nameStart:t.end]
}

// modifies reports a lower-case word that a capitalised word before it would
// modify: not a verb, an auxiliary, a function word or punctuation.
func (tz *tokenizer) modifies(t tok) bool {
	return t.kind == tkWord && !t.capital && t.cls.verb == 0 && !t.cls.has(wAux|wPrep|wConj|wRel|wThat|wDet|wAdjunct|wClauseBreak)
}

// orgNameEnd extends a name that ends with an organisation word across "of",
// "for" or "on" and the capitalised words after it: "Ministry of Commerce",
// "Institute for Fiscal Studies". It returns the new end.
func (tz *tokenizer) orgNameEnd(toks []tok, start, j int) int {
	if j >= len(toks) || !toks[j-1].cls.has(wOrgHead) || toks[j-1].poss {
		return j
	}
	w := tz.lower(toks[j])
	if toks[j].kind != tkWord || w != "of" && w != "for" && w != "on" {
		return j
	}
	k := j + 1
	if k < len(toks) && tz.lower(toks[k]) == "the" {
		k++
	}
	e := k
	for e < len(toks) && e-k < 5 && toks[e].kind == tkWord && toks[e].capital && !toks[e].cls.has(wNotName) {
		e++
		if toks[e-1].poss {
			break
		}
	}
	if e == k {
		return j
	}
	return e
}
