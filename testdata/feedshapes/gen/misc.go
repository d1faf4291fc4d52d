//go:build ignore

package main

import (
	"fmt"
	"strings"
)

// misc: markup and text oddities inside otherwise valid feeds.
func misc() {
	std := stdRSS("misc", 2)
	ok("misc-comments-pi.xml", 2, strings.Replace(std, "<channel>", "<!-- comment before channel -->\n<?processing instruction?>\n<channel><!-- inside -->", 1), "comments and processing instructions")
	ok("misc-stylesheet-pi.xml", 2, strings.Replace(std, "<rss", `<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>`+"\n<rss", 1), "an xml-stylesheet instruction for browsers")
	ok("misc-crlf.xml", 2, strings.ReplaceAll(std, "\n", "\r\n"), "CRLF line endings")
	ok("misc-cr-only.xml", 2, strings.ReplaceAll(std, "\n", "\r"), "classic Mac CR line endings")
	ok("misc-tabs-indent.xml", 2, strings.ReplaceAll(std, "\n", "\n\t\t\t"), "deep tab indentation")
	ok("misc-html-in-title.xml", 2, rss20("<![CDATA[<b>Bold</b> feed]]>", "", "",
		rssItem{Title: "<![CDATA[<em>Breaking:</em> talks <b>collapse</b>]]>", Link: "https://example.org/ht/1", GUID: "ht1", Date: rfc822(1), Desc: "x"},
		rssItem{Title: "Escaped &lt;i&gt;italic&lt;/i&gt; title", Link: "https://example.org/ht/2", GUID: "ht2", Date: rfc822(2), Desc: "y"}), "HTML markup in titles")
	ok("misc-script-style.xml", 1, rss20("Scripts", "", "", rssItem{Title: "Scripted", Link: "https://example.org/ss/1", GUID: "ss1", Date: rfc822(1), CDATA: true,
		Desc: `<style>p{color:red}</style><script>alert("x")</script><p>` + para(1) + `</p><noscript>Enable JS</noscript><template><p>hidden</p></template>`}), "script, style, noscript and template in content")
	ok("misc-iframe-embed.xml", 1, rss20("Embeds", "", "", rssItem{Title: "Embedded", Link: "https://example.org/ie/1", GUID: "ie1", Date: rfc822(1), CDATA: true,
		Desc: `<p>` + para(2) + `</p><iframe src="https://example.org/embed" width="560"></iframe><object data="x.swf"></object><video src="v.mp4" controls>fallback</video>`}), "iframe, object and video embeds")
	ok("misc-img-only.xml", 1, rss20("Images only", "", "", rssItem{Title: "Gallery", Link: "https://example.org/io/1", GUID: "io1", Date: rfc822(1), CDATA: true,
		Desc: `<img src="/a.jpg" alt="Leaders at the summit"><img src="b.jpg"><figure><img src="c.jpg"><figcaption>Caption text</figcaption></figure>`}), "content that is only images and a caption")
	ok("misc-table-lists-pre.xml", 1, rss20("Structures", "", "", rssItem{Title: "Results", Link: "https://example.org/tl/1", GUID: "tl1", Date: rfc822(1), CDATA: true,
		Desc: `<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Blue</td><td>120</td></tr></table><ul><li>One<ul><li>Nested</li></ul></li></ul><pre>  preformatted
  lines</pre><blockquote><p>Quoted block</p></blockquote><h2>Heading</h2><hr><dl><dt>Term</dt><dd>Definition</dd></dl>`}), "tables, nested lists, pre, blockquote, headings")
	ok("misc-br-only.xml", 1, rss20("Line breaks", "", "", rssItem{Title: "BR paragraphs", Link: "https://example.org/br/1", GUID: "br1", Date: rfc822(1), CDATA: true,
		Desc: para(1) + "<br><br>" + para(2) + "<br/>\n<br />" + para(3)}), "paragraphs separated only by br")
	ok("misc-unclosed-html.xml", 1, rss20("Broken HTML", "", "", rssItem{Title: "Tag soup", Link: "https://example.org/uh/1", GUID: "uh1", Date: rfc822(1), CDATA: true,
		Desc: `<p>Unclosed <b>bold <i>italic<p>Next <a href="x">link <div></span></table>` + para(3)}), "tag soup in content")
	ok("misc-plain-text-newlines.xml", 1, rss20("Plain text", "", "", rssItem{Title: "Plain", Link: "https://example.org/pt/1", GUID: "pt1", Date: rfc822(1),
		Desc: xmlEsc(para(1) + "\n\n" + para(2) + "\n" + para(3))}), "plain-text description with newlines, no HTML")
	ok("misc-rtl-arabic.xml", 1, rss20("أخبار العالم", "", "", rssItem{Title: "وزير الخارجية: المحادثات ستستأنف", Link: "https://example.org/ar/1", GUID: "ar1", Date: rfc822(1),
		Desc: xmlEsc("<p dir=\"rtl\">" + textArabic + "</p>")}), "Arabic, right to left")
	ok("misc-rtl-hebrew-mixed.xml", 1, rss20("Mixed direction", "", "", rssItem{Title: "ראש הממשלה met the NATO chief", Link: "https://example.org/he/1", GUID: "he1", Date: rfc822(1),
		Desc: "ראש הממשלה אמר כי \u200fהשיחות\u200f will continue in 2026."}), "Hebrew mixed with English and RLM marks")
	ok("misc-cjk-utf8.xml", 1, rss20("国际新闻", "", "", rssItem{Title: "首脳会談 / 贸易磋商 / 정상회담", Link: "https://example.org/cjk/1", GUID: "cjk1", Date: rfc822(1),
		Desc: xmlEsc(textJapanese + " " + textChinese + " " + textKorean)}), "Chinese, Japanese and Korean in UTF-8")
	ok("misc-emoji-zwj.xml", 1, rss20("Emoji 🌍", "", "", rssItem{Title: "Flags 🇺🇦🇪🇺 and families 👨‍👩‍👧 react 👍🏽", Link: "https://example.org/em/1", GUID: "em1", Date: rfc822(1),
		Desc: "Leaders 🤝 agreed 🎉 — e\u0301 combining, variation ☺\ufe0f"}), "emoji, flags, ZWJ sequences, combining marks")
	ok("misc-invisible-chars.xml", 1, rss20("Invisible\u200b characters", "", "", rssItem{Title: "Zero\u200bwidth\u200c\u200d and soft\u00adhyphen and\u00a0nbsp\u2028line\u2029para", Link: "https://example.org/zw/1", GUID: "zw1", Date: rfc822(1),
		Desc: "\ufeffBOM inside text, word\u2060joiner, \u3000ideographic space"}), "zero-width, soft hyphen, NBSP, line and paragraph separators, inner BOM")
	ok("misc-categories.xml", 1, rss20("Categories", "", "<category>World</category>\n", rssItem{Title: "Tagged", Link: "https://example.org/cat/1", GUID: "cat1", Date: rfc822(1), Desc: "x",
		Extra: `  <category domain="https://example.org/tags">Europe</category><category>Elections</category><category/>` + "\n"}), "categories, one empty")
	ok("misc-channel-extras.xml", 1, rss20("Channel extras", "", `<image><url>https://example.org/i.png</url><title>i</title><link>https://example.org/</link></image>
<textInput><title>Search</title><description>Search</description><name>q</name><link>https://example.org/search</link></textInput>
<cloud domain="rpc.example.org" port="80" path="/RPC2" registerProcedure="ping" protocol="xml-rpc"/>
<ttl>60</ttl><skipHours><hour>0</hour><hour>1</hour></skipHours><skipDays><day>Sunday</day></skipDays>
<generator>Hand</generator><docs>https://www.rssboard.org/rss-specification</docs><webMaster>web@example.org (Web)</webMaster>
`, stdItem("extras", 1)), "image, textInput, cloud, ttl, skipHours, skipDays")
	ok("misc-item-source-comments.xml", 1, rss20("Source and comments", "", "", rssItem{Title: "Sourced", Link: "https://example.org/sc/1", GUID: "sc1", Date: rfc822(1), Desc: "x",
		Extra: `  <source url="https://example.net/feed.xml">Other Wire</source><comments>https://example.org/sc/1#comments</comments><author>desk@example.org (The Desk)</author>` + "\n"}), "source, comments and an RSS author e-mail")
	ok("misc-author-formats.xml", 4, rss20("Author formats", "", "",
		rssItem{Title: "Email only", GUID: "af1", Desc: "x", Extra: "  <author>desk@example.org</author>\n"},
		rssItem{Title: "Name in parens", GUID: "af2", Desc: "x", Extra: "  <author>desk@example.org (Maria Rossi)</author>\n"},
		rssItem{Title: "Name only", GUID: "af3", Desc: "x", Extra: "  <author>Maria Rossi</author>\n"},
		rssItem{Title: "Name and angle email", GUID: "af4", Desc: "x", Extra: "  <author>Maria Rossi &lt;maria@example.org&gt;</author>\n"}), "author as e-mail, name in parentheses, name, name with <email>")
	ok("misc-author-parenthesised.xml", 2, rss20("Agency bylines", ` xmlns:dc="http://purl.org/dc/elements/1.1/"`, "",
		rssItem{Title: "Agency in parentheses", Link: "https://example.org/ap/1", GUID: "ap1", Date: rfc822(1), Desc: "x", Extra: "  <dc:creator>Maria Rossi (Reuters)</dc:creator>\n"},
		rssItem{Title: "Note in parentheses", Link: "https://example.org/ap/2", GUID: "ap2", Date: rfc822(2), Desc: "y", Extra: "  <dc:creator>Paris correspondent (translated from French)</dc:creator>\n"}),
		"dc:creator as Name (Agency); gofeed reads the parentheses as an e-mail form and returns no name, so the byline is kept as written")
	ok("misc-author-parenthesised-rss.xml", 2, rss20("Agency bylines in author", "", "",
		rssItem{Title: "Agency in RSS author", Link: "https://example.org/apr/1", GUID: "apr1", Date: rfc822(1), Desc: "x", Extra: "  <author>Maria Rossi (Reuters)</author>\n"},
		rssItem{Title: "Agency with a control", Link: "https://example.org/apr/2", GUID: "apr2", Date: rfc822(2), Desc: "y", Extra: "  <author>  Jean Dupont\u202e (AFP)  </author>\n"}),
		"RSS author as Name (Agency) and one with a bidi override: kept as written, sanitised and trimmed")
	ok("misc-multiple-channels.xml", 1, strings.Replace(stdRSS("mc1", 1), "</channel>", "</channel>\n<channel><title>Second channel</title>"+itemsXML("mc2", 1)+"</channel>", 1), "two channels in one rss element")
	ok("misc-reversed-order.xml", 3, rss20("Oldest first", "", "", stdItem("rev", 9), stdItem("rev", 5), stdItem("rev", 1)), "items oldest first")
	ok("misc-whitespace-fields.xml", 1, rss20("\n   Padded title   \n", "", "", rssItem{Title: "\n\t  Padded item title \t\n", Link: "\n https://example.org/pw/1 \n", GUID: "\n pw1 \n", Date: "\n " + rfc822(1) + " \n", Desc: "\n\n   " + xmlEsc(para(1)) + "   \n\n"}), "white space around every field")
	ok("misc-long-guid.xml", 1, rss20("Long GUID", "", "", rssItem{Title: "Long GUID", Link: "https://example.org/lg/1", GUID: strings.Repeat("g", 5000), Date: rfc822(1), Desc: "x"}), "a 5,000-character GUID")
	ok("misc-nested-cdata-trick.xml", 1, rss20("CDATA split", "", "", rssItem{Title: "Split", Link: "https://example.org/cd/1", GUID: "cds1", Date: rfc822(1),
		Extra: "  <description><![CDATA[<p>Text with ]]]]><![CDATA[> inside</p>]]></description>\n"}), "a CDATA section split to contain ]]>")
	ok("misc-mixed-cdata-text.xml", 1, rss20("Mixed", "", "", rssItem{Title: "Mixed <![CDATA[<b>CDATA</b>]]> and text", Link: "https://example.org/mx/1", GUID: "mx1", Date: rfc822(1),
		Extra: "  <description>Before &lt;b&gt;x&lt;/b&gt; <![CDATA[<i>inside</i>]]> after</description>\n"}), "text and CDATA mixed in one element")
	_ = fmt.Sprint
}
