package cpuwork

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Every piece of work runs, never more than GOMAXPROCS at once, and a
// panicking one gives its turn back.
func TestDoBoundsConcurrentWork(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	var now, most, done atomic.Int32
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { recover() }()
			Do(func() {
				n := now.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				time.Sleep(2 * time.Millisecond)
				now.Add(-1)
				done.Add(1)
				if i%7 == 0 {
					panic("work failed")
				}
			})
		}()
	}
	wg.Wait()
	if done.Load() != 40 {
		t.Errorf("%d of 40 pieces of work ran", done.Load())
	}
	if m := most.Load(); m > 3 || m < 2 {
		t.Errorf("%d ran at once; want at most GOMAXPROCS (3), and more than one", m)
	}
	if !runsSoon() {
		t.Fatal("a turn was lost: work after the panics never ran")
	}
}

// runsSoon reports whether a new piece of work gets a turn within 5 s.
func runsSoon() bool {
	ran := make(chan struct{})
	go Do(func() { close(ran) })
	select {
	case <-ran:
		return true
	case <-time.After(5 * time.Second):
		return false
	}
}

// While a turn is held, one fewer piece of work runs at once; once it is
// released, as many as before.
func TestHoldTakesATurn(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	most := func() int32 {
		var now, most atomic.Int32
		var wg sync.WaitGroup
		for range 30 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				Do(func() {
					n := now.Add(1)
					for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
					}
					time.Sleep(2 * time.Millisecond)
					now.Add(-1)
				})
			}()
		}
		wg.Wait()
		return most.Load()
	}
	release := Hold()
	held := most()
	release()
	if held != 2 {
		t.Errorf("%d ran at once while a turn was held; want 2 of GOMAXPROCS 3", held)
	}
	if m := most(); m != 3 {
		t.Errorf("%d ran at once after the turn was released; want 3", m)
	}
	runtime.GOMAXPROCS(1)
	release = Hold()
	if !runsSoon() {
		t.Fatal("on one core, a held turn stopped the work")
	}
	release()
}
