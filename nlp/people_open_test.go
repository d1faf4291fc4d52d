package nlp

import (
	"slices"
	"testing"
)

// People are found from their context, not from a closed list of given
// names: a reporting cue, an apposition or a title vouches for them.
func TestOpenVocabularyPeople(t *testing.T) {
	tests := []struct {
		name, text string
		people     []string // every one must be found as a person
		notPeople  []string // none may be a person's name
	}{
		{"cue subject", "Officials met on Monday.\nBritney Spears said she would sing at the gala.",
			[]string{"Britney Spears"}, nil},
		{"cue with object", "Plants were idle.\nGuenther Schuh told reporters the car was ready.",
			[]string{"Guenther Schuh"}, nil},
		{"place as given name", "Awards night.\nRegina King said the film was finished. Christian Bale said he was happy.",
			[]string{"Regina King", "Christian Bale"}, nil},
		{"inverted cue and apposition", "Taxes.\n\"I don't think so,\" said Len Burman, head of the centrist Tax Policy Center.",
			[]string{"Len Burman"}, nil},
		{"middle initial before a country", "Security.\nLisa O. Monaco, the president's adviser on terrorism, said the threat was real.",
			[]string{"Lisa O. Monaco"}, []string{"Lisa O"}},
		{"title before an unknown full name", "Vancouver.\nMayor Kennedy Stewart said the city would act.",
			[]string{"Kennedy Stewart"}, []string{"Robert F. Kennedy Jr."}},
		{"teams and events take the article", "Sport.\nThe Orlando Magic said the game was off. The Arnold Palmer Invitational said the course was ready.",
			nil, []string{"Orlando Magic", "Arnold Palmer Invitational"}},
		{"hyphenated company", "Markets.\nPetro-Canada said prices would rise.",
			nil, []string{"Gustavo Petro"}},
		{"end of an organisation's name", "Budget.\n\"It is a gimmick,\" said the Committee for a Responsible Federal Budget.",
			nil, []string{"Responsible Federal Budget"}},
		{"credit lines", "Tariffs.\nOttawa will respond.\n(Reporting by Ismail Shakil and David Ljunggren in Ottawa; Editing by Caroline Stauffer)",
			[]string{"Ismail Shakil", "David Ljunggren", "Caroline Stauffer"}, nil},
		{"a profession before the name", "Football.\nVilla manager Unai Emery praised the defence.",
			[]string{"Unai Emery"}, nil},
		{"a role without an article in apposition", "Schools.\nKeron Blair, executive director of AROS, called for investment. “Something is wrong,” said Blair.",
			[]string{"Keron Blair"}, []string{"Tony Blair"}},
		{"headings in capitals", "Video.\nVIDEO: FULL SPEECH\nThe president spoke for an hour.",
			nil, []string{"FULL SPEECH"}},
		{"a plural title before names", "Visas.\n\nCritics, like Senators Charles E. Grassley, Republican of Iowa, and Patrick J. Leahy, objected to the plan.",
			[]string{"Charles E. Grassley", "Patrick J. Leahy"}, []string{"Senators Charles E. Grassley"}},
		{"companies", "Markets.\nShares of Christian Dior rose. Elsewhere, Ralph Lauren raised its forecast. BC Hydro said rates would rise. Bill C-48 passed.",
			nil, []string{"Christian Dior", "Ralph Lauren", "BC Hydro", "Bill C-48"}},
		{"first part of a double surname", "Mexico.\nPresident Enrique Peña Nieto met the envoy. Standing beside Mr. Peña, the envoy smiled.",
			[]string{"Enrique Peña Nieto"}, []string{"Peña"}},
		{"surname after the full name", "Mexico.\nEnrique Peña Nieto met the envoy. Later Mr. Peña Nieto said no.",
			[]string{"Enrique Peña Nieto"}, []string{"Peña Nieto", "Santiago Peña"}},
		{"names no list holds, with no cue", "Sport.\nKylian Mbappé hit the post twice. Scottie Scheffler closed with a 66 to beat Wyndham Clark. T.J. Brodie scored in overtime. Meng Wanzhou flew home.",
			[]string{"Kylian Mbappé", "Scottie Scheffler", "Wyndham Clark", "T.J. Brodie", "Meng Wanzhou"}, nil},
		{"unknown runs that are no one", "Sport.\nThe Charlotte Panthers lost. Cleveland Cavaliers fans cheered. Mine Workers marched at Bay Hill. Clinton Priorities spent more. SiriusXM Radio aired it.",
			nil, []string{"Charlotte Panthers", "Cleveland Cavaliers", "Mine Workers", "Bay Hill", "Clinton Priorities", "SiriusXM Radio"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Annotate(tt.text)
			var got []string
			for _, e := range doc.Entities {
				if e.Kind == KindPerson {
					got = append(got, e.Name)
				}
			}
			for _, p := range tt.people {
				if !slices.Contains(got, p) {
					t.Errorf("%q not found as a person; people: %q", p, got)
				}
			}
			for _, p := range tt.notPeople {
				if slices.Contains(got, p) {
					t.Errorf("%q taken for a person; people: %q", p, got)
				}
			}
		})
	}
}

// A surname alone, later in the article, refers back to a person a cue
// introduced.
func TestPromotedSpeakerSurname(t *testing.T) {
	doc := Annotate("Cars.\nGuenther Schuh told reporters the car was ready. Schuh also said prices would fall.")
	n := 0
	for _, e := range doc.Entities {
		if e.Kind == KindPerson && e.ID == "guenther-schuh" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d mentions of guenther-schuh, want 2: %+v", n, doc.Entities)
	}
}

// A country's name inside a company's or a town's is no mention of it.
func TestCountryNamesakes(t *testing.T) {
	tests := []struct{ name, text, notCountry string }{
		{"US town", "Floods.\nResidents of Lebanon, Tenn., cleared the streets.", "lebanon"},
		{"company", "Markets.\nPetro-Canada said prices would rise.", "canada"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range Annotate(tt.text).Entities {
				if e.Kind == KindCountry && e.ID == tt.notCountry {
					t.Errorf("%q taken for the country %s", e.Text, e.ID)
				}
			}
		})
	}
	if ids := countryIDs(Annotate("Talks.\nThe Russia-Ukraine talks and Franco-German plans resumed.")); !slices.Contains(ids, "russia") || !slices.Contains(ids, "ukraine") {
		t.Errorf("compounds of countries lost their countries: %v", ids)
	}
}

func countryIDs(doc Doc) []string {
	var ids []string
	for _, e := range doc.Entities {
		if e.Kind == KindCountry {
			ids = append(ids, e.ID)
		}
	}
	return ids
}
