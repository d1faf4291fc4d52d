package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// newRootCmd builds herald's command tree on e. Every command, flag and help
// text lives here and in the newXxxCmd functions it calls; the help, the
// shell completions, the man page and the README check all read this tree.
func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "herald",
		Short: "A terminal news reader for world politics",
		Long: `herald — a terminal news reader for world politics.

Without a command, herald opens the reader: feeds, articles, and the leaders,
people, countries and quotes of every article. The commands below work
without a terminal, for scripts and cron.

Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad config.`,
		Version:           version,
		Args:              noArgs,
		SilenceErrors:     true,
		SilenceUsage:      true,
		DisableAutoGenTag: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			// Flags and arguments parsed: errors from here on are the
			// command's own, not usage errors found by cobra. (No command
			// may set its own PersistentPreRunE: it would replace this.)
			e.entered = true
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runReader(e) },
	}
	root.SetVersionTemplate("herald {{.Version}}\n")
	// Declared now, not at Execute, so that "herald --help extract" knows
	// --help takes no value and finds the command after it.
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	root.PersistentFlags().StringVar(&e.configPath, "config", "",
		"config `FILE` (default: $HERALD_CONFIG, then ~/.config/herald/config.toml, then the embedded defaults)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usagef("%v (see %s --help)", err, cmd.CommandPath())
	})
	root.AddCommand(
		newExtractCmd(e),
		newFetchCmd(e),
		newExportCmd(e),
		newFeedsCmd(e),
		newManCmd(e),
	)
	return root
}

// noArgs rejects positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		if !cmd.HasParent() {
			return usagef("unknown command %q (see herald --help)", args[0])
		}
		return usagef("%s takes no arguments (got %q)", cmd.CommandPath(), args)
	}
	return nil
}

// argsBetween accepts min to max positional arguments (max < 0: no limit),
// naming them in the message when the count is wrong.
func argsBetween(min, max int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < min || (max >= 0 && len(args) > max) {
			return usagef("%s takes %s (got %d: %s); see %s --help",
				cmd.CommandPath(), what, len(args), strings.Join(args, " "), cmd.CommandPath())
		}
		return nil
	}
}

// completeValues offers a flag's fixed values to shell completion.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// oneOf checks a flag's value against its allowed values.
func oneOf(cmd *cobra.Command, flag, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	list := strings.Join(allowed, ", ")
	if n := len(allowed); n > 1 {
		list = strings.Join(allowed[:n-1], ", ") + " or " + allowed[n-1]
	}
	return usagef("%s: unknown --%s %q (%s)", cmd.CommandPath(), flag, value, list)
}

// walkCommands calls fn on cmd and every command under it, hidden ones and
// cobra's own (help, completion) included once they are initialised.
func walkCommands(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, c := range cmd.Commands() {
		walkCommands(c, fn)
	}
}

// completeTree adds cobra's help and completion commands, as Execute does,
// so that the man page and the tests see the whole tree.
func completeTree(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
}
