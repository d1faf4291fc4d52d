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
	tests := []struct {
		name     string
		doc      string
		ok       bool // well-formed enough: no break
		line     int
		reason   string
		complete int
		prefix   string // the end of the repaired prefix
	}{
		{"well-formed", head + "<item><title>a</title></item>\n</channel></rss>", true, 0, "", 0, ""},
		{"lenient entities and attributes", head + "<item><title>a &nbsp; &bogus; b</title><guid isPermaLink=false>x</guid></item></channel></rss>", true, 0, "", 0, ""},
		{"two roots", head + "</channel></rss>\n<rss><channel/></rss>", true, 0, "", 0, ""},
		{"truncated in an item", head + "<item><title>a</title></item>\n<item><title>b</title></item>\n<item><title>c", false, 5, "the document ends inside <title>", 2, "<item><title>b</title></item>\n</channel></rss>\n"},
		{"truncated between items", head + "<item><title>a</title></item>\n", false, 4, "the document ends inside <channel>", 1, "</item>\n</channel></rss>\n"},
		{"mismatch", head + "<item><title>a</title></item>\n<item><link>x</lnk></item></channel></rss>", false, 4, "</lnk> where </link> was expected", 1, "</item>\n</channel></rss>\n"},
		{"stray end tag", "<rss></rss></channel>", false, 1, "</channel> closes no open element", 0, ""},
		{"prefixed names", "<rdf:RDF><rss:item>a</rss:item><rss:item>b", false, 1, "ends inside <rss:item>", 1, "<rss:item>a</rss:item>\n</rdf:RDF>\n"},
		{"syntax error", head + "<item><title>1 < 2</title></item></channel></rss>", false, 3, "expected element name after <", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			local := "item"
			b := findXMLBreak([]byte(tt.doc), local)
			if tt.ok {
				if b != nil {
					t.Fatalf("break at line %d: %s", b.line, b.reason)
				}
				return
			}
			if b == nil {
				t.Fatal("no break found")
			}
			if b.line != tt.line || !strings.Contains(b.reason, tt.reason) || b.complete != tt.complete {
				t.Errorf("break at line %d: %q after %d items; want line %d, %q, %d items", b.line, b.reason, b.complete, tt.line, tt.reason, tt.complete)
			}
			if !strings.HasSuffix(string(b.prefix), tt.prefix) || (tt.prefix == "") != (len(b.prefix) == 0) {
				t.Errorf("prefix %q, want it to end %q", b.prefix, tt.prefix)
			}
			if len(b.prefix) > 0 && findXMLBreak(b.prefix, local) != nil {
				t.Errorf("the repaired prefix is still broken: %q", b.prefix)
			}
		})
	}
}
