package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// The analyst benchmarks run on the same 100,000-article store as the
// others (every article annotated). Targets: opening a picker (the load
// and the first frame) ≤ 50 ms; applying a leader or country filter (the
// count and the first page) ≤ 30 ms; a search ≤ 100 ms.

// reportMS adds the mean time per operation in milliseconds.
func reportMS(b *testing.B, start time.Time) {
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/op")
}

func benchPicker(b *testing.B, chips []chip, kind string) {
	d := newDriver(b, testOptions(bigStore(b)), 200, 50)
	d.m.chips = chips
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		d.run(d.m.openPicker(kind))
		v := d.m.View()
		p := d.m.overlay.(*pickerOverlay)
		if p.loading || len(p.all) == 0 || !strings.Contains(v, p.all[0].Name) {
			b.Fatalf("the picker did not load: %+v", p.err)
		}
		d.m.overlay = nil
	}
	reportMS(b, start)
}

func BenchmarkOpenLeaderPicker(b *testing.B)  { benchPicker(b, nil, store.CountLeaders) }
func BenchmarkOpenCountryPicker(b *testing.B) { benchPicker(b, nil, store.CountCountries) }

// With a frequent leader chip set the counts are grouped over that
// leader's articles (a seventh of the store).
func BenchmarkOpenCountryPickerFiltered(b *testing.B) {
	benchPicker(b, []chip{{kind: chipLeader, id: "leader-01", name: benchLeaderName(1)}}, store.CountCountries)
}

func BenchmarkOpenLeaderPickerFiltered(b *testing.B) {
	benchPicker(b, []chip{{kind: chipCountry, id: "country-010", name: benchCountryName(10)}}, store.CountLeaders)
}

// benchFilter measures the list's count and first page for chips.
func benchFilter(b *testing.B, chips []chip) {
	d := newDriver(b, testOptions(bigStore(b)), 200, 50)
	d.m.chips = chips
	q := d.m.query()
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		d.run(d.m.list.setQuery(q))
		if d.m.list.total <= 0 {
			b.Fatalf("no article matches %+v", q)
		}
	}
	reportMS(b, start)
}

func BenchmarkFilterLeader(b *testing.B) {
	benchFilter(b, []chip{{kind: chipLeader, id: "leader-20", name: benchLeaderName(20)}})
}

func BenchmarkFilterFrequentLeader(b *testing.B) {
	benchFilter(b, []chip{{kind: chipLeader, id: "leader-01", name: benchLeaderName(1)}})
}

func BenchmarkFilterCountry(b *testing.B) {
	benchFilter(b, []chip{{kind: chipCountry, id: "country-010", name: benchCountryName(10)}})
}

func BenchmarkFilterLeaderAndCountry(b *testing.B) {
	benchFilter(b, []chip{{kind: chipLeader, id: "leader-01", name: benchLeaderName(1)},
		{kind: chipCountry, id: "country-010", name: benchCountryName(10)}})
}

func BenchmarkSearchWord(b *testing.B) {
	// "Story 123" titles: a number matches one story per feed.
	benchFilter(b, []chip{{kind: chipSearch, id: "story 4242", name: "story 4242"}})
}

func BenchmarkSearchCommonWord(b *testing.B) {
	benchFilter(b, []chip{{kind: chipSearch, id: "summit", name: "summit"}})
}

func BenchmarkSearchWithLeader(b *testing.B) {
	benchFilter(b, []chip{{kind: chipLeader, id: "leader-01", name: benchLeaderName(1)},
		{kind: chipSearch, id: "summit", name: "summit"}})
}

// BenchmarkCrossStatements loads a frequent leader's statements for the
// cross-article sidebar (capped at crossLimit).
func BenchmarkCrossStatements(b *testing.B) {
	d := newDriver(b, testOptions(bigStore(b)), 200, 50)
	d.m.chips = []chip{{kind: chipLeader, id: "leader-01", name: benchLeaderName(1)}}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		d.run(d.m.loadCross())
		if len(d.m.crossRows) == 0 {
			b.Fatal("no statements")
		}
	}
	reportMS(b, start)
}
