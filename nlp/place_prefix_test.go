package nlp

import "testing"

// TestPlacePrefixBlocksSurname: a leader's surname after "San", "Fort" and
// the like is part of a place name, also in a capital-letter dateline,
// while the leader named in full is still found.
func TestPlacePrefixBlocksSurname(t *testing.T) {
	tests := []struct {
		text   string
		person string // the person entity expected, "" for none
	}{
		{"The rally in San Marcos drew large crowds.", ""},
		{"SAN MARCOS, Texas — Voters lined up early.", ""},
		{"Troops left Fort Macron at dawn.", ""},
		{"Ferdinand Marcos Jr. spoke in Manila.", "ferdinand-marcos-jr"},
		{"President Macron spoke in Paris.", "emmanuel-macron"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := ""
			for _, e := range Annotate(tc.text).Entities {
				if e.Kind == KindPerson {
					got = e.ID
				}
			}
			if got != tc.person {
				t.Errorf("person = %q, want %q", got, tc.person)
			}
		})
	}
}
