package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
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
// sanitised items. The error names feedURL. A feed whose XML breaks
// partway (malformed or truncated) returns the items that are whole despite
// the break together with an error naming the line.
func parseFeed(data []byte, rawContentType, feedURL string) (parsedFeed, error) {
	parseCount.Add(1)
	if isBlank(data) {
		return parsedFeed{}, fetchErr(feedURL, nil, "empty response: the server sent no feed")
	}
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
	data = utf
	if bytes.IndexByte(utf, 0x1b) >= 0 {
		data = []byte(sanitize.Escapes(string(utf)))
	}
	// gofeed's Parse detects the type from the same window.
	kind := gofeed.DetectFeedType(bytes.NewReader(data[:min(len(data), detectWindow)]))
	switch kind {
	case gofeed.FeedTypeUnknown:
		return parsedFeed{}, notAFeed(data, contentType, feedURL)
	case gofeed.FeedTypeJSON:
		if !looksLikeJSONFeed(data) {
			return parsedFeed{}, fetchErr(feedURL, nil, "not a feed: JSON without a JSON Feed version")
		}
	default:
		if data, err = limitXML(data); err != nil {
			return parsedFeed{}, fetchErr(feedURL, nil, "refused: %v", err)
		}
		data = dropC0(data)
	}
	p, err := parseLenient(data, kind, feedURL)
	if err != nil {
		return parsedFeed{}, err
	}
	out, err := convertFeed(p.feed, feedURL)
	if b := p.brk; b != nil {
		kept := "no item could be read"
		if n := len(out.items); n > 0 {
			kept = fmt.Sprintf("kept %d of %d items", n, max(n, p.total))
		}
		err = fetchErr(feedURL, p.cause, "malformed XML at line %d: %s; %s", b.line, b.reason, kept)
	}
	return out, err
}

// lenientParse is what parseLenient read.
type lenientParse struct {
	feed  *gofeed.Feed
	brk   *xmlBreak // where the XML broke; nil when it did not or nothing was lost
	total int       // item start tags in the document (XML only)
	cause error     // the parser's own error, if any
}

// parseLenient runs the feed parser and, for XML that is not well-formed
// where the parser lost items, reparses the repair of findXMLBreak. Its
// error is for a feed nothing can be read from.
func parseLenient(data []byte, kind gofeed.FeedType, feedURL string) (lenientParse, error) {
	feed, perr := newParser().Parse(bytes.NewReader(data))
	if kind == gofeed.FeedTypeJSON {
		if perr != nil {
			return lenientParse{}, fetchErr(feedURL, perr, "invalid JSON feed: %v", perr)
		}
		return lenientParse{feed: feed}, nil
	}
	local := itemElement(kind == gofeed.FeedTypeAtom)
	p := lenientParse{feed: feed, total: countItemTags(data, local), cause: perr}
	if perr == nil && len(feed.Items) >= p.total {
		return p, nil
	}
	if p.brk = findXMLBreak(data, local); p.brk == nil {
		if perr != nil {
			return lenientParse{}, fetchErr(feedURL, perr, "invalid %s feed: %v", kindName(kind), perr)
		}
		return p, nil // fewer items than tags, but none lost to a break (a second root, say)
	}
	// What the lenient parser read past the break is unreliable (an item
	// cut short under another id, a title that swallowed the items): only
	// the items whole before and after the break are kept.
	p.feed = &gofeed.Feed{}
	if p.brk.repaired != nil {
		if repaired, err := newParser().Parse(bytes.NewReader(p.brk.repaired)); err == nil {
			p.feed = repaired
		}
	}
	return p, nil
}

func newParser() *gofeed.Parser {
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true // raw RSS authors and GUIDs, see rssFallbacks
	p.JSONTranslator = &cappedJSON{}
	// herald shows no images: the translator's search for one parses every
	// item's HTML a second time (a tenth of a fetch's CPU).
	p.RSSTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}
	return p
}

// convertFeed turns a parsed feed into sanitised items, skipping repeated
// ids and items with nothing to show. Its error reports a feed whose items
// were all empty.
func convertFeed(feed *gofeed.Feed, feedURL string) (parsedFeed, error) {
	base := baseURL(feedURL, feed.Link)
	out := parsedFeed{title: lineText(feed.Title), items: make([]Item, 0, len(feed.Items))}
	var raw []*rss.Item
	if orig, ok := feed.OriginalFeed().(*rss.Feed); ok && len(orig.Items) == len(feed.Items) {
		raw = orig.Items
	}
	seen := make(map[string]bool, len(feed.Items))
	blank := 0
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		var r *rss.Item
		if raw != nil {
			r = raw[i]
		}
		item := convertItem(it, r, base)
		if item.Title == "" && item.Link == "" && strings.TrimSpace(item.Text) == "" {
			blank++
			continue
		}
		if seen[item.GUID] {
			continue // a feed that repeats an id keeps its first item
		}
		seen[item.GUID] = true
		out.items = append(out.items, item)
	}
	if len(out.items) == 0 && blank > 0 {
		return out, fetchErr(feedURL, nil, "no readable item: the feed's %d items have neither title, link nor text", blank)
	}
	return out, nil
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

// convertItem makes it an Item; raw is the RSS item it came from (nil for
// other formats), for what the parser's translation drops.
func convertItem(it *gofeed.Item, raw *rss.Item, base *url.URL) Item {
	content := it.Content
	if strings.TrimSpace(content) == "" {
		content = it.Description
	}
	item := Item{
		Title:  lineText(it.Title),
		Author: author(it, raw),
	}
	item.Text, item.Links = htmltext.ToTextLinksAt(demoronize(content), base)
	link := it.Link
	for _, l := range it.Links[:min(len(it.Links), maxListed)] {
		if link != "" {
			break
		}
		link = l
	}
	item.Link = resolveLink(base, link)
	if item.Link == "" && strings.TrimSpace(link) == "" {
		item.Link = permalinkGUID(raw)
	}
	item.Published = published(it)
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
	s = demoronize(s)
	if htmltext.LooksLikeHTML(s) {
		s = strings.ReplaceAll(htmltext.ToText(s), "\n", " ")
	}
	return sanitize.Line(s)
}

// maxListed bounds how many entries of one item's lists (authors,
// categories, enclosures, links) herald looks at: a hostile item with half a
// million authors costs no more than one with a hundred.
const maxListed = 100

// maxAuthors is how many distinct names a byline keeps.
const maxAuthors = 10

func author(it *gofeed.Item, raw *rss.Item) string {
	var names []string
	seen := map[string]bool{}
	add := func(p *gofeed.Person) {
		if p == nil || len(names) >= maxAuthors {
			return
		}
		name := lineText(p.Name)
		if name == "" {
			name = lineText(p.Email)
		}
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	for _, p := range it.Authors[:min(len(it.Authors), maxListed)] {
		add(p)
	}
	if len(names) == 0 {
		add(it.Author)
	}
	if len(names) == 0 {
		return rawAuthor(raw)
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

// detectWindow is how much of a body the feed type is detected from: the
// window gofeed's Parse peeks at (detectionPeekSize). Detecting from the
// whole body copied it once more.
const detectWindow = 4096
