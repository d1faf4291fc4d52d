package nlp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Floors for TestPhenomenaCorpus: the totals herald reached on
// testdata/corpus when the corpus was written, minus 0.02, so a regression
// fails the test while today's code passes. Raise them as herald improves;
// never lower them to make a change pass.
const (
	floorPeopleRecall     = 0.950
	floorPeoplePrecision  = 0.952
	floorQuotePrecision   = 0.990
	floorQuoteRecall      = 0.990
	floorAttribution      = 0.990
	floorCountryPrecision = 0.975
)

// phenGold is one corpus gold file (the format of nlp-score's gold files).
type phenGold struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Published string `json:"published"`
	People    []struct {
		Name string `json:"name"`
	} `json:"people"`
	Countries []string `json:"countries"`
	Quotes    []struct {
		Text     string   `json:"text"`
		Speaker  *string  `json:"speaker"`
		Required *bool    `json:"required"`
		Unscored bool     `json:"speaker_unscored"`
		Alt      []string `json:"alt_speakers"`
	} `json:"quotes"`
}

// phenCounts are the raw counts behind the scorer's ratios.
type phenCounts struct {
	predDirect, predMatched, req, reqFound, reqRight, reqUnscored int
	pplTP, pplPred, pplGold, ctyTP, ctyPred, ctyGold              int
}

func (c *phenCounts) add(o phenCounts) {
	c.predDirect += o.predDirect
	c.predMatched += o.predMatched
	c.req += o.req
	c.reqFound += o.reqFound
	c.reqRight += o.reqRight
	c.reqUnscored += o.reqUnscored
	c.pplTP += o.pplTP
	c.pplPred += o.pplPred
	c.pplGold += o.pplGold
	c.ctyTP += o.ctyTP
	c.ctyPred += o.ctyPred
	c.ctyGold += o.ctyGold
}

func phenRatio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (c phenCounts) quoteP() float64  { return phenRatio(c.predMatched, c.predDirect) }
func (c phenCounts) quoteR() float64  { return phenRatio(c.reqFound, c.req) }
func (c phenCounts) attrib() float64  { return phenRatio(c.reqRight, c.reqFound-c.reqUnscored) }
func (c phenCounts) peopleP() float64 { return phenRatio(c.pplTP, c.pplPred) }
func (c phenCounts) peopleR() float64 { return phenRatio(c.pplTP, c.pplGold) }
func (c phenCounts) countryP() float64 {
	return phenRatio(c.ctyTP, c.ctyPred)
}

var phenNonWord = regexp.MustCompile(`[^\p{L}\p{N}_\s']`)

// phenNorm is nlp-score's norm: NFKC, curly apostrophes unified, lower case,
// punctuation dropped, apostrophes removed, white space folded.
func phenNorm(s string) string {
	s = norm.NFKC.String(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = strings.ToLower(s)
	s = phenNonWord.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, "'", "")
	return strings.Join(strings.Fields(s), " ")
}

func phenStripAccents(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func phenToks(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(phenNorm(s)) {
		m[w] = true
	}
	return m
}

// phenTextMatch: token-set Jaccard >= 0.6, or the shorter has >= 90% of its
// tokens in the longer and is at least half its length.
func phenTextMatch(a, b string) bool {
	ta, tb := phenToks(a), phenToks(b)
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	inter := 0
	for w := range ta {
		if tb[w] {
			inter++
		}
	}
	union := len(ta) + len(tb) - inter
	if float64(inter)/float64(union) >= 0.6 {
		return true
	}
	lo, hi := min(len(ta), len(tb)), max(len(ta), len(tb))
	return float64(inter)/float64(lo) >= 0.9 && float64(lo)/float64(hi) >= 0.5
}

func phenLev(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i, ca := range ra {
		cur := []int{i + 1}
		for j, cb := range rb {
			sub := prev[j]
			if ca != cb {
				sub++
			}
			cur = append(cur, min(prev[j+1]+1, cur[j]+1, sub))
		}
		prev = cur
	}
	return prev[len(rb)]
}

var phenAliases = map[string]string{"us": "united states", "usa": "united states", "uk": "united kingdom",
	"britain": "united kingdom", "eu": "european union", "un": "united nations",
	"nato": "north atlantic treaty organization"}

func phenAlias(s string) string {
	if a, ok := phenAliases[s]; ok {
		return a
	}
	return s
}

func phenContains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// phenNameMatch is nlp-score's name_match; "" stands for no speaker.
func phenNameMatch(gold, pred string) bool {
	if gold == "" || pred == "" {
		return gold == "" && pred == ""
	}
	g, p := phenAlias(phenStripAccents(phenNorm(gold))), phenAlias(phenStripAccents(phenNorm(pred)))
	if g == "" || p == "" {
		return false
	}
	if g == p {
		return true
	}
	gs, ps := strings.Fields(g), strings.Fields(p)
	gl, pl := gs[len(gs)-1], ps[len(ps)-1]
	if gl == pl {
		return true
	}
	if gs[0] == ps[0] && len(gs[0]) > 2 && (phenContains(ps, gl) || phenContains(gs, pl)) {
		return true
	}
	return len(gl) > 4 && phenLev(gl, pl) <= 1
}

// phenScore compares one annotated article with its gold, as nlp-score does.
func phenScore(t *testing.T, g phenGold, doc Doc) phenCounts {
	var c phenCounts
	used := make([]bool, len(g.Quotes))
	found := map[int]string{}
	for _, s := range doc.Statements {
		if s.Kind != "direct" {
			continue
		}
		c.predDirect++
		speaker := ""
		if s.Speaker != nil {
			speaker = s.Speaker.Name
		}
		hit := -1
		for i, q := range g.Quotes {
			if !used[i] && phenTextMatch(q.Text, s.Quote) {
				hit = i
				break
			}
		}
		if hit < 0 {
			t.Logf("  %s FP quote %.60q <- %q", g.ID, s.Quote, speaker)
			continue
		}
		used[hit] = true
		c.predMatched++
		found[hit] = speaker
	}
	for i, q := range g.Quotes {
		if q.Required != nil && !*q.Required {
			continue
		}
		gold := ""
		if q.Speaker != nil {
			gold = *q.Speaker
		}
		c.req++
		sp, ok := found[i]
		if !ok {
			t.Logf("  %s FN quote %.60q (%s)", g.ID, q.Text, gold)
			continue
		}
		c.reqFound++
		if q.Unscored {
			c.reqUnscored++
			continue
		}
		right := phenNameMatch(gold, sp)
		for _, a := range q.Alt {
			right = right || phenNameMatch(a, sp)
		}
		if right {
			c.reqRight++
		} else {
			t.Logf("  %s ATTR %.50q: gold %q got %q", g.ID, q.Text, gold, sp)
		}
	}
	people := map[string]bool{}
	countries := map[string]bool{}
	for _, e := range doc.Entities {
		switch {
		case e.Kind == "person" && e.Name != "":
			people[e.Name] = true
		case e.Kind == "country":
			countries[phenStripAccents(phenNorm(e.Name))] = true
		}
	}
	c.pplGold, c.pplPred = len(g.People), len(people)
	for _, gp := range g.People {
		hit := false
		for p := range people {
			hit = hit || phenNameMatch(gp.Name, p)
		}
		if hit {
			c.pplTP++
		} else {
			t.Logf("  %s person FN %s", g.ID, gp.Name)
		}
	}
	for p := range people {
		hit := false
		for _, gp := range g.People {
			hit = hit || phenNameMatch(gp.Name, p)
		}
		if !hit {
			t.Logf("  %s person FP %s", g.ID, p)
		}
	}
	goldC := map[string]bool{}
	for _, gc := range g.Countries {
		goldC[phenStripAccents(phenNorm(gc))] = true
	}
	c.ctyGold, c.ctyPred = len(goldC), len(countries)
	for k := range countries {
		if goldC[k] {
			c.ctyTP++
		} else {
			t.Logf("  %s country FP %s", g.ID, k)
		}
	}
	return c
}

// TestPhenomenaCorpus scores herald on original articles written in styles it
// was not tuned on (captions, lists, transcripts, wire copy, British,
// Canadian, Australian, German and French quotation, Nigerian and Tamil
// names, look-alike company names, obituaries, organisations speaking, 2016
// US politics, multi-paragraph quotes) and fails when a total falls below
// its floor.
func TestPhenomenaCorpus(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join("testdata", "corpus", "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) < 14 {
		t.Fatalf("testdata/corpus: want at least 14 gold files, found %d", len(golds))
	}
	sort.Strings(golds)
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var total phenCounts
	t.Logf("%-24s %7s %7s %7s %7s %7s %8s", "article", "quoteP", "quoteR", "attrib", "pplP", "pplR", "countryP")
	for _, path := range golds {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var g phenGold
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		text, err := os.ReadFile(filepath.Join(filepath.Dir(path), g.Text))
		if err != nil {
			t.Fatalf("%s: text: %v", path, err)
		}
		var published time.Time
		if g.Published != "" {
			if published, err = time.Parse("2006-01-02", g.Published); err != nil {
				t.Fatalf("%s: published: %v", path, err)
			}
		}
		doc := a.AnnotateArticle(string(text), published)
		if doc.Failed {
			t.Errorf("%s: annotation failed", g.ID)
		}
		c := phenScore(t, g, doc)
		t.Logf("%-24s %7.3f %7.3f %7.3f %7.3f %7.3f %8.3f", g.ID, c.quoteP(), c.quoteR(), c.attrib(), c.peopleP(), c.peopleR(), c.countryP())
		total.add(c)
	}
	t.Logf("%-24s %7.3f %7.3f %7.3f %7.3f %7.3f %8.3f", "TOTAL", total.quoteP(), total.quoteR(), total.attrib(), total.peopleP(), total.peopleR(), total.countryP())
	for _, f := range []struct {
		name       string
		got, floor float64
	}{
		{"people recall", total.peopleR(), floorPeopleRecall},
		{"people precision", total.peopleP(), floorPeoplePrecision},
		{"quote precision", total.quoteP(), floorQuotePrecision},
		{"quote recall", total.quoteR(), floorQuoteRecall},
		{"attribution", total.attrib(), floorAttribution},
		{"country precision", total.countryP(), floorCountryPrecision},
	} {
		if f.got < f.floor {
			t.Errorf("%s %.3f is below its floor %.3f", f.name, f.got, f.floor)
		}
	}
}

// TestPhenomenaMatching pins the scorer rules the corpus test reimplements.
func TestPhenomenaMatching(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"We prefer dialogue,", "“We prefer dialogue”", true},
		{"It’s not a sustainable position for anyone,", "It's not a sustainable position for anyone", true},
		{"Every option is on the table.", "Every option is on the table. We will act.", true},
		{"Every option is on the table.", "Nothing is off the table at all, he said", false},
	} {
		if got := phenTextMatch(c.a, c.b); got != c.want {
			t.Errorf("text match %q ~ %q = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	for _, c := range []struct {
		gold, pred string
		want       bool
	}{
		{"T.J. Brodie", "Brodie", true},
		{"Tedros Adhanom Ghebreyesus", "Tedros", true},
		{"Volodymyr Zelensky", "Zelenskyy", true},
		{"Enrique Peña Nieto", "Santiago Peña", false},
		{"Éric Lombard", "Eric Lombard", true},
		{"UK", "United Kingdom", true},
		{"", "", true},
		{"Barack Obama", "", false},
	} {
		if got := phenNameMatch(c.gold, c.pred); got != c.want {
			t.Errorf("name match %q ~ %q = %v, want %v", c.gold, c.pred, got, c.want)
		}
	}
}
