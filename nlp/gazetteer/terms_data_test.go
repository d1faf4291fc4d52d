package gazetteer

import (
	"fmt"
	"testing"
	"time"
)

func TestEveryOfficeTermParses(t *testing.T) {
	d := mustLoad(t)
	for _, l := range d.Leaders {
		for _, o := range l.Offices {
			if err := validateTerm(o); err != nil {
				t.Errorf("leader %q, office %q of %s: %v", l.ID, o.Role, officePlace(o), err)
			}
		}
	}
}

func TestLeadersHeldOn(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		id     string
		office Office
		on     string
		want   bool
	}{
		{"barack-obama", Office{Role: "president", Country: "united-states"}, "2016-10-01", true},
		{"barack-obama", Office{Role: "president", Country: "united-states"}, "2020-01-01", false},
		{"claudia-sheinbaum", Office{Role: "president", Country: "mexico"}, "2016-06-01", false},
		{"claudia-sheinbaum", Office{Role: "president", Country: "mexico"}, "2025-06-01", true},
		{"santiago-pena", Office{Role: "president", Country: "paraguay"}, "2016-06-01", false},
		{"santiago-pena", Office{Role: "president", Country: "paraguay"}, "2025-06-01", true},
		{"joe-biden", Office{Role: "vice president", Country: "united-states"}, "2016-06-01", true},
		{"joe-biden", Office{Role: "president", Country: "united-states"}, "2016-06-01", false},
		{"joe-biden", Office{Role: "president", Country: "united-states"}, "2023-06-01", true},
		{"donald-trump", Office{Role: "president", Country: "united-states"}, "2016-10-01", false},
		{"donald-trump", Office{Role: "president", Country: "united-states"}, "2019-10-01", true},
		{"donald-trump", Office{Role: "president", Country: "united-states"}, "2023-10-01", false},
		{"donald-trump", Office{Role: "president", Country: "united-states"}, "2025-10-01", true},
		{"hillary-clinton", Office{Role: "secretary of state", Country: "united-states"}, "2012-01-01", true},
		{"hillary-clinton", Office{Role: "secretary of state", Country: "united-states"}, "2016-01-01", false},
		{"mike-pence", Office{Role: "governor", Country: "united-states"}, "2016-10-01", true},
		{"mike-pence", Office{Role: "vice president", Country: "united-states"}, "2019-10-01", true},
	}
	for _, tt := range tests {
		l, ok := d.LeaderByID(tt.id)
		if !ok {
			t.Errorf("leader %q missing", tt.id)
			continue
		}
		got := false
		for _, o := range l.Offices {
			if o.Role == tt.office.Role && o.Country == tt.office.Country && o.Org == tt.office.Org && o.HeldOn(day(tt.on)) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%s held %s of %s on %s = %v, want %v", tt.id, tt.office.Role, officePlace(tt.office), tt.on, got, tt.want)
		}
	}
}

// sharedOffices are roles that several people hold at once, so that terms
// may overlap: legislators, governors, premiers and mayors of one country, party and
// opposition leaders (one per party or chamber), deputies, and the two
// co-presidents of Nicaragua since 2025.
var sharedOffices = map[string]bool{
	"senator": true, "governor": true, "premier": true, "mayor": true, "party leader": true,
	"opposition leader": true, "deputy prime minister": true,
	"vice president@european-commission": true, "president@nicaragua": true,
}

// TestNoTwoHoldersAtOnce checks that no two terms of a single-holder office
// overlap: a term may end on the day the next begins (a handover), no more.
func TestNoTwoHoldersAtOnce(t *testing.T) {
	d := mustLoad(t)
	type term struct {
		who         string
		first, last time.Time
	}
	never := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	forever := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	terms := map[string][]term{}
	for _, l := range d.Leaders {
		for _, o := range l.Offices {
			office := o.Role + "@" + officePlace(o)
			if sharedOffices[o.Role] || sharedOffices[office] {
				continue
			}
			tm := term{who: l.ID, first: never, last: forever}
			if o.Start != "" {
				tm.first, _, _ = parseTermDate(o.Start)
			}
			if o.End != "" {
				_, tm.last, _ = parseTermDate(o.End)
			}
			terms[office] = append(terms[office], tm)
		}
	}
	show := func(x term) string {
		return fmt.Sprintf("%s (%s..%s)", x.who, x.first.Format("2006-01-02"), x.last.Format("2006-01-02"))
	}
	for office, ts := range terms {
		for i, a := range ts {
			for _, b := range ts[i+1:] {
				if a.first.Before(b.last) && b.first.Before(a.last) {
					t.Errorf("%s: %s and %s overlap", office, show(a), show(b))
				}
			}
		}
	}
}
