package sync

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
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
	err             error
}

// grCursor is what a Google Reader pull remembers: when the previous pull
// started, when a pull last listed every id, and the digest of the unread
// and starred lists it applied.
type grCursor struct {
	since, full time.Time
	state       string
}

func parseGRCursor(s string) grCursor {
	var since, full int64
	var state string
	if _, err := fmt.Sscanf(s, "gr1 %d %d %s", &since, &full, &state); err != nil || since <= 0 || full <= 0 {
		return grCursor{}
	}
	return grCursor{time.Unix(since, 0), time.Unix(full, 0), state}
}

func (c grCursor) String() string {
	return fmt.Sprintf("gr1 %d %d %s", c.since.Unix(), c.full.Unix(), c.state)
}

// stateDigest is a digest of the unread and starred lists, whatever their
// order: a sum of the ids' hashes, one sum per list, with the lengths.
func stateDigest(unread, starred []string) string {
	sum := func(ids []string) uint64 {
		var t uint64
		for _, id := range ids {
			h := uint64(14695981039346656037) // FNV-1a, without hash/fnv's allocations
			for i := 0; i < len(id); i++ {
				h = (h ^ uint64(id[i])) * 1099511628211
			}
			t += h
		}
		return t
	}
	return fmt.Sprintf("%d.%x.%d.%x", len(unread), sum(unread), len(starred), sum(starred))
}

// ids lists the entry ids of a stream, page after page, excluding those
// of xt when set, and only those since ot when it is not zero.
func (g *greader) ids(ctx context.Context, stream, exclude string, ot time.Time) ([]string, error) {
	var out []string
	cont := ""
	for {
		q := url.Values{"output": {"json"}, "s": {stream}, "n": {strconv.Itoa(grIDsPage)}}
		if exclude != "" {
			q.Set("xt", exclude)
		}
		if !ot.IsZero() {
			q.Set("ot", strconv.FormatInt(ot.Unix(), 10))
		}
		if cont != "" {
			q.Set("c", cont)
		}
		var res struct {
			ItemRefs []struct {
				ID string `json:"id"`
			} `json:"itemRefs"`
			Continuation flexString `json:"continuation"`
		}
		if _, err := g.call(ctx, http.MethodGet, "/reader/api/0/stream/items/ids", q, &res); err != nil {
			return nil, err
		}
		for _, r := range res.ItemRefs {
			out = append(out, shortID(r.ID))
		}
		if res.Continuation == "" || string(res.Continuation) == cont || len(res.ItemRefs) == 0 {
			return out, nil
		}
		cont = string(res.Continuation)
	}
}

// lists asks for a pull's id lists, one after the other: Miniflux, with
// its default settings, opens (and closes) a database connection for every
// request beyond the first in flight, which costs more than the lists.
func (g *greader) lists(ctx context.Context, cursor string) grLists {
	l := grLists{cursor: parseGRCursor(cursor), now: time.Now()}
	every := g.cfg.ReconcileEvery
	if every == 0 {
		every = DefaultReconcileEvery
	}
	l.full = l.cursor.since.IsZero() || l.now.Sub(l.cursor.full) >= every
	var since time.Time // zero: every id
	if !l.full {
		since = l.cursor.since.Add(-grLookback)
	}
	if l.unread, l.err = g.ids(ctx, grReadingList, grRead, time.Time{}); l.err != nil {
		return l
	}
	if l.starred, l.err = g.ids(ctx, grStarred, "", time.Time{}); l.err != nil {
		return l
	}
	l.listed, l.err = g.ids(ctx, grReadingList, "", since)
	return l
}

func (g *greader) pull(ctx context.Context, cursor string, stored storeIDs, page func([]remoteEntry) error) (string, error) {
	l := g.lists(ctx, cursor)
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
	next := grCursor{since: l.now, full: l.cursor.full, state: digest}
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
