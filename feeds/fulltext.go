package feeds

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/feeds/sanitize"
	"golang.org/x/net/html/charset"
)

// pagesAtOnce bounds the article pages one feed fetches in parallel, on top
// of the Fetcher's own limit on feeds.
const pagesAtOnce = 4

// fillFullText replaces the summary of the newest MaxFullTextPages items
// with the article extracted from their pages. An item whose page cannot be
// fetched or read, or yields less text than the summary, keeps its summary. The whole pass gets twice the request
// timeout, so that one slow site cannot hold a worker for 20 requests' worth.
// The pages are fetched through guardedClient: a link may reach an internal
// address only when it is feedURL's own.
func (f *Fetcher) fillFullText(ctx context.Context, feedURL string, items []Item) {
	ctx, cancel := context.WithTimeout(ctx, 2*f.opts.Timeout)
	defer cancel()
	client := f.guardedClient(ctx, feedURL)
	defer client.CloseIdleConnections()
	var idx []int
	for i := range items {
		if items[i].Link != "" {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return items[idx[a]].Published.After(items[idx[b]].Published)
	})
	idx = idx[:min(len(idx), MaxFullTextPages)]

	sem := make(chan struct{}, pagesAtOnce)
	var wg sync.WaitGroup
	for _, i := range idx {
		wg.Go(func() {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			// A page that yields less than the summary is a paywall,
			// a cookie wall or a failed extraction: keep the summary.
			if a, err := f.article(ctx, client, items[i].Link); err == nil && len(a.Text) > len(items[i].Text) {
				items[i].Text, items[i].Links = a.Text, a.Links
			}
		})
	}
	wg.Wait()
}

// ArticleText fetches the web page at link under the Fetcher's limits and
// returns its main article as plain paragraphs (readability extraction,
// then HTML to text). Only http and https pages are fetched. link is the
// user's own choice, so it may be local; links a feed chose go through
// fillFullText's guard instead.
func (f *Fetcher) ArticleText(ctx context.Context, link string) (text string, err error) {
	a, err := f.Article(ctx, link)
	return a.Text, err
}

// ArticleTextLinks is ArticleText with the links of the text.
func (f *Fetcher) ArticleTextLinks(ctx context.Context, link string) (text string, links []htmltext.Link, err error) {
	a, err := f.Article(ctx, link)
	return a.Text, a.Links, err
}

// Article is a web page's main article.
type Article struct {
	Text      string          // plain paragraphs, one per line
	Links     []htmltext.Link // the links of Text, resolved against the page
	Title     string          // sanitised; may be empty
	Published time.Time       // zero when the page does not say
}

// Article is ArticleText with the page's title and publication time.
func (f *Fetcher) Article(ctx context.Context, link string) (Article, error) {
	return f.article(ctx, nil, link)
}

// article is Article through client (nil: the Fetcher's own).
func (f *Fetcher) article(ctx context.Context, client *http.Client, link string) (art Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fetchErr(link, nil, "internal error while reading the page: %v", p)
		}
	}()
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return Article{}, fetchErr(link, err, "article pages must be http or https")
	}
	b, err := f.get(ctx, link, getOptions{accept: acceptPages, client: client})
	if err != nil {
		return Article{}, err
	}
	if b.notModified {
		return Article{}, fetchErr(link, nil, "unexpected 304 for an article page")
	}
	if b.contentType != "" && b.contentType != "text/html" && b.contentType != "application/xhtml+xml" {
		return Article{}, fetchErr(link, nil, "not a web page (%s)", b.contentType)
	}
	r, err := charset.NewReader(bytes.NewReader(b.data), b.rawContentType)
	if err != nil {
		return Article{}, fetchErr(link, err, "unknown page encoding: %v", err)
	}
	pageURL, _ := url.Parse(b.url)
	article, err := readability.FromReader(r, pageURL)
	if err != nil {
		return Article{}, fetchErr(link, err, "no article found: %v", err)
	}
	if article.Node == nil {
		return Article{}, fetchErr(link, nil, "no article found on the page")
	}
	var buf strings.Builder
	if err := article.RenderHTML(&buf); err != nil {
		return Article{}, fetchErr(link, err, "rendering article: %v", err)
	}
	text, links := htmltext.ToTextLinksAt(demoronize(buf.String()), pageURL)
	if text == "" {
		return Article{}, fetchErr(link, nil, "the article on the page is empty")
	}
	art = Article{Text: text, Links: links, Title: sanitize.Line(article.Title())}
	if t, err := article.PublishedTime(); err == nil {
		art.Published = t
	}
	return art, nil
}
