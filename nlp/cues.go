package nlp

import "github.com/herald-reader/herald/nlp/lexicon"

// verbInfo describes a reporting verb form; its behaviour comes from the
// verb's row in the lexicon (nlp/lexicon/data/reporting_verbs.tsv).
type verbInfo struct {
	form  string // the form itself, reported as the cue
	lemma string
	// invert: may come before its speaker right after a quote ("…,” said X).
	invert bool
	// object: takes a listener before the reported words ("told reporters");
	// objectOptional: the listener may be left out ("warned that").
	object, objectOptional bool
	// bare: introduces reported speech without "that" ("X said he would").
	bare bool
	// weak: introduces a following quote only through a colon or comma
	// ("He continued: “…”"), not "the talks continued “in a good mood”".
	weak bool
	// as: attributes a quote only when it follows closely ("called it “…”",
	// "dismissed the plan as “…”").
	as bool
	// noIndirect: does not introduce reported speech on its own.
	noIndirect bool
	// notLeading: never a cue before a quote.
	notLeading bool
	// according: "according to X".
	according bool
	// asIt: a cue only in "as X put it".
	asIt bool
}

func newVerbInfo(form string, v lexicon.Verb) verbInfo {
	return verbInfo{form: form, lemma: v.Lemma, invert: v.Has("invert"), object: v.Has("object"),
		objectOptional: v.Has("object-optional"), bare: v.Has("bare"), weak: v.Has("weak"), as: v.Has("as"),
		noIndirect: v.Has("no-indirect"), notLeading: v.Has("not-leading"), according: v.Has("according"), asIt: v.Has("as-it")}
}
