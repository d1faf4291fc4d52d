package gazetteer

import (
	"slices"
	"testing"
)

func TestGivenNames(t *testing.T) {
	d := mustLoad(t)
	names := d.GivenNames
	if len(names) < 2500 {
		t.Errorf("%d given names, want at least 2500", len(names))
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Error("given names are not sorted and unique")
	}
	for _, n := range []string{"Steve", "Maria", "Keir", "Olaf", "Volodymyr", "Oleksandr", "Mohammed",
		"Ahmed", "Fatima", "Aisha", "Priya", "Rahul", "Hiroshi", "Wei", "Jorge", "Jordan", "Chad", "Mark",
		"Kwame", "Ngozi", "Yulia", "Recep", "Jean-Noël", "Władysław"} {
		if _, found := slices.BinarySearch(names, n); !found {
			t.Errorf("given name %q missing", n)
		}
	}
	// Words far more common as ordinary capitalised words, honorifics or places.
	for _, n := range []string{"May", "June", "Will", "The", "Said", "Sir", "Mr", "China", "Georgia",
		"Israel", "America", "Sen", "Hope", "Sunday", "Marine"} {
		if _, found := slices.BinarySearch(names, n); found {
			t.Errorf("given names include %q", n)
		}
	}
}

func TestParseGivenNames(t *testing.T) {
	got := parseGivenNames("# comment\nZoe\n\n  Anna \nZoe\r\nBen\n")
	if want := []string{"Anna", "Ben", "Zoe"}; !slices.Equal(got, want) {
		t.Errorf("parseGivenNames = %q, want %q", got, want)
	}
}
