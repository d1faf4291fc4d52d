package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/herald-reader/herald/feeds"
	"github.com/herald-reader/herald/feeds/store"
)

func (f *fakeLib) add(arts ...store.Article) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.arts = append(f.arts, arts...)
}

func storyOf(id, feed int64, feedTitle string, ago time.Duration) store.Article {
	return store.Article{ArticleSummary: summary(id, feed, feedTitle, fmt.Sprintf("%s story %d", feedTitle, id), ago, false, false), Text: "Body."}
}

// TestArticlesAppearAsEachFeedArrives: a slow feed must not keep the list
// empty while the others have arrived, and an arrival must not move the
// cursor off the article it is on.
func TestArticlesAppearAsEachFeedArrives(t *testing.T) {
	lib := &fakeLib{feeds: []store.Feed{{ID: 1, Title: "Fast"}, {ID: 2, Title: "Later"}, {ID: 3, Title: "Slow"}}}
	second := make(chan struct{})
	refresh := func(ctx context.Context, progress func(feeds.Result, feeds.RefreshStats)) (feeds.RefreshStats, error) {
		lib.add(storyOf(1, 1, "Fast", 5*time.Hour), storyOf(2, 1, "Fast", 6*time.Hour), storyOf(3, 1, "Fast", 7*time.Hour))
		progress(feeds.Result{FeedID: 1}, feeds.RefreshStats{Feeds: 3, Done: 1, Added: 3})
		select {
		case <-second:
		case <-ctx.Done():
			return feeds.RefreshStats{}, ctx.Err()
		}
		lib.add(storyOf(4, 2, "Later", time.Hour), storyOf(5, 2, "Later", 2*time.Hour))
		progress(feeds.Result{FeedID: 2}, feeds.RefreshStats{Feeds: 3, Done: 2, Added: 5})
		<-ctx.Done() // the slow feed never answers
		return feeds.RefreshStats{}, ctx.Err()
	}
	o := testOptions(lib)
	o.Refresh, o.RefreshOnStart = refresh, true
	tm := teatest.NewTestModel(t, New(o), teatest.WithInitialTermSize(120, 20))
	waitFor := func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("All articles (3)", "Fast story 1")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	waitFor("▸") // the cursor moved on Fast story 2
	close(second)
	waitFor("All articles (5)", "Later story 4")
	// the slow feed is still awaited: the status line spins (read from the
	// screen before quitting, which cancels the refresh)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, f := range newSpinner().Spinner.Frames {
			if bytes.Contains(b, []byte(f+"  refreshing")) {
				return true
			}
		}
		return false
	}, teatest.WithDuration(waitLimit), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	view := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).View()
	if !strings.Contains(view, "All articles (5)") {
		t.Fatalf("the second feed's articles are not counted:\n%s", view)
	}
	cursorOn := ""
	for _, line := range strings.Split(view, "\n") {
		if _, row, ok := strings.Cut(line, "│▸"); ok {
			cursorOn = row
		}
	}
	if !strings.Contains(cursorOn, "Fast story 2") {
		t.Fatalf("the arrival moved the list cursor off Fast story 2 (now on %q):\n%s", cursorOn, view)
	}
}
