package opml

import (
	"errors"
	"strings"
	"testing"
)

func TestParseDocumentReportsOutlinesWithoutURL(t *testing.T) {
	src := `<?xml version="1.0"?>
<opml version="2.0"><body>
  <outline text="Folder">
    <outline text="Feed" xmlUrl="https://a.example/rss"/>
  </outline>
  <outline text="Lost feed" type="rss" htmlUrl="https://lost.example/"/>
  <outline text="Empty folder"></outline>
  <outline text="Outer">
    <outline text="Inner">
      <outline text="Deep" xmlUrl="https://deep.example/rss"/>
    </outline>
  </outline>
</body></opml>`
	doc, err := ParseDocument(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Feeds) != 2 || strings.Join(doc.Feeds[1].Tags, "/") != "Outer/Inner" {
		t.Errorf("feeds = %+v", doc.Feeds)
	}
	if len(doc.Unusable) != 2 || doc.Unusable[0] != (Unusable{Line: 6, Text: "Lost feed"}) || doc.Unusable[1].Line != 7 {
		t.Errorf("unusable = %+v", doc.Unusable)
	}
}

func TestParseErrorsAreSanitised(t *testing.T) {
	src := "<opml version=\"2.0\"><body>\n<outline text=\"a\"></outline\u202e\u009b31m></body></opml>"
	_, err := Parse(strings.NewReader(src))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 {
		t.Fatalf("err = %v", err)
	}
	if strings.ContainsAny(pe.Msg, "\u202e\u009b") {
		t.Errorf("message carries raw input: %q", pe.Msg)
	}
}
