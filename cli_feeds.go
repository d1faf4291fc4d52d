package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feeds/opml"
	"github.com/herald-reader/herald/feeds/subscribe"
)

// newFeedsCmd is the feeds command group: subscriptions in the config file.
func newFeedsCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "List, add, remove, tag, import and export the feeds you follow",
		Long: `Manage the feeds of the config file. The commands that change it edit the
file in place, keeping its comments and layout, and replace it atomically.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("feeds needs a sub-command (see herald feeds --help)")
			}
			return usagef("feeds: unknown sub-command %q (see herald feeds --help)", args[0])
		},
	}
	cmd.AddCommand(newFeedsListCmd(e), newFeedsAddCmd(e), newFeedsRemoveCmd(e), newFeedsTagCmd(e), newFeedsImportCmd(e), newFeedsExportCmd(e))
	return cmd
}

func newFeedsExportCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Print the feeds as OPML 2.0, with tags as folders",
		Args:  noArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return runFeedsExport(e) },
	}
}

// runFeedsExport prints the configured feeds as OPML 2.0.
func runFeedsExport(e *env) error {
	lc, err := e.config()
	if err != nil {
		return err
	}
	list := make([]opml.Feed, len(lc.Feeds))
	for i, f := range lc.Feeds {
		list[i] = opml.Feed{URL: f.URL, Title: f.Title, Tags: f.Tags}
	}
	return opml.Write(e.stdout, "herald feeds", time.Now(), list)
}

// importTarget is the config file to append to and its current content.
// On the embedded defaults it is the XDG config file, started from the
// embedded example.
func importTarget(lc *LoadedConfig) (path string, data []byte, err error) {
	if lc.Source != embeddedSource {
		data, err := os.ReadFile(lc.Source)
		return lc.Source, data, err
	}
	path = filepath.Join(xdg.ConfigHome, "herald", "config.toml")
	data, err = os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return path, append([]byte(nil), defaultConfigTOML...), nil
	}
	return path, data, err
}

// listsFeeds reports whether a config file has [[feeds]] of its own.
func listsFeeds(data []byte) bool {
	var c struct {
		Feeds []FeedConfig `toml:"feeds"`
	}
	return toml.Unmarshal(data, &c) == nil && len(c.Feeds) > 0
}

// writeFeedTable writes a [[feeds]] table, after a blank line.
func writeFeedTable(b *bytes.Buffer, link, title string, tags []string) {
	b.WriteString("\n[[feeds]]\n")
	fmt.Fprintf(b, "url = %s\n", tomlString(link))
	if title != "" {
		fmt.Fprintf(b, "title = %s\n", tomlString(title))
	}
	if len(tags) > 0 {
		quoted := make([]string, len(tags))
		for i, t := range tags {
			quoted[i] = tomlString(t)
		}
		fmt.Fprintf(b, "tags = [%s]\n", strings.Join(quoted, ", "))
	}
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// feedKey identifies a feed URL for duplicate checks (see subscribe.Key).
func feedKey(raw string) string { return subscribe.Key(raw) }
