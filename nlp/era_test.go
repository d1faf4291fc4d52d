package nlp

import (
	"testing"
	"time"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// A title alone, or a surname, links to a gazetteer person only when the
// article's date fits their term of office.
func TestLeadersLinkedByDate(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name, text string
		published  time.Time
		mention    string
		want       string // entity id
	}{
		{"the Mexican president in 2016", "Trade.\nThe Mexican president warned against a wall.", day("2016-09-28"),
			"president", "enrique-pena-nieto"},
		{"the Mexican president in 2025", "Trade.\nThe Mexican president warned against tariffs.", day("2025-03-01"),
			"president", "claudia-sheinbaum"},
		{"undated article dated by its titled names", "Campaign.\nPresident Barack Obama spoke on Monday. Later the Mexican president replied.", time.Time{},
			"president", "enrique-pena-nieto"},
		{"the nearest holder of the title", "Trade.\nDonald Trump met President Enrique Peña Nieto on Wednesday.\nPresident Obama declined to comment. \"Mexico is a partner,\" the president said.",
			day("2016-09-01"), "the president", "barack-obama"},
		{"a surname before its bearer took office", "Trade.\nMr. Peña met the governor in Asunción.", day("2016-09-28"),
			"Mr. Peña", "pena"}, // someone of that name, not the gazetteer's
		{"a surname during its bearer's term", "Trade.\nMr. Peña met the governor in Asunción.", day("2024-09-28"),
			"Mr. Peña", "santiago-pena"},
		{"history does not date the article", "Climate.\nLike President Reagan before him, President Obama flew to Hawaii. Mr. Obama spoke. The Mexican president replied.", time.Time{},
			"Mr. Obama", "barack-obama"},
		{"the era of the latest titled name", "Climate.\nLike President Reagan before him, President Obama flew to Hawaii. The Mexican president replied.", time.Time{},
			"president", "enrique-pena-nieto"},
		{"undated: the days every titled leader was in office", "Trade.\nPresident Enrique Peña Nieto met the press.\nPresident Obama declined to comment. \"Mexico is a partner,\" the president said.",
			time.Time{}, "the president", "barack-obama"}, // not the holder at the end of Peña Nieto's term
		{"a country after the title qualifies it", "Diplomacy.\nThe foreign minister of France spoke first. The president of the United States spoke next.", day("2016-05-01"),
			"The president", "barack-obama"},
		{"a person named in the story holds no title they did not hold that day", "Campaign.\nJoe Biden met voters in Ohio. Later the American president spoke in Iowa.", day("2016-05-01"),
			"president", "barack-obama"},
		{"the named president whenever it is read", "Campaign.\nPresident Barack Obama spoke. The president said he was proud.", day("2025-06-01"),
			"The president", "barack-obama"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Default().AnnotateArticle(tt.text, tt.published)
			got := ""
			for _, e := range doc.Entities {
				if e.Text == tt.mention && e.Kind == KindPerson {
					got = e.ID
				}
			}
			if got != tt.want {
				t.Errorf("%q = %q, want %q; entities %+v", tt.mention, got, tt.want, doc.Entities)
			}
		})
	}
}

// The parsed terms the annotator keeps agree with the gazetteer's HeldOn.
func TestParsedTermsAgreeWithHeldOn(t *testing.T) {
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	days := []time.Time{{}, time.Date(2001, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2016, 9, 28, 15, 0, 0, 0, time.UTC),
		time.Date(2017, 1, 20, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	for _, l := range g.Leaders {
		terms := termsOf(l.Offices)
		for i, o := range l.Offices {
			for _, d := range days {
				if got, want := (era{day: d}).holds(terms[i]), o.HeldOn(d); got != want {
					t.Errorf("%s %s on %v: holds %v, HeldOn %v", l.ID, o.Role, d, got, want)
				}
			}
		}
	}
}
