// Package export is herald's one way out for highlights: a Query says what
// to export, Gather reads it from the store, and one writer per format
// (markdown, JSON lines, CSV) renders it. Files are written safely: never
// overwriting, never half-written. The CLI and the reader only build a
// Query.
package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/herald-reader/herald/feeds/store"
)

// Ref is a resolved name: an entity id or a feed id, and what to call it.
type Ref struct {
	ID   string
	Name string
}

// Query is what an export holds. Leaders are people whose statements are
// exported (only theirs; none means every statement); every other field
// narrows the articles.
type Query struct {
	// Article, when non-zero, is the one article exported (the reader's
	// "this article"); ArticleTitle names it.
	Article      int64
	ArticleTitle string

	FeedID    int64
	FeedTitle string
	Tags      []string // feeds with any of these tags

	// Since and Until bound the publication date: Since <= published < Until.
	// SinceText and UntilText are what the user typed ("7d"), for the label.
	Since, Until         time.Time
	SinceText, UntilText string

	Leaders   []Ref
	Countries []Ref

	Unread, Starred bool
	Search          string
}

// Label describes q for a person: "leader: Keir Starmer; country: France;
// since: 2025-11-21 00:00 (7d)". It is "" for everything.
func (q Query) Label() string {
	var parts []string
	for _, p := range q.parts() {
		if p.value == "" {
			parts = append(parts, p.key)
		} else {
			parts = append(parts, p.key+": "+p.value)
		}
	}
	return strings.Join(parts, "; ")
}

// Title is the export's title: the article's for one article.
func (q Query) Title() string {
	if q.ArticleTitle != "" {
		return oneLine(q.ArticleTitle)
	}
	return "herald export"
}

// FileName is the default file name for an export of q made at now in
// format f: "2025-11-25-leader-keir-starmer.md".
func (q Query) FileName(now time.Time, f Format) string {
	var words []string
	for _, p := range q.parts() {
		if p.key != "article" { // the title alone names an article's export
			words = append(words, p.key)
		}
		if p.short != "" {
			words = append(words, p.short)
		} else if p.value != "" {
			words = append(words, p.value)
		}
	}
	return NameExt(now, f.Ext(), words...)
}

type labelPart struct{ key, value, short string }

// parts is the one place filters are worded, for labels and file names.
func (q Query) parts() []labelPart {
	var out []labelPart
	if q.Article != 0 {
		out = append(out, labelPart{key: "article", value: oneLine(q.ArticleTitle)})
	}
	if q.FeedTitle != "" || q.FeedID != 0 {
		out = append(out, labelPart{key: "feed", value: oneLine(q.FeedTitle)})
	}
	for _, t := range q.Tags {
		out = append(out, labelPart{key: "tag", value: oneLine(t)})
	}
	if q.Starred {
		out = append(out, labelPart{key: "starred"})
	}
	if q.Unread {
		out = append(out, labelPart{key: "unread"})
	}
	for _, l := range q.Leaders {
		out = append(out, labelPart{key: "leader", value: oneLine(l.Name)})
	}
	for _, c := range q.Countries {
		out = append(out, labelPart{key: "country", value: oneLine(c.Name)})
	}
	if s := oneLine(q.Search); s != "" {
		out = append(out, labelPart{key: "search", value: fmt.Sprintf("%q", s), short: s})
	}
	if !q.Since.IsZero() {
		out = append(out, labelPart{key: "since", value: dateLabel(q.Since, q.SinceText), short: shortDate(q.Since, q.SinceText)})
	}
	if !q.Until.IsZero() {
		v := dateLabel(q.Until, q.UntilText)
		if d := oneLine(q.UntilText); isDate(d) {
			v = d + " (the whole day)" // Until is the next midnight
		}
		out = append(out, labelPart{key: "until", value: v, short: shortDate(q.Until, q.UntilText)})
	}
	return out
}

func dateLabel(t time.Time, typed string) string {
	s := t.Format("2006-01-02 15:04")
	if typed = oneLine(typed); typed != "" {
		s += " (" + typed + ")"
	}
	return s
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func shortDate(t time.Time, typed string) string {
	if typed = oneLine(typed); typed != "" {
		return typed
	}
	return t.Format("2006-01-02")
}

// storeQuery is q for the store, with the tags resolved to feed ids.
func (q Query) storeQuery(feedIDs []int64) store.ArticleQuery {
	sq := store.ArticleQuery{FeedID: q.FeedID, FeedIDs: feedIDs, ArticleID: q.Article,
		Unread: q.Unread, Starred: q.Starred, Search: q.Search, Since: q.Since, Until: q.Until}
	for _, r := range q.Leaders {
		sq.Entities = append(sq.Entities, r.ID)
	}
	for _, r := range q.Countries {
		sq.Entities = append(sq.Entities, r.ID)
	}
	return sq
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
