// Package opml reads and writes feed lists as OPML (1.0 and 2.0), the format
// feed readers exchange subscriptions in. Folders (outlines that hold other
// outlines) become tags on the feeds inside them, and tags become folders
// again on the way out.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/herald-reader/herald/feeds/sanitize"
)

// MaxBytes is the largest OPML document Parse reads.
const MaxBytes = 16 << 20

// Feed is one subscription.
type Feed struct {
	URL   string
	Title string
	// Tags are the titles of the folders the feed sits in, outermost first,
	// followed by the tags of its category attribute.
	Tags []string
	// Line is the line of the parsed file where the feed's outline tag ends
	// (1-based), for messages about it.
	Line int
}

// ParseError is a problem in an OPML document, with its position.
type ParseError struct {
	Line, Col int // 1-based; 0 when unknown
	Msg       string
}

func (e *ParseError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Unusable is an outline that is neither a feed nor a folder: it has no
// xmlUrl and no outlines inside.
type Unusable struct {
	Line int    // where its tag ends
	Text string // its text or title, sanitised; may be empty
}

// Document is what ParseDocument finds in an OPML file.
type Document struct {
	Feeds    []Feed
	Unusable []Unusable
}

// Parse reads an OPML document and returns its feeds in document order.
// It is lenient where real files differ from the specification: attribute
// names in any case (xmlUrl, xmlurl), any or no type attribute on an outline
// that has an xmlUrl, "url" instead of "xmlUrl" on rss and atom outlines,
// HTML entities such as &nbsp;, and any encoding the XML declaration names.
// Text is stripped of control characters and escape sequences.
func Parse(r io.Reader) ([]Feed, error) {
	doc, err := parse(r, MaxBytes)
	return doc.Feeds, err
}

// ParseDocument is Parse that also reports the outlines it could not use.
func ParseDocument(r io.Reader) (Document, error) { return parse(r, MaxBytes) }

func parse(r io.Reader, limit int64) (Document, error) {
	lr := &io.LimitedReader{R: r, N: limit + 1}
	dec := xml.NewDecoder(lr)
	dec.CharsetReader = charset.NewReaderLabel
	dec.Entity = xml.HTMLEntity

	p := parser{dec: dec}
	err := p.run()
	if lr.N <= 0 {
		return Document{}, &ParseError{Msg: fmt.Sprintf("larger than %d bytes", limit)}
	}
	if err != nil {
		return Document{}, err
	}
	return Document{Feeds: p.feeds, Unusable: p.unusable}, nil
}

type pending struct {
	empty bool
	u     Unusable
}

// parser walks the token stream, keeping the folder path.
type parser struct {
	dec   *xml.Decoder
	feeds []Feed
	// folders holds one entry per open <outline>: its folder title, or ""
	// for an outline that is a feed or has no title.
	folders []string
	// open holds, per open <outline>, whether it is a folder not yet seen
	// to hold anything, with its line and text.
	open     []pending
	unusable []Unusable
	sawRoot  bool
	inHead   int
}

func (p *parser) errorf(format string, args ...any) error {
	line, col := p.dec.InputPos()
	return &ParseError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) run() error {
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			if !p.sawRoot {
				return &ParseError{Msg: "empty document: no <opml> element"}
			}
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			// The decoder's messages quote the input: sanitise them.
			if errors.As(err, &se) {
				return &ParseError{Line: se.Line, Msg: sanitize.Line(se.Msg)}
			}
			return p.errorf("%s", sanitize.Line(err.Error()))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			p.end(t)
		}
	}
}

func (p *parser) start(t xml.StartElement) error {
	name := strings.ToLower(t.Name.Local)
	if !p.sawRoot {
		if name != "opml" {
			return p.errorf("not an OPML document: the root element is <%s>, not <opml>", t.Name.Local)
		}
		p.sawRoot = true
		return nil
	}
	switch {
	case name == "head":
		p.inHead++
	case name == "outline" && p.inHead == 0:
		p.outline(t)
	}
	return nil
}

func (p *parser) end(t xml.EndElement) {
	switch strings.ToLower(t.Name.Local) {
	case "head":
		if p.inHead > 0 {
			p.inHead--
		}
	case "outline":
		if p.inHead == 0 && len(p.folders) > 0 {
			p.folders = p.folders[:len(p.folders)-1]
			last := p.open[len(p.open)-1]
			p.open = p.open[:len(p.open)-1]
			if last.empty {
				p.unusable = append(p.unusable, last.u)
			}
		}
	}
}

// outline records a feed, or opens a folder.
func (p *parser) outline(t xml.StartElement) {
	attr := func(names ...string) string {
		for _, n := range names {
			for _, a := range t.Attr {
				if strings.EqualFold(a.Name.Local, n) {
					if v := sanitize.Line(a.Value); v != "" {
						return v
					}
				}
			}
		}
		return ""
	}
	if n := len(p.open); n > 0 {
		p.open[n-1].empty = false
	}
	url := attr("xmlUrl")
	if url == "" {
		switch strings.ToLower(attr("type")) {
		case "rss", "atom", "feed":
			url = attr("url")
		}
	}
	line, _ := p.dec.InputPos()
	if url == "" {
		p.folders = append(p.folders, attr("text", "title"))
		p.open = append(p.open, pending{empty: true, u: Unusable{Line: line, Text: attr("title", "text")}})
		return
	}
	p.folders = append(p.folders, "")
	p.open = append(p.open, pending{})
	title := attr("title", "text")
	if title == url { // a reader's stand-in for "no title"
		title = ""
	}
	p.feeds = append(p.feeds, Feed{
		URL:   url,
		Title: title,
		Tags:  p.tags(attr("category")),
		Line:  line,
	})
}

// tags lists the open folders' titles, then the category attribute's
// segments ("/News/World,/Europe"), each once.
func (p *parser) tags(category string) []string {
	var tags []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			tags = append(tags, s)
		}
	}
	for _, f := range p.folders {
		add(f)
	}
	for _, c := range strings.Split(category, ",") {
		for _, seg := range strings.Split(c, "/") {
			add(seg)
		}
	}
	return tags
}

// document is the OPML 2.0 shape written by Write.
type document struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Head    head      `xml:"head"`
	Body    []outline `xml:"body>outline"`
}

type head struct {
	Title       string `xml:"title"`
	DateCreated string `xml:"dateCreated,omitempty"`
	Docs        string `xml:"docs"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	Category string    `xml:"category,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// Write writes feeds as an OPML 2.0 document. Feeds are grouped into folder
// outlines by their first tag, folders in order of first appearance, untagged
// feeds at the top level; a feed's other tags go into its category
// attribute, so Parse gives back the same tags.
func Write(w io.Writer, title string, created time.Time, feeds []Feed) error {
	doc := document{
		Version: "2.0",
		Head:    head{Title: sanitize.Line(title), Docs: "http://opml.org/spec2.opml"},
	}
	if !created.IsZero() {
		doc.Head.DateCreated = created.UTC().Format(time.RFC1123Z)
	}
	folders := map[string]int{} // first tag -> index in doc.Body
	for _, f := range feeds {
		o := feedOutline(f)
		if len(f.Tags) == 0 || strings.TrimSpace(f.Tags[0]) == "" {
			doc.Body = append(doc.Body, o)
			continue
		}
		folder := sanitize.Line(f.Tags[0])
		i, ok := folders[strings.ToLower(folder)]
		if !ok {
			i = len(doc.Body)
			folders[strings.ToLower(folder)] = i
			doc.Body = append(doc.Body, outline{Text: folder, Title: folder})
		}
		doc.Body[i].Outlines = append(doc.Body[i].Outlines, o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func feedOutline(f Feed) outline {
	title := sanitize.Line(f.Title)
	text := title
	if text == "" {
		text = sanitize.Line(f.URL)
	}
	var cats []string
	for i, t := range f.Tags {
		// The category syntax has no escapes: a tag holding ',' or '/'
		// cannot be written there.
		if t = sanitize.Line(t); i > 0 && t != "" && !strings.ContainsAny(t, ",/") {
			cats = append(cats, "/"+t)
		}
	}
	return outline{
		Text:     text,
		Title:    title,
		Type:     "rss",
		XMLURL:   sanitize.Line(f.URL),
		Category: strings.Join(cats, ","),
	}
}
