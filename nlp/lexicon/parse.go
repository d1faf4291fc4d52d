package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Fixed tables: their files and headers.
var (
	verbColumns      = []string{"lemma", "flags", "noun_forms", "forms"}
	honorificColumns = []string{"word", "gender", "flags"}
	titleColumns     = []string{"phrase", "class", "office", "gender", "flags"}
	genderedColumns  = []string{"word", "gender"}
	officeColumns    = []string{"role", "rank", "flags", "matches"}
)

const (
	verbFile       = "reporting_verbs.tsv"
	honorificFile  = "honorifics.tsv"
	titleFile      = "titles.tsv"
	givenNamesFile = "given_name_genders.tsv"
	pronounFile    = "pronouns.tsv"
	officeFile     = "offices.tsv"
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
	want := map[string]bool{verbFile: true, honorificFile: true, titleFile: true, givenNamesFile: true, pronounFile: true, officeFile: true}
	for _, d := range lists {
		want[d.name+".tsv"] = true
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	for _, e := range entries {
		if !want[e.Name()] {
			return nil, fmt.Errorf("lexicon: %s: no such table (known: %s)", e.Name(), strings.Join(slices.Sorted(maps.Keys(want)), ", "))
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
	table(officeFile, officeColumns, func(file string, rows []row) (err error) { lex.Offices, err = decodeOffices(file, rows); return })
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

// dups reports the second use of a key, naming where it was first used.
type dups map[string]string

// A key may name its kind before a space: "form said".
func (d dups) add(key, at string) error {
	if first, ok := d[key]; ok {
		if kind, k, ok := strings.Cut(key, " "); ok {
			return fmt.Errorf("%s: %s %q is already at %s", at, kind, k, first)
		}
		return fmt.Errorf("%s: %q is already at %s", at, key, first)
	}
	d[key] = at
	return nil
}

func at(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

// decodeRows turns rows into entries with read, checks each with check, and
// refuses a second entry with the same keys (a verb's lemma and forms, a
// word, a phrase).
func decodeRows[T any](file string, rows []row, read func([]string) T, check func(T, string) error, keys func(T) []string) ([]T, error) {
	out := make([]T, 0, len(rows))
	seen := dups{}
	for _, r := range rows {
		e := read(r.fields)
		where := at(file, r.line)
		if err := check(e, where); err != nil {
			return nil, err
		}
		for _, k := range keys(e) {
			if err := seen.add(k, where); err != nil {
				return nil, err
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func decodeVerbs(file string, rows []row) ([]Verb, error) {
	return decodeRows(file, rows,
		func(f []string) Verb {
			return Verb{Lemma: f[0], Flags: strings.Fields(f[1]), NounForms: strings.Fields(f[2]), Forms: strings.Fields(f[3])}
		},
		checkVerb,
		// a lemma and a form may be the same word; forms are unique across verbs
		func(v Verb) []string {
			keys := []string{"lemma " + v.Lemma}
			for _, f := range v.Forms {
				keys = append(keys, "form "+f)
			}
			return keys
		})
}

func decodeHonorifics(file string, rows []row) ([]Honorific, error) {
	return decodeRows(file, rows,
		func(f []string) Honorific { return Honorific{Word: f[0], Gender: f[1], Flags: strings.Fields(f[2])} },
		checkHonorific, func(h Honorific) []string { return []string{h.Word} })
}

func decodeTitles(file string, rows []row) ([]Title, error) {
	return decodeRows(file, rows,
		func(f []string) Title {
			return Title{Phrase: f[0], Class: f[1], Office: f[2], Gender: f[3], Flags: strings.Fields(f[4])}
		},
		checkTitle, func(t Title) []string { return []string{t.Phrase} })
}

func decodeOffices(file string, rows []row) ([]Office, error) {
	return decodeRows(file, rows,
		func(f []string) Office {
			o := Office{Role: f[0], Rank: -1, Flags: strings.Fields(f[2])}
			if n, err := strconv.Atoi(f[1]); err == nil {
				o.Rank = n
			}
			if f[3] != "" {
				for m := range strings.SplitSeq(f[3], ",") {
					o.Matches = append(o.Matches, strings.TrimSpace(m))
				}
			}
			return o
		},
		checkOffice, func(o Office) []string { return []string{o.Role} })
}

func decodeGendered(file string, rows []row, genders string) ([]Gendered, error) {
	return decodeRows(file, rows,
		func(f []string) Gendered { return Gendered{Word: f[0], Gender: f[1]} },
		func(g Gendered, where string) error {
			if err := checkWord(g.Word, false, where); err != nil {
				return err
			}
			if len(g.Gender) != 1 || !strings.Contains(genders, g.Gender) {
				return fmt.Errorf("%s: gender %q is not one of %q", where, g.Gender, strings.Split(genders, ""))
			}
			return nil
		},
		func(g Gendered) []string { return []string{g.Word} })
}

func decodeList(file string, rows []row, d listDef) ([]string, error) {
	return decodeRows(file, rows,
		func(f []string) string { return f[0] },
		func(w, where string) error { return checkWord(w, d.phrases, where) },
		func(w string) []string { return []string{w} })
}
