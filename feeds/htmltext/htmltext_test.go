package htmltext

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"blank", " \n\t ", ""},
		{"paragraphs", "<p>First one.</p><p>Second   one.</p>", "First one.\nSecond one."},
		{"entities", "<p>Tom &amp; Jerry &lt;3 &#8220;quoted&#8221; caf&eacute; &nbsp;x</p>", "Tom & Jerry <3 “quoted” café x"},
		{"entities without tags", "Rock &amp; roll", "Rock & roll"},
		{"script style dropped", "<p>Before<script>alert('x')</script> after</p><style>p{color:red}</style><noscript>enable js</noscript>", "Before after"},
		{"template iframe svg dropped", "<template><p>t</p></template><iframe src=x>frame</iframe><svg><text>svg text</text></svg><p>kept</p>", "kept"},
		{"link text kept, url dropped", `<p>Read <a href="https://example.org/x">the report</a>.</p>`, "Read the report."},
		{"nested lists", "<ul><li>One<ul><li>One.a</li><li>One.b</li></ul></li><li>Two</li></ul>", "• One\n◦ One.a\n◦ One.b\n• Two"},
		{"ordered list", `<ol start="3"><li>Three</li><li><p>Four</p></li></ol><ul><li></li></ul>`, "3. Three\n4. Four"},
		{"table cells with markup", "<table><tr><td><b>Alpha</b></td><td><i>Beta</i></td></tr></table>", "Alpha Beta"},
		{"br breaks", "line one<br>line two<br/><br/>line three", "line one\nline two\nline three"},
		{"headings and blockquote", "<h2>Title</h2><blockquote><p>Quoted text</p></blockquote>text", "Title\nQuoted text\ntext"},
		{"inline whitespace", "<p>a\n   <b>bold</b>\t<i>it</i>alic</p>", "a bold italic"},
		{"inline adjacency", "<b>foo</b><i>bar</i>", "foobar"},
		{"images as placeholders", `<p>A <img src="x.png" alt="photo of  x"> photo</p>`, "A [image: photo of x] photo"},
		{"images without meaning dropped", `<p>A <img src="x.png" alt="x.png"><img alt="Image"><img src="y.jpg"> photo</p>`, "A photo"},
		{"figure caption", `<figure><img src="a.jpg"><figcaption>The minister arrives.</figcaption></figure><p>Body</p>`, "The minister arrives.\nBody"},
		{"table rows", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>", "a b\nc d"},
		{"pre keeps lines and spacing", "<pre>x = 1\n  y =  2\n\tz\x1b[2J\n</pre>after", "x = 1\n  y =  2\n    z\nafter"},
		{"q gets quotes", `<p>He said <q>we will win</q> today.</p>`, "He said “we will win” today."},
		{"blank line in text", "First para.\n\nSecond para with <b>bold</b>.", "First para.\nSecond para with bold."},
		{"full document", "<!DOCTYPE html><html><head><title>Page title</title><meta charset=utf-8></head><body><article><h1>Head</h1><p>Body text</p></article></body></html>", "Head\nBody text"},
		{"comments dropped", "<p>a<!-- hidden -->b</p>", "ab"},
		{"hidden dropped", `<p>shown</p><div hidden>secret</div><span aria-hidden="true">icon</span>`, "shown"},
		{"escape in text sanitised", "<p>red \x1b[31mtext\x1b]0;t\x07</p>", "red text"},
		{"numeric escape entity (&#x9b; is › in HTML)", "<p>a&#27;[31mb&#x9b;2J</p>", "ab›2J"},
		{"bidi override dropped", "<p>file\u202Egnp.exe</p>", "filegnp.exe"},
		{"plain text lines", "Line one\nLine two", "Line one\nLine two"},
		{"plain text wrapped paragraphs", "A wrapped\nsentence here.\n\nNext\nparagraph.", "A wrapped sentence here.\nNext paragraph."},
		{"plain text with comparison", "3 < 4 and 5 > 2", "3 < 4 and 5 > 2"},
		{"unclosed tags", "<p>one<p>two<div>three", "one\ntwo\nthree"},
		{"form controls dropped", "<form><label>Name</label><input value=x><button>Send</button><select><option>o</option></select></form>", "Name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ToText(tt.in); got != tt.want {
				t.Errorf("ToText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<p>x</p>", true},
		{"text<br>", true},
		{"</div>", true},
		{"<!-- c -->", true},
		{"Tom &amp; Jerry", true},
		{"&#8217;", true},
		{"&#x2019;", true},
		{"plain text", false},
		{"3 < 4 > 2", false},
		{"AT&T and R&D", false},
		{"a <b", false},
		{"&;", false},
		{"&#;", false},
		{"&#xZZ;", false},
	}
	for _, tt := range tests {
		if got := LooksLikeHTML(tt.in); got != tt.want {
			t.Errorf("LooksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	in := strings.Repeat("<div><span>", 20000) + "deep" + strings.Repeat("</span></div>", 20000)
	if got := ToText(in); got != "deep" {
		t.Fatalf("got %.200q", got)
	}
	in = "<p>one</p>" + strings.Repeat("<b>", 600) + "two<script>x</script><br>three<img src=x>" + strings.Repeat("</b>", 600)
	if got := ToText(in); got != "one\ntwo\nthree" {
		t.Fatalf("fallback got %.200q", got)
	}
}

func FuzzToText(f *testing.F) {
	for _, s := range []string{
		"", "<p>a</p>", "a &amp; b", "<ul><li>x<li>y</ul>", "<script>x</script>y",
		"<pre>a\nb</pre>", "<q>x</q>", "\x1b[31m<b>x</b>", "<table><td>a<td>b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ToText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output %q", out)
		}
		if strings.IndexByte(out, 0x1b) >= 0 {
			t.Fatalf("ESC in output %q", out)
		}
		for _, line := range strings.Split(out, "\n") {
			if out != "" && strings.TrimSpace(line) == "" {
				t.Fatalf("blank paragraph in %q", out)
			}
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
				t.Fatalf("control %U in output %q", r, out)
			}
		}
	})
}

func TestToTextLinks(t *testing.T) {
	in := `<p>Read <a href="https://example.org/report">the <b>report</b></a>, <a href="javascript:alert(1)">this</a>,
<a href="/relative">that</a> and <a href="https://example.org/report">again</a>.</p>
<p><a href="https://b.example/x?y=1&amp;z=2">second
 link</a></p>`
	text, links := ToTextLinks(in)
	if text != "Read the report, this, that and again.\nsecond link" {
		t.Errorf("text %q", text)
	}
	want := []Link{{"https://example.org/report", "the report"}, {"https://b.example/x?y=1&z=2", "second link"}}
	if len(links) != len(want) {
		t.Fatalf("links %q, want %q", links, want)
	}
	for i := range want {
		if links[i] != want[i] {
			t.Errorf("link %d = %q, want %q", i+1, links[i], want[i])
		}
	}
	if _, links := ToTextLinks("plain text https://x.example"); links != nil {
		t.Errorf("plain text has links %q", links)
	}
}

func TestToTextLinksAtResolvesRelativeLinks(t *testing.T) {
	base, err := url.Parse("https://news.example/world/story.html")
	if err != nil {
		t.Fatal(err)
	}
	in := `<p><a href="/docs/a">first</a>, <a href="b.html">second</a>, <a href="#notes">notes</a>,
<a href="mailto:x@news.example">mail</a> and <a href="https://other.example/c">third</a>.</p>`
	text, links := ToTextLinksAt(in, base)
	if text != "first, second, notes, mail and third." {
		t.Errorf("text %q", text)
	}
	want := []Link{
		{"https://news.example/docs/a", "first"},
		{"https://news.example/world/b.html", "second"},
		{"https://other.example/c", "third"},
	}
	if !reflect.DeepEqual(links, want) {
		t.Errorf("links %q, want %q", links, want)
	}
	if _, links := ToTextLinksAt(in, nil); len(links) != 1 || links[0].URL != "https://other.example/c" {
		t.Errorf("without a base: links %q, want only the absolute one", links)
	}
}

// Words are copied whole between spaces: spaces of every kind still
// separate them, and a byte that is not UTF-8 still becomes U+FFFD.
func TestTextSpacesAndBadBytes(t *testing.T) {
	cases := map[string]string{
		"<p>a\xffb\u00a0c \t d\u2003e\u3000f</p>":    "a\ufffdb c d e f",
		"<p>Élysée\xff\xfe palace</p>\n\n<p>two</p>": "Élysée\ufffd\ufffd palace\ntwo",
		"<p>\xff</p>": "\ufffd",
	}
	for in, want := range cases {
		if got := ToText(in); got != want {
			t.Errorf("ToText(%q) = %q; want %q", in, got, want)
		}
	}
}
