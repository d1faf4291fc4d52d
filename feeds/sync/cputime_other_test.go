//go:build !unix

package sync

import "time"

func serverCPUTime() (time.Duration, bool) { return 0, false }
