package feeds

import (
	"strings"
	"testing"
)

func TestCountItemTags(t *testing.T) {
	tests := []struct {
		doc   string
		local string
		want  int
	}{
		{"<rss><channel><item>a</item><item >b</item><item/></channel></rss>", "item", 3},
		{"<rdf:RDF><items><rdf:Seq/></items><rss:item>a</rss:item></rdf:RDF>", "item", 1},
		{"<feed><entry>a</entry><atom:entry>b</atom:entry><entryx/></feed>", "entry", 2},
		{"<rss><item\n>a</item><item\tx='1'>b</item></rss>", "item", 2},
		{"<rss><title>&lt;item&gt;</title></rss>", "item", 0},
		{"<item", "item", 0}, // cut off inside the name
	}
	for _, tt := range tests {
		if got := countItemTags([]byte(tt.doc), tt.local); got != tt.want {
			t.Errorf("countItemTags(%q, %s) = %d, want %d", tt.doc, tt.local, got, tt.want)
		}
	}
}

func TestFindXMLBreak(t *testing.T) {
	const head = "<?xml version=\"1.0\"?>\n<rss><channel><title>T</title>\n"
	item := func(s string) string { return "<item><title>" + s + "</title></item>\n" }
	tests := []struct {
		name          string
		doc           string
		ok            bool // well-formed enough: no break
		line          int
		reason        string
		before, after int
		repaired      string // "": none
	}{
		{"well-formed", head + item("a") + "</channel></rss>", true, 0, "", 0, 0, ""},
		{"lenient entities and attributes", head + "<item><title>a &nbsp; &bogus; b</title><guid isPermaLink=false>x</guid></item></channel></rss>", true, 0, "", 0, 0, ""},
		{"two roots", head + "</channel></rss>\n<rss><channel/></rss>", true, 0, "", 0, 0, ""},
		{"truncated in an item", head + item("a") + item("b") + "<item><title>c", false, 5, "the document ends inside <title>", 2, 0,
			head + item("a") + item("b") + "</channel></rss>\n"},
		{"truncated between items", head + item("a"), false, 4, "the document ends inside <channel>", 1, 0,
			head + item("a") + "</channel></rss>\n"},
		{"mismatch in an item", head + item("a") + "<item><link>x</lnk></item>\n" + item("c") + "</channel></rss>", false, 4, "</lnk> where </link> was expected", 1, 1,
			head + item("a") + item("c") + "</channel></rss>\n"},
		{"mismatch in the first item", head + "<item><title>a</item>\n" + item("b") + item("c") + "</channel></rss>", false, 3, "</item> where </title> was expected", 0, 2,
			head + "\n" + item("b") + item("c") + "</channel></rss>\n"},
		{"mismatch in the header", "<rss><channel><link>x</lnk>\n" + item("a") + "</channel></rss>", false, 1, "</lnk> where </link> was expected", 0, 1,
			"<rss>\n" + item("a") + "</rss>\n"},
		{"a later item broken too", head + "<item><title>a</lnk></item>\n<item><b></item>\n" + item("c") + "</channel></rss>", false, 3, "</lnk> where </title>", 0, 1,
			head + "\n" + item("c") + "</channel></rss>\n"},
		{"stray end tag", "<rss></rss></channel>", false, 1, "</channel> closes no open element", 0, 0, ""},
		{"prefixed names", "<rdf:RDF><rss:item>a</rss:item><rss:item>b", false, 1, "ends inside <rss:item>", 1, 0, "<rdf:RDF><rss:item>a</rss:item>\n</rdf:RDF>\n"},
		{"syntax error", head + "<item><title>1 < 2</title></item>\n" + item("b") + "</channel></rss>", false, 3, "expected element name after <", 0, 1,
			head + "\n" + item("b") + "</channel></rss>\n"},
		{"nested unclosed items", head + strings.Repeat("<item><p>", 1000) + "</x>", false, 3, "</x> where </p> was expected", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := findXMLBreak([]byte(tt.doc), "item")
			if tt.ok {
				if b != nil {
					t.Fatalf("break at line %d: %s", b.line, b.reason)
				}
				return
			}
			if b == nil {
				t.Fatal("no break found")
			}
			if b.line != tt.line || !strings.Contains(b.reason, tt.reason) || b.before != tt.before || b.after != tt.after {
				t.Errorf("break at line %d: %q, %d items before, %d after; want line %d, %q, %d, %d",
					b.line, b.reason, b.before, b.after, tt.line, tt.reason, tt.before, tt.after)
			}
			if string(b.repaired) != tt.repaired {
				t.Errorf("repaired\n%q\nwant\n%q", b.repaired, tt.repaired)
			}
			if len(b.repaired) > 0 && findXMLBreak(b.repaired, "item") != nil {
				t.Errorf("the repaired document is still broken")
			}
		})
	}
}
