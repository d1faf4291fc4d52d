package nlp

// STUB — replaced by the entity work (issue 3).

import "github.com/herald-reader/herald/nlp/gazetteer"

type index struct{}

func buildIndex(g *gazetteer.Data) *index { return &index{} }

// Normalize returns the text that is annotated and that offsets refer to.
func Normalize(text string) string { return text }

func (a *Annotator) findEntities(text string) []Entity { return []Entity{} }
