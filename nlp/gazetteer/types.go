// Package gazetteer holds the embedded, dated list of countries, political
// leaders and speaking organisations that the annotator matches against, and
// merges the user's additions from the config file over it.
package gazetteer

// Data is the whole gazetteer. The embedded file and a user's additions have
// the same shape; Merge lays one over the other by id.
type Data struct {
	AsOf          string         `json:"as_of" toml:"-"`
	Countries     []Country      `json:"countries" toml:"countries"`
	Leaders       []Leader       `json:"leaders" toml:"leaders"`
	Organisations []Organisation `json:"organisations" toml:"organisations"`
	// GivenNames are common first names that make "Maria Lopez" a person.
	GivenNames []string `json:"-" toml:"given_names"`
}

// Country is a UN member or observer state, or Taiwan or Kosovo.
type Country struct {
	ID       string   `json:"id" toml:"id"`
	Name     string   `json:"name" toml:"name"`
	ISO2     string   `json:"iso2" toml:"iso2"`
	ISO3     string   `json:"iso3" toml:"iso3"`
	Aliases  []string `json:"aliases" toml:"aliases"`
	Demonyms []string `json:"demonyms" toml:"demonyms"`
	Capital  string   `json:"capital" toml:"capital"`
}

// Leader is a person the annotator knows by name.
type Leader struct {
	ID           string   `json:"id" toml:"id"`
	Name         string   `json:"name" toml:"name"`
	Given        string   `json:"given" toml:"given"`
	Surname      string   `json:"surname" toml:"surname"`
	SurnameFirst bool     `json:"surname_first,omitempty" toml:"surname_first"`
	Aliases      []string `json:"aliases" toml:"aliases"`
	Gender       string   `json:"gender" toml:"gender"` // "m", "f" or ""
	Country      string   `json:"country" toml:"country"`
	Titles       []string `json:"titles" toml:"titles"`
	Offices      []Office `json:"offices" toml:"offices"`
	// NotLeader marks a well-known person who holds no leadership role
	// (an envoy, a spokesperson); absent means leader.
	NotLeader bool `json:"not_leader,omitempty" toml:"not_leader"`
}

// Office is a role a leader holds, in a country or an organisation, for
// resolving "the French president" or "the NATO chief". Role is lower case
// from a fixed vocabulary: president, vice president, prime minister,
// chancellor, king, queen, emperor, pope, supreme leader, foreign minister,
// defence minister, finance minister, secretary of state, secretary general,
// commission president, council president, managing director,
// director general, opposition leader, party leader, ...
//
// Start and End bound the holder's term, as "YYYY-MM-DD", or "YYYY-MM" or
// "YYYY" when only that is known. An empty End means still in office as of
// the gazetteer's as_of date; an empty Start means the start is unknown.
type Office struct {
	Role    string `json:"role" toml:"role"`
	Country string `json:"country,omitempty" toml:"country"`
	Org     string `json:"org,omitempty" toml:"org"`
	Start   string `json:"start,omitempty" toml:"start"`
	End     string `json:"end,omitempty" toml:"end"`
}

// Organisation is a body that speaks as itself ("the Kremlin said").
type Organisation struct {
	ID      string   `json:"id" toml:"id"`
	Name    string   `json:"name" toml:"name"`
	Aliases []string `json:"aliases" toml:"aliases"`
	Country string   `json:"country,omitempty" toml:"country"`
	Kind    string   `json:"kind" toml:"kind"` // government, international, party, agency, media, company
}
