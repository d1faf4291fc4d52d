package store

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// A search's last word finds every word it starts, however it is answered:
// expanded to the index's terms, left to FTS5 (three letters, other
// scripts), or matching nothing; and a word saved after a search is found
// by the next one.
func TestSearchPrefixExpansion(t *testing.T) {
	s := openTemp(t)
	feed := syncURLs(t, s, "https://x.example/")[0]
	save(t, s, feed,
		NewArticle{GUID: "1", Title: "Starmer speaks", Text: "The prime minister spoke.", Published: day(1)},
		NewArticle{GUID: "2", Title: "Starmergate", Text: "A scandal, said Ünalkaya.", Published: day(2)},
		NewArticle{GUID: "3", Title: "Starling", Text: "A bird.", Published: day(3)})
	search := func(q string) []int64 {
		t.Helper()
		got, err := s.Articles(ArticleQuery{Search: q})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		n, err := s.CountArticles(ArticleQuery{Search: q})
		if err != nil || n != len(got) {
			t.Errorf("count of %q = %d, %v; the list has %d", q, n, err, len(got))
		}
		return ids(got)
	}
	all := search("sta")
	if len(all) != 3 {
		t.Fatalf(`"sta" found %v; want all three`, all)
	}
	two := search("STARM")
	if len(two) != 2 {
		t.Errorf(`"STARM" found %v; want the two Starmer articles`, two)
	}
	if m, err := s.match("prime starm"); err != nil || !strings.Contains(m, `"starmer" OR "starmergate"`) || strings.Contains(m, "*") {
		t.Errorf(`match("prime starm") = %s, %v; want the prefix expanded to its two terms`, m, err)
	}
	if got := search("starmx"); len(got) != 0 {
		t.Errorf(`"starmx" found %v; want none`, got)
	}
	if got := search("ünalk"); len(got) != 1 {
		t.Errorf(`"ünalk" found %v; want the article quoting Ünalkaya`, got)
	}
	if got := search("starm "); len(got) != 0 {
		t.Errorf(`"starm " (a whole word) found %v; want none`, got)
	}
	// A new word under a cached prefix is found at once.
	save(t, s, feed, NewArticle{GUID: "4", Title: "Starmerism", Text: "A doctrine.", Published: day(4)})
	if got := search("starm"); len(got) != 3 {
		t.Errorf(`"starm" after a new article found %v; want three`, got)
	}
	// A prefix starting more terms than are expanded is left to FTS5.
	var words []string
	for i := 0; i < maxPrefixTerms+5; i++ {
		words = append(words, "zebra"+strings.Repeat("q", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26)))
	}
	save(t, s, feed, NewArticle{GUID: "5", Title: "Zebras", Text: strings.Join(words, " "), Published: day(5)})
	if m, err := s.match("zebr"); err != nil || m != `"zebr"*` {
		t.Errorf(`match("zebr") = %s, %v; want the prefix left to FTS5`, m, err)
	}
	if got := search("zebr"); !reflect.DeepEqual(got, search("zebra")) || len(got) != 1 {
		t.Errorf(`"zebr" found %v`, got)
	}
}

// A store of schema 5 (a full-text index with positions) is migrated: its
// index is rebuilt without them from the bodies, and searching, prefixes
// included, finds what it found before.
func TestSchema5StoreSearchesAfterMigration(t *testing.T) {
	s := openAtSchema(t, 5, `
		INSERT INTO feeds(id, url, position) VALUES (1, 'https://x.example/', 0);
		INSERT INTO articles(id, feed_id, title, published, hash) VALUES (1, 1, 'Starmer in Paris', 1000, 'h1'), (2, 1, 'Rain', 2000, 'h2');
		INSERT INTO bodies(id, title, text) VALUES (1, 'Starmer in Paris', 'The prime minister met Macron.'), (2, 'Rain', 'Wet weather.');
		INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM bodies;`)
	for search, want := range map[string][]int64{"macron": {1}, "minis": {1}, "weather ": {2}, "PARIS rai": nil, "starmer par": {1}} {
		got, err := s.Articles(ArticleQuery{Search: search})
		if err != nil || !slices.Equal(ids(got), want) {
			t.Errorf("search %q after migration = %v, %v; want %v", search, ids(got), err, want)
		}
	}
	if err := s.db.QueryRow(`SELECT 1 FROM articles_fts_terms WHERE term = 'macron'`).Scan(new(int)); err != nil {
		t.Errorf("the vocabulary of the rebuilt index lacks \"macron\": %v", err)
	}
}
