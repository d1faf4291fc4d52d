//go:build ignore

package main

import (
	"fmt"
	"strings"
)

// entities: named, numeric and double-escaped entities in every position.
func entities() {
	ok("ent-xml-predefined.xml", 2, rss20("Fish &amp; Chips &lt;Weekly&gt;", "", "",
		rssItem{Title: "Tom &amp; Jerry&apos;s &quot;summit&quot; &lt;b&gt;", Link: "https://example.org/e/1?a=1&amp;b=2", GUID: "e1", Date: rfc822(1), Desc: "5 &lt; 6 &amp;&amp; 7 &gt; 3"},
		rssItem{Title: "Second", Link: "https://example.org/e/2", GUID: "e2", Date: rfc822(2), Desc: xmlEsc(para(2))}), "the five XML entities in title, link and description")
	ok("ent-numeric.xml", 2, rss20("Numeric &#8212; entities", "", "",
		rssItem{Title: "Caf&#233; talks in Z&#252;rich &#x2014; &#8220;progress&#8221;", Link: "https://example.org/n/1", GUID: "n1", Date: rfc822(1), Desc: "&#60;p&#62;Decimal and &#x3C;b&#x3E;hex&#x3C;/b&#x3E; references&#60;/p&#62; &#128512;"},
		rssItem{Title: "Astral &#x1F30D; globe", Link: "https://example.org/n/2", GUID: "n2", Date: rfc822(2), Desc: xmlEsc(para(3))}), "decimal and hex character references, astral plane")
	ok("ent-html-in-cdata.xml", 2, rss20("HTML entities in CDATA", "", "",
		rssItem{Title: "<![CDATA[Caf&eacute; &amp; r&eacute;sum&eacute; &mdash; &ldquo;quoted&rdquo;]]>", Link: "https://example.org/h/1", GUID: "h1", Date: rfc822(1), CDATA: true, Desc: "<p>Na&iuml;ve &nbsp;spacing&nbsp;&hellip; &euro;5 &copy; &frac12;</p>"},
		rssItem{Title: "Plain", Link: "https://example.org/h/2", GUID: "h2", Date: rfc822(2), CDATA: true, Desc: "<p>" + para(2) + "</p>"}), "HTML named entities inside CDATA, legal in XML")
	ok("ent-html-named-bare.xml", 2, rss20("Bare HTML entities", "", "",
		rssItem{Title: "Caf&eacute; summit &mdash; day two", Link: "https://example.org/b/1", GUID: "b1", Date: rfc822(1), Desc: "&lt;p&gt;Se&ntilde;or&nbsp;L&oacute;pez said&hellip;&lt;/p&gt;"},
		rssItem{Title: "Second &nbsp; item", Link: "https://example.org/b/2", GUID: "b2", Date: rfc822(2), Desc: xmlEsc(para(4))}), "HTML named entities undeclared in XML, common in the wild")
	ok("ent-double-escaped.xml", 2, rss20("Double &amp;amp; escaped", "", "",
		rssItem{Title: "Trade &amp;amp; tariffs &amp;#8212; &amp;quot;again&amp;quot;", Link: "https://example.org/d/1?a=1&amp;amp;b=2", GUID: "d1", Date: rfc822(1), Desc: "&amp;lt;p&amp;gt;Escaped twice&amp;lt;/p&amp;gt;"},
		rssItem{Title: "Second", Link: "https://example.org/d/2", GUID: "d2", Date: rfc822(2), Desc: "&lt;p&gt;" + xmlEsc(xmlEsc(para(5))) + "&lt;/p&gt;"}), "entities escaped twice: text shows &amp; or &lt;p&gt; literally")
	ok("ent-doctype-declared.xml", 1, `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY org "United Nations">
  <!ENTITY nbsp "&#160;">
]>
<rss version="2.0"><channel><title>&org; news</title><link>https://example.org/</link><description>x</description>
<item><title>&org;&nbsp;envoy visits border</title><link>https://example.org/dt/1</link><guid>dt1</guid><description>The &org; said aid was blocked.</description></item>
</channel></rss>
`, "entities declared in an internal DTD subset: not expanded, &org; stays text")
	ok("ent-atom-html.xml", 2, atom10("Atom &amp; entities", "", "",
		atomEntry{Title: "Caf&#233; &amp; politics", ID: "ae1", Link: "https://example.org/ae/1?x=1&amp;y=2", Updated: iso(1), Content: "&lt;p&gt;Se&amp;ntilde;or &amp;amp; Se&amp;ntilde;ora&lt;/p&gt;"},
		atomEntry{Title: "Second", ID: "ae2", Link: "https://example.org/ae/2", Updated: iso(2), Extra: `<title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; HTML title</title>`}), "Atom html content with HTML entities, html-typed title")
	ok("ent-json-html.json", 2, jsonDoc(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "JSON &amp; entities",
		"items": []any{
			map[string]any{"id": "je1", "url": "https://example.org/je/1", "title": "Caf&eacute; &amp; &#8220;talks&#8221;", "content_html": "<p>R&eacute;sum&eacute; &lt;b&gt; &nbsp;&mdash;</p>"},
			map[string]any{"id": "je2", "url": "https://example.org/je/2", "title": "Plain", "content_html": "<p>" + para(2) + "</p>"},
		}}), "entities inside JSON strings (only HTML decodes them)")
	lenient("lenient-entity-undefined.xml", 1, rss20("Undefined entity", "", "",
		rssItem{Title: "Bad &bogusentity; here", Link: "https://example.org/u/1", GUID: "u1", Desc: "x"}), "an entity no DTD or HTML defines: kept as text")
	ok("ent-raw-ampersand.xml", 2, rss20("Fish & Chips", "", "",
		rssItem{Title: "Q&A with the minister & her deputy", Link: "https://example.org/a/1?a=1&b=2", GUID: "a1", Date: rfc822(1), Desc: "AT&T and M&S"},
		rssItem{Title: "Second", Link: "https://example.org/a/2", GUID: "a2", Date: rfc822(2), Desc: xmlEsc(para(6))}), "raw unescaped ampersands (invalid XML, very common)")
}

// dates: every date shape seen in the wild; all parse, a bad date is only a
// missing date.
func dates() {
	cases := []struct{ name, date, note string }{
		{"date-rfc822.xml", "Mon, 17 Nov 2025 09:14:00 +0000", "RFC 822 with numeric zone"},
		{"date-rfc822-gmt.xml", "Mon, 17 Nov 2025 09:14:00 GMT", "RFC 1123 with GMT"},
		{"date-rfc822-named-zone.xml", "Mon, 17 Nov 2025 04:14:00 EST", "North American zone name"},
		{"date-rfc822-military-zone.xml", "Mon, 17 Nov 2025 09:14:00 Z", "single-letter military zone"},
		{"date-rfc822-no-seconds.xml", "Mon, 17 Nov 2025 09:14 +0000", "no seconds"},
		{"date-rfc822-two-digit-year.xml", "Mon, 17 Nov 25 09:14:00 +0000", "two-digit year"},
		{"date-rfc822-no-weekday.xml", "17 Nov 2025 09:14:00 +0000", "no day of week"},
		{"date-rfc822-wrong-weekday.xml", "Fri, 17 Nov 2025 09:14:00 +0000", "day of week contradicts the date"},
		{"date-rfc822-full-names.xml", "Monday, 17 November 2025 09:14:00 +0000", "full day and month names"},
		{"date-rfc822-lowercase.xml", "mon, 17 nov 2025 09:14:00 gmt", "lower case"},
		{"date-rfc822-single-digit-day.xml", "Sat, 1 Nov 2025 9:05:00 +0100", "single-digit day and hour"},
		{"date-iso8601.xml", "2025-11-17T09:14:00Z", "ISO 8601 in an RSS pubDate"},
		{"date-iso8601-offset.xml", "2025-11-17T10:14:00+01:00", "ISO 8601 with offset"},
		{"date-iso8601-fraction.xml", "2025-11-17T09:14:00.123456Z", "fractional seconds"},
		{"date-iso8601-no-tz.xml", "2025-11-17T09:14:00", "no time zone"},
		{"date-iso8601-space.xml", "2025-11-17 09:14:00", "space instead of T"},
		{"date-date-only.xml", "2025-11-17", "date without time"},
		{"date-us-style.xml", "11/17/2025 9:14 AM", "US month/day/year"},
		{"date-german.xml", "Mo, 17 Nov 2025 09:14:00 +0100", "German day abbreviation"},
		{"date-french-words.xml", "lundi 17 novembre 2025", "French words"},
		{"date-yesterday.xml", "yesterday", "a relative word"},
		{"date-empty.xml", "", "empty element"},
		{"date-whitespace.xml", "   \n  ", "only white space"},
		{"date-garbage.xml", "not a date at all", "garbage"},
		{"date-unix-timestamp.xml", "1763370840", "Unix seconds"},
		{"date-unix-millis.xml", "1763370840000", "Unix milliseconds"},
		{"date-german-full.xml", "Montag, 17. November 2025 10:14:00 +0100", "German day and month names"},
		{"date-german-umlaut.xml", "Mo, 17. März 2025 09:14 MEZ", "German month with umlaut and MEZ"},
		{"date-french-abbrev.xml", "lun., 17 nov. 2025 09:14:00 GMT", "French abbreviations with dots"},
		{"date-french-time.xml", "17 décembre 2025 à 09:14", "French month with accent and à before the time"},
		{"date-uppercase.xml", "MON, 17 NOV 2025 09:14:00 GMT", "upper case"},
		{"date-small-number.xml", "12345", "a number too small to be a timestamp"},
		{"date-far-future.xml", "Mon, 17 Nov 2125 09:14:00 +0000", "a hundred years ahead"},
		{"date-epoch.xml", "Thu, 01 Jan 1970 00:00:00 +0000", "the Unix epoch"},
		{"date-year-zero.xml", "0001-01-01T00:00:00Z", "Go's zero time"},
		{"date-impossible.xml", "Mon, 31 Feb 2025 25:61:00 +0000", "impossible values"},
	}
	for _, c := range cases {
		items := []rssItem{
			{Title: xmlEsc(headline(1)), Link: "https://example.org/date/1", GUID: c.name + "-1", Date: xmlEsc(c.date), Desc: xmlEsc(para(1))},
			{Title: xmlEsc(headline(2)), Link: "https://example.org/date/2", GUID: c.name + "-2", Desc: xmlEsc(para(2)), Extra: "  <pubDate>" + xmlEsc(c.date) + "</pubDate>\n"},
		}
		if c.date == "" {
			items[0].Extra = "  <pubDate></pubDate>\n"
		}
		ok(c.name, 2, rss20("Dates: "+c.note, "", "", items...), "pubDate "+c.note)
	}
	ok("date-dc-date.xml", 2, rss20("Dublin Core dates", ` xmlns:dc="http://purl.org/dc/elements/1.1/"`, "",
		rssItem{Title: "DC one", Link: "https://example.org/dc/1", GUID: "dc1", Desc: "x", Extra: "  <dc:date>2025-11-17T09:14:00+00:00</dc:date>\n"},
		rssItem{Title: "DC and pubDate", Link: "https://example.org/dc/2", GUID: "dc2", Date: rfc822(2), Desc: "y", Extra: "  <dc:date>2025-11-02T09:14:00Z</dc:date>\n"}), "dc:date instead of pubDate, and both")
	ok("date-atom-updated-only.xml", 2, atom10("Updated only", "", "",
		atomEntry{Title: "U1", ID: "u1", Link: "https://example.org/u/1", Updated: iso(1), Content: "x"},
		atomEntry{Title: "U2", ID: "u2", Link: "https://example.org/u/2", Published: iso(2), Content: "y"}), "entries with only updated or only published")
	ok("date-atom-rfc822.xml", 1, atom10("RFC 822 in Atom", "", "",
		atomEntry{Title: "Wrong format", ID: "r1", Link: "https://example.org/r/1", Updated: rfc822(3), Content: "x"}), "an RFC 822 date where Atom wants RFC 3339")
	ok("date-json-odd.json", 3, jsonDoc(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "JSON dates",
		"items": []any{
			map[string]any{"id": "jd1", "url": "https://example.org/jd/1", "title": "RFC 822 in JSON", "content_text": "x", "date_published": rfc822(1)},
			map[string]any{"id": "jd2", "url": "https://example.org/jd/2", "title": "Garbage date", "content_text": "y", "date_published": "soon"},
			map[string]any{"id": "jd3", "url": "https://example.org/jd/3", "title": "Modified only", "content_text": "z", "date_modified": iso(3)},
		}}), "JSON Feed dates in the wrong format")
}

// links: relative, based, odd and missing links.
func links() {
	ok("links-relative-rss.xml", 3, rss20("Relative links", "", "",
		rssItem{Title: "Root-relative", Link: "/politics/2025/11/summit", GUID: "rl1", Date: rfc822(1), Desc: `&lt;p&gt;See &lt;a href="/more"&gt;more&lt;/a&gt;&lt;/p&gt;`},
		rssItem{Title: "Path-relative", Link: "politics/vote.html", GUID: "rl2", Date: rfc822(2), Desc: "x"},
		rssItem{Title: "Dot-relative", Link: "../archive/3", GUID: "rl3", Date: rfc822(3), Desc: "y"}), "relative item links, resolved against the channel link")
	ok("links-xmlbase-atom.xml", 2, atom10("xml:base", ` xml:base="https://example.org/base/"`, `<link href="/home"/>`+"\n",
		atomEntry{Title: "Based", ID: "xb1", Link: "articles/1", Updated: iso(1), Content: "x"},
		atomEntry{Title: "Entry base", ID: "xb2", Updated: iso(2), Content: "y", Extra: `<link xml:base="https://other.example.org/dir/" href="2.html"/>` + "\n"}), "xml:base on the feed and on a link")
	ok("links-xmlbase-rss.xml", 1, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xml:base="https://example.org/rssbase/"><channel><title>RSS xml:base</title><link>/</link><description>x</description>
<item xml:base="https://example.org/items/"><title>Based item</title><link>7</link><guid>xbr1</guid><description>x</description></item>
</channel></rss>
`, "xml:base on an RSS item")
	ok("links-protocol-relative.xml", 1, rss20("Protocol-relative", "", "",
		rssItem{Title: "No scheme", Link: "//example.org/pr/1", GUID: "pr1", Date: rfc822(1), Desc: "x"}), "a scheme-relative //host link")
	ok("links-javascript.xml", 2, rss20("Scripted links", "", "",
		rssItem{Title: "Script link", Link: "javascript:alert(1)", GUID: "js1", Date: rfc822(1), Desc: "x"},
		rssItem{Title: "Data link", Link: "data:text/html;base64,PHNjcmlwdD4=", GUID: "js2", Date: rfc822(2), Desc: "y"}), "javascript: and data: links herald must never open")
	ok("links-whitespace.xml", 1, rss20("Padded links", "", "",
		rssItem{Title: "Padded", Link: "\n    https://example.org/ws/1   \n  ", GUID: "ws1", Date: rfc822(1), Desc: "x"}), "white space around a link")
	ok("links-spaces-unicode.xml", 2, rss20("Odd characters", "", "",
		rssItem{Title: "Spaces", Link: "https://example.org/a b/c d", GUID: "sp1", Date: rfc822(1), Desc: "x"},
		rssItem{Title: "IDN", Link: "https://bücher.example/über/1", GUID: "sp2", Date: rfc822(2), Desc: "y"}), "spaces and non-ASCII in links")
	ok("links-guid-permalink.xml", 2, strings.Replace(rss20("Permalink GUIDs", "", "",
		rssItem{Title: "GUID only", Date: rfc822(1), Desc: "x", Extra: "  <guid isPermaLink=\"true\">https://example.org/gp/1</guid>\n"},
		rssItem{Title: "GUID default permalink", Date: rfc822(2), Desc: "y", Extra: "  <guid>https://example.org/gp/2</guid>\n"}), "", "", 1), "no link, the GUID is the permalink")
	ok("links-guid-not-permalink.xml", 3, rss20("GUIDs that are no links", "", "",
		rssItem{Title: "Not a permalink", Date: rfc822(1), Desc: "x", Extra: "  <guid isPermaLink=\"false\">https://example.org/np/1</guid>\n"},
		rssItem{Title: "Not a URL", Date: rfc822(2), Desc: "y", Extra: "  <guid>tag:example.org,2025:np-2</guid>\n"},
		rssItem{Title: "Script URL", Date: rfc822(3), Desc: "z", Extra: "  <guid isPermaLink=\"true\">javascript:alert(1)</guid>\n"}), "GUIDs with isPermaLink=false, not a URL, or a javascript: URL: no link")
	ok("links-atom-rels.xml", 1, atom10("Many rels", "", "",
		atomEntry{Title: "Rels", ID: "rel1", Updated: iso(1), Content: "x", Extra: `<link rel="self" href="https://example.org/self"/>
<link rel="enclosure" href="https://example.org/a.mp3" type="audio/mpeg" length="10"/>
<link rel="replies" href="https://example.org/comments"/>
<link rel="alternate" type="text/html" href="https://example.org/rel/1"/>
<link rel="alternate" type="application/pdf" href="https://example.org/rel/1.pdf"/>
`}), "several link relations; the alternate HTML one is the article")
	ok("links-json-relative.json", 2, jsonDoc(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "JSON relative", "home_page_url": "https://example.org/jr/",
		"items": []any{
			map[string]any{"id": "jr1", "url": "/jr/1", "title": "Relative", "content_text": "x"},
			map[string]any{"id": "jr2", "external_url": "https://example.net/jr/2", "title": "External only", "content_text": "y"},
		}}), "relative url and external_url only")
	ok("links-ftp-mailto.xml", 2, rss20("Other schemes", "", "",
		rssItem{Title: "FTP", Link: "ftp://example.org/file.txt", GUID: "fm1", Desc: "x"},
		rssItem{Title: "Mail", Link: "mailto:desk@example.org", GUID: "fm2", Desc: "y"}), "ftp: and mailto: links")
}

// genItems returns n standard RSS items.
func genItems(slug string, n int) []rssItem {
	out := make([]rssItem, n)
	for i := range out {
		out[i] = stdItem(slug, i)
	}
	return out
}

func itemsXML(slug string, n int) string {
	var b strings.Builder
	for _, it := range genItems(slug, n) {
		b.WriteString(it.xml())
	}
	return b.String()
}

var _ = fmt.Sprint
