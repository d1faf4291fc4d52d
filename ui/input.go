package ui

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// lineInput is a one-line text input for the pickers and the search: typed
// and pasted text, the cursor keys, backspace and delete, ctrl+a/e/u/w.
// Control characters never enter it.
type lineInput struct {
	prompt      string
	placeholder string
	value       []rune
	pos         int
	limit       int
}

func newInput(prompt, placeholder string) *lineInput {
	return &lineInput{prompt: prompt, placeholder: placeholder, limit: 200}
}

func (in *lineInput) Value() string { return string(in.value) }

func (in *lineInput) SetValue(s string) {
	in.value = nil
	in.pos = 0
	in.insert([]rune(s))
}

func (in *lineInput) insert(rs []rune) {
	var clean []rune
	for _, r := range rs {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			r = ' '
		case unsafeRune(r) || unicode.IsControl(r):
			continue
		}
		clean = append(clean, r)
	}
	if room := in.limit - len(in.value); len(clean) > room {
		clean = clean[:max(0, room)]
	}
	v := make([]rune, 0, len(in.value)+len(clean))
	v = append(append(append(v, in.value[:in.pos]...), clean...), in.value[in.pos:]...)
	in.value = v
	in.pos += len(clean)
}

// update edits the value; it reports whether the key was an editing key.
func (in *lineInput) update(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyRunes:
		in.insert(msg.Runes)
	case tea.KeySpace:
		in.insert([]rune{' '})
	case tea.KeyBackspace:
		if in.pos > 0 {
			in.value = append(in.value[:in.pos-1], in.value[in.pos:]...)
			in.pos--
		}
	case tea.KeyDelete:
		if in.pos < len(in.value) {
			in.value = append(in.value[:in.pos], in.value[in.pos+1:]...)
		}
	case tea.KeyLeft:
		in.pos = max(0, in.pos-1)
	case tea.KeyRight:
		in.pos = min(len(in.value), in.pos+1)
	case tea.KeyHome, tea.KeyCtrlA:
		in.pos = 0
	case tea.KeyEnd, tea.KeyCtrlE:
		in.pos = len(in.value)
	case tea.KeyCtrlU:
		in.value = append([]rune(nil), in.value[in.pos:]...)
		in.pos = 0
	case tea.KeyCtrlW:
		i := in.pos
		for i > 0 && in.value[i-1] == ' ' {
			i--
		}
		for i > 0 && in.value[i-1] != ' ' {
			i--
		}
		in.value = append(in.value[:i], in.value[in.pos:]...)
		in.pos = i
	default:
		return false
	}
	return true
}

// view renders the prompt and the value in w cells with the cursor shown
// as a block, scrolled so that the cursor stays visible.
func (in *lineInput) view(st *Styles, w int) string {
	if len(in.value) == 0 {
		return fit(in.prompt+st.SelectedFocus.Render(" ")+st.Muted.Render(in.placeholder), w)
	}
	avail := max(1, w-ansi.StringWidth(in.prompt)-1)
	start := 0
	for ansi.StringWidth(string(in.value[start:in.pos])) > avail-1 {
		start++
	}
	before := string(in.value[start:in.pos])
	at, after := " ", ""
	if in.pos < len(in.value) {
		at, after = string(in.value[in.pos]), string(in.value[in.pos+1:])
	}
	var b strings.Builder
	b.WriteString(in.prompt)
	b.WriteString(before)
	b.WriteString(st.SelectedFocus.Render(at))
	b.WriteString(after)
	return fit(b.String(), w)
}
