package store

import (
	"reflect"
	"testing"

	"github.com/herald-reader/herald/nlp"
)

// fixture is a small store: two feeds, five annotated articles.
//
//	a1 day1 feed1  Starmer(leader) UK          "growth"  by Starmer
//	a2 day2 feed1  Starmer(leader) France      "Paris"   by Starmer, "no" by nobody
//	a3 day3 feed2  Macron(leader) France UK    "Europe"  by Macron
//	a4 day4 feed2  Smith UK
//	a5 day5 feed1  (not annotated)
type fixture struct {
	s              *Store
	feed1, feed2   int64
	a1, a2, a3, a4 int64
	a5             int64
}

var (
	starmer = &nlp.Speaker{ID: "keir-starmer", Name: "Keir Starmer", Leader: true}
	macron  = &nlp.Speaker{ID: "emmanuel-macron", Name: "Emmanuel Macron", Leader: true}
)

func newFixture(t *testing.T) fixture {
	t.Helper()
	s := openTemp(t)
	ids := syncURLs(t, s, "https://one.example/rss", "https://two.example/rss")
	f := fixture{s: s, feed1: ids[0], feed2: ids[1]}
	texts := []struct {
		feed        int64
		title, text string
		n           int
	}{
		{f.feed1, "Starmer on growth", "Keir Starmer said growth will return to the United Kingdom.", 1},
		{f.feed1, "Starmer in Paris", "Keir Starmer visited France: Paris is close. Someone said no.", 2},
		{f.feed2, "Macron and Europe", "Emmanuel Macron told France and Britain that Europe must act.", 3},
		{f.feed2, "Smith report", "John Smith wrote from the UK about the weather.", 4},
		{f.feed1, "Unannotated story", "Nothing read here yet, but Zelensky and résumé appear.", 5},
	}
	for _, x := range texts {
		save(t, s, x.feed, NewArticle{GUID: x.title, Title: x.title, Text: x.text, Published: day(x.n)})
	}
	f.a1, f.a2, f.a3 = articleID(t, s, texts[0].title), articleID(t, s, texts[1].title), articleID(t, s, texts[2].title)
	f.a4, f.a5 = articleID(t, s, texts[3].title), articleID(t, s, texts[4].title)
	docs := map[int64]nlp.Doc{
		f.a1: makeDoc(texts[0].text,
			[]ent{{"person", "keir-starmer", "Keir Starmer", true}, {"country", "united-kingdom", "United Kingdom", false}},
			map[string]*nlp.Speaker{"growth": starmer}, "growth"),
		f.a2: makeDoc(texts[1].text,
			[]ent{{"person", "keir-starmer", "Keir Starmer", true}, {"country", "france", "France", false}, {"country", "france", "France", false}},
			map[string]*nlp.Speaker{"Paris": starmer}, "Paris", "no"),
		f.a3: makeDoc(texts[2].text,
			[]ent{{"person", "emmanuel-macron", "Emmanuel Macron", true}, {"country", "france", "France", false}, {"country", "united-kingdom", "Britain", false}},
			map[string]*nlp.Speaker{"Europe": macron}, "Europe"),
		f.a4: makeDoc(texts[3].text,
			[]ent{{"person", "john-smith", "John Smith", false}, {"country", "united-kingdom", "UK", false}}, nil),
	}
	for id, d := range docs {
		a, err := s.Article(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnnotation(id, a.Hash, nlp.Version, d); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func TestArticlesFilters(t *testing.T) {
	f := newFixture(t)
	if err := f.s.SetRead(f.a2, true); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetStarred(f.a3, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    ArticleQuery
		want []int64
	}{
		{"all, newest first", ArticleQuery{}, []int64{f.a5, f.a4, f.a3, f.a2, f.a1}},
		{"limit", ArticleQuery{Limit: 2}, []int64{f.a5, f.a4}},
		{"offset", ArticleQuery{Limit: 2, Offset: 3}, []int64{f.a2, f.a1}},
		{"offset without limit", ArticleQuery{Offset: 4}, []int64{f.a1}},
		{"feed", ArticleQuery{FeedID: f.feed2}, []int64{f.a4, f.a3}},
		{"unread", ArticleQuery{Unread: true}, []int64{f.a5, f.a4, f.a3, f.a1}},
		{"starred", ArticleQuery{Starred: true}, []int64{f.a3}},
		{"since", ArticleQuery{Since: day(4)}, []int64{f.a5, f.a4}},
		{"until", ArticleQuery{Until: day(2)}, []int64{f.a1}},
		{"since and until", ArticleQuery{Since: day(2), Until: day(4)}, []int64{f.a3, f.a2}},
		{"until AND entity", ArticleQuery{Until: day(3), Entities: []string{"keir-starmer"}}, []int64{f.a2, f.a1}},
		{"feed set", ArticleQuery{FeedIDs: []int64{f.feed2}}, []int64{f.a4, f.a3}},
		{"feed set of two", ArticleQuery{FeedIDs: []int64{f.feed1, f.feed2}}, []int64{f.a5, f.a4, f.a3, f.a2, f.a1}},
		{"empty feed set", ArticleQuery{FeedIDs: []int64{}}, nil},
		{"feed set AND two entities", ArticleQuery{FeedIDs: []int64{f.feed1}, Entities: []string{"keir-starmer", "france"}}, []int64{f.a2}},
		{"one article", ArticleQuery{ArticleID: f.a3}, []int64{f.a3}},
		{"one article AND entity", ArticleQuery{ArticleID: f.a3, Entities: []string{"keir-starmer"}}, nil},
		{"one leader", ArticleQuery{Entities: []string{"keir-starmer"}}, []int64{f.a2, f.a1}},
		{"one country", ArticleQuery{Entities: []string{"france"}}, []int64{f.a3, f.a2}},
		{"leader AND country", ArticleQuery{Entities: []string{"keir-starmer", "france"}}, []int64{f.a2}},
		{"two countries", ArticleQuery{Entities: []string{"france", "united-kingdom"}}, []int64{f.a3}},
		{"entity AND unread", ArticleQuery{Entities: []string{"keir-starmer"}, Unread: true}, []int64{f.a1}},
		{"unknown entity", ArticleQuery{Entities: []string{"nobody"}}, nil},
		{"search word", ArticleQuery{Search: "europe"}, []int64{f.a3}},
		{"search prefix", ArticleQuery{Search: "Starm"}, []int64{f.a2, f.a1}},
		{"search without diacritics", ArticleQuery{Search: "resume"}, []int64{f.a5}},
		{"search two words AND", ArticleQuery{Search: "keir paris"}, []int64{f.a2}},
		{"search AND entity", ArticleQuery{Search: "keir", Entities: []string{"united-kingdom"}}, []int64{f.a1}},
		{"search ended by space is no prefix", ArticleQuery{Search: "Starm "}, nil},
		{"id set", ArticleQuery{IDs: []int64{f.a1, f.a4}}, []int64{f.a4, f.a1}},
		{"empty id set", ArticleQuery{IDs: []int64{}}, nil},
		{"id set AND unread", ArticleQuery{IDs: []int64{f.a1, f.a2}, Unread: true}, []int64{f.a1}},
		{"id set AND two entities", ArticleQuery{IDs: []int64{f.a2, f.a3}, Entities: []string{"keir-starmer", "france"}}, []int64{f.a2}},
		{"ids left out", ArticleQuery{NotIDs: []int64{f.a5, f.a2}}, []int64{f.a4, f.a3, f.a1}},
		{"ids left out, a page", ArticleQuery{NotIDs: []int64{f.a5}, Limit: 2, Offset: 1}, []int64{f.a3, f.a2}},
		{"ids left out AND feed", ArticleQuery{NotIDs: []int64{f.a4}, FeedID: f.feed2}, []int64{f.a3}},
		{"ids left out AND entity", ArticleQuery{NotIDs: []int64{f.a1}, Entities: []string{"keir-starmer"}}, []int64{f.a2}},
		{"ids left out AND two entities", ArticleQuery{NotIDs: []int64{f.a2}, Entities: []string{"keir-starmer", "france"}}, nil},
		{"ids left out AND search", ArticleQuery{NotIDs: []int64{f.a2}, Search: "Starm"}, []int64{f.a1}},
		{"ids in AND out", ArticleQuery{IDs: []int64{f.a1, f.a2}, NotIDs: []int64{f.a2}}, []int64{f.a1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.s.Articles(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(got), tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("Articles = %v; want %v", ids(got), tc.want)
			}
			n, err := f.s.CountArticles(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			wantN := len(tc.want)
			if tc.q.Limit == 0 && tc.q.Offset == 0 && n != wantN {
				t.Errorf("CountArticles = %d; want %d", n, wantN)
			}
		})
	}
}

func TestArticleSummaryFields(t *testing.T) {
	f := newFixture(t)
	got, err := f.s.Articles(ArticleQuery{FeedID: f.feed1})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]ArticleSummary{}
	for _, a := range got {
		byID[a.ID] = a
	}
	a2 := byID[f.a2]
	if !a2.Annotated || a2.Statements != 2 || a2.Leaders != 1 || a2.FeedTitle != "https://one.example/rss" || a2.Title != "Starmer in Paris" {
		t.Errorf("summary of a2 = %+v", a2)
	}
	if a5 := byID[f.a5]; a5.Annotated || a5.Statements != 0 || a5.Leaders != 0 {
		t.Errorf("summary of the unannotated article = %+v", a5)
	}
}

// User text must never reach FTS5 as syntax.
func TestSearchHostileInput(t *testing.T) {
	f := newFixture(t)
	hostile := []string{
		`"`, `""`, `"""`, `'`, `*`, `**`, `starm*`, `*starm`, `NEAR`, `NEAR(`, `NEAR(a b)`, `NEAR/2`,
		`(`, `)`, `((keir`, `keir))`, `AND`, `OR`, `NOT`, `keir AND`, `OR keir`, `NOT NOT`, `-keir`, `+`,
		`^keir`, `title:keir`, `{title text}: keir`, `text:`, `:`, `a:b:c`, `keir"paris`, `"keir paris"`,
		"tab\tand\nnewline", "\x00nul", `\`, `%`, `_`, `;DROP TABLE articles;--`, `’ “ ” «»`, `ü`, "\u200b",
		`😀`, `日本語`, "   ", ``, `rank:1`, `rowid`, `articles_fts`,
	}
	for _, h := range hostile {
		if _, err := f.s.Articles(ArticleQuery{Search: h, Limit: 10}); err != nil {
			t.Errorf("Articles(Search: %q): %v", h, err)
		}
		if _, err := f.s.CountArticles(ArticleQuery{Search: h}); err != nil {
			t.Errorf("CountArticles(Search: %q): %v", h, err)
		}
		if _, err := f.s.EntityCounts("leader", ArticleQuery{Search: h}); err != nil {
			t.Errorf("EntityCounts(Search: %q): %v", h, err)
		}
		if _, err := f.s.Statements(ArticleQuery{Search: h}, "", 0); err != nil {
			t.Errorf("Statements(Search: %q): %v", h, err)
		}
	}
	// Operators are searched as words, and quotes inside words are harmless.
	got, err := f.s.Articles(ArticleQuery{Search: `"keir" AND(`})
	if err != nil || len(got) != 0 {
		t.Errorf(`search "keir" AND( = %v, %v; want no hits (no article says "and(")`, ids(got), err)
	}
	got, err = f.s.Articles(ArticleQuery{Search: `(keir)`})
	if err != nil || !reflect.DeepEqual(ids(got), []int64{f.a2, f.a1}) {
		t.Errorf(`search (keir) = %v, %v; want the two Keir articles`, ids(got), err)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"keir", `"keir"*`},
		{"keir ", `"keir"`},
		{"eu", `"eu"`},
		{"eur", `"eur"*`},
		{`say "no`, `"say" "no"`},
		{`say "non`, `"say" "non"*`},
		{"* ( ) NEAR", `"NEAR"*`},
		// The index keeps no positions: a word of several tokens is its tokens.
		{"u.s. trade", `"u" "s" "trade"*`},
		{"trade u.s.", `"trade" "u" "s"`},
		{"al-Assad", `"al" "Assad"*`},
		{"Ünal café", `"Ünal" "café"*`},
	}
	for _, tc := range tests {
		if got := ftsQuery(tc.in); got != tc.want {
			t.Errorf("ftsQuery(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}

// FuzzSearch: no user input makes a search fail.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{`"`, `NEAR(a b`, `a*`, `)(`, "\x00", `keir "paris`, `title:x`, `-`, `ü*`} {
		f.Add(seed)
	}
	s := openTemp(f)
	feed := syncURLs(f, s, "https://x.example/")[0]
	save(f, s, feed, NewArticle{GUID: "1", Title: "Keir Starmer in Paris", Text: "He said “no” (twice) — NEAR the end.", Published: day(1)})
	f.Fuzz(func(t *testing.T, in string) {
		if _, err := s.Articles(ArticleQuery{Search: in, Limit: 5}); err != nil {
			t.Fatalf("Articles(Search: %q): %v", in, err)
		}
		if _, err := s.CountArticles(ArticleQuery{Search: in}); err != nil {
			t.Fatalf("CountArticles(Search: %q): %v", in, err)
		}
	})
}

// The index keeps no positions: a word the tokenizer splits is found by
// its tokens, and accented words match as the tokenizer folds them.
func TestSearchWordsOfSeveralTokens(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://x.example/")[0]
	save(t, s, feed,
		NewArticle{GUID: "1", Title: "U.S. trade talks", Text: "Officials of al-Assad's government met.", Published: day(1)},
		NewArticle{GUID: "2", Title: "Café politics", Text: "The US and Syria.", Published: day(2)},
		NewArticle{GUID: "3", Title: "Nothing here", Text: "Rain in Spain.", Published: day(3)})
	for _, tc := range []struct {
		search string
		want   int
	}{
		{"u.s.", 1}, // the tokens "u" and "s"; "US" is the one token "us"
		{"al-Assad", 1},
		{"al-Assad's", 1},
		{"cafe", 1},
		{"CAFÉ ", 1},
		{"u.s. trade", 1},
		{"Spain", 1},
	} {
		got, err := s.Articles(ArticleQuery{Search: tc.search})
		if err != nil {
			t.Errorf("search %q: %v", tc.search, err)
			continue
		}
		n, err := s.CountArticles(ArticleQuery{Search: tc.search})
		if err != nil || n != len(got) {
			t.Errorf("count of %q = %d, %v; the page has %d", tc.search, n, err, len(got))
		}
		if len(got) != tc.want {
			t.Errorf("search %q found %d articles; want %d", tc.search, len(got), tc.want)
		}
	}
}
