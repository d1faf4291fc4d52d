//go:build linux || darwin

package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// herald extract reading a terminal says so, since it would otherwise seem
// to hang; the text typed up to Ctrl-D is annotated.
func TestExtractFromATerminalSaysItWaits(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"extract", "--format", "text", "-"}, tty, &out, &errOut) }()
	if _, err := ptmx.Write([]byte("Keir Starmer said: \"We will act.\"\n\x04")); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("extract did not end at Ctrl-D")
	}
	if !strings.Contains(errOut.String(), "reading the article from the terminal") {
		t.Errorf("no word that it reads the terminal: %q", errOut.String())
	}
	if !strings.Contains(out.String(), "Keir Starmer") {
		t.Errorf("the typed article was not annotated: %q", out.String())
	}
}
