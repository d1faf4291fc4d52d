package ui

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// lineInput is the one-line input of the pickers and the search:
// bubbles/textinput with a steady cursor, whose typed and pasted text is
// filtered by the project's sanitising policy first, so that no control or
// bidirectional character ever enters it.
type lineInput struct {
	ti textinput.Model
}

func newInput(prompt, placeholder string) *lineInput {
	ti := textinput.New()
	ti.Prompt, ti.Placeholder, ti.CharLimit = prompt, placeholder, 200
	ti.Cursor.SetMode(cursor.CursorStatic)
	ti.Focus()
	return &lineInput{ti: ti}
}

func (in *lineInput) Value() string { return in.ti.Value() }

func (in *lineInput) SetValue(s string) {
	in.ti.SetValue(string(clean([]rune(s))))
	in.ti.CursorEnd()
}

// clean turns newlines and tabs into spaces and drops what sanitize would.
func clean(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			r = ' '
		case unsafeRune(r):
			continue
		}
		out = append(out, r)
	}
	return out
}

// update edits the value; it reports whether the key was an editing key.
func (in *lineInput) update(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyRunes:
		msg.Runes = clean(msg.Runes)
	case tea.KeySpace, tea.KeyBackspace, tea.KeyDelete, tea.KeyLeft, tea.KeyRight,
		tea.KeyHome, tea.KeyEnd, tea.KeyCtrlA, tea.KeyCtrlE, tea.KeyCtrlU, tea.KeyCtrlW, tea.KeyCtrlK:
	default:
		return false
	}
	in.ti, _ = in.ti.Update(msg)
	return true
}

// view renders the prompt and the value in exactly w cells.
func (in *lineInput) view(st *Styles, w int) string {
	in.ti.Width = max(1, w-ansi.StringWidth(in.ti.Prompt)-1)
	in.ti.PlaceholderStyle = st.Muted
	in.ti.Cursor.Style = st.SelectedFocus
	return fit(in.ti.View(), w)
}
