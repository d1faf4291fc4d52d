// Package ui is herald's terminal reader: a Bubble Tea program with a feeds
// pane, an article list, a reader that highlights leaders, people, countries
// and quotes, and a sidebar of the open article's statements.
//
// The root model (model.go) owns the panes, each in its own file, and one
// shared context (sizes, styles, keys, library). All I/O runs in tea.Cmds
// (commands.go) whose results carry the id or sequence number they belong
// to, so a late result for something no longer shown is dropped.
package ui

import (
	"context"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/store"
	"github.com/herald-reader/herald/nlp"
	"github.com/muesli/termenv"
)

// Library is the part of the store the reader uses; *store.Store
// satisfies it.
type Library interface {
	Feeds() ([]store.Feed, error)
	Articles(q store.ArticleQuery) ([]store.ArticleSummary, error)
	CountArticles(q store.ArticleQuery) (int, error)
	// CountArticlesUpTo counts up to limit: the count and true when
	// there are at most limit, else limit and false.
	CountArticlesUpTo(q store.ArticleQuery, limit int) (int, bool, error)
	Article(id int64) (store.Article, error)
	SetRead(id int64, read bool) error
	SetStarred(id int64, starred bool) error
	MarkFeedRead(feedID int64) error
	Annotation(articleID int64, version string) (nlp.Doc, bool, error)
	SaveAnnotation(articleID int64, hash, version string, doc nlp.Doc) error
	Unannotated(version string, limit int) ([]int64, error)
	// EntityCounts counts the leaders, people or countries the articles
	// matching q mention (kind "leader", "person" or "country").
	EntityCounts(kind string, q store.ArticleQuery) ([]store.EntityCount, error)
	// Statements lists the statements of the articles matching q, newest
	// first; speakerID "" means all; limit 0 means no limit.
	Statements(q store.ArticleQuery, speakerID string, limit int) ([]store.StatementRow, error)
}

var _ Library = (*store.Store)(nil)

// RefreshFunc refreshes every feed, calling progress after each one.
type RefreshFunc func(ctx context.Context, progress func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, error)

// Options configures the reader.
type Options struct {
	Library   Library
	Refresh   RefreshFunc // nil: no refreshing
	Annotator *nlp.Annotator

	RefreshInterval time.Duration // 0: no timer
	RefreshOnStart  bool
	ExportDir       string
	// Version is herald's version, for the front matter of exports.
	Version string

	Theme ThemeConfig
	// Keys rebinds actions (see DefaultKeyNames) to keys.
	Keys map[string][]string
	// Browser is the browser setting: a command with %u for the link, run
	// without a shell. "" uses BrowserEnv, then xdg-open or open.
	Browser string
	// BrowserEnv is $BROWSER: commands separated by colons, %s for the link.
	BrowserEnv string
	// Mutes hide the articles they match.
	Mutes []MuteRule
	// TextWidth is the widest the article text is wrapped (0: 80).
	TextWidth int
	// Mouse captures the mouse (Run only; tests send mouse messages).
	Mouse bool
	// OpenURL replaces the browser (tests).
	OpenURL func(url string) error
	// FetchText fetches an article page's full text (feeds' readability
	// extraction) and its links; nil: the fetch key says it is not available.
	FetchText func(ctx context.Context, link string) (string, []store.Link, error)
	// Warnings are shown once in the status line.
	Warnings []string

	// now is the clock for ages (tests fix it).
	now func() time.Time
	// copy writes to the clipboard (tests replace it).
	copy func(string) error
	// renderer paints the styles (tests use one with a fixed profile).
	renderer *lipgloss.Renderer
}

// Run starts the reader full screen and returns when the user quits.
func Run(o Options) error {
	if noColor() {
		// NO_COLOR means no colour, not no emphasis: keep bold and underline.
		lipgloss.SetColorProfile(termenv.ANSI)
	}
	// Ask the terminal for its background now: once the program owns the
	// terminal, the answer would arrive as key presses.
	_ = lipgloss.HasDarkBackground()
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if o.Mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	_, err := tea.NewProgram(New(o), opts...).Run()
	return err
}

func noColor() bool {
	_, set := os.LookupEnv("NO_COLOR")
	return set && os.Getenv("NO_COLOR") != ""
}
