package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkStatements measures findStatements alone over about 1 MB of the
// statement fixtures, entities found once beforehand.
func BenchmarkStatements(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("testdata", "statements", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no fixtures: %v", err)
	}
	var one strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		one.Write(raw)
		one.WriteString("\n\n")
	}
	var all strings.Builder
	for all.Len() < 1<<20 {
		all.WriteString(one.String())
	}
	a := Default()
	text := Normalize(all.String())
	ents := a.findEntities(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(a.findStatements(text, ents)) == 0 {
			b.Fatal("no statements found")
		}
	}
}
