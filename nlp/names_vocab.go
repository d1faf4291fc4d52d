package nlp

// The titles, roles and honorifics the entity matcher reads before names are
// data: nlp/lexicon/data/titles.tsv and honorifics.tsv, compiled into
// roleDefs by newVocab. Everything about particular people and countries
// lives in the gazetteer instead.

// roleClass tells what a title word says about the name that follows.
type roleClass uint8

const (
	roleHonorific  roleClass = iota + 1 // Mr, Sir, Dame: part of the name's span
	roleOffice                          // President, Prime Minister: may stand alone ("the Prime Minister")
	roleProfession                      // ambassador, spokesman, reporter: only before a name
	roleModifier                        // former, acting: may precede any role
)

// roleDef describes one title phrase, written as it is matched (folded).
type roleDef struct {
	phrase string
	class  roleClass
	// office is the gazetteer office role the title refers to, for resolving
	// title-only mentions; "leader" and "chief" stand for any head of the
	// qualifying country or organisation.
	office string
	leader bool   // a person introduced with this title is a leader
	gender string // "m", "f" or ""
	// needQual: the title names nobody without a country or organisation
	// before it ("the Russian leader", "the NATO chief").
	needQual bool
}
