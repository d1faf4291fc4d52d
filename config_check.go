package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/herald-reader/herald/nlp/gazetteer"
	"github.com/herald-reader/herald/nlp/lexicon"
)

// Checks of config values whose errors need a position the decoder does
// not give: values rejected by an UnmarshalText, entries of an array of
// tables, alias targets.

// findValue returns the position of the first "key = value" line whose
// value, unquoted and without a trailing comment, is value, and that key;
// 0, 0, "" when there is none.
func findValue(data []byte, value string) (line, col int, key string) {
	for n, l := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(l, "=")
		if !ok || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		v = strings.TrimSpace(v)
		if i := strings.Index(v, " #"); i >= 0 && !strings.HasPrefix(v, `"`) {
			v = strings.TrimSpace(v[:i])
		}
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		if v == value {
			return n + 1, strings.Index(l, v) + 1, strings.Trim(strings.TrimSpace(k), `"'`)
		}
	}
	return 0, 0, ""
}

// findHeader returns the line of the n-th (0-based) occurrence of the table
// header h ("[[nlp.leaders]]"); 0 when there is none.
func findHeader(data []byte, h string, n int) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(strings.SplitN(l, "#", 2)[0]) == h {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 0
}

// checkNLPIDs refuses gazetteer entries without an id: they could never be
// matched, replaced or aliased, and would be dropped without a word.
func (lc *LoadedConfig) checkNLPIDs(data []byte) error {
	check := func(table string, ids []string) error {
		for i, id := range ids {
			if strings.TrimSpace(id) == "" {
				return &ConfigError{File: lc.Source, Line: findHeader(data, "[["+table+"]]", i), Col: 1,
					Msg: fmt.Sprintf("%s[%d] has no id: every entry needs an id (e.g. id = \"jane-doe\")", table, i)}
			}
		}
		return nil
	}
	var leaders, countries, orgs []string
	for _, l := range lc.NLP.Leaders {
		leaders = append(leaders, l.ID)
	}
	for _, c := range lc.NLP.Countries {
		countries = append(countries, c.ID)
	}
	for _, o := range lc.NLP.Organisations {
		orgs = append(orgs, o.ID)
	}
	return errors.Join(check("nlp.leaders", leaders), check("nlp.countries", countries), check("nlp.organisations", orgs))
}

// checkLexicon refuses a bad [nlp.lexicon] entry, pointing at its key (or
// at its [[nlp.lexicon.KEY]] header).
func (lc *LoadedConfig) checkLexicon(data []byte) error {
	err := lc.NLP.Lexicon.Check()
	var ee *lexicon.EntryError
	if err == nil {
		return nil
	}
	if !errors.As(err, &ee) {
		return &ConfigError{File: lc.Source, Msg: err.Error()}
	}
	line, col := findTableKey(data, lexicon.Section, ee.Key)
	if line == 0 {
		line, col = findHeader(data, "[["+lexicon.Section+"."+ee.Key+"]]", ee.Index), 1
	}
	return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: err.Error()}
}

// Gazetteer is NLP.Gazetteer with a bad alias pointed at in the file.
func (lc *LoadedConfig) Gazetteer() (gazetteer.Data, error) {
	extra, err := lc.NLP.Gazetteer()
	var ae *aliasError
	if errors.As(err, &ae) {
		line, col := findAlias(lc.raw, ae.alias)
		return extra, &ConfigError{File: lc.Source, Line: line, Col: col, Msg: err.Error()}
	}
	return extra, err
}

// aliasError is an nlp.aliases entry naming no known id.
type aliasError struct{ alias, id string }

func (e *aliasError) Error() string {
	return fmt.Sprintf("nlp.aliases: %q names %q, which is no known leader, country or organisation id", e.alias, e.id)
}

// findAlias finds the alias's key in [nlp.aliases], bare or quoted.
func findAlias(data []byte, alias string) (int, int) {
	for _, k := range []string{`"` + alias + `"`, `'` + alias + `'`, alias} {
		if line, col := findTableKey(data, "nlp.aliases", k); line > 0 {
			return line, col
		}
	}
	return findKey(data, alias)
}
