// Command herald is a terminal news reader for people who follow world
// politics: it highlights leaders, people, countries and quotes in every
// article and lists who said what.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError is bad usage or bad config: exit code 2.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

const usageText = `herald — a terminal news reader for world politics

Usage:
  herald [--config FILE]                the reader
  herald extract [--format json|markdown|text] [FILE|URL|-]
                                        annotate one article (plain text or HTML)
  herald fetch                          refresh every feed, progress on stderr
  herald export [--leader NAME] [--country NAME] [--feed NAME] [--since 7d] [-o FILE|-]
                                        write highlights as markdown
  herald feeds import FILE.opml         add the feeds of an OPML file to the config
  herald feeds export                   print the feeds as OPML 2.0

Flags:
  --config FILE   config file (default: $HERALD_CONFIG, then ~/.config/herald/config.toml,
                  then the embedded defaults)
  --version       print the version
  --help          this help

Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad config.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what every subcommand gets: streams, the global flags and a context
// cancelled on SIGINT/SIGTERM.
type env struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	configPath     string
	loadedConfig   *LoadedConfig
	configErr      error
}

// config loads the configuration once and prints its warnings.
func (e *env) config() (*LoadedConfig, error) {
	if e.loadedConfig != nil || e.configErr != nil {
		return e.loadedConfig, e.configErr
	}
	lc, err := LoadConfig(e.configPath)
	if err != nil {
		e.configErr = usageError{err}
		return nil, e.configErr
	}
	for _, w := range lc.Warnings {
		fmt.Fprintln(e.stderr, "herald: warning:", w)
	}
	e.loadedConfig = lc
	return lc, nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "herald: internal error: %v\n", r)
			code = exitFailure
		}
	}()
	fs := flag.NewFlagSet("herald", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	configFlag := fs.String("config", "", "config file")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usageText)
			return exitOK
		}
		fmt.Fprintf(stderr, "herald: %v\n\n%s", err, usageText)
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintf(stdout, "herald %s\n", version)
		return exitOK
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, configPath: *configFlag}

	rest := fs.Args()
	var err error
	if len(rest) == 0 {
		err = runReader(e)
	} else {
		switch rest[0] {
		case "extract":
			err = runExtract(e, rest[1:])
		case "fetch":
			err = runFetch(e, rest[1:])
		case "export":
			err = runExport(e, rest[1:])
		case "feeds":
			err = runFeeds(e, rest[1:])
		case "help":
			fmt.Fprint(stdout, usageText)
		default:
			err = usagef("unknown command %q (see herald --help)", rest[0])
		}
	}
	return reportError(stderr, err)
}

// reportError prints err and maps it to an exit code.
func reportError(stderr io.Writer, err error) int {
	if err == nil || errors.Is(err, errHelpShown) {
		return exitOK
	}
	fmt.Fprintln(stderr, "herald:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

// subcommandFlags makes a flag set for a subcommand whose parse errors are
// usage errors and whose --help prints the given usage line.
func subcommandFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses a subcommand's flags, turning errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelpShown
		}
		return usageError{err}
	}
	return nil
}

// errHelpShown ends a subcommand after --help without an error message.
var errHelpShown = errors.New("help shown")
