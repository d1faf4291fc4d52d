package htmltext

import (
	"strings"
	"time"

	"github.com/herald-reader/herald/feeds/sanitize"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PageMeta is what a web page says about its article.
type PageMeta struct {
	Title     string    // og:title, else <title>; sanitised
	Published time.Time // zero when unknown
}

// Meta reads a page's title and publication time from where news sites put
// them: <meta property="og:title"> or <title>; <meta
// property="article:published_time"> and the common meta names (date,
// pubdate, DC.date.issued, ...), else the first <time datetime>.
func Meta(s string) PageMeta {
	z := html.NewTokenizer(strings.NewReader(s))
	var m PageMeta
	var ogTitle, titleTag string
	var fromTime time.Time
	for {
		switch z.Next() {
		case html.ErrorToken:
			if m.Published.IsZero() {
				m.Published = fromTime
			}
			m.Title = sanitize.Line(ogTitle)
			if m.Title == "" {
				m.Title = sanitize.Line(titleTag)
			}
			return m
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Meta:
				if strings.EqualFold(attr(tok, "property"), "og:title") && ogTitle == "" {
					ogTitle = attr(tok, "content")
				}
				if m.Published.IsZero() && (isDateMeta(attr(tok, "property")) || isDateMeta(attr(tok, "name")) || isDateMeta(attr(tok, "itemprop"))) {
					if t, ok := parsePageDate(attr(tok, "content")); ok {
						m.Published = t
					}
				}
			case atom.Title:
				if titleTag == "" && z.Next() == html.TextToken {
					titleTag = string(z.Text())
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
