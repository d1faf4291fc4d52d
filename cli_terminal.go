package main

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// isTerminal reports whether a stream is a terminal.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// needTerminal refuses to start the reader without a terminal to draw on
// and read keys from: standard output must be one, and standard input one
// or the controlling terminal (/dev/tty) must open.
func needTerminal(stdin io.Reader, stdout io.Writer) error {
	const hint = "herald's reader needs a terminal; for scripts use herald fetch, export or extract (see herald --help)"
	if !isTerminal(stdout) {
		return usagef("%s: standard output is not a terminal", hint)
	}
	if isTerminal(stdin) {
		return nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return usagef("%s: standard input is not a terminal and there is no controlling terminal", hint)
	}
	tty.Close()
	return nil
}
