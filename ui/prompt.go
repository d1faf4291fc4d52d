package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The prompts are overlays drawn in the status line instead of over the
// panes, so that the list (or the article) stays in view while one types
// or answers. Like every overlay they get the shared context and
// callbacks, never the model, and receive every key first.

// lineOverlay is an overlay drawn in the status line; the panes stay on
// screen and take the mouse.
type lineOverlay interface {
	overlay
	// line draws the prompt in exactly w cells.
	line(w int) string
}

// searchPrompt is the `/` input: a search filter over the list or, in the
// reader, words to find in the article.
type searchPrompt struct {
	sh    *shared
	in    *lineInput
	hint  string
	apply func(words string) tea.Cmd // with the words typed, spaces folded; "" drops the search
}

func newSearchPrompt(sh *shared, prompt, placeholder, value string, apply func(string) tea.Cmd) *searchPrompt {
	in := newInput(prompt, placeholder)
	in.SetValue(value)
	return &searchPrompt{sh: sh, in: in, hint: "enter search · esc cancel", apply: apply}
}

func (p *searchPrompt) update(msg tea.KeyMsg) (bool, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		return true, nil
	case tea.KeyEnter:
		return true, p.apply(strings.Join(strings.Fields(p.in.Value()), " "))
	}
	p.in.update(msg)
	return false, nil
}

func (p *searchPrompt) line(w int) string {
	st := p.sh.st
	hint := st.Muted.Render(p.hint)
	hw := lipgloss.Width(hint)
	if hw+20 > w {
		return p.in.view(&st, w)
	}
	return p.in.view(&st, w-hw-1) + " " + hint
}

// view is never called for a line overlay; it draws the line at the top.
func (p *searchPrompt) view(w, h int) string { return block([]string{p.line(w)}, w, h) }

// confirmPrompt asks a yes/no question: y, Y or enter says yes, any other
// key no.
type confirmPrompt struct {
	sh       *shared
	question string
	yes, no  func() tea.Cmd
}

func (p *confirmPrompt) update(msg tea.KeyMsg) (bool, tea.Cmd) {
	if s := msg.String(); s == "y" || s == "Y" || s == "enter" {
		return true, p.yes()
	}
	return true, p.no()
}

func (p *confirmPrompt) line(w int) string {
	return fit(p.sh.st.Accent.Render(shortenMessage(p.question+" y/n", w)), w)
}

func (p *confirmPrompt) view(w, h int) string { return block([]string{p.line(w)}, w, h) }
