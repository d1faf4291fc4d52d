package sync

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// minifluxPage is how many entries one request asks Miniflux for, and
// minifluxIDsPage how many ids (the server's maximum).
const (
	minifluxPage    = 1000
	minifluxIDsPage = 10000
)

// miniflux speaks Miniflux's REST API (/v1). Pulls ask for the entries
// changed since the cursor, the server's clock (its Date header) at the
// start of the previous pull less a second, so that nothing changed during
// a pull is missed; the few entries seen twice are saved idempotently.
type miniflux struct {
	http *httpClient
	base string
	cfg  *Config
}

type mfFeed struct {
	ID       int64  `json:"id"`
	FeedURL  string `json:"feed_url"`
	Title    string `json:"title"`
	Category struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	} `json:"category"`
}

type mfEntry struct {
	ID          int64     `json:"id"`
	FeedID      int64     `json:"feed_id"`
	Status      string    `json:"status"`
	Title       string    `json:"title"`
	URL         string    `json:"url"`
	Author      string    `json:"author"`
	Content     string    `json:"content"`
	PublishedAt time.Time `json:"published_at"`
	ChangedAt   time.Time `json:"changed_at"`
	Starred     bool      `json:"starred"`
	Feed        struct {
		Title string `json:"title"`
	} `json:"feed"`
}

type mfEntries struct {
	Total   int       `json:"total"`
	Entries []mfEntry `json:"entries"`
}

func (m *miniflux) request(ctx context.Context, method, path string, body, out any) (http.Header, error) {
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(b)
	}
	var req *http.Request
	var err error
	if rd != nil {
		req, err = newRequest(ctx, method, m.base+path, rd)
	} else {
		req, err = newRequest(ctx, method, m.base+path, nil)
	}
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	switch {
	case m.cfg.Token != "":
		req.Header.Set("X-Auth-Token", m.cfg.Token)
	default:
		pw, err := m.cfg.Password(ctx)
		if err != nil {
			return nil, fmt.Errorf("source %s: password: %w", m.cfg.Name, err)
		}
		if m.cfg.TokenFromPassword {
			req.Header.Set("X-Auth-Token", pw)
		} else {
			req.SetBasicAuth(m.cfg.Username, pw)
		}
	}
	_, h, err := m.http.do(req, out)
	return h, err
}

func (m *miniflux) subscriptions(ctx context.Context) ([]remoteFeed, error) {
	var feeds []mfFeed
	if _, err := m.request(ctx, http.MethodGet, "/v1/feeds", nil, &feeds); err != nil {
		return nil, err
	}
	out := make([]remoteFeed, len(feeds))
	for i, f := range feeds {
		out[i] = remoteFeed{ID: strconv.FormatInt(f.ID, 10), URL: f.FeedURL, Title: f.Title}
		if f.Category.Title != "" {
			out[i].Folders = []string{f.Category.Title}
		}
	}
	return out, nil
}

// pull pages through the changed entries by id. The next page is asked
// for while the current one is saved, so that the server's time and the
// store's overlap.
func (m *miniflux) pull(ctx context.Context, cursor string, _ storeIDs, page func([]remoteEntry) error) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type fetched struct {
		entries []remoteEntry
		header  http.Header
		err     error
	}
	pages := make(chan fetched, 1)
	go func() {
		defer close(pages)
		var after int64
		for {
			q := url.Values{}
			q.Add("status", "unread")
			q.Add("status", "read")
			q.Set("order", "id")
			q.Set("direction", "asc")
			q.Set("limit", strconv.Itoa(minifluxPage))
			if after > 0 {
				q.Set("after_entry_id", strconv.FormatInt(after, 10))
			}
			if cursor != "" {
				q.Set("changed_after", cursor)
			}
			var res mfEntries
			h, err := m.request(ctx, http.MethodGet, "/v1/entries?"+q.Encode(), nil, &res)
			if err != nil {
				pages <- fetched{err: err}
				return
			}
			es := make([]remoteEntry, len(res.Entries))
			for i, e := range res.Entries {
				es[i] = remoteEntry{
					ID: strconv.FormatInt(e.ID, 10), FeedID: strconv.FormatInt(e.FeedID, 10),
					Title: e.Title, URL: e.URL, Author: e.Author, HTML: e.Content,
					Published: e.PublishedAt, Changed: e.ChangedAt,
					Read: e.Status == "read", Starred: e.Starred,
				}
				after = max(after, e.ID)
			}
			select {
			case pages <- fetched{entries: es, header: h}:
			case <-ctx.Done():
				return
			}
			if len(res.Entries) < minifluxPage {
				return
			}
		}
	}()
	next, first := cursor, true
	for p := range pages {
		if p.err != nil {
			return cursor, p.err
		}
		if first {
			next, first = serverCursor(p.header), false
		}
		if len(p.entries) > 0 {
			if err := page(p.entries); err != nil {
				return cursor, err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return cursor, err
	}
	return next, nil
}

// serverCursor is the server's time from its Date header, less a second,
// as a unix time; without a usable header, the local clock less a minute.
func serverCursor(h http.Header) string {
	t, err := http.ParseTime(h.Get("Date"))
	if err != nil {
		t = time.Now().Add(-time.Minute)
	}
	return strconv.FormatInt(t.Add(-time.Second).Unix(), 10)
}

// vanished asks for the server's count of entries (read and unread, by
// feed) and compares it with the store's: only when they differ does it
// list every id, and return the ones of the store the server no longer
// has. Entries Miniflux marks "removed" (flushed from its history) are not
// counted, and count as gone, as they are to its reader; counting them
// would make a server flushed before herald's first sync differ for ever.
// Servers without /v1/feeds/counters or /v1/entries/ids (before 2.2.x)
// are not asked.
func (m *miniflux) vanished(ctx context.Context, count int, stored storeIDs) ([]string, error) {
	var c struct {
		Reads   map[string]int `json:"reads"`
		Unreads map[string]int `json:"unreads"`
	}
	_, err := m.request(ctx, http.MethodGet, "/v1/feeds/counters", nil, &c)
	if isStatus(err, http.StatusNotFound, http.StatusBadRequest, http.StatusMethodNotAllowed) {
		return nil, nil // not a Miniflux we know (a proxy, a look-alike): no purges noticed
	}
	if err != nil {
		return nil, err
	}
	n := 0
	for _, k := range []map[string]int{c.Reads, c.Unreads} {
		for _, v := range k {
			n += v
		}
	}
	if n == count {
		return nil, nil
	}
	have := make(map[string]bool, n)
	for _, status := range []string{"unread", "read"} {
		for offset := 0; ; {
			var res struct {
				Total int     `json:"total"`
				IDs   []int64 `json:"entry_ids"`
			}
			q := fmt.Sprintf("/v1/entries/ids?limit=%d&offset=%d&status=%s", minifluxIDsPage, offset, status)
			_, err := m.request(ctx, http.MethodGet, q, nil, &res)
			if isStatus(err, http.StatusNotFound, http.StatusBadRequest, http.StatusMethodNotAllowed) {
				return nil, nil
			}
			if err != nil {
				return nil, err
			}
			for _, id := range res.IDs {
				have[strconv.FormatInt(id, 10)] = true
			}
			offset += len(res.IDs)
			if len(res.IDs) == 0 || offset >= res.Total {
				break
			}
		}
	}
	ids, err := stored.all()
	if err != nil {
		return nil, err
	}
	var gone []string
	for id := range ids {
		if !have[id] {
			gone = append(gone, id)
		}
	}
	return gone, nil
}

func (m *miniflux) state(context.Context) (map[string]bool, map[string]bool, bool, error) {
	return nil, nil, false, nil
}

// push sends one request per kind of change: read, unread, starred, unstarred.
func (m *miniflux) push(ctx context.Context, changes []store.Change, ack func([]int64) error) error {
	type batch struct {
		ids, queue []int64
	}
	groups := map[string]*batch{}
	var order []string
	for _, c := range changes {
		id, err := strconv.ParseInt(c.RemoteID, 10, 64)
		if err != nil {
			_ = ack([]int64{c.QueueID}) // not a Miniflux entry id: nothing to send, ever
			continue
		}
		key := fmt.Sprintf("%s=%v", c.Kind, c.Value)
		b := groups[key]
		if b == nil {
			b = &batch{}
			groups[key] = b
			order = append(order, key)
		}
		b.ids = append(b.ids, id)
		b.queue = append(b.queue, c.QueueID)
	}
	for _, key := range order {
		b := groups[key]
		body := map[string]any{"entry_ids": b.ids}
		switch key {
		case "read=true":
			body["status"] = "read"
		case "read=false":
			body["status"] = "unread"
		case "starred=true":
			body["starred"] = true
		case "starred=false":
			body["starred"] = false
		}
		if _, err := m.request(ctx, http.MethodPut, "/v1/entries", body, nil); err != nil {
			return err
		}
		if err := ack(b.queue); err != nil {
			return err
		}
	}
	return nil
}

func (m *miniflux) subscribe(ctx context.Context, feedURL, title, folder string) error {
	body := map[string]any{"feed_url": feedURL}
	if folder != "" {
		id, err := m.category(ctx, folder)
		if err != nil {
			return err
		}
		body["category_id"] = id
	}
	var created struct {
		FeedID int64 `json:"feed_id"`
	}
	if _, err := m.request(ctx, http.MethodPost, "/v1/feeds", body, &created); err != nil {
		return err
	}
	if title != "" {
		if _, err := m.request(ctx, http.MethodPut, "/v1/feeds/"+strconv.FormatInt(created.FeedID, 10),
			map[string]any{"title": title}, nil); err != nil {
			return err
		}
	}
	return nil
}

// category finds a category by title (case-insensitively), creating it when missing.
func (m *miniflux) category(ctx context.Context, title string) (int64, error) {
	var cats []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	if _, err := m.request(ctx, http.MethodGet, "/v1/categories", nil, &cats); err != nil {
		return 0, err
	}
	for _, c := range cats {
		if strings.EqualFold(c.Title, title) {
			return c.ID, nil
		}
	}
	var c struct {
		ID int64 `json:"id"`
	}
	if _, err := m.request(ctx, http.MethodPost, "/v1/categories", map[string]any{"title": title}, &c); err != nil {
		return 0, err
	}
	return c.ID, nil
}
