package htmltext

import (
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PublishedDate finds an HTML page's publication time in the places news
// sites put it: <meta property="article:published_time">, the common meta
// names (date, pubdate, DC.date.issued, ...) and the first <time datetime>.
// It returns the zero time when none parses.
func PublishedDate(s string) time.Time {
	z := html.NewTokenizer(strings.NewReader(s))
	var fromTime time.Time
	for {
		switch z.Next() {
		case html.ErrorToken:
			return fromTime
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Meta:
				if isDateMeta(attr(tok, "property")) || isDateMeta(attr(tok, "name")) || isDateMeta(attr(tok, "itemprop")) {
					if t, ok := parsePageDate(attr(tok, "content")); ok {
						return t
					}
				}
			case atom.Time:
				if fromTime.IsZero() {
					if t, ok := parsePageDate(attr(tok, "datetime")); ok {
						fromTime = t
					}
				}
			}
		}
	}
}

func attr(tok html.Token, name string) string {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, name) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func isDateMeta(name string) bool {
	switch strings.ToLower(name) {
	case "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
		"publishdate", "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date":
		return true
	}
	return false
}

func parsePageDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
