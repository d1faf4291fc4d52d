package store

import (
	"sync"
	"time"
)

// checkpointEvery is the least time between two background checkpoints.
const checkpointEvery = 200 * time.Millisecond

// checkpointer copies committed WAL frames into the database file on its
// own connection, beside the writer, after write transactions (at most
// every checkpointEvery). A passive checkpoint blocks neither the writer
// nor the readers, and the writer's automatic checkpoint
// (wal_autocheckpoint) then finds little left to copy: done by the writer,
// the copying and syncing was a tenth of its time in a refresh, time in
// which every other writer waits.
type checkpointer struct {
	s    *Store
	kick chan struct{}
	stop chan struct{}
	done sync.WaitGroup
}

func startCheckpointer(s *Store) *checkpointer {
	c := &checkpointer{s: s, kick: make(chan struct{}, 1), stop: make(chan struct{})}
	c.done.Add(1)
	go c.run()
	return c
}

// committed tells the checkpointer that a write transaction ended.
func (c *checkpointer) committed() {
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) run() {
	defer c.done.Done()
	for {
		select {
		case <-c.stop:
			return
		case <-c.kick:
		}
		// An error (a busy checkpoint lock, say) only leaves the copying
		// to the next checkpoint, or to the writer's own.
		_, _ = c.s.db.Exec("PRAGMA wal_checkpoint(PASSIVE)")
		select {
		case <-c.stop:
			return
		case <-time.After(checkpointEvery):
		}
	}
}

// close stops the checkpointer, waiting for a checkpoint under way.
func (c *checkpointer) close() {
	close(c.stop)
	c.done.Wait()
}
