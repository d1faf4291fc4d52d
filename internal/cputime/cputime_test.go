package cputime

import "testing"

// Work done by the process shows in its CPU time, where it can be read.
func TestProcessGrowsWithWork(t *testing.T) {
	before, ok := Process()
	if !ok {
		t.Skip("no CPU time on this system")
	}
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x ^= i * 31
	}
	after, _ := Process()
	if after <= before {
		t.Errorf("CPU time %v then %v (work %d): want it to grow", before, after, x)
	}
}
