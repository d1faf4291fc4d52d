package opml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func parseFile(t *testing.T, name string) ([]Feed, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "opml", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(f)
}

// strip drops Line, which the comparisons do not care about.
func strip(feeds []Feed) []Feed {
	out := make([]Feed, len(feeds))
	for i, f := range feeds {
		f.Line = 0
		out[i] = f
	}
	return out
}

func TestParseFiles(t *testing.T) {
	tests := []struct {
		file string
		want []Feed
	}{
		{"nested.opml", []Feed{
			{URL: "https://top.example/feed.xml", Title: "Top level feed"},
			{URL: "https://europe.example/rss", Title: "Europe Desk & Friends", Tags: []string{"World", "Europe"}},
			{URL: "https://brussels.example/atom.xml", Title: "Brussels Notes", Tags: []string{"World", "Europe"}},
			{URL: "https://wire.example/world.rss", Title: "Global Wire", Tags: []string{"World", "Agencies", "Breaking"}},
			{URL: "https://thinktank.example/feed", Title: "Think Tank", Tags: []string{"Analysis"}},
			{URL: "https://wire.example/world.rss", Title: "Global Wire again", Tags: []string{"Analysis"}},
		}},
		{"latin1-v1.opml", []Feed{
			{URL: "https://lemonde.example/rss/une.xml", Title: "Le Monde à la une", Tags: []string{"Presse française"}},
			{URL: "https://sanstype.example/feed", Title: "Sans type", Tags: []string{"Presse française"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := parseFile(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(strip(got), tt.want) {
				t.Errorf("got  %+v\nwant %+v", strip(got), tt.want)
			}
		})
	}
}

func TestParseRecordsLines(t *testing.T) {
	got, err := parseFile(t, "nested.opml")
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Line != 11 || got[1].Line != 15 {
		t.Errorf("lines = %d, %d, want 11, 15", got[0].Line, got[1].Line)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc string
		line      int
		msg       string
	}{
		{"unclosed outline", "", 7, "closed by </body>"},
		{"not opml", "", 2, "root element is <rss>"},
		{"empty", "   ", 0, "no <opml> element"},
		{"garbage", "<opml><body>\n<outline text=\"a\" xmlUrl=\"x\" <", 2, ""},
		{"bad encoding", `<?xml version="1.0" encoding="no-such-charset"?><opml/>`, 1, "no-such-charset"},
	}
	files := map[string]string{"unclosed outline": "malformed.opml", "not opml": "not-opml.xml"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if f, ok := files[tt.name]; ok {
				_, err = parseFile(t, f)
			} else {
				_, err = Parse(strings.NewReader(tt.doc))
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("err = %+v, want line %d and %q", pe, tt.line, tt.msg)
			}
		})
	}
}

func TestParseStripsEscapes(t *testing.T) {
	doc := `<opml version="2.0"><body><outline text="x" title="Evil&#x9d;0;owned&#x9c;News&#x202e;&#x9b;2J" xmlUrl="https://e.example/&#x9b;31mrss"/></body></opml>`
	got, err := Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Title != "EvilNews" || got[0].URL != "https://e.example/rss" {
		t.Errorf("escape sequences survived: %+v", got)
	}
}

func TestParseSizeCap(t *testing.T) {
	const limit = 4096
	doc := func(n int) string { return "<opml><body>" + strings.Repeat("<!-- padding -->", n) + "</body></opml>" }
	if _, err := parse(strings.NewReader(doc(limit/16+1)), limit); err == nil || !strings.Contains(err.Error(), "larger than 4096 bytes") {
		t.Errorf("err = %v, want a size error", err)
	}
	if _, err := parse(strings.NewReader(doc(limit/16-2)), limit); err != nil {
		t.Errorf("a document under the limit: %v", err)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	feeds := []Feed{
		{URL: "https://a.example/rss", Title: "A <&> \"quoted\"", Tags: []string{"world", "europe"}},
		{URL: "https://b.example/atom?x=1&y=2", Title: "", Tags: nil},
		{URL: "https://c.example/feed", Title: "C", Tags: []string{"world"}},
		{URL: "https://d.example/feed", Title: "D\x1b[31m", Tags: []string{"tech", "a/b"}},
	}
	var buf bytes.Buffer
	created := time.Date(2025, 11, 25, 10, 0, 0, 0, time.UTC)
	if err := Write(&buf, "herald feeds", created, feeds); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`,
		"<title>herald feeds</title>", "<dateCreated>Tue, 25 Nov 2025 10:00:00 +0000</dateCreated>",
		`type="rss"`, `xmlUrl="https://b.example/atom?x=1&amp;y=2"`, `text="https://b.example/atom?x=1&amp;y=2"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Error("escape character written")
	}
	var doc document
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	if len(doc.Body) != 3 || doc.Body[0].Text != "world" || len(doc.Body[0].Outlines) != 2 || doc.Body[1].XMLURL == "" || doc.Body[2].Text != "tech" {
		t.Errorf("grouping wrong: %+v", doc.Body)
	}
	back, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []Feed{
		{URL: "https://a.example/rss", Title: `A <&> "quoted"`, Tags: []string{"world", "europe"}},
		{URL: "https://c.example/feed", Title: "C", Tags: []string{"world"}},
		{URL: "https://b.example/atom?x=1&y=2"},
		{URL: "https://d.example/feed", Title: "D", Tags: []string{"tech"}},
	}
	if !reflect.DeepEqual(strip(back), want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", strip(back), want)
	}
}
