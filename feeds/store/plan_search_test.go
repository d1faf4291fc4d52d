package store

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// searchWorld is a small store whose dates do not follow article ids,
// whose words share prefixes, and whose entities overlap, for comparing
// the planner's search paths with a straightforward reference query.
func searchWorld(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	feeds := syncURLs(t, s, "https://a.example/rss", "https://b.example/rss", "https://c.example/rss")
	rng := rand.New(rand.NewSource(6))
	words := []string{"merlo", "merlomer", "merlofi", "tan", "tanbel", "résumé", "zoë", "vitan", "kalo", "the"}
	people := []ent{{"person", "p-lead", "Ada Lead", true}, {"person", "p-two", "Bo Two", true}, {"person", "p-three", "Cy Three", false}}
	countries := []ent{{"country", "c-one", "Onia", false}, {"country", "c-two", "Twoland", false}, {"country", "c-three", "Threeland", false}}
	for i := 0; i < 240; i++ {
		var sb strings.Builder
		for k := 0; k < 6+rng.Intn(10); k++ {
			// Zipf-like: early words are common.
			sb.WriteString(words[rng.Intn(1+rng.Intn(len(words)))] + " ")
		}
		title := fmt.Sprintf("Story %d %s", i, words[rng.Intn(len(words))])
		feed := feeds[rng.Intn(len(feeds))]
		save(t, s, feed, NewArticle{GUID: title, Title: title, Text: sb.String(),
			Published: day(1).Add(time.Duration(rng.Intn(500)) * time.Hour)})
		id := articleID(t, s, title)
		var ms []ent
		for _, e := range append(append([]ent{}, people...), countries...) {
			for n := rng.Intn(3); n > 0 && rng.Intn(2) == 0; n-- {
				ms = append(ms, e)
			}
		}
		a, err := s.Article(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveAnnotation(id, a.Hash, nlp.Version, makeDoc(sb.String(), ms, nil)); err != nil {
			t.Fatal(err)
		}
		if rng.Intn(3) == 0 {
			if err := s.SetRead(id, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

// referenceIDs answers q by the plainest query: every filter tested on
// every article, then sorted.
func referenceIDs(t *testing.T, s *Store, q ArticleQuery) []int64 {
	t.Helper()
	query := `SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.position IS NOT NULL`
	var args []any
	if q.FeedID != 0 {
		query += ` AND a.feed_id = ?`
		args = append(args, q.FeedID)
	}
	if q.Unread {
		query += ` AND a.read = 0`
	}
	for _, e := range q.entities() {
		query += ` AND EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = a.id AND x.entity_id = ?)`
		args = append(args, e)
	}
	if m := ftsQuery(q.Search); m != "" {
		query += ` AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`
		args = append(args, m)
	}
	rows, err := s.db.Query(query+` ORDER BY a.published DESC, a.id DESC`, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Searches, alone and under chips, give the reference answer whichever
// plan the hit estimate picks, including hostile input.
func TestSearchPlansMatchReference(t *testing.T) {
	s := searchWorld(t)
	feeds, err := s.Feeds()
	if err != nil {
		t.Fatal(err)
	}
	searches := []string{"merlo", "merlo ", "merl", "me", "tan", "the merlo", "RÉSUMÉ", "nothing-here", `"`,
		`NEAR(merlo tan)`, `merlo OR tan`, `-merlo`, "\x00merlo", "\x1b[31mtan", "\xff\xfe"}
	chips := [][]string{nil, {"p-lead"}, {"p-lead", "c-one"}, {"nobody"}}
	saved := bigSearch
	defer func() { bigSearch = saved }()
	for _, search := range searches {
		for ci, ents := range chips {
			for _, variant := range []ArticleQuery{{Unread: true}, {FeedID: feeds[1].ID}, {Limit: 7, Offset: 3}} {
				q := variant
				q.Search, q.Entities = search, ents
				want := referenceIDs(t, s, q)
				for _, threshold := range []int{0, saved, 1 << 30} {
					bigSearch = threshold
					name := fmt.Sprintf("%q chips%d %+v threshold %d", search, ci, variant, threshold)
					n, err := s.CountArticles(q)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if n != len(want) {
						t.Errorf("%s: count %d, reference %d", name, n, len(want))
					}
					as, err := s.Articles(q)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					page := want
					if q.Offset < len(page) {
						page = page[q.Offset:]
					} else if q.Offset > 0 {
						page = nil
					}
					if q.Limit > 0 && len(page) > q.Limit {
						page = page[:q.Limit]
					}
					if got := ids(as); !reflect.DeepEqual(got, page) && (len(got) > 0 || len(page) > 0) {
						t.Errorf("%s: listed %v, reference %v", name, got, page)
					}
				}
			}
		}
	}
}

// Entity counts and statements under a search agree between plans.
func TestSearchEntityCountsAgree(t *testing.T) {
	s := searchWorld(t)
	saved := bigSearch
	defer func() { bigSearch = saved }()
	for _, q := range []ArticleQuery{
		{Search: "merlo", Entities: []string{"p-lead"}},
		{Search: "tan", Entities: []string{"c-one"}, Unread: true},
		{Search: "the", Entities: []string{"p-two", "c-three"}},
		{Search: "kal"},
	} {
		var answers [][]EntityCount
		for _, threshold := range []int{0, 1 << 30} {
			bigSearch = threshold
			c, err := s.EntityCounts("country", q)
			if err != nil {
				t.Fatal(err)
			}
			st, err := s.Statements(q, "", 0)
			if err != nil {
				t.Fatal(err)
			}
			c = append(c, EntityCount{ID: "statements", Articles: len(st)})
			answers = append(answers, c)
		}
		if !reflect.DeepEqual(answers[0], answers[1]) {
			t.Errorf("%+v: walked %+v, looked up %+v", q, answers[0], answers[1])
		}
		if len(answers[0]) < 2 {
			t.Errorf("%+v: no countries counted: the test data is too thin", q)
		}
	}
}
