package nlp

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sync"
	"time"

	"github.com/herald-reader/herald/nlp/gazetteer"
	"github.com/herald-reader/herald/nlp/lexicon"
)

// Options configures an Annotator. Extra is merged over the embedded
// gazetteer by id (the user's leaders, countries, organisations and names);
// Lexicon adds to the embedded word tables (reporting verbs, honorifics,
// titles, words that are never names, abbreviations).
type Options struct {
	Extra   gazetteer.Data
	Lexicon lexicon.Extra
}

// Annotator finds entities and statements. It is immutable after New and
// safe for concurrent use.
type Annotator struct {
	gaz *gazetteer.Data
	lex *lexicon.Lexicon
	idx *index          // entity matching tables (entities*.go)
	stm *statementIndex // quote and attribution tables (statements*.go)
	ver string          // Version(): code version plus a hash of the merged data

	namesOnce sync.Once
	names     []Name         // Names(), built on first use
	nameAt    map[string]int // index into names by id
}

// New builds an Annotator over the embedded gazetteer and lexicon plus
// opts.Extra and opts.Lexicon.
func New(opts Options) (*Annotator, error) {
	base, err := gazetteer.Load()
	if err != nil {
		return nil, err
	}
	merged := gazetteer.Merge(base, opts.Extra)
	lex, err := lexicon.Load()
	if err != nil {
		return nil, err
	}
	if lex, err = lexicon.Merge(lex, opts.Lexicon); err != nil {
		return nil, err
	}
	voc := newVocab(lex)
	idx, stm := buildIndex(merged, voc), buildStatementIndex(merged, voc)
	idx.buildLookups(stm.words)
	return &Annotator{gaz: merged, lex: lex, idx: idx, stm: stm, ver: dataVersion(merged, lex)}, nil
}

// Version identifies this annotator's output: the code's Version plus a hash
// of the merged gazetteer and lexicon, so a user's [nlp] additions or new
// embedded data key a fresh cache. Stored annotations are keyed by it.
func (a *Annotator) Version() string { return a.ver }

func dataVersion(d *gazetteer.Data, lex *lexicon.Lexicon) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	// Data's JSON omits given names; they change who is a person, so they count.
	_ = enc.Encode(d)
	_ = enc.Encode(d.GivenNames)
	_ = enc.Encode(lex)
	return Version + "-" + hex.EncodeToString(h.Sum(nil))[:12]
}

var (
	defaultOnce sync.Once
	defaultAnn  *Annotator
)

// Default returns the annotator over the embedded gazetteer and lexicon alone.
func Default() *Annotator {
	defaultOnce.Do(func() {
		a, err := New(Options{})
		if err != nil {
			panic("nlp: embedded gazetteer or lexicon is invalid: " + err.Error())
		}
		defaultAnn = a
	})
	return defaultAnn
}

// Annotate annotates text with the default annotator.
func Annotate(text string) Doc { return Default().Annotate(text) }

// AnnotateArticle annotates an article published at the given time (zero
// when unknown): titles and surnames link to a gazetteer person only when
// that date falls within the person's term of office.
func (a *Annotator) AnnotateArticle(text string, published time.Time) Doc {
	return a.annotate(text, published)
}

// Annotate normalises text and finds its entities and statements. It never
// panics: on an internal failure it returns the text with what was found.
func (a *Annotator) Annotate(text string) Doc { return a.annotate(text, time.Time{}) }

func (a *Annotator) annotate(text string, published time.Time) (doc Doc) {
	doc.Text = Normalize(text)
	doc.Entities = []Entity{}
	doc.Statements = []Statement{}
	defer func() {
		if recover() != nil {
			doc.Entities, doc.Statements = []Entity{}, []Statement{}
			doc.Failed = true
		}
	}()
	// one token stream serves entities and statements
	buf := getTokenBuffers()
	defer putTokenBuffers(buf)
	ts := a.idx.tokenize(doc.Text, buf)
	ents := a.entitiesIn(doc.Text, ts, buf, published)
	doc.Entities = ents
	var named []textSpan
	doc.Statements, named = a.statementsIn(doc.Text, ts, ents, nil)
	doc.Entities = a.idx.promoteSpeakers(doc.Text, ents, named)
	return doc
}
