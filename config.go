package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/adrg/xdg"
	toml "github.com/pelletier/go-toml/v2"

	"github.com/herald-reader/herald/nlp/gazetteer"
	"github.com/herald-reader/herald/nlp/lexicon"
	"github.com/herald-reader/herald/ui"
)

// defaultConfigTOML is config.example.toml itself: the example is the
// defaults, so the two can never drift apart.
//
//go:embed config.example.toml
var defaultConfigTOML []byte

// Config is the whole TOML file. Only package main knows this shape; each
// package gets its own Options built from it.
type Config struct {
	Feeds   []FeedConfig   `toml:"feeds"`
	Sources []SourceConfig `toml:"sources"`
	Fetch   FetchConfig    `toml:"fetch"`
	Store   StoreConfig    `toml:"store"`
	Export  ExportConfig   `toml:"export"`
	Theme   ThemeConfig    `toml:"theme"`
	Keys    KeysConfig     `toml:"keys"`
	NLP     NLPConfig      `toml:"nlp"`
	Reader  ReaderConfig   `toml:"reader"`
}

// FeedConfig is one [[feeds]] entry.
type FeedConfig struct {
	URL      string   `toml:"url"`
	Title    string   `toml:"title"`
	Tags     []string `toml:"tags"`
	FullText bool     `toml:"full_text"`
}

// FetchConfig is the [fetch] table.
type FetchConfig struct {
	RefreshInterval Duration `toml:"refresh_interval"`
	RefreshOnStart  bool     `toml:"refresh_on_start"`
	Concurrency     int      `toml:"concurrency"`
	Timeout         Duration `toml:"timeout"`
	MaxBody         ByteSize `toml:"max_body"`
}

// StoreConfig is the [store] table.
type StoreConfig struct {
	Path string `toml:"path"`
	// Keep is how long articles are kept after publication; "0" = for ever.
	Keep Age `toml:"keep"`
	// MaxArticlesPerFeed caps each feed's articles, newest kept; 0 = no cap.
	MaxArticlesPerFeed int `toml:"max_articles_per_feed"`
}

// ExportConfig is the [export] table.
type ExportConfig struct {
	Dir string `toml:"dir"`
}

// ThemeConfig is the [theme] table: colours as "#rrggbb", an ANSI number,
// or "" for the adaptive default.
type ThemeConfig struct {
	Leader    string `toml:"leader"`
	Person    string `toml:"person"`
	Country   string `toml:"country"`
	Quote     string `toml:"quote"`
	Accent    string `toml:"accent"`
	Muted     string `toml:"muted"`
	Error     string `toml:"error"`
	Selection string `toml:"selection"`
}

// KeysConfig maps an action name to the keys that trigger it.
type KeysConfig map[string][]string

// NLPConfig is the [nlp] table: additions merged over the embedded gazetteer
// and, in [nlp.lexicon], over the embedded word tables.
type NLPConfig struct {
	Leaders       []gazetteer.Leader       `toml:"leaders"`
	Countries     []gazetteer.Country      `toml:"countries"`
	Organisations []gazetteer.Organisation `toml:"organisations"`
	GivenNames    []string                 `toml:"given_names"`
	// Aliases maps an extra name to a leader, country or organisation id.
	Aliases map[string]string `toml:"aliases"`
	// Lexicon adds reporting verbs, honorifics, titles, words that are
	// never names, abbreviations and organisation suffixes.
	Lexicon lexicon.Extra `toml:"lexicon"`
}

// ReaderConfig is the [reader] table: how the reader opens links, lays out
// text and takes the mouse.
type ReaderConfig struct {
	Browser   string `toml:"browser"`
	TextWidth int    `toml:"text_width"`
	Mouse     bool   `toml:"mouse"`
	// Mute lists [[reader.mute]] rules: articles they match are hidden.
	Mute []MuteConfig `toml:"mute"`
}

// MuteConfig is one [[reader.mute]] rule.
type MuteConfig struct {
	Match  string `toml:"match"`
	Regexp bool   `toml:"regexp"`
	In     string `toml:"in"`
	Feed   string `toml:"feed"`
}

// Duration is a time.Duration written as "30m" or "20s" in TOML.
type Duration struct{ time.Duration }

// UnmarshalText parses a Go duration; negative values are refused.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(strings.TrimSpace(string(b)))
	if err != nil {
		if _, nerr := strconv.ParseFloat(strings.TrimSpace(string(b)), 64); nerr == nil {
			return &valueError{string(b), fmt.Sprintf("%s is a number without a unit: write a duration as a string, e.g. \"30s\", \"15m\", \"2h\"", b)}
		}
		return &valueError{string(b), fmt.Sprintf("invalid duration %q (use e.g. \"30s\", \"15m\", \"2h\")", b)}
	}
	if v < 0 {
		return fmt.Errorf("duration %q must not be negative", b)
	}
	d.Duration = v
	return nil
}

// Age is a retention period written as "90d", "12w", a Go duration
// ("2160h"), or "0" for for ever.
type Age struct{ time.Duration }

// UnmarshalText parses an Age; under a day (other than 0) is refused.
func (a *Age) UnmarshalText(b []byte) error {
	str := strings.TrimSpace(string(b))
	bad := &valueError{string(b), fmt.Sprintf("invalid period %q (use e.g. \"90d\", \"12w\", or \"0\" to keep articles for ever)", b)}
	var v time.Duration
	switch {
	case str == "0":
	case strings.HasSuffix(str, "d") || strings.HasSuffix(str, "w"):
		n, err := strconv.Atoi(str[:len(str)-1])
		if err != nil || n <= 0 || n > 100*366 {
			return bad
		}
		unit := 24 * time.Hour
		if strings.HasSuffix(str, "w") {
			unit *= 7
		}
		v = time.Duration(n) * unit
	default:
		d, err := time.ParseDuration(str)
		if err != nil || d < 0 {
			return bad
		}
		v = d
	}
	if v != 0 && v < 24*time.Hour {
		return &valueError{string(b), fmt.Sprintf("period %q is under a day: articles would vanish before they are read (use \"0\" to keep them for ever)", b)}
	}
	a.Duration = v
	return nil
}

// ByteSize is a size written as "8MiB", "512KB" or a plain byte count.
type ByteSize int64

// UnmarshalText parses a size with an optional B/KB/KiB/MB/MiB/GB/GiB unit.
func (s *ByteSize) UnmarshalText(b []byte) error {
	v, err := parseByteSize(string(b))
	if err != nil {
		return &valueError{string(b), err.Error()}
	}
	*s = ByteSize(v)
	return nil
}

func parseByteSize(in string) (int64, error) {
	str := strings.TrimSpace(in)
	units := []struct {
		suffix string
		mult   int64
	}{
		{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
		{"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000},
		{"B", 1},
	}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(str, u.suffix) {
			str, mult = strings.TrimSpace(strings.TrimSuffix(str, u.suffix)), u.mult
			break
		}
	}
	var n int64
	if _, err := fmt.Sscanf(str, "%d", &n); err != nil || fmt.Sprint(n) != str || n <= 0 {
		return 0, fmt.Errorf("invalid size %q (use e.g. \"8MiB\", \"512KB\")", in)
	}
	if n > math.MaxInt64/mult {
		return 0, fmt.Errorf("size %q is too large", in)
	}
	return n * mult, nil
}

// valueError is a bad value found by an UnmarshalText, which does not know
// where the value is: parseConfig finds it by its text.
type valueError struct {
	value, msg string
}

func (e *valueError) Error() string { return e.msg }

// ConfigError is a problem in the config file, with its position.
type ConfigError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *ConfigError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LoadedConfig is a parsed config with where it came from and the warnings
// (unknown keys) found while reading it.
type LoadedConfig struct {
	Config
	Source   string // the file path, or "(embedded defaults)"
	Warnings []string
	raw      []byte // the file's text, for positions in later errors
}

const embeddedSource = "(embedded defaults)"

// configPath finds the config file: --config, then $HERALD_CONFIG, then the
// XDG config dir. It returns "" when none exists (use the defaults); an
// explicitly named file that does not exist is an error.
func configPath(flagPath string) (string, error) {
	for _, explicit := range []string{flagPath, os.Getenv("HERALD_CONFIG")} {
		if explicit == "" {
			continue
		}
		if _, err := os.Stat(explicit); err != nil {
			return "", &ConfigError{File: explicit, Msg: "cannot read config file: " + errors.Unwrap(err).Error()}
		}
		return explicit, nil
	}
	p := filepath.Join(xdg.ConfigHome, "herald", "config.toml")
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	return "", nil
}

// LoadConfig reads the config named by flagPath (or found by configPath),
// laid over the embedded defaults.
func LoadConfig(flagPath string) (*LoadedConfig, error) {
	path, err := configPath(flagPath)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return parseConfig(embeddedSource, defaultConfigTOML)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ConfigError{File: path, Msg: "cannot read config file: " + err.Error()}
	}
	return parseConfig(path, data)
}

// parseConfig decodes data over the defaults. A user file that lists no
// feeds keeps the default feeds.
func parseConfig(source string, data []byte) (*LoadedConfig, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM some editors write
	lc := &LoadedConfig{Source: source, raw: data}
	var defaultFeeds []FeedConfig
	if source != embeddedSource {
		def, err := parseConfig(embeddedSource, defaultConfigTOML)
		if err != nil {
			return nil, err
		}
		lc.Config = def.Config
		defaultFeeds, lc.Feeds = def.Feeds, nil
	}
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	err := dec.Decode(&lc.Config)
	var strict *toml.StrictMissingError
	var decErr *toml.DecodeError
	var valErr *valueError
	switch {
	case errors.As(err, &strict):
		for _, e := range strict.Errors {
			line, col := e.Position()
			lc.Warnings = append(lc.Warnings, fmt.Sprintf("%s:%d:%d: unknown key %q (ignored)", source, line, col, strings.Join(e.Key(), ".")))
		}
	case errors.As(err, &decErr):
		line, col := decErr.Position()
		return nil, &ConfigError{File: source, Line: line, Col: col, Msg: strings.TrimPrefix(decErr.Error(), "toml: ")}
	case errors.As(err, &valErr):
		line, col, key := findValue(data, valErr.value)
		msg := valErr.msg
		if key != "" {
			msg = key + ": " + msg
		}
		return nil, &ConfigError{File: source, Line: line, Col: col, Msg: msg}
	case err != nil:
		return nil, &ConfigError{File: source, Msg: err.Error()}
	}
	if len(lc.Feeds) == 0 {
		lc.Feeds = defaultFeeds
	}
	if err := lc.validate(data); err != nil {
		return nil, err
	}
	return lc, nil
}

// validate checks values the decoder cannot; errors point at the key's line.
func (lc *LoadedConfig) validate(data []byte) error {
	bad := func(key, msg string) error {
		line, col := findKey(data, key)
		return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: msg}
	}
	seen := map[string]bool{}
	for i, f := range lc.Feeds {
		if strings.TrimSpace(f.URL) == "" {
			return bad("url", fmt.Sprintf("feeds[%d]: url is empty", i))
		}
		if err := checkFeedURL(f.URL); err != nil {
			return bad(f.URL, fmt.Sprintf("feeds[%d]: %v", i, err))
		}
		if seen[f.URL] {
			return bad(f.URL, fmt.Sprintf("feeds[%d]: %s is listed twice", i, f.URL))
		}
		seen[f.URL] = true
	}
	if err := lc.validateSources(data); err != nil {
		return err
	}
	if lc.Fetch.Concurrency < 1 || lc.Fetch.Concurrency > 256 {
		return bad("concurrency", fmt.Sprintf("fetch.concurrency must be between 1 and 256, got %d", lc.Fetch.Concurrency))
	}
	if lc.Fetch.Timeout.Duration < time.Second {
		return bad("timeout", fmt.Sprintf("fetch.timeout must be at least 1s, got %s", lc.Fetch.Timeout.Duration))
	}
	if lc.Fetch.RefreshInterval.Duration != 0 && lc.Fetch.RefreshInterval.Duration < time.Minute {
		return bad("refresh_interval", fmt.Sprintf("fetch.refresh_interval must be 0 (off) or at least 1m, got %s", lc.Fetch.RefreshInterval.Duration))
	}
	if lc.Store.MaxArticlesPerFeed < 0 {
		return bad("max_articles_per_feed", "store.max_articles_per_feed must be 0 (no cap) or more")
	}
	if lc.Fetch.MaxBody < 1024 {
		return bad("max_body", "fetch.max_body must be at least 1KiB")
	}
	for alias, id := range lc.NLP.Aliases {
		if strings.TrimSpace(alias) == "" || strings.TrimSpace(id) == "" {
			return bad("aliases", "nlp.aliases entries need a name and an id")
		}
	}
	if err := lc.checkNLPIDs(data); err != nil {
		return err
	}
	if err := lc.checkLexicon(data); err != nil {
		return err
	}
	if err := lc.validateReader(data); err != nil {
		return err
	}
	if err := lc.uiTheme().Validate(); err != nil {
		field := strings.TrimPrefix(strings.SplitN(err.Error(), ":", 2)[0], "theme.")
		line, col := findTableKey(data, "theme", field)
		return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: err.Error()}
	}
	if err := ui.ValidateKeys(lc.Keys); err != nil {
		line, col := findTableKey(data, "keys", "")
		msg := err.Error()
		if !strings.HasPrefix(msg, "keys:") {
			msg = "keys: " + msg
		}
		return &ConfigError{File: lc.Source, Line: line, Col: col, Msg: msg}
	}
	return nil
}

// uiTheme is [theme] in the reader's terms.
func (c Config) uiTheme() ui.ThemeConfig {
	t := c.Theme
	return ui.ThemeConfig{
		Leader: t.Leader, Person: t.Person, Country: t.Country, Quote: t.Quote,
		Accent: t.Accent, Muted: t.Muted, Error: t.Error, Selection: t.Selection,
	}
}

// findTableKey returns the position of key inside [table] (of the table
// header itself when key is ""); 0, 0 when it is not found.
func findTableKey(data []byte, table, key string) (int, int) {
	in := false
	for n, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			in = trimmed == "["+table+"]"
			if in && key == "" {
				return n + 1, 1
			}
			continue
		}
		if in && key != "" && strings.HasPrefix(trimmed, key) && strings.HasPrefix(strings.TrimSpace(trimmed[len(key):]), "=") {
			return n + 1, strings.Index(line, key) + 1
		}
	}
	return 0, 0
}

// checkFeedURL accepts http, https, file, herald (embedded) URLs and plain paths.
func checkFeedURL(u string) error {
	i := strings.Index(u, ":")
	if i <= 1 { // no scheme, or a Windows drive letter: a path
		return nil
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https", "file", "herald":
		return nil
	}
	if strings.ContainsAny(u[:i], "/\\. ") {
		return nil
	}
	return fmt.Errorf("unsupported URL scheme %q in %s (use http, https or file)", u[:i], u)
}

// findKey returns the 1-based line and column of the first occurrence of key
// in data, for pointing at a bad value; 0, 0 when it is not found.
func findKey(data []byte, key string) (int, int) {
	for n, line := range strings.Split(string(data), "\n") {
		if i := strings.Index(line, key); i >= 0 && !strings.HasPrefix(strings.TrimSpace(line), "#") {
			return n + 1, i + 1
		}
	}
	return 0, 0
}

// Gazetteer turns [nlp] into additions for the annotator; aliases are
// attached to the leader, country or organisation whose id they name.
func (c NLPConfig) Gazetteer() (gazetteer.Data, error) {
	extra := gazetteer.Data{
		Leaders:       append([]gazetteer.Leader(nil), c.Leaders...),
		Countries:     append([]gazetteer.Country(nil), c.Countries...),
		Organisations: append([]gazetteer.Organisation(nil), c.Organisations...),
		GivenNames:    c.GivenNames,
	}
	if len(c.Aliases) == 0 {
		return extra, nil
	}
	base, err := gazetteer.Load()
	if err != nil {
		return extra, err
	}
	all := gazetteer.Merge(base, extra)
	for alias, id := range c.Aliases {
		leader := func(l *gazetteer.Leader) (string, *[]string) { return l.ID, &l.Aliases }
		country := func(c *gazetteer.Country) (string, *[]string) { return c.ID, &c.Aliases }
		org := func(o *gazetteer.Organisation) (string, *[]string) { return o.ID, &o.Aliases }
		if !addAlias(&extra.Leaders, all.Leaders, id, alias, leader) &&
			!addAlias(&extra.Countries, all.Countries, id, alias, country) &&
			!addAlias(&extra.Organisations, all.Organisations, id, alias, org) {
			return extra, &aliasError{alias, id}
		}
	}
	return extra, nil
}

// addAlias appends alias to the entry with id in extra, copying the entry
// from all (the merged gazetteer) into extra first when extra lacks it.
func addAlias[T any](extra *[]T, all []T, id, alias string, fields func(*T) (string, *[]string)) bool {
	for i := range *extra {
		if eid, aliases := fields(&(*extra)[i]); eid == id {
			*aliases = append(*aliases, alias)
			return true
		}
	}
	for _, e := range all {
		if eid, aliases := fields(&e); eid == id {
			*aliases = append(append([]string(nil), *aliases...), alias)
			*extra = append(*extra, e)
			return true
		}
	}
	return false
}

// StorePath is the configured store path or the XDG data default.
func (c Config) StorePath() string {
	if c.Store.Path != "" {
		return expandHome(c.Store.Path)
	}
	return filepath.Join(xdg.DataHome, "herald", "herald.db")
}

// ExportDir is the configured export directory, or the current directory
// (where a user running herald expects to find what it wrote).
func (c Config) ExportDir() string {
	if c.Export.Dir != "" {
		return expandHome(c.Export.Dir)
	}
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return "."
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}
