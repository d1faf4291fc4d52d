package ui

import (
	"github.com/charmbracelet/x/ansi"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/nlp"
	"github.com/herald-reader/herald/nlp/gazetteer"
)

// typeText sends each rune of s as a key.
func (d *driver) typeText(s string) {
	for _, r := range s {
		d.keys(string(r))
	}
}

func (d *driver) listIDs() []int64 {
	var ids []int64
	for i := 0; i < d.state().Listed; i++ {
		if it, ok := d.m.ListRow(i); ok {
			ids = append(ids, it.ID)
		}
	}
	return ids
}

func TestPickerChipsFilterTheList(t *testing.T) {
	lib := analystLib(t)
	d := newDriver(t, testOptions(lib), 160, 48)
	steps := []struct {
		name         string
		do           func()
		wantEntities []string
		wantIDs      []int64
		wantStatus   []string
	}{
		{"leader picker, fuzzy query", func() { d.keys("L"); d.typeText("mcrn"); d.keys("enter") },
			[]string{"emmanuel-macron"}, []int64{6, 1}, []string{"[♛ Emmanuel Macron]"}},
		{"country chip combines with AND", func() { d.keys("C"); d.typeText("franc"); d.keys("enter") },
			[]string{"emmanuel-macron", "france"}, []int64{1}, []string{"[♛ Emmanuel Macron]", "[◎ France]"}},
		{"remove the last chip", func() { d.keys("x") },
			[]string{"emmanuel-macron"}, []int64{6, 1}, []string{"[♛ Emmanuel Macron]"}},
		{"second leader", func() { d.keys("L"); d.typeText("merz"); d.keys("enter") },
			[]string{"emmanuel-macron", "friedrich-merz"}, []int64{1}, []string{"[♛ Friedrich Merz]"}},
		{"clear all", func() { d.keys("X") }, nil, []int64{3, 6, 1, 5, 7, 2, 4}, nil},
	}
	for _, s := range steps {
		s.do()
		if d.state().Overlay != "" {
			t.Fatalf("%s: the picker is still open", s.name)
		}
		q := lib.lastQuery()
		if !reflect.DeepEqual(q.Entities, s.wantEntities) {
			t.Errorf("%s: list queried with entities %q, want %q", s.name, q.Entities, s.wantEntities)
		}
		if got := d.listIDs(); !reflect.DeepEqual(got, s.wantIDs) {
			t.Errorf("%s: list shows %v, want %v", s.name, got, s.wantIDs)
		}
		status := statusLine(d.m)
		for _, w := range s.wantStatus {
			if !strings.Contains(status, w) {
				t.Errorf("%s: status line %q lacks %q", s.name, status, w)
			}
		}
		if len(s.wantStatus) == 0 && strings.Contains(status, "♛") {
			t.Errorf("%s: status line still has a chip: %q", s.name, status)
		}
	}
}

// pickerRow is an entity as the picker lists it.
type pickerRow struct {
	name               string
	mentions, articles int
}

var pickerRowRE = regexp.MustCompile(`│ [▸ ] (.+?) +(\d+) +(\d+) │`)

// pickerRows reads the picker's rows off the screen.
func pickerRows(view string) []pickerRow {
	var rows []pickerRow
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		if m := pickerRowRE.FindStringSubmatch(l); m != nil {
			mentions, _ := strconv.Atoi(m[2])
			articles, _ := strconv.Atoi(m[3])
			rows = append(rows, pickerRow{m[1], mentions, articles})
		}
	}
	return rows
}

func TestPickerCountsFollowFiltersAndEscCancels(t *testing.T) {
	lib := analystLib(t)
	d := newDriver(t, testOptions(lib), 100, 30)
	d.keys("L")
	if d.state().Overlay != "picker" {
		t.Fatal("L did not open the leader picker")
	}
	// Macron and Merz are in two articles each, Zelensky in one.
	want := []pickerRow{{"Emmanuel Macron", 4, 2}, {"Friedrich Merz", 4, 2}, {"Volodymyr Zelensky", 2, 1}}
	if rows := pickerRows(d.m.View()); !reflect.DeepEqual(rows, want) {
		t.Fatalf("picker lists %v, want %v", rows, want)
	}
	view := d.m.View()
	for _, w := range []string{"Filter by leader", "Volodymyr Zelensky", "mentions articles"} {
		if !strings.Contains(view, w) {
			t.Errorf("picker view lacks %q:\n%s", w, view)
		}
	}
	d.typeText("zel")
	if rows := pickerRows(d.m.View()); len(rows) != 1 || rows[0].name != "Volodymyr Zelensky" {
		t.Errorf("typing zel matches %v", rows)
	}
	d.keys("esc")
	if d.state().Overlay != "" || len(d.state().Chips) != 0 {
		t.Fatal("esc did not close the picker without a chip")
	}
	// With a Zelensky chip, the country picker counts only article 7.
	d.keys("L")
	d.typeText("zel")
	d.keys("enter", "C")
	if rows := pickerRows(d.m.View()); len(rows) != 1 || rows[0].name != "Ukraine" || rows[0].articles != 1 {
		t.Errorf("country picker under a Zelensky chip: %v", rows)
	}
	// A chosen leader is not offered again.
	d.keys("esc", "L")
	rows := pickerRows(d.m.View())
	for _, r := range rows {
		if r.name == "Volodymyr Zelensky" {
			t.Error("the leader already chosen is offered again")
		}
	}
	// under the Zelensky chip only article 7 counts, where Merz is named too
	if want := []pickerRow{{"Friedrich Merz", 2, 1}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("the leader picker under a leader chip lists %v, want %v", rows, want)
	}
}

func TestFoldNameMatchesWithoutDiacritics(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"Côte d’Ivoire", "cote d’ivoire"},
		{"ÉMILE", "emile"},
	} {
		if got := foldName(tc.in); got != tc.want {
			t.Errorf("foldName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if n, m := len([]rune(tc.in)), len([]rune(foldName(tc.in))); n != m {
			t.Errorf("foldName(%q) changed the rune count %d → %d", tc.in, n, m)
		}
	}
}

func TestSearchFlow(t *testing.T) {
	lib := analystLib(t)
	d := newDriver(t, testOptions(lib), 160, 48)
	d.keys("/")
	d.typeText("zzz")
	if !strings.Contains(d.m.View(), "/ zzz") {
		t.Errorf("the status line does not show the search being typed:\n%s", statusLine(d.m))
	}
	// the prompt is an overlay in the status line: it takes every key
	// (j is typed, the cursor stays) and the list stays in view
	d.keys("j")
	if s := d.state(); s.Overlay != "search" || s.Cursor != 0 || !strings.Contains(d.m.View(), "/ zzzj") {
		t.Errorf("while typing a search: overlay %q, cursor %d:\n%s", s.Overlay, s.Cursor, d.m.View())
	}
	if v := d.m.View(); !strings.Contains(v, berlinTitle[:20]) {
		t.Errorf("the list is hidden while typing a search:\n%s", v)
	}
	d.keys("esc")
	if q := lib.lastQuery(); q.Search != "" || len(d.state().Chips) != 0 || d.state().Overlay != "" {
		t.Fatalf("esc applied the search (%+v) or left the prompt open", q)
	}
	d.keys("L")
	d.typeText("merz")
	d.keys("enter", "/")
	d.typeText("air defence")
	d.keys("enter")
	q := lib.lastQuery()
	if q.Search != "air defence" || !reflect.DeepEqual(q.Entities, []string{"friedrich-merz"}) {
		t.Fatalf("search + chip queried %+v", q)
	}
	if got := d.listIDs(); !reflect.DeepEqual(got, []int64{7}) {
		t.Errorf("list shows %v, want [7]", got)
	}
	if s := statusLine(d.m); !strings.Contains(s, "[/ air defence]") {
		t.Errorf("status lacks the search chip: %q", s)
	}
	// A new search replaces the old one; the search clears like a chip.
	d.keys("/", "ctrl+u")
	d.typeText("ceasefire")
	d.keys("enter")
	if q := lib.lastQuery(); q.Search != "ceasefire" || len(d.state().Chips) != 2 {
		t.Fatalf("second search: %+v, chips %v", q, d.state().Chips)
	}
	d.keys("x")
	if q := lib.lastQuery(); q.Search != "" || len(q.Entities) != 1 {
		t.Errorf("x did not remove the search chip: %+v", q)
	}
}

func TestCrossArticleSidebarOpensTheQuote(t *testing.T) {
	lib := analystLib(t)
	d := newDriver(t, testOptions(lib), 160, 48)
	d.keys("L")
	d.typeText("merz")
	d.keys("enter")
	view := d.m.View()
	for _, w := range []string{"Said: Friedrich Merz (2)", "Nothing is agreed", "We will keep helping", "World Desk · 2026-11-20"} {
		if !strings.Contains(view, w) {
			t.Errorf("browse view lacks %q:\n%s", w, view)
		}
	}
	// newest first: article 1 (2h ago) before article 7 (5h ago)
	if i, j := strings.Index(view, "Nothing is agreed"), strings.Index(view, "We will keep helping"); i > j {
		t.Error("the statements are not newest first")
	}
	d.keys("tab", "j", "j", "enter")
	if !d.state().Reading || d.state().Article != 7 {
		t.Fatalf("enter opened article %d (reading %v), want 7", d.state().Article, d.state().Reading)
	}
	if d.state().Statement != 0 || d.state().Sidebar != 0 {
		t.Errorf("the quote is not selected: reader %d, sidebar %d", d.state().Statement, d.state().Sidebar)
	}
	if !lib.isRead(7) {
		t.Error("the article opened from the sidebar is not marked read")
	}
	d.keys("esc")
	if d.state().Reading || d.state().Focus != "cross" {
		t.Errorf("esc went to %v (reading %v), want the cross-article sidebar", d.state().Focus, d.state().Reading)
	}
	// The first entry: Merz's quote, the second statement of article 1.
	d.keys("k", "enter")
	if d.state().Article != 1 || d.state().Statement != 1 {
		t.Errorf("opened article %d at statement %d, want 1 at 1", d.state().Article, d.state().Statement)
	}
	if v := d.m.View(); !strings.Contains(v, "▎") {
		t.Errorf("the quote is not marked in the reader:\n%s", v)
	}
}

func TestCrossSidebarAtNarrowWidthIsAToggle(t *testing.T) {
	d := newDriver(t, testOptions(analystLib(t)), 80, 24)
	d.keys("L")
	d.typeText("merz")
	d.keys("enter")
	if v := d.m.View(); hasPane(v, "Said:") || !hasPane(v, "Feeds") {
		t.Fatalf("the cross-article sidebar is shown at 80 columns without being asked for: panes %q", paneTitles(v))
	}
	d.keys("t")
	v := d.m.View()
	if feeds, cross := hasPane(v, "Feeds"), hasPane(v, "Said:"); !cross || feeds || d.state().Focus != "cross" {
		t.Fatalf("t: feeds %v cross %v focus %v (panes %q)", feeds, cross, d.state().Focus, paneTitles(v))
	}
	if v := d.m.View(); !strings.Contains(v, "We will keep helping") {
		t.Errorf("the sidebar is not drawn:\n%s", v)
	}
}

func TestReaderFilterBySpeakerAndEntityCursor(t *testing.T) {
	lib := analystLib(t)
	d := newDriver(t, testOptions(lib), 160, 48)
	// the list: 3, 6, 1, … — open article 1 (Geneva)
	d.keys("j", "j", "enter")
	if d.state().Article != 1 {
		t.Fatalf("opened %d", d.state().Article)
	}
	d.keys("f")
	if len(d.state().Chips) != 0 || !strings.Contains(d.state().Status, "select a statement") {
		t.Fatalf("f with nothing selected: chips %v, status %q", d.state().Chips, d.state().Status)
	}
	d.keys("n", "n", "f") // Merz's statement
	if q := lib.lastQuery(); !reflect.DeepEqual(q.Entities, []string{"friedrich-merz"}) {
		t.Fatalf("f on Merz's statement queried %q", q.Entities)
	}
	// ] starts at the first entity on screen and drops the statement selection.
	d.keys("]")
	if e := d.state().Entity; e != "emmanuel-macron" || d.state().Sidebar != -1 {
		t.Fatalf("] is on %q (side cursor %d)", e, d.state().Sidebar)
	}
	if !strings.Contains(d.m.View(), "› Emmanuel Macron") {
		t.Errorf("the status line does not name the entity under the cursor")
	}
	d.keys("]", "f")
	if q := lib.lastQuery(); !reflect.DeepEqual(q.Entities, []string{"friedrich-merz", "france"}) {
		t.Fatalf("f on France queried %q", q.Entities)
	}
	d.keys("[")
	if e := d.state().Entity; e != "emmanuel-macron" {
		t.Errorf("[ went to %q", e)
	}
	// esc shows the filtered list: only article 1 mentions Merz and France
	d.keys("esc")
	if got := d.listIDs(); !reflect.DeepEqual(got, []int64{1}) {
		t.Errorf("list after f: %v", got)
	}
}

func TestRemoveChipKeysAreRebindable(t *testing.T) {
	lib := analystLib(t)
	o := testOptions(lib)
	o.Keys = map[string][]string{"pick_leader": {"ctrl+l"}, "remove_chip": {"z"}}
	d := newDriver(t, o, 100, 30)
	d.keys("L")
	if d.state().Overlay != "" {
		t.Fatal("L still opens the picker after rebinding")
	}
	d.send(keyMsg("ctrl+l"))
	if d.state().Overlay != "picker" {
		t.Fatal("ctrl+l does not open the picker")
	}
	d.keys("enter", "x")
	if len(d.state().Chips) != 1 {
		t.Fatal("x still removes a chip after rebinding")
	}
	d.keys("z")
	if len(d.state().Chips) != 0 {
		t.Fatal("z does not remove the chip")
	}
}

func TestHelpScrollsWhenTooTall(t *testing.T) {
	d := newDriver(t, testOptions(analystLib(t)), 80, 14)
	d.keys("?")
	v := d.m.View()
	if !strings.Contains(v, "lines 1–") {
		t.Fatalf("help at 80×14 does not say it scrolls:\n%s", v)
	}
	d.keys("j", "j")
	if v2 := d.m.View(); !strings.Contains(v2, "lines 3–") {
		t.Errorf("j does not scroll the help:\n%s", v2)
	}
	d.keys("G") // bottom is not bound in help: the window stays valid
	d.keys("pgdown", "pgdown", "pgdown")
	if v3 := d.m.View(); !strings.Contains(v3, "export all filtered") {
		t.Errorf("the last binding cannot be scrolled to:\n%s", v3)
	}
}

func TestCrossSidebarMouse(t *testing.T) {
	d := newDriver(t, testOptions(analystLib(t)), 160, 48)
	d.keys("L")
	d.typeText("merz")
	d.keys("enter")
	x := paneX(d.m.View(), "Said:")
	if x < 0 {
		t.Fatalf("no cross-article sidebar:\n%s", d.m.View())
	}
	click := tea.MouseMsg{X: x + 3, Y: 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}
	d.send(click)
	if d.state().Focus != "cross" || d.state().Cross != 0 || d.state().Reading {
		t.Fatalf("first click: focus %v cursor %d reading %v", d.state().Focus, d.state().Cross, d.state().Reading)
	}
	d.send(click)
	if !d.state().Reading || d.state().Article != 1 || d.state().Statement != 1 {
		t.Errorf("second click opened %d at %d (reading %v)", d.state().Article, d.state().Statement, d.state().Reading)
	}
}

func TestHostileEntityNamesNeverReachTheTerminal(t *testing.T) {
	lib := analystLib(t)
	name := "Evil" + hostile + "Leader"
	doc := lib.anns[6]
	for i := range doc.Entities {
		if doc.Entities[i].ID == "emmanuel-macron" {
			doc.Entities[i].Name = name
		}
	}
	doc.Statements[0].Speaker = &nlp.Speaker{ID: "emmanuel-macron", Name: name, Leader: true}
	lib.anns[6] = doc
	delete(lib.anns, 1) // only article 6 names Macron now
	d := newDriver(t, testOptions(lib), 160, 48)
	d.keys("L")
	views := []string{d.m.View()}
	d.typeText("evil")
	d.keys("enter")
	views = append(views, d.m.View())
	if !strings.Contains(views[1], "EvilLeader") && !strings.Contains(views[1], "Evil") {
		t.Fatalf("the hostile leader is not on screen:\n%s", views[1])
	}
	for i, v := range views {
		for _, bad := range []string{"\x1b", "\u009b", "\x07", "\x00", "\x08", "\r", "\u202e"} {
			if strings.Contains(v, bad) {
				t.Errorf("view %d contains %q", i, bad)
			}
		}
	}
}

func TestPickerFindsGazetteerAliases(t *testing.T) {
	d := newDriver(t, testOptions(analystLib(t)), 100, 30)
	d.keys("C")
	d.typeText("deu") // Germany's ISO 3166 code; no country's name has d…e…u
	if rows := pickerRows(d.m.View()); len(rows) != 1 || rows[0].name != "Germany (deu)" {
		t.Fatalf("deu matches %v", rows)
	}
	if v := d.m.View(); !strings.Contains(v, "Germany (deu)") {
		t.Errorf("the alias is not shown:\n%s", v)
	}
	d.keys("backspace", "backspace", "backspace") // (ctrl+u is page up here)
	d.typeText("ukrainian")
	if rows := pickerRows(d.m.View()); len(rows) != 1 || !strings.HasPrefix(rows[0].name, "Ukraine") {
		t.Errorf("a demonym does not find its country: %v", rows)
	}
}

// An alias the config adds under [nlp] finds its leader in the picker, as
// it does for the annotator and herald export: one lookup serves them all.
func TestPickerFindsConfigAliases(t *testing.T) {
	base, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(base.Leaders, func(l gazetteer.Leader) bool { return l.ID == "emmanuel-macron" })
	if i < 0 {
		t.Fatal("emmanuel-macron is not in the gazetteer")
	}
	l := base.Leaders[i]
	l.Aliases = []string{"Jupiter"}
	ann, err := nlp.New(nlp.Options{Extra: gazetteer.Data{Leaders: []gazetteer.Leader{l}}})
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(analystLib(t))
	opts.Annotator = ann
	d := newDriver(t, opts, 100, 30)
	d.keys("L")
	d.typeText("jupiter")
	if v := d.m.View(); !strings.Contains(v, "Emmanuel Macron (jupiter)") {
		t.Errorf("the config's alias does not find Macron:\n%s", v)
	}
}

// Typing a name and enter before the picker's entities have arrived still
// chooses: the enter waits for them and takes the first match.
func TestPickerEnterBeforeEntitiesLoad(t *testing.T) {
	lib := analystLib(t)
	d := newDriver(t, testOptions(lib), 160, 48)
	_, load := d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("L")}) // the load is not run yet
	for _, r := range "macron" {
		d.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	d.m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if d.state().Overlay != "picker" {
		t.Fatalf("overlay %q before the entities arrive, want the picker still open", d.state().Overlay)
	}
	d.run(load)
	if d.state().Overlay != "" {
		t.Errorf("overlay %q after the entities arrived, want the picker closed", d.state().Overlay)
	}
	if q := lib.lastQuery(); !reflect.DeepEqual(q.Entities, []string{"emmanuel-macron"}) {
		t.Errorf("filter %v, want Emmanuel Macron's chip", q.Entities)
	}
}
