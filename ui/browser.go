package ui

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/herald-reader/herald/internal/cmdline"
)

// browser is how `o` opens a link: the `browser` setting (a command with
// %u for the link), else $BROWSER (commands separated by colons, %s for
// the link), else the platform's opener. Each runs without a shell. A
// terminal browser takes the terminal until it exits.
type browser struct {
	argv     []string // %u marks the link; without it the link is appended
	terminal bool
	source   string // "browser setting", "$BROWSER" or "" for the platform opener
}

// terminalBrowsers draw in the terminal: they must own it while they run.
var terminalBrowsers = map[string]bool{
	"w3m": true, "lynx": true, "links": true, "links2": true, "elinks": true,
	"browsh": true, "cha": true, "carbonyl": true, "amfora": true,
}

// ValidateBrowser checks the browser setting: a command line whose quotes
// are closed.
func ValidateBrowser(setting string) error {
	if strings.TrimSpace(setting) == "" {
		return nil
	}
	_, err := cmdline.Split(setting)
	return err
}

// resolveBrowser picks the browser from the setting and $BROWSER.
func resolveBrowser(setting, env string) (browser, error) {
	if s := strings.TrimSpace(setting); s != "" {
		argv, err := cmdline.Split(s)
		if err != nil {
			return browser{}, fmt.Errorf("browser setting: %v", err)
		}
		return newBrowser(argv, "%u", "browser setting"), nil
	}
	var firstErr error
	for _, entry := range strings.Split(env, ":") {
		if strings.TrimSpace(entry) == "" {
			continue
		}
		argv, err := cmdline.Split(entry)
		if err != nil {
			firstErr = cmp(firstErr, fmt.Errorf("$BROWSER: %v", err))
			continue
		}
		if _, err := exec.LookPath(argv[0]); err != nil {
			firstErr = cmp(firstErr, fmt.Errorf("$BROWSER: %s not found", argv[0]))
			continue
		}
		return newBrowser(argv, "%s", "$BROWSER"), nil
	}
	if firstErr != nil {
		return browser{}, firstErr
	}
	switch runtime.GOOS {
	case "darwin":
		return browser{argv: []string{"open", "%u"}}, nil
	case "windows":
		return browser{argv: []string{"rundll32", "url.dll,FileProtocolHandler", "%u"}}, nil
	}
	return browser{argv: []string{"xdg-open", "%u"}}, nil
}

func cmp(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func newBrowser(argv []string, mark, source string) browser {
	has := false
	for i, a := range argv {
		if strings.Contains(a, mark) {
			argv[i] = strings.ReplaceAll(a, mark, "%u")
			has = true
		}
	}
	if !has {
		argv = append(argv, "%u")
	}
	return browser{argv: argv, terminal: terminalBrowsers[filepath.Base(argv[0])], source: source}
}

// command is the browser's process for link.
func (b browser) command(link string) *exec.Cmd {
	args := make([]string, len(b.argv))
	for i, a := range b.argv {
		args[i] = strings.ReplaceAll(a, "%u", link)
	}
	return exec.Command(args[0], args[1:]...)
}

// open returns the command that opens link: a terminal browser through
// tea.ExecProcess, any other started in the background.
func (b browser) open(link string) tea.Cmd {
	if err := checkLink(link); err != nil {
		return func() tea.Msg { return openedMsg{link: link, err: err} }
	}
	cmd := b.command(link)
	if b.terminal {
		return tea.ExecProcess(cmd, func(err error) tea.Msg { return openedMsg{link: link, err: b.explain(err)} })
	}
	return func() tea.Msg {
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
		if err := cmd.Start(); err != nil {
			return openedMsg{link: link, err: b.explain(err)}
		}
		go func() { _ = cmd.Wait() }()
		return openedMsg{link: link}
	}
}

// explain says what to do when the browser could not start.
func (b browser) explain(err error) error {
	if err == nil {
		return nil
	}
	if b.source == "" && errors.Is(err, exec.ErrNotFound) {
		return fmt.Errorf("%s not found: set browser in the config or $BROWSER", b.argv[0])
	}
	if b.source != "" {
		return fmt.Errorf("%s (from the %s): %v", b.argv[0], b.source, err)
	}
	return err
}
