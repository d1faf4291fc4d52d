package lexicon

import (
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedLexiconLoads(t *testing.T) {
	lex, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	verb := func(lemma string) Verb {
		for _, v := range lex.Verbs {
			if v.Lemma == lemma {
				return v
			}
		}
		t.Fatalf("no verb %q", lemma)
		return Verb{}
	}
	if say := verb("say"); !slices.Contains(say.Forms, "said") || !say.Has("invert") || !say.Has("bare") || say.Has("weak") {
		t.Errorf("say = %+v", say)
	}
	if claim := verb("claim"); !slices.Contains(claim.NounForms, "claims") {
		t.Errorf("claims is not a noun form of claim: %+v", claim)
	}
	if !verb("according").Has("according") || !verb("call").Has("as") || !verb("warn").Has("object-optional") {
		t.Error("according, call or warn lost its flag")
	}
	i := slices.IndexFunc(lex.Honorifics, func(h Honorific) bool { return h.Word == "mr" })
	if i < 0 || lex.Honorifics[i].Gender != "m" || !lex.Honorifics[i].Has("personal") {
		t.Errorf("mr is not a personal male honorific: %+v", lex.Honorifics)
	}
	i = slices.IndexFunc(lex.Titles, func(t Title) bool { return t.Phrase == "prime minister" })
	if i < 0 || lex.Titles[i].Class != "office" || lex.Titles[i].Office != "prime minister" || !lex.Titles[i].Has("leader") {
		t.Errorf("prime minister is not a leader's office")
	}
	i = slices.IndexFunc(lex.Offices, func(o Office) bool { return o.Role == "foreign minister" })
	if i < 0 || !slices.Equal(lex.Offices[i].Matches, []string{"secretary of state", "foreign secretary"}) {
		t.Errorf("foreign minister does not fit a secretary of state: %+v", lex.Offices)
	}
	for _, name := range ListNames() {
		if len(lex.List(name)) == 0 {
			t.Errorf("list %s is empty", name)
		}
	}
	// one list for the whole module: the merged ones hold both old lists' words
	for _, w := range []string{"mr", "sen", "messrs", "jan", "corp", "e.g"} {
		if !slices.Contains(lex.List("abbreviations"), w) {
			t.Errorf("abbreviations lack %q", w)
		}
	}
	for _, w := range []string{"the", "ramadan", "covid", "breaking", "one", "photo"} {
		if !slices.Contains(lex.List("not_names"), w) {
			t.Errorf("not_names lack %q", w)
		}
	}
}

func TestLoadReturnsIndependentCopies(t *testing.T) {
	a, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	a.Verbs[0].Lemma = "changed"
	a.Lists["not_names"][0] = "changed"
	b, _ := Load()
	if b.Verbs[0].Lemma == "changed" || b.Lists["not_names"][0] == "changed" {
		t.Error("a change to one Load's result shows in the next")
	}
}

// Every list file opens with the sentence that documents it.
func TestListFilesSayWhatTheyHold(t *testing.T) {
	for _, d := range lists {
		b, err := fs.ReadFile(dataFS, "data/"+d.name+".tsv")
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		want := "# " + strings.ToUpper(d.about[:1]) + d.about[1:] + "."
		if first != want {
			t.Errorf("%s.tsv opens with %q, want %q", d.name, first, want)
		}
	}
}

// embeddedMapFS copies the embedded data into a MapFS a test may break.
func embeddedMapFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	entries, err := fs.ReadDir(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(dataFS, "data/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		m["data/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	return m
}

func lineCount(m fstest.MapFS, file string) int {
	return strings.Count(string(m["data/"+file].Data), "\n")
}

func TestValidationNamesFileAndLine(t *testing.T) {
	cases := []struct {
		name, file, add string
		want            string // the error holds it; "@" stands for file:line of the added row
	}{
		{"duplicate word", "not_names.tsv", "the", `@: "the" is already at not_names.tsv:`},
		{"unknown verb flag", "reporting_verbs.tsv", "opine\tinvert loud\t-\topine opines opined", `@: unknown flag "loud"`},
		{"form of two verbs", "reporting_verbs.tsv", "utter\tinvert\t-\tutter said", `@: form "said" is already at reporting_verbs.tsv:`},
		{"duplicate lemma", "reporting_verbs.tsv", "say\tinvert\t-\tsays2", `@: lemma "say" is already at`},
		{"noun form no form", "reporting_verbs.tsv", "opine\tinvert\topinion\topine opined", `@: noun form "opinion" is not one of the verb's forms`},
		{"too few fields", "reporting_verbs.tsv", "opine\tinvert", `@: 2 fields, want 4`},
		{"bad gender", "honorifics.tsv", "maestro\tx\tmention", `@: gender "x" is not`},
		{"unknown honorific flag", "honorifics.tsv", "maestro\tm\tmention grand", `@: unknown flag "grand"`},
		{"unknown class", "titles.tsv", "rabbi\tcleric\t-\tm\t-", `@: unknown class "cleric"`},
		{"office without office", "titles.tsv", "regent\toffice\t-\t-\tleader", `@: an office title needs the office it names`},
		{"leader profession", "titles.tsv", "rabbi\tprofession\t-\t-\tleader", `@: only an office title is "leader"`},
		{"upper case", "abbreviations.tsv", "Rt", `@: "Rt" is not lower case`},
		{"two words", "not_names.tsv", "good morning", `@: "good morning" is more than one word`},
		{"pronoun gender", "pronouns.tsv", "thou\tq", `@: gender "q" is not one of`},
		{"office rank", "offices.tsv", "regent\t9\t-\t-", `@: rank must be a number from 0 to 8`},
		{"office matches", "offices.tsv", "regent\t3\tleader\tking,,queen", `@: matches: roles are separated by commas`},
		{"office flag", "offices.tsv", "regent\t3\truler\t-", `@: unknown flag "ruler"`},
		{"opens-name phrase", "titles.tsv", "chief rabbi\tprofession\t-\tm\topens-name", `@: "chief rabbi" is several words: flag "opens-name"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := embeddedMapFS(t)
			line := lineCount(m, c.file) + 1
			m["data/"+c.file].Data = append(m["data/"+c.file].Data, []byte(c.add+"\n")...)
			_, err := parseFS(m, "data")
			want := strings.ReplaceAll(c.want, "@", c.file+":"+strconv.Itoa(line))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error = %v, want it to hold %q", err, want)
			}
		})
	}
}

func TestValidationOfFiles(t *testing.T) {
	m := embeddedMapFS(t)
	m["data/extra.tsv"] = &fstest.MapFile{Data: []byte("word\nfoo\n")}
	if _, err := parseFS(m, "data"); err == nil || !strings.Contains(err.Error(), "extra.tsv: no such table") {
		t.Errorf("an unknown file: %v", err)
	}
	m = embeddedMapFS(t)
	delete(m, "data/us_states.tsv")
	if _, err := parseFS(m, "data"); err == nil || !strings.Contains(err.Error(), "us_states.tsv") {
		t.Errorf("a missing file: %v", err)
	}
	m = embeddedMapFS(t)
	m["data/titles.tsv"].Data = []byte("# titles\nphrase\tclass\tgender\n")
	if _, err := parseFS(m, "data"); err == nil || !strings.Contains(err.Error(), `titles.tsv:2: header is "phrase class gender", want "phrase class office gender flags"`) {
		t.Errorf("a wrong header: %v", err)
	}
	m = embeddedMapFS(t)
	m["data/us_states.tsv"].Data = []byte("# nothing\n")
	if _, err := parseFS(m, "data"); err == nil || !strings.Contains(err.Error(), "us_states.tsv: no header") {
		t.Errorf("no header: %v", err)
	}
}

// Columns may be aligned with several tabs, and "-" is an empty field.
func TestRowsMayBeAligned(t *testing.T) {
	m := embeddedMapFS(t)
	m["data/titles.tsv"].Data = append(m["data/titles.tsv"].Data, []byte("chief rabbi\t\t\tprofession\t-\t\tm\t-\n")...)
	lex, err := parseFS(m, "data")
	if err != nil {
		t.Fatal(err)
	}
	last := lex.Titles[len(lex.Titles)-1]
	if last.Phrase != "chief rabbi" || last.Class != "profession" || last.Office != "" || last.Gender != "m" || len(last.Flags) != 0 {
		t.Errorf("aligned row read as %+v", last)
	}
}

// FuzzTables feeds arbitrary text as a table file: the loader returns a
// lexicon or an error, never panics, and an accepted file keeps its rows.
func FuzzTables(f *testing.F) {
	f.Add("reporting_verbs.tsv", "lemma\tflags\tnoun_forms\tforms\nopine\tinvert\t-\topine opined\n")
	f.Add("titles.tsv", "phrase\tclass\toffice\tgender\tflags\nregent\toffice\tregent\t-\tleader\n")
	f.Add("honorifics.tsv", "word\tgender\tflags\n\t\t\n-\t-\t-\n")
	f.Add("not_names.tsv", "# c\nword\nFoo\n\tbar\t\n")
	f.Fuzz(func(t *testing.T, file, text string) {
		m := embeddedMapFS(t)
		if _, ok := m["data/"+file]; !ok {
			return
		}
		m["data/"+file].Data = []byte(text)
		lex, err := parseFS(m, "data")
		if err != nil {
			if !strings.Contains(err.Error(), file) {
				t.Errorf("error %q does not name %s", err, file)
			}
			return
		}
		for _, h := range lex.Honorifics {
			if h.Word == "" || strings.ContainsAny(h.Word, "\t\n") {
				t.Errorf("accepted honorific %q", h.Word)
			}
		}
	})
}
