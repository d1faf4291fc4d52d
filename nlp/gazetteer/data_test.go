package gazetteer

import (
	"slices"
	"testing"
	"time"
)

func mustLoad(t *testing.T) *Data {
	t.Helper()
	d, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

func TestLoadSizes(t *testing.T) {
	d := mustLoad(t)
	if d.AsOf != "2025-11-30" {
		t.Errorf("as_of = %q, want 2025-11-30", d.AsOf)
	}
	if n := len(d.Countries); n < 195 {
		t.Errorf("%d countries, want at least 195", n)
	}
	if n := len(d.Leaders); n < 250 {
		t.Errorf("%d leaders, want at least 250", n)
	}
	if n := len(d.Organisations); n < 100 {
		t.Errorf("%d organisations, want at least 100", n)
	}
	for _, id := range []string{"taiwan", "kosovo", "palestine", "vatican-city", "united-kingdom", "united-states", "ivory-coast", "czechia"} {
		if _, ok := d.CountryByID(id); !ok {
			t.Errorf("country %q missing", id)
		}
	}
}

func TestLoadReturnsIndependentCopies(t *testing.T) {
	a := mustLoad(t)
	a.Countries[0].Aliases = append(a.Countries[0].Aliases[:0], "mutated")
	a.Leaders[0].Name = "mutated"
	a.Leaders[0].Offices = append(a.Leaders[0].Offices[:0], Office{Role: "mutated"})
	a.GivenNames[0] = "mutated"
	b := mustLoad(t)
	if slices.Contains(b.Countries[0].Aliases, "mutated") || b.Leaders[0].Name == "mutated" ||
		(len(b.Leaders[0].Offices) > 0 && b.Leaders[0].Offices[0].Role == "mutated") || b.GivenNames[0] == "mutated" {
		t.Fatal("mutating one Load result changed the next")
	}
}

func TestEveryCountryHasCodesAndCapital(t *testing.T) {
	d := mustLoad(t)
	iso2, iso3 := map[string]string{}, map[string]string{}
	for _, c := range d.Countries {
		if len(c.ISO2) != 2 || len(c.ISO3) != 3 || c.Capital == "" {
			t.Errorf("country %q: iso2 %q, iso3 %q, capital %q", c.ID, c.ISO2, c.ISO3, c.Capital)
		}
		if c.ID != Slug(c.Name) && !slices.Contains([]string{"sao-tome-and-principe"}, c.ID) {
			t.Errorf("country %q: id is not the slug of its name %q", c.ID, c.Name)
		}
		if other, dup := iso2[c.ISO2]; dup {
			t.Errorf("iso2 %q used by %q and %q", c.ISO2, other, c.ID)
		}
		if other, dup := iso3[c.ISO3]; dup {
			t.Errorf("iso3 %q used by %q and %q", c.ISO3, other, c.ID)
		}
		iso2[c.ISO2], iso3[c.ISO3] = c.ID, c.ID
	}
}

// headRoles are the offices that make someone a head of state or government.
var headRoles = []string{"president", "prime minister", "chancellor", "king", "queen", "emperor",
	"emir", "sultan", "supreme leader", "head of state", "head of government", "chief adviser", "pope"}

func TestMajorStatesHaveHeads(t *testing.T) {
	d := mustLoad(t)
	groups := map[string][]string{
		"G20": {"argentina", "australia", "brazil", "canada", "china", "france", "germany", "india",
			"indonesia", "italy", "japan", "mexico", "russia", "saudi-arabia", "south-africa",
			"south-korea", "turkey", "united-kingdom", "united-states"},
		"EU": {"austria", "belgium", "bulgaria", "croatia", "cyprus", "czechia", "denmark", "estonia",
			"finland", "france", "germany", "greece", "hungary", "ireland", "italy", "latvia",
			"lithuania", "luxembourg", "malta", "netherlands", "poland", "portugal", "romania",
			"slovakia", "slovenia", "spain", "sweden"},
		"NATO": {"albania", "canada", "iceland", "montenegro", "north-macedonia", "norway", "turkey",
			"united-kingdom", "united-states"},
		"other": {"ukraine", "belarus", "serbia", "georgia", "armenia", "azerbaijan", "kazakhstan",
			"uzbekistan", "israel", "iran", "iraq", "syria", "egypt", "united-arab-emirates", "qatar",
			"pakistan", "bangladesh", "afghanistan", "north-korea", "taiwan", "vietnam", "thailand",
			"philippines", "malaysia", "nigeria", "ethiopia", "kenya", "democratic-republic-of-the-congo",
			"venezuela", "colombia", "chile", "peru", "cuba", "palestine", "vatican-city"},
	}
	for group, ids := range groups {
		for _, id := range ids {
			if len(headsOf(d, id)) == 0 {
				t.Errorf("%s member %q has no head of state or government", group, id)
			}
		}
	}
}

// headsOf lists the current heads of state or government of a country.
func headsOf(d *Data, country string) []string {
	var ids []string
	for _, l := range d.Leaders {
		for _, o := range l.Offices {
			if o.Country == country && slices.Contains(headRoles, o.Role) && o.HeldOn(time.Time{}) {
				ids = append(ids, l.ID)
			}
		}
	}
	return ids
}

// TestOfficeHolders checks who holds each office now (as of the file).
func TestOfficeHolders(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		office Office
		want   string
	}{
		{Office{Role: "president", Country: "ukraine"}, "volodymyr-zelensky"},
		{Office{Role: "prime minister", Country: "united-kingdom"}, "keir-starmer"},
		{Office{Role: "president", Country: "france"}, "emmanuel-macron"},
		{Office{Role: "president", Country: "united-states"}, "donald-trump"},
		{Office{Role: "president", Country: "russia"}, "vladimir-putin"},
		{Office{Role: "secretary general", Org: "nato"}, "mark-rutte"},
		{Office{Role: "secretary general", Org: "united-nations"}, "antonio-guterres"},
		{Office{Role: "chancellor", Country: "germany"}, "friedrich-merz"},
		{Office{Role: "prime minister", Country: "japan"}, "sanae-takaichi"},
		{Office{Role: "foreign minister", Country: "united-kingdom"}, "yvette-cooper"},
		{Office{Role: "defence minister", Country: "ukraine"}, "denys-shmyhal"},
		{Office{Role: "prime minister", Country: "ukraine"}, "yulia-svyrydenko"},
		{Office{Role: "commission president", Org: "european-commission"}, "ursula-von-der-leyen"},
		{Office{Role: "managing director", Org: "imf"}, "kristalina-georgieva"},
		{Office{Role: "pope", Country: "vatican-city"}, "pope-leo-xiv"},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range d.Leaders {
			for _, o := range l.Offices {
				if o.Role == tt.office.Role && o.Country == tt.office.Country && o.Org == tt.office.Org && o.HeldOn(time.Time{}) {
					got = append(got, l.ID)
				}
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("holders of %+v = %v, want [%s]", tt.office, got, tt.want)
		}
	}
}
