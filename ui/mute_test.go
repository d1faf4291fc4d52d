package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/herald-reader/herald/feeds/store"
)

func TestMuteRulesHideArticlesAndSayHowMany(t *testing.T) {
	art := func(id, feed int64, feedTitle, title, text string) store.Article {
		return store.Article{ArticleSummary: summary(id, feed, feedTitle, title, time.Duration(id)*time.Hour, false, false), Text: text}
	}
	lib := &fakeLib{
		feeds: []store.Feed{{ID: 1, Title: "News", URL: "https://news.example/rss"}, {ID: 2, Title: "Sport", URL: "https://sport.example/rss"}},
		arts: []store.Article{
			art(1, 1, "News", "Celebrity gossip roundup", "Nothing."),
			art(2, 1, "News", "Budget passes", "A celebrity chef watched the vote."),
			art(3, 2, "Sport", "Transfer window opens", "Clubs spend."),
			art(4, 1, "News", "Transfer window opens at the ministry", "Jobs."),
			art(5, 1, "News", "Sponsored: a new phone", "Buy."),
			art(6, 1, "News", "Celebrations in the capital", "Crowds."),
		},
	}
	o := testOptions(lib)
	o.Mutes = []MuteRule{
		{Match: "celebrity"},
		{Match: "transfer window", In: "title", Feed: "Sport"},
		{Match: `^sponsored:`, Regexp: true, In: "title"},
	}
	d := newDriver(t, o, 120, 20)
	v := d.m.View()
	for _, hidden := range []string{"Celebrity gossip", "Budget passes", "Sponsored", "Transfer window opens  "} {
		if strings.Contains(v, hidden) {
			t.Errorf("%q should be muted:\n%s", hidden, v)
		}
	}
	for _, shown := range []string{"Transfer window opens at the ministry", "Celebrations in the capital", "All articles (2) · 4 muted"} {
		if !strings.Contains(v, shown) {
			t.Errorf("the list lacks %q:\n%s", shown, v)
		}
	}
	// the feeds pane counts what the list shows: News has two unread
	// articles left, Sport none, all two
	for label, want := range map[string]string{"All articles": "2", "News": "2", "Sport": ""} {
		if got, ok := feedsPaneCount(v, label); !ok || got != want {
			t.Errorf("the feeds pane counts %q for %s, want %q:\n%s", got, label, want, v)
		}
	}
	// A marks only what is shown
	d.keys("A")
	if lib.isRead(1) || !lib.isRead(6) {
		t.Errorf("A marked a muted article, or not a shown one")
	}
	if err := ValidateMutes([]MuteRule{{Match: "(", Regexp: true}}); err == nil {
		t.Error("a bad regular expression is accepted")
	}
	if err := ValidateMutes([]MuteRule{{Match: "x", In: "body"}}); err == nil || !strings.Contains(err.Error(), "mute[0]") {
		t.Errorf("a bad scope: %v", err)
	}
}

// TestMutedArticlesLeaveThePickersAndStatements: a picker counts and the
// cross-article statements list only what the list shows.
func TestMutedArticlesLeaveThePickersAndStatements(t *testing.T) {
	o := testOptions(analystLib(t))
	o.Mutes = []MuteRule{{Match: "air defence", In: "title"}} // the Kyiv article
	d := newDriver(t, o, 160, 40)
	d.keys("L")
	// unmuted, Macron and Merz are in two articles each, Zelensky in one
	want := []pickerRow{{"Emmanuel Macron", 4, 2}, {"Friedrich Merz", 2, 1}}
	if rows := pickerRows(d.m.View()); !reflect.DeepEqual(rows, want) {
		t.Fatalf("with the Kyiv article muted the leader picker lists %v, want %v", rows, want)
	}
	d.keys("esc", "C")
	for _, r := range pickerRows(d.m.View()) {
		if r.name == "Ukraine" && r.articles != 1 { // unmuted: articles 1 and 7
			t.Errorf("the country picker counts the muted article: %v", r)
		}
	}
	// Merz's statements across articles: the Geneva article's, not the muted one's
	d.keys("esc", "L")
	d.typeText("merz")
	d.keys("enter")
	v := d.m.View()
	if strings.Contains(v, "keep helping") || !strings.Contains(v, "Said: Friedrich Merz (1)") {
		t.Errorf("the cross-article sidebar should quote Merz once, not from the muted article:\n%s", v)
	}
}

// exportRecorder is a library that records the articles marked exported.
type exportRecorder struct {
	*fakeLib
	exported []int64
}

func (r *exportRecorder) MarkExported(ids []int64) error {
	r.exported = append(r.exported, ids...)
	return nil
}

// TestExportUnderMuteRules: E exports what is shown, and the articles it
// quoted are still marked exported (kept by retention) with mute rules on.
func TestExportUnderMuteRules(t *testing.T) {
	lib := &exportRecorder{fakeLib: analystLib(t)}
	o := testOptions(lib)
	o.ExportDir = t.TempDir()
	o.Mutes = []MuteRule{{Match: "air defence", In: "title"}} // the Kyiv article, 7
	d := newDriver(t, o, 160, 40)
	d.keys("L")
	d.typeText("merz")
	d.keys("enter", "E")
	b, err := os.ReadFile(exportedPath(t, d, o.ExportDir))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "keep helping") || !strings.Contains(string(b), genevaTitle) {
		t.Errorf("the export should quote Merz in Geneva only, not in the muted article:\n%s", b)
	}
	if !reflect.DeepEqual(lib.exported, []int64{1}) {
		t.Errorf("marked exported %v, want [1] (Geneva)", lib.exported)
	}
}

// TestMuteRulesOnARealStore: the store's queries leave the muted articles
// out, pages and counts alike, under other filters too.
func TestMuteRulesOnARealStore(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "herald.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	feeds, err := st.SyncFeeds([]store.FeedConfig{{URL: "https://news.example/rss", Title: "News"}})
	if err != nil {
		t.Fatal(err)
	}
	var items []store.NewArticle
	for i := range 30 {
		title := fmt.Sprintf("Story %02d", i)
		if i%3 == 0 {
			title = fmt.Sprintf("Sponsored: offer %02d", i)
		}
		items = append(items, store.NewArticle{GUID: fmt.Sprint(i), Title: title, Text: "Text.", Published: fixedNow.Add(-time.Duration(i) * time.Hour)})
	}
	if _, _, err := st.SaveArticles(feeds[0].ID, items); err != nil {
		t.Fatal(err)
	}
	o := testOptions(st)
	o.Mutes = []MuteRule{{Match: `^sponsored:`, Regexp: true, In: "title"}}
	d := newDriver(t, o, 120, 12) // a page of the list is a few rows: the rest is paged in
	if v := d.m.View(); !strings.Contains(v, "All articles (20) · 10 muted") || strings.Contains(v, "Sponsored") {
		t.Errorf("first screen:\n%s", v)
	}
	d.keys("G")
	if v := d.m.View(); !strings.Contains(v, "Story 29") || strings.Contains(v, "Sponsored") {
		t.Errorf("the last page:\n%s", v)
	}
	d.keys("enter", "q", "U") // opening Story 29 reads it; then unread only
	v := d.m.View()
	if !strings.Contains(v, "(19) · 10 muted") {
		t.Errorf("unread only:\n%s", v)
	}
	for _, label := range []string{"All articles", "News"} {
		if got, ok := feedsPaneCount(v, label); got != "19" {
			t.Errorf("the feeds pane counts %q (row found: %v) for %s, want 19 as the list:\n%s", got, ok, label, v)
		}
	}
}

// feedsPaneCount reads the unread count the feeds pane shows beside label
// ("" when it shows none); ok is false when no row has the label.
func feedsPaneCount(screen, label string) (count string, ok bool) {
	for _, line := range strings.Split(ansi.Strip(screen), "\n") {
		left, _, found := strings.Cut(line, "│")
		if !found {
			continue
		}
		fields := strings.Fields(strings.Trim(left, "▸★ "))
		if strings.Join(fields, " ") == label {
			return "", true
		}
		if n := len(fields); n > 1 && strings.Join(fields[:n-1], " ") == label {
			return fields[n-1], true
		}
	}
	return "", false
}
