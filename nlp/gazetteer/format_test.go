package gazetteer

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestFileHasOneEntryPerLine keeps gazetteer.json diff-friendly: apart from
// the lines that open and close its lists, every line is one whole entry.
func TestFileHasOneEntryPerLine(t *testing.T) {
	structural := map[string]bool{"{": true, "}": true, "],": true, "]": true,
		`"countries": [`: true, `"leaders": [`: true, `"organisations": [`: true}
	entries := 0
	for i, line := range strings.Split(strings.TrimRight(string(embeddedJSON), "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		if structural[trimmed] || strings.HasPrefix(trimmed, `"as_of":`) {
			continue
		}
		var entry map[string]any
		if err := json.Unmarshal([]byte(strings.TrimSuffix(trimmed, ",")), &entry); err != nil || entry["id"] == nil {
			t.Errorf("line %d is not one whole entry: %.80s", i+1, line)
			continue
		}
		entries++
	}
	d := mustLoad(t)
	if want := len(d.Countries) + len(d.Leaders) + len(d.Organisations); entries != want {
		t.Errorf("%d entry lines, want %d", entries, want)
	}
}

func TestNilDataIsSafe(t *testing.T) {
	var d *Data
	if err := d.Validate(); err != nil {
		t.Errorf("nil Validate = %v", err)
	}
	if _, ok := d.CountryByID("france"); ok {
		t.Error("nil data found a country")
	}
	if _, ok := d.LeaderByID("keir-starmer"); ok {
		t.Error("nil data found a leader")
	}
	if _, ok := d.OrganisationByID("nato"); ok {
		t.Error("nil data found an organisation")
	}
	if m := Merge(nil, Data{Countries: []Country{{Name: "Ruritania"}}}); len(m.Countries) != 1 || m.Countries[0].ID != "ruritania" {
		t.Errorf("Merge(nil, …) = %+v", m)
	}
}
