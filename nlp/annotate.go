package nlp

import (
	"sync"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// Options configures an Annotator. Extra is merged over the embedded
// gazetteer by id (the user's leaders, countries, organisations and names).
type Options struct {
	Extra gazetteer.Data
}

// Annotator finds entities and statements. It is immutable after New and
// safe for concurrent use.
type Annotator struct {
	gaz *gazetteer.Data
	idx *index          // entity matching tables (entities*.go)
	stm *statementIndex // quote and attribution tables (statements*.go)
}

// New builds an Annotator over the embedded gazetteer plus opts.Extra.
func New(opts Options) (*Annotator, error) {
	base, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	merged := gazetteer.Merge(base, opts.Extra)
	return &Annotator{gaz: merged, idx: buildIndex(merged), stm: buildStatementIndex(merged)}, nil
}

var (
	defaultOnce sync.Once
	defaultAnn  *Annotator
)

// Default returns the annotator over the embedded gazetteer alone.
func Default() *Annotator {
	defaultOnce.Do(func() {
		a, err := New(Options{})
		if err != nil {
			panic("nlp: embedded gazetteer is invalid: " + err.Error())
		}
		defaultAnn = a
	})
	return defaultAnn
}

// Annotate annotates text with the default annotator.
func Annotate(text string) Doc { return Default().Annotate(text) }

// Annotate normalises text and finds its entities and statements. It never
// panics: on an internal failure it returns the text with what was found.
func (a *Annotator) Annotate(text string) (doc Doc) {
	doc.Text = Normalize(text)
	doc.Entities = []Entity{}
	doc.Statements = []Statement{}
	defer func() {
		if recover() != nil {
			doc.Entities, doc.Statements = []Entity{}, []Statement{}
		}
	}()
	ents := a.findEntities(doc.Text)
	doc.Entities = ents
	doc.Statements = a.findStatements(doc.Text, ents)
	return doc
}
