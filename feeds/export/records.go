package export

import (
	"bufio"
	_ "embed"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// SchemaVersion is the "schema" field of every JSON line. Bump it when a
// field changes meaning or goes away (adding a field does not bump it).
const SchemaVersion = 1

// Schema is the JSON Schema of one JSON line (statement.schema.json).
//
//go:embed statement.schema.json
var Schema []byte

// Record is one statement as JSON lines and CSV carry it. Text fields are
// exactly as stored: a quote round-trips byte for byte.
type Record struct {
	Schema      int     `json:"schema"`
	SpeakerID   *string `json:"speaker_id"`   // null: unattributed
	SpeakerName *string `json:"speaker_name"` // null: unattributed
	Leader      bool    `json:"leader"`
	Kind        string  `json:"kind"` // "direct" or "indirect" (reported)
	Quote       string  `json:"quote"`
	Cue         string  `json:"cue"`
	Confidence  float64 `json:"confidence"`
	ArticleID   int64   `json:"article_id"`
	Title       string  `json:"title"`
	URL         string  `json:"url"`
	Feed        string  `json:"feed"`
	Published   *string `json:"published"` // RFC 3339 in UTC; null: unknown
}

// Records lists e's statements as records.
func Records(e *Export) []Record {
	out := make([]Record, len(e.Statements))
	for i, s := range e.Statements {
		r := Record{Schema: SchemaVersion, Kind: s.Kind, Quote: s.Quote, Cue: s.Cue, Confidence: s.Confidence}
		if sp := s.Speaker; sp != nil {
			id, name := sp.ID, sp.Name
			r.SpeakerID, r.SpeakerName, r.Leader = &id, &name, sp.Leader
		}
		if a := s.Article; a != nil {
			r.ArticleID, r.Title, r.URL, r.Feed = a.ID, a.Title, a.Link, a.Feed
			if !a.Published.IsZero() {
				p := a.Published.UTC().Format(time.RFC3339)
				r.Published = &p
			}
		}
		out[i] = r
	}
	return out
}

// WriteJSON writes one JSON object per statement per line: the fields of
// Record, in its order, as encoding/json would write them (without HTML
// escaping). It is written by hand: reflection was most of the cost.
func WriteJSON(w io.Writer, e *Export) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	buf := make([]byte, 0, 1024)
	for _, s := range e.Statements {
		buf = appendRecord(buf[:0], s)
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendRecord(b []byte, s Statement) []byte {
	b = append(b, `{"schema":`...)
	b = strconv.AppendInt(b, SchemaVersion, 10)
	if sp := s.Speaker; sp != nil {
		b = append(b, `,"speaker_id":`...)
		b = appendJSONString(b, sp.ID)
		b = append(b, `,"speaker_name":`...)
		b = appendJSONString(b, sp.Name)
		b = append(b, `,"leader":`...)
		b = strconv.AppendBool(b, sp.Leader)
	} else {
		b = append(b, `,"speaker_id":null,"speaker_name":null,"leader":false`...)
	}
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, s.Kind)
	b = append(b, `,"quote":`...)
	b = appendJSONString(b, s.Quote)
	b = append(b, `,"cue":`...)
	b = appendJSONString(b, s.Cue)
	b = append(b, `,"confidence":`...)
	b = appendJSONFloat(b, s.Confidence)
	var a Article
	if s.Article != nil {
		a = *s.Article
	}
	b = append(b, `,"article_id":`...)
	b = strconv.AppendInt(b, a.ID, 10)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, a.Title)
	b = append(b, `,"url":`...)
	b = appendJSONString(b, a.Link)
	b = append(b, `,"feed":`...)
	b = appendJSONString(b, a.Feed)
	b = append(b, `,"published":`...)
	if a.Published.IsZero() {
		b = append(b, "null"...)
	} else {
		b = append(b, '"')
		b = a.Published.UTC().AppendFormat(b, time.RFC3339)
		b = append(b, '"')
	}
	return append(b, "}\n"...)
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping off: invalid UTF-8 becomes U+FFFD, and U+2028 and
// U+2029 are escaped for JavaScript.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&15])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONFloat writes f as encoding/json does for values in [1e-6, 1e21).
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, '0')
	}
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.AppendFloat(b, f, 'e', -1, 64)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// csvHeader names WriteCSV's columns, in the JSON lines' field names.
var csvHeader = []string{"schema", "speaker_id", "speaker_name", "leader", "kind", "quote", "cue",
	"confidence", "article_id", "title", "url", "feed", "published"}

// WriteCSV writes a header row and one row per statement (RFC 4180).
func WriteCSV(w io.Writer, e *Export) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for _, r := range Records(e) {
		row := []string{strconv.Itoa(r.Schema), str(r.SpeakerID), str(r.SpeakerName), strconv.FormatBool(r.Leader),
			r.Kind, r.Quote, r.Cue, strconv.FormatFloat(r.Confidence, 'f', -1, 64),
			strconv.FormatInt(r.ArticleID, 10), r.Title, r.URL, r.Feed, str(r.Published)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
