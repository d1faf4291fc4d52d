package feeds

import (
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// Fallbacks for item fields the feed parser leaves empty although the feed
// holds them.

// published is the item's date: the parser's reading of its publication or
// update date, else parseLooseDate's, else the zero time.
func published(it *gofeed.Item) time.Time {
	switch {
	case it.PublishedParsed != nil:
		return it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		return it.UpdatedParsed.UTC()
	}
	for _, s := range []string{it.Published, it.Updated} {
		if t, ok := parseLooseDate(s); ok {
			return t
		}
	}
	return time.Time{}
}

// rawAuthor is the byline of an RSS item as written, for the ones the
// parser reads as no name at all: "Maria Rossi (Reuters)" looks to it like
// an e-mail address with a comment and comes out empty.
func rawAuthor(raw *rss.Item) string {
	if raw == nil {
		return ""
	}
	candidates := []string{raw.Author}
	if dc := raw.DublinCoreExt; dc != nil {
		candidates = append(candidates, dc.Author[:min(len(dc.Author), maxListed)]...)
		candidates = append(candidates, dc.Creator[:min(len(dc.Creator), maxListed)]...)
	}
	if raw.ITunesExt != nil {
		candidates = append(candidates, raw.ITunesExt.Author)
	}
	for _, c := range candidates {
		if s := lineText(c); s != "" {
			return s
		}
	}
	return ""
}

// permalinkGUID is the link of an RSS item that has none but whose guid is
// a permalink (the default unless isPermaLink="false") to an http(s) page.
func permalinkGUID(raw *rss.Item) string {
	if raw == nil || raw.GUID == nil || strings.EqualFold(strings.TrimSpace(raw.GUID.IsPermalink), "false") {
		return ""
	}
	return resolveLink(nil, raw.GUID.Value)
}
