package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
)

// readerPane shows the open article: a header (title, source, link,
// legend) and the wrapped, highlighted text, scrolled by line.
type readerPane struct {
	sh        *shared
	seq       int // bumped for every article opened
	id        int64
	loading   bool
	loadErr   string
	art       store.Article
	doc       nlp.Doc
	annotated bool
	annotErr  string
	noText    bool   // the feed gave no text: say so, offer open and fetch
	find      string // the in-article search
	findIdx   int    // the match under the cursor, -1 for none
	findWalk  bool   // n / N walk the matches (a search typed here, not the filter's)
	fetching  bool   // the full text is being fetched
	fetchErr  string // why fetching the full text failed

	text    string // what is shown: doc.Text once annotated, the body before; then the links (see show)
	hl      highlights
	lines   []lineRange
	painted []string       // painted body lines, gutter first; nil when stale
	vp      viewport.Model // scrolls painted[skip:]; its YOffset+skip is the top line
	sel     int            // selected statement, -1 for none
	ents    []nlp.Entity   // the highlighted entities in text order
	ent     int            // the entity under the cursor, -1 for none
	skip    int            // lines repeating the headline, never shown
	w, h    int
	wrapW   int // the width lines was wrapped at
}

func newReaderPane(sh *shared) *readerPane {
	return &readerPane{sh: sh, sel: -1, ent: -1, vp: viewport.New(0, 0)}
}

func (p *readerPane) setSize(w, h int) {
	p.w, p.h = w, h
	p.rewrap()
}

// open starts loading article id.
func (p *readerPane) open(id int64) tea.Cmd {
	p.seq++
	*p = readerPane{sh: p.sh, seq: p.seq, id: id, loading: true, sel: -1, ent: -1, w: p.w, h: p.h, vp: viewport.New(p.w, 0)}
	return loadArticleCmd(p.sh.lib, p.sh.ann, p.seq, id)
}

// onLoaded shows the article; without a cached annotation it asks for one.
func (p *readerPane) onLoaded(m articleLoadedMsg) tea.Cmd {
	if m.seq != p.seq || m.id != p.id {
		return nil
	}
	p.loading = false
	if m.err != nil {
		p.loadErr = m.err.Error()
		return nil
	}
	p.art = m.art
	if m.annotated {
		p.setDoc(m.doc)
		return nil
	}
	if strings.TrimSpace(p.art.Text) == "" {
		// nothing to annotate: an empty doc lets export write the title and link
		p.noText = true
		p.setDoc(nlp.Doc{})
		return nil
	}
	p.hl = highlights{}
	p.show(p.art.Text)
	p.rewrap()
	p.refind()
	if p.sh.ann == nil {
		return nil
	}
	return annotateCmd(p.sh.lib, p.sh.ann, p.seq, p.art)
}

// fetchedTextMsg carries the full text fetched for one article.
type fetchedTextMsg struct {
	seq   int
	id    int64
	text  string
	links []store.Link // the links of the page's text
	err   error
}

// onFetched shows the fetched full text and asks for its annotation; the
// annotation cache keeps it for the next time the article opens.
func (p *readerPane) onFetched(m fetchedTextMsg) tea.Cmd {
	if m.seq != p.seq || m.id != p.id {
		return nil
	}
	p.fetching = false
	if m.err != nil {
		p.fetchErr = m.err.Error()
		return nil
	}
	p.fetchErr, p.noText = "", false
	p.art.Text, p.art.Links = m.text, m.links
	p.annotated, p.doc = false, nlp.Doc{}
	p.hl = highlights{}
	p.show(m.text)
	p.ents, p.sel, p.ent = nil, -1, -1
	p.rewrap()
	if p.sh.ann == nil {
		return nil
	}
	return annotateCmd(p.sh.lib, p.sh.ann, p.seq, p.art)
}

func (p *readerPane) onAnnotated(m annotatedMsg) {
	if m.seq != p.seq || m.id != p.id {
		return
	}
	if m.err != nil {
		p.annotErr = m.err.Error()
	}
	if m.doc.Text != "" {
		p.setDoc(m.doc)
	}
}

func (p *readerPane) setDoc(doc nlp.Doc) {
	// keep the reading position roughly where it was
	pos := -1
	if top := p.top(); top > 0 && top < len(p.lines) {
		pos = p.lines[top].start
	}
	p.doc = doc
	p.annotated = true
	p.hl = newHighlights(doc)
	p.show(doc.Text)
	p.ents = cursorEntities(doc)
	p.sel, p.ent = -1, -1
	p.rewrap()
	p.refind()
	if pos >= 0 {
		p.setTop(p.lineOf(pos))
	}
}

// statements returns the open article's statements.
func (p *readerPane) statements() []nlp.Statement { return p.doc.Statements }

// headerLines renders the fixed top of the reader.
func (p *readerPane) headerLines() []string {
	st := p.sh.st
	if p.id == 0 {
		return nil
	}
	var out []string
	for _, l := range p.titleLines() {
		out = append(out, " "+st.Title.Render(l))
	}
	meta := safeLine(p.art.FeedTitle)
	if a := safeLine(p.art.Author); a != "" {
		meta += " · " + a
	}
	if !p.art.Published.IsZero() {
		meta += " · " + p.art.Published.Format("2006-01-02 15:04")
	}
	out = append(out, " "+st.Muted.Render(meta))
	if l := safeLine(p.art.Link); l != "" {
		out = append(out, " "+st.Link.Render(l))
	}
	out = append(out, " "+p.legend())
	out = append(out, st.Separator.Render(strings.Repeat("─", max(0, p.w))))
	return out
}

func (p *readerPane) legend() string {
	t := &p.sh.st.text
	l := t[clsLeader][0][0].Render("leader") + " " + t[clsPerson][0][0].Render("person") + " " +
		t[clsCountry][0][0].Render("country") + " " + t[clsNone][1][0].Render("“quote”")
	switch {
	case p.loading:
		l += p.sh.st.Muted.Render("  loading…")
	case p.fetching:
		l += p.sh.st.Muted.Render("  fetching the full text…")
	case p.fetchErr != "":
		l += p.sh.st.Error.Render("  ! " + safeLine(p.fetchErr))
	case p.annotErr != "":
		l += p.sh.st.Error.Render("  ! " + safeLine(p.annotErr))
	case !p.annotated && p.sh.ann != nil:
		l += p.sh.st.Muted.Render("  annotating…")
	}
	return l
}

// titleLines is the headline wrapped to the pane, all of it unless it
// would take more than a third of the pane; then its last line ends in "…".
func (p *readerPane) titleLines() []string {
	title := safeLine(p.art.Title)
	if title == "" {
		title = untitled
	}
	lines := wrapPlain(title, max(1, p.w-1))
	if room := max(2, (p.h-1)/3); len(lines) > room {
		lines = lines[:room]
		last := strings.TrimRight(lines[room-1], " ")
		if ansi.StringWidth(last)+2 <= p.w-1 {
			lines[room-1] = last + " …"
		} else {
			lines[room-1] = ansi.Truncate(last, max(1, p.w-2), "") + "…"
		}
	}
	return lines
}

// bodyHeight is the rows left for text under the pane title and header.
func (p *readerPane) bodyHeight() int { return max(1, p.h-1-p.headerHeight()) }

// headerHeight is len(p.headerLines()) without painting them.
func (p *readerPane) headerHeight() int {
	if p.id == 0 {
		return 0
	}
	n := len(p.titleLines()) + 3 // meta, legend, rule
	if safeLine(p.art.Link) != "" {
		n++
	}
	return n
}

// textWidth is the wrap width: the pane's, up to the text_width setting.
func (p *readerPane) textWidth() int { return min(max(10, p.w-2), p.sh.textWidth) }

func (p *readerPane) rewrap() {
	p.wrapW = p.textWidth()
	p.lines = wrapArticle(p.text, p.wrapW, p.hl.marks)
	p.painted = nil
	top := p.top()
	p.skip = p.headlineLines()
	p.setTop(top)
}

// headlineLines counts the wrapped lines at the top of the text that repeat
// the title shown in the header (and the blank lines after it).
func (p *readerPane) headlineLines() int {
	title := strings.TrimSpace(p.art.Title)
	first, _, _ := strings.Cut(p.text, "\n")
	if title == "" || strings.TrimSpace(first) != title {
		return 0
	}
	n := 0
	for n < len(p.lines) && p.lines[n].start < len(first) {
		n++
	}
	for n < len(p.lines) && p.lines[n].start == p.lines[n].end {
		n++
	}
	if n >= len(p.lines) {
		return 0
	}
	return n
}

// top is the first line on screen.
func (p *readerPane) top() int { return p.skip + p.vp.YOffset }

// setTop scrolls line to the top of the body, as far as the text goes.
func (p *readerPane) setTop(line int) {
	p.paint()
	p.vp.SetYOffset(line - p.skip)
}

// scrollTo brings line into view, a third of the way down the body, unless
// it is on screen already.
func (p *readerPane) scrollTo(line int) {
	if top, bh := p.top(), p.bodyHeight(); line < top || line >= top+bh {
		p.setTop(line - bh/3)
	}
}

// lineOf returns the wrapped line holding byte pos.
func (p *readerPane) lineOf(pos int) int {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i].end >= pos })
	return clamp(i, 0, max(0, len(p.lines)-1))
}

func (p *readerPane) scrollBy(d int) { p.setTop(p.top() + d) }

// selectStatement marks statement i and scrolls it into view, a third of
// the way down the body.
func (p *readerPane) selectStatement(i int) {
	if i < 0 || i >= len(p.doc.Statements) {
		return
	}
	p.sel = i
	p.clearEntity()
	p.painted = nil
	s := p.doc.Statements[i]
	first, last := p.lineOf(s.Start), p.lineOf(s.End)
	if top, bh := p.top(), p.bodyHeight(); first < top || last >= top+bh {
		p.setTop(first - bh/3)
	}
}

func (p *readerPane) update(msg tea.KeyMsg) tea.Cmd {
	// a page keeps two lines of the last one in view
	if d, ok := movement(p.sh.keys, msg, p.bodyHeight()-2, len(p.lines)); ok {
		p.scrollBy(d)
	}
	return nil
}

// selectedRange is the byte range of the selected statement, if any.
func (p *readerPane) selectedRange() (int, int, bool) {
	if p.sel < 0 || p.sel >= len(p.doc.Statements) {
		return 0, 0, false
	}
	s := p.doc.Statements[p.sel]
	return s.Start, s.End, true
}

// paint paints the lines (gutter and highlights) when they are stale and
// gives the viewport the lines under the headline.
func (p *readerPane) paint() {
	// no width: the lines are wrapped already, and block pads them; a width
	// would make lipgloss wrap every line again at each frame
	p.vp.Width, p.vp.Height = 0, p.bodyHeight()
	if p.painted != nil && p.wrapW == p.textWidth() {
		return
	}
	if p.wrapW != p.textWidth() {
		p.rewrap() // which paints
		return
	}
	st := &p.sh.st
	start, end, hasSel := p.selectedRange()
	cur := p.hl.cur
	p.painted = make([]string, len(p.lines))
	for i, ln := range p.lines {
		gutter := " "
		if hasSel && ln.end > start && ln.start < end {
			gutter = st.Accent.Render("▎")
		} else if cur.end > cur.start && ln.end > cur.start && ln.start < cur.end {
			gutter = st.Accent.Render("›")
		}
		p.painted[i] = gutter + p.hl.paintLine(p.text, ln, p.sel, st)
	}
	p.vp.SetContent(strings.Join(p.painted[min(p.skip, len(p.painted)):], "\n"))
}

func (p *readerPane) view(focused bool) string {
	st := p.sh.st
	title := "Article"
	if p.annotated {
		title += " · " + plural(len(p.doc.Statements), "statement")
	}
	lines := []string{p.sh.paneTitle(title, focused, p.w)}
	switch {
	case p.id == 0:
		lines = append(lines, st.Muted.Render("  no article open"))
		return block(lines, p.w, p.h)
	case p.loadErr != "":
		lines = append(lines, st.Error.Render("  ! "+safeLine(p.loadErr)))
		return block(lines, p.w, p.h)
	}
	lines = append(lines, p.headerLines()...)
	if p.noText {
		k := p.sh.keys
		lines = append(lines, "", st.Muted.Render("  no text in the feed"), "",
			"  "+firstKey(k.OpenLink)+" open it in the browser · "+firstKey(k.FetchText)+" fetch the full text")
		return block(lines, p.w, p.h)
	}
	p.paint()
	p.vp.Height = min(p.vp.Height, p.h-len(lines))
	lines = append(lines, strings.Split(p.vp.View(), "\n")...)
	if !p.vp.AtBottom() {
		// how much of the text has been on screen
		pct := 100 * (p.vp.YOffset + p.vp.Height) / max(1, p.vp.TotalLineCount())
		last := strings.TrimRight(lines[len(lines)-1], " ") // the viewport pads it
		lines[len(lines)-1] = fit(last, p.w-5) + st.Muted.Render(fitLeft(fmt.Sprintf("%d%%", pct), 5))
	}
	return block(lines, p.w, p.h)
}

// cursorEntities are the entities the cursor visits: those painted, in
// text order.
func cursorEntities(doc nlp.Doc) []nlp.Entity {
	var out []nlp.Entity
	for _, e := range doc.Entities {
		if validRange(doc.Text, e.Start, e.End) {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	kept := out[:0]
	last := -1
	for _, e := range out {
		if e.Start >= last {
			kept = append(kept, e)
			last = e.End
		}
	}
	return kept
}

// moveEntity puts the cursor on the entity d steps away; with none under
// the cursor it starts from the first (or, going back, the last) entity on
// screen. It reports whether the cursor is on an entity.
func (p *readerPane) moveEntity(d int) bool {
	if len(p.ents) == 0 {
		return false
	}
	if p.ent < 0 {
		top, bottom := p.top(), p.top()+p.bodyHeight()-1
		i := -1
		if d > 0 {
			i = sort.Search(len(p.ents), func(i int) bool { return p.lineOf(p.ents[i].Start) >= top })
			if i == len(p.ents) {
				i = len(p.ents) - 1
			}
		} else {
			i = sort.Search(len(p.ents), func(i int) bool { return p.lineOf(p.ents[i].Start) > bottom }) - 1
			if i < 0 {
				i = 0
			}
		}
		p.ent = i
	} else {
		p.ent = clamp(p.ent+d, 0, len(p.ents)-1)
	}
	p.sel = -1
	e := p.ents[p.ent]
	p.hl.cur = span{e.Start, e.End, 0}
	p.painted = nil
	p.scrollTo(p.lineOf(e.Start))
	return true
}

func (p *readerPane) clearEntity() {
	p.ent = -1
	p.hl.cur = span{}
	p.painted = nil
}

// cursorEntity is the entity under the cursor.
func (p *readerPane) cursorEntity() (nlp.Entity, bool) {
	if p.ent < 0 || p.ent >= len(p.ents) {
		return nlp.Entity{}, false
	}
	return p.ents[p.ent], true
}
