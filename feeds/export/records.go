package export

import (
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"
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

// WriteJSON writes one JSON object per statement per line.
func WriteJSON(w io.Writer, e *Export) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range Records(e) {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
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
