// Package report renders annotated articles as markdown: the statements
// grouped by speaker, each with its source, and a table of the people and
// countries mentioned. It is shared by `herald extract --format markdown`,
// `herald export` and the reader's export keys.
package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/herald-reader/herald/nlp"
)

// Article is one annotated article and where it came from.
type Article struct {
	Title     string
	Feed      string // the outlet
	Link      string
	Published time.Time
	Doc       nlp.Doc
}

// Report is what gets written.
type Report struct {
	Title     string    // the first heading
	Filters   []string  // e.g. "leader: Keir Starmer", shown under the heading
	Generated time.Time // zero = omitted
	Articles  []Article
	// Statements, when non-nil, replaces the statements taken from each
	// article's Doc (used for cross-article lists that were pre-filtered).
	Statements []Quote
	// Mentions, when non-nil, replaces the table counted from each
	// article's Doc (callers with an entity index need not load the docs).
	Mentions []Mention
}

// Mention is one row of the table of people and countries mentioned.
type Mention struct {
	Name     string
	Kind     string // "leader", "person" or "country"
	Mentions int
	Articles int
}

// Quote is a statement with its article, for cross-article reports.
type Quote struct {
	Statement nlp.Statement
	Article   *Article
}

const unattributed = "Unattributed"

// Write renders r as CommonMark.
func Write(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", Escape(r.Title))
	if len(r.Filters) > 0 {
		fmt.Fprintf(bw, "Filters: %s\n\n", Escape(strings.Join(r.Filters, "; ")))
	}
	if !r.Generated.IsZero() {
		fmt.Fprintf(bw, "Generated %s\n\n", r.Generated.Format("2006-01-02 15:04 MST"))
	}
	quotes := r.Statements
	if quotes == nil {
		for i := range r.Articles {
			for _, st := range r.Articles[i].Doc.Statements {
				quotes = append(quotes, Quote{Statement: st, Article: &r.Articles[i]})
			}
		}
	}
	writeSpeakers(bw, quotes, len(r.Articles) > 1)
	mentions := r.Mentions
	if mentions == nil {
		mentions = countMentions(r.Articles)
	}
	writeMentions(bw, mentions)
	return bw.Flush()
}

// writeSpeakers writes one section per speaker, in order of first statement,
// unattributed statements last.
func writeSpeakers(w *bufio.Writer, quotes []Quote, manyArticles bool) {
	type group struct {
		name   string
		leader bool
		quotes []Quote
	}
	var order []*group
	byKey := map[string]*group{}
	for _, q := range quotes {
		key, name, leader := "", unattributed, false
		if sp := q.Statement.Speaker; sp != nil {
			key, name, leader = sp.ID, sp.Name, sp.Leader
		}
		g := byKey[key]
		if g == nil {
			g = &group{name: name, leader: leader}
			byKey[key] = g
			order = append(order, g)
		}
		g.quotes = append(g.quotes, q)
	}
	sort.SliceStable(order, func(i, j int) bool {
		return order[i].name != unattributed && order[j].name == unattributed
	})
	if len(order) == 0 {
		w.WriteString("No statements found.\n\n")
		return
	}
	for _, g := range order {
		heading := Escape(g.name)
		if g.leader {
			heading += " (leader)"
		}
		fmt.Fprintf(w, "## %s\n\n", heading)
		for _, q := range g.quotes {
			text := Escape(oneLine(q.Statement.Quote))
			if q.Statement.Kind == nlp.KindIndirect {
				text = "*(reported)* " + text
			}
			fmt.Fprintf(w, "> %s\n", text)
			if src := source(q.Article, manyArticles); src != "" {
				fmt.Fprintf(w, ">\n> — %s\n", src)
			}
			w.WriteString("\n")
		}
	}
}

// source is the attribution line under a quote: linked title, outlet, date.
func source(a *Article, withTitle bool) string {
	if a == nil {
		return ""
	}
	var parts []string
	title := Escape(oneLine(a.Title))
	switch {
	case a.Link != "" && (withTitle || title != ""):
		if title == "" {
			title = "article"
		}
		parts = append(parts, fmt.Sprintf("[%s](%s)", title, linkDest(a.Link)))
	case withTitle && title != "":
		parts = append(parts, title)
	}
	if a.Feed != "" {
		parts = append(parts, Escape(oneLine(a.Feed)))
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.Format("2006-01-02"))
	}
	return strings.Join(parts, ", ")
}

// countMentions counts the people and countries in the articles' docs,
// most mentioned first.
func countMentions(arts []Article) []Mention {
	type row struct {
		Mention
		articles map[int]bool
	}
	rows := map[string]*row{}
	var order []*row
	for i, a := range arts {
		for _, en := range a.Doc.Entities {
			r := rows[en.Kind+"/"+en.ID]
			if r == nil {
				kind := en.Kind
				if en.Leader {
					kind = "leader"
				}
				r = &row{Mention: Mention{Name: en.Name, Kind: kind}, articles: map[int]bool{}}
				rows[en.Kind+"/"+en.ID] = r
				order = append(order, r)
			}
			r.Mentions++
			r.articles[i] = true
		}
	}
	out := make([]Mention, len(order))
	for i, r := range order {
		out[i] = r.Mention
		out[i].Articles = len(r.articles)
	}
	SortMentions(out)
	return out
}

// SortMentions orders rows most mentioned first, then by name.
func SortMentions(rows []Mention) {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Mentions != rows[j].Mentions {
			return rows[i].Mentions > rows[j].Mentions
		}
		return rows[i].Name < rows[j].Name
	})
}

// writeMentions writes the table of people and countries mentioned.
func writeMentions(w *bufio.Writer, mentions []Mention) {
	if len(mentions) == 0 {
		return
	}
	w.WriteString("## Mentioned\n\n| Name | Kind | Mentions | Articles |\n| --- | --- | ---: | ---: |\n")
	for _, m := range mentions {
		fmt.Fprintf(w, "| %s | %s | %d | %d |\n", escapeCell(m.Name), m.Kind, m.Mentions, m.Articles)
	}
	w.WriteString("\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Escape backslash-escapes CommonMark's special characters so that quoted
// text renders literally: it cannot open links, emphasis, code, HTML or
// entities anywhere, nor start a heading, list or quote at line start.
func Escape(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", r) || (i == 0 && strings.ContainsRune("#-+=>", r)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. " or "1) " at the start would make an ordered list.
	if j := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); j > 0 && j < len(out) && (out[j] == '.' || out[j] == ')') {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

func escapeCell(s string) string { return Escape(oneLine(s)) }

// destEscaper makes a URL safe inside <...>: no angle brackets, spaces,
// line breaks, or a backslash that would escape the closing '>'.
var destEscaper = strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "", "\r", "", " ", "%20", "\\", "%5C")

func linkDest(u string) string { return "<" + destEscaper.Replace(u) + ">" }
