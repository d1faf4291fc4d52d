package feeds

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

func TestFullText(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{})
	res := f.Fetch(context.Background(), Request{URL: srv.url("/fulltext/3"), FullText: true})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(res.Items) != 3 {
		t.Fatalf("%d items", len(res.Items))
	}
	article := res.Items[0].Text
	for _, want := range []string{
		"Leaders from nine countries met in the mountain town of Valdoria",
		"\"We have a framework that every government here can defend at home,\" Prime Minister Ana Ferro told reporters",
		"Opposition parties in two of the countries said",
	} {
		if !strings.Contains(article, want) {
			t.Errorf("extracted article lacks %q:\n%s", want, article)
		}
	}
	for _, junk := range []string{"Buy our newsletter", "Cookie settings", "full-text-tracker", "Sport"} {
		if strings.Contains(article, junk) {
			t.Errorf("extracted article keeps page clutter %q:\n%s", junk, article)
		}
	}
	// the page's links are kept, resolved against the page's address
	if l := res.Items[0].Links; len(l) != 1 || l[0].URL != srv.url("/docs/commission") || l[0].Text != "the commission's rules" {
		t.Errorf("links of the extracted article: %q", l)
	}
	if strings.Count(article, "\n") < 3 {
		t.Errorf("article paragraphs not kept one per line:\n%s", article)
	}
	if res.Items[1].Text != "Summary 1." || res.Items[2].Text != "Summary 2." {
		t.Errorf("items whose page failed should keep their summary: %q, %q", res.Items[1].Text, res.Items[2].Text)
	}
	if h := srv.seen("/feeds/article.html"); len(h) != 1 || !strings.HasPrefix(h[0].Get("User-Agent"), "herald/") {
		t.Errorf("article page requests: %v", h)
	}

	plain := f.Fetch(context.Background(), Request{URL: srv.url("/fulltext/3")})
	if plain.Items[0].Text != "Summary 0." {
		t.Errorf("full text fetched although the feed did not ask: %q", plain.Items[0].Text)
	}
}

func TestFullTextIsBounded(t *testing.T) {
	srv := newTestServer(t)
	n := MaxFullTextPages + 8
	res := NewFetcher(Options{}).Fetch(context.Background(), Request{URL: srv.url(fmt.Sprintf("/fulltext/%d", n)), FullText: true})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	// Items 1 and 2 point elsewhere, so the article page serves the other
	// MaxFullTextPages-2 of the newest MaxFullTextPages items.
	if got := len(srv.seen("/feeds/article.html")); got != MaxFullTextPages-2 {
		t.Errorf("%d article pages fetched, want %d", got, MaxFullTextPages-2)
	}
	for i, it := range res.Items {
		extracted := !strings.HasPrefix(it.Text, "Summary")
		if want := i < MaxFullTextPages && i != 1 && i != 2; extracted != want {
			t.Errorf("item %d extracted=%v, want %v", i, extracted, want)
		}
	}
}

func TestFullTextUnderLimits(t *testing.T) {
	srv := newTestServer(t)
	f := NewFetcher(Options{MaxBodyBytes: 1 << 20})
	for _, path := range []string{"/bomb", "/big", "/loop/a", "/to-file"} {
		if _, err := f.ArticleText(context.Background(), srv.url(path)); err == nil {
			t.Errorf("%s: article fetched despite the limits", path)
		}
	}
	for _, link := range []string{"file:///etc/passwd", "herald:world.xml", "/etc/passwd"} {
		if _, err := f.ArticleText(context.Background(), link); err == nil || !strings.Contains(err.Error(), "must be http or https") {
			t.Errorf("%s: %v", link, err)
		}
	}
}
