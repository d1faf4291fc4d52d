//go:build ignore

package main

import (
	"fmt"
	"strings"
)

// missing: items and feeds lacking titles, links, GUIDs; duplicates.
func missing() {
	ok("missing-item-titles.xml", 2, rss20("No item titles", "", "",
		rssItem{Link: "https://example.org/mt/1", GUID: "mt1", Date: rfc822(1), Desc: xmlEsc(para(1))},
		rssItem{Link: "https://example.org/mt/2", GUID: "mt2", Date: rfc822(2), CDATA: true, Desc: "<p><b>Bold lead.</b> " + para(2) + "</p>"}), "items with no title (RSS allows it)")
	ok("missing-item-links.xml", 2, rss20("No item links", "", "",
		rssItem{Title: "Linkless one", GUID: "ml1", Date: rfc822(1), Desc: "x"},
		rssItem{Title: "Linkless two", GUID: "ml2", Date: rfc822(2), Desc: "y"}), "items with no link")
	ok("missing-guids.xml", 3, rss20("No GUIDs", "", "",
		rssItem{Title: "G1", Link: "https://example.org/mg/1", Date: rfc822(1), Desc: "x"},
		rssItem{Title: "G2", Link: "https://example.org/mg/2", Date: rfc822(2), Desc: "y"},
		rssItem{Title: "G3", Link: "https://example.org/mg/3", Date: rfc822(3), Desc: "z"}), "no GUIDs: identity from the link")
	ok("missing-everything-but-description.xml", 2, rss20("Description only", "", "",
		rssItem{Desc: xmlEsc(para(7))}, rssItem{Desc: xmlEsc(para(8))}), "items with only a description: identity from the content")
	ok("missing-channel-title.xml", 2, rss20("", "", "", genItems("notitle", 2)...), "a channel without a title")
	ok("missing-atom-ids.xml", 2, atom10("No ids", "", "",
		atomEntry{Title: "No id one", Link: "https://example.org/ni/1", Updated: iso(1), Content: "x"},
		atomEntry{Title: "No id two", Link: "https://example.org/ni/2", Updated: iso(2), Content: "y"}), "Atom entries with no id")
	ok("missing-atom-title-link.xml", 1, atom10("", "", "", atomEntry{ID: "nt1", Updated: iso(1), Content: xmlEsc("<p>" + para(3) + "</p>")}), "Atom feed and entry with no title, entry with no link")
	ok("missing-json-ids.json", 2, jsonDoc(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "No ids", "items": []any{
		map[string]any{"url": "https://example.org/ji/1", "title": "One", "content_text": "x"},
		map[string]any{"title": "Two, no url either", "content_text": "y"}}}), "JSON items without id, one without url")
	ok("missing-json-title.json", 1, jsonDoc(map[string]any{"version": "https://jsonfeed.org/version/1.1", "items": []any{
		map[string]any{"id": "nt", "content_html": "<p>" + para(4) + "</p>"}}}), "JSON Feed with no feed or item title")

	ok("dup-guids.xml", 1, rss20("Duplicate GUIDs", "", "",
		rssItem{Title: "First with GUID x", Link: "https://example.org/dg/1", GUID: "same", Date: rfc822(1), Desc: "first"},
		rssItem{Title: "Second with GUID x", Link: "https://example.org/dg/2", GUID: "same", Date: rfc822(2), Desc: "second"},
		rssItem{Title: "Third with GUID x", Link: "https://example.org/dg/3", GUID: "same", Date: rfc822(3), Desc: "third"},
		stdItem("dg", 4)), "three items sharing one GUID")
	ok("dup-identical-items.xml", 1, rss20("Identical items", "", "", stdItem("ident", 1), stdItem("ident", 1), stdItem("ident", 1)), "the same item three times")
	ok("dup-links-no-guid.xml", 1, rss20("Same link, no GUID", "", "",
		rssItem{Title: "Update 1", Link: "https://example.org/live", Date: rfc822(1), Desc: "first"},
		rssItem{Title: "Update 2", Link: "https://example.org/live", Date: rfc822(2), Desc: "second"}), "live-blog items sharing a link and no GUID")
	ok("dup-atom-ids.xml", 1, atom10("Duplicate ids", "", "",
		atomEntry{Title: "Rev 1", ID: "urn:dup", Link: "https://example.org/da/1", Updated: iso(1), Content: "old"},
		atomEntry{Title: "Rev 2", ID: "urn:dup", Link: "https://example.org/da/1", Updated: iso(2), Content: "new"}), "two revisions of one Atom entry")
	ok("dup-json-ids.json", 1, jsonDoc(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "Dup ids", "items": []any{
		map[string]any{"id": "d", "url": "https://example.org/jd/1", "title": "One", "content_text": "x"},
		map[string]any{"id": "d", "url": "https://example.org/jd/2", "title": "Two", "content_text": "y"}}}), "JSON items sharing an id")
	ok("dup-guid-empty.xml", 2, rss20("Empty GUIDs", "", "",
		rssItem{Title: "E1", Link: "https://example.org/eg/1", Date: rfc822(1), Desc: "x", Extra: "  <guid></guid>\n"},
		rssItem{Title: "E2", Link: "https://example.org/eg/2", Date: rfc822(2), Desc: "y", Extra: "  <guid>  </guid>\n"}), "empty and blank GUID elements")
}

// namespaces: extensions, prefixes and podcast metadata.
func namespaces() {
	const media = ` xmlns:media="http://search.yahoo.com/mrss/"`
	ok("ns-enclosures.xml", 2, rss20("Enclosures", "", "",
		rssItem{Title: "Audio", Link: "https://example.org/en/1", GUID: "en1", Date: rfc822(1), Desc: "x", Extra: `  <enclosure url="https://example.org/en/1.mp3" length="123456" type="audio/mpeg"/>` + "\n"},
		rssItem{Title: "Two enclosures, no length", Link: "https://example.org/en/2", GUID: "en2", Date: rfc822(2), Desc: "y", Extra: `  <enclosure url="https://example.org/en/2.jpg" type="image/jpeg"/>` + "\n" + `  <enclosure url="/relative/2.pdf" length="" type=""/>` + "\n"}), "enclosures, one relative with empty attributes")
	ok("ns-media-rss.xml", 2, rss20("Media RSS", media, "",
		rssItem{Title: "Video", Link: "https://example.org/mr/1", GUID: "mr1", Date: rfc822(1), Extra: `  <media:group><media:content url="https://example.org/mr/1.mp4" type="video/mp4" medium="video" duration="120"/><media:title>Media title</media:title><media:description>` + xmlEsc(para(5)) + `</media:description><media:thumbnail url="https://example.org/mr/1.jpg"/></media:group>` + "\n"},
		rssItem{Title: "Photo", Link: "https://example.org/mr/2", GUID: "mr2", Date: rfc822(2), Desc: "z", Extra: `  <media:content url="https://example.org/mr/2.jpg" medium="image"><media:credit role="photographer">A. Photographer</media:credit></media:content>` + "\n"}), "Media RSS: description only inside media:group")
	ok("ns-media-youtube-atom.xml", 1, atom10("Video channel", ` xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/"`, "",
		atomEntry{Title: "Press conference", ID: "yt:video:abc", Link: "https://example.org/watch?v=abc", Published: iso(1), Updated: iso(1), Extra: `<yt:videoId>abc</yt:videoId><media:group><media:title>Press conference</media:title><media:description>` + xmlEsc(para(6)) + `</media:description></media:group>` + "\n"}), "a video-site Atom feed with media:group")
	ok("ns-itunes-podcast.xml", 2, rss20("Politics Weekly podcast", ` xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"`,
		"<itunes:author>Corpus Audio</itunes:author>\n<itunes:explicit>false</itunes:explicit>\n<itunes:category text=\"News\"><itunes:category text=\"Politics\"/></itunes:category>\n<itunes:image href=\"https://example.org/art.jpg\"/>\n",
		rssItem{Title: "Episode 1", Link: "https://example.org/pod/1", GUID: "pod1", Date: rfc822(1), Extra: `  <itunes:summary>` + xmlEsc(para(1)) + `</itunes:summary><itunes:duration>00:42:10</itunes:duration><itunes:episode>1</itunes:episode><enclosure url="https://example.org/pod/1.mp3" length="1" type="audio/mpeg"/>` + "\n"},
		rssItem{Title: "Episode 2", GUID: "pod2", Date: rfc822(2), Extra: `  <itunes:subtitle>Short</itunes:subtitle><itunes:author>Guest Host</itunes:author><enclosure url="https://example.org/pod/2.mp3" length="1" type="audio/mpeg"/>` + "\n"}), "iTunes podcast tags; text only in itunes:summary")
	ok("ns-googleplay.xml", 1, rss20("Google Play podcast", ` xmlns:googleplay="http://www.google.com/schemas/play-podcasts/1.0"`, "<googleplay:author>Corpus</googleplay:author>\n",
		rssItem{Title: "Ep", Link: "https://example.org/gp/1", GUID: "gpp1", Date: rfc822(1), Extra: "  <googleplay:description>" + xmlEsc(para(2)) + "</googleplay:description>\n"}), "Google Play podcast namespace")
	ok("ns-dublin-core.xml", 2, rss20("Dublin Core", ` xmlns:dc="http://purl.org/dc/elements/1.1/"`, "<dc:language>en</dc:language><dc:rights>CC BY</dc:rights>\n",
		rssItem{Title: "DC item", Link: "https://example.org/dcx/1", GUID: "dcx1", Desc: "x", Extra: "  <dc:creator>Jane Reporter</dc:creator><dc:creator>John Editor</dc:creator><dc:subject>Elections</dc:subject><dc:date>2025-11-10T08:00:00Z</dc:date>\n"},
		rssItem{Link: "https://example.org/dcx/2", GUID: "dcx2", Desc: "y", Extra: "  <dc:title>Title from dc:title</dc:title><dc:description>" + xmlEsc(para(3)) + "</dc:description>\n"}), "dc:creator (twice), dc:subject, dc:title, dc:description")
	ok("ns-content-encoded.xml", 2, rss20("content:encoded", ` xmlns:content="http://purl.org/rss/1.0/modules/content/"`, "",
		rssItem{Title: "Full text", Link: "https://example.org/ce/1", GUID: "ce1", Date: rfc822(1), Desc: "Short summary.", Extra: "  <content:encoded><![CDATA[<p>" + para(1) + "</p><p>" + para(2) + "</p>]]></content:encoded>\n"},
		rssItem{Title: "Encoded only", Link: "https://example.org/ce/2", GUID: "ce2", Date: rfc822(2), Extra: "  <content:encoded>" + xmlEsc("<p>"+para(3)+"</p>") + "</content:encoded>\n"}), "content:encoded beside and instead of description")
	ok("ns-atom-in-rss.xml", 2, rss20("Atom in RSS", ` xmlns:atom="http://www.w3.org/2005/Atom"`, `<atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>`+"\n",
		rssItem{Title: "With atom:link", GUID: "ar1", Date: rfc822(1), Desc: "x", Extra: `  <atom:link href="https://example.org/ar/1" rel="alternate"/>` + "\n"},
		stdItem("ar", 2)), "atom:link self on the channel and alternate on an item")
	ok("ns-georss-slash-wfw.xml", 1, rss20("GeoRSS, slash, wfw", ` xmlns:georss="http://www.georss.org/georss" xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"`, "",
		rssItem{Title: "Located", Link: "https://example.org/geo/1", GUID: "geo1", Date: rfc822(1), Desc: "x", Extra: "  <georss:point>50.85 4.35</georss:point><slash:comments>12</slash:comments><wfw:commentRss>https://example.org/geo/1/comments</wfw:commentRss>\n"}), "GeoRSS point, slash:comments, wfw:commentRss")
	ok("ns-unknown-extension.xml", 1, rss20("Unknown extension", ` xmlns:x="urn:example:unknown"`, "<x:config><x:nested a=\"1\"><x:deep>text</x:deep></x:nested></x:config>\n",
		rssItem{Title: "Extended", Link: "https://example.org/ux/1", GUID: "ux1", Date: rfc822(1), Desc: "x", Extra: "  <x:rating value=\"5\"/><x:title>not the title</x:title>\n"}), "an unknown namespace, including an x:title that is not the title")
	ok("ns-xhtml-body.xml", 1, rss20("xhtml:body", ` xmlns:xhtml="http://www.w3.org/1999/xhtml"`, "",
		rssItem{Title: "XHTML body", Link: "https://example.org/xb/1", GUID: "xhb1", Date: rfc822(1), Extra: "  <xhtml:body><xhtml:p>" + xmlEsc(para(4)) + "</xhtml:p></xhtml:body>\n"}), "content as an xhtml:body element")
	ok("ns-undeclared-prefix.xml", 1, rss20("Undeclared prefix", "", "",
		rssItem{Title: "Prefix without xmlns", Link: "https://example.org/up/1", GUID: "up1", Date: rfc822(1), Desc: "x", Extra: "  <dc:creator>Nobody Declared</dc:creator>\n"}), "dc: used without declaring the namespace")
	ok("ns-default-namespace-rss.xml", 2, strings.Replace(stdRSS("defns", 2), `<rss version="2.0">`, `<rss version="2.0" xmlns="http://backend.userland.com/rss2">`, 1), "RSS 2.0 in the UserLand default namespace")
	ok("ns-rss10-prefixed.rdf", 2, `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/">
<rss:channel rdf:about="https://example.org/"><rss:title>Prefixed RSS 1.0</rss:title><rss:link>https://example.org/</rss:link><rss:description>x</rss:description></rss:channel>
<rss:item rdf:about="https://example.org/rp/1"><rss:title>`+xmlEsc(headline(1))+`</rss:title><rss:link>https://example.org/rp/1</rss:link><rss:description>`+xmlEsc(para(1))+`</rss:description></rss:item>
<rss:item rdf:about="https://example.org/rp/2"><rss:title>`+xmlEsc(headline(2))+`</rss:title><rss:link>https://example.org/rp/2</rss:link></rss:item>
</rdf:RDF>
`, "RSS 1.0 with an rss: prefix instead of a default namespace")
	ok("ns-uppercase-elements.xml", 0, `<?xml version="1.0"?>
<RSS version="2.0"><CHANNEL><TITLE>Shouting</TITLE><ITEM><TITLE>Upper-case tags</TITLE><LINK>https://example.org/uc/1</LINK></ITEM></CHANNEL></RSS>
`, "upper-case element names")
	_ = fmt.Sprint
}
