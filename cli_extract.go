package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/herald-reader/herald/feeds/export"
	"github.com/herald-reader/herald/feeds/htmltext"
	"github.com/herald-reader/herald/feeds/sanitize"
	"github.com/herald-reader/herald/nlp"
)

// maxExtractInput bounds what extract reads from a file or stdin.
const maxExtractInput = 32 << 20

// extractOptions are herald extract's flags.
type extractOptions struct {
	format, date string
}

func newExtractCmd(e *env) *cobra.Command {
	var o extractOptions
	cmd := &cobra.Command{
		Use:   "extract [FILE|URL|-]",
		Short: "Annotate one article: its people, countries and statements",
		Long: `Annotate one article, given as a file, a web page URL or standard input
(plain text or HTML), and print its entities and statements.

The JSON output is documented in the README ("Machine-readable output").`,
		Example: `  herald extract article.txt
  herald extract --format markdown https://news.example/2025/10/talks
  pbpaste | herald extract --format text --date 2025-10-04 -`,
		Args: argsBetween(0, 1, "one FILE, URL or -"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf(cmd, "format", o.format, "json", "markdown", "text"); err != nil {
				return err
			}
			source := "-"
			if len(args) == 1 {
				source = args[0]
			}
			return runExtract(e, o, source)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "json", "output `FORMAT`: json, markdown or text")
	completeValues(cmd, "format", "json", "markdown", "text")
	cmd.Flags().StringVar(&o.date, "date", "", "the article's publication `DATE` (2025-10-04 or RFC 3339), which dates like \"on Monday\" are read against")
	return cmd
}

func runExtract(e *env, o extractOptions, source string) error {
	var date time.Time
	if o.date != "" {
		d, err := parseArticleDate(o.date)
		if err != nil {
			return usagef("extract: --date %q: want a date like 2025-10-04 or an RFC 3339 time", o.date)
		}
		date = d
	}
	art, err := readArticle(e, source)
	if err != nil {
		return err
	}
	if date.IsZero() {
		date = art.published
	}
	ann, err := annotator(e)
	if err != nil {
		return err
	}
	doc := ann.AnnotateArticle(art.text, date)
	switch o.format {
	case "json":
		src := schemaSource{Title: art.title}
		switch {
		case isWebURL(source):
			src.URL = source
		case source == "-":
			src.File = "-"
		default:
			src.File = source
		}
		if !date.IsZero() {
			src.Date = date.Format(time.RFC3339)
		}
		return writeExtractJSON(e.stdout, newSchema("extract", ann, &src), doc)
	case "markdown":
		title := art.title
		if title == "" {
			title = firstLine(doc.Text)
		}
		return export.WriteMarkdown(e.stdout, export.FromDoc(export.Article{Title: title, Link: linkOf(source), Published: date}, doc), export.BySpeaker)
	default:
		_, err := io.WriteString(e.stdout, markedText(doc))
		return err
	}
}

// extractJSON is extract --format json: the annotation's text, entities and
// statements at the top level, as nlp.Doc has them, and the schema beside.
type extractJSON struct {
	Schema schema `json:"schema"`
	nlp.Doc
}

// parseArticleDate reads a date (local midnight) or an RFC 3339 time.
func parseArticleDate(s string) (time.Time, error) {
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// article is what extract annotates.
type article struct {
	title, text string
	published   time.Time // zero when unknown
}

// readArticle reads a file, stdin or URL, turning HTML into paragraphs.
func readArticle(e *env, source string) (article, error) {
	if isWebURL(source) {
		return fetchArticle(e, source)
	}
	var r io.Reader = e.stdin
	name := "standard input"
	if source != "-" {
		f, err := os.Open(source)
		if err != nil {
			return article{}, err
		}
		defer f.Close()
		r, name = f, source
	} else if isTerminal(e.stdin) {
		fmt.Fprintln(e.stderr, "herald: reading the article from the terminal; end it with Ctrl-D (or give a FILE or URL)")
	}
	data, err := io.ReadAll(io.LimitReader(r, maxExtractInput+1))
	if err != nil {
		return article{}, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > maxExtractInput {
		return article{}, fmt.Errorf("%s: larger than %d MiB", name, maxExtractInput>>20)
	}
	s := string(data)
	if htmltext.LooksLikeHTML(s) {
		meta := htmltext.Meta(s)
		return article{title: meta.Title, text: htmltext.ToText(s), published: meta.Published}, nil
	}
	return article{text: sanitize.Text(s)}, nil
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

// annotator builds the NLP annotator with the config's gazetteer and
// lexicon additions.
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
	return nlp.New(nlp.Options{Extra: extra, Lexicon: lc.NLP.Lexicon})
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
// its article, title and date with readability.
func fetchArticle(e *env, url string) (article, error) {
	lc, err := e.config()
	if err != nil {
		return article{}, err
	}
	a, err := newFetcher(lc).Article(e.ctx, url)
	if err != nil {
		return article{}, err
	}
	return article{title: a.Title, text: a.Text, published: a.Published}, nil
}
