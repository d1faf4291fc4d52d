package gazetteer

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func testBase() *Data {
	return &Data{
		AsOf: "2025-11-30",
		Countries: []Country{
			{ID: "ukraine", Name: "Ukraine", ISO2: "UA", ISO3: "UKR", Aliases: []string{"the Ukraine"}, Demonyms: []string{"Ukrainian"}, Capital: "Kyiv"},
		},
		Leaders: []Leader{
			{ID: "volodymyr-zelensky", Name: "Volodymyr Zelensky", Given: "Volodymyr", Surname: "Zelensky",
				Aliases: []string{"Zelenskyy"}, Gender: "m", Country: "ukraine",
				Titles: []string{"President of Ukraine"}, Offices: []Office{{Role: "president", Country: "ukraine"}}},
		},
		Organisations: []Organisation{{ID: "kremlin", Name: "the Kremlin", Aliases: []string{"Kremlin"}, Kind: "government"}},
		GivenNames:    []string{"Maria", "Steve"},
	}
}

func TestMergeOverridesAndAdds(t *testing.T) {
	base := testBase()
	before := testBase()
	extra := Data{
		Countries: []Country{
			{ID: "ukraine", Aliases: []string{"Ukr."}, Capital: "Kiev"},
			{Name: "Ruritania", Demonyms: []string{"Ruritanian"}},
		},
		Leaders: []Leader{
			{ID: "volodymyr-zelensky", Aliases: []string{"Zelenskyy", "Zelenskiy"}, Titles: []string{"Head of State"}},
			{Name: "Rudolf Elphberg", Given: "Rudolf", Surname: "Elphberg", Gender: "m", Country: "ruritania"},
		},
		Organisations: []Organisation{{ID: "kremlin", Kind: "agency"}, {Name: "Zenda Castle", Kind: "government"}},
		GivenNames:    []string{"Rudolf", "Maria"},
	}
	got := Merge(base, extra)

	if !reflect.DeepEqual(base, before) {
		t.Fatal("Merge modified its base")
	}
	ua, _ := got.CountryByID("ukraine")
	if ua.Name != "Ukraine" || ua.Capital != "Kiev" || !slices.Equal(ua.Aliases, []string{"the Ukraine", "Ukr."}) {
		t.Errorf("merged Ukraine = %+v", ua)
	}
	if _, ok := got.CountryByID("ruritania"); !ok {
		t.Error("new country without an id was not added under the slug of its name")
	}
	z, _ := got.LeaderByID("volodymyr-zelensky")
	if z.Surname != "Zelensky" || z.Gender != "m" || !slices.Equal(z.Aliases, []string{"Zelenskyy", "Zelenskiy"}) ||
		!slices.Equal(z.Titles, []string{"Head of State"}) || len(z.Offices) != 1 {
		t.Errorf("merged Zelensky = %+v", z)
	}
	if _, ok := got.LeaderByID("rudolf-elphberg"); !ok {
		t.Error("new leader without an id was not added under the slug of its name")
	}
	k, _ := got.OrganisationByID("kremlin")
	if k.Kind != "agency" || k.Name != "the Kremlin" {
		t.Errorf("merged Kremlin = %+v", k)
	}
	if _, ok := got.OrganisationByID("zenda-castle"); !ok {
		t.Error("new organisation was not added")
	}
	if !slices.Equal(got.GivenNames, []string{"Maria", "Rudolf", "Steve"}) {
		t.Errorf("given names = %q", got.GivenNames)
	}
	if got.AsOf != base.AsOf {
		t.Errorf("as_of = %q, want the base's %q", got.AsOf, base.AsOf)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("merged data does not validate: %v", err)
	}
}

func TestMergeResultIsIndependentOfExtra(t *testing.T) {
	extra := Data{Leaders: []Leader{{Name: "Ann Other", Aliases: []string{"Ann"}}}}
	got := Merge(testBase(), extra)
	extra.Leaders[0].Aliases[0] = "changed"
	l, _ := got.LeaderByID("ann-other")
	if l.Aliases[0] != "Ann" {
		t.Error("changing extra after Merge changed the result")
	}
}

func TestMergeEmbedded(t *testing.T) {
	base := mustLoad(t)
	n := len(base.Leaders)
	got := Merge(base, Data{Leaders: []Leader{{ID: "keir-starmer", Aliases: []string{"Starmer the Younger"}}}})
	if len(got.Leaders) != n || len(base.Leaders) != n {
		t.Fatalf("leader counts: base %d, merged %d, want %d", len(base.Leaders), len(got.Leaders), n)
	}
	ks, _ := got.LeaderByID("keir-starmer")
	if !slices.Contains(ks.Aliases, "Starmer the Younger") || !slices.Contains(ks.Aliases, "Sir Keir") {
		t.Errorf("Starmer's aliases = %q", ks.Aliases)
	}
	orig, _ := base.LeaderByID("keir-starmer")
	if slices.Contains(orig.Aliases, "Starmer the Younger") {
		t.Error("Merge changed the embedded base")
	}
}

func TestValidateNamesTheEntry(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*Data)
		want   string
	}{
		{"duplicate country", func(d *Data) { d.Countries = append(d.Countries, d.Countries[0]) }, `country "ukraine": duplicate id`},
		{"empty country name", func(d *Data) { d.Countries[0].Name = "" }, `country "ukraine": empty name`},
		{"empty leader id", func(d *Data) { d.Leaders[0].ID = "" }, `leader #1 ("Volodymyr Zelensky"): empty id`},
		{"unknown leader country", func(d *Data) { d.Leaders[0].Country = "ukrain" }, `leader "volodymyr-zelensky": unknown country "ukrain"`},
		{"unknown office country", func(d *Data) { d.Leaders[0].Offices[0].Country = "atlantis" }, `office "president" in unknown country "atlantis"`},
		{"unknown office org", func(d *Data) {
			d.Leaders[0].Offices = append(d.Leaders[0].Offices, Office{Role: "chief", Org: "spectre"})
		}, `unknown organisation "spectre"`},
		{"empty role", func(d *Data) { d.Leaders[0].Offices[0].Role = "" }, `office with empty role`},
		{"bad gender", func(d *Data) { d.Leaders[0].Gender = "male" }, `gender "male"`},
		{"bad org kind", func(d *Data) { d.Organisations[0].Kind = "club" }, `organisation "kremlin": unknown kind "club"`},
		{"duplicate leader", func(d *Data) { d.Leaders = append(d.Leaders, d.Leaders[0]) }, `leader "volodymyr-zelensky": duplicate id`},
	}
	if err := testBase().Validate(); err != nil {
		t.Fatalf("valid data rejected: %v", err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testBase()
			tt.modify(d)
			err := d.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %v, want an error containing %s", err, tt.want)
			}
		})
	}
}

func TestParseRejectsBadData(t *testing.T) {
	if _, err := parse([]byte(`{"countries": [`), ""); err == nil {
		t.Error("truncated JSON accepted")
	}
	_, err := parse([]byte(`{"countries": [{"id": "x", "name": "X"}], "leaders": [{"id": "p", "name": "P", "country": "y"}]}`), "")
	if err == nil || !strings.Contains(err.Error(), `leader "p": unknown country "y"`) {
		t.Errorf("parse = %v, want the unknown country named", err)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"United Kingdom", "united-kingdom"},
		{"Recep Tayyip Erdoğan", "recep-tayyip-erdogan"},
		{"Côte d'Ivoire", "cote-divoire"},
		{"Côte d’Ivoire", "cote-divoire"},
		{"São Tomé and Príncipe", "sao-tome-and-principe"},
		{"Lars Løkke Rasmussen", "lars-lokke-rasmussen"},
		{"Władysław Kosiniak-Kamysz", "wladyslaw-kosiniak-kamysz"},
		{"Robert F. Kennedy Jr.", "robert-f-kennedy-jr"},
		{"  --Guinea-Bissau--  ", "guinea-bissau"},
		{"Đuro Macut", "duro-macut"},
		{"Straße", "strasse"},
		{"G7", "g7"},
		{"习近平", "习近平"},
		{"", ""},
		{"!!!", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkSlug(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Slug("Recep Tayyip Erdoğan")
		Slug("Keir Starmer")
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct{ name, given, surname string }{
		{"Jane Doe", "Jane", "Doe"},
		{"Ursula von der Leyen", "Ursula", "von der Leyen"},
		{"Mohammed bin Salman", "Mohammed", "bin Salman"},
		{"Luiz Inácio Lula da Silva", "Luiz Inácio Lula", "da Silva"},
		{"Recep Tayyip Erdoğan", "Recep Tayyip", "Erdoğan"},
		{"  Madonna ", "", "Madonna"},
		{"de Gaulle", "", "de Gaulle"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if g, s := SplitName(tt.name); g != tt.given || s != tt.surname {
			t.Errorf("SplitName(%q) = %q, %q; want %q, %q", tt.name, g, s, tt.given, tt.surname)
		}
	}
}

func TestMergeSplitsNewLeaderNames(t *testing.T) {
	got := Merge(testBase(), Data{Leaders: []Leader{
		{Name: "Maria von Trapp"},
		{Name: "Kim Jong Un", Given: "Jong Un", Surname: "Kim", SurnameFirst: true},
	}})
	tests := []struct{ id, given, surname string }{
		{"maria-von-trapp", "Maria", "von Trapp"},
		{"kim-jong-un", "Jong Un", "Kim"},
	}
	for _, tt := range tests {
		l, ok := got.LeaderByID(tt.id)
		if !ok || l.Given != tt.given || l.Surname != tt.surname {
			t.Errorf("leader %q = %+v (found %v), want given %q surname %q", tt.id, l, ok, tt.given, tt.surname)
		}
	}
}
