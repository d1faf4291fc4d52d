package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// View draws the panes side by side, the status line under them and the
// open overlay over them (a prompt over the status line).
func (m *Model) View() string {
	bodyH := max(3, m.height-1)
	var body string
	if _, inLine := m.overlay.(lineOverlay); m.overlay != nil && !inLine {
		body = m.overlay.view(m.width, bodyH)
	} else {
		var cols []string
		for _, f := range m.panes() {
			cols = append(cols, m.paneView(f))
		}
		body = joinColumns(cols, bodyH, m.sh.st.Separator.Render("│"))
	}
	return body + "\n" + m.statusView() + m.statusOSC
}

func (m *Model) paneView(f focus) string {
	return m.pane(f).view(f == m.focus)
}

// joinColumns puts blocks of equal height side by side with a separator.
func joinColumns(cols []string, h int, sep string) string {
	split := make([][]string, len(cols))
	for i, c := range cols {
		split[i] = strings.Split(c, "\n")
	}
	var b strings.Builder
	for y := 0; y < h; y++ {
		if y > 0 {
			b.WriteByte('\n')
		}
		for i, lines := range split {
			if i > 0 {
				b.WriteString(sep)
			}
			if y < len(lines) {
				b.WriteString(lines[y])
			}
		}
	}
	return b.String()
}

// statusView is the bottom line: what the list shows, refresh progress or
// the latest message, and the help hint.
func (m *Model) statusView() string {
	st := m.sh.st
	if p, ok := m.overlay.(lineOverlay); ok {
		return p.line(m.width)
	}
	chipW := clamp(m.width/4, 12, 40)
	left := st.Chip.Render(chipLabel(m.feeds.activeLabel(), chipW))
	if m.unreadOnly {
		left += " " + st.Chip.Render("[unread]")
	}
	for _, c := range m.chips {
		left += " " + st.Chip.Render(chipLabel(c.label(), chipW))
	}
	if e, ok := m.reader.cursorEntity(); m.reading && ok {
		left += "  › " + safeLine(e.Name)
	}
	if i := m.side.cursor; m.reading && !m.sidebarVisible() && i >= 0 && i < len(m.side.stmts) {
		// the sidebar is collapsed: name the selected statement's speaker here
		left += fmt.Sprintf("  ❝ %d/%d %s", i+1, len(m.side.stmts), speakerLabel(m.side.stmts[i]))
	}
	if s := m.spinnerView(); s != "" {
		left += " " + st.Accent.Render(s)
	}
	if r := m.ref.view(&st); r != "" {
		left += "  " + r
	}
	w := m.width
	hint := m.hints()
	if lipgloss.Width(left)+lipgloss.Width(m.status)+lipgloss.Width(hint)+3 > w {
		// the filters and what is happening matter more than the full hint
		hint = st.Muted.Render(shortKeys(m.sh.keys.Help) + " help")
	}
	hw := lipgloss.Width(hint)
	if m.status != "" {
		// the message wins over the chips: they give room down to a quarter
		// of the line, then the message is shortened from its middle
		room := w - hw - 1 - 2
		if need := lipgloss.Width(m.status); lipgloss.Width(left)+need > room {
			left = ansi.Truncate(left, max(w/4, room-need), "…")
		}
		s := shortenMessage(m.status, max(1, room-lipgloss.Width(left)))
		if m.statusErr {
			s = st.Error.Render(s)
		}
		left += "  " + s
	}
	if hw+10 > w {
		return fit(left, w)
	}
	return fit(left, w-hw-1) + " " + hint
}

// hints is the key hint for the current mode.
func (m *Model) hints() string {
	k := m.sh.keys
	var parts []key.Binding
	add := func(keys, desc string) {
		parts = append(parts, key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc)))
	}
	if m.reading {
		add(shortKeys(k.NextStatement), "quote")
		add(shortKeys(k.FilterEntity), "filter")
		add(shortKeys(k.ExportArticle), "export")
	} else {
		add(shortKeys(k.Open), "open")
		add(shortKeys(k.PickLeader)+"/"+shortKeys(k.PickCountry), "filter")
		add(shortKeys(k.Search), "search")
	}
	if len(m.chips) > 0 {
		add(firstKey(k.RemoveChip), "unfilter")
	}
	add(shortKeys(k.Help), "help")
	h := m.help // bubbles/help's short view, in the theme's muted colour
	h.ShortSeparator = " · "
	st := m.sh.st
	h.Styles.ShortKey, h.Styles.ShortDesc, h.Styles.ShortSeparator = st.Muted, st.Muted, st.Muted
	return h.ShortHelpView(parts)
}

// shortKeys is a binding's first two keys, for hints.
func shortKeys(b key.Binding) string {
	ks := b.Keys()
	return helpKeys(ks[:min(2, len(ks))])
}

// firstKey is a binding's shortest key, for short hints.
func firstKey(b key.Binding) string {
	best := ""
	for _, k := range b.Keys() {
		if l := keyLabel(k); best == "" || len(l) < len(best) {
			best = l
		}
	}
	return best
}
