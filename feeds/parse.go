package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/mmcdole/gofeed"
)

// parseCount counts feed bodies handed to the parser; the benchmarks use it
// to prove that a refresh answered with 304s parses nothing.
var parseCount atomic.Int64

type parsedFeed struct {
	title string
	items []Item
}

// parseFeed parses an RSS, Atom or JSON feed body fetched from feedURL
// (with the Content-Type header rawContentType, "" when unknown) into
// sanitised items.
func parseFeed(data []byte, rawContentType, feedURL string) (parsedFeed, error) {
	parseCount.Add(1)
	contentType := mediaType(rawContentType)
	utf, err := toUTF8(data, rawContentType)
	if err != nil {
		if nf := notAFeed(data, contentType, feedURL); strings.Contains(nf.Error(), "HTML page") {
			return parsedFeed{}, nf
		}
		return parsedFeed{}, fetchErr(feedURL, err, "%v", err)
	}
	// The XML parser drops an ESC byte but keeps the rest of its sequence
	// ("[31m", "]0;title") as text, so sequences go before parsing.
	data = []byte(sanitize.Escapes(string(utf)))
	kind := gofeed.DetectFeedType(bytes.NewReader(data))
	if kind == gofeed.FeedTypeUnknown {
		return parsedFeed{}, notAFeed(data, contentType, feedURL)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return parsedFeed{}, fetchErr(feedURL, err, "invalid %s feed: %v", kindName(kind), err)
	}
	base := baseURL(feedURL, feed.Link)
	out := parsedFeed{title: lineText(feed.Title), items: make([]Item, 0, len(feed.Items))}
	seen := make(map[string]bool, len(feed.Items))
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		item := convertItem(it, base)
		if seen[item.GUID] {
			continue // a feed that repeats an id keeps its first item
		}
		seen[item.GUID] = true
		out.items = append(out.items, item)
	}
	return out, nil
}

func kindName(k gofeed.FeedType) string {
	switch k {
	case gofeed.FeedTypeAtom:
		return "Atom"
	case gofeed.FeedTypeRSS:
		return "RSS"
	case gofeed.FeedTypeJSON:
		return "JSON"
	}
	return "unknown"
}

// notAFeed explains a body in no feed format, naming an HTML page as such.
func notAFeed(data []byte, contentType, feedURL string) error {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return fetchErr(feedURL, nil, "not a feed: the body is empty")
	}
	head := bytes.ToLower(trimmed[:min(len(trimmed), 1024)])
	isHTML := contentType == "text/html" || contentType == "application/xhtml+xml" ||
		bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html"))
	ct := contentType
	if ct == "" {
		ct = "no content type"
	}
	if isHTML {
		return fetchErr(feedURL, nil, "not a feed: got an HTML page (%s)", ct)
	}
	return fetchErr(feedURL, nil, "not a feed: neither RSS, Atom nor JSON Feed (%s)", ct)
}

// baseURL is what relative item links resolve against: the feed's own URL
// when it was fetched over http(s), else the site link the feed declares.
func baseURL(feedURL, siteLink string) *url.URL {
	for _, s := range []string{feedURL, siteLink} {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u
		}
	}
	return nil
}

func convertItem(it *gofeed.Item, base *url.URL) Item {
	content := it.Content
	if strings.TrimSpace(content) == "" {
		content = it.Description
	}
	item := Item{
		Title:  lineText(it.Title),
		Author: author(it),
		Text:   htmltext.ToText(content),
	}
	link := it.Link
	for _, l := range it.Links {
		if link != "" {
			break
		}
		link = l
	}
	item.Link = resolveLink(base, link)
	switch {
	case it.PublishedParsed != nil:
		item.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		item.Published = it.UpdatedParsed.UTC()
	}
	item.GUID = sanitize.Line(it.GUID)
	if item.GUID == "" {
		item.GUID = item.Link
	}
	if item.GUID == "" {
		item.GUID = syntheticGUID(item)
	}
	return item
}

// syntheticGUID identifies an item with neither id nor link by its title
// and date (its text too when it has no title), so that a re-fetch finds
// the same article again.
func syntheticGUID(it Item) string {
	h := sha256.New()
	h.Write([]byte(it.Title))
	h.Write([]byte{0})
	if !it.Published.IsZero() {
		h.Write([]byte(it.Published.Format(time.RFC3339)))
	}
	if it.Title == "" {
		h.Write([]byte{0})
		h.Write([]byte(it.Text))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:16])
}

// lineText makes a one-line field (title, author, feed name) plain: markup
// and entities some feeds put in titles become text, then it is sanitised.
func lineText(s string) string {
	if htmltext.LooksLikeHTML(s) {
		s = strings.ReplaceAll(htmltext.ToText(s), "\n", " ")
	}
	return sanitize.Line(s)
}

func author(it *gofeed.Item) string {
	var names []string
	add := func(p *gofeed.Person) {
		if p == nil {
			return
		}
		name := lineText(p.Name)
		if name == "" {
			name = lineText(p.Email)
		}
		for _, n := range names {
			if n == name {
				return
			}
		}
		if name != "" {
			names = append(names, name)
		}
	}
	for _, p := range it.Authors {
		add(p)
	}
	if len(names) == 0 {
		add(it.Author)
	}
	return strings.Join(names, ", ")
}

// resolveLink makes link absolute against base and keeps it only when it is
// http or https: a javascript: or data: link has no place in a reader.
func resolveLink(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == nil {
			return ""
		}
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return sanitize.Line(u.String())
}
