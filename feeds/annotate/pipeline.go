package annotate

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// Pipeline annotates articles as they are handed to it: a reader takes
// the ids queued by Add in chunks, workers (one per core) annotate, and
// one saver writes the results in batches, each in one transaction. A
// refresh hands it each feed's new articles as soon as they are saved, so
// that annotating overlaps the rest of the download instead of following
// it. Only ids wait in the queue: the articles are read as the workers
// need them, so the queue's memory does not grow with their text.
type Pipeline struct {
	parent  context.Context
	ctx     context.Context
	cancel  context.CancelFunc
	st      Store
	ann     *nlp.Annotator
	version string
	o       Options

	mu       sync.Mutex
	queue    []int64
	closed   bool
	wake     chan struct{} // a token: ids were queued or the queue closed
	stats    Stats
	firstErr error

	done chan struct{} // closed when the saver has written its last batch
}

// Start starts a pipeline; o's filters and Limit are not used (the caller
// chooses the ids). Wait must be called to release it.
func Start(ctx context.Context, st Store, ann *nlp.Annotator, o Options) *Pipeline {
	inner, cancel := context.WithCancel(ctx)
	p := &Pipeline{parent: ctx, ctx: inner, cancel: cancel, st: st, ann: ann, version: ann.Version(), o: o,
		wake: make(chan struct{}, 1), done: make(chan struct{})}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job, readChunk) // the next chunk is read while the workers annotate this one
	results := make(chan store.AnnotationRecord, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.work(jobs, results)
		}()
	}
	go func() {
		defer close(results)
		defer wg.Wait()
		defer close(jobs)
		p.read(jobs)
	}()
	go p.save(results)
	return p
}

// Add queues articles for annotating. It does not block.
func (p *Pipeline) Add(ids ...int64) {
	if len(ids) == 0 {
		return
	}
	p.mu.Lock()
	p.queue = append(p.queue, ids...)
	p.stats.Total += len(ids)
	p.mu.Unlock()
	p.signal()
}

// Wait closes the queue, waits until every queued article is annotated and
// saved (or the context is cancelled, or saving fails), and returns what
// was done: the first error, else the context's.
func (p *Pipeline) Wait() (Stats, error) {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.signal()
	<-p.done
	p.cancel()
	p.mu.Lock()
	defer p.mu.Unlock()
	stats := p.stats
	if p.firstErr != nil {
		return stats, p.firstErr
	}
	return stats, p.parent.Err()
}

func (p *Pipeline) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

func (p *Pipeline) fail(err error) {
	p.mu.Lock()
	if p.firstErr == nil {
		p.firstErr = err
	}
	p.mu.Unlock()
	p.cancel()
}

// next takes up to readChunk queued ids, waiting for some; none once the
// queue is closed and empty, or the context is done.
func (p *Pipeline) next() []int64 {
	for {
		p.mu.Lock()
		if n := min(len(p.queue), readChunk); n > 0 {
			chunk := append([]int64(nil), p.queue[:n]...)
			p.queue = p.queue[n:]
			if len(p.queue) == 0 {
				p.queue = nil // let a long refresh's drained queue go
			}
			p.mu.Unlock()
			return chunk
		}
		closed := p.closed
		p.mu.Unlock()
		if closed {
			return nil
		}
		select {
		case <-p.wake:
		case <-p.ctx.Done():
			return nil
		}
	}
}

// read turns queued ids into jobs, reading the articles in bulk when the
// store can.
func (p *Pipeline) read(jobs chan<- job) {
	br, bulk := p.st.(bulkReader)
	for chunk := p.next(); chunk != nil; chunk = p.next() {
		var js []job
		if bulk {
			ins, err := br.AnnotationInputs(chunk, p.version)
			if err != nil {
				p.fail(fmt.Errorf("reading articles to annotate: %w", err))
				return
			}
			for i := range ins {
				js = append(js, job{id: ins[i].ID, in: &ins[i]})
			}
			if gone := len(chunk) - len(ins); gone > 0 {
				p.count(func(s *Stats) { s.Total -= gone }) // deleted since they were queued
			}
		} else {
			for _, id := range chunk {
				js = append(js, job{id: id})
			}
		}
		for _, j := range js {
			select {
			case jobs <- j:
			case <-p.ctx.Done():
				return
			}
		}
	}
}

func (p *Pipeline) count(f func(*Stats)) {
	p.mu.Lock()
	f(&p.stats)
	p.mu.Unlock()
}

func (p *Pipeline) work(jobs <-chan job, results chan<- store.AnnotationRecord) {
	for j := range jobs {
		rec, reused, err := prepare(p.st, p.ann, p.version, j)
		switch {
		case err != nil:
			p.fail(fmt.Errorf("annotating article %d: %w", j.id, err))
			continue
		case reused:
			p.count(func(s *Stats) { s.Reused++ })
			continue
		case rec.Doc.Failed:
			p.count(func(s *Stats) { s.Failed++ })
			continue
		}
		select {
		case results <- rec:
		case <-p.ctx.Done():
		}
	}
}

func (p *Pipeline) save(results <-chan store.AnnotationRecord) {
	defer close(p.done)
	for batch := range batches(results) {
		if p.ctx.Err() != nil {
			continue // drain: the workers are stopping
		}
		if err := save(p.st, batch); err != nil {
			p.fail(err)
			continue
		}
		p.mu.Lock()
		p.stats.Annotated += len(batch)
		done, total := p.stats.Done(), p.stats.Total
		p.mu.Unlock()
		if p.o.Progress != nil {
			p.o.Progress(done, total)
		}
	}
}
