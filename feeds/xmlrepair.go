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
	// before counts the item elements closed before the break, after the
	// whole ones found after it. repaired is the document with only those
	// items and every element closed, nil when it would hold none.
	before, after int
	repaired      []byte
}

// itemElement is the local name of one article: entry in Atom, else item.
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
	for i := nextItemTag(data, 0, local); i >= 0; i = nextItemTag(data, i+1, local) {
		n++
	}
	return n
}

// nextItemTag is the offset of the first item start tag at or after from,
// or -1.
func nextItemTag(data []byte, from int, local string) int {
	for i := from; i < len(data); i++ {
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
			return i
		}
		i = j - 1
	}
	return -1
}

func isNameByte(c byte) bool {
	return c == ':' || c == '_' || c == '-' || c == '.' ||
		c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// newRawDecoder reads XML as the lenient feed parser does: unknown
// entities and unquoted attributes pass.
func newRawDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // already UTF-8
	return d
}

// findXMLBreak reads data as the lenient parser does but checks that every
// element is closed by its own end tag. It returns nil when the document is
// well-formed in that sense, or the first break and a repaired document:
// data up to the last clean point before the break (the end of the last
// item closed in its feed container, else the start of the first item,
// else the end of the root's start tag), then every later item that is
// whole in itself, then end tags for what was open at that point.
func findXMLBreak(data []byte, itemLocal string) *xmlBreak {
	d := newRawDecoder(data)
	var (
		stack    []xml.Name
		before   int             // items closed in their container before the break
		cutAt    int64      = -1 // the clean point
		cutOpen  []xml.Name      // the elements open there
		atItem   bool            // the clean point is the start of the first item
		tokStart int64
	)
	checkpoint := func(at int64) {
		cutAt = at
		cutOpen = append(cutOpen[:0], stack...)
	}
	brk := func(line int, reason string) *xmlBreak {
		b := &xmlBreak{line: line, reason: reason, before: before}
		if cutAt < 0 {
			return b
		}
		later := laterItems(data, int(cutAt), itemLocal)
		b.after = len(later)
		if len(later) > 0 || before > 0 {
			b.repaired = repair(data[:cutAt], later, cutOpen)
		}
		return b
	}
	for {
		tokStart = d.InputOffset()
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
			if t.Name.Local == itemLocal && before == 0 && !atItem && inContainer(stack) {
				checkpoint(tokStart)
				atItem = true
			}
			stack = append(stack, t.Name)
			if len(stack) == 1 && cutAt < 0 {
				checkpoint(d.InputOffset())
			}
		case xml.EndElement:
			line, _ := d.InputPos()
			if len(stack) == 0 {
				return brk(line, fmt.Sprintf("</%s> closes no open element", qname(t.Name)))
			}
			if open := stack[len(stack)-1]; open != t.Name {
				return brk(line, fmt.Sprintf("</%s> where </%s> was expected", qname(t.Name), qname(open)))
			}
			stack = stack[:len(stack)-1]
			if t.Name.Local == itemLocal && inContainer(stack) {
				before++
				checkpoint(d.InputOffset())
			}
		}
	}
}

// inContainer reports whether an element opened now has a feed's item
// container as its parent: the channel, or the root of RSS, RDF or Atom.
func inContainer(stack []xml.Name) bool {
	if len(stack) == 0 || len(stack) > 2 {
		return false
	}
	switch stack[len(stack)-1].Local {
	case "channel", "rss", "RDF", "feed":
		return true
	}
	return false
}

// qname is an element name as written, prefix included.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// laterItems returns the item elements at or after from that are whole in
// themselves: every element in them closed by its own end tag. It reads
// the data once: an end tag that matches nothing abandons the elements
// open at that point, and a syntax error resumes at the next item.
func laterItems(data []byte, from int, local string) [][]byte {
	var out [][]byte
	for from >= 0 && from < len(data) {
		d := newRawDecoder(data[from:])
		var stack []xml.Name
		itemAt, itemDepth := int64(-1), 0 // the outermost open item: its start, and the stack below it
		for {
			start := d.InputOffset()
			tok, err := d.RawToken()
			if err != nil {
				var se *xml.SyntaxError
				if errors.Is(err, io.EOF) || errors.As(err, &se) && strings.HasPrefix(se.Msg, "unexpected EOF") {
					return out
				}
				from = nextItemTag(data, from+int(max(d.InputOffset(), start+1)), local)
				break
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if t.Name.Local == local && itemAt < 0 {
					itemAt, itemDepth = start, len(stack)
				}
				stack = append(stack, t.Name)
			case xml.EndElement:
				if len(stack) == 0 || stack[len(stack)-1] != t.Name {
					stack, itemAt = stack[:0], -1
					continue
				}
				stack = stack[:len(stack)-1]
				if itemAt >= 0 && len(stack) == itemDepth {
					out = append(out, data[from+int(itemAt):from+int(d.InputOffset())])
					itemAt = -1
				}
			}
		}
	}
	return out
}

// repair returns doc, then the later items, then end tags for the elements
// open at the end of doc, innermost first.
func repair(doc []byte, later [][]byte, open []xml.Name) []byte {
	size := len(doc) + 16*len(open)
	for _, it := range later {
		size += len(it) + 1
	}
	b := make([]byte, 0, size+2)
	b = append(b, doc...)
	b = append(b, '\n')
	for _, it := range later {
		b = append(b, it...)
		b = append(b, '\n')
	}
	for i := len(open) - 1; i >= 0; i-- {
		b = append(b, "</"+qname(open[i])+">"...)
	}
	return append(b, '\n')
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
