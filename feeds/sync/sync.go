// Package sync keeps herald's store in step with an aggregator the user
// already runs (a "source"): Miniflux through its REST API, or any server
// that speaks the Google Reader API (FreshRSS, Inoreader, The Old Reader,
// Miniflux). Subscriptions become store feeds (folders become tags),
// entries become articles through the same HTML-to-text and sanitiser as
// fetched feeds, and read and starred state goes both ways: the source's
// changes are pulled incrementally, herald's are queued in the store and
// pushed, and where both changed the latest change wins.
package sync

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	gosync "sync"
	"time"

	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/feeds/store"
)

// Types of source.
const (
	TypeMiniflux = "miniflux"
	TypeGReader  = "greader"
)

// Config describes one source.
type Config struct {
	Name     string // unique; shown in the reader and used in the store
	Type     string // TypeMiniflux or TypeGReader
	URL      string // the server's base URL (for greader: up to, not including, /accounts or /reader)
	Token    string // Miniflux API token; instead of Username and Password
	Username string
	// Password is asked for when a request needs it (so that a password
	// command runs only when syncing); nil means no password.
	Password func(ctx context.Context) (string, error)
	// TokenFromPassword sends what Password returns as a Miniflux API token.
	TokenFromPassword bool
	// AppID and AppKey identify the application to servers that require
	// it (Inoreader: the AppId and AppKey headers of every request);
	// AppKey is asked for like Password. Google Reader API only.
	AppID  string
	AppKey func(ctx context.Context) (string, error)
	// ReconcileEvery is how often a Google Reader API pull lists every
	// entry id, to find the ones the server purged and the already-read
	// ones an incremental pull can miss; 0: DefaultReconcileEvery;
	// negative: every pull.
	ReconcileEvery time.Duration
	Timeout        time.Duration // per request; 0: 30s
	Client         *http.Client  // optional (tests)
}

// ErrAuth is wrapped by errors that mean the server refused the credentials.
var ErrAuth = errors.New("the server refused the credentials")

// Source syncs one configured source. It is safe for use by one sync at a
// time (a refresh); Sync calls are serialised.
type Source struct {
	cfg    Config
	client client
	mu     chan struct{}
}

// New checks cfg and builds its source.
func New(cfg Config) (*Source, error) {
	if strings.TrimSpace(cfg.Name) == "" {
		return nil, errors.New("source has no name")
	}
	u, err := url.Parse(strings.TrimSpace(cfg.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("source %s: url %q is not an http(s) URL", cfg.Name, cfg.URL)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	hc := cfg.Client
	if hc == nil {
		hc = &http.Client{Timeout: cfg.Timeout}
	}
	base := strings.TrimRight(u.String(), "/")
	h := &httpClient{name: cfg.Name, hc: hc}
	if cfg.Password != nil {
		cfg.Password = cachePassword(cfg.Password)
	}
	if cfg.AppKey != nil {
		cfg.AppKey = cachePassword(cfg.AppKey)
	}
	s := &Source{cfg: cfg, mu: make(chan struct{}, 1)}
	switch cfg.Type {
	case TypeMiniflux:
		if cfg.AppID != "" || cfg.AppKey != nil {
			return nil, fmt.Errorf("source %s: an app id and key are for the Google Reader API (type %q)", cfg.Name, TypeGReader)
		}
		if cfg.Token == "" && cfg.Password == nil || cfg.Token == "" && cfg.Username == "" && !cfg.TokenFromPassword {
			return nil, fmt.Errorf("source %s: miniflux needs a token, or a username and a password", cfg.Name)
		}
		s.client = &miniflux{http: h, base: base, cfg: &s.cfg}
	case TypeGReader:
		if cfg.Username == "" || cfg.Password == nil {
			return nil, fmt.Errorf("source %s: greader needs a username and a password", cfg.Name)
		}
		if (cfg.AppID == "") != (cfg.AppKey == nil) {
			return nil, fmt.Errorf("source %s: an app id needs its app key, and an app key its app id", cfg.Name)
		}
		s.client = &greader{http: h, base: base, cfg: &s.cfg}
	default:
		return nil, fmt.Errorf("source %s: unknown type %q (use %q or %q)", cfg.Name, cfg.Type, TypeMiniflux, TypeGReader)
	}
	return s, nil
}

// cachePassword asks get once for the life of the source: a password
// command runs once, not once per request. A failure is asked again.
func cachePassword(get func(context.Context) (string, error)) func(context.Context) (string, error) {
	var mu gosync.Mutex
	var pw string
	return func(ctx context.Context) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		if pw != "" {
			return pw, nil
		}
		v, err := get(ctx)
		if err == nil {
			pw = v
		}
		return v, err
	}
}

// Name is the source's name.
func (s *Source) Name() string { return s.cfg.Name }

// URL is the source's server.
func (s *Source) URL() string { return s.cfg.URL }

// remoteFeed is a subscription as a client reports it.
type remoteFeed struct {
	ID, URL, Title string
	Folders        []string
}

// remoteEntry is an entry as a client reports it; HTML is the content as
// the server has it.
type remoteEntry struct {
	ID, FeedID               string
	Title, URL, Author, HTML string
	Published, Changed       time.Time
	Read, Starred            bool
}

// client is one API.
type client interface {
	subscriptions(ctx context.Context) ([]remoteFeed, error)
	// pull hands over, page by page, the entries changed since cursor
	// (all of them for ""), or those not in the store yet; it returns the
	// cursor for the next pull.
	pull(ctx context.Context, cursor string, ids storeIDs, page func([]remoteEntry) error) (string, error)
	// state returns the sets of unread and starred entry ids for APIs that
	// report state that way, when they changed since the last sync; ok is
	// false otherwise.
	state(ctx context.Context) (unread, starred map[string]bool, ok bool, err error)
	// vanished returns the ids of entries in the store (count of them)
	// that the server no longer has, when the client found out in this
	// sync; nil otherwise.
	vanished(ctx context.Context, count int, ids storeIDs) ([]string, error)
	// push sends changes, calling ack with the queue ids of each batch the
	// server accepted.
	push(ctx context.Context, changes []store.Change, ack func([]int64) error) error
	subscribe(ctx context.Context, feedURL, title, folder string) error
}

// storeIDs tells a client which of the source's entries the store holds.
type storeIDs struct {
	all   func() (map[string]bool, error)             // every one
	among func(ids []string) (map[string]bool, error) // which of ids
}

// Stats is what one sync did: Dropped counts the articles removed with
// feeds the source no longer lists, Detached the entries the server
// purged, whose articles herald keeps as local ones.
type Stats struct {
	Feeds, Added, Updated, Pushed int
	Dropped, Detached             int
}

// Sync pulls the source's subscriptions and entries into st, applies its
// read and starred state, and pushes the changes queued in herald. A
// failure to reach the server or to log in returns before anything in st
// changes; a failure partway keeps what was saved, and the next sync
// carries on from the last cursor saved.
func (s *Source) Sync(ctx context.Context, st *store.Store) (Stats, error) {
	select {
	case s.mu <- struct{}{}:
		defer func() { <-s.mu }()
	case <-ctx.Done():
		return Stats{}, ctx.Err()
	}
	var stats Stats
	name := s.cfg.Name
	cursor, _, err := st.SourceCursor(name)
	if err != nil {
		return stats, err
	}
	subs, err := s.client.subscriptions(ctx)
	if err != nil {
		return stats, err
	}
	sf := make([]store.SourceFeed, len(subs))
	for i, f := range subs {
		sf[i] = store.SourceFeed{RemoteID: f.ID, Key: FeedKey(name, f.URL, f.ID), Title: lineText(f.Title), Tags: folders(f.Folders)}
	}
	if _, err := st.SyncSourceFeeds(name, sf); err != nil {
		return stats, err
	}
	stats.Feeds = len(sf)
	// An empty list is more often a server's hiccup (or another account)
	// than a reader who left every feed: it removes nothing.
	if len(sf) > 0 {
		if stats.Dropped, err = st.DropUnsubscribedFeeds(name); err != nil {
			return stats, err
		}
	}
	ids := storeIDs{
		all:   func() (map[string]bool, error) { return st.SourceRemoteIDs(name) },
		among: func(ids []string) (map[string]bool, error) { return st.SourceKnownIDs(name, ids) },
	}
	next, err := s.client.pull(ctx, cursor, ids, func(es []remoteEntry) error {
		a, u, err := st.SaveSourceEntries(name, convertEntries(es))
		stats.Added += a
		stats.Updated += u
		return err
	})
	if err != nil {
		return stats, err
	}
	count, err := st.SourceEntryCount(name)
	if err != nil {
		return stats, err
	}
	gone, err := s.client.vanished(ctx, count, ids)
	if err != nil {
		return stats, err
	}
	if stats.Detached, err = st.DetachSourceEntries(name, gone); err != nil {
		return stats, err
	}
	unread, starred, ok, err := s.client.state(ctx)
	if err != nil {
		return stats, err
	}
	if ok {
		if err := st.ApplySourceState(name, unread, starred); err != nil {
			return stats, err
		}
	}
	changes, err := st.PendingChanges(name)
	if err != nil {
		return stats, err
	}
	if len(changes) > 0 {
		err = s.client.push(ctx, changes, func(ids []int64) error {
			stats.Pushed += len(ids)
			return st.AckChanges(ids)
		})
		if err != nil {
			return stats, err
		}
	}
	return stats, st.SetSourceCursor(name, next, time.Now())
}

// Subscribe subscribes the source to a feed, in folder when not "".
func (s *Source) Subscribe(ctx context.Context, feedURL, title, folder string) error {
	u, err := url.Parse(strings.TrimSpace(feedURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("source %s: %q is not an http(s) feed URL", s.cfg.Name, feedURL)
	}
	return s.client.subscribe(ctx, u.String(), strings.TrimSpace(title), strings.TrimSpace(folder))
}

// FeedKey is the store URL of a source's feed: the feed's own URL marked
// with the source, so that the same feed in two sources, or also in
// [[feeds]], stays apart.
func FeedKey(source, feedURL, remoteID string) string {
	if strings.TrimSpace(feedURL) == "" {
		feedURL = "feed:" + remoteID
	}
	return feedURL + "#herald-source=" + url.QueryEscape(source)
}

func folders(in []string) []string {
	var out []string
	for _, f := range in {
		if f = lineText(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func convertEntries(es []remoteEntry) []store.SourceEntry {
	out := make([]store.SourceEntry, len(es))
	for i, e := range es {
		link := safeLink(e.URL)
		base, _ := url.Parse(link)
		text, links := htmltext.ToTextLinksAt(e.HTML, base)
		out[i] = store.SourceEntry{
			RemoteID: e.ID, RemoteFeedID: e.FeedID, Read: e.Read, Starred: e.Starred, Changed: e.Changed,
			Article: store.NewArticle{
				GUID: "source-entry:" + sanitize.Line(e.ID), Link: link, Title: lineText(e.Title), Author: lineText(e.Author),
				Published: e.Published, Text: text, Links: links,
			},
		}
	}
	return out
}

// lineText makes a one-line field plain, as feeds does for fetched feeds.
func lineText(s string) string {
	if htmltext.LooksLikeHTML(s) {
		s = strings.ReplaceAll(htmltext.ToText(s), "\n", " ")
	}
	return sanitize.Line(s)
}

// safeLink keeps a link only when it is absolute http(s).
func safeLink(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return sanitize.Line(u.String())
}

// SyncInto is Sync for feeds.Refresh (feeds.Syncer).
func (s *Source) SyncInto(ctx context.Context, st *store.Store) (added, updated int, err error) {
	stats, err := s.Sync(ctx, st)
	return stats.Added, stats.Updated, err
}
