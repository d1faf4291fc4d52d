package feeds

import (
	"bytes"
	"fmt"

	"github.com/mmcdole/gofeed"
	jsonfeed "github.com/mmcdole/gofeed/json"
)

// maxXMLDepth bounds how deeply a feed's elements may nest. Real feeds
// nest a handful of levels (rss > channel > item > media:group >
// media:content); the feed parser reads unknown elements recursively, so a
// document nesting hundreds of thousands of levels would cost seconds of
// CPU and a deep stack.
const maxXMLDepth = 256

// maxRepeats bounds how many children of one name an element keeps (items
// and entries excepted): an item lists at most this many authors,
// categories, enclosures or links. The parser's cost grows with every
// element it reads, so the rest are cut before it sees them.
const maxRepeats = maxListed

// MaxItems bounds the items read from one feed body; the first ones in the
// document (usually the newest) are kept. Archive feeds of a few thousand
// items fit; a body of 300,000 one-line items is cut.
const MaxItems = 5000

// limitXML scans an XML document once, without parsing it: it fails when
// elements nest deeper than maxXMLDepth, and drops every child past the
// maxRepeats-th of the same name under one parent (the MaxItems-th for
// items and entries). It returns data itself when nothing was dropped. Comments,
// CDATA sections, processing instructions and declarations are stepped
// over; quoted attribute values may hold '>'. Well-formedness is the
// parser's business: a document this scan cannot follow is passed on.
func limitXML(data []byte) ([]byte, error) {
	type open struct {
		counts map[string]int
	}
	var (
		stack    []open
		out      []byte
		copied   int  // data[:copied] is accounted for in out
		skipping = -1 // stack depth at which a dropped element started; -1: none
	)
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(data, i+4, "-->")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i = skipPast(data, i+9, "]]>")
		case bytes.HasPrefix(rest, []byte("<?")):
			i = skipPast(data, i+2, "?>")
		case bytes.HasPrefix(rest, []byte("<!")):
			i = skipPast(data, i+2, ">")
		case bytes.HasPrefix(rest, []byte("</")):
			i = skipPast(data, i+2, ">")
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if skipping >= 0 && len(stack) == skipping {
				skipping, copied = -1, i
			}
		default:
			start := i
			end := tagEnd(data, i+1)
			empty := end-2 > i && data[end-1] == '>' && data[end-2] == '/'
			i = end
			if skipping < 0 && len(stack) > 0 {
				name := localName(data[start+1 : end])
				limit := maxRepeats
				if name == "item" || name == "entry" {
					limit = MaxItems
				}
				top := &stack[len(stack)-1]
				if top.counts == nil {
					top.counts = map[string]int{}
				}
				top.counts[name]++
				if top.counts[name] > limit {
					if out == nil {
						out = make([]byte, 0, len(data))
					}
					out = append(out, data[copied:start]...)
					copied = end
					if !empty {
						skipping = len(stack)
					}
				}
			}
			if !empty {
				stack = append(stack, open{})
				if len(stack) > maxXMLDepth {
					return nil, fmt.Errorf("elements nested more than %d deep", maxXMLDepth)
				}
			}
		}
	}
	if out == nil {
		return data, nil
	}
	if skipping < 0 {
		out = append(out, data[copied:]...)
	}
	return out, nil
}

// localName is the element name at the start of tag (the bytes after '<'),
// without its namespace prefix.
func localName(tag []byte) string {
	end := bytes.IndexAny(tag, " \t\r\n/>")
	if end < 0 {
		end = len(tag)
	}
	name := tag[:end]
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	return string(name)
}

// skipPast returns the index just past the first sep at or after i, or
// len(data).
func skipPast(data []byte, i int, sep string) int {
	if i > len(data) {
		return len(data)
	}
	j := bytes.Index(data[i:], []byte(sep))
	if j < 0 {
		return len(data)
	}
	return i + j + len(sep)
}

// tagEnd returns the index just past the '>' that closes the start tag
// whose name begins at i, skipping quoted attribute values.
func tagEnd(data []byte, i int) int {
	var quote byte
	for ; i < len(data); i++ {
		c := data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(data)
}

// cappedJSON translates a JSON Feed after cutting each item's lists to
// maxListed entries: the translator parses every author's name with a
// regular expression, which for half a million authors takes seconds.
type cappedJSON struct{ gofeed.DefaultJSONTranslator }

func (t *cappedJSON) Translate(feed any) (*gofeed.Feed, error) {
	if f, ok := feed.(*jsonfeed.Feed); ok {
		f.Authors = f.Authors[:min(len(f.Authors), maxListed)]
		f.Items = f.Items[:min(len(f.Items), MaxItems)]
		for _, it := range f.Items {
			if it == nil {
				continue
			}
			it.Authors = it.Authors[:min(len(it.Authors), maxListed)]
			it.Tags = it.Tags[:min(len(it.Tags), maxListed)]
			if a := it.Attachments; a != nil && len(*a) > maxListed {
				capped := (*a)[:maxListed]
				it.Attachments = &capped
			}
		}
	}
	return t.DefaultJSONTranslator.Translate(feed)
}
