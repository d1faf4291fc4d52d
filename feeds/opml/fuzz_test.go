package opml

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary documents to Parse: it never panics, and what
// it returns is safe to print: no control character or bidi override in a
// URL, title or tag.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/feed"/></outline></body></opml>`,
		`<opml><body><outline xmlurl="file:///dev/tty" title="&#x1b;[31mred" category="/a,b"/></body></opml>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline url="http://x/" type="atom" text="caf` + "\xe9" + `"/></body></opml>`,
		`<opml><body><outline text="` + "\u202e" + `evil"><outline xmlUrl="x"`,
		`<opml><body>` + strings.Repeat(`<outline text="f">`, 50) + `</body></opml>`,
		"", "<", "<opml>", "\x00\x01",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feeds, err := Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, fd := range feeds {
			for _, s := range append([]string{fd.URL, fd.Title}, fd.Tags...) {
				for _, r := range s {
					if (r < 0x20 && r != '\t') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
						t.Fatalf("feed %+v keeps %U", fd, r)
					}
				}
			}
		}
	})
}
