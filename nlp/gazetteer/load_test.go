package gazetteer

import "testing"

func TestLoadValidates(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if d.AsOf == "" || len(d.Countries) == 0 || len(d.Leaders) == 0 || len(d.GivenNames) == 0 {
		t.Fatalf("embedded data is incomplete: as_of %q, %d countries, %d leaders, %d given names",
			d.AsOf, len(d.Countries), len(d.Leaders), len(d.GivenNames))
	}
}
