package ui

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	// Goldens hold plain text: no colours, no styling escapes.
	lipgloss.SetColorProfile(termenv.Ascii)
	code := m.Run()
	if benchStore != nil {
		benchStore.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// fixedNow is the clock of every test: ages are computed from it.
var fixedNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// fakeLib is an in-memory Library that records what was asked of it.
type fakeLib struct {
	mu       sync.Mutex
	feeds    []store.Feed
	arts     []store.Article // any order; Articles sorts newest first
	anns     map[int64]nlp.Doc
	saved    []savedAnn
	backlog  []int64              // what Unannotated offers
	bodies   int                  // Article calls: body loads
	pageLoad int                  // Articles calls
	queries  []store.ArticleQuery // every Articles query, in order
	counted  []string             // every EntityCounts kind, in order
}

type savedAnn struct {
	id            int64
	hash, version string
}

func (f *fakeLib) Feeds() ([]store.Feed, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := append([]store.Feed(nil), f.feeds...)
	for i := range out {
		out[i].Unread, out[i].Total = 0, 0
		for _, a := range f.arts {
			if a.FeedID == out[i].ID {
				out[i].Total++
				if !a.Read {
					out[i].Unread++
				}
			}
		}
	}
	return out, nil
}

func (f *fakeLib) match(q store.ArticleQuery) []store.ArticleSummary {
	var out []store.ArticleSummary
	for _, a := range f.arts {
		if (q.FeedID != 0 && a.FeedID != q.FeedID) || (q.Unread && a.Read) || (q.Starred && !a.Starred) {
			continue
		}
		if (q.ArticleID != 0 && a.ID != q.ArticleID) || (q.FeedIDs != nil && !slices.Contains(q.FeedIDs, a.FeedID)) ||
			(!q.Since.IsZero() && a.Published.Before(q.Since)) || (!q.Until.IsZero() && !a.Published.Before(q.Until)) {
			continue
		}
		if (q.IDs != nil && !slices.Contains(q.IDs, a.ID)) || slices.Contains(q.NotIDs, a.ID) {
			continue
		}
		if !f.mentionsAll(a.ID, q.Entities) || !searchMatches(a, q.Search) {
			continue
		}
		s := a.ArticleSummary
		if doc, ok := f.anns[a.ID]; ok {
			s.Annotated = true
			s.Statements, s.Leaders = docCounts(doc)
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Published.Equal(out[j].Published) {
			return out[i].Published.After(out[j].Published)
		}
		return out[i].ID > out[j].ID
	})
	return out
}

func (f *fakeLib) Articles(q store.ArticleQuery) ([]store.ArticleSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pageLoad++
	f.queries = append(f.queries, q)
	all := f.match(q)
	if q.Offset >= len(all) {
		return nil, nil
	}
	all = all[q.Offset:]
	if q.Limit > 0 && q.Limit < len(all) {
		all = all[:q.Limit]
	}
	return all, nil
}

func (f *fakeLib) CountArticles(q store.ArticleQuery) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.match(q)), nil
}

func (f *fakeLib) CountArticlesUpTo(q store.ArticleQuery, limit int) (int, bool, error) {
	n, err := f.CountArticles(q)
	if limit > 0 && n > limit {
		return limit, false, err
	}
	return n, true, err
}

func (f *fakeLib) find(id int64) *store.Article {
	for i := range f.arts {
		if f.arts[i].ID == id {
			return &f.arts[i]
		}
	}
	return nil
}

func (f *fakeLib) Article(id int64) (store.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.bodies++
	if a := f.find(id); a != nil {
		return *a, nil
	}
	return store.Article{}, fmt.Errorf("article %d: not found", id)
}

func (f *fakeLib) SetRead(id int64, read bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a := f.find(id); a != nil {
		a.Read = read
		return nil
	}
	return errors.New("not found")
}

func (f *fakeLib) SetStarred(id int64, starred bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if a := f.find(id); a != nil {
		a.Starred = starred
		return nil
	}
	return errors.New("not found")
}

func (f *fakeLib) MarkFeedRead(feedID int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.arts {
		if feedID == 0 || f.arts[i].FeedID == feedID {
			f.arts[i].Read = true
		}
	}
	return nil
}

func (f *fakeLib) Annotation(id int64, version string) (nlp.Doc, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	doc, ok := f.anns[id]
	return doc, ok, nil // any version: the fake keeps one annotation per article
}

func (f *fakeLib) SaveAnnotation(id int64, hash, version string, doc nlp.Doc) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.anns == nil {
		f.anns = map[int64]nlp.Doc{}
	}
	f.anns[id] = doc
	f.saved = append(f.saved, savedAnn{id, hash, version})
	return nil
}

func (f *fakeLib) Unannotated(version string, limit int) ([]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []int64
	for _, id := range f.backlog {
		if _, done := f.anns[id]; !done && len(out) < limit {
			out = append(out, id)
		}
	}
	return out, nil
}

func (f *fakeLib) counts() (bodies, pages int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.bodies, f.pageLoad
}

func (f *fakeLib) isRead(id int64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.find(id).Read
}

// docBuilder builds an nlp.Doc by naming the substrings to highlight, so
// tests do not depend on how good the annotator is.
type docBuilder struct {
	t   testing.TB
	doc nlp.Doc
}

func newDoc(t testing.TB, text string) *docBuilder {
	return &docBuilder{t: t, doc: nlp.Doc{Text: text, Entities: []nlp.Entity{}, Statements: []nlp.Statement{}}}
}

func (b *docBuilder) at(sub string, nth int) (int, int) {
	b.t.Helper()
	from := 0
	for k := 0; ; k++ {
		i := strings.Index(b.doc.Text[from:], sub)
		if i < 0 {
			b.t.Fatalf("%q (#%d) not in fixture text", sub, nth)
		}
		if k == nth {
			return from + i, from + i + len(sub)
		}
		from += i + len(sub)
	}
}

func (b *docBuilder) entity(kind, id, name string, leader bool, sub string, nth int) *docBuilder {
	s, e := b.at(sub, nth)
	b.doc.Entities = append(b.doc.Entities, nlp.Entity{Kind: kind, ID: id, Name: name, Leader: leader, Text: sub, Start: s, End: e})
	return b
}

func (b *docBuilder) quote(sub string, speaker *nlp.Speaker) *docBuilder {
	s, e := b.at(sub, 0)
	b.doc.Statements = append(b.doc.Statements, nlp.Statement{Kind: nlp.KindDirect, Quote: sub, Start: s, End: e, Speaker: speaker, Cue: "said", Confidence: 0.9})
	return b
}

func (b *docBuilder) build() nlp.Doc {
	sort.Slice(b.doc.Entities, func(i, j int) bool { return b.doc.Entities[i].Start < b.doc.Entities[j].Start })
	return b.doc
}

// mentionsAll reports whether article id's annotation mentions every entity.
func (f *fakeLib) mentionsAll(id int64, ids []string) bool {
	if len(ids) == 0 {
		return true
	}
	doc, ok := f.anns[id]
	if !ok {
		return false
	}
	for _, want := range ids {
		found := false
		for _, e := range doc.Entities {
			found = found || e.ID == want
		}
		for _, s := range doc.Statements {
			found = found || (s.Speaker != nil && s.Speaker.ID == want)
		}
		if !found {
			return false
		}
	}
	return true
}

// searchMatches: every word in the title or the text, case folded.
func searchMatches(a store.Article, search string) bool {
	hay := strings.ToLower(a.Title + " " + a.Text)
	for _, w := range strings.Fields(strings.ToLower(search)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func (f *fakeLib) EntityCounts(kind string, q store.ArticleQuery) ([]store.EntityCount, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.counted = append(f.counted, kind)
	byID := map[string]*store.EntityCount{}
	var order []string
	for _, a := range f.match(q) {
		seen := map[string]bool{}
		for _, e := range f.anns[a.ID].Entities {
			want := e.Kind == nlp.KindCountry
			if kind != store.CountCountries {
				want = e.Kind == nlp.KindPerson && (kind == store.CountPeople || e.Leader)
			}
			if !want {
				continue
			}
			c := byID[e.ID]
			if c == nil {
				c = &store.EntityCount{ID: e.ID, Name: e.Name, Kind: e.Kind}
				byID[e.ID] = c
				order = append(order, e.ID)
			}
			c.Leader = c.Leader || e.Leader
			c.Mentions++
			if !seen[e.ID] {
				seen[e.ID] = true
				c.Articles++
			}
		}
	}
	out := make([]store.EntityCount, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func (f *fakeLib) Statements(q store.ArticleQuery, speakerID string, limit int) ([]store.StatementRow, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []store.StatementRow
	for _, a := range f.match(q) {
		for _, s := range f.anns[a.ID].Statements {
			if speakerID != "" && (s.Speaker == nil || s.Speaker.ID != speakerID) {
				continue
			}
			out = append(out, store.StatementRow{ArticleID: a.ID, ArticleTitle: a.Title, FeedTitle: a.FeedTitle,
				Link: a.Link, Published: a.Published, Statement: s})
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// lastQuery is the most recent Articles query.
func (f *fakeLib) lastQuery() store.ArticleQuery {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.queries) == 0 {
		return store.ArticleQuery{}
	}
	return f.queries[len(f.queries)-1]
}
