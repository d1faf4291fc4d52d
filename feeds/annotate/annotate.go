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
	"time"

	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/internal/cpuwork"
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

func (s *Stats) add(o Stats) {
	s.Total += o.Total
	s.Annotated += o.Annotated
	s.Reused += o.Reused
	s.Failed += o.Failed
}

// batchMax bounds the annotations saved in one transaction; see batches
// for batchMin and batchWait.
const (
	batchMax  = 256
	batchMin  = 32
	batchWait = 100 * time.Millisecond
)

// Missing annotates every article (under o's filters) that has no
// annotation for ann.Version(), newest first, and saves the annotations
// and the entity index: a Pipeline given every such article at once. It
// stops early, returning ctx's error, when ctx is cancelled; what was
// saved stays saved.
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
	if len(ids) == 0 {
		return Stats{}, nil
	}
	if o.Workers <= 0 || o.Workers > len(ids) {
		o.Workers = min(runtime.GOMAXPROCS(0), len(ids))
	}
	p := Start(ctx, st, ann, o)
	p.Add(ids...)
	return p.Wait()
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
	rec = store.AnnotationRecord{ArticleID: in.ID, Title: in.Title, Text: in.Text, Version: version, Published: in.Published}
	cpuwork.Do(func() {
		rec.Doc = ann.AnnotateArticle(in.Text, in.Published)
		err = rec.Encode() // here, on this worker, not in the one saver
	})
	return rec, false, err
}

// batches groups records for the one saver: what arrives while it is
// writing the last batch goes into the next, up to batchMax. When it is
// idle, a batch smaller than batchMin waits up to batchWait for more, so
// that a slow trickle does not cost a transaction per article.
func batches(in <-chan store.AnnotationRecord) <-chan []store.AnnotationRecord {
	out := make(chan []store.AnnotationRecord)
	go func() {
		defer close(out)
		var (
			pending []store.AnnotationRecord
			timer   *time.Timer
			waited  <-chan time.Time
			ready   bool // pending may go: full enough, waited, or the input ended
		)
		for in != nil || len(pending) > 0 {
			var send chan<- []store.AnnotationRecord
			if len(pending) > 0 && (ready || in == nil || len(pending) >= batchMin) {
				send = out
			}
			recv := in
			if len(pending) >= batchMax {
				recv = nil
			}
			select {
			case r, ok := <-recv:
				if !ok {
					in = nil
					continue
				}
				if len(pending) == 0 {
					timer = time.NewTimer(batchWait)
					waited, ready = timer.C, false
				}
				pending = append(pending, r)
			case <-waited:
				waited, ready = nil, true
			case send <- pending:
				pending = nil
				if timer != nil {
					timer.Stop()
				}
				waited = nil
			}
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
