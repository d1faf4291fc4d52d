package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// A spinner (bubbles/spinner's MiniDot frames) turns in the status line
// while the reader waits: a refresh, an article loading, annotating or
// fetching its full text. It ticks through the package's tick, so tests,
// which stop the clock, see its first frame.

type spinTickMsg struct{}

var busyFrames = spinner.MiniDot

// busy reports whether the reader is waiting on something.
func (m *Model) busy() bool {
	r := m.reader
	return m.ref.running || (m.reading && (r.loading || r.fetching || (!r.annotated && m.sh.ann != nil && r.loadErr == "" && r.annotErr == "")))
}

// spin keeps the spinner turning while the reader is busy.
func (m *Model) spin() tea.Cmd {
	if m.spinning || !m.busy() {
		return nil
	}
	m.spinning = true
	return tick(busyFrames.FPS, func(time.Time) tea.Msg { return spinTickMsg{} })
}

func (m *Model) onSpinTick() tea.Cmd {
	m.spinning = false
	if !m.busy() {
		return nil
	}
	m.spinFrame = (m.spinFrame + 1) % len(busyFrames.Frames)
	return m.spin()
}

// spinner is the current frame, or "" when nothing is going on.
func (m *Model) spinner() string {
	if !m.busy() {
		return ""
	}
	return busyFrames.Frames[m.spinFrame]
}
