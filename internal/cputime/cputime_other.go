//go:build !unix

// Package cputime reads the CPU time the process has used, which a busy
// machine does not inflate the way it inflates wall time: benchmarks report
// it beside their wall figures.
package cputime

import "time"

// Process is not measured here: it returns false.
func Process() (time.Duration, bool) { return 0, false }
