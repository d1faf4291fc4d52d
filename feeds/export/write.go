package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Format is an export's file format.
type Format string

// Formats.
const (
	Markdown Format = "markdown"
	JSON     Format = "json" // JSON lines, one statement a line
	CSV      Format = "csv"
)

// Group is how markdown is arranged.
type Group string

// Groupings.
const (
	ByArticle Group = "article" // one source block per article, its statements under it
	BySpeaker Group = "speaker" // one section per speaker, each article cited once in it
)

// ParseFormat reads --format ("" is markdown; "md" and "jsonl" are accepted).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "markdown", "md":
		return Markdown, nil
	case "json", "jsonl", "ndjson":
		return JSON, nil
	case "csv":
		return CSV, nil
	}
	return "", fmt.Errorf("unknown format %q (markdown, json or csv)", s)
}

// ParseGroup reads --group ("" is article).
func ParseGroup(s string) (Group, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "article", "articles":
		return ByArticle, nil
	case "speaker", "speakers":
		return BySpeaker, nil
	}
	return "", fmt.Errorf("unknown grouping %q (article or speaker)", s)
}

// Ext is the file extension of f.
func (f Format) Ext() string {
	switch f {
	case JSON:
		return ".jsonl"
	case CSV:
		return ".csv"
	}
	return ".md"
}

// Options choose how an export is written.
type Options struct {
	Format Format
	Group  Group // markdown only
}

// Write renders e to w in the chosen format.
func Write(w io.Writer, e *Export, o Options) error {
	switch o.Format {
	case JSON:
		return WriteJSON(w, e)
	case CSV:
		return WriteCSV(w, e)
	case Markdown, "":
		return WriteMarkdown(w, e, o.Group)
	}
	return fmt.Errorf("unknown format %q", o.Format)
}

// Bytes renders e in memory.
func Bytes(e *Export, o Options) ([]byte, error) {
	size := 4096
	for _, s := range e.Statements {
		size += 2*len(s.Quote) + 320
	}
	var buf bytes.Buffer
	buf.Grow(size)
	if err := Write(&buf, e, o); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
