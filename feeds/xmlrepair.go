package feeds

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The feed parser (gofeed) reads XML leniently: a closing tag that does not
// match, an element never closed or a body cut off mid-item often parses
// into a feed with fewer items, or none, and no error. xmlBreak finds where
// such a document stops being well-formed and what was complete before it,
// so that herald keeps those items and says where the feed broke.

// xmlBreak is the first place an XML document stops being well-formed.
type xmlBreak struct {
	line   int
	reason string
	// complete counts the item elements closed before the break; prefix is
	// the document up to the end of the last of them, with closing tags
	// added for the elements still open there (empty when complete is 0).
	complete int
	prefix   []byte
}

// itemElement is the local name of one article in a feed of kind kind.
func itemElement(atom bool) string {
	if atom {
		return "entry"
	}
	return "item"
}

// countItemTags counts the start tags of item (or entry) elements, with any
// namespace prefix, by looking at the bytes alone: cheap enough to run on
// every feed, to tell whether the lenient parser lost some.
func countItemTags(data []byte, local string) int {
	n := 0
	for i := 0; i < len(data); i++ {
		if data[i] != '<' {
			continue
		}
		j := i + 1
		for j < len(data) && isNameByte(data[j]) {
			j++
		}
		if j == i+1 || j >= len(data) {
			continue
		}
		name := data[i+1 : j]
		if k := bytes.LastIndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		if string(name) == local && (data[j] == '>' || data[j] == '/' || isSpaceByte(data[j])) {
			n++
		}
		i = j - 1
	}
	return n
}

func isNameByte(c byte) bool {
	return c == ':' || c == '_' || c == '-' || c == '.' ||
		c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// findXMLBreak reads data as the lenient parser does (unknown entities and
// unquoted attributes are fine) but checks that every element is closed by
// its own end tag. It returns nil when the document is well-formed in that
// sense, or the first break and the items complete before it.
func findXMLBreak(data []byte, itemLocal string) *xmlBreak {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // already UTF-8
	var (
		stack    []xml.Name
		complete int
		cutAt    int64
		cutOpen  []xml.Name
	)
	brk := func(line int, reason string) *xmlBreak {
		b := &xmlBreak{line: line, reason: reason, complete: complete}
		if complete > 0 {
			b.prefix = closeOpen(data[:cutAt], cutOpen)
		}
		return b
	}
	for {
		tok, err := d.RawToken()
		if err != nil {
			line, _ := d.InputPos()
			var se *xml.SyntaxError
			switch {
			case errors.Is(err, io.EOF) && len(stack) == 0:
				return nil
			case errors.Is(err, io.EOF):
				return brk(line, fmt.Sprintf("the document ends inside <%s> (cut off?)", qname(stack[len(stack)-1])))
			case errors.As(err, &se):
				return brk(se.Line, se.Msg)
			}
			return brk(line, err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
		case xml.EndElement:
			line, _ := d.InputPos()
			if len(stack) == 0 {
				return brk(line, fmt.Sprintf("</%s> closes no open element", qname(t.Name)))
			}
			if open := stack[len(stack)-1]; open != t.Name {
				return brk(line, fmt.Sprintf("</%s> where </%s> was expected", qname(t.Name), qname(open)))
			}
			stack = stack[:len(stack)-1]
			if t.Name.Local == itemLocal {
				complete++
				cutAt = d.InputOffset()
				cutOpen = append(cutOpen[:0], stack...)
			}
		}
	}
}

// qname is an element name as written, prefix included.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// closeOpen returns doc followed by end tags for open, innermost first.
func closeOpen(doc []byte, open []xml.Name) []byte {
	var b strings.Builder
	b.Grow(len(doc) + 16*len(open))
	b.Write(doc)
	b.WriteByte('\n')
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</" + qname(open[i]) + ">")
	}
	b.WriteByte('\n')
	return []byte(b.String())
}

// dropC0 removes the C0 control bytes XML forbids (all but tab, newline
// and carriage return). The parser drops them too; doing it first keeps the
// byte offsets of findXMLBreak true for the parser's input.
func dropC0(data []byte) []byte {
	i := bytes.IndexFunc(data, isForbiddenC0)
	if i < 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	for _, c := range data {
		if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
			out = append(out, c)
		}
	}
	return out
}

func isForbiddenC0(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' }
