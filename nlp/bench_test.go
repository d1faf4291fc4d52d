package nlp

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchArticles builds at least 1 MB of news text from the fixtures: each
// article is a headline plus paragraphs drawn from all of them in a
// shuffled order, so the annotator sees varied articles, not one repeated.
func benchArticles(tb testing.TB) ([]string, int) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "bench", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no bench fixtures: %v", err)
	}
	files = append(files, filepath.Join("testdata", "seed-ukraine-talks.txt"))
	var paras []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	rng := rand.New(rand.NewSource(7))
	var arts []string
	total := 0
	for total < 1<<20 {
		n := 12 + rng.Intn(20)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(paras[rng.Intn(len(paras))])
			b.WriteString("\n\n")
		}
		arts = append(arts, b.String())
		total += b.Len()
	}
	return arts, total
}

// reportCPU adds the speed in CPU time to a benchmark's figures: on a
// machine shared with other work, wall time counts the waits for a core and
// CPU time does not. Call it before the loop, with the bytes of one op.
func reportCPU(b *testing.B, bytes int) {
	cpu0 := cpuTime()
	b.Cleanup(func() {
		if d := cpuTime() - cpu0; d > 0 && b.N > 0 {
			b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "cpu-MB/s")
		}
	})
}

func BenchmarkAnnotate(b *testing.B) {
	arts, total := benchArticles(b)
	a := Default()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	reportCPU(b, total)
	for b.Loop() {
		for _, t := range arts {
			a.Annotate(t)
		}
	}
}

func TestBenchFixturesAnnotate(t *testing.T) {
	arts, total := benchArticles(t)
	if total < 1<<20 {
		t.Fatalf("bench text is %d bytes, want at least 1 MB", total)
	}
	for _, s := range arts[:5] {
		doc := Annotate(s)
		checkDoc(t, doc)
		if len(doc.Entities) == 0 {
			t.Errorf("no entities in a bench article")
		}
	}
}

// BenchmarkAnnotateLength annotates one document of each size, built from the
// fixtures' paragraphs: the annotator must stay linear however long a text
// runs (a 10 MB document at 80% or more of the 10 KB speed). Each size is
// annotated once before the timing starts, so that every size is measured
// with the pooled buffers a run of such texts reuses, as the short ones are:
// otherwise the 10 MB case, one op per second, would time only its first
// call's allocations.
func BenchmarkAnnotateLength(b *testing.B) {
	arts, _ := benchArticles(b)
	all := strings.Join(arts, "")
	for _, size := range []struct {
		name string
		n    int
	}{{"10KB", 10 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		var sb strings.Builder
		for sb.Len() < size.n {
			sb.WriteString(all[:min(len(all), size.n-sb.Len())])
		}
		text := sb.String()
		b.Run(size.name, func(b *testing.B) {
			a := Default()
			a.Annotate(text)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			reportCPU(b, len(text))
			for b.Loop() {
				a.Annotate(text)
			}
		})
	}
}
