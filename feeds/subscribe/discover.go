package subscribe

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/herald-reader/herald/feeds/sanitize"
)

// MaxPageBytes is the most of a web page Discover reads.
const MaxPageBytes = 4 << 20

// Link is a feed a web page advertises.
type Link struct {
	URL   string
	Title string // the link's title attribute, sanitised; may be empty
	Type  string // application/rss+xml, application/atom+xml, ...
}

// feedTypes are the link types that name a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      true,
	"application/rdf+xml":   true,
	"text/xml":              true,
	"application/xml":       true,
}

// Alternates lists the feeds an HTML page links to with <link
// rel="alternate" type="...">, in page order, each once, resolved against
// the page's URL (or its <base href>).
func Alternates(page io.Reader, pageURL *url.URL) []Link {
	z := html.NewTokenizer(page)
	base := pageURL
	var links []Link
	seen := map[string]bool{}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return links
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Base:
				if b, err := url.Parse(attr(tok, "href")); err == nil && base != nil {
					base = base.ResolveReference(b)
				}
			case atom.Link:
				if !hasWord(attr(tok, "rel"), "alternate") {
					continue
				}
				typ, _, _ := mime.ParseMediaType(attr(tok, "type"))
				href := attr(tok, "href")
				if !feedTypes[typ] || href == "" {
					continue
				}
				u, err := url.Parse(href)
				if err != nil {
					continue
				}
				if base != nil {
					u = base.ResolveReference(u)
				}
				if u.Scheme != "http" && u.Scheme != "https" || seen[u.String()] {
					continue
				}
				seen[u.String()] = true
				links = append(links, Link{URL: u.String(), Title: sanitize.Line(attr(tok, "title")), Type: typ})
			case atom.Body:
				return links // alternates belong in the head
			}
		}
	}
}

// Discover fetches the web page at pageURL and returns the feeds it links
// to. It fails when the page cannot be fetched, is not HTML or names none.
func Discover(ctx context.Context, client *http.Client, pageURL string) ([]Link, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", pageURL, resp.Status)
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if ct != "" && ct != "text/html" && ct != "application/xhtml+xml" {
		return nil, fmt.Errorf("%s: not a web page (%s)", pageURL, ct)
	}
	links := Alternates(io.LimitReader(resp.Body, MaxPageBytes), resp.Request.URL)
	if len(links) == 0 {
		return nil, fmt.Errorf("%s: the page links to no feed (no <link rel=\"alternate\"> of a feed type)", pageURL)
	}
	return links, nil
}

func attr(tok html.Token, name string) string {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, name) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}
