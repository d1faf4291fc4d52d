package main

import (
	"encoding/json"
	"io"

	"github.com/herald-reader/herald/nlp"
)

// schemaVersion is the version of herald's JSON output shapes; it changes
// when a field is renamed or removed, not when one is added.
const schemaVersion = 1

// schema heads every JSON document herald writes, so that a consumer knows
// what made it: the shape ("extract", "feeds"), its version, the annotator
// that produced the entities and statements, and where the input came from.
type schema struct {
	Name      string        `json:"name"`
	Version   int           `json:"version"`
	Annotator string        `json:"annotator"`
	Herald    string        `json:"herald"`
	Source    *schemaSource `json:"source,omitempty"`
}

// schemaSource is the input of a JSON document; fields are empty when unknown.
type schemaSource struct {
	File  string `json:"file,omitempty"`
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"` // RFC 3339
}

func newSchema(name string, ann *nlp.Annotator, src *schemaSource) schema {
	s := schema{Name: name, Version: schemaVersion, Herald: version, Source: src}
	if ann != nil {
		s.Annotator = ann.Version()
	}
	return s
}

// writeJSON writes v as indented JSON, with <, > and & left as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
