package nlp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// seedGold is the seed article's gold file (a copy in testdata): its
// people with their surface forms, its countries and its quotes.
type seedGold struct {
	People []struct {
		Name     string   `json:"name"`
		Leader   bool     `json:"leader"`
		Mentions []string `json:"mentions"`
	} `json:"people"`
	Countries []string `json:"countries"`
	Quotes    []struct {
		Text     string   `json:"text"`
		Speaker  string   `json:"speaker"`
		Required *bool    `json:"required"`
		Alt      []string `json:"alt_speakers"`
	} `json:"quotes"`
}

// loadSeed reads the seed article and its gold annotations.
func loadSeed(t *testing.T) (string, seedGold) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "seed-ukraine-talks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	gb, err := os.ReadFile(filepath.Join("testdata", "seed-ukraine-talks.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(gb, &gold); err != nil {
		t.Fatal(err)
	}
	return string(raw), gold
}
