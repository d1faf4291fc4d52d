package ui

import (
	"strings"

	"github.com/herald-reader/herald/nlp"
)

// The pickers also find an entity by the other names it goes by: "Bibi"
// finds Benjamin Netanyahu, "UK" or "British" the United Kingdom. The names
// come from the annotator's lookup, so an alias the config adds under [nlp]
// works in the pickers as it does for the annotator and herald export.

// aliasMatch returns the first name entity id goes by that contains the
// typed pattern, both folded as nlp.Fold folds names.
func (sh *shared) aliasMatch(id, pattern string) (string, bool) {
	ann := sh.ann
	if ann == nil {
		ann = nlp.Default()
	}
	p := nlp.Fold(pattern)
	if p == "" {
		return "", false
	}
	for _, a := range ann.Aliases(id) {
		if strings.Contains(a, p) {
			return a, true
		}
	}
	return "", false
}
