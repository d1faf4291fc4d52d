package sync

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
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
// An incremental sync with nothing new is thus the subscriptions and three
// lists, of which only the unread one is long. The cursor keeps a digest of
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
