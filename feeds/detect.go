package feeds

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Telling a feed from what is not one: empty bodies, web pages, API
// replies and other documents served where a feed should be.

// isBlank reports a body with nothing but white space and byte-order marks.
func isBlank(data []byte) bool {
	for len(data) > 0 {
		switch {
		case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
			data = data[3:]
		case isSpaceByte(data[0]):
			data = data[1:]
		default:
			return false
		}
	}
	return true
}

// looksLikeJSONFeed tells a JSON Feed from any other JSON object (an API's
// error reply, say): it declares a JSON Feed version or holds an items
// array. Invalid JSON passes, for the parser to explain.
func looksLikeJSONFeed(data []byte) bool {
	var probe struct {
		Version json.RawMessage `json:"version"`
		Items   json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &probe); err != nil {
		return true
	}
	var version string
	if json.Unmarshal(probe.Version, &version) == nil {
		v := strings.ToLower(strings.TrimSpace(version))
		if strings.HasPrefix(v, "https://jsonfeed.org/version/") || strings.HasPrefix(v, "http://jsonfeed.org/version/") {
			return true
		}
	}
	items := bytes.TrimSpace(probe.Items)
	return len(items) > 0 && items[0] == '['
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
		return fetchErr(feedURL, nil, "empty response: the server sent no feed")
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
