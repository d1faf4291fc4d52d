package ui

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

type (
	openedMsg struct {
		link string
		err  error
	}
	copiedMsg struct {
		text string
		err  error
	}
)

// checkLink accepts only absolute http and https URLs that no program could
// mistake for an option.
func checkLink(link string) error {
	if link == "" {
		return errors.New("the article has no link")
	}
	if strings.HasPrefix(link, "-") {
		return fmt.Errorf("refusing link %q", safeLine(link))
	}
	for _, r := range link {
		if unsafeRune(r) || r == ' ' {
			return fmt.Errorf("refusing link with control characters or spaces")
		}
	}
	u, err := url.Parse(link)
	if err != nil {
		return fmt.Errorf("bad link: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("only http and https links open in the browser, not %q", safeLine(u.Scheme))
	}
	if u.Host == "" {
		return fmt.Errorf("link %q has no host", safeLine(link))
	}
	return nil
}

func openLinkCmd(open func(string) error, link string) tea.Cmd {
	return func() tea.Msg {
		if err := checkLink(link); err != nil {
			return openedMsg{link: link, err: err}
		}
		return openedMsg{link: link, err: open(link)}
	}
}

func copyCmd(copy func(string) error, text string) tea.Cmd {
	return func() tea.Msg { return copiedMsg{text: text, err: copy(text)} }
}
