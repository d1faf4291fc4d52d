// Package feeds fetches and parses RSS, Atom and JSON feeds under strict
// network limits, turns their items into sanitised plain text, and saves
// them to the store (see Refresh).
package feeds

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/internal/cpuwork"
)

// Defaults for the zero values of Options.
const (
	// DefaultConcurrency bounds the requests in flight. A refresh is bound
	// by server latency, not by bandwidth or CPU: at 100, 500 feeds behind a
	// server that answers in 50 ms refresh in about 0.3 s when all answer
	// 304 (5 rounds of requests) and in about 1 s when all must be parsed
	// (see bench_test.go). Feeds usually live on different hosts, so no
	// single server sees more than a few of these requests.
	DefaultConcurrency  = 100
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBodyBytes = 8 << 20
	// MaxFullTextPages bounds the article pages fetched per feed refresh
	// when full-text extraction is on (the newest items win).
	MaxFullTextPages = 20
)

// Options configure a Fetcher. Zero values take the defaults above.
type Options struct {
	Concurrency  int           // parallel requests in FetchAll
	Timeout      time.Duration // per request, headers and body
	MaxBodyBytes int64         // per body, measured after decompression
	UserAgent    string        // default "herald/<Version> (+https://github.com/herald-reader/herald)"
	Version      string
	Embedded     fs.FS        // serves "herald:NAME" URLs; may be nil
	Client       *http.Client // optional (tests); its redirect policy is replaced by herald's
	Sources      []Syncer     // aggregators Refresh syncs after fetching (feeds/sync)
}

// Request asks for one feed. ETag and LastModified are the validators saved
// from the previous fetch; FullText fetches each item's page and extracts the
// article.
type Request struct {
	FeedID       int64
	URL          string
	ETag         string
	LastModified string
	FullText     bool
}

// Item is one article of a feed; every field is sanitised for the terminal.
// Text holds plain paragraphs, one per line.
type Item struct {
	GUID, Link, Title, Author string
	Published                 time.Time
	Text                      string
	Links                     []htmltext.Link // the links of Text, in its order
}

// Result is the outcome of fetching one feed. Items may be non-empty when
// Err is set: a feed whose XML breaks off partway keeps the items read
// before the break, and Err names the line (Refresh stores both).
type Result struct {
	FeedID       int64
	URL          string
	Title        string // feed title as the feed gives it (sanitised)
	NotModified  bool   // the server answered 304: nothing was parsed
	Items        []Item
	ETag         string // validators from the response, to send next time
	LastModified string
	Err          error // a *FetchError naming the URL and the reason; see Partial
	Elapsed      time.Duration
	// Source is set on the result of a source's sync (see Syncer): Title
	// is "source NAME", URL the server's, Synced the articles it added
	// or changed.
	Source bool
	Synced int
	// Saved is set by Refresh before its progress callback sees the
	// result: the articles it added or changed in the store, which need
	// annotating.
	Saved []int64

	slot bool // it holds one of FetchAll's parse slots
}

// Fetcher fetches feeds; it is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
}

// NewFetcher returns a Fetcher with o's zero values replaced by defaults.
func NewFetcher(o Options) *Fetcher {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.UserAgent == "" {
		o.UserAgent = fmt.Sprintf("herald/%s (+https://github.com/herald-reader/herald)", o.Version)
	}
	var c http.Client
	if o.Client != nil {
		c = *o.Client
	} else {
		c = http.Client{Transport: newTransport(o)}
	}
	c.CheckRedirect = checkRedirect
	return &Fetcher{opts: o, client: &c}
}

// Options returns the options in effect, defaults filled in.
func (f *Fetcher) Options() Options { return f.opts }

// Fetch fetches and parses one feed. It never panics: a panic while parsing
// a hostile feed becomes the Result's Err.
func (f *Fetcher) Fetch(ctx context.Context, r Request) Result {
	return f.fetch(ctx, r, nil)
}

// fetch is Fetch; take, when not nil, is called before parsing, and a
// false return (ctx is done) gives up.
func (f *Fetcher) fetch(ctx context.Context, r Request, take func() bool) (res Result) {
	start := time.Now()
	res = Result{FeedID: r.FeedID, URL: r.URL}
	defer func() {
		if p := recover(); p != nil {
			res.Items, res.NotModified = nil, false
			res.Err = fetchErr(r.URL, nil, "internal error while reading the feed: %v", p)
		}
		res.Elapsed = time.Since(start)
	}()

	body, err := f.get(ctx, r.URL, getOptions{
		accept:       acceptFeeds,
		etag:         r.ETag,
		lastModified: r.LastModified,
		keepGzip:     take != nil, // it may wait for a slot: compressed
	})
	if err != nil {
		res.Err = err
		return res
	}
	res.ETag, res.LastModified = body.etag, body.lastModified
	if body.notModified {
		res.NotModified = true
		res.ETag, res.LastModified = keep(res.ETag, r.ETag), keep(res.LastModified, r.LastModified)
		return res
	}
	if take != nil {
		if !take() {
			res.Err = fetchErr(r.URL, ctx.Err(), "%s", describe(ctx.Err(), f.opts.Timeout))
			return res
		}
		res.slot = true
	}
	if body, err = f.inflate(r.URL, body); err != nil {
		res.Err = err
		return res
	}
	feed, err := f.parseBounded(ctx, body, r.URL)
	res.Title, res.Items, res.Err = feed.title, feed.items, err
	if len(res.Items) > 0 && r.FullText {
		f.fillFullText(ctx, r.URL, res.Items)
	}
	return res
}

// parseBounded parses a fetched body under the request timeout and ctx:
// when either ends first, the feed fails at once (the parse, bounded by
// the parser's own limits, finishes in the background and is dropped).
func (f *Fetcher) parseBounded(ctx context.Context, b body, feedURL string) (parsedFeed, error) {
	type parsed struct {
		feed parsedFeed
		err  error
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	done := make(chan parsed, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- parsed{err: fetchErr(feedURL, nil, "internal error while reading the feed: %v", p)}
			}
		}()
		var p parsed
		cpuwork.Do(func() { p.feed, p.err = parseFeed(b.data, b.rawContentType, b.url) })
		done <- p
	}()
	select {
	case p := <-done:
		return p.feed, p.err
	case <-ctx.Done():
		return parsedFeed{}, fetchErr(feedURL, ctx.Err(), "reading the feed: %s", describe(ctx.Err(), f.opts.Timeout))
	}
}

// Partial reports a feed that failed part of the way: it has an error and
// items read before it.
func (r Result) Partial() bool { return r.Err != nil && len(r.Items) > 0 }

// keep returns v, or old when the response did not repeat a validator (a
// 304 may omit them).
func keep(v, old string) string {
	if v == "" {
		return old
	}
	return v
}

// FetchAll fetches reqs with at most Options.Concurrency requests at once
// and sends each Result as soon as it is ready. The channel is closed when
// every request is done, or early when ctx is cancelled (requests not yet
// started are then dropped). A reader that stops early must cancel ctx,
// which releases the workers.
//
// Memory does not grow with the number of feeds when the reader falls
// behind (the store has one writer): downloads go on, each holding its
// body still compressed, but a worker takes one of parseSlots before it
// parses, and gives it back once its result is in the channel, which
// holds readyMax. At most readyMax+parseSlots+1 parsed feeds wait.
func (f *Fetcher) FetchAll(ctx context.Context, reqs []Request) <-chan Result {
	workers := min(f.opts.Concurrency, len(reqs))
	out := make(chan Result, readyMax) // a refresh writes what has arrived in one transaction
	ready := make(chan Result)
	slots := make(chan struct{}, parseSlots)
	take := func() bool {
		select {
		case slots <- struct{}{}:
			return true
		case <-ctx.Done():
			return false
		}
	}
	jobs := make(chan Request)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range jobs {
				select {
				case ready <- f.fetch(ctx, r, take):
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() {
		defer close(ready)
		defer wg.Wait()
		defer close(jobs)
		for _, r := range reqs {
			select {
			case jobs <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(out)
		for res := range ready {
			select {
			case out <- res:
			case <-ctx.Done():
			}
			if res.slot {
				<-slots
			}
		}
	}()
	return out
}

// readyMax bounds the parsed results waiting in FetchAll's channel, and
// parseSlots those being parsed or handed over.
var (
	readyMax   = 32
	parseSlots = max(4, 2*runtime.GOMAXPROCS(0))
)
