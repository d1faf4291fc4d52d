package main

// Temporary bridge from the cobra export command to the old flag-based
// runExport, until cli_export.go provides runExportQuery. Delete this file
// when merging that rewrite; the helpers below exist only for runExport.

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// runExportQuery runs the old export with the flags it supports and refuses
// the others as usage errors.
func runExportQuery(e *env, f exportFlags) error {
	var args []string
	for _, l := range f.Leaders {
		args = append(args, "--leader", l)
	}
	for _, c := range f.Countries {
		args = append(args, "--country", c)
	}
	if f.Feed != "" {
		args = append(args, "--feed", f.Feed)
	}
	if f.Since != "" {
		args = append(args, "--since", f.Since)
	}
	if f.Out != "" {
		args = append(args, "-o", f.Out)
	}
	unsupported := map[string]bool{
		"--tag":     len(f.Tags) > 0,
		"--until":   f.Until != "",
		"--unread":  f.Unread,
		"--starred": f.Starred,
		"--search":  f.Search != "",
		"--format":  f.Format != "" && f.Format != "markdown",
		"--group":   f.Group != "" && f.Group != "article",
	}
	for _, name := range []string{"--tag", "--until", "--unread", "--starred", "--search", "--format", "--group"} {
		if unsupported[name] {
			return usagef("export: %s is not supported by this build yet", name)
		}
	}
	return runExport(e, args)
}

// subcommandFlags makes a flag set whose parse errors are usage errors.
func subcommandFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses a flag set, turning errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err}
	}
	return nil
}

// reorderFlags is the identity: cobra already put the flags first.
func reorderFlags(args []string) []string {
	return append([]string(nil), args...)
}
