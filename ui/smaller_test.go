package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

func TestHelpListsEveryKey(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 200, 60)
	d.keys("?")
	v := d.m.View()
	for _, want := range []string{"pgdown/ctrl+d/space", "pgup/ctrl+u/b", "ctrl+z", "enter/l/right", "esc/h/left"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
}

func TestPickerMovesWithJK(t *testing.T) {
	d := newDriver(t, testOptions(analystLib(t)), 160, 48)
	d.keys("L")
	first := d.m.View()
	d.keys("j")
	if strings.Contains(d.m.View(), "› j") {
		t.Fatalf("j typed into the empty filter instead of moving:\n%s", d.m.View())
	}
	d.keys("enter")
	v := d.m.View()
	status := v[strings.LastIndex(v, "\n")+1:]
	// the first row of the picker is not the chosen one
	if !strings.Contains(status, "[♛") || strings.Contains(first, "▸"+strings.TrimSuffix(strings.SplitN(strings.SplitN(status, "[♛ ", 2)[1], "]", 2)[0], " ")) {
		t.Fatalf("j did not move past the first leader: %q\n%s", status, first)
	}
	// once something is typed, j and k are letters
	d.keys("X", "C")
	d.typeText("uk")
	if v := d.m.View(); !strings.Contains(v, "› uk") {
		t.Errorf("k after typing is not a letter:\n%s", v)
	}
}

func TestCtrlZSuspends(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 80, 24)
	_, cmd := d.m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if cmd == nil || reflect.TypeOf(cmd()) != reflect.TypeOf(tea.Suspend()) {
		t.Fatal("ctrl+z does not suspend")
	}
}

func TestStartupWarningLeaves(t *testing.T) {
	old := tick
	defer func() { tick = old }()
	var fired []tea.Msg
	tick = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { msg := fn(time.Now()); fired = append(fired, msg); return msg }
	}
	o := testOptions(fixtureLib(t))
	o.Warnings = []string{"config.toml:3:1: unknown key \"colour\" (ignored)"}
	m := New(o)
	if !strings.Contains(m.View(), "unknown key") {
		t.Fatalf("the warning is not shown:\n%s", m.View())
	}
	d := &driver{t: t, m: m}
	d.run(m.Init())
	if strings.Contains(m.View(), "unknown key") {
		t.Errorf("the warning never leaves the status line:\n%s", m.View())
	}
}

func TestQBacksOutOneLevelAndQuitsAtTheTop(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 160, 40)
	d.keys("enter", "tab") // the article, then its sidebar
	d.keys("q")
	if d.quit || !strings.Contains(d.m.View(), "▌Article") {
		t.Fatalf("q in the sidebar should go back to the article:\n%s", d.m.View())
	}
	d.keys("q")
	if d.quit || !strings.Contains(d.m.View(), "▌All articles") {
		t.Fatalf("q in the article should go back to the list:\n%s", d.m.View())
	}
	d.keys("?", "q")
	if d.quit || strings.Contains(d.m.View(), "herald — keys") {
		t.Fatalf("q in help should close it:\n%s", d.m.View())
	}
	d.keys("q")
	if !d.quit {
		t.Error("q at the top level does not quit")
	}
	d = newDriver(t, testOptions(fixtureLib(t)), 160, 40)
	d.keys("enter", "Q")
	if !d.quit {
		t.Error("Q does not quit from the reader")
	}
}

func TestHelpExplainsTheGlyphs(t *testing.T) {
	d := newDriver(t, testOptions(fixtureLib(t)), 200, 60)
	d.keys("?")
	v := d.m.View()
	for _, want := range []string{"❝ statements", "♛ leaders", "◎ a country", "● unread", "! the feed failed"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q:\n%s", want, v)
		}
	}
}
