package store

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// checkpointEvery is the least time between two background checkpoints.
const checkpointEvery = 500 * time.Millisecond

// checkpointer copies committed WAL frames into the database file on its
// own connection, beside the writer, after write transactions (at most
// every checkpointEvery). A passive checkpoint blocks neither the writer
// nor the readers, and the writer's automatic checkpoint
// (wal_autocheckpoint) then finds little left to copy: done by the writer,
// the copying and syncing was a tenth of its time in a refresh, time in
// which every other writer waits.
type checkpointer struct {
	s    *Store
	mu   sync.Mutex // held while checkpointing: a second checkpoint would fail busy
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
		c.mu.Lock()
		_, _ = c.s.db.Exec("PRAGMA wal_checkpoint(PASSIVE)")
		c.mu.Unlock()
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

// truncateWAL copies the whole WAL into the database file and empties it,
// on conn, once any background checkpoint under way is done. busy reports
// that a reader kept it from finishing.
func (s *Store) truncateWAL(ctx context.Context, conn *sql.Conn) (busy bool, err error) {
	if s.ckpt != nil {
		s.ckpt.mu.Lock()
		defer s.ckpt.mu.Unlock()
	}
	var log, done int
	err = conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &log, &done)
	return busy, err
}
