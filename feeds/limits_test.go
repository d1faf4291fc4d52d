package feeds

import (
	"bytes"
	"fmt"
	"github.com/herald-reader/herald/internal/cputime"
	"strings"
	"testing"
	"time"
)

// worstShape builds a feed of about size bytes whose single item is one of
// the shapes that cost a parser most: a huge list in one item, or elements
// nested as deep as the bytes allow.
func worstShape(kind string, size int) (data []byte, contentType string) {
	var b bytes.Buffer
	b.Grow(size + 256)
	rss := func(head string, each func(i int)) {
		b.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><item><title>worst</title><link>https://x.example/</link>` + head)
		for i := 0; b.Len() < size-64; i++ {
			each(i)
		}
		b.WriteString(`</item></channel></rss>`)
	}
	switch kind {
	case "atom-authors":
		b.WriteString(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>x</id><title>worst</title>`)
		for i := 0; b.Len() < size-64; i++ {
			fmt.Fprintf(&b, "<author><name>n%d</name></author>", i)
		}
		b.WriteString(`</entry></feed>`)
		return b.Bytes(), "application/atom+xml"
	case "json-authors":
		b.WriteString(`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"worst","authors":[`)
		for i := 0; b.Len() < size-64; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"name":"n%d"}`, i)
		}
		b.WriteString(`]}]}`)
		return b.Bytes(), "application/feed+json"
	case "rss-categories":
		rss("", func(i int) { fmt.Fprintf(&b, "<category>c%d</category>", i) })
	case "rss-creators":
		rss("", func(i int) { fmt.Fprintf(&b, "<dc:creator>n%d</dc:creator>", i) })
	case "rss-enclosures":
		rss("", func(i int) {
			fmt.Fprintf(&b, `<enclosure url="https://x.example/%d.mp3" type="audio/mpeg" length="1"/>`, i)
		})
	case "rss-items":
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
		for i := 0; b.Len() < size-64; i++ {
			fmt.Fprintf(&b, "<item><title>t</title><guid>%d</guid></item>", i)
		}
		b.WriteString(`</channel></rss>`)
		return b.Bytes(), "application/rss+xml"
	case "json-items":
		b.WriteString(`{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[`)
		for i := 0; b.Len() < size-64; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"%d","title":"t"}`, i)
		}
		b.WriteString(`]}`)
		return b.Bytes(), "application/feed+json"
	case "rss-deep":
		depth := (size - 256) / len("<x:a></x:a>")
		rss("", func(int) {
			b.WriteString(strings.Repeat("<x:a>", depth))
			b.WriteString(strings.Repeat("</x:a>", depth))
		})
	default:
		panic(kind)
	}
	return b.Bytes(), "application/rss+xml"
}

var worstShapes = []string{"atom-authors", "json-authors", "rss-categories", "rss-creators", "rss-enclosures", "rss-items", "json-items", "rss-deep"}

// Per-item lists are capped before the parser sees them (XML) or before
// they are translated (JSON), bylines keep a few distinct names, and deep
// nesting is refused: the feeds that took minutes of CPU now read at once.
func TestWorstShapesAreBounded(t *testing.T) {
	for _, kind := range worstShapes {
		data, ct := worstShape(kind, 1<<20)
		start := time.Now()
		feed, err := parseFeed(data, ct, "https://x.example/feed")
		took := time.Since(start)
		if kind == "rss-deep" {
			if err == nil || !strings.Contains(err.Error(), "nested more than") {
				t.Errorf("%s: err %v, want deep nesting refused", kind, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		if strings.HasSuffix(kind, "-items") {
			if len(feed.items) != MaxItems {
				t.Errorf("%s: %d items, want the first %d", kind, len(feed.items), MaxItems)
			}
			continue
		}
		if len(feed.items) != 1 {
			t.Errorf("%s: %d items, want 1", kind, len(feed.items))
			continue
		}
		if n := strings.Count(feed.items[0].Author, ","); n >= maxAuthors {
			t.Errorf("%s: byline of %d names, want at most %d", kind, n+1, maxAuthors)
		}
		if took > 10*time.Second {
			t.Errorf("%s: 1 MiB took %s", kind, took)
		}
	}
}

func TestLimitXML(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss><channel>`)
	for i := range 3 {
		fmt.Fprintf(&b, `<item><title>%d</title>`, i)
		for j := range maxRepeats + 50 {
			fmt.Fprintf(&b, `<category a=">">c%d<b>x</b></category><enclosure url="%d"/>`, j, j)
		}
		b.WriteString(`<!-- <category> --><![CDATA[<category>]]></item>`)
	}
	b.WriteString(`</channel></rss>`)
	out, err := limitXML([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if n := strings.Count(s, "<category a="); n != 3*maxRepeats {
		t.Errorf("%d categories kept, want %d", n, 3*maxRepeats)
	}
	if n := strings.Count(s, "<enclosure"); n != 3*maxRepeats {
		t.Errorf("%d enclosures kept, want %d", n, 3*maxRepeats)
	}
	if n := strings.Count(s, "<item>"); n != 3 {
		t.Errorf("%d items kept, want 3", n)
	}
	if !strings.HasSuffix(s, `]]></item></channel></rss>`) || strings.Count(s, "<!-- <category> -->") != 3 {
		t.Errorf("the document's tail was not kept: %q", s[len(s)-80:])
	}
	if _, err := limitXML([]byte(strings.Repeat("<a>", maxXMLDepth+1))); err == nil {
		t.Error("nesting past the limit was accepted")
	}
	if _, err := limitXML([]byte(strings.Repeat("<a>", maxXMLDepth) + strings.Repeat("</a>", maxXMLDepth))); err != nil {
		t.Errorf("nesting at the limit: %v", err)
	}
}

// BenchmarkWorstShapeParse parses each worst shape at the 8 MiB body cap
// and reports the CPU time per parse besides the wall time; the README's
// Performance section quotes it (go test ./feeds -run '^$' -bench
// WorstShape -cpu 1 -benchtime 5x).
func BenchmarkWorstShapeParse(b *testing.B) {
	for _, kind := range worstShapes {
		data, ct := worstShape(kind, DefaultMaxBodyBytes-1024)
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			cpu0, ok := cputime.Process()
			for b.Loop() {
				_, _ = parseFeed(data, ct, "https://x.example/feed")
			}
			// CPU time, garbage collection included: on a loaded machine
			// it is the honest figure for "one core".
			if cpu1, ok1 := cputime.Process(); ok && ok1 {
				b.ReportMetric(float64((cpu1-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
