package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/herald-reader/herald/nlp"
)

func extractSchema(t *testing.T, out string) schema {
	t.Helper()
	var got struct {
		Schema schema `json:"schema"`
		Text   string `json:"text"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Text == "" {
		t.Errorf("no text beside the schema:\n%s", out)
	}
	return got.Schema
}

func TestExtractSchemaNamesTheSource(t *testing.T) {
	dir := isolate(t)
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte(`<html><head><title>Talks resume</title><meta name="pubdate" content="2025-10-04"></head><body><p>Leaders met on Monday.</p></body></html>`), 0o644)

	code, out, errOut := runCLI(t, "", "extract", page)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	s := extractSchema(t, out)
	if s.Name != "extract" || s.Version != schemaVersion || s.Annotator == "" || s.Herald != version ||
		s.Source == nil || s.Source.File != page || s.Source.Title != "Talks resume" || !strings.HasPrefix(s.Source.Date, "2025-10-04T00:00:00") {
		t.Errorf("schema = %+v, source %+v", s, s.Source)
	}

	// --date wins over the page's date.
	code, out, _ = runCLI(t, "", "extract", "--date", "2024-02-29T10:00:00Z", page)
	if s := extractSchema(t, out); code != exitOK || s.Source.Date != "2024-02-29T10:00:00Z" {
		t.Errorf("--date: code %d, source %+v", code, s.Source)
	}

	code, out, _ = runCLI(t, "Plain text from a pipe.", "extract", "-")
	if s := extractSchema(t, out); code != exitOK || s.Source.File != "-" || s.Source.Date != "" || s.Source.URL != "" {
		t.Errorf("stdin: code %d, source %+v", code, s.Source)
	}
}

func TestExtractURLSource(t *testing.T) {
	isolate(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><head><title>Talks</title><meta property="article:published_time" content="2025-10-06T09:00:00Z"></head><body><article><h1>Talks</h1>
<p>“We will not give up,” Prime Minister Keir Starmer said in London on Monday, as talks on Ukraine resumed for a third day.</p>
<p>The talks are expected to continue through the week, officials said, with delegations from both sides present in the city.</p>
</article></body></html>`))
	}))
	defer srv.Close()
	code, out, errOut := runCLI(t, "", "extract", srv.URL+"/article")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if s := extractSchema(t, out); s.Source.URL != srv.URL+"/article" || s.Source.File != "" ||
		s.Source.Title != "Talks" || s.Source.Date != "2025-10-06T09:00:00Z" {
		t.Errorf("source = %+v", s.Source)
	}
}

// TestExtractJSONStreamsWhatWriteJSONWrites checks the streaming writer
// against the encoder it replaces, byte for byte: with entities and
// statements, with none, and with characters JSON may escape.
func TestExtractJSONStreamsWhatWriteJSONWrites(t *testing.T) {
	text := "“We will not give up,” Prime Minister Keir Starmer said in London <on> Monday & Tuesday, as France and Germany met.\nHe added: “Trust but verify.”"
	for _, doc := range []nlp.Doc{
		nlp.Annotate(text),
		{Text: "Nothing here.", Entities: []nlp.Entity{}, Statements: []nlp.Statement{}},
		{Text: "nil lists"},
		{Text: strings.Repeat("Pieces «cut» between runes\u2028 — ", 9000) + "\xff end"},
	} {
		s := newSchema("extract", nlp.Default(), &schemaSource{File: "a<b>.txt", Title: "Talks & more"})
		var want, got strings.Builder
		if err := writeJSON(&want, extractJSON{Schema: s, Doc: doc}); err != nil {
			t.Fatal(err)
		}
		if err := writeExtractJSON(&got, s, doc); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("streamed JSON differs\n got %s\nwant %s", got.String(), want.String())
		}
	}
	if n := len(nlp.Annotate(text).Statements); n == 0 {
		t.Errorf("the sample has no statement to stream")
	}
}
