package ui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

func TestCopySaysWhichClipboard(t *testing.T) {
	o := testOptions(fixtureLib(t))
	var got string
	o.copy = func(s string) error { got = s; return nil }
	d := newDriver(t, o, 160, 40)
	openTitled(t, d, genevaTitle)
	d.keys("n", "y")
	if !strings.Contains(got, "We are closer to an agreement") {
		t.Errorf("the system clipboard got %q", got)
	}
	if v := d.m.View(); !strings.Contains(v, "copied to the system clipboard") {
		t.Errorf("the status does not name the system clipboard:\n%s", v)
	}

	o.copy = func(string) error { return errors.New("xclip: Can't open display") }
	d = newDriver(t, o, 200, 40)
	openTitled(t, d, genevaTitle)
	d.keys("n", "y")
	if v := d.m.View(); !strings.Contains(v, "system clipboard failed") || !strings.Contains(v, "OSC 52") {
		t.Errorf("a failed system copy does not fall back to OSC 52:\n%s", v)
	}
}

func TestCopyWithoutSystemClipboardUsesOSC52(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("TMUX", "/tmp/tmux-0/default,1,0")
	o := testOptions(fixtureLib(t))
	o.copy = nil
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(200, 40))
	wait := func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		},
			teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait(genevaTitle)
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("Lena Vogt")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
	wait("\x1b]52;c;"+base64.StdEncoding.EncodeToString([]byte("“We ")), "set-clipboard on")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// The OSC 52 sequence rides in the frames of one second after the copy,
// then leaves them, so repainting the status line does not copy again.
func TestOSC52LeavesTheFrameAfterASecond(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	o := testOptions(fixtureLib(t))
	o.copy = nil
	d := newDriver(t, o, 200, 40)
	openTitled(t, d, genevaTitle)
	d.keys("n", "y")
	seq := "\x1b]52;c;"
	if !strings.Contains(d.m.View(), seq) {
		t.Fatalf("the frame after y holds no OSC 52 sequence")
	}
	if len(d.timers) == 0 || d.timers[len(d.timers)-1] != time.Second {
		t.Fatalf("timers %v: want the last to be the sequence's second", d.timers)
	}
	d.fireTimer(len(d.timers) - 1)
	if strings.Contains(d.m.View(), seq) {
		t.Errorf("the sequence is still in the frame after its second")
	}
	if !strings.Contains(d.m.View(), "OSC 52") {
		t.Errorf("the status no longer says how the text was sent")
	}
}
