package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd writes herald's man pages, generated from the command tree.
func newManCmd(e *env) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "man",
		Short: "Print the man page, or write one page per command to a directory",
		Example: `  herald man | man -l -
  herald man --dir /usr/local/share/man/man1`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			completeTree(root)
			header := &doc.GenManHeader{Title: "HERALD", Section: "1", Source: "herald " + version, Manual: "herald manual"}
			if dir == "" {
				return doc.GenMan(root, header, e.stdout)
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			if err := doc.GenManTree(root, header, dir); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "man pages written to %s\n", dir)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "write one page per command into `DIR` instead")
	return cmd
}
