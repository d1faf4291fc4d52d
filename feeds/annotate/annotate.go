// Package annotate owns annotating stored articles and indexing the
// results: Missing annotates every article that has no annotation for the
// annotator's version, on a worker per core, and saves the results in
// batches; Article annotates one. `herald fetch`, the reader's refresh and
// the export all go through here, so that the cache is keyed the same way
// everywhere (nlp.Annotator.Version) and a failed annotation is never
// cached.
package annotate

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// Store is what annotation reads and writes; *store.Store satisfies it and
// also the optional batch interfaces below, which Missing uses when there.
type Store interface {
	Unannotated(version string, limit int) ([]int64, error)
	Article(id int64) (store.Article, error)
	Annotation(articleID int64, version string) (nlp.Doc, bool, error)
	SaveAnnotation(articleID int64, hash, version string, doc nlp.Doc) error
}

// batchSaver saves many annotations in one transaction.
type batchSaver interface {
	SaveAnnotations([]store.AnnotationRecord) error
}

// bulkReader reads many articles for annotating in one query.
type bulkReader interface {
	AnnotationInputs(ids []int64, version string) ([]store.AnnotationInput, error)
}

// readChunk is how many articles one bulk read fetches.
const readChunk = 32

// filteredLister lists the unannotated articles of one feed or period.
type filteredLister interface {
	UnannotatedIn(version string, feedID int64, since time.Time, limit int) ([]int64, error)
}

// Options narrow and report Missing's work.
type Options struct {
	FeedID int64     // 0: every configured feed
	Since  time.Time // zero: any date
	Limit  int       // the newest Limit articles only; 0: all
	// Workers annotating at once; 0: runtime.GOMAXPROCS.
	Workers int
	// Progress, when not nil, is called after each saved batch with the
	// articles done so far and the total.
	Progress func(done, total int)
}

// Stats counts what Missing did.
type Stats struct {
	Total     int // articles that needed it
	Annotated int // annotated and saved
	Reused    int // indexed from an annotation cached for the same content
	Failed    int // the annotator failed on them: nothing cached
}

// Done is the articles handled.
func (s Stats) Done() int { return s.Annotated + s.Reused + s.Failed }

// batchMax bounds the annotations saved in one transaction; batchWait is
// how long the saver waits to fill a batch before writing what it has.
const (
	batchMax  = 256
	batchWait = 100 * time.Millisecond
)

// Missing annotates every article (under o's filters) that has no
// annotation for ann.Version(), newest first, and saves the annotations
// and the entity index. Workers (one per core) annotate; one saver writes
// batches of results, each in one transaction. It stops early, returning
// ctx's error, when ctx is cancelled; what was saved stays saved.
func Missing(ctx context.Context, st Store, ann *nlp.Annotator, o Options) (Stats, error) {
	version := ann.Version()
	var ids []int64
	var err error
	if o.FeedID != 0 || !o.Since.IsZero() {
		fl, ok := st.(filteredLister)
		if !ok {
			return Stats{}, errors.New("annotate: this store cannot list one feed's unannotated articles")
		}
		ids, err = fl.UnannotatedIn(version, o.FeedID, o.Since, o.Limit)
	} else {
		ids, err = st.Unannotated(version, o.Limit)
	}
	if err != nil {
		return Stats{}, err
	}
	stats := Stats{Total: len(ids)}
	if len(ids) == 0 {
		return stats, nil
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(ids))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, readChunk) // the next chunk is read while the workers annotate this one
	results := make(chan store.AnnotationRecord, 2*workers)
	var (
		mu       sync.Mutex // guards stats.Reused, stats.Failed, firstErr
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				id := j.id
				rec, reused, err := prepare(st, ann, version, j)
				switch {
				case err != nil:
					fail(fmt.Errorf("annotating article %d: %w", id, err))
					continue
				case reused:
					mu.Lock()
					stats.Reused++
					mu.Unlock()
					continue
				case rec.Doc.Failed:
					mu.Lock()
					stats.Failed++
					mu.Unlock()
					continue
				}
				select {
				case results <- rec:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		defer close(results)
		defer wg.Wait()
		defer close(jobs)
		br, bulk := st.(bulkReader)
		for start := 0; start < len(ids); start += readChunk {
			chunk := ids[start:min(start+readChunk, len(ids))]
			var js []job
			if bulk {
				ins, err := br.AnnotationInputs(chunk, version)
				if err != nil {
					fail(fmt.Errorf("reading articles to annotate: %w", err))
					return
				}
				for i := range ins {
					js = append(js, job{id: ins[i].ID, in: &ins[i]})
				}
			} else {
				for _, id := range chunk {
					js = append(js, job{id: id})
				}
			}
			for _, j := range js {
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
		}
	}()

	saved := 0
	for batch := range batches(results) {
		if ctx.Err() != nil {
			continue // drain: the workers are stopping
		}
		if err := save(st, batch); err != nil {
			fail(err)
			continue
		}
		saved += len(batch)
		if o.Progress != nil {
			mu.Lock()
			done := saved + stats.Reused + stats.Failed
			mu.Unlock()
			o.Progress(done, stats.Total)
		}
	}
	stats.Annotated = saved
	if firstErr != nil {
		return stats, firstErr
	}
	return stats, ctx.Err()
}

// job is one article to annotate: its id, and what a bulk read found.
type job struct {
	id int64
	in *store.AnnotationInput // nil: read it with Annotation and Article
}

// prepare annotates one article, unless an annotation cached for its
// content could be indexed instead (reused).
func prepare(st Store, ann *nlp.Annotator, version string, j job) (rec store.AnnotationRecord, reused bool, err error) {
	in := j.in
	if in == nil || in.Cached {
		if _, ok, err := st.Annotation(j.id, version); err != nil || ok {
			return rec, ok, err
		}
	}
	if in == nil {
		art, err := st.Article(j.id)
		if err != nil {
			return rec, false, err
		}
		in = &store.AnnotationInput{ID: art.ID, Title: art.Title, Text: art.Text, Published: art.Published}
	}
	rec = store.AnnotationRecord{ArticleID: in.ID, Title: in.Title, Text: in.Text, Version: version,
		Doc: ann.AnnotateArticle(in.Text, in.Published)}
	return rec, false, rec.Encode() // here, on this worker, not in the one saver
}

// batches groups records: whatever has arrived, up to batchMax, waiting up
// to batchWait for more while the batch is small.
func batches(in <-chan store.AnnotationRecord) <-chan []store.AnnotationRecord {
	out := make(chan []store.AnnotationRecord)
	go func() {
		defer close(out)
		for first := range in {
			batch := []store.AnnotationRecord{first}
			timer := time.NewTimer(batchWait)
		fill:
			for len(batch) < batchMax {
				select {
				case r, ok := <-in:
					if !ok {
						break fill
					}
					batch = append(batch, r)
				case <-timer.C:
					break fill
				}
			}
			timer.Stop()
			out <- batch
		}
	}()
	return out
}

func save(st Store, batch []store.AnnotationRecord) error {
	if bs, ok := st.(batchSaver); ok {
		if err := bs.SaveAnnotations(batch); err != nil {
			return fmt.Errorf("saving %d annotations: %w", len(batch), err)
		}
		return nil
	}
	for _, r := range batch {
		if err := st.SaveAnnotation(r.ArticleID, store.ContentHash(r.Title, r.Text), r.Version, r.Doc); err != nil {
			return fmt.Errorf("saving the annotation of article %d: %w", r.ArticleID, err)
		}
	}
	return nil
}

// Article annotates one article and caches the result (unless the
// annotator failed on it: Doc.Failed is then set and nothing is saved).
// The Doc is returned even when saving fails.
func Article(st Store, ann *nlp.Annotator, art store.Article) (nlp.Doc, error) {
	doc := ann.AnnotateArticle(art.Text, art.Published)
	if doc.Failed {
		return doc, nil
	}
	return doc, st.SaveAnnotation(art.ID, art.Hash, ann.Version(), doc)
}
