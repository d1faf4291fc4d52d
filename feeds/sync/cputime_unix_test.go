//go:build unix

package sync

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// serverCPUTime is the CPU time used by the local Miniflux and PostgreSQL
// that scripts/test-sync started (HERALD_SERVER_PIDS: Miniflux and the
// postmaster, whose backends are counted too), read from /proc; false
// where there is none.
func serverCPUTime() (time.Duration, bool) {
	var roots []string
	for _, p := range strings.Fields(os.Getenv("HERALD_SERVER_PIDS")) {
		roots = append(roots, p)
	}
	if len(roots) == 0 {
		return 0, false
	}
	dirs, err := os.ReadDir("/proc")
	if err != nil {
		return 0, false
	}
	isRoot := func(pid string) bool {
		for _, r := range roots {
			if r == pid {
				return true
			}
		}
		return false
	}
	const tick = 10 * time.Millisecond // USER_HZ is 100 on Linux
	var total time.Duration
	for _, d := range dirs {
		b, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// Fields after the command, which is in parentheses: state ppid
		// ... utime (14th field) stime (15th).
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 || !(isRoot(d.Name()) || isRoot(f[1])) {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		total += time.Duration(u+st) * tick
	}
	return total, true
}
