package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/herald-reader/herald/nlp"
)

// writeExtractJSON writes what writeJSON writes for extractJSON{s, doc}, one
// entity and one statement at a time: writeJSON builds the whole document in
// memory twice over (encoded, then indented), which on a long text took more
// memory than annotating it.
func writeExtractJSON(w io.Writer, s schema, doc nlp.Doc) error {
	j := jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.raw("{\n  \"schema\": ")
	j.value(s, 1)
	j.raw(",\n  \"text\": ")
	j.text(doc.Text)
	j.raw(",\n  \"entities\": ")
	j.list(doc.Entities == nil, len(doc.Entities), func(i int) { j.value(doc.Entities[i], 2) })
	j.raw(",\n  \"statements\": ")
	j.list(doc.Statements == nil, len(doc.Statements), func(i int) { j.value(doc.Statements[i], 2) })
	j.raw("\n}\n")
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// jsonStream writes an indented JSON document piece by piece, keeping the
// first error.
type jsonStream struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func (j *jsonStream) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v as it stands at the given depth of the document.
func (j *jsonStream) value(v any, depth int) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	j.enc.SetIndent(strings.Repeat("  ", depth), "  ")
	if j.err = j.enc.Encode(v); j.err == nil {
		_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	}
}

// text writes s as a JSON string in pieces of about 64 KB, cut between
// runes: JSON escapes each character on its own, so the pieces' contents
// joined are the whole string's.
func (j *jsonStream) text(s string) {
	j.raw(`"`)
	for len(s) > 0 && j.err == nil {
		n := min(len(s), 64<<10)
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		j.buf.Reset()
		j.enc.SetIndent("", "")
		if j.err = j.enc.Encode(s[:n]); j.err == nil {
			b := bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))
			_, j.err = j.w.Write(b[1 : len(b)-1])
		}
		s = s[n:]
	}
	j.raw(`"`)
}

// list writes an array of n items at depth 1, item(i) writing each.
func (j *jsonStream) list(null bool, n int, item func(i int)) {
	switch {
	case null:
		j.raw("null")
		return
	case n == 0:
		j.raw("[]")
		return
	}
	j.raw("[\n")
	for i := range n {
		j.raw("    ")
		item(i)
		if i < n-1 {
			j.raw(",")
		}
		j.raw("\n")
	}
	j.raw("  ]")
}
