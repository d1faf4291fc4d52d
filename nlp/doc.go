// Package nlp reads news text: it finds people (marking political leaders),
// countries and quoted or reported speech, and attributes each statement to
// its speaker. It knows nothing of terminals, feeds or storage.
package nlp

// Version identifies the annotator's behaviour. Bump it whenever a change
// alters the output for the same input: stored annotations are keyed by it.
const Version = "4"

// Entity kinds.
const (
	KindPerson  = "person"
	KindCountry = "country"
)

// Statement kinds.
const (
	KindDirect   = "direct"
	KindIndirect = "indirect"
)

// Doc is the result of annotating one article. All offsets are byte offsets
// into Text, on UTF-8 rune boundaries.
type Doc struct {
	Text       string      `json:"text"`
	Entities   []Entity    `json:"entities"`
	Statements []Statement `json:"statements"`
	// Failed is set when annotation recovered from an internal failure: the
	// empty result must not be cached.
	Failed bool `json:"-"`
}

// Entity is one mention of a person or country, resolved to a canonical id.
type Entity struct {
	Kind   string `json:"kind"`
	ID     string `json:"id"`
	Name   string `json:"name"`
	Leader bool   `json:"leader"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	// Gender is "m", "f" or "" (unknown); used for pronoun resolution.
	Gender string `json:"-"`
}

// Speaker is who a statement is attributed to: a person, or an organisation
// speaking as itself ("the Kremlin said").
type Speaker struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Leader bool   `json:"leader,omitempty"`
}

// Statement is a direct quote or a piece of reported (indirect) speech.
type Statement struct {
	Kind       string   `json:"kind"`
	Quote      string   `json:"quote"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Speaker    *Speaker `json:"speaker"`
	Cue        string   `json:"cue"`
	Confidence float64  `json:"confidence"`
}
