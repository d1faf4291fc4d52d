package feeds

import (
	"testing"
	"time"
)

func TestParseLooseDate(t *testing.T) {
	at := time.Date(2025, 11, 17, 9, 14, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time // zero: no date
	}{
		{"mon, 17 nov 2025 09:14:00 gmt", at},
		{"MON, 17 NOV 2025 09:14:00 GMT", at},
		{"Mo, 17 Nov 2025 10:14:00 +0100", at},
		{"Montag, 17. November 2025 10:14:00 +0100", at},
		{"Mo, 17. März 2025 09:14 MEZ", time.Date(2025, 3, 17, 8, 14, 0, 0, time.UTC)},
		{"17. Dezember 2025 um 10:14 Uhr", time.Date(2025, 12, 17, 10, 14, 0, 0, time.UTC)},
		{"lundi 17 novembre 2025", time.Date(2025, 11, 17, 0, 0, 0, 0, time.UTC)},
		{"lun., 17 nov. 2025 09:14:00 GMT", at},
		{"17 décembre 2025 à 09:14", time.Date(2025, 12, 17, 9, 14, 0, 0, time.UTC)},
		{"mar., 18 nov. 2025 09:14:00 +0000", at.AddDate(0, 0, 1)}, // "mar" the French Tuesday, then a month
		{"17 mar 2025 09:14:00 EST", time.Date(2025, 3, 17, 14, 14, 0, 0, time.UTC)},
		{"mon, 17 nov 25 09:14:00 +0000", at},
		{"1763370840", at},
		{"1763370840000", at},
		{"  1763370840\n", at},
		// no clear instant: no date
		{"", time.Time{}},
		{"12345", time.Time{}},
		{"99999999999", time.Time{}}, // year 5138
		{"yesterday", time.Time{}},
		{"not a date at all", time.Time{}},
		{"mon, 31 feb 2025 09:14:00 +0000", time.Time{}},
		{"17 nov 2025 25:61:00 +0000", time.Time{}},
		{"nov 2025", time.Time{}},
		{"lundi", time.Time{}},
	}
	for _, tt := range tests {
		got, ok := parseLooseDate(tt.in)
		if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
			t.Errorf("parseLooseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("parseLooseDate(%q) in %v, want UTC", tt.in, got.Location())
		}
	}
}
