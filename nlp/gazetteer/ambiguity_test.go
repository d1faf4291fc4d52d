package gazetteer

import "testing"

// TestCountryFormsAreUnambiguous checks that no name, alias or demonym,
// compared case- and diacritic-insensitively, belongs to two countries.
func TestCountryFormsAreUnambiguous(t *testing.T) {
	d := mustLoad(t)
	owner := map[string]string{}
	for _, c := range d.Countries {
		forms := append([]string{c.Name}, c.Aliases...)
		forms = append(forms, c.Demonyms...)
		for _, f := range forms {
			key := Slug(f)
			if key == "" {
				t.Errorf("country %q: form %q has an empty key", c.ID, f)
				continue
			}
			if other, ok := owner[key]; ok && other != c.ID {
				t.Errorf("%q belongs to both %q and %q", f, other, c.ID)
			}
			owner[key] = c.ID
		}
	}
}

// sharedLeaderForms are names two gazetteer people really share.
var sharedLeaderForms = map[string]bool{}

// TestLeaderFormsAreUnambiguous checks that no full name or alias names two
// people, and that no person's alias is also a country form.
func TestLeaderFormsAreUnambiguous(t *testing.T) {
	d := mustLoad(t)
	country := map[string]string{}
	for _, c := range d.Countries {
		for _, f := range append(append([]string{c.Name}, c.Aliases...), c.Demonyms...) {
			country[Slug(f)] = c.ID
		}
	}
	owner := map[string]string{}
	for _, l := range d.Leaders {
		for _, f := range append([]string{l.Name}, l.Aliases...) {
			key := Slug(f)
			if other, ok := owner[key]; ok && other != l.ID && !sharedLeaderForms[key] {
				t.Errorf("%q names both %q and %q", f, other, l.ID)
			}
			owner[key] = l.ID
			if c, ok := country[key]; ok {
				t.Errorf("leader %q: alias %q is also a form of country %q", l.ID, f, c)
			}
		}
	}
}

func TestEveryLeaderIsComplete(t *testing.T) {
	d := mustLoad(t)
	for _, l := range d.Leaders {
		if l.Surname == "" && l.Given == "" {
			t.Errorf("leader %q has neither given name nor surname", l.ID)
		}
		if l.Gender == "" || l.Country == "" || len(l.Titles) == 0 {
			t.Errorf("leader %q: gender %q, country %q, %d titles", l.ID, l.Gender, l.Country, len(l.Titles))
		}
		if l.ID != Slug(l.Name) {
			t.Errorf("leader %q: id is not the slug of its name %q", l.ID, l.Name)
		}
	}
}

// TestOrganisationFormsAreUnambiguous checks that no organisation name or
// alias belongs to another organisation, a country or a person.
func TestOrganisationFormsAreUnambiguous(t *testing.T) {
	d := mustLoad(t)
	other := map[string]string{}
	for _, c := range d.Countries {
		for _, f := range append(append([]string{c.Name}, c.Aliases...), c.Demonyms...) {
			other[Slug(f)] = "country " + c.ID
		}
	}
	for _, l := range d.Leaders {
		for _, f := range append([]string{l.Name}, l.Aliases...) {
			other[Slug(f)] = "leader " + l.ID
		}
	}
	owner := map[string]string{}
	for _, o := range d.Organisations {
		for _, f := range append([]string{o.Name}, o.Aliases...) {
			key := Slug(f)
			if prev, ok := owner[key]; ok && prev != o.ID {
				t.Errorf("%q names both organisations %q and %q", f, prev, o.ID)
			}
			owner[key] = o.ID
			if who, ok := other[key]; ok {
				t.Errorf("organisation %q: %q is also a form of %s", o.ID, f, who)
			}
		}
	}
}

// TestNamesHaveASCIIForms checks that every name written with diacritics can
// also be found without them: some alias spells it in plain ASCII.
func TestNamesHaveASCIIForms(t *testing.T) {
	d := mustLoad(t)
	check := func(kind, id, name string, aliases []string) {
		if isASCII(name) {
			return
		}
		for _, a := range aliases {
			if isASCII(a) && Slug(a) == Slug(name) {
				return
			}
		}
		t.Errorf("%s %q: no ASCII alias for %q", kind, id, name)
	}
	for _, c := range d.Countries {
		forms := append([]string{c.Name}, c.Aliases...)
		for _, f := range forms {
			check("country", c.ID, f, forms)
		}
	}
	for _, l := range d.Leaders {
		check("leader", l.ID, l.Name, l.Aliases)
	}
	for _, o := range d.Organisations {
		check("organisation", o.ID, o.Name, o.Aliases)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// TestNoEverydayWordIsAName guards against aliases that fold into an ordinary
// word, as Iceland's own name "Ísland" folds into "Island".
func TestNoEverydayWordIsAName(t *testing.T) {
	d := mustLoad(t)
	words := []string{"Island", "Union", "Republic", "Kingdom", "Federation", "States", "Store",
		"Congress", "Guinea pig", "May", "Will", "Said", "Grant", "Chase", "He", "She", "We", "It",
		"They", "Ban", "Moon", "Austin", "Wine", "Drew", "English", "Key", "Fox", "Cook", "Houston"}
	forms := map[string]string{}
	for _, c := range d.Countries {
		for _, f := range append(append([]string{c.Name}, c.Aliases...), c.Demonyms...) {
			forms[Slug(f)] = "country " + c.ID
		}
	}
	for _, l := range d.Leaders {
		for _, f := range append([]string{l.Name, l.Surname}, l.Aliases...) {
			forms[Slug(f)] = "leader " + l.ID
		}
	}
	for _, w := range words {
		if who, ok := forms[Slug(w)]; ok {
			t.Errorf("everyday word %q is a form of %s", w, who)
		}
	}
}
