package ui

import (
	"encoding/base64"
	"os"
	"runtime"

	"github.com/atotto/clipboard"
	tea "github.com/charmbracelet/bubbletea"
)

// `y` copies with the system clipboard (github.com/atotto/clipboard) where
// there is one, and otherwise asks the terminal to with OSC 52, written by
// Bubble Tea's renderer between frames. The status says which was used, so
// "copied" is never claimed for text that may have gone nowhere.

// systemClipboard returns the system clipboard's writer, or nil when there
// is none: no xclip, xsel or wl-copy, or no display to reach (over SSH).
func systemClipboard() func(string) error {
	if clipboard.Unsupported {
		return nil
	}
	if runtime.GOOS != "darwin" && runtime.GOOS != "windows" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return nil
	}
	return clipboard.WriteAll
}

// osc52Cmd sends text to the terminal's clipboard. Bubble Tea v1 writes
// nothing raw between frames except the window title, so the OSC 52
// sequence rides after a title: ESC ] 2 ; herald BEL ESC ] 52 ; c ; … BEL.
func osc52Cmd(text string) tea.Cmd {
	return tea.SetWindowTitle("herald\a\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)))
}

// osc52Note is what the status says after an OSC 52 copy.
func osc52Note() string {
	if os.Getenv("TMUX") != "" {
		return "sent with OSC 52 (tmux: set -g set-clipboard on): "
	}
	return "sent to the terminal with OSC 52: "
}

// copyText copies with the system clipboard, falling back to OSC 52.
func (m *Model) copyText(text string) tea.Cmd {
	if m.copy == nil {
		return tea.Batch(osc52Cmd(text), m.setStatus(osc52Note()+text, false))
	}
	return copyCmd(m.copy, text)
}

func (m *Model) onCopied(msg copiedMsg) tea.Cmd {
	if msg.err != nil {
		return tea.Batch(osc52Cmd(msg.text), m.setStatus("system clipboard failed ("+msg.err.Error()+"); "+osc52Note()+msg.text, true))
	}
	return m.setStatus("copied to the system clipboard: "+msg.text, false)
}
