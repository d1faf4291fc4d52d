package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/nlp"
)

// The markdown is written to render the same in every CommonMark reader and
// to pass markdownlint: YAML front matter, then either one source block per
// article with its statements under it, or one section per speaker citing
// each article once. A direct quote is a blockquote of one line followed by
// its attribution paragraph, so two quotes are never separated by a blank
// line alone (MD028; some readers merge such quotes). Reported speech is a
// paragraph, never between quotation marks. All feed text is escaped.

const unattributed = "Unattributed"

// WriteMarkdown renders e as CommonMark with YAML front matter.
func WriteMarkdown(w io.Writer, e *Export, g Group) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	m := mdWriter{w: bw, e: e}
	m.frontMatter()
	switch {
	case len(e.Statements) == 0:
		m.para("No statements found.")
	case g == BySpeaker:
		m.bySpeaker()
	default:
		m.byArticle()
	}
	m.mentions()
	return bw.Flush()
}

type mdWriter struct {
	w     *bufio.Writer
	e     *Export
	begun bool // a block was written: the next one needs a blank line
	short bool // the speaker is the section's heading: no role in attributions
	heads map[string]int
}

// heading writes a level-2 heading; a heading already written gets " (2)",
// " (3)", … (two articles of one title), as markdownlint's MD024 wants.
func (m *mdWriter) heading(h string) {
	if m.heads == nil {
		m.heads = map[string]int{}
	}
	m.heads[h]++
	if n := m.heads[h]; n > 1 {
		h += " (" + strconv.Itoa(n) + ")"
	}
	m.block()
	m.w.WriteString("## ")
	m.w.WriteString(h)
	m.w.WriteByte('\n')
}

// block starts a block: blocks are separated by exactly one blank line and
// the file ends with exactly one newline.
func (m *mdWriter) block() {
	if m.begun {
		m.w.WriteByte('\n')
	}
	m.begun = true
}

func (m *mdWriter) para(s string) {
	m.block()
	m.w.WriteString(s)
	m.w.WriteByte('\n')
}

func (m *mdWriter) frontMatter() {
	c := m.e.Counts()
	w := m.w
	w.WriteString("---\n")
	fmt.Fprintf(w, "title: %s\n", yamlString(m.e.Query.Title()))
	if l := m.e.Query.Label(); l != "" {
		fmt.Fprintf(w, "query: %s\n", yamlString(l))
	}
	if !m.e.Generated.IsZero() {
		fmt.Fprintf(w, "generated: %s\n", m.e.Generated.Format(time.RFC3339))
	}
	if m.e.Version != "" {
		fmt.Fprintf(w, "herald: %s\n", yamlString(m.e.Version))
	}
	fmt.Fprintf(w, "articles: %d\nstatements: %d\ndirect: %d\nreported: %d\nspeakers: %d\n",
		c.Articles, c.Statements, c.Direct, c.Reported, c.Speakers)
	w.WriteString("---\n")
	m.begun = true
}

// yamlString quotes s as a YAML double-quoted scalar (JSON's escapes are
// YAML's).
func yamlString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(oneLine(s))
	return strings.TrimSuffix(b.String(), "\n")
}

func (m *mdWriter) byArticle() {
	var cur *Article
	for _, s := range m.e.Statements {
		if s.Article != cur {
			cur = s.Article
			h := linkedTitle(cur)
			if cur.Link == "" {
				// Headings do not end in sentence punctuation (MD026).
				h = strings.TrimRight(h, ".,;:!。，；：！ ")
			}
			m.heading(h)
			if meta := sourceMeta(cur); meta != "" {
				m.para(meta)
			}
		}
		m.statement(s)
	}
}

type speakerGroup struct {
	key, name string
	quotes    []Statement
}

func (m *mdWriter) bySpeaker() {
	var order []*speakerGroup
	byKey := map[string]*speakerGroup{}
	for _, s := range m.e.Statements {
		key, name := "", unattributed
		if sp := s.Speaker; sp != nil {
			key, name = sp.ID, sp.Name
		}
		g := byKey[key]
		if g == nil {
			g = &speakerGroup{key: key, name: name}
			byKey[key] = g
			order = append(order, g)
		}
		g.quotes = append(g.quotes, s)
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].key != "" && order[j].key == "" })
	m.short = true
	names := map[string]int{}
	for _, g := range order {
		names[nameKey(g.name)]++
	}
	for _, g := range order {
		heading := escape(oneLine(g.name))
		if names[nameKey(g.name)] > 1 && g.key != "" {
			heading += " (" + escape(g.key) + ")" // two people of one name
		}
		m.heading(heading)
		if role := m.role(g.key); role != "" {
			m.para(escape(role))
		}
		var cur *Article
		for _, s := range g.quotes {
			if s.Article != cur {
				cur = s.Article
				line := "From " + linkedTitle(cur)
				if meta := sourceMeta(cur); meta != "" {
					line += " · " + meta
				}
				m.para(line)
			}
			m.statement(s)
		}
	}
}

func nameKey(s string) string { return strings.ToLower(oneLine(s)) }

func (m *mdWriter) role(id string) string {
	if id == "" || m.e.Roles == nil {
		return ""
	}
	return oneLine(m.e.Roles[id])
}

// statement writes a direct quote as a one-line blockquote and its
// attribution, or reported speech as one paragraph.
func (m *mdWriter) statement(s Statement) {
	words := QuoteText(s.Quote)
	if words == "" {
		return
	}
	who := m.speaker(s.Statement)
	ctx := ""
	if a := s.Article; a != nil {
		if u := FragmentURL(a.Link, words); u != "" {
			ctx = " · [in context](" + linkDest(u) + ")"
		}
	}
	if s.Kind == nlp.KindIndirect {
		verb := "said"
		if c := cueVerb(s.Cue); c != "" {
			verb = escape(c)
		}
		if s.Speaker == nil {
			m.para("Reported, unattributed: " + escape(words) + ctx)
			return
		}
		m.para(who + " " + verb + " (reported): " + escape(words) + ctx)
		return
	}
	m.block()
	m.w.WriteString("> “")
	m.w.WriteString(escape(words))
	m.w.WriteString("”\n")
	line := "— " + who
	if c := cueVerb(s.Cue); c != "" && s.Speaker != nil {
		line += " " + escape(c)
	} else {
		line = strings.TrimSuffix(line, ",")
	}
	m.para(line + ctx)
}

// cueVerb is the statement's reporting verb, or "" when the annotator
// names how it attributed the statement rather than a verb ("carry-over":
// continues the previous quote; "subject": the sentence's subject).
func cueVerb(cue string) string {
	switch c := oneLine(cue); c {
	case "carry-over", "subject":
		return ""
	default:
		return c
	}
}

// speaker is "Keir Starmer, Prime Minister of the United Kingdom," with
// the role when known, or "Unattributed".
func (m *mdWriter) speaker(s nlp.Statement) string {
	if s.Speaker == nil {
		return unattributed
	}
	name := escape(oneLine(s.Speaker.Name))
	if role := m.role(s.Speaker.ID); role != "" && !m.short {
		return name + ", " + escape(role) + ","
	}
	return name
}

// QuoteText is a quote as exported: on one line, without the comma, colon
// or semicolon that belongs to the sentence around it ("…agree with
// Trump," Starmer said).
// Control characters are removed first.
func QuoteText(q string) string {
	return strings.TrimRight(oneLine(sanitize.Line(q)), ",;: ")
}

// linkedTitle is the article's title, linked when it has a link.
func linkedTitle(a *Article) string {
	title := escape(oneLine(a.Title))
	if a.Link == "" {
		if title == "" {
			return "Untitled article"
		}
		return title
	}
	if title == "" {
		title = "Untitled article"
	}
	return "[" + title + "](" + linkDest(a.Link) + ")"
}

// sourceMeta is "Europe Wire · by Jane Doe · 2025-11-22 09:00 UTC".
func sourceMeta(a *Article) string {
	var parts []string
	if f := oneLine(a.Feed); f != "" {
		parts = append(parts, escape(f))
	}
	if au := oneLine(a.Author); au != "" {
		parts = append(parts, "by "+escape(au))
	}
	if !a.Published.IsZero() {
		parts = append(parts, a.Published.UTC().Format("2006-01-02 15:04 UTC"))
	}
	return strings.Join(parts, " · ")
}

func (m *mdWriter) mentions() {
	if len(m.e.Mentions) == 0 {
		return
	}
	m.heading("Mentioned")
	m.block()
	m.w.WriteString("| Name | Kind | Mentions | Articles |\n| --- | --- | ---: | ---: |\n")
	for _, r := range m.e.Mentions {
		m.w.WriteString("| " + escape(oneLine(r.Name)) + " | " + escape(r.Kind) + " | " +
			strconv.Itoa(r.Mentions) + " | " + strconv.Itoa(r.Articles) + " |\n")
	}
}

// FragmentURL links to the quote in its page with a text fragment
// (#:~:text=start,end); "" when link is not a web address.
func FragmentURL(link, quote string) string {
	l := strings.ToLower(link)
	if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return ""
	}
	words := strings.Fields(quote)
	if len(words) == 0 {
		return ""
	}
	frag := fragmentEncode(strings.Join(words, " "))
	if len(words) > 8 {
		frag = fragmentEncode(strings.Join(words[:4], " ")) + "," + fragmentEncode(strings.Join(words[len(words)-4:], " "))
	}
	if strings.Contains(link, "#") {
		return link + ":~:text=" + frag
	}
	return link + "#:~:text=" + frag
}

// fragmentEncode percent-encodes a text directive's term: everything but
// letters, digits and "._~" (so "-", "&" and "," are always encoded, as
// the text fragments spec requires).
func fragmentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
