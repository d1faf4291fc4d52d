package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

func TestValidateKeys(t *testing.T) {
	for _, tc := range []struct {
		name    string
		keys    map[string][]string
		wantErr string
	}{
		{"defaults", nil, ""},
		{"rebind", map[string][]string{"toggle_read": {"z"}, "quit": {"ctrl+q"}}, ""},
		{"space and function keys", map[string][]string{"page_down": {"space", "f5"}}, ""},
		{"unknown action", map[string][]string{"explode": {"x"}}, `unknown action "explode"`},
		{"no keys", map[string][]string{"help": {}}, "has no keys"},
		{"bad key name", map[string][]string{"help": {"hyper+x"}}, "not a key name"},
		{"clash with a default", map[string][]string{"toggle_read": {"q"}}, `"q" is bound to both`},
		{"clash between overrides", map[string][]string{"toggle_read": {"z"}, "toggle_star": {"z"}}, `"z" is bound to both`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateKeys(tc.keys)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err %v, want %q", err, tc.wantErr)
			}
		})
	}
}

func TestKeyNamesCoverEveryBinding(t *testing.T) {
	names := DefaultKeyNames()
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("action %q listed twice", n)
		}
		seen[n] = true
	}
	km := defaultKeyMap()
	inHelp := 0
	for _, g := range km.FullHelp() {
		for _, b := range g {
			if len(b.Keys()) == 0 || b.Help().Desc == "" {
				t.Errorf("binding %+v has no keys or help", b.Help())
			}
			inHelp++
		}
	}
	if inHelp != len(names) {
		t.Errorf("help shows %d bindings, there are %d actions", inHelp, len(names))
	}
	for name, ks := range DefaultKeys() {
		if len(ks) == 0 {
			t.Errorf("action %q has no default keys", name)
		}
	}
}

func TestRebindingReplacesKeys(t *testing.T) {
	km, err := buildKeyMap(map[string][]string{"refresh": {"R", "f5"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(km.Refresh.Keys(), ","); got != "R,f5" {
		t.Errorf("refresh keys %q", got)
	}
	if km.Refresh.Help().Key != "R/f5" {
		t.Errorf("help key %q", km.Refresh.Help().Key)
	}
	if !key.Matches(keyMsg("R"), km.Refresh) || key.Matches(keyMsg("r"), km.Refresh) {
		t.Error("rebinding does not match the new key only")
	}
}

// TestHelpHasEveryAction keeps the help overlay complete: every action's
// binding is in one of its groups.
func TestHelpHasEveryAction(t *testing.T) {
	km := defaultKeyMap()
	inHelp := map[string]bool{}
	for _, group := range km.FullHelp() {
		for _, b := range group {
			inHelp[b.Help().Desc] = true
		}
	}
	for _, a := range actions {
		if !inHelp[a.help] {
			t.Errorf("help lacks the action %q (%s)", a.name, a.help)
		}
	}
}
