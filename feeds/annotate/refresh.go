package annotate

import (
	"context"

	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// Refresh fetches feeds into st as feeds.Refresh does and annotates each
// feed's new and changed articles as soon as they are saved, on a worker
// per core, while the other feeds are still downloading; then whatever
// else has no annotation (a source's synced entries, an older backlog).
// It returns when every article is annotated: the reader and the export
// never meet a backlog. progress is feeds.Refresh's.
//
// The annotations' error (ctx's, or the store's) is returned only when the
// refresh itself succeeded.
func Refresh(ctx context.Context, st *store.Store, f *feeds.Fetcher, list []store.Feed, ann *nlp.Annotator,
	progress func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, Stats, error) {
	p := Start(ctx, st, ann, Options{})
	rs, err := feeds.Refresh(ctx, st, f, list, func(r feeds.Result, s feeds.RefreshStats) {
		p.Add(r.Saved...)
		if progress != nil {
			progress(r, s)
		}
	})
	as, aerr := p.Wait()
	if err != nil {
		return rs, as, err
	}
	if aerr != nil {
		return rs, as, aerr
	}
	rest, aerr := Missing(ctx, st, ann, Options{})
	as.add(rest)
	return rs, as, aerr
}
