package ui

import (
	"encoding/base64"
	"os"
	"runtime"
	"time"

	"github.com/atotto/clipboard"
	tea "github.com/charmbracelet/bubbletea"
)

// `y` copies with the system clipboard (github.com/atotto/clipboard) where
// there is one, and otherwise asks the terminal to with OSC 52, written by
// Bubble Tea's renderer in the frame. The status says which was used, so
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

// osc52 is the OSC 52 sequence that asks the terminal to put text on its
// clipboard. It rides in the frame, at the end of the status line that says
// it was sent, so Bubble Tea's renderer writes it with the frame (writing it
// beside the renderer, or through the window title, races the renderer's
// own writes). A terminal takes the sequence as zero width.
func osc52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}

// sendOSC puts seq in the frames of the next second: long enough for the
// renderer to write one, short enough that repainting the status line does
// not send it again and again.
func (m *Model) sendOSC(seq string) tea.Cmd {
	m.statusOSC = seq
	id := m.statusID
	return tick(time.Second, func(time.Time) tea.Msg { return oscSentMsg{id: id} })
}

// oscSentMsg ends the second in which status id's sequence is sent.
type oscSentMsg struct{ id int }

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
		cmd := m.setStatus(osc52Note()+text, false)
		return tea.Batch(cmd, m.sendOSC(osc52(text)))
	}
	return copyCmd(m.copy, text)
}

func (m *Model) onCopied(msg copiedMsg) tea.Cmd {
	if msg.err != nil {
		cmd := m.setStatus("system clipboard failed ("+msg.err.Error()+"); "+osc52Note()+msg.text, true)
		return tea.Batch(cmd, m.sendOSC(osc52(msg.text)))
	}
	return m.setStatus("copied to the system clipboard: "+msg.text, false)
}
