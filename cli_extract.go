package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/nlp"
	"github.com/herald-reader/herald/nlp/report"
)

const extractUsage = "herald extract [--format json|markdown|text] [FILE|URL|-]"

// maxExtractInput bounds what extract reads from a file or stdin.
const maxExtractInput = 32 << 20

func runExtract(e *env, args []string) error {
	fs := subcommandFlags("extract", extractUsage, e.stderr)
	format := fs.String("format", "json", "output format: json, markdown or text")
	if err := parseFlags(fs, reorderFlags(args)); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("extract takes one FILE, URL or - (got %d)", fs.NArg())
	}
	switch *format {
	case "json", "markdown", "text":
	default:
		return usagef("extract: unknown --format %q (json, markdown or text)", *format)
	}
	source := "-"
	if fs.NArg() == 1 {
		source = fs.Arg(0)
	}
	title, text, err := readArticle(e, source)
	if err != nil {
		return err
	}
	ann, err := annotator(e)
	if err != nil {
		return err
	}
	doc := ann.Annotate(text)
	switch *format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	case "markdown":
		if title == "" {
			title = firstLine(doc.Text)
		}
		return report.Write(e.stdout, report.Report{
			Title:    "Statements: " + title,
			Articles: []report.Article{{Title: title, Link: linkOf(source), Doc: doc}},
		})
	default:
		_, err := io.WriteString(e.stdout, markedText(doc))
		return err
	}
}

// reorderFlags moves flags after the positional argument to the front, so
// that "extract FILE --format text" works as users expect.
func reorderFlags(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			return append(flags, append([]string{"--"}, pos...)...)
		case a != "-" && strings.HasPrefix(a, "-"):
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) && takesValue(a) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(flags, pos...)
}

// takesValue reports whether a flag name (without =value) needs an argument.
func takesValue(flagName string) bool {
	switch strings.TrimLeft(flagName, "-") {
	case "format", "leader", "country", "feed", "since", "o", "output", "config":
		return true
	}
	return false
}

// readArticle reads a file, stdin or URL, turning HTML into paragraphs.
func readArticle(e *env, source string) (title, text string, err error) {
	if isWebURL(source) {
		return fetchArticle(e, source)
	}
	var r io.Reader = e.stdin
	name := "standard input"
	if source != "-" {
		f, err := os.Open(source)
		if err != nil {
			return "", "", err
		}
		defer f.Close()
		r, name = f, source
	}
	data, err := io.ReadAll(io.LimitReader(r, maxExtractInput+1))
	if err != nil {
		return "", "", fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > maxExtractInput {
		return "", "", fmt.Errorf("%s: larger than %d MiB", name, maxExtractInput>>20)
	}
	s := string(data)
	if htmltext.LooksLikeHTML(s) {
		return "", htmltext.ToText(s), nil
	}
	return "", sanitize.Text(s), nil
}

func isWebURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func linkOf(source string) string {
	if isWebURL(source) {
		return source
	}
	return ""
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// annotator builds the NLP annotator with the config's gazetteer additions.
func annotator(e *env) (*nlp.Annotator, error) {
	lc, err := e.config()
	if err != nil {
		return nil, err
	}
	extra, err := lc.Gazetteer()
	var ce *ConfigError
	if errors.As(err, &ce) {
		return nil, usageError{err}
	}
	if err != nil {
		return nil, usageError{fmt.Errorf("%s: %w", lc.Source, err)}
	}
	return nlp.New(nlp.Options{Extra: extra})
}

// markedText renders the article with entity spans marked inline:
// [Sir Keir]{keir-starmer leader}, [Britain]{united-kingdom country},
// followed by the statements.
func markedText(doc nlp.Doc) string {
	var b strings.Builder
	last := 0
	for _, en := range doc.Entities {
		if en.Start < last || en.End > len(doc.Text) {
			continue
		}
		b.WriteString(doc.Text[last:en.Start])
		role := en.Kind
		if en.Leader {
			role = "leader"
		}
		fmt.Fprintf(&b, "[%s]{%s %s}", doc.Text[en.Start:en.End], en.ID, role)
		last = en.End
	}
	b.WriteString(doc.Text[last:])
	if !strings.HasSuffix(doc.Text, "\n") {
		b.WriteByte('\n')
	}
	if len(doc.Statements) > 0 {
		b.WriteString("\nStatements:\n")
	}
	for _, st := range doc.Statements {
		who := "(unattributed)"
		if st.Speaker != nil {
			who = st.Speaker.Name
		}
		fmt.Fprintf(&b, "- %s [%s, %s, %.2f]: %s\n", who, st.Kind, st.Cue, st.Confidence, st.Quote)
	}
	return b.String()
}

// fetchArticle fetches a web page under the fetcher's limits and extracts
// its article text with readability.
func fetchArticle(e *env, url string) (title, text string, err error) {
	lc, err := e.config()
	if err != nil {
		return "", "", err
	}
	text, err = newFetcher(lc).ArticleText(e.ctx, url)
	if err != nil {
		return "", "", err
	}
	return "", text, nil
}
