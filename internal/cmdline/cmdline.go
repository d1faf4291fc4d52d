// Package cmdline splits the commands a user writes in the config
// (`browser`, `password_command`) into words, for running without a shell.
package cmdline

import (
	"errors"
	"fmt"

	"github.com/google/shlex"
)

// Split splits a command line into words as a POSIX shell would (quotes
// group, a backslash escapes) but runs no shell: no variables, globs or
// pipes.
func Split(s string) ([]string, error) {
	words, err := shlex.Split(s)
	switch {
	case err != nil:
		return nil, fmt.Errorf("unclosed quote or trailing backslash in %q", s)
	case len(words) == 0:
		return nil, errors.New("empty command")
	}
	return words, nil
}
