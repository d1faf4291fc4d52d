package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every binding of the reader, declared once. Each action has a
// stable name used in the config file to rebind it.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextPane, PrevPane, Open, Back          key.Binding
	NextStatement, PrevStatement            key.Binding
	OpenLink, OpenLinks, CopyQuote          key.Binding
	FetchText                               key.Binding
	ToggleRead, ToggleStar, MarkFeedRead    key.Binding
	Undo                                    key.Binding
	UnreadOnly, ToggleSidebar               key.Binding
	Refresh, Help, Quit, Suspend            key.Binding
	BackOrQuit, NextUnread, PrevUnread      key.Binding

	// The analyst's keys: filters, search, export.
	PickLeader, PickCountry, Search      key.Binding
	FilterEntity, PrevEntity, NextEntity key.Binding
	RemoveChip, ClearChips               key.Binding
	ExportArticle, ExportFiltered        key.Binding
}

type action struct {
	name string
	help string
	keys []string
	get  func(*KeyMap) *key.Binding
}

// actions is the table of named actions with their default keys, in the
// order they are listed in help and in the example config.
var actions = []action{
	{"up", "up", []string{"k", "up"}, func(k *KeyMap) *key.Binding { return &k.Up }},
	{"down", "down", []string{"j", "down"}, func(k *KeyMap) *key.Binding { return &k.Down }},
	{"page_up", "page up", []string{"pgup", "ctrl+u", "b"}, func(k *KeyMap) *key.Binding { return &k.PageUp }},
	{"page_down", "page down", []string{"pgdown", "ctrl+d", " "}, func(k *KeyMap) *key.Binding { return &k.PageDown }},
	{"top", "top", []string{"g", "home"}, func(k *KeyMap) *key.Binding { return &k.Top }},
	{"bottom", "bottom", []string{"G", "end"}, func(k *KeyMap) *key.Binding { return &k.Bottom }},
	{"next_pane", "next pane", []string{"tab"}, func(k *KeyMap) *key.Binding { return &k.NextPane }},
	{"prev_pane", "previous pane", []string{"shift+tab"}, func(k *KeyMap) *key.Binding { return &k.PrevPane }},
	{"open", "open", []string{"enter", "l", "right"}, func(k *KeyMap) *key.Binding { return &k.Open }},
	{"back", "back", []string{"esc", "h", "left"}, func(k *KeyMap) *key.Binding { return &k.Back }},
	{"next_unread", "next unread article", []string{"J"}, func(k *KeyMap) *key.Binding { return &k.NextUnread }},
	{"prev_unread", "previous unread article", []string{"K"}, func(k *KeyMap) *key.Binding { return &k.PrevUnread }},
	{"next_statement", "next statement", []string{"n"}, func(k *KeyMap) *key.Binding { return &k.NextStatement }},
	{"prev_statement", "previous statement", []string{"N", "p"}, func(k *KeyMap) *key.Binding { return &k.PrevStatement }},
	{"open_link", "open in browser", []string{"o"}, func(k *KeyMap) *key.Binding { return &k.OpenLink }},
	{"open_links", "links of the article", []string{"O"}, func(k *KeyMap) *key.Binding { return &k.OpenLinks }},
	{"fetch_text", "fetch full text", []string{"F"}, func(k *KeyMap) *key.Binding { return &k.FetchText }},
	{"copy_quote", "copy quote", []string{"y", "c"}, func(k *KeyMap) *key.Binding { return &k.CopyQuote }},
	{"toggle_read", "toggle read", []string{"m"}, func(k *KeyMap) *key.Binding { return &k.ToggleRead }},
	{"toggle_star", "toggle star", []string{"s"}, func(k *KeyMap) *key.Binding { return &k.ToggleStar }},
	{"mark_feed_read", "mark shown read", []string{"A"}, func(k *KeyMap) *key.Binding { return &k.MarkFeedRead }},
	{"undo", "undo mark read", []string{"u"}, func(k *KeyMap) *key.Binding { return &k.Undo }},
	{"unread_only", "unread only", []string{"U"}, func(k *KeyMap) *key.Binding { return &k.UnreadOnly }},
	{"toggle_sidebar", "statements sidebar", []string{"t"}, func(k *KeyMap) *key.Binding { return &k.ToggleSidebar }},
	{"pick_leader", "filter by leader", []string{"L"}, func(k *KeyMap) *key.Binding { return &k.PickLeader }},
	{"pick_country", "filter by country", []string{"C"}, func(k *KeyMap) *key.Binding { return &k.PickCountry }},
	{"search", "search", []string{"/"}, func(k *KeyMap) *key.Binding { return &k.Search }},
	{"filter_entity", "filter by speaker/entity", []string{"f"}, func(k *KeyMap) *key.Binding { return &k.FilterEntity }},
	{"prev_entity", "previous entity", []string{"["}, func(k *KeyMap) *key.Binding { return &k.PrevEntity }},
	{"next_entity", "next entity", []string{"]"}, func(k *KeyMap) *key.Binding { return &k.NextEntity }},
	{"remove_chip", "remove last filter", []string{"backspace", "x"}, func(k *KeyMap) *key.Binding { return &k.RemoveChip }},
	{"clear_chips", "clear filters", []string{"X"}, func(k *KeyMap) *key.Binding { return &k.ClearChips }},
	{"export_article", "export article", []string{"e"}, func(k *KeyMap) *key.Binding { return &k.ExportArticle }},
	{"export_filtered", "export all filtered", []string{"E"}, func(k *KeyMap) *key.Binding { return &k.ExportFiltered }},
	{"refresh", "refresh feeds", []string{"r"}, func(k *KeyMap) *key.Binding { return &k.Refresh }},
	{"help", "help", []string{"?"}, func(k *KeyMap) *key.Binding { return &k.Help }},
	{"back_or_quit", "back or quit", []string{"q"}, func(k *KeyMap) *key.Binding { return &k.BackOrQuit }},
	{"quit", "quit", []string{"Q", "ctrl+c"}, func(k *KeyMap) *key.Binding { return &k.Quit }},
	{"suspend", "suspend", []string{"ctrl+z"}, func(k *KeyMap) *key.Binding { return &k.Suspend }},
}

// DefaultKeyNames returns the action names that can be rebound, in order.
func DefaultKeyNames() []string {
	names := make([]string, len(actions))
	for i, a := range actions {
		names[i] = a.name
	}
	return names
}

// DefaultKeys returns each action's default keys.
func DefaultKeys() map[string][]string {
	m := make(map[string][]string, len(actions))
	for _, a := range actions {
		m[a.name] = append([]string(nil), a.keys...)
	}
	return m
}

// namedKeys are the key names Bubble Tea reports besides single characters.
var namedKeys = map[string]bool{
	"enter": true, "tab": true, "esc": true, "backspace": true, "delete": true,
	"insert": true, "up": true, "down": true, "left": true, "right": true,
	"home": true, "end": true, "pgup": true, "pgdown": true, "space": true,
	"f1": true, "f2": true, "f3": true, "f4": true, "f5": true, "f6": true,
	"f7": true, "f8": true, "f9": true, "f10": true, "f11": true, "f12": true,
}

func validKeyName(k string) bool {
	if utf8.RuneCountInString(k) == 1 {
		r, _ := utf8.DecodeRuneInString(k)
		return r >= 0x20 && r != 0x7f
	}
	base := k
	for _, p := range []string{"ctrl+", "alt+", "shift+"} {
		base = strings.TrimPrefix(base, p)
	}
	if base != k && utf8.RuneCountInString(base) == 1 {
		return true
	}
	return namedKeys[base]
}

// ValidateKeys checks a rebinding from the config: every action must exist,
// have at least one key, every key must be one the terminal can send, and no
// key may end up bound to two actions.
func ValidateKeys(keys map[string][]string) error {
	_, err := buildKeyMap(keys)
	return err
}

func buildKeyMap(overrides map[string][]string) (KeyMap, error) {
	var km KeyMap
	known := map[string]bool{}
	for _, a := range actions {
		known[a.name] = true
	}
	var unknown []string
	for name := range overrides {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		return defaultKeyMap(), fmt.Errorf("keys: unknown action %q (known: %s)", unknown[0], strings.Join(DefaultKeyNames(), ", "))
	}
	owner := map[string]string{}
	for _, a := range actions {
		ks := a.keys
		if o, ok := overrides[a.name]; ok {
			if len(o) == 0 {
				return defaultKeyMap(), fmt.Errorf("keys: action %q has no keys", a.name)
			}
			ks = make([]string, len(o))
			for i, k := range o {
				if k == "space" {
					k = " "
				}
				if !validKeyName(k) {
					return defaultKeyMap(), fmt.Errorf("keys: action %q: %q is not a key name", a.name, k)
				}
				ks[i] = k
			}
		}
		for _, k := range ks {
			if prev, dup := owner[k]; dup {
				return defaultKeyMap(), fmt.Errorf("keys: %q is bound to both %q and %q", keyLabel(k), prev, a.name)
			}
			owner[k] = a.name
		}
		*a.get(&km) = key.NewBinding(key.WithKeys(ks...), key.WithHelp(helpKeys(ks), a.help))
	}
	return km, nil
}

func defaultKeyMap() KeyMap {
	km, _ := buildKeyMap(nil)
	return km
}

func keyLabel(k string) string {
	if k == " " {
		return "space"
	}
	return k
}

func helpKeys(ks []string) string {
	labels := make([]string, 0, 2)
	for _, k := range ks {
		labels = append(labels, keyLabel(k))
	}
	return strings.Join(labels, "/")
}

// ShortHelp is the status line's hint.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.BackOrQuit}
}

// FullHelp groups every binding for the help overlay.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextPane, k.PrevPane, k.Open, k.Back, k.ToggleSidebar, k.Help, k.BackOrQuit, k.Quit, k.Suspend},
		{k.NextStatement, k.PrevStatement, k.CopyQuote, k.OpenLink, k.OpenLinks, k.FetchText},
		{k.NextUnread, k.PrevUnread, k.ToggleRead, k.ToggleStar, k.MarkFeedRead, k.Undo, k.UnreadOnly, k.Refresh},
		{k.PickLeader, k.PickCountry, k.Search, k.FilterEntity, k.PrevEntity, k.NextEntity},
		{k.RemoveChip, k.ClearChips, k.ExportArticle, k.ExportFiltered},
	}
}
