package sync

import (
	"context"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	gosync "sync"
	"time"
)

// The pull side of the Google Reader API: see greader.

// grLists is the id lists of one pull.
type grLists struct {
	cursor          grCursor  // the pull's cursor
	now             time.Time // when the lists were asked for
	full            bool      // listed holds every id
	listed          []string  // the ids since the last pull, or every id
	unread, starred []string
	offsets         bool // the unread list's continuations were offsets
	err             error
}

// grCursor is what a Google Reader pull remembers: when the previous pull
// started, when a pull last listed every id, the digest of the unread and
// starred lists it applied, how many unread ids there were and whether the
// server's continuations were offsets.
type grCursor struct {
	since, full time.Time
	state       string
	unread      int
	offsets     bool
}

func parseGRCursor(s string) grCursor {
	var since, full int64
	var c grCursor
	var offsets int
	if _, err := fmt.Sscanf(s, "gr1 %d %d %s %d %d", &since, &full, &c.state, &c.unread, &offsets); err != nil || since <= 0 || full <= 0 {
		return grCursor{}
	}
	c.since, c.full, c.offsets = time.Unix(since, 0), time.Unix(full, 0), offsets == 1
	return c
}

func (c grCursor) String() string {
	offsets := 0
	if c.offsets {
		offsets = 1
	}
	return fmt.Sprintf("gr1 %d %d %s %d %d", c.since.Unix(), c.full.Unix(), c.state, c.unread, offsets)
}

// stateDigest is a digest of the unread and starred lists, whatever their
// order: a sum of the ids' hashes, one sum per list, with the lengths.
func stateDigest(unread, starred []string) string {
	sum := func(ids []string) uint64 {
		var t uint64
		for _, id := range ids {
			h := fnv.New64a()
			h.Write([]byte(id))
			t += h.Sum64()
		}
		return t
	}
	return fmt.Sprintf("%d.%x.%d.%x", len(unread), sum(unread), len(starred), sum(starred))
}

// idQuery is one list of ids: a stream, less those of exclude when set,
// only those since ot when it is not zero.
type idQuery struct {
	stream, exclude string
	ot              time.Time
}

// idPage is one page of a list, and the continuation the server gave.
type idPage struct {
	ids  []string
	cont string
}

func (g *greader) idPage(ctx context.Context, q idQuery, cont string) (idPage, error) {
	v := url.Values{"output": {"json"}, "s": {q.stream}, "n": {strconv.Itoa(grIDsPage)}}
	if q.exclude != "" {
		v.Set("xt", q.exclude)
	}
	if !q.ot.IsZero() {
		v.Set("ot", strconv.FormatInt(q.ot.Unix(), 10))
	}
	if cont != "" {
		v.Set("c", cont)
	}
	var res struct {
		ItemRefs []struct {
			ID string `json:"id"`
		} `json:"itemRefs"`
		Continuation flexString `json:"continuation"`
	}
	if _, err := g.call(ctx, http.MethodGet, "/reader/api/0/stream/items/ids", v, &res); err != nil {
		return idPage{}, err
	}
	p := idPage{ids: make([]string, len(res.ItemRefs)), cont: string(res.Continuation)}
	for i, r := range res.ItemRefs {
		p.ids[i] = shortID(r.ID)
	}
	return p, nil
}

// ids lists the entry ids of q, page after page. Servers whose
// continuation is the offset of the next page (Miniflux) can be asked for
// several pages at once: with guess, the length the list had last time,
// ids asks for the pages that length needs at once, then goes on page
// after page if the list grew. It reports whether the server's
// continuations were offsets.
func (g *greader) ids(ctx context.Context, q idQuery, guess int) ([]string, bool, error) {
	var pages []idPage
	if n := (guess + grIDsPage - 1) / grIDsPage; n > 1 {
		pages = make([]idPage, n)
		errs := make([]error, n)
		var wg gosync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cont := ""
				if i > 0 {
					cont = strconv.Itoa(i * grIDsPage)
				}
				pages[i], errs[i] = g.idPage(ctx, q, cont)
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return nil, false, err
			}
		}
	}
	var out []string
	offsets := false
	cont := ""
	for i := 0; ; i++ {
		var p idPage
		// A page asked for ahead counts only if it starts where the
		// previous one said the next starts.
		if i < len(pages) && (i == 0 || cont == strconv.Itoa(i*grIDsPage)) {
			p = pages[i]
		} else {
			pages = nil
			var err error
			if p, err = g.idPage(ctx, q, cont); err != nil {
				return nil, false, err
			}
		}
		out = append(out, p.ids...)
		if p.cont == "" || p.cont == cont || len(p.ids) == 0 {
			return out, offsets, nil
		}
		offsets = p.cont == strconv.Itoa(len(out))
		cont = p.cont
	}
}

func (g *greader) prefetch(ctx context.Context, cursor string) {
	ch := make(chan grLists, 1)
	g.pre = ch
	go func() { ch <- g.lists(ctx, cursor) }()
}

// lists asks for a pull's id lists at once.
func (g *greader) lists(ctx context.Context, cursor string) grLists {
	l := grLists{cursor: parseGRCursor(cursor), now: time.Now()}
	if l.err = g.login(ctx); l.err != nil {
		return l
	}
	every := g.cfg.ReconcileEvery
	if every == 0 {
		every = DefaultReconcileEvery
	}
	l.full = l.cursor.since.IsZero() || l.now.Sub(l.cursor.full) >= every
	var since time.Time // zero: every id
	if !l.full {
		since = l.cursor.since.Add(-grLookback)
	}
	// The unread list is the long one: on a server that pages by offset,
	// its pages are asked for at once, as many as it had last time.
	guess := 0
	if l.cursor.offsets {
		guess = l.cursor.unread
	}
	var errs [3]error
	var wg gosync.WaitGroup
	for i, fetch := range []func() error{
		func() (err error) {
			l.listed, _, err = g.ids(ctx, idQuery{stream: grReadingList, ot: since}, 0)
			return err
		},
		func() (err error) {
			l.unread, l.offsets, err = g.ids(ctx, idQuery{stream: grReadingList, exclude: grRead}, guess)
			return err
		},
		func() (err error) { l.starred, _, err = g.ids(ctx, idQuery{stream: grStarred}, 0); return err },
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fetch()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			l.err = err // one reads better than three
			break
		}
	}
	return l
}

func (g *greader) pull(ctx context.Context, cursor string, stored storeIDs, page func([]remoteEntry) error) (string, error) {
	var l grLists
	if g.pre != nil {
		select {
		case l = <-g.pre:
		case <-ctx.Done():
			return cursor, ctx.Err()
		}
		g.pre = nil
	} else {
		l = g.lists(ctx, cursor)
	}
	g.unread, g.starred, g.gone, g.stateChanged = l.unread, l.starred, nil, false
	if l.err != nil {
		return cursor, l.err
	}
	digest := stateDigest(l.unread, l.starred)
	g.stateChanged = l.full || digest != l.cursor.state
	// New entries are mostly unread: the unread list names them too, and
	// when it is what it was, they are all in the store already.
	candidates := l.listed
	if g.stateChanged && !l.full {
		candidates = append(slices.Clip(l.listed), l.unread...)
	}
	var known map[string]bool
	var err error
	if l.full {
		known, err = stored.all()
	} else {
		known, err = stored.among(candidates)
	}
	if err != nil {
		return cursor, err
	}
	var missing []string
	seen := make(map[string]bool, len(candidates))
	for _, id := range candidates {
		if !known[id] && !seen[id] {
			missing = append(missing, id)
		}
		seen[id] = true
	}
	if l.full {
		for id := range known {
			if !seen[id] {
				g.gone = append(g.gone, id)
			}
		}
	}
	for len(missing) > 0 {
		n := min(len(missing), grContentsMax)
		batch := missing[:n]
		missing = missing[n:]
		form := url.Values{"output": {"json"}}
		for _, id := range batch {
			form.Add("i", id)
		}
		var res struct {
			Items []grItem `json:"items"`
		}
		if _, err := g.call(ctx, http.MethodPost, "/reader/api/0/stream/items/contents", form, &res); err != nil {
			return cursor, err
		}
		es := make([]remoteEntry, 0, len(res.Items))
		for _, it := range res.Items {
			es = append(es, it.entry())
		}
		if err := page(es); err != nil {
			return cursor, err
		}
	}
	next := grCursor{since: l.now, full: l.cursor.full, state: digest, unread: len(l.unread), offsets: l.offsets}
	if l.full {
		next.full = l.now
	}
	return next.String(), nil
}

// vanished hands over the known ids the last full list lacked.
func (g *greader) vanished(context.Context, int, storeIDs) ([]string, error) {
	gone := g.gone
	g.gone = nil
	return gone, nil
}

// state hands over the lists pull fetched, when they differ from the
// last sync's. Entries that arrived after them were saved with their own
// state, which these lists may predate; a change on the server since
// changes the next sync's lists, which set them right.
func (g *greader) state(context.Context) (map[string]bool, map[string]bool, bool, error) {
	if !g.stateChanged {
		return nil, nil, false, nil
	}
	unread, starred := set(g.unread), set(g.starred)
	g.unread, g.starred = nil, nil
	return unread, starred, true, nil
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
