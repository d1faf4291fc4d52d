package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// Fixed tables: their files and headers.
var (
	verbColumns      = []string{"lemma", "flags", "noun_forms", "forms"}
	honorificColumns = []string{"word", "gender", "flags"}
	titleColumns     = []string{"phrase", "class", "office", "gender", "flags"}
	genderedColumns  = []string{"word", "gender"}
)

const (
	verbFile       = "reporting_verbs.tsv"
	honorificFile  = "honorifics.tsv"
	titleFile      = "titles.tsv"
	givenNamesFile = "given_name_genders.tsv"
	pronounFile    = "pronouns.tsv"
)

// row is one data line of a table file.
type row struct {
	line   int
	fields []string // "-" already turned into ""
}

// readTable parses one file: comments, the header (which must be columns)
// and rows of exactly len(columns) fields.
func readTable(name, text string, columns []string) ([]row, error) {
	var rows []row
	header := false
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		var fields []string
		for f := range strings.SplitSeq(line, "\t") {
			if f = strings.TrimSpace(f); f != "" {
				fields = append(fields, f)
			}
		}
		if !header {
			if !slices.Equal(fields, columns) {
				return nil, fmt.Errorf("%s:%d: header is %q, want %q", name, n, strings.Join(fields, " "), strings.Join(columns, " "))
			}
			header = true
			continue
		}
		if len(fields) != len(columns) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d (%s; \"-\" for an empty one, tabs between them)",
				name, n, len(fields), len(columns), strings.Join(columns, ", "))
		}
		for k, f := range fields {
			if f == "-" {
				fields[k] = ""
			}
		}
		rows = append(rows, row{line: n, fields: fields})
	}
	if !header {
		return nil, fmt.Errorf("%s: no header (want %q)", name, strings.Join(columns, " "))
	}
	return rows, nil
}

// parseFS reads and validates every table under dir of fsys.
func parseFS(fsys fs.FS, dir string) (*Lexicon, error) {
	read := func(file string) (string, error) {
		b, err := fs.ReadFile(fsys, path.Join(dir, file))
		return string(b), err
	}
	want := map[string]bool{verbFile: true, honorificFile: true, titleFile: true, givenNamesFile: true, pronounFile: true}
	for _, d := range lists {
		want[d.name+".tsv"] = true
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			return nil, fmt.Errorf("lexicon: %s: no such table (known: %s)", e.Name(), strings.Join(sortedKeys(want), ", "))
		}
	}
	lex := &Lexicon{Lists: map[string][]string{}}
	var errs []error
	table := func(file string, columns []string, decode func(file string, rows []row) error) {
		text, err := read(file)
		if err != nil {
			errs = append(errs, fmt.Errorf("lexicon: %w", err))
			return
		}
		rows, err := readTable(file, text, columns)
		if err == nil {
			err = decode(file, rows)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("lexicon: %w", err))
		}
	}
	table(verbFile, verbColumns, func(file string, rows []row) (err error) { lex.Verbs, err = decodeVerbs(file, rows); return })
	table(honorificFile, honorificColumns, func(file string, rows []row) (err error) {
		lex.Honorifics, err = decodeHonorifics(file, rows)
		return
	})
	table(titleFile, titleColumns, func(file string, rows []row) (err error) { lex.Titles, err = decodeTitles(file, rows); return })
	table(givenNamesFile, genderedColumns, func(file string, rows []row) (err error) {
		lex.GivenNameGenders, err = decodeGendered(file, rows, "mf")
		return
	})
	table(pronounFile, genderedColumns, func(file string, rows []row) (err error) {
		lex.Pronouns, err = decodeGendered(file, rows, "mfnpx")
		return
	})
	for _, d := range lists {
		table(d.name+".tsv", []string{d.column}, func(file string, rows []row) error {
			words, err := decodeList(file, rows, d)
			lex.Lists[d.name] = words
			return err
		})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return lex, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// dups reports the second use of a key, naming where it was first used.
type dups map[string]string

func (d dups) add(key, at string) error {
	if first, ok := d[key]; ok {
		return fmt.Errorf("%s: %q is already at %s", at, key, first)
	}
	d[key] = at
	return nil
}

func at(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

func decodeVerbs(file string, rows []row) ([]Verb, error) {
	var out []Verb
	lemmas, forms := dups{}, dups{}
	for _, r := range rows {
		v := Verb{Lemma: r.fields[0], Flags: strings.Fields(r.fields[1]),
			NounForms: strings.Fields(r.fields[2]), Forms: strings.Fields(r.fields[3])}
		where := at(file, r.line)
		if err := checkVerb(v, where); err != nil {
			return nil, err
		}
		if err := lemmas.add(v.Lemma, where); err != nil {
			return nil, err
		}
		for _, f := range v.Forms {
			if err := forms.add(f, where); err != nil {
				return nil, err
			}
		}
		out = append(out, v)
	}
	return out, nil
}

func decodeHonorifics(file string, rows []row) ([]Honorific, error) {
	var out []Honorific
	seen := dups{}
	for _, r := range rows {
		h := Honorific{Word: r.fields[0], Gender: r.fields[1], Flags: strings.Fields(r.fields[2])}
		where := at(file, r.line)
		if err := checkHonorific(h, where); err != nil {
			return nil, err
		}
		if err := seen.add(h.Word, where); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

func decodeTitles(file string, rows []row) ([]Title, error) {
	var out []Title
	seen := dups{}
	for _, r := range rows {
		t := Title{Phrase: r.fields[0], Class: r.fields[1], Office: r.fields[2], Gender: r.fields[3], Flags: strings.Fields(r.fields[4])}
		where := at(file, r.line)
		if err := checkTitle(t, where); err != nil {
			return nil, err
		}
		if err := seen.add(t.Phrase, where); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

func decodeGendered(file string, rows []row, genders string) ([]Gendered, error) {
	var out []Gendered
	seen := dups{}
	for _, r := range rows {
		g := Gendered{Word: r.fields[0], Gender: r.fields[1]}
		where := at(file, r.line)
		if err := checkWord(g.Word, false, where); err != nil {
			return nil, err
		}
		if len(g.Gender) != 1 || !strings.Contains(genders, g.Gender) {
			return nil, fmt.Errorf("%s: gender %q is not one of %q", where, g.Gender, strings.Split(genders, ""))
		}
		if err := seen.add(g.Word, where); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

func decodeList(file string, rows []row, d listDef) ([]string, error) {
	var out []string
	seen := dups{}
	for _, r := range rows {
		w := r.fields[0]
		where := at(file, r.line)
		if err := checkWord(w, d.phrases, where); err != nil {
			return nil, err
		}
		if err := seen.add(w, where); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}
