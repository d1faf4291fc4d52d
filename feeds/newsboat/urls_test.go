package newsboat

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := "\ufeff# my feeds\n" +
		"https://www.theguardian.com/world/rss world \"~The Guardian: World\" news\n" +
		"\n" +
		"  https://feeds.npr.org/1004/rss.xml \"public radio\" \"~NPR \\\"World\\\"\"   # trailing comment\n" +
		"http://feeds.bbci.co.uk/news/world/rss.xml world !hidden World\n" +
		"\"query:Unread Articles:unread = \\\"yes\\\"\"\n" +
		"exec:~/bin/feed.sh\n" +
		"filter:~/bin/filter.rb:https://example.com/feed\n" +
		"\"exec:~/bin/other feed.sh\" tag\n" +
		"https://x.example/rss \"~Evil\u202e\x1b[31m\"\n"
	f, err := Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Feeds) != 4 {
		t.Fatalf("%d feeds: %+v", len(f.Feeds), f.Feeds)
	}
	g := f.Feeds[0]
	if g.URL != "https://www.theguardian.com/world/rss" || g.Title != "The Guardian: World" || strings.Join(g.Tags, "|") != "world|news" || g.Line != 2 {
		t.Errorf("guardian = %+v", g)
	}
	if n := f.Feeds[1]; n.Title != `NPR "World"` || strings.Join(n.Tags, "|") != "public radio" || n.Line != 4 {
		t.Errorf("npr = %+v", n)
	}
	if b := f.Feeds[2]; strings.Join(b.Tags, "|") != "world" {
		t.Errorf("bbc tags = %q (the ! flag is not a tag; World repeats world)", b.Tags)
	}
	if e := f.Feeds[3]; strings.ContainsAny(e.Title, "\u202e\x1b") {
		t.Errorf("title not sanitised: %q", e.Title)
	}
	if f.Skipped["query"] != 1 || f.Skipped["exec"] != 2 || f.Skipped["filter"] != 1 {
		t.Errorf("skipped = %v", f.Skipped)
	}
}

func TestParseErrors(t *testing.T) {
	for src, want := range map[string]string{
		"https://a.example/rss\nhttps://b.example/rss \"~open\n": "line 2: a quote is not closed",
		"https://a.example/rss \xff\n":                           "line 1: not UTF-8",
	} {
		if _, err := Parse(strings.NewReader(src)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", src, err, want)
		}
	}
}

func TestLooksLikeURLs(t *testing.T) {
	for src, want := range map[string]bool{
		"https://a.example/rss\n":              true,
		"# comment\n\nhttps://a.example/rss\n": true,
		"\ufeff<?xml version=\"1.0\"?><opml/>": false,
		"  <opml version=\"1.0\">":             false,
		"":                                     false,
	} {
		if got := LooksLikeURLs([]byte(src)); got != want {
			t.Errorf("LooksLikeURLs(%q) = %v", src, got)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("https://a.example/rss tag \"~Title\"\n\"query:x:unread = \\\"yes\\\"\"\n")
	f.Add("\ufeff# c\nfeed://x.example/rss \"a b\" !hidden\n")
	f.Add("https://a.example/rss \"~\x1b]0;x\x07\u202e\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		file, err := Parse(strings.NewReader(src))
		if err != nil {
			return
		}
		last := 0
		for _, fd := range file.Feeds {
			if fd.Line <= last {
				t.Fatalf("lines out of order: %+v", file.Feeds)
			}
			last = fd.Line
			for _, s := range append([]string{fd.URL, fd.Title}, fd.Tags...) {
				for _, r := range s {
					if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e {
						t.Fatalf("control %U in %q", r, s)
					}
				}
			}
		}
	})
}
