// Package cpuwork bounds how much CPU-bound work runs at once across the
// process: parsing feeds and annotating articles each take a turn, and at
// most one turn per core (GOMAXPROCS) runs at a time.
//
// A refresh runs many such goroutines beside the store's one writer. Left
// to the Go scheduler, a writer back from a system call waits behind them
// for a core; with the work in turns it finds one sooner, and fewer
// goroutines holding half-built feeds and documents means less for the
// collector. On a 500-feed `herald fetch` on two cores this took 4–5% off
// the wall time (README, Performance); a third turn was slower than two,
// and one turn slower still.
//
// The writer itself holds a turn while it writes (Hold), when there is
// more than one core: it is the one goroutine the others wait behind, so
// no new turn starts until it has a core. A day's fetch and annotation on
// two cores took about 5% less time with it.
package cpuwork

import (
	"runtime"
	"sync"
)

var (
	mu      sync.Mutex
	turn    = sync.NewCond(&mu)
	running int
)

// Do runs fn when fewer than GOMAXPROCS turns are running, and counts it
// as one until it returns (or panics). fn must not wait for anything that
// needs a turn (a nested Do, another turn's result): it could wait for
// ever. Parsing and annotating only compute.
func Do(fn func()) {
	mu.Lock()
	for running >= runtime.GOMAXPROCS(0) {
		turn.Wait()
	}
	running++
	mu.Unlock()
	defer func() {
		mu.Lock()
		running--
		mu.Unlock()
		turn.Signal()
	}()
	fn()
}

// Hold counts the caller as one turn, without waiting for one, until the
// returned func is called; on one core it does nothing, since the caller
// would then only stop every turn while it waits for the disk.
func Hold() (release func()) {
	if runtime.GOMAXPROCS(0) == 1 {
		return func() {}
	}
	mu.Lock()
	running++
	mu.Unlock()
	return func() {
		mu.Lock()
		running--
		mu.Unlock()
		turn.Signal()
	}
}
