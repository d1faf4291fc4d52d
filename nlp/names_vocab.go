package nlp

// This file holds the fixed English vocabulary the entity matcher relies on:
// titles and roles, honorifics, name particles and words that never start a
// name. Everything about particular people and countries lives in the
// gazetteer instead.

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

var roleDefs = []roleDef{
	// honorifics
	{phrase: "mr", class: roleHonorific, gender: "m"},
	{phrase: "mister", class: roleHonorific, gender: "m"},
	{phrase: "mrs", class: roleHonorific, gender: "f"},
	{phrase: "ms", class: roleHonorific, gender: "f"},
	{phrase: "miss", class: roleHonorific, gender: "f"},
	{phrase: "mx", class: roleHonorific},
	{phrase: "dr", class: roleHonorific},
	{phrase: "prof", class: roleHonorific},
	{phrase: "professor", class: roleHonorific},
	{phrase: "sir", class: roleHonorific, gender: "m"},
	{phrase: "dame", class: roleHonorific, gender: "f"},
	{phrase: "lord", class: roleHonorific, gender: "m"},
	{phrase: "lady", class: roleHonorific, gender: "f"},
	{phrase: "baroness", class: roleHonorific, gender: "f"},
	{phrase: "baron", class: roleHonorific, gender: "m"},
	{phrase: "madam", class: roleHonorific, gender: "f"},
	{phrase: "sheikh", class: roleHonorific, gender: "m"},
	{phrase: "rev", class: roleHonorific},
	{phrase: "reverend", class: roleHonorific},
	{phrase: "first lady", class: roleHonorific, gender: "f"},
	// offices that make a leader
	{phrase: "president", class: roleOffice, office: "president", leader: true},
	{phrase: "president elect", class: roleOffice, office: "president elect"},
	{phrase: "vice president", class: roleOffice, office: "vice president", leader: true},
	{phrase: "prime minister", class: roleOffice, office: "prime minister", leader: true},
	{phrase: "premier", class: roleOffice, office: "prime minister", leader: true},
	{phrase: "deputy prime minister", class: roleOffice, office: "deputy prime minister", leader: true},
	{phrase: "first minister", class: roleOffice, office: "first minister", leader: true},
	{phrase: "chancellor", class: roleOffice, office: "chancellor", leader: true},
	{phrase: "taoiseach", class: roleOffice, office: "prime minister", leader: true},
	{phrase: "king", class: roleOffice, office: "king", leader: true, gender: "m"},
	{phrase: "queen", class: roleOffice, office: "queen", leader: true, gender: "f"},
	{phrase: "emperor", class: roleOffice, office: "emperor", leader: true, gender: "m"},
	{phrase: "crown prince", class: roleOffice, office: "crown prince", leader: true, gender: "m"},
	{phrase: "emir", class: roleOffice, office: "emir", leader: true, gender: "m"},
	{phrase: "sultan", class: roleOffice, office: "sultan", leader: true, gender: "m"},
	{phrase: "pope", class: roleOffice, office: "pope", leader: true, gender: "m"},
	{phrase: "supreme leader", class: roleOffice, office: "supreme leader", leader: true},
	{phrase: "leader", class: roleOffice, office: "leader", leader: true, needQual: true},
	{phrase: "opposition leader", class: roleOffice, office: "opposition leader", leader: true},
	{phrase: "chief", class: roleOffice, office: "chief", leader: true, needQual: true},
	{phrase: "head", class: roleOffice, office: "chief", leader: true, needQual: true},
	{phrase: "secretary general", class: roleOffice, office: "secretary general", leader: true},
	{phrase: "director general", class: roleOffice, office: "director general", leader: true},
	{phrase: "managing director", class: roleOffice, office: "managing director", leader: true, needQual: true},
	{phrase: "commission president", class: roleOffice, office: "commission president", leader: true},
	{phrase: "council president", class: roleOffice, office: "council president", leader: true},
	{phrase: "minister", class: roleOffice, office: "minister", leader: true, needQual: true},
	{phrase: "foreign minister", class: roleOffice, office: "foreign minister", leader: true},
	{phrase: "foreign secretary", class: roleOffice, office: "foreign minister", leader: true},
	{phrase: "secretary of state", class: roleOffice, office: "secretary of state", leader: true},
	{phrase: "defence minister", class: roleOffice, office: "defence minister", leader: true},
	{phrase: "defense minister", class: roleOffice, office: "defence minister", leader: true},
	{phrase: "defence secretary", class: roleOffice, office: "defence minister", leader: true},
	{phrase: "defense secretary", class: roleOffice, office: "defence minister", leader: true},
	{phrase: "secretary of defense", class: roleOffice, office: "defence minister", leader: true},
	{phrase: "war secretary", class: roleOffice, office: "defence minister", leader: true},
	{phrase: "secretary of war", class: roleOffice, office: "defence minister", leader: true},
	{phrase: "finance minister", class: roleOffice, office: "finance minister", leader: true},
	{phrase: "treasury secretary", class: roleOffice, office: "finance minister", leader: true},
	{phrase: "home secretary", class: roleOffice, office: "interior minister", leader: true},
	{phrase: "interior minister", class: roleOffice, office: "interior minister", leader: true},
	{phrase: "economy minister", class: roleOffice, office: "economy minister", leader: true},
	{phrase: "trade minister", class: roleOffice, office: "trade minister", leader: true},
	{phrase: "energy minister", class: roleOffice, office: "energy minister", leader: true},
	{phrase: "health minister", class: roleOffice, office: "health minister", leader: true},
	{phrase: "justice minister", class: roleOffice, office: "justice minister", leader: true},
	{phrase: "commerce secretary", class: roleOffice, office: "commerce secretary", leader: true},
	{phrase: "secretary", class: roleOffice, office: "secretary", leader: true, needQual: true},
	{phrase: "attorney general", class: roleOffice, office: "attorney general", leader: true},
	{phrase: "national security adviser", class: roleOffice, office: "national security adviser"},
	// titles that make a person but not a leader
	{phrase: "senator", class: roleOffice, office: "senator"},
	{phrase: "sen", class: roleProfession},
	{phrase: "rep", class: roleProfession},
	{phrase: "representative", class: roleProfession},
	{phrase: "congressman", class: roleProfession, gender: "m"},
	{phrase: "congresswoman", class: roleProfession, gender: "f"},
	{phrase: "governor", class: roleOffice, office: "governor", needQual: true},
	{phrase: "gov", class: roleProfession},
	{phrase: "mayor", class: roleOffice, office: "mayor", needQual: true},
	{phrase: "speaker", class: roleOffice, office: "speaker", needQual: true},
	{phrase: "house speaker", class: roleOffice, office: "speaker"},
	{phrase: "general", class: roleProfession},
	{phrase: "gen", class: roleProfession},
	{phrase: "admiral", class: roleProfession},
	{phrase: "adm", class: roleProfession},
	{phrase: "colonel", class: roleProfession},
	{phrase: "col", class: roleProfession},
	{phrase: "lieutenant", class: roleProfession},
	{phrase: "lt", class: roleProfession},
	{phrase: "captain", class: roleProfession},
	{phrase: "capt", class: roleProfession},
	{phrase: "sergeant", class: roleProfession},
	{phrase: "sgt", class: roleProfession},
	{phrase: "judge", class: roleProfession},
	{phrase: "justice", class: roleProfession},
	{phrase: "chief justice", class: roleProfession},
	{phrase: "bishop", class: roleProfession},
	{phrase: "archbishop", class: roleProfession},
	{phrase: "cardinal", class: roleProfession},
	{phrase: "ambassador", class: roleProfession},
	{phrase: "envoy", class: roleProfession},
	{phrase: "special envoy", class: roleProfession},
	{phrase: "spokesman", class: roleProfession, gender: "m"},
	{phrase: "spokeswoman", class: roleProfession, gender: "f"},
	{phrase: "spokesperson", class: roleProfession},
	{phrase: "press secretary", class: roleProfession},
	{phrase: "chief of staff", class: roleProfession},
	{phrase: "adviser", class: roleProfession},
	{phrase: "advisor", class: roleProfession},
	{phrase: "aide", class: roleProfession},
	{phrase: "campaign manager", class: roleProfession},
	{phrase: "campaign chairman", class: roleProfession},
	{phrase: "chairman", class: roleProfession, gender: "m"},
	{phrase: "chairwoman", class: roleProfession, gender: "f"},
	{phrase: "chair", class: roleProfession},
	{phrase: "director", class: roleProfession},
	{phrase: "ceo", class: roleProfession},
	{phrase: "candidate", class: roleProfession},
	{phrase: "presidential candidate", class: roleProfession},
	{phrase: "nominee", class: roleProfession},
	{phrase: "presidential nominee", class: roleProfession},
	{phrase: "running mate", class: roleProfession},
	{phrase: "reporter", class: roleProfession},
	{phrase: "correspondent", class: roleProfession},
	{phrase: "journalist", class: roleProfession},
	{phrase: "analyst", class: roleProfession},
	{phrase: "pollster", class: roleProfession},
	{phrase: "strategist", class: roleProfession},
	{phrase: "commentator", class: roleProfession},
	{phrase: "anchor", class: roleProfession},
	{phrase: "host", class: roleProfession},
	{phrase: "columnist", class: roleProfession},
	{phrase: "editor", class: roleProfession},
	{phrase: "economist", class: roleProfession},
	{phrase: "lawyer", class: roleProfession},
	{phrase: "attorney", class: roleProfession},
	{phrase: "prosecutor", class: roleProfession},
	{phrase: "activist", class: roleProfession},
	{phrase: "official", class: roleProfession},
	{phrase: "commander", class: roleProfession},
	{phrase: "lawmaker", class: roleProfession},
	{phrase: "legislator", class: roleProfession},
	{phrase: "negotiator", class: roleProfession},
	{phrase: "diplomat", class: roleProfession},
	{phrase: "businessman", class: roleProfession, gender: "m"},
	{phrase: "businesswoman", class: roleProfession, gender: "f"},
	{phrase: "billionaire", class: roleProfession},
	{phrase: "actor", class: roleProfession},
	{phrase: "actress", class: roleProfession, gender: "f"},
	{phrase: "singer", class: roleProfession},
	{phrase: "teacher", class: roleProfession},
	{phrase: "author", class: roleProfession},
	{phrase: "historian", class: roleProfession},
	// modifiers
	{phrase: "former", class: roleModifier},
	{phrase: "ex", class: roleModifier},
	{phrase: "late", class: roleModifier},
	{phrase: "then", class: roleModifier},
	{phrase: "acting", class: roleModifier},
	{phrase: "interim", class: roleModifier},
	{phrase: "deputy", class: roleModifier},
	{phrase: "outgoing", class: roleModifier},
	{phrase: "incoming", class: roleModifier},
	{phrase: "top", class: roleModifier},
	{phrase: "senior", class: roleModifier},
	{phrase: "veteran", class: roleModifier},
	{phrase: "longtime", class: roleModifier},
	{phrase: "republican", class: roleModifier},
	{phrase: "democratic", class: roleModifier},
	{phrase: "democrat", class: roleModifier},
	{phrase: "conservative", class: roleModifier},
	{phrase: "liberal", class: roleModifier},
}

// inactiveModifiers make the title a past or future one: no leader.
var inactiveModifiers = map[string]bool{"former": true, "ex": true, "late": true, "then": true}

// nameParticles may sit inside a name in lower case ("Ursula von der Leyen").
var nameParticles = []string{"van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du",
	"la", "le", "bin", "ibn", "al", "el", "ben", "ter", "af", "zu", "y", "e", "d'"}

// suffixWords end a name and make a different person ("Donald Trump Jr.").
var suffixWords = []string{"jr", "sr", "ii", "iii", "iv"}

// nonNameWords are capitalised words that never start or form a name: function
// words capitalised at the start of a sentence or in headlines, pronouns,
// days and months, and words that end organisation and place names.
var nonNameWords = []string{
	"the", "a", "an", "and", "or", "but", "if", "of", "in", "on", "at", "for", "to", "by", "as", "with", "from",
	"into", "after", "before", "during", "since", "until", "while", "when", "where", "why", "how", "what",
	"who", "which", "that", "this", "these", "those", "there", "here", "then", "than", "so", "yet", "also",
	"not", "no", "yes", "all", "some", "any", "every", "each", "both", "many", "more", "most", "other",
	"such", "only", "even", "just", "still", "now", "today", "tomorrow", "yesterday", "however", "meanwhile",
	"although", "though", "because", "despite", "instead", "indeed", "moreover", "furthermore", "therefore",
	"thus", "still", "again", "once", "over", "under", "about", "against", "between", "among", "through",
	"i", "he", "she", "we", "they", "it", "you", "his", "her", "hers", "our", "their", "its", "my", "your",
	"him", "them", "us", "me", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
	"would", "can", "could", "should", "may", "might", "must", "shall", "do", "does", "did", "says", "said",
	"say", "tells", "told", "asked", "according", "everyone", "everybody", "someone", "nobody", "nothing",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"ramadan", "covid", "internet", "god", "mp", "mps", "gdp",
}

// orgWords end the names of organisations, places and events: a name
// followed by one is no person ("Christopher Newport University").
var orgWords = []string{
	"house", "senate", "congress", "parliament", "government", "administration", "ministry", "department",
	"office", "agency", "council", "committee", "commission", "court", "party", "union", "service", "services",
	"street", "avenue", "road", "square", "tower", "towers", "foundation", "university", "college", "school",
	"institute", "center", "centre", "hospital", "airport", "station", "hotel",
	"river", "sea", "ocean", "island", "islands", "mountains", "county", "city", "state",
	"states", "republic", "kingdom", "empire", "province", "region", "news", "times", "post", "journal",
	"herald", "tribune", "magazine", "network", "radio", "tv", "press", "media", "group", "company", "corp",
	"inc", "ltd", "bank", "fund", "forces", "force", "army", "navy", "guard", "police", "summit",
	"conference", "forum", "assembly", "act", "agreement", "treaty", "accord", "accords", "club", "league",
	"cup", "games", "war", "wars", "day", "week", "month", "year", "democrats", "republicans", "europe",
	"european", "africa", "african", "asia", "asian", "east", "west", "north", "south", "eastern", "western",
	"northern", "southern", "middle", "central", "gulf", "atlantic", "pacific", "arctic", "christmas", "easter",
	"show", "society", "observer", "reports", "report", "institution", "associates", "partners",
	"memorial", "museum", "library", "stadium", "arena", "prize", "award", "awards", "medal",
	"doctrine", "rule", "law", "plan", "fellowship", "scholarship", "trust", "lecture", "airlines",
	"motors", "energy", "holdings", "capital", "ventures", "industries", "labs", "pharmaceuticals",
}

// capitalActs are the words after a capital that make it speak or act for
// its country ("Moscow said", "Kyiv has rejected"), as opposed to a place.
var capitalActs = []string{
	"said", "says", "say", "warned", "warns", "rejected", "rejects", "denied", "denies", "accused", "accuses",
	"insisted", "insists", "claimed", "claims", "responded", "responds", "announced", "announces",
	"condemned", "condemns", "threatened", "threatens", "demanded", "demands", "called", "calls", "urged",
	"urges", "wants", "wanted", "hopes", "hoped", "fears", "feared", "believes", "believed", "agreed",
	"agrees", "refused", "refuses", "retaliated", "vowed", "vows", "signalled", "signaled", "signals",
	"stressed", "maintains", "maintained", "argued", "argues", "countered", "dismissed", "dismisses",
	"sees", "views", "considers", "considered", "insist", "blamed", "blames", "welcomed", "welcomes",
	"expelled", "imposed", "launched", "sent", "deployed", "recalled", "summoned", "sanctioned", "struck",
	"attacked", "pledged", "promised", "offered", "proposed", "backed", "supports", "supported", "opposes",
	"opposed", "confirmed", "confirms", "declined", "protested", "objected", "signed", "approved",
	"has", "have", "had", "will", "would", "could", "may", "might", "must", "should", "did",
	"does", "cannot", "can't", "won't", "isn't", "wasn't", "hasn't", "doesn't", "didn't", "also", "has",
}
