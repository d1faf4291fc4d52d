package ui

import (
	"context"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/harmonica"
	"github.com/herald-reader/herald/feeds"
)

// Refresh runs in its own goroutine; its progress reaches the UI as
// messages through a channel that one waiting command at a time reads.
type (
	refreshProgressMsg struct {
		seq    int
		feedID int64
		title  string
		err    string
		stats  feeds.RefreshStats
	}
	refreshDoneMsg struct {
		seq   int
		stats feeds.RefreshStats
		err   error
	}
	refreshTickMsg struct{}
)

type refresher struct {
	fn       RefreshFunc
	interval time.Duration
	running  bool
	seq      int
	ch       chan tea.Msg
	cancel   context.CancelFunc
	stats    feeds.RefreshStats
	last     time.Time
	lastErr  string

	// The progress bar moves to each new fraction on a spring (harmonica),
	// one step per spinner tick, instead of jumping.
	spring        harmonica.Spring
	shown, moving float64 // the fraction drawn and its velocity
}

// barSpring is how the progress bar moves: at the spinner's frame rate,
// quickly and without overshooting.
var barSpring = harmonica.NewSpring(harmonica.FPS(int(time.Second/newSpinner().Spinner.FPS)), 8, 1)

func newRefresher(fn RefreshFunc, interval time.Duration) *refresher {
	return &refresher{fn: fn, interval: interval, spring: barSpring}
}

// done is the fraction of the feeds the running refresh has done.
func (r *refresher) done() float64 {
	if r.stats.Feeds <= 0 {
		return 0
	}
	return min(1, float64(r.stats.Done)/float64(r.stats.Feeds))
}

// animate moves the bar one step towards the fraction done.
func (r *refresher) animate() {
	if !r.running {
		return
	}
	target := r.done()
	r.shown, r.moving = r.spring.Update(r.shown, r.moving, target)
	if d := r.shown - target; d*d < 1e-6 && r.moving*r.moving < 1e-6 {
		r.shown, r.moving = target, 0
	}
}

// start begins a refresh unless one is running or there is nothing to run.
func (r *refresher) start(parent context.Context) tea.Cmd {
	if r.fn == nil || r.running {
		return nil
	}
	r.running = true
	r.seq++
	r.stats = feeds.RefreshStats{}
	r.shown, r.moving = 0, 0
	ctx, cancel := context.WithCancel(parent)
	r.cancel = cancel
	ch := make(chan tea.Msg, 16)
	r.ch = ch
	seq, fn := r.seq, r.fn
	go func() {
		defer close(ch)
		send := func(m tea.Msg) {
			select {
			case ch <- m:
			case <-ctx.Done():
			}
		}
		stats, err := safeRefresh(ctx, fn, func(res feeds.Result, st feeds.RefreshStats) {
			m := refreshProgressMsg{seq: seq, feedID: res.FeedID, title: res.Title, stats: copyStats(st)}
			if res.Err != nil {
				m.err = res.Err.Error()
			}
			send(m)
		})
		send(refreshDoneMsg{seq: seq, stats: copyStats(stats), err: err})
	}()
	return waitRefresh(ch)
}

func copyStats(s feeds.RefreshStats) feeds.RefreshStats {
	s.Errors = append([]feeds.FeedError(nil), s.Errors...)
	return s
}

// safeRefresh turns a panic in the refresh into an error.
func safeRefresh(ctx context.Context, fn RefreshFunc, progress func(feeds.Result, feeds.RefreshStats)) (st feeds.RefreshStats, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("refresh failed: %v", r)
		}
	}()
	return fn(ctx, progress)
}

func waitRefresh(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		m, ok := <-ch
		if !ok {
			return nil
		}
		return m
	}
}

// onProgress records a feed's result; the caller marks the feed.
func (r *refresher) onProgress(m refreshProgressMsg) tea.Cmd {
	if m.seq != r.seq {
		return nil
	}
	r.stats = m.stats
	return waitRefresh(r.ch)
}

func (r *refresher) onDone(m refreshDoneMsg, now time.Time) bool {
	if m.seq != r.seq {
		return false
	}
	r.running = false
	r.stats = m.stats
	r.last = now
	r.lastErr = ""
	if m.err != nil && m.err != context.Canceled {
		r.lastErr = m.err.Error()
	}
	if r.cancel != nil {
		r.cancel()
	}
	return true
}

func (r *refresher) tick() tea.Cmd {
	if r.interval <= 0 || r.fn == nil {
		return nil
	}
	return tick(r.interval, func(time.Time) tea.Msg { return refreshTickMsg{} })
}

func (r *refresher) stop() {
	if r.cancel != nil {
		r.cancel()
	}
}

// view renders the refresh state for the status line.
func (r *refresher) view(st *Styles) string {
	s := r.stats
	if r.running {
		out := "refreshing " + st.progressBar(r.shown) + fmt.Sprintf(" %d/%d", s.Done, s.Feeds)
		if s.Added > 0 {
			out += fmt.Sprintf(" +%d", s.Added)
		}
		if s.Failed > 0 {
			out += " " + st.Error.Render(fmt.Sprintf("%d failed", s.Failed))
		}
		return out
	}
	if r.lastErr != "" {
		return st.Error.Render("refresh: " + safeLine(r.lastErr))
	}
	if !r.last.IsZero() {
		out := fmt.Sprintf("refreshed %s, %d new", plural(s.Feeds, "feed"), s.Added)
		if s.Failed > 0 {
			out += ", " + st.Error.Render(fmt.Sprintf("%d failed", s.Failed))
		}
		return out
	}
	return ""
}
