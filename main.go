// Command herald is a terminal news reader for people who follow world
// politics: it highlights leaders, people, countries and quotes in every
// article and lists who said what.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// version names this build in --version and the fetcher's User-Agent.
var version = buildVersion()

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError is bad usage or bad config: exit code 2.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

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
	// entered is set once the command line parsed and a command started:
	// errors before that are usage errors.
	entered bool
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

// run is herald's entry point: it parses args, runs the command and returns
// the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "herald: internal error: %v\n", r)
			code = exitFailure
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRootCmd(e)
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	var ue usageError
	if err != nil && !e.entered && !errors.As(err, &ue) {
		// cobra's own findings: an unknown command, a bad flag.
		err = usageError{err}
	}
	return reportError(stderr, err)
}

// reportError prints err and maps it to an exit code.
func reportError(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "herald:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

// buildVersion is the module version herald was built as (go install
// ...@v1.2.3), else the VCS revision the binary was built from, else "devel".
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(info)
}

func versionOf(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified == "true" {
		rev += "-dirty"
	}
	return "devel-" + rev
}
