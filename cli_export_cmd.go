package main

import "github.com/spf13/cobra"

// newExportCmd declares herald export; runExportQuery does the work.
func newExportCmd(e *env) *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the statements under filters as markdown, JSON or CSV",
		Long: `Write the statements of the stored articles that match the filters.

Without -o, the export goes to a new file in the export directory when
standard output is a terminal, else to standard output. Filters of the same
kind all have to match.`,
		Example: `  herald export --leader Starmer --since 7d
  herald export --country Ukraine --tag world --format csv -o -`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf(cmd, "format", f.Format, "markdown", "json", "csv"); err != nil {
				return err
			}
			if err := oneOf(cmd, "group", f.Group, "article", "speaker"); err != nil {
				return err
			}
			return runExportQuery(e, f)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&f.Leaders, "leader", nil, "only articles that mention the person `NAME`, and their statements (repeatable)")
	fl.StringArrayVar(&f.Countries, "country", nil, "only articles that mention the country `NAME` (repeatable)")
	fl.StringVar(&f.Feed, "feed", "", "only the feed `NAME` (its title or URL)")
	fl.StringArrayVar(&f.Tags, "tag", nil, "only feeds tagged `TAG` (repeatable)")
	fl.StringVar(&f.Since, "since", "", "only articles published since `WHEN`: a time ago (24h, 7d, 2w) or a date (2025-11-01)")
	fl.StringVar(&f.Until, "until", "", "only articles published before `WHEN` (same forms as --since)")
	fl.BoolVar(&f.Unread, "unread", false, "only unread articles")
	fl.BoolVar(&f.Starred, "starred", false, "only starred articles")
	fl.StringVar(&f.Search, "search", "", "only articles matching the search `TEXT`")
	fl.StringVar(&f.Format, "format", "markdown", "output `FORMAT`: markdown, json or csv")
	fl.StringVar(&f.Group, "group", "article", "group statements by `HOW`: article or speaker")
	fl.StringVarP(&f.Out, "output", "o", "", "write to `FILE` (an existing file is kept: a suffix is added; a device or pipe is written into), or - for standard output")
	completeValues(cmd, "format", "markdown", "json", "csv")
	completeValues(cmd, "group", "article", "speaker")
	return cmd
}
