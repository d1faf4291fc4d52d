package ui

import (
	"fmt"
	"github.com/charmbracelet/bubbles/progress"
	"regexp"
	"strconv"

	"github.com/charmbracelet/lipgloss"
)

// ThemeConfig holds the user's colours. Each value is "#rrggbb", an ANSI
// colour number (0-255), or "" for the adaptive default that suits both dark
// and light terminals.
type ThemeConfig struct {
	Leader    string
	Person    string
	Country   string
	Quote     string
	Accent    string
	Muted     string
	Error     string
	Selection string
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Validate reports the first colour that is neither empty, "#rrggbb" nor an
// ANSI number.
func (t ThemeConfig) Validate() error {
	for _, f := range t.fields() {
		if _, err := parseColour(f.value); err != nil {
			return fmt.Errorf("theme.%s: %w", f.name, err)
		}
	}
	return nil
}

type themeField struct{ name, value string }

func (t ThemeConfig) fields() []themeField {
	return []themeField{
		{"leader", t.Leader}, {"person", t.Person}, {"country", t.Country},
		{"quote", t.Quote}, {"accent", t.Accent}, {"muted", t.Muted},
		{"error", t.Error}, {"selection", t.Selection},
	}
}

// parseColour returns nil for "" (use the default).
func parseColour(s string) (lipgloss.TerminalColor, error) {
	if s == "" {
		return nil, nil
	}
	if hexColour.MatchString(s) {
		return lipgloss.Color(s), nil
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n <= 255 {
		return lipgloss.Color(s), nil
	}
	return nil, fmt.Errorf("colour %q is not #rrggbb or an ANSI number 0-255", s)
}

// Default colours: each pair is (light background, dark background).
var defaultColours = map[string]lipgloss.AdaptiveColor{
	"leader":    {Light: "#B3261E", Dark: "#FF7B72"},
	"person":    {Light: "#1F5FBF", Dark: "#79C0FF"},
	"country":   {Light: "#1A7F37", Dark: "#7EE787"},
	"quote":     {Light: "#8250DF", Dark: "#D2A8FF"},
	"accent":    {Light: "#0969DA", Dark: "#58A6FF"},
	"muted":     {Light: "#6E7781", Dark: "#8B949E"},
	"error":     {Light: "#CF222E", Dark: "#FF7B72"},
	"selection": {Light: "#DDF4FF", Dark: "#1F3A5F"},
}

// span classes painted in the reader.
const (
	clsNone = iota
	clsLeader
	clsPerson
	clsCountry
	numEntityClasses
)

// Styles is every style the UI paints with, built once from the theme.
type Styles struct {
	NoColor bool

	Accent, Muted, Error, Bold lipgloss.Style
	Title, Link                lipgloss.Style
	PaneTitle, PaneTitleFocus  lipgloss.Style
	Selected, SelectedFocus    lipgloss.Style
	Unread                     lipgloss.Style
	Separator                  lipgloss.Style
	Status, Chip               lipgloss.Style
	Overlay                    lipgloss.Style
	progress                   progress.Model // the refresh's bar (see progressBar)
	renderer                   *lipgloss.Renderer
	accent, muted              lipgloss.TerminalColor

	// text[entity class][in quote][selected quote]
	text [numEntityClasses][2][2]lipgloss.Style
}

// newStyles builds the styles from the theme with renderer r. With noColor
// no colour is used at all; highlights fall back to bold, underline and
// italic so the reader stays usable.
func newStyles(r *lipgloss.Renderer, tc ThemeConfig, noColor bool) (Styles, error) {
	err := tc.Validate()
	col := func(name, v string) lipgloss.TerminalColor {
		if noColor {
			return lipgloss.NoColor{}
		}
		if c, e := parseColour(v); e == nil && c != nil {
			return c
		}
		return defaultColours[name]
	}
	leader, person, country := col("leader", tc.Leader), col("person", tc.Person), col("country", tc.Country)
	quote, accent, muted := col("quote", tc.Quote), col("accent", tc.Accent), col("muted", tc.Muted)
	errc, sel := col("error", tc.Error), col("selection", tc.Selection)

	ns := r.NewStyle
	s := Styles{NoColor: noColor}
	s.Accent = ns().Foreground(accent)
	s.Muted = ns().Foreground(muted)
	s.Error = ns().Foreground(errc).Bold(true)
	s.Bold = ns().Bold(true)
	s.Title = ns().Bold(true)
	s.Link = ns().Foreground(accent).Underline(true)
	s.PaneTitle = ns().Foreground(muted).Bold(true)
	s.PaneTitleFocus = ns().Foreground(accent).Bold(true).Underline(true)
	s.Unread = ns().Foreground(accent).Bold(true)
	s.Separator = ns().Foreground(muted)
	s.Status = ns()
	s.Chip = ns().Foreground(accent).Bold(true)
	s.Overlay = ns().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.progress = progress.New(progress.WithWidth(12), progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'),
		progress.WithColorProfile(r.ColorProfile()))
	s.renderer, s.accent, s.muted = r, accent, muted
	if noColor {
		s.Selected = ns().Bold(true)
		s.SelectedFocus = ns().Reverse(true)
	} else {
		s.Selected = ns().Background(sel)
		s.SelectedFocus = ns().Background(sel).Bold(true)
	}

	for cls := 0; cls < numEntityClasses; cls++ {
		for inQ := 0; inQ < 2; inQ++ {
			for selQ := 0; selQ < 2; selQ++ {
				st := ns()
				if inQ == 1 {
					st = st.Foreground(quote).Italic(true)
				}
				switch cls {
				case clsLeader:
					st = st.Foreground(leader).Bold(true).Underline(noColor)
				case clsPerson:
					st = st.Foreground(person).Bold(true)
				case clsCountry:
					st = st.Foreground(country).Underline(noColor)
				}
				if selQ == 1 {
					if noColor {
						st = st.Reverse(true)
					} else {
						st = st.Background(sel)
					}
				}
				s.text[cls][inQ][selQ] = st
			}
		}
	}
	return s, err
}

// colourString is c as bubbles/progress takes colours ("#rrggbb" or an
// ANSI number), "" for no colour.
func colourString(r *lipgloss.Renderer, c lipgloss.TerminalColor) string {
	switch c := c.(type) {
	case lipgloss.Color:
		return string(c)
	case lipgloss.AdaptiveColor:
		if r.HasDarkBackground() {
			return c.Dark
		}
		return c.Light
	}
	return ""
}

// progressBar draws the refresh's bar (bubbles/progress), filled to
// fraction f.
func (s *Styles) progressBar(f float64) string {
	// Adaptive colours ask the terminal for its background (once, cached by
	// the renderer): not before a bar is drawn, as for lipgloss's styles.
	p := s.progress
	p.FullColor, p.EmptyColor = colourString(s.renderer, s.accent), colourString(s.renderer, s.muted)
	return p.ViewAs(max(0, min(1, f)))
}
