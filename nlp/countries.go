package nlp

// countryOrPlace reads a country name, alias, demonym or acting capital at
// token i, or consumes a place or organisation name so that its words are
// not taken for people.
func (s *scanner) countryOrPlace(i int) (int, bool) {
	p, e := s.matchPhrase(i, kindsNonPerson)
	if p == nil {
		return i, false
	}
	if p.kind == pkCountry || p.kind == pkDemonym {
		if s.inCompound(i, e) {
			return e, true // "Petro-Canada": part of a company's name
		}
	}
	switch p.kind {
	case pkCountry:
		if s.usTown(e) || p.id == "georgia" && s.georgiaIsUSState(i) {
			return e, true // "Lebanon, Tenn.", "Atlanta, Georgia"
		}
	case pkCapital:
		if !s.capitalActs(i, e) {
			return e, true
		}
	case pkDemonym:
		if s.isLanguage(i, e) {
			return e, true
		}
	default:
		return e, true
	}
	m := raw{kind: rkCountry, country: p.id, start: int(s.toks[i].start), end: int(s.toks[e-1].end), leader: -1}
	if e == i+1 && s.lexAt(i).flags&lexCountryGiven != 0 {
		// "Jordan" may yet be the surname of someone the article names
		m.keys = []string{s.keyAt(i)}
	}
	s.out = append(s.out, m)
	return e, true
}

// usTown reports a US state after a comma at token e: "Lebanon, Tenn.",
// "Mexico, Mo." name towns.
func (s *scanner) usTown(e int) bool {
	if e >= len(s.toks) || !s.toks[e].is(tComma) || !s.toks[e].capitalised() || !s.x.voc.usStates[s.keyAt(e)] {
		return false
	}
	return e+1 >= len(s.toks) || !s.toks[e+1].joined() || !s.toks[e+1].capitalised()
}

// inCompound reports a country or demonym hyphenated to a capitalised word
// that is no country of its own: "Petro-Canada", "Air-India" are companies,
// while "Russia-Ukraine" and "Franco-German" keep their countries.
func (s *scanner) inCompound(i, e int) bool {
	other := -1
	switch {
	case i > 0 && s.toks[i].is(tHyph) && s.toks[i-1].capitalised():
		other = i - 1
	case e < len(s.toks) && s.toks[e].is(tHyph) && s.toks[e].capitalised():
		other = e
	}
	if other < 0 {
		return false
	}
	p, _ := s.matchPhrase(other, kindBit(pkCountry)|kindBit(pkDemonym)|kindBit(pkCapital))
	return p == nil && !s.x.voc.combiningForms[s.keyAt(other)]
}

// isLanguage reports a demonym used as a language name: "Spanish-speaking
// voters", "she answered in French." — not "French troops".
func (s *scanner) isLanguage(i, e int) bool {
	if e < len(s.toks) {
		next := &s.toks[e]
		if next.joined() && s.x.voc.languageWords[s.key(next)] {
			return true
		}
	}
	if i > 0 && s.x.voc.languageBefore[s.keyAt(i-1)] {
		return e >= len(s.toks) || !s.toks[e].joined() || s.toks[e].is(tCap) && !s.toks[e].is(tHyph)
	}
	return false
}

// capitalActs reports whether the capital at tokens [i, e) stands for its
// country: "Moscow said", "Kyiv has rejected", "Beijing's position", but not
// "talks in Moscow" or "George Washington".
func (s *scanner) capitalActs(i, e int) bool {
	if i > 0 && s.toks[i].joined() && s.toks[i-1].capitalised() {
		return false
	}
	if i > 0 && s.x.voc.placePrepositions[s.keyAt(i-1)] {
		return false
	}
	if s.toks[e-1].is(tPoss) {
		return true
	}
	if e >= len(s.toks) {
		return false
	}
	next := &s.toks[e]
	return next.is(tJoin) && s.lex(next).has(lexCapitalAct)
}

// georgiaIsUSState tells the US state from the country: "Atlanta, Georgia",
// "the state of Georgia", "Georgia's governor", or an article that mentions
// Atlanta or Savannah and not Tbilisi.
func (s *scanner) georgiaIsUSState(i int) bool {
	t := &s.toks[i]
	if i >= 2 && s.keyAt(i-1) == "of" && s.keyAt(i-2) == "state" {
		return true
	}
	if i >= 1 && t.is(tComma) && s.toks[i-1].capitalised() {
		if p, _ := s.matchPhrase(i-1, kindsNonPerson); p == nil || p.kind == pkPlace {
			return true
		}
	}
	for k := i - 3; k <= i+3; k++ {
		if k >= 0 && k < len(s.toks) && k != i && s.x.voc.georgiaStateWords[s.keyAt(k)] {
			return true
		}
	}
	if !s.georgiaChecked {
		s.georgiaChecked = true
		state, country := false, false
		for k := range s.toks {
			switch s.x.voc.georgiaHints[s.keyAt(k)] {
			case georgiaStateHint:
				state = true
			case georgiaCountryHint:
				country = true
			}
			if country {
				break // a sign of the country settles it
			}
		}
		s.georgiaIsState = state && !country
	}
	return s.georgiaIsState
}
