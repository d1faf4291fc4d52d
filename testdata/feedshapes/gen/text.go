//go:build ignore

package main

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// paragraphs is original filler in the register of world-politics news; the
// events are invented.
var paragraphs = []string{
	"Foreign ministers from the Group of Seven met in Ottawa on Tuesday to discuss sanctions, shipping routes and the reconstruction of Ukraine's power grid.",
	"The prime minister told parliament that the government would not be rushed into a trade agreement that left farmers exposed to cheaper imports.",
	"Officials in Brussels said the European Commission would publish its proposal on frozen Russian assets before the end of the month.",
	"Negotiators in Geneva worked late into the night, but a senior diplomat said the two sides remained far apart on the sequencing of a ceasefire.",
	"The president's spokeswoman said the summit had been \"frank and constructive\" and that a joint statement would follow on Wednesday.",
	"Opposition leaders accused the coalition of hiding the cost of its defence plans and demanded a vote before the budget is finalised.",
	"Turnout in the regional elections was the highest in two decades, according to preliminary figures from the electoral commission.",
	"Analysts said the central bank's decision to hold interest rates steady reflected worries about energy prices over the winter.",
	"Thousands of people marched through the capital on Saturday to protest against proposed changes to the constitution.",
	"The United Nations envoy warned that humanitarian access to the border region had deteriorated sharply over the past week.",
	"A farmer from the north of the country said the new subsidies would arrive too late for this year's harvest.",
	"The defence minister announced an order for air-defence systems worth several billion euros, the largest in the country's history.",
}

// para returns the i-th filler paragraph, cycling.
func para(i int) string { return paragraphs[i%len(paragraphs)] }

// headline makes a short title from a paragraph.
func headline(i int) string {
	words := strings.Fields(para(i))
	if len(words) > 9 {
		words = words[:9]
	}
	return strings.TrimRight(strings.Join(words, " "), ",.")
}

// xmlEsc escapes text for XML character data.
func xmlEsc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// rfc822 returns an RFC 822 date in November 2025 for item i.
func rfc822(i int) string {
	day := 1 + i%28
	wd := []string{"Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"}[day%7] // 1 Nov 2025 was a Saturday
	return fmt.Sprintf("%s, %02d Nov 2025 %02d:%02d:00 +0000", wd, day, 6+i%12, (i*7)%60)
}

// iso returns an RFC 3339 date in November 2025 for item i.
func iso(i int) string {
	return fmt.Sprintf("2025-11-%02dT%02d:%02d:00Z", 1+i%28, 6+i%12, (i*7)%60)
}

// rssItem is the fields of one RSS item; empty fields are left out.
type rssItem struct {
	Title, Link, GUID, Date, Desc, Extra string
	CDATA                                bool
}

func (it rssItem) xml() string {
	var b strings.Builder
	b.WriteString("<item>\n")
	if it.Title != "" {
		fmt.Fprintf(&b, "  <title>%s</title>\n", it.Title)
	}
	if it.Link != "" {
		fmt.Fprintf(&b, "  <link>%s</link>\n", it.Link)
	}
	if it.GUID != "" {
		fmt.Fprintf(&b, "  <guid isPermaLink=\"false\">%s</guid>\n", it.GUID)
	}
	if it.Date != "" {
		fmt.Fprintf(&b, "  <pubDate>%s</pubDate>\n", it.Date)
	}
	if it.Desc != "" {
		if it.CDATA {
			fmt.Fprintf(&b, "  <description><![CDATA[%s]]></description>\n", it.Desc)
		} else {
			fmt.Fprintf(&b, "  <description>%s</description>\n", it.Desc)
		}
	}
	b.WriteString(it.Extra)
	b.WriteString("</item>\n")
	return b.String()
}

// stdItem is a complete, well-formed RSS item number i of feed slug.
func stdItem(slug string, i int) rssItem {
	return rssItem{
		Title: xmlEsc(headline(i)),
		Link:  fmt.Sprintf("https://example.org/%s/%d", slug, i),
		GUID:  fmt.Sprintf("%s-%d", slug, i),
		Date:  rfc822(i),
		Desc:  xmlEsc(para(i) + " " + para(i+1)),
	}
}

// rss20 wraps items in an RSS 2.0 document; nsAttrs adds namespace
// declarations to the root, chanExtra adds channel elements.
func rss20(title, nsAttrs, chanExtra string, items ...rssItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, "<rss version=\"2.0\"%s>\n<channel>\n", nsAttrs)
	if title != "" {
		fmt.Fprintf(&b, "<title>%s</title>\n", title)
	}
	b.WriteString("<link>https://example.org/</link>\n<description>feed-shapes corpus</description>\n")
	b.WriteString(chanExtra)
	for _, it := range items {
		b.WriteString(it.xml())
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

// stdRSS is a well-formed RSS 2.0 feed of n standard items.
func stdRSS(slug string, n int) string {
	items := make([]rssItem, n)
	for i := range items {
		items[i] = stdItem(slug, i)
	}
	return rss20("Corpus: "+slug, "", "", items...)
}

// atomEntry is one Atom 1.0 entry; Extra is raw XML inside the entry.
type atomEntry struct {
	Title, ID, Link, Updated, Published, Content, Extra string
}

func (e atomEntry) xml() string {
	var b strings.Builder
	b.WriteString("<entry>\n")
	if e.Title != "" {
		fmt.Fprintf(&b, "  <title>%s</title>\n", e.Title)
	}
	if e.ID != "" {
		fmt.Fprintf(&b, "  <id>%s</id>\n", e.ID)
	}
	if e.Link != "" {
		fmt.Fprintf(&b, "  <link href=\"%s\"/>\n", e.Link)
	}
	if e.Updated != "" {
		fmt.Fprintf(&b, "  <updated>%s</updated>\n", e.Updated)
	}
	if e.Published != "" {
		fmt.Fprintf(&b, "  <published>%s</published>\n", e.Published)
	}
	if e.Content != "" {
		fmt.Fprintf(&b, "  <content type=\"html\">%s</content>\n", e.Content)
	}
	b.WriteString(e.Extra)
	b.WriteString("</entry>\n")
	return b.String()
}

func stdEntry(slug string, i int) atomEntry {
	return atomEntry{
		Title:   xmlEsc(headline(i)),
		ID:      fmt.Sprintf("urn:example:%s:%d", slug, i),
		Link:    fmt.Sprintf("https://example.org/%s/%d", slug, i),
		Updated: iso(i),
		Content: xmlEsc("<p>" + para(i) + "</p><p>" + para(i+1) + "</p>"),
	}
}

func atom10(title, rootAttrs, feedExtra string, entries ...atomEntry) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\"%s>\n", rootAttrs)
	if title != "" {
		fmt.Fprintf(&b, "<title>%s</title>\n", title)
	}
	b.WriteString("<id>urn:example:feed</id>\n<updated>2025-11-28T12:00:00Z</updated>\n<author><name>Corpus Desk</name></author>\n")
	b.WriteString(feedExtra)
	for _, e := range entries {
		b.WriteString(e.xml())
	}
	b.WriteString("</feed>\n")
	return b.String()
}

func stdAtom(slug string, n int) string {
	es := make([]atomEntry, n)
	for i := range es {
		es[i] = stdEntry(slug, i)
	}
	return atom10("Corpus: "+slug, "", "", es...)
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
