package sync

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

// benchEntries is the size of the benchmark feed scripts/test-sync serves.
const benchEntries = 10000

// subscribeBench subscribes the user to the 10,000-entry feed once.
func (s liveServer) subscribeBench(b *testing.B) {
	var feeds []mfFeed
	if err := s.rest(http.MethodGet, "/v1/feeds", nil, &feeds); err != nil {
		b.Fatal(err)
	}
	for _, f := range feeds {
		if strings.HasSuffix(f.FeedURL, "/bench.xml") {
			return
		}
	}
	start := time.Now()
	if err := s.source(TypeMiniflux, s.pass, s.url).Subscribe(context.Background(), s.feeds+"/bench.xml", "", "Bench"); err != nil {
		b.Fatal(err)
	}
	b.Logf("Miniflux took %s to subscribe to the %d-entry feed", time.Since(start).Round(time.Millisecond), benchEntries)
}

// BenchmarkIntegrationInitialSync syncs a fresh store from the local
// Miniflux, which holds at least 10,000 entries. Target: 10 s.
func BenchmarkIntegrationInitialSync(b *testing.B) {
	s := live(b)
	s.subscribeBench(b)
	for _, typ := range apis {
		b.Run(typ, func(b *testing.B) {
			src := s.source(typ, s.pass, s.url)
			var worst time.Duration
			for b.Loop() {
				b.StopTimer()
				st := freshStore(b)
				b.StartTimer()
				start := time.Now()
				stats := mustSync(b, src, st)
				worst = max(worst, time.Since(start))
				if stats.Added < benchEntries {
					b.Fatalf("initial sync added %d entries, want at least %d", stats.Added, benchEntries)
				}
			}
			if worst > 10*time.Second {
				b.Errorf("initial sync took %s, over the 10 s target", worst)
			}
		})
	}
}

// BenchmarkIntegrationIncrementalSync syncs a store that is up to date.
// Target: 200 ms.
func BenchmarkIntegrationIncrementalSync(b *testing.B) {
	s := live(b)
	s.subscribeBench(b)
	for _, typ := range apis {
		b.Run(typ, func(b *testing.B) {
			src := s.source(typ, s.pass, s.url)
			st := freshStore(b)
			mustSync(b, src, st)
			var worst time.Duration
			for b.Loop() {
				start := time.Now()
				if stats := mustSync(b, src, st); stats.Added != 0 {
					b.Fatalf("incremental sync with nothing new added %d entries", stats.Added)
				}
				worst = max(worst, time.Since(start))
			}
			if worst > 200*time.Millisecond {
				b.Errorf("incremental sync took %s, over the 200 ms target", worst)
			}
		})
	}
}
