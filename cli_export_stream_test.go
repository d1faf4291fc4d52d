//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// -o naming a pipe or a device writes into it, as a shell user expects of
// -o /dev/stdout or -o >(pbcopy), instead of creating a file beside it.
func TestExportIntoAPipe(t *testing.T) {
	f := newExportFixture(t)
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		r, err := os.Open(fifo) // blocks until the export opens it to write
		if err != nil {
			got <- err.Error()
			return
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	code, _, errOut := f.run(t, "--country", "Ukraine", "-o", fifo)
	// Had the export not opened the pipe, the reader would wait forever:
	// open it for writing once, so that it reads what there is and ends.
	if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		w.Close()
	}
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if s := <-got; !strings.HasPrefix(s, "---\ntitle: \"herald export\"\n") {
		t.Errorf("read from the pipe: %q", s)
	}
	entries, err := os.ReadDir(filepath.Dir(fifo))
	if err != nil || len(entries) != 1 {
		t.Errorf("the pipe's directory holds %v (%v); want only the pipe", entries, err)
	}
}
