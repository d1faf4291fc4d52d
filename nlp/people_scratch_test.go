package nlp

import (
	"fmt"
	"strings"
	"testing"
)

// The pooled people tables carry nothing from one article to the next: an
// article gives the same entities before and after others reused them, and
// a returned result never changes.
func TestPeopleScratchReuse(t *testing.T) {
	texts := []string{
		"Emmanuel Macron met Olaf Scholz in Paris. Macron said France would help.",
		"Steve Witkoff flew to Moscow. Mr Witkoff met Vladimir Putin; Putin's aide spoke.",
		"Maria Lopez, a teacher, voted. Lopez said Jordan Smith agreed, as did Ms Lopez's son.",
		strings.Repeat("President Donald Trump spoke to Zelensky. Trump said Ukraine must decide. ", 40),
	}
	a := Default()
	docs := make([]Doc, len(texts))
	want := make([]string, len(texts))
	for i, s := range texts {
		docs[i] = a.Annotate(s)
		want[i] = fmt.Sprintf("%+v", docs[i].Entities)
		if len(docs[i].Entities) == 0 {
			t.Fatalf("text %d: no entities", i)
		}
	}
	for round := 0; round < 2; round++ {
		for i := len(texts) - 1; i >= 0; i-- {
			if got := fmt.Sprintf("%+v", a.Annotate(texts[i]).Entities); got != want[i] {
				t.Errorf("text %d, round %d: entities differ after reuse:\n got %s\nwant %s", i, round, got, want[i])
			}
		}
	}
	for i := range texts {
		if got := fmt.Sprintf("%+v", docs[i].Entities); got != want[i] {
			t.Errorf("text %d: an earlier result changed:\n got %s\nwant %s", i, got, want[i])
		}
	}
}

// Clusters come from fixed blocks: more clusters than one block holds stay
// distinct, and a recycled scratch hands out zeroed clusters.
func TestClusterArena(t *testing.T) {
	ps := getPeopleScratch()
	seen := map[*cluster]bool{}
	for i := 0; i < 3*clusterBlock+1; i++ {
		c := ps.newCluster()
		if seen[c] {
			t.Fatalf("cluster %d handed out twice", i)
		}
		seen[c] = true
		c.name = "x"
	}
	putPeopleScratch(ps)
	ps = getPeopleScratch()
	defer putPeopleScratch(ps)
	for i := 0; i < 2*clusterBlock; i++ {
		if c := ps.newCluster(); c.name != "" {
			t.Fatalf("recycled cluster %d not zeroed: %+v", i, *c)
		}
	}
}
