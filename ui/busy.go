package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// A spinner (bubbles/spinner with its MiniDot frames) turns in the status
// line while the reader waits: a refresh, an article loading, annotating or
// fetching its full text; the same tick moves the refresh's progress bar.
// The ticks go through the package's tick, not the spinner's own timer, so
// that tests, which stop the clock, see its first frame.

type spinTickMsg struct{}

func newSpinner() spinner.Model { return spinner.New(spinner.WithSpinner(spinner.MiniDot)) }

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
	return tick(m.spinner.Spinner.FPS, func(time.Time) tea.Msg { return spinTickMsg{} })
}

func (m *Model) onSpinTick() tea.Cmd {
	m.spinning = false
	if !m.busy() {
		return nil
	}
	// the spinner's own next tick is dropped: spin schedules the next one
	m.spinner, _ = m.spinner.Update(spinner.TickMsg{ID: m.spinner.ID()})
	m.ref.animate()
	return m.spin()
}

// spinnerView is the current frame, or "" when nothing is going on.
func (m *Model) spinnerView() string {
	if !m.busy() {
		return ""
	}
	return m.spinner.View()
}
