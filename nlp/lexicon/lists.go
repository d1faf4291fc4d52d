package lexicon

// listDef describes a one-column table: data/<name>.tsv.
type listDef struct {
	name   string
	column string // the header
	// phrases: entries may be several words, written as in text ("New
	// York"); otherwise an entry is one lower-case word.
	phrases bool
	about   string
}

// lists are the one-column tables. Each file says the same as about in its
// opening comment.
var lists = []listDef{
	// the whole module
	{name: "abbreviations", column: "word", about: "words whose final period does not end a sentence (Mr., Sen., Jan.)"},
	{name: "not_names", column: "word", about: "capitalised words that never start or form a name (function words, days, months)"},
	{name: "org_suffixes", column: "word", about: "words that end the names of organisations, places and events (University, Ministry)"},
	{name: "name_particles", column: "word", about: "words that may sit inside a name in lower case (von, de, al)"},
	{name: "name_suffixes", column: "word", about: "words that end a name and make a different person (Jr, III)"},
	// entity finder
	{name: "ambiguous_given_names", column: "word", about: "given names that are also everyday words; at a sentence start they make no person"},
	{name: "common_surnames", column: "word", about: "surnames too common to name a leader on their own"},
	{name: "country_given_names", column: "word", about: "country names that are also given names (Jordan, Chad)"},
	{name: "month_names", column: "word", about: "months that may still be a surname after a given name (Theresa May)"},
	{name: "capital_acts", column: "word", about: "words after a capital that make it speak or act for its country (Moscow said)"},
	{name: "place_phrases", column: "phrase", phrases: true, about: "names that contain a country or given name but are neither (New Mexico, Georgia Tech)"},
	{name: "place_prefixes", column: "word", about: "words that begin place names whose next word may be a surname (San, Fort)"},
	{name: "place_prepositions", column: "word", about: "words before a capital that make it a place (talks in Moscow)"},
	{name: "us_states", column: "word", about: "US state abbreviations and names that make a town of a country's name after a comma (Lebanon, Tenn.)"},
	{name: "georgia_state_words", column: "word", about: "words near Georgia that make it the US state"},
	{name: "georgia_state_places", column: "word", about: "places that, in an article without georgia_country_words, make Georgia the US state"},
	{name: "georgia_country_words", column: "word", about: "words that keep Georgia the country in an article that names georgia_state_places"},
	{name: "combining_forms", column: "word", about: "prefixes that join countries in compounds (Sino-American)"},
	{name: "language_words", column: "word", about: "words after a demonym that make it a language (Spanish-speaking)"},
	{name: "language_before", column: "word", about: "words before a demonym that make it a language (in French, speaks French)"},
	{name: "company_nouns", column: "word", about: "nouns before of/in that make the next name a company's (shares of)"},
	{name: "credit_words", column: "word", about: "words that open the credits of a story or picture (Reporting by)"},
	{name: "apposition_nouns", column: "word", about: "nouns that describe a person after their name (…, a writer for)"},
	{name: "presidential_countries", column: "country", about: "gazetteer ids of countries led by their president"},
	// attribution
	{name: "aux_words", column: "word", about: "words that may stand between a speaker and its verb (has also said)"},
	{name: "object_markers", column: "word", about: "words before a mention that make it an object, not a subject (with, told)"},
	{name: "determiners", column: "word", about: "words that start an unnamed noun phrase (a senior official)"},
	{name: "articles", column: "word", about: "articles and possessives: a verb form after one is a noun (his remarks)"},
	{name: "conjunctions", column: "word", about: "words that leave a verb's subject slot empty (… and said)"},
	{name: "clause_starters", column: "word", about: "words that may open reported speech without that"},
	{name: "clause_breakers", column: "word", about: "words that open a new clause after a comma"},
	{name: "relative_words", column: "word", about: "words that put a following verb in a relative clause"},
	{name: "object_words", column: "word", about: "listeners that may follow told before reported speech (told reporters)"},
	{name: "adjunct_words", column: "word", about: "words that open a phrase between a verb and that (said on Tuesday that)"},
	{name: "group_nouns", column: "word", about: "plural nouns capitalised only at a sentence start that name no one (Officials said)"},
	{name: "person_nouns", column: "word", about: "nouns for a person or body of people that a country before modifies (a German official)"},
	{name: "body_nouns", column: "word", about: "nouns that name an organisation by what it is (the agency said)"},
	{name: "collectives", column: "word", about: "bodies named after a person that speak as themselves (the Trump campaign)"},
	{name: "naming_words", column: "word", about: "words before a quote that make it a name, not anyone's words (so-called)"},
	{name: "ly_nouns", column: "word", about: "words in -ly that are no adverbs (family, rally)"},
	{name: "document_nouns", column: "word", about: "things that say something on their author's behalf (a State Department memo said)"},
	{name: "topic_prepositions", column: "word", about: "words after a document noun that introduce what it is about (a report on China)"},
}

var listByName = func() map[string]listDef {
	m := make(map[string]listDef, len(lists))
	for _, d := range lists {
		m[d.name] = d
	}
	return m
}()

// ListNames lists the one-column tables in the order of the package docs.
func ListNames() []string {
	out := make([]string, len(lists))
	for i, d := range lists {
		out[i] = d.name
	}
	return out
}
