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
	const hint = "for scripts use herald fetch, export or extract (see herald --help)"
	if !isTerminal(stdout) {
		return usagef("the reader needs a terminal: standard output is not one; %s", hint)
	}
	if isTerminal(stdin) {
		return nil
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		return usagef("the reader needs a terminal: standard input is not one and there is no controlling terminal; %s", hint)
	}
	tty.Close()
	return nil
}
