package ui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/herald-reader/herald/nlp"
	"github.com/muesli/termenv"
)

func lineTexts(text string, lines []lineRange) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = text[l.start:l.end]
	}
	return out
}

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "one two", 10, []string{"one two"}},
		{"breaks at spaces", "one two three", 7, []string{"one two", "three"}},
		{"exact width", "abcde fghij", 5, []string{"abcde", "fghij"}},
		{"paragraphs", "a\nb", 10, []string{"a", "b"}},
		{"blank paragraph", "a\n\nb", 10, []string{"a", "", "b"}},
		{"long word", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"long word then more", "abcdefghij k", 4, []string{"abcd", "efgh", "ij k"}},
		{"multibyte", "Škoda Łódź Zürich", 10, []string{"Škoda Łódź", "Zürich"}},
		{"wide runes", "日本語のテキスト", 6, []string{"日本語", "のテキ", "スト"}},
		{"runs of spaces", "a    b", 3, []string{"a", "b"}},
		{"empty", "", 10, []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := lineTexts(tc.text, wrapText(tc.text, tc.width))
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrapText(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
			for _, l := range got {
				if w := ansi.StringWidth(l); w > tc.width {
					t.Errorf("line %q is %d wide", l, w)
				}
			}
		})
	}
}

// ansiStyles returns styles painted with real escape codes.
func ansiStyles(t *testing.T, noColor bool) *Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st, err := newStyles(r, ThemeConfig{}, noColor)
	if err != nil {
		t.Fatal(err)
	}
	return &st
}

func TestHighlightAcrossLineBreak(t *testing.T) {
	text := "Yesterday President Emmanuel Macron said “we will meet again soon” in Paris."
	doc := newDoc(t, text).
		entity(nlp.KindPerson, "emmanuel-macron", "Emmanuel Macron", true, "Emmanuel Macron", 0).
		entity(nlp.KindCountry, "france", "France", false, "Paris", 0).
		quote("we will meet again soon", macron).build()
	h := newHighlights(doc)
	lines := wrapText(text, 28) // "Emmanuel" ends line 1, "Macron" starts line 2
	got := lineTexts(text, lines)
	if !strings.HasSuffix(got[0], "Emmanuel") || !strings.HasPrefix(got[1], "Macron") {
		t.Fatalf("fixture does not break inside the name: %q", got)
	}
	// Every byte of every highlight is painted with its class, on whichever
	// line it landed, and nothing else is.
	classOf := make([]int, len(text))
	quoteOf := make([]int, len(text))
	for i := range quoteOf {
		quoteOf[i] = -1
	}
	for _, ln := range lines {
		for _, seg := range h.segments(ln, -1) {
			for b := seg.start; b < seg.end; b++ {
				classOf[b], quoteOf[b] = seg.cls, seg.quote
			}
		}
	}
	for _, e := range doc.Entities {
		want := clsPerson
		if e.Leader {
			want = clsLeader
		} else if e.Kind == nlp.KindCountry {
			want = clsCountry
		}
		for b := e.Start; b < e.End; b++ {
			if text[b] != ' ' && classOf[b] != want {
				t.Errorf("byte %d of %q has class %d, want %d", b, e.Text, classOf[b], want)
			}
		}
	}
	q := doc.Statements[0]
	for b := 0; b < len(text); b++ {
		in := b >= q.Start && b < q.End
		if text[b] != ' ' && (quoteOf[b] == 0) != in {
			t.Errorf("byte %d (%q): in quote %v, painted %v", b, text[b], in, quoteOf[b] == 0)
		}
	}
	// Painted with colours, each line strips back to its plain text, and the
	// name is styled on both lines.
	st := ansiStyles(t, false)
	leader := st.text[clsLeader][0][0]
	for i, ln := range lines {
		painted := h.paintLine(text, ln, -1, st)
		if ansi.Strip(painted) != got[i] {
			t.Errorf("line %d: stripped %q, want %q", i, ansi.Strip(painted), got[i])
		}
	}
	if p := h.paintLine(text, lines[0], -1, st); !strings.HasSuffix(p, leader.Render("Emmanuel")) {
		t.Errorf("line 1 does not end with the styled first name: %q", p)
	}
	if p := h.paintLine(text, lines[1], -1, st); !strings.HasPrefix(p, leader.Render("Macron")) {
		t.Errorf("line 2 does not start with the styled surname: %q", p)
	}
}

func TestSelectedQuoteAcrossLines(t *testing.T) {
	text := "He said “one two three four five six seven eight” and left."
	doc := newDoc(t, text).quote("one two three four five six seven eight", nil).build()
	h := newHighlights(doc)
	lines := wrapText(text, 20)
	if len(lines) < 3 {
		t.Fatalf("want the quote over several lines, got %q", lineTexts(text, lines))
	}
	for _, ln := range lines {
		for _, seg := range h.segments(ln, 0) {
			inQuote := seg.start >= doc.Statements[0].Start && seg.end <= doc.Statements[0].End
			if seg.selected != inQuote {
				t.Errorf("segment %q selected=%v", text[seg.start:seg.end], seg.selected)
			}
		}
	}
}

func TestHighlightsDropBadRanges(t *testing.T) {
	text := "Zürich and Bern"
	doc := nlp.Doc{Text: text, Entities: []nlp.Entity{
		{Kind: nlp.KindCountry, Start: 0, End: 2},   // inside "ü"
		{Kind: nlp.KindCountry, Start: 11, End: 99}, // past the end
		{Kind: nlp.KindCountry, Start: 5, End: 3},   // reversed
		{Kind: nlp.KindPerson, Start: 11, End: 15},  // fine
		{Kind: nlp.KindPerson, Start: 12, End: 14},  // overlaps the previous
	}, Statements: []nlp.Statement{{Start: -1, End: 3}}}
	h := newHighlights(doc)
	if len(h.entities) != 1 || h.entities[0] != (span{11, 15, clsPerson}) || len(h.quotes) != 0 {
		t.Errorf("kept %+v %+v", h.entities, h.quotes)
	}
	st := ansiStyles(t, false)
	for _, ln := range wrapText(text, 6) {
		if got := ansi.Strip(h.paintLine(text, ln, -1, st)); got != text[ln.start:ln.end] {
			t.Errorf("painted %q, want %q", got, text[ln.start:ln.end])
		}
	}
}

func TestDisplayTextStripsControls(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\x1b[2Jb", "ab"}, // feeds/sanitize drops the whole sequence
		{"tab\there", "tab here"},
		{"bell\x07", "bell"},
		{"c1\u009b31m", "c1"},
		{"osc\x1b]52;c;ZXZpbA==\x07 end", "osc end"},
		{"line\nbreak", "line break"},
		{"bidi\u202eevil", "bidievil"},
		{"del\x7f", "del"},
	} {
		if got := displayText(tc.in); got != tc.want {
			t.Errorf("displayText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNoColorKeepsEmphasis(t *testing.T) {
	st := ansiStyles(t, true)
	for _, cls := range []int{clsLeader, clsPerson, clsCountry} {
		out := st.text[cls][0][0].Render("x")
		if out == "x" {
			t.Errorf("class %d has no emphasis without colour", cls)
		}
		if strings.Contains(out, "38;") || strings.Contains(out, "48;") {
			t.Errorf("class %d uses colour under NO_COLOR: %q", cls, out)
		}
	}
	if st.text[clsLeader][0][0].Render("x") == st.text[clsPerson][0][0].Render("x") {
		t.Error("leaders and people look the same without colour")
	}
	if out := st.text[clsNone][1][1].Render("x"); !strings.Contains(out, "7") {
		t.Errorf("the selected quote is not reversed without colour: %q", out)
	}
}

func TestThemeValidate(t *testing.T) {
	for _, tc := range []struct {
		theme ThemeConfig
		ok    bool
	}{
		{ThemeConfig{}, true},
		{ThemeConfig{Leader: "#ff0000", Muted: "244", Quote: "5"}, true},
		{ThemeConfig{Leader: "red"}, false},
		{ThemeConfig{Accent: "#fff"}, false},
		{ThemeConfig{Error: "256"}, false},
		{ThemeConfig{Selection: "-1"}, false},
	} {
		err := tc.theme.Validate()
		if (err == nil) != tc.ok {
			t.Errorf("%+v: err %v, want ok=%v", tc.theme, err, tc.ok)
		}
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st, _ := newStyles(r, ThemeConfig{Leader: "#123456"}, false)
	if out := st.text[clsLeader][0][0].Render("x"); !strings.Contains(out, "18;52;86") {
		t.Errorf("configured leader colour not used: %q", out)
	}
}
