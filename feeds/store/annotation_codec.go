package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/herald-reader/herald/nlp"
)

// The annotation cache's compact form (blobCompact): a byte 0xA1, then a
// raw deflate stream (see flateWriters) of a body of varints. Each
// distinct string (kind, id, name, cue, a confidence written
// shortest-first) is written once and then named by its number; offsets
// are written as differences from the previous mention's. Mentions' and
// quotes' texts that are just the text between their offsets are left
// out, and so is the text when it is the normalised body. It replaced
// gzipped JSON, which decodeDoc still reads, as it reads plain JSON.
const blobCompact = 0xA1

// A Doc's fields that the body holds: omitted texts are number 0 in the
// string table, real strings count from 1.
const (
	flagFromBody = 1 << iota
)

// The body is deflate's stored blocks, not compressed: the varints and
// the string table leave deflate little to find (it saved a fifth of a
// benchmark article's blob, 3% of the store) and compressing was four
// fifths of the time encoding took, on every article a refresh annotates.
// Blobs written compressed, by earlier versions, read the same.
var flateWriters = sync.Pool{New: func() any {
	zw, _ := flate.NewWriter(io.Discard, flate.NoCompression)
	return zw
}}

// flateReaders keep decompressors (tens of KB each) for decodeCompact:
// reading statements decodes a blob per article, and allocating one each
// time was two fifths of it.
var flateReaders = sync.Pool{New: func() any {
	r := &flateReader{}
	r.zr = flate.NewReader(&r.src)
	return r
}}

type flateReader struct {
	src bytes.Reader
	zr  io.ReadCloser
	raw bytes.Buffer
}

// docWriter builds the body of a compact blob.
type docWriter struct {
	buf     []byte
	strings map[string]uint64
	table   []string
}

func (w *docWriter) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *docWriter) int(v int)     { w.buf = binary.AppendVarint(w.buf, int64(v)) }

// str writes s as its number in the string table (adding it if new).
func (w *docWriter) str(s string) {
	n, ok := w.strings[s]
	if !ok {
		w.table = append(w.table, s)
		n = uint64(len(w.table))
		w.strings[s] = n
	}
	w.uint(n)
}

func (w *docWriter) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

// encodeCompact writes doc; fromBody says that doc.Text is the normalised
// body and that texts equal to their spans are omitted (text is doc.Text).
func encodeCompact(doc nlp.Doc, fromBody bool) ([]byte, error) {
	w := &docWriter{strings: map[string]uint64{}}
	spanText := func(s string, start, end int) bool {
		return fromBody && start >= 0 && start <= end && end <= len(doc.Text) && doc.Text[start:end] == s
	}
	var flags uint64
	if fromBody {
		flags |= flagFromBody
	}
	w.uint(flags)
	if !fromBody {
		w.str(doc.Text)
	}
	w.uint(uint64(len(doc.Entities)))
	prev := 0
	for _, e := range doc.Entities {
		w.str(e.Kind)
		w.str(e.ID)
		w.str(e.Name)
		w.bool(e.Leader)
		w.int(e.Start - prev)
		w.int(e.End - e.Start)
		prev = e.Start
		if spanText(e.Text, e.Start, e.End) {
			w.uint(0)
		} else {
			w.str(e.Text)
		}
	}
	w.uint(uint64(len(doc.Statements)))
	prev = 0
	for _, st := range doc.Statements {
		w.str(st.Kind)
		w.int(st.Start - prev)
		w.int(st.End - st.Start)
		prev = st.Start
		if spanText(st.Quote, st.Start, st.End) {
			w.uint(0)
		} else {
			w.str(st.Quote)
		}
		if st.Speaker == nil {
			w.uint(0)
		} else {
			w.uint(1)
			w.str(st.Speaker.ID)
			w.str(st.Speaker.Name)
			w.bool(st.Speaker.Leader)
		}
		w.str(st.Cue)
		w.str(strconv.FormatFloat(st.Confidence, 'g', -1, 64))
	}
	// The string table goes first in the blob, the records after it.
	var head []byte
	head = binary.AppendUvarint(head, uint64(len(w.table)))
	for _, s := range w.table {
		head = binary.AppendUvarint(head, uint64(len(s)))
		head = append(head, s...)
	}
	var out bytes.Buffer
	out.WriteByte(blobCompact)
	zw := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(zw)
	zw.Reset(&out)
	if _, err := zw.Write(head); err != nil {
		return nil, err
	}
	if _, err := zw.Write(w.buf); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

var errBadBlob = errors.New("malformed annotation")

// docReader reads the body of a compact blob. Its string table is read
// as offsets into raw, and a string is made when a record first names it:
// reading only the statements makes none of the entities' strings.
type docReader struct {
	r     *bytes.Reader
	raw   []byte
	spans [][2]int // the table's strings in raw
	table []string // made so far, by number-1
	made  []bool
	err   error
}

func (r *docReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.err = errBadBlob
	}
	return v
}

// int reads a signed varint: the zig-zag form binary.AppendVarint wrote.
func (r *docReader) int() int {
	u := r.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

// str reads a string's number; 0 (an omitted text) reads as "".
func (r *docReader) str() string {
	n := r.uint()
	if n > uint64(len(r.table)) {
		r.err = errBadBlob
		return ""
	}
	if n == 0 {
		return ""
	}
	if !r.made[n-1] {
		sp := r.spans[n-1]
		r.table[n-1], r.made[n-1] = string(r.raw[sp[0]:sp[1]]), true
	}
	return r.table[n-1]
}

// keep reads a string's number into *s, or only past it.
func (r *docReader) keep(s *string, keep bool) {
	if keep {
		*s = r.str()
	} else if n := r.uint(); n > uint64(len(r.spans)) {
		r.err = errBadBlob
	}
}

// count reads a number of records, refusing one the rest of the blob
// could not hold (each record takes at least a byte).
func (r *docReader) count() int {
	n := r.uint()
	if n > uint64(r.r.Len()) {
		r.err = errBadBlob
		return 0
	}
	return int(n)
}

// decodeCompact reads what encodeCompact wrote (after the format byte);
// fromBody reports whether doc.Text and omitted texts are still to be
// filled in from the body. With statementsOnly, the text and the entities
// are skipped: doc holds the statements alone.
func decodeCompact(b []byte, statementsOnly bool) (doc nlp.Doc, fromBody bool, err error) {
	in := flateReaders.Get().(*flateReader)
	defer flateReaders.Put(in)
	in.src.Reset(b)
	if err := in.zr.(flate.Resetter).Reset(&in.src, nil); err != nil {
		return nlp.Doc{}, false, fmt.Errorf("%w: %v", errBadBlob, err)
	}
	in.raw.Reset()
	if _, err := in.raw.ReadFrom(in.zr); err != nil {
		return nlp.Doc{}, false, fmt.Errorf("%w: %v", errBadBlob, err)
	}
	raw := in.raw.Bytes()
	r := &docReader{r: bytes.NewReader(raw), raw: raw}
	for n := r.count(); n > 0 && r.err == nil; n-- {
		size := r.uint()
		if r.err != nil || size > uint64(r.r.Len()) {
			return nlp.Doc{}, false, errBadBlob
		}
		at := len(raw) - r.r.Len()
		r.spans = append(r.spans, [2]int{at, at + int(size)})
		r.r.Seek(int64(size), io.SeekCurrent)
	}
	r.table, r.made = make([]string, len(r.spans)), make([]bool, len(r.spans))
	flags := r.uint()
	fromBody = flags&flagFromBody != 0
	if !fromBody {
		r.keep(&doc.Text, !statementsOnly)
	}
	prev := 0
	for n := r.count(); n > 0 && r.err == nil; n-- {
		var e nlp.Entity
		keep := !statementsOnly
		r.keep(&e.Kind, keep)
		r.keep(&e.ID, keep)
		r.keep(&e.Name, keep)
		e.Leader = r.uint() == 1
		e.Start = prev + r.int()
		e.End = e.Start + r.int()
		prev = e.Start
		r.keep(&e.Text, keep)
		if keep {
			doc.Entities = append(doc.Entities, e)
		}
	}
	prev = 0
	for n := r.count(); n > 0 && r.err == nil; n-- {
		st := nlp.Statement{Kind: r.str()}
		st.Start = prev + r.int()
		st.End = st.Start + r.int()
		prev = st.Start
		st.Quote = r.str()
		if r.uint() == 1 {
			st.Speaker = &nlp.Speaker{ID: r.str(), Name: r.str(), Leader: r.uint() == 1}
		}
		st.Cue = r.str()
		conf := r.str()
		if r.err == nil {
			if st.Confidence, err = strconv.ParseFloat(conf, 64); err != nil {
				return nlp.Doc{}, false, errBadBlob
			}
		}
		doc.Statements = append(doc.Statements, st)
	}
	if r.err != nil {
		return nlp.Doc{}, false, r.err
	}
	return doc, fromBody, nil
}
