package nlp

// STUB — replaced by the statement work (issue 4).

import "github.com/herald-reader/herald/nlp/gazetteer"

type statementIndex struct{}

func buildStatementIndex(g *gazetteer.Data) *statementIndex { return &statementIndex{} }

func (a *Annotator) findStatements(text string, ents []Entity) []Statement { return []Statement{} }
