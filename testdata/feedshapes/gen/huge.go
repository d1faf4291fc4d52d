//go:build ignore

package main

import (
	"fmt"
	"strings"
)

// huge: enormous items and feeds with very many items, all under herald's
// default 8 MiB body cap.
func huge() {
	var big strings.Builder
	for i := 0; big.Len() < 2<<20; i++ {
		fmt.Fprintf(&big, "<p>%d. %s %s</p>\n", i, para(i), para(i+5))
	}
	ok("huge-item-2mb.xml", 1, rss20("One 2 MB item", "", "",
		rssItem{Title: "An enormous item", Link: "https://example.org/huge/1", GUID: "huge-1", Date: rfc822(1), CDATA: true, Desc: big.String()},
		stdItem("huge", 2)), "one item of about 2 MB of HTML")
	ok("huge-5000-items.xml", 5000, stdRSS("many", 5000), "5,000 items")
	ok("huge-atom-1000-entries.xml", 1000, stdAtom("many-atom", 1000), "1,000 Atom entries")
	ok("huge-json-500-items.json", 500, jsonFeed("https://jsonfeed.org/version/1.1", 500, true), "500 JSON Feed items")
	ok("huge-title-100k.xml", 1, rss20("Long title", "", "",
		rssItem{Title: strings.Repeat("Summit ", 100000/7), Link: "https://example.org/lt/1", GUID: "lt1", Date: rfc822(1), Desc: "x"}), "a 100 KB title")
	ok("huge-word-200k.xml", 1, rss20("One long word", "", "",
		rssItem{Title: "Long word", Link: "https://example.org/lw/1", GUID: "lw1", Date: rfc822(1), Desc: strings.Repeat("a", 200000)}), "a 200,000-character word with no spaces")
	ok("huge-deep-html.xml", 1, rss20("Deep HTML", "", "",
		rssItem{Title: "Nested 5,000 deep", Link: "https://example.org/dh/1", GUID: "dh1", Date: rfc822(1), CDATA: true,
			Desc: strings.Repeat("<div><span>", 5000) + "deep text" + strings.Repeat("</span></div>", 5000)}), "HTML nested 10,000 elements deep")
	ok("huge-many-paragraphs.xml", 1, rss20("Many paragraphs", "", "",
		rssItem{Title: "Ten thousand paragraphs", Link: "https://example.org/mp/1", GUID: "mp1", Date: rfc822(1), CDATA: true,
			Desc: strings.Repeat("<p>Short.</p>", 10000)}), "10,000 tiny paragraphs")
	ok("huge-single-line.xml", 300, strings.ReplaceAll(stdRSS("oneline", 300), "\n", ""), "300 items on a single line")
	ok("huge-many-enclosures.xml", 1, rss20("Enclosures", "", "",
		rssItem{Title: "Many enclosures", Link: "https://example.org/me/1", GUID: "me1", Date: rfc822(1), Desc: "x",
			Extra: strings.Repeat(`  <enclosure url="https://example.org/a.mp3" length="1" type="audio/mpeg"/>`+"\n", 2000)}), "one item with 2,000 enclosures")
}

// htmlPages: web pages and other documents served where a feed should be.
func htmlPages() {
	page := `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>World news | Example</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
<script>window.dataLayer=[];</script><style>body{font:16px serif}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>` + headline(0) + `</h1><p>` + para(0) + `</p><p>` + para(1) + `</p></article></main>
<footer>&copy; 2025 Example</footer></body></html>
`
	bad("html-page.html", page, "an HTML home page with a feed link")
	bad("html-page-served-as.xml", page, "an HTML page behind a .xml URL")
	bad("html-no-doctype.html", "<html><head><title>News</title></head><body><p>"+para(2)+"</p></body></html>\n", "HTML without a doctype")
	bad("html-fragment.html", "<p>"+para(3)+"</p>\n<p>"+para(4)+"</p>\n", "an HTML fragment")
	bad("html-xhtml-page.xml", `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>XHTML</title></head><body><p>`+xmlEsc(para(5))+`</p></body></html>
`, "well-formed XHTML, which is XML but no feed")
	bad("html-error-page.xml", "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>\n", "a server error page served with status 200")
	bad("html-challenge.html", `<!DOCTYPE html><html><head><title>Just a moment...</title><meta http-equiv="refresh" content="5"></head><body><noscript>Enable JavaScript and cookies to continue</noscript><script src="/challenge.js"></script></body></html>`+"\n", "a bot-check interstitial")
	bad("html-login-wall.html", `<!doctype html><html><body><form action="/login" method="post"><input name="user"><input type="password" name="pass"><button>Sign in</button></form></body></html>`+"\n", "a login page")
	bad("text-plain.txt", "Feed moved to https://example.org/new-feed.xml\n", "a plain-text note")
	bad("text-markdown.md", "# World news\n\n- "+headline(1)+"\n- "+headline(2)+"\n", "a markdown file")
	bad("opml-feedlist.opml", `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My subscriptions</title></head><body>
<outline text="World" title="World">
  <outline type="rss" text="Example World" xmlUrl="https://example.org/world.xml" htmlUrl="https://example.org/world"/>
  <outline type="rss" text="Example Politics" xmlUrl="https://example.org/politics.xml"/>
</outline></body></opml>
`, "an OPML subscription list, not a feed")
	bad("opml-flat.xml", `<?xml version="1.0"?><opml version="1.0"><head/><body><outline xmlUrl="https://example.org/a.xml"/></body></opml>`+"\n", "OPML behind a .xml URL")
}
