//go:build ignore

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"log"
	"math/rand/v2"
	"strings"
)

// broken: ill-formed XML and JSON, and files that are not feeds at all.
func broken() {
	full := stdRSS("trunc", 4)
	cut := strings.Index(full, "<item>") + len("<item>\n  <title>") + 10
	badKeep("bad-truncated.xml", 3, full[:strings.LastIndex(full, "<item>")+40], "RSS cut off in the middle of the last item: the 3 items before it kept, the error names the line")
	bad("bad-truncated-early.xml", full[:cut], "RSS cut off inside the first item's title")
	bad("bad-truncated-header.xml", `<?xml version="1.0" encoding="UTF-8"?>`+"\n<rss versi", "cut off inside the root start tag")
	cdata := rss20("CDATA cut", "", "", rssItem{Title: "One", Link: "https://example.org/c/1", GUID: "c1", CDATA: true, Desc: "<p>" + para(1) + "</p><p>" + para(2) + "</p>"})
	bad("bad-truncated-cdata.xml", cdata[:strings.Index(cdata, "<![CDATA[")+60], "cut off inside a CDATA section")
	atom := stdAtom("atomcut", 3)
	badKeep("bad-truncated-atom.xml", 2, atom[:strings.LastIndex(atom, "<entry>")+30], "Atom cut off inside an entry: the 2 entries before it kept")
	secondEnd := strings.Index(full, "</item>") + len("</item>")
	secondEnd += strings.Index(full[secondEnd:], "</item>") + len("</item>")
	badKeep("bad-truncated-between-items.xml", 2, full[:secondEnd], "RSS cut off right after the second item, channel and rss never closed: both items kept")
	badKeep("bad-unclosed-tag.xml", 2, strings.Replace(stdRSS("unclosed", 3), "</title>", "", 2), "the channel title and the first item's title never closed (the lenient parser lets the title swallow the items): the two whole items kept, an error naming the line")
	badKeep("bad-mismatched-tags.xml", 3, strings.Replace(stdRSS("mismatch", 3), "</link>", "</lnk>", 1), "a closing tag that does not match, in the channel header (the lenient parser reads no item): the items after it kept, an error naming the line")
	badKeep("bad-mismatched-in-item.xml", 3, strings.Replace(stdRSS("mismatch2", 4), "<link>https://example.org/mismatch2/2</link>", "<link>https://example.org/mismatch2/2</lnk>", 1), "a mismatched closing tag in the third item: that item dropped, the other three kept")
	lenient("lenient-two-roots.xml", 1, stdRSS("root1", 1)+strings.TrimPrefix(stdRSS("root2", 1), `<?xml version="1.0" encoding="UTF-8"?>`), "two rss documents concatenated: the first is read")
	lenient("lenient-unquoted-attr.xml", 2, strings.Replace(stdRSS("attr", 2), `isPermaLink="false"`, `isPermaLink=false`, 1), "an unquoted attribute value")
	bad("bad-lt-in-text.xml", rss20("Raw less-than", "", "", rssItem{Title: "Growth < 1% as 2 < 3", Link: "https://example.org/lt/1", GUID: "lt1", Desc: "x"}), "a raw < in text")
	bad("bad-not-xml-text.xml", "This is not XML, just a sentence about a summit in Geneva.\n", "plain prose")
	bad("bad-unknown-root.xml", `<?xml version="1.0"?>`+"\n<newsletter><headline>Hello</headline></newsletter>\n", "well-formed XML that is no feed format")
	bad("bad-svg.xml", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Chart</title><rect width="10" height="10"/></svg>`+"\n", "an SVG image")
	bad("bad-sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc><lastmod>2025-11-17</lastmod></url></urlset>`+"\n", "a sitemap, a common wrong URL")
	lenient("lenient-garbage-after-root.xml", 2, stdRSS("after", 2)+"<!-- trailing --> garbage text after the root\n", "text after the closing root tag (parsers stop at the root)")
	lenient("lenient-whitespace-before-decl.xml", 2, "\n\n   "+stdRSS("ws", 2), "white space before the XML declaration (invalid, common)")
	lenient("lenient-no-xml-decl.xml", 2, strings.TrimPrefix(stdRSS("nodecl", 2), `<?xml version="1.0" encoding="UTF-8"?>`+"\n"), "no XML declaration")
	lenient("lenient-rss-no-channel.xml", 0, `<?xml version="1.0"?>`+"\n<rss version=\"2.0\"></rss>\n", "rss root with no channel")
	lenient("lenient-items-outside-channel.xml", 2, `<?xml version="1.0"?>`+"\n<rss version=\"2.0\"><channel><title>Outside</title></channel>"+itemsXML("outside", 2)+"</rss>\n", "items after the channel closes")
	ok("attack-billion-laughs.xml", 1, billionLaughs(), "entity expansion bomb in an internal DTD: never expanded, &lol9; stays text")
	ok("attack-xxe.xml", 1, `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>XXE</title></item></channel></rss>
`, "external entity (XXE): never resolved, the test checks no file content leaks")

	bad("bad-json-truncated.json", jsonFeed("https://jsonfeed.org/version/1.1", 3, true)[:300], "JSON Feed cut off")
	bad("bad-json-trailing-comma.json", `{"version":"https://jsonfeed.org/version/1.1","title":"Trailing","items":[{"id":"1","title":"x",},]}`+"\n", "JSON with trailing commas")
	bad("bad-json-items-object.json", `{"version":"https://jsonfeed.org/version/1.1","title":"Wrong type","items":{"id":"1"}}`+"\n", "items is an object, not an array")
	bad("bad-json-array.json", `[{"title":"one"},{"title":"two"}]`+"\n", "a JSON array, not a feed object")
	bad("bad-json-not-a-feed.json", `{"status":"error","message":"rate limited","retry_after":60}`+"\n", "an API error object: no JSON Feed version and no items array, so not a feed")
	bad("bad-json-error-reply.json", `{"error":"rate limited"}`+"\n", "the shortest API error reply")
	bad("bad-json-wrong-version.json", `{"version":"2.0","title":"Some API","data":[]}`+"\n", "a version that is not JSON Feed's and no items array")
	ok("json-version-http.json", 1, `{"version":"http://jsonfeed.org/version/1","title":"Old scheme","items":[{"id":"h1","url":"https://example.org/h/1","title":"Plain http version URL","content_text":"x"}]}`+"\n", "JSON Feed version URL with http:, as some 1.0 feeds wrote it")
	bad("bad-json-title-number.json", `{"version":"https://jsonfeed.org/version/1.1","title":42,"items":[{"id":7,"title":["a"],"url":{}}]}`+"\n", "fields with the wrong JSON types")

	rng := rand.New(rand.NewPCG(7, 11))
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	badBytes("bad-binary-garbage.bin", garbage, "4 KiB of random bytes")
	badBytes("bad-binary-lt-garbage.xml", append([]byte("<"), garbage[:512]...), "random bytes after a <")
	badBytes("bad-png.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), garbage[:200]...), "a PNG image")
	badBytes("bad-pdf.pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"), "a PDF document")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(stdRSS("gz", 2)))
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	badBytes("bad-gzip-body.xml.gz", gz.Bytes(), "a gzipped feed served without Content-Encoding")
	badBytes("bad-nul-only.xml", bytes.Repeat([]byte{0}, 1000), "a thousand NUL bytes")
	ok("ctrl-raw-c0.xml", 2, rss20("Raw \x01controls\x07", "", "",
		rssItem{Title: "Bell\x07 and NUL\x00 in title", Link: "https://example.org/c0/1", GUID: "c0-1", Date: rfc822(1), Desc: "Vertical\x0btab, form\x0cfeed, escape\x1b[1m bold"},
		rssItem{Title: "Second", Link: "https://example.org/c0/2", GUID: "c0-2", Date: rfc822(2), Desc: xmlEsc(para(2))}), "raw C0 control bytes, invalid XML, dropped by the parser")
	ok("ctrl-c1-utf8.xml", 1, rss20("C1 \u0085 next line", "", "",
		rssItem{Title: "C1 \u009b31m red \u0080 \u009f", Link: "https://example.org/c1/1", GUID: "c1-1", Date: rfc822(1), Desc: "Next\u0085line \u009d0;title\u009c"}), "C1 controls as valid UTF-8")
	_ = fmt.Sprint
}

func billionLaughs() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n")
	prev := "lol"
	for i := 1; i <= 9; i++ {
		name := fmt.Sprintf("lol%d", i)
		fmt.Fprintf(&b, " <!ENTITY %s \"%s\">\n", name, strings.Repeat("&"+prev+";", 10))
		prev = name
	}
	b.WriteString("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>\n")
	return b.String()
}

// empties: feeds with nothing in them.
func empties() {
	bad("empty-file.xml", "", "zero bytes")
	bad("empty-whitespace.xml", " \n\t\n   \n", "only white space")
	bad("empty-bom-only.xml", "\xef\xbb\xbf", "only a UTF-8 byte-order mark")
	bad("empty-xml-decl-only.xml", `<?xml version="1.0" encoding="UTF-8"?>`+"\n", "only the XML declaration")
	bad("empty-json-file.json", "", "an empty .json file")
	ok("empty-rss-no-items.xml", 0, rss20("No items yet", "", ""), "a channel with no items")
	ok("empty-rss-empty-channel.xml", 0, `<?xml version="1.0"?>`+"\n<rss version=\"2.0\"><channel/></rss>\n", "an empty channel element")
	bad("empty-rss-blank-items.xml", rss20("Blank items", "", "", rssItem{}, rssItem{}, rssItem{Title: " "}), "items with no title, link or text: none stored, an error says so")
	ok("empty-rss-some-blank-items.xml", 1, rss20("Some blank items", "", "", rssItem{}, stdItem("someblank", 1), rssItem{Title: " ", Extra: "  <description> </description>\n"}), "blank items beside a real one: the blank ones are skipped")
	bad("empty-whitespace-crlf.xml", "\r\n\r\n\t \r\n", "only CR LF and tabs")
	ok("empty-atom-no-entries.xml", 0, atom10("No entries", "", ""), "an Atom feed with no entries")
	ok("empty-atom-minimal.xml", 0, `<feed xmlns="http://www.w3.org/2005/Atom"/>`, "a bare Atom root")
	ok("empty-rdf-no-items.rdf", 0, `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>Empty RDF</title><link>https://example.org/</link><description>x</description></channel></rdf:RDF>
`, "an RSS 1.0 feed with no items")
	ok("empty-json-no-items.json", 0, `{"version":"https://jsonfeed.org/version/1.1","title":"No items","items":[]}`+"\n", "a JSON Feed with an empty items array")
	ok("empty-json-items-missing.json", 0, `{"version":"https://jsonfeed.org/version/1.1","title":"Items key missing"}`+"\n", "a JSON Feed without an items key")
	ok("empty-item-descriptions.xml", 2, rss20("Empty descriptions", "", "",
		rssItem{Title: "Title only one", Link: "https://example.org/ed/1", GUID: "ed1", Date: rfc822(1), Extra: "  <description></description>\n"},
		rssItem{Title: "Title only two", Link: "https://example.org/ed/2", GUID: "ed2", Date: rfc822(2), Extra: "  <description><![CDATA[]]></description>\n"}), "items whose description is empty")
}
