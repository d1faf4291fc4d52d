//go:build !unix

package sync

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }

func serverCPUTime() (time.Duration, bool) { return 0, false }
