package gazetteer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// gazetteer.json holds one country, leader or organisation per line. Its
// conventions, which the tests check:
//   - ids are the Slug of the name; names are common English short forms
//     ("United States", "Recep Tayyip Erdoğan");
//   - every name written with diacritics also has a plain-ASCII alias;
//   - no name, alias or demonym belongs to two countries, and no full name
//     or alias to two people;
//   - Surname is the name a later short mention uses: "Xi" for Xi Jinping,
//     "Prabowo" for Prabowo Subianto, "Anutin" for Anutin Charnvirakul, with
//     SurnameFirst when it comes first in the full name;
//   - offices use the role vocabulary documented on Office; an office in an
//     organisation names its id ("nato", "european-commission");
//   - every office has the holder's term: a start where known, and an end
//     once the holder has left it, so former holders (Barack Obama as
//     president, 2009-01-20..2017-01-20) sit beside current ones; no two
//     terms of a single-holder office overlap by more than a handover day.
//
//go:embed gazetteer.json
var embeddedJSON []byte

//go:embed given_names.txt
var embeddedGivenNames string

var (
	parseOnce sync.Once
	parsed    *Data
	parseErr  error
)

// Load returns the embedded gazetteer, parsed and validated. The file is
// parsed once; each call returns an independent copy the caller may mutate.
func Load() (*Data, error) {
	parseOnce.Do(func() {
		parsed, parseErr = parse(embeddedJSON, embeddedGivenNames)
	})
	if parseErr != nil {
		return nil, parseErr
	}
	return parsed.clone(), nil
}

func parse(raw []byte, givenNames string) (*Data, error) {
	var d Data
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	d.GivenNames = parseGivenNames(givenNames)
	if err := d.Validate(); err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	return &d, nil
}

// parseGivenNames reads one name per line, skipping blanks and # comments,
// and returns them sorted and deduplicated.
func parseGivenNames(text string) []string {
	var names []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names = append(names, line)
	}
	return sortedUnique(names)
}

// CountryByID returns the country with the given id.
func (d *Data) CountryByID(id string) (Country, bool) {
	if d == nil {
		return Country{}, false
	}
	for _, c := range d.Countries {
		if c.ID == id {
			return c, true
		}
	}
	return Country{}, false
}

// LeaderByID returns the leader with the given id.
func (d *Data) LeaderByID(id string) (Leader, bool) {
	if d == nil {
		return Leader{}, false
	}
	for _, l := range d.Leaders {
		if l.ID == id {
			return l, true
		}
	}
	return Leader{}, false
}

// OrganisationByID returns the organisation with the given id.
func (d *Data) OrganisationByID(id string) (Organisation, bool) {
	if d == nil {
		return Organisation{}, false
	}
	for _, o := range d.Organisations {
		if o.ID == id {
			return o, true
		}
	}
	return Organisation{}, false
}

func (d *Data) clone() *Data {
	c := &Data{AsOf: d.AsOf, GivenNames: cloneStrings(d.GivenNames)}
	c.Countries = make([]Country, len(d.Countries))
	for i, x := range d.Countries {
		c.Countries[i] = cloneCountry(x)
	}
	c.Leaders = make([]Leader, len(d.Leaders))
	for i, x := range d.Leaders {
		c.Leaders[i] = cloneLeader(x)
	}
	c.Organisations = make([]Organisation, len(d.Organisations))
	for i, x := range d.Organisations {
		c.Organisations[i] = cloneOrganisation(x)
	}
	return c
}

func cloneCountry(c Country) Country {
	c.Aliases = cloneStrings(c.Aliases)
	c.Demonyms = cloneStrings(c.Demonyms)
	return c
}

func cloneLeader(l Leader) Leader {
	l.Aliases = cloneStrings(l.Aliases)
	l.Titles = cloneStrings(l.Titles)
	if l.Offices != nil {
		l.Offices = append([]Office(nil), l.Offices...)
	}
	return l
}

func cloneOrganisation(o Organisation) Organisation {
	o.Aliases = cloneStrings(o.Aliases)
	return o
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

func sortedUnique(s []string) []string {
	out := cloneStrings(s)
	sort.Strings(out)
	n := 0
	for i, v := range out {
		if i > 0 && v == out[n-1] {
			continue
		}
		out[n] = v
		n++
	}
	return out[:n]
}
