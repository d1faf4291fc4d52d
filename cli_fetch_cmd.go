package main

import "github.com/spf13/cobra"

func newFetchCmd(e *env) *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:   "fetch",
		Short: "Refresh every feed, without the reader (for cron)",
		Long: `Refresh every configured feed and store the new articles. One line per feed
goes to standard error as it completes, then a summary.

Exit status: 0 when every feed refreshed, 1 when any failed.`,
		Example: `  herald fetch
  */30 * * * * herald fetch --quiet`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runFetch(e, quiet) },
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only the feeds that failed, and the summary when any did")
	return cmd
}
