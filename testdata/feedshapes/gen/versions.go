//go:build ignore

package main

import (
	"encoding/json"
	"fmt"
	"log"
	"strings"
)

// versions: one or more files for every feed format and version.
func versions() {
	ok("rss090-basic.rdf", 3, rss090(3), "RSS 0.90: RDF root, Netscape 0.9 namespace, items outside the channel")
	ok("rss091-netscape.xml", 3, rss09x("0.91", `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">`, 3, false), "RSS 0.91 Netscape flavour with its DOCTYPE")
	ok("rss091-userland.xml", 3, rss09x("0.91", "", 3, false), "RSS 0.91 UserLand flavour")
	ok("rss092-basic.xml", 3, rss09x("0.92", "", 3, true), "RSS 0.92 with enclosure, category and source")
	ok("rss093-basic.xml", 3, rss09x("0.93", "", 3, true), "RSS 0.93 (draft) with pubDate")
	ok("rss094-basic.xml", 3, rss09x("0.94", "", 3, true), "RSS 0.94 (draft) with guid")
	ok("rss10-rdf.rdf", 4, rss10(4, ""), "RSS 1.0 RDF with rdf:Seq, dc:date")
	ok("rss10-modules.rdf", 3, rss10(3, `<content:encoded><![CDATA[<p>Encoded <b>content</b> module.</p>]]></content:encoded>`), "RSS 1.0 with content:encoded and syndication module")
	ok("rss20-basic.xml", 5, stdRSS("rss20-basic", 5), "RSS 2.0, every common field")
	ok("rss20-no-version-attr.xml", 2, strings.Replace(stdRSS("nover", 2), ` version="2.0"`, "", 1), "rss root without a version attribute")
	ok("rss20-version-3.xml", 2, strings.Replace(stdRSS("v3", 2), `version="2.0"`, `version="3.0"`, 1), "unknown future RSS version")
	ok("atom03-basic.xml", 3, atom03(3, "escaped"), "Atom 0.3 with escaped HTML content, issued/modified dates")
	ok("atom03-content-base64.xml", 2, atom03(2, "base64"), "Atom 0.3 content mode=base64")
	ok("atom03-content-xml.xml", 2, atom03(2, "xml"), "Atom 0.3 content mode=xml (inline XHTML)")
	ok("atom10-basic.xml", 5, stdAtom("atom10-basic", 5), "Atom 1.0, every common field")
	ok("atom10-content-types.xml", 4, atomContentTypes(), "Atom 1.0 content as text, html, xhtml and out-of-line src")
	ok("atom10-summary-only.xml", 2, atom10("Summary only", "", "",
		atomEntry{Title: "Summary one", ID: "s1", Link: "https://example.org/s/1", Updated: iso(1), Extra: "<summary>" + xmlEsc(para(1)) + "</summary>\n"},
		atomEntry{Title: "Summary two", ID: "s2", Link: "https://example.org/s/2", Updated: iso(2), Extra: `<summary type="html">` + xmlEsc("<p>"+para(2)+"</p>") + "</summary>\n"}),
		"Atom entries with summary and no content")
	ok("atom10-prefixed.xml", 2, atomPrefixed(), "Atom with an atom: prefix on every element")
	ok("json10-basic.json", 3, jsonFeed("https://jsonfeed.org/version/1", 3, false), "JSON Feed 1.0 with author object")
	ok("json11-basic.json", 3, jsonFeed("https://jsonfeed.org/version/1.1", 3, true), "JSON Feed 1.1 with authors array and language")
	ok("json11-content-text.json", 2, jsonDoc(map[string]any{
		"version": "https://jsonfeed.org/version/1.1", "title": "Text only",
		"items": []any{
			map[string]any{"id": "t1", "url": "https://example.org/t/1", "title": headline(3), "content_text": para(3) + "\n\n" + para(4), "date_published": iso(3)},
			map[string]any{"id": "t2", "url": "https://example.org/t/2", "content_text": para(5), "date_modified": iso(5)},
		}}), "JSON Feed with content_text only and a title-less item")
	ok("json11-summary-image.json", 1, jsonDoc(map[string]any{
		"version": "https://jsonfeed.org/version/1.1", "title": "Images",
		"items": []any{map[string]any{"id": "i1", "url": "https://example.org/i/1", "title": "Pictured",
			"summary": para(6), "image": "https://example.org/i/1.jpg", "banner_image": "https://example.org/i/b.jpg",
			"date_published": iso(6), "tags": []string{"politics", "europe"}}}}), "JSON Feed item with summary, image and tags but no content")
	ok("json-version-missing.json", 2, jsonDoc(map[string]any{
		"title": "No version",
		"items": []any{
			map[string]any{"id": "nv1", "url": "https://example.org/nv/1", "title": "One", "content_text": para(1)},
			map[string]any{"id": "nv2", "url": "https://example.org/nv/2", "title": "Two", "content_text": para(2)},
		}}), "JSON Feed without its version key, recognised by shape")
}

func rss090(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel>
<title>RSS 0.90 corpus</title>
<link>https://example.org/</link>
<description>The oldest RSS</description>
</channel>
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<item>\n<title>%s</title>\n<link>https://example.org/rss090/%d</link>\n</item>\n", xmlEsc(headline(i)), i)
	}
	b.WriteString("</rdf:RDF>\n")
	return b.String()
}

func rss09x(version, doctype string, n int, rich bool) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n")
	if doctype != "" {
		b.WriteString(doctype + "\n")
	}
	fmt.Fprintf(&b, "<rss version=%q>\n<channel>\n<title>RSS %s corpus</title>\n<link>https://example.org/</link>\n<description>RSS %s</description>\n<language>en-us</language>\n", version, version, version)
	b.WriteString("<image><title>Logo</title><url>https://example.org/logo.gif</url><link>https://example.org/</link></image>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<item>\n<title>%s</title>\n<link>https://example.org/rss%s/%d</link>\n<description>%s</description>\n", xmlEsc(headline(i)), version, i, xmlEsc(para(i)))
		if rich {
			fmt.Fprintf(&b, "<category>World</category>\n<source url=\"https://example.org/src.xml\">Source feed</source>\n<enclosure url=\"https://example.org/a%d.mp3\" length=\"1000\" type=\"audio/mpeg\"/>\n", i)
			if version >= "0.93" {
				fmt.Fprintf(&b, "<pubDate>%s</pubDate>\n", rfc822(i))
			}
			if version == "0.94" {
				fmt.Fprintf(&b, "<guid>https://example.org/rss094/%d</guid>\n", i)
			}
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return b.String()
}

func rss10(n int, extra string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://example.org/rss10">
<title>RSS 1.0 corpus</title>
<link>https://example.org/</link>
<description>RDF Site Summary</description>
<sy:updatePeriod>hourly</sy:updatePeriod>
<items><rdf:Seq>
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<rdf:li rdf:resource=\"https://example.org/rss10/%d\"/>\n", i)
	}
	b.WriteString("</rdf:Seq></items>\n</channel>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<item rdf:about=\"https://example.org/rss10/%d\">\n<title>%s</title>\n<link>https://example.org/rss10/%d</link>\n<description>%s</description>\n<dc:date>%s</dc:date>\n<dc:creator>Desk %d</dc:creator>\n%s</item>\n",
			i, xmlEsc(headline(i)), i, xmlEsc(para(i)), iso(i), i, extra)
	}
	b.WriteString("</rdf:RDF>\n")
	return b.String()
}

func atom03(n int, mode string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
<title>Atom 0.3 corpus</title>
<link rel="alternate" type="text/html" href="https://example.org/"/>
<modified>2025-11-20T10:00:00Z</modified>
<author><name>Corpus Desk</name></author>
`)
	for i := 0; i < n; i++ {
		var content string
		switch mode {
		case "escaped":
			content = `<content type="text/html" mode="escaped">` + xmlEsc("<p>"+para(i)+"</p>") + "</content>"
		case "base64":
			content = `<content type="text/html" mode="base64">` + b64("<p>"+para(i)+"</p>") + "</content>"
		case "xml":
			content = `<content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>` + xmlEsc(para(i)) + "</p></div></content>"
		}
		fmt.Fprintf(&b, "<entry>\n<title>%s</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/atom03/%d\"/>\n<id>tag:example.org,2025:atom03-%d</id>\n<issued>%s</issued>\n<modified>%s</modified>\n%s\n</entry>\n",
			xmlEsc(headline(i)), i, i, iso(i), iso(i), content)
	}
	b.WriteString("</feed>\n")
	return b.String()
}

func atomContentTypes() string {
	return atom10("Content types", "", "",
		atomEntry{Title: "Text content", ID: "ct1", Link: "https://example.org/ct/1", Updated: iso(1), Extra: `<content type="text">` + xmlEsc(para(1)+" <not a tag>") + "</content>\n"},
		atomEntry{Title: "HTML content", ID: "ct2", Link: "https://example.org/ct/2", Updated: iso(2), Content: xmlEsc("<p>" + para(2) + "</p><ul><li>one</li><li>two</li></ul>")},
		atomEntry{Title: "XHTML content", ID: "ct3", Link: "https://example.org/ct/3", Updated: iso(3), Extra: `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>` + xmlEsc(para(3)) + "</p><p><em>Second</em> paragraph.</p></div></content>\n"},
		atomEntry{Title: "Out-of-line content", ID: "ct4", Link: "https://example.org/ct/4", Updated: iso(4), Extra: `<content type="text/html" src="https://example.org/ct/4.html"/>` + "\n<summary>" + xmlEsc(para(4)) + "</summary>\n"},
	)
}

func atomPrefixed() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">
<atom:title>Prefixed Atom</atom:title>
<atom:id>urn:example:prefixed</atom:id>
<atom:updated>2025-11-20T10:00:00Z</atom:updated>
`)
	for i := 0; i < 2; i++ {
		fmt.Fprintf(&b, "<atom:entry><atom:title>%s</atom:title><atom:id>urn:p:%d</atom:id><atom:link href=\"https://example.org/p/%d\"/><atom:updated>%s</atom:updated><atom:summary>%s</atom:summary></atom:entry>\n",
			xmlEsc(headline(i)), i, i, iso(i), xmlEsc(para(i)))
	}
	b.WriteString("</atom:feed>\n")
	return b.String()
}

func jsonDoc(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	return string(b) + "\n"
}

func jsonFeed(version string, n int, v11 bool) string {
	items := make([]any, n)
	for i := range items {
		it := map[string]any{
			"id": fmt.Sprintf("json-%d", i), "url": fmt.Sprintf("https://example.org/json/%d", i),
			"title": headline(i), "content_html": "<p>" + para(i) + "</p><p>" + para(i+1) + "</p>",
			"date_published": iso(i),
		}
		if v11 {
			it["authors"] = []any{map[string]any{"name": "Desk " + fmt.Sprint(i)}}
			it["language"] = "en-GB"
		} else {
			it["author"] = map[string]any{"name": "Desk " + fmt.Sprint(i)}
		}
		items[i] = it
	}
	return jsonDoc(map[string]any{"version": version, "title": "JSON corpus " + version,
		"home_page_url": "https://example.org/", "feed_url": "https://example.org/feed.json", "items": items})
}
