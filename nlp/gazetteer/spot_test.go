package gazetteer

import (
	"slices"
	"testing"
)

func TestCountryAliasesAndDemonyms(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		id, name string
		aliases  []string
		demonyms []string
	}{
		{"united-kingdom", "United Kingdom", []string{"UK", "U.K.", "Britain", "Great Britain", "the United Kingdom"}, []string{"British", "Briton", "Britons", "Brit", "Brits"}},
		{"united-states", "United States", []string{"US", "U.S.", "USA", "U.S.A.", "America", "the United States", "United States of America"}, []string{"American", "Americans"}},
		{"russia", "Russia", []string{"Russian Federation"}, []string{"Russian", "Russians"}},
		{"ukraine", "Ukraine", nil, []string{"Ukrainian", "Ukrainians"}},
		{"netherlands", "Netherlands", []string{"Holland", "the Netherlands"}, []string{"Dutch", "Dutchman"}},
		{"turkey", "Turkey", []string{"Türkiye", "Turkiye"}, []string{"Turkish", "Turk", "Turks"}},
		{"myanmar", "Myanmar", []string{"Burma"}, []string{"Burmese"}},
		{"ivory-coast", "Ivory Coast", []string{"Côte d'Ivoire", "Cote d'Ivoire"}, []string{"Ivorian"}},
		{"czechia", "Czechia", []string{"Czech Republic"}, []string{"Czech"}},
		{"democratic-republic-of-the-congo", "Democratic Republic of the Congo", []string{"DRC", "DR Congo", "Congo-Kinshasa"}, []string{"Congolese"}},
		{"republic-of-the-congo", "Republic of the Congo", []string{"Congo-Brazzaville"}, nil},
		{"south-korea", "South Korea", []string{"Republic of Korea", "ROK"}, []string{"South Korean"}},
		{"north-korea", "North Korea", []string{"DPRK"}, []string{"North Korean"}},
		{"china", "China", []string{"PRC", "People's Republic of China", "mainland China"}, []string{"Chinese"}},
		{"united-arab-emirates", "United Arab Emirates", []string{"UAE"}, []string{"Emirati", "Emiratis"}},
		{"saudi-arabia", "Saudi Arabia", []string{"KSA"}, []string{"Saudi", "Saudis", "Saudi Arabian"}},
		{"eswatini", "Eswatini", []string{"Swaziland"}, nil},
		{"north-macedonia", "North Macedonia", []string{"Macedonia"}, []string{"Macedonian"}},
		{"cape-verde", "Cape Verde", []string{"Cabo Verde"}, nil},
		{"timor-leste", "Timor-Leste", []string{"East Timor"}, nil},
		{"vatican-city", "Vatican City", []string{"Vatican", "Holy See"}, nil},
		{"philippines", "Philippines", nil, []string{"Filipino", "Filipinos", "Filipina", "Philippine"}},
		{"switzerland", "Switzerland", nil, []string{"Swiss"}},
		{"niger", "Niger", nil, []string{"Nigerien"}},
		{"nigeria", "Nigeria", nil, []string{"Nigerian"}},
		{"azerbaijan", "Azerbaijan", nil, []string{"Azerbaijani", "Azeri"}},
		{"laos", "Laos", nil, []string{"Lao", "Laotian"}},
		{"kosovo", "Kosovo", nil, []string{"Kosovar"}},
		{"taiwan", "Taiwan", nil, []string{"Taiwanese"}},
		{"new-zealand", "New Zealand", nil, []string{"New Zealander"}},
		{"argentina", "Argentina", nil, []string{"Argentine", "Argentinian"}},
	}
	for _, tt := range tests {
		c, ok := d.CountryByID(tt.id)
		if !ok {
			t.Errorf("country %q missing", tt.id)
			continue
		}
		if c.Name != tt.name {
			t.Errorf("country %q: name %q, want %q", tt.id, c.Name, tt.name)
		}
		for _, a := range tt.aliases {
			if !slices.Contains(c.Aliases, a) {
				t.Errorf("country %q: alias %q missing from %q", tt.id, a, c.Aliases)
			}
		}
		for _, dm := range tt.demonyms {
			if !slices.Contains(c.Demonyms, dm) {
				t.Errorf("country %q: demonym %q missing from %q", tt.id, dm, c.Demonyms)
			}
		}
	}
}

func TestLeaderNames(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		id, name, given, surname string
		surnameFirst, notLeader  bool
		gender, country          string
		aliases                  []string
	}{
		{"volodymyr-zelensky", "Volodymyr Zelensky", "Volodymyr", "Zelensky", false, false, "m", "ukraine", []string{"Zelenskyy", "Zelenskiy", "Zelenskyi"}},
		{"keir-starmer", "Keir Starmer", "Keir", "Starmer", false, false, "m", "united-kingdom", []string{"Sir Keir Starmer", "Sir Keir"}},
		{"xi-jinping", "Xi Jinping", "Jinping", "Xi", true, false, "m", "china", nil},
		{"kim-jong-un", "Kim Jong Un", "Jong Un", "Kim", true, false, "m", "north-korea", []string{"Kim Jong-un"}},
		{"lee-jae-myung", "Lee Jae-myung", "Jae-myung", "Lee", true, false, "m", "south-korea", nil},
		{"recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "Recep Tayyip", "Erdoğan", false, false, "m", "turkey", []string{"Erdogan", "Recep Tayyip Erdogan"}},
		{"luiz-inacio-lula-da-silva", "Luiz Inácio Lula da Silva", "Luiz Inácio", "Lula da Silva", false, false, "m", "brazil", []string{"Lula"}},
		{"mohammed-bin-salman", "Mohammed bin Salman", "Mohammed", "bin Salman", false, false, "m", "saudi-arabia", []string{"MBS"}},
		{"steve-witkoff", "Steve Witkoff", "Steve", "Witkoff", false, true, "m", "united-states", nil},
		{"dmitry-peskov", "Dmitry Peskov", "Dmitry", "Peskov", false, true, "m", "russia", nil},
		{"karoline-leavitt", "Karoline Leavitt", "Karoline", "Leavitt", false, true, "f", "united-states", nil},
		{"sanae-takaichi", "Sanae Takaichi", "Sanae", "Takaichi", false, false, "f", "japan", nil},
		{"aleksandar-vucic", "Aleksandar Vučić", "Aleksandar", "Vučić", false, false, "m", "serbia", []string{"Aleksandar Vucic", "Vucic"}},
		{"angela-merkel", "Angela Merkel", "Angela", "Merkel", false, false, "f", "germany", nil},
	}
	for _, tt := range tests {
		l, ok := d.LeaderByID(tt.id)
		if !ok {
			t.Errorf("leader %q missing", tt.id)
			continue
		}
		if l.Name != tt.name || l.Given != tt.given || l.Surname != tt.surname ||
			l.SurnameFirst != tt.surnameFirst || l.NotLeader != tt.notLeader ||
			l.Gender != tt.gender || l.Country != tt.country {
			t.Errorf("leader %q = %+v, want name %q given %q surname %q surname_first %v not_leader %v gender %q country %q",
				tt.id, l, tt.name, tt.given, tt.surname, tt.surnameFirst, tt.notLeader, tt.gender, tt.country)
		}
		for _, a := range tt.aliases {
			if !slices.Contains(l.Aliases, a) {
				t.Errorf("leader %q: alias %q missing from %q", tt.id, a, l.Aliases)
			}
		}
	}
}

func TestOrganisations(t *testing.T) {
	d := mustLoad(t)
	tests := []struct{ id, kind, alias string }{
		{"kremlin", "government", "Kremlin"},
		{"white-house", "government", "White House"},
		{"downing-street", "government", "No 10"},
		{"nato", "international", "North Atlantic Treaty Organization"},
		{"united-nations", "international", "UN"},
		{"european-union", "international", "EU"},
		{"imf", "international", "IMF"},
		{"hamas", "party", "Hamas movement"},
		{"reuters", "media", "Reuters news agency"},
		{"associated-press", "media", "AP"},
		{"fbi", "agency", "Federal Bureau of Investigation"},
		{"conservative-party", "party", "Tories"},
	}
	for _, tt := range tests {
		o, ok := d.OrganisationByID(tt.id)
		if !ok {
			t.Errorf("organisation %q missing", tt.id)
			continue
		}
		if o.Kind != tt.kind || !slices.Contains(o.Aliases, tt.alias) {
			t.Errorf("organisation %q: kind %q aliases %q, want kind %q with alias %q", tt.id, o.Kind, o.Aliases, tt.kind, tt.alias)
		}
	}
}
