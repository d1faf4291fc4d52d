package sync

import (
	"context"
	"fmt"
	"hash/fnv"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	gosync "sync"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// The Google Reader API as FreshRSS, Inoreader, The Old Reader and Miniflux
// serve it. It gives no change times and no "changed since" for state, so
// a pull works from lists of ids (decimal short form, 10,000 a page):
//
//   - every sync lists the unread and the starred ids, which carry the
//     server's state (a read made there is an id leaving the unread list),
//     and the ids of the entries since the previous sync less a day ("ot";
//     FreshRSS and Inoreader compare it with the time the server got the
//     entry, Miniflux with the entry's publication date, hence the day);
//     the content of the ids not in the store yet is fetched;
//   - the first sync, and then one a day (Config.ReconcileEvery), lists
//     every id instead: it brings entries the short list missed (already
//     read, and dated more than a day back on Miniflux) and tells which
//     entries the server purged.
//
// An incremental sync with nothing new is thus three lists asked for at
// once, of which only the unread one is long. The cursor keeps a digest of
// the unread and starred lists: while they are the same, the store already
// has their state (changes made in herald since are queued, and win), so
// it is neither compared nor searched for new ids.
type greader struct {
	http  *httpClient
	base  string
	cfg   *Config
	mu    gosync.Mutex // guards auth and token: pull asks for lists in parallel
	auth  string       // from ClientLogin, kept for the life of the source
	token string       // the edit token ("T") for POSTs

	// The unread and starred lists, fetched by pull, for state to hand
	// over, and the known ids the full list lacked, for vanished.
	unread, starred []string
	stateChanged    bool
	gone            []string
	// pre delivers the lists prefetch asked for, to the next pull.
	pre chan grLists
}

// grLists is the id lists of one pull.
type grLists struct {
	cursor          grCursor  // the pull's cursor
	now             time.Time // when the lists were asked for
	full            bool      // listed holds every id
	listed          []string  // the ids since the last pull, or every id
	unread, starred []string
	err             error
}

const (
	grReadingList = "user/-/state/com.google/reading-list"
	grRead        = "user/-/state/com.google/read"
	grStarred     = "user/-/state/com.google/starred"
	grIDsPage     = 10000
	grContentsMax = 250 // ids per contents request
	grEditMax     = 250 // ids per edit-tag request
	// grLookback widens the "since the last sync" list, for servers that
	// compare "ot" with publication dates (Miniflux) and for clock skew.
	grLookback = 24 * time.Hour
	// DefaultReconcileEvery is how often a Google Reader pull lists every
	// entry id (see greader).
	DefaultReconcileEvery = 24 * time.Hour
)

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
			h := fnv.New64a()
			h.Write([]byte(id))
			t += h.Sum64()
		}
		return t
	}
	return fmt.Sprintf("%d.%x.%d.%x", len(unread), sum(unread), len(starred), sum(starred))
}

// setAppHeaders adds Inoreader's application id and key, when configured.
func (g *greader) setAppHeaders(ctx context.Context, req *http.Request) error {
	if g.cfg.AppID == "" && g.cfg.AppKey == nil {
		return nil
	}
	req.Header.Set("AppId", g.cfg.AppID)
	if g.cfg.AppKey != nil {
		key, err := g.cfg.AppKey(ctx)
		if err != nil {
			return fmt.Errorf("source %s: app key: %w", g.cfg.Name, err)
		}
		req.Header.Set("AppKey", key)
	}
	return nil
}

func (g *greader) login(ctx context.Context) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.auth != "" {
		return nil
	}
	pw, err := g.cfg.Password(ctx)
	if err != nil {
		return fmt.Errorf("source %s: password: %w", g.cfg.Name, err)
	}
	form := url.Values{"Email": {g.cfg.Username}, "Passwd": {pw}, "output": {"json"}}
	req, err := newRequest(ctx, http.MethodPost, g.base+"/accounts/ClientLogin", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if err := g.setAppHeaders(ctx, req); err != nil {
		return err
	}
	body, _, err := g.http.do(req, nil)
	if err != nil {
		return err
	}
	// JSON when the server honours output=json, else "Key=value" lines.
	auth := ""
	var js struct{ Auth string }
	if jsonErr := jsonUnmarshal(body, &js); jsonErr == nil {
		auth = js.Auth
	} else {
		for _, line := range strings.Split(string(body), "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Auth="); ok {
				auth = v
			}
		}
	}
	if auth == "" {
		return fmt.Errorf("source %s: login: the server sent no Auth token", g.cfg.Name)
	}
	g.auth = auth
	return nil
}

// call runs an API request, logging in first, and once more when the
// server has forgotten the session.
func (g *greader) call(ctx context.Context, method, path string, form url.Values, out any) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		if err := g.login(ctx); err != nil {
			return nil, err
		}
		auth, token := g.session()
		if method == http.MethodPost {
			if err := g.editToken(ctx); err != nil {
				return nil, err
			}
			auth, token = g.session()
			form.Set("T", token)
		}
		var req *http.Request
		var err error
		if method == http.MethodPost {
			req, err = newRequest(ctx, method, g.base+path, strings.NewReader(form.Encode()))
			if err == nil {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
		} else {
			req, err = newRequest(ctx, method, g.base+path+"?"+form.Encode(), nil)
		}
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "GoogleLogin auth="+auth)
		if err := g.setAppHeaders(ctx, req); err != nil {
			return nil, err
		}
		body, _, err := g.http.do(req, out)
		if err != nil && isAuth(err) && attempt == 0 {
			g.mu.Lock()
			if g.auth == auth {
				g.auth, g.token = "", ""
			}
			g.mu.Unlock()
			continue
		}
		return body, err
	}
}

func (g *greader) session() (auth, token string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.auth, g.token
}

func (g *greader) editToken(ctx context.Context) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.token != "" {
		return nil
	}
	req, err := newRequest(ctx, http.MethodGet, g.base+"/reader/api/0/token", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "GoogleLogin auth="+g.auth)
	if err := g.setAppHeaders(ctx, req); err != nil {
		return err
	}
	body, _, err := g.http.do(req, nil)
	if err != nil {
		return err
	}
	g.token = strings.TrimSpace(string(body))
	return nil
}

func (g *greader) subscriptions(ctx context.Context) ([]remoteFeed, error) {
	var res struct {
		Subscriptions []struct {
			ID         string `json:"id"`
			Title      string `json:"title"`
			URL        string `json:"url"`
			Categories []struct {
				ID    string `json:"id"`
				Label string `json:"label"`
			} `json:"categories"`
		} `json:"subscriptions"`
	}
	if _, err := g.call(ctx, http.MethodGet, "/reader/api/0/subscription/list", url.Values{"output": {"json"}}, &res); err != nil {
		return nil, err
	}
	out := make([]remoteFeed, 0, len(res.Subscriptions))
	for _, s := range res.Subscriptions {
		f := remoteFeed{ID: s.ID, URL: s.URL, Title: s.Title}
		if f.URL == "" {
			f.URL = strings.TrimPrefix(s.ID, "feed/")
		}
		for _, c := range s.Categories {
			label := c.Label
			if label == "" {
				if i := strings.Index(c.ID, "/label/"); i >= 0 {
					label = c.ID[i+len("/label/"):]
				}
			}
			if label != "" {
				f.Folders = append(f.Folders, label)
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// ids lists the entry ids of a stream, excluding those of xt when set,
// and only those since ot when it is not zero.
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
	var errs [3]error
	var wg gosync.WaitGroup
	for i, fetch := range []func() error{
		func() (err error) { l.listed, err = g.ids(ctx, grReadingList, "", since); return err },
		func() (err error) { l.unread, err = g.ids(ctx, grReadingList, grRead, time.Time{}); return err },
		func() (err error) { l.starred, err = g.ids(ctx, grStarred, "", time.Time{}); return err },
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

type grItem struct {
	ID         string   `json:"id"`
	Categories []string `json:"categories"`
	Title      string   `json:"title"`
	Published  int64    `json:"published"`
	Author     string   `json:"author"`
	Alternate  []struct {
		Href string `json:"href"`
	} `json:"alternate"`
	Canonical []struct {
		Href string `json:"href"`
	} `json:"canonical"`
	Summary struct {
		Content string `json:"content"`
	} `json:"summary"`
	Content struct {
		Content string `json:"content"`
	} `json:"content"`
	Origin struct {
		StreamID string `json:"streamId"`
	} `json:"origin"`
}

func (it grItem) entry() remoteEntry {
	e := remoteEntry{ID: shortID(it.ID), FeedID: it.Origin.StreamID, Title: it.Title, Author: it.Author, HTML: it.Content.Content}
	if strings.TrimSpace(e.HTML) == "" {
		e.HTML = it.Summary.Content
	}
	for _, l := range append(it.Canonical, it.Alternate...) {
		if l.Href != "" {
			e.URL = l.Href
			break
		}
	}
	if it.Published > 0 {
		e.Published = time.Unix(it.Published, 0)
	}
	for _, c := range it.Categories {
		switch {
		case strings.HasSuffix(c, "/state/com.google/read"):
			e.Read = true
		case strings.HasSuffix(c, "/state/com.google/starred"):
			e.Starred = true
		}
	}
	return e
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

// push sends edit-tag requests, one per kind of change and 250 ids.
func (g *greader) push(ctx context.Context, changes []store.Change, ack func([]int64) error) error {
	type key struct {
		kind  string
		value bool
	}
	groups := map[key][]store.Change{}
	var order []key
	for _, c := range changes {
		k := key{c.Kind, c.Value}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], c)
	}
	for _, k := range order {
		cs := groups[k]
		tag := grRead
		if k.kind == "starred" {
			tag = grStarred
		}
		for len(cs) > 0 {
			n := min(len(cs), grEditMax)
			batch := cs[:n]
			cs = cs[n:]
			form := url.Values{}
			if k.value {
				form.Set("a", tag)
			} else {
				form.Set("r", tag)
			}
			queue := make([]int64, len(batch))
			for i, c := range batch {
				form.Add("i", c.RemoteID)
				queue[i] = c.QueueID
			}
			if _, err := g.call(ctx, http.MethodPost, "/reader/api/0/edit-tag", form, nil); err != nil {
				return err
			}
			if err := ack(queue); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *greader) subscribe(ctx context.Context, feedURL, title, folder string) error {
	var res struct {
		StreamID string `json:"streamId"`
	}
	if _, err := g.call(ctx, http.MethodPost, "/reader/api/0/subscription/quickadd",
		url.Values{"quickadd": {feedURL}, "output": {"json"}}, &res); err != nil {
		return err
	}
	if res.StreamID == "" {
		return fmt.Errorf("source %s: the server found no feed at %s", g.cfg.Name, feedURL)
	}
	if title == "" && folder == "" {
		return nil
	}
	form := url.Values{"ac": {"edit"}, "s": {res.StreamID}}
	if title != "" {
		form.Set("t", title)
	}
	if folder != "" {
		form.Set("a", "user/-/label/"+folder)
	}
	_, err := g.call(ctx, http.MethodPost, "/reader/api/0/subscription/edit", form, nil)
	return err
}

// shortID turns "tag:google.com,2005:reader/item/<16 hex digits>" into its
// decimal short form; other ids are kept as they are.
func shortID(id string) string {
	const long = "tag:google.com,2005:reader/item/"
	if h, ok := strings.CutPrefix(id, long); ok {
		if n, err := strconv.ParseUint(h, 16, 64); err == nil {
			return strconv.FormatUint(n, 10)
		}
	}
	return id
}
