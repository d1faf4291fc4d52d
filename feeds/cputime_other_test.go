//go:build !unix

package feeds

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
