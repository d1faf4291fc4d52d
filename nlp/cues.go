package nlp

// Word tables for attribution. Every key is lower case.

// verbInfo describes a reporting verb form.
type verbInfo struct {
	form  string // the form itself, reported as the cue
	lemma string
	// invert: may come before its speaker right after a quote ("…,” said X).
	invert bool
	// object: takes a listener before the reported words ("told reporters").
	object bool
	// bare: introduces reported speech without "that" ("X said he would").
	bare bool
}

// reportingVerbs lists the lemmas and their forms; the flags apply to all.
var reportingVerbs = []struct {
	forms                []string
	invert, object, bare bool
}{
	{[]string{"say", "says", "said", "saying"}, true, false, true},
	{[]string{"tell", "tells", "told", "telling"}, false, true, true},
	{[]string{"add", "adds", "added", "adding"}, true, false, true},
	{[]string{"continue", "continues", "continued", "continuing"}, true, false, false},
	{[]string{"warn", "warns", "warned", "warning"}, true, true, true},
	{[]string{"insist", "insists", "insisted", "insisting"}, true, false, true},
	{[]string{"ask", "asks", "asked", "asking"}, true, true, false},
	{[]string{"write", "writes", "wrote", "writing", "written"}, true, false, false},
	{[]string{"argue", "argues", "argued", "arguing"}, true, false, true},
	{[]string{"stress", "stresses", "stressed", "stressing"}, true, false, false},
	{[]string{"note", "notes", "noted", "noting"}, true, false, false},
	{[]string{"declare", "declares", "declared", "declaring"}, true, false, false},
	{[]string{"announce", "announces", "announced", "announcing"}, true, false, false},
	{[]string{"tweet", "tweets", "tweeted", "tweeting"}, true, false, false},
	{[]string{"post", "posted", "posting"}, false, false, false},
	{[]string{"describe", "describes", "described", "describing"}, false, false, false},
	{[]string{"explain", "explains", "explained", "explaining"}, true, false, false},
	{[]string{"reply", "replies", "replied", "replying"}, true, false, false},
	{[]string{"respond", "responds", "responded", "responding"}, true, false, false},
	{[]string{"answer", "answers", "answered"}, true, false, false},
	{[]string{"recall", "recalls", "recalled", "recalling"}, true, false, false},
	{[]string{"admit", "admits", "admitted", "admitting"}, true, false, false},
	{[]string{"claim", "claims", "claimed", "claiming"}, true, false, true},
	{[]string{"concede", "concedes", "conceded", "conceding"}, true, false, false},
	{[]string{"predict", "predicts", "predicted", "predicting"}, true, false, false},
	{[]string{"promise", "promises", "promised", "promising"}, true, false, false},
	{[]string{"vow", "vows", "vowed", "vowing"}, true, false, false},
	{[]string{"urge", "urges", "urged", "urging"}, true, true, false},
	{[]string{"suggest", "suggests", "suggested", "suggesting"}, true, false, false},
	{[]string{"stated"}, true, false, false},
	{[]string{"quip", "quips", "quipped"}, true, false, false},
	{[]string{"joke", "jokes", "joked"}, true, false, false},
	{[]string{"remark", "remarks", "remarked"}, true, false, false},
	{[]string{"observe", "observes", "observed"}, true, false, false},
	{[]string{"counter", "counters", "countered"}, true, false, false},
	{[]string{"retort", "retorts", "retorted"}, true, false, false},
	{[]string{"complain", "complains", "complained", "complaining"}, true, false, false},
	{[]string{"acknowledge", "acknowledges", "acknowledged", "acknowledging"}, true, false, false},
	{[]string{"confirm", "confirms", "confirmed", "confirming"}, true, false, false},
	{[]string{"deny", "denies", "denied", "denying"}, true, false, false},
	{[]string{"assert", "asserts", "asserted", "asserting"}, true, false, false},
	{[]string{"maintain", "maintains", "maintained"}, true, false, false},
	{[]string{"emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized", "emphasizing", "emphasising"}, true, false, false},
	{[]string{"caution", "cautions", "cautioned"}, true, false, false},
	{[]string{"boast", "boasts", "boasted"}, true, false, false},
	{[]string{"lament", "laments", "lamented"}, true, false, false},
	{[]string{"muse", "mused"}, true, false, false},
	{[]string{"shout", "shouts", "shouted"}, true, false, false},
	{[]string{"yell", "yells", "yelled"}, true, false, false},
	{[]string{"exclaim", "exclaims", "exclaimed"}, true, false, false},
	{[]string{"plead", "pleads", "pleaded"}, true, false, false},
	{[]string{"demand", "demands", "demanded"}, true, false, false},
	{[]string{"proclaim", "proclaims", "proclaimed"}, true, false, false},
	{[]string{"testify", "testifies", "testified"}, true, false, false},
	{[]string{"reports", "reported"}, true, false, false},
	{[]string{"reiterate", "reiterates", "reiterated"}, true, false, false},
	{[]string{"call", "calls", "called"}, false, false, false},
	{[]string{"begin", "began"}, false, false, false},
	{[]string{"scoff", "scoffed"}, true, false, false},
	{[]string{"chant", "chanted"}, true, false, false},
	{[]string{"agree", "agreed", "agrees"}, true, false, false},
	{[]string{"allege", "alleged", "alleges"}, true, false, false},
	{[]string{"announce", "announced"}, true, false, false},
	{[]string{"inform", "informed"}, false, true, false},
	{[]string{"assure", "assured"}, false, true, false},
	{[]string{"conclude", "concludes", "concluded"}, true, false, false},
	{[]string{"scold", "scolds", "scolded"}, false, false, false},
	{[]string{"condemn", "condemns", "condemned"}, false, false, false},
	{[]string{"hail", "hails", "hailed"}, false, false, false},
	{[]string{"brand", "brands", "branded"}, false, false, false},
	{[]string{"label", "labels", "labeled", "labelled"}, false, false, false},
	{[]string{"dub", "dubs", "dubbed"}, false, false, false},
	{[]string{"dismiss", "dismisses", "dismissed"}, false, false, false},
	{[]string{"liken", "likens", "likened"}, false, false, false},
	{[]string{"echo", "echoes", "echoed"}, true, false, false},
	{[]string{"wonder", "wonders", "wondered"}, true, false, false},
	{[]string{"sigh", "sighs", "sighed"}, true, false, false},
	{[]string{"laugh", "laughs", "laughed"}, true, false, false},
	{[]string{"whisper", "whispers", "whispered"}, true, false, false},
	{[]string{"recount", "recounts", "recounted"}, true, false, false},
	{[]string{"interject", "interjects", "interjected"}, true, false, false},
	{[]string{"contend", "contends", "contended"}, true, false, true},
	{[]string{"pledge", "pledges", "pledged"}, true, false, false},
	{[]string{"repeat", "repeats", "repeated"}, true, false, false},
	{[]string{"comment", "comments", "commented"}, true, false, false},
	{[]string{"speculate", "speculates", "speculated"}, true, false, false},
	{[]string{"hint", "hints", "hinted"}, true, false, false},
	{[]string{"underline", "underlines", "underlined", "underscore", "underscores", "underscored"}, true, false, false},
	{[]string{"remind", "reminds", "reminded"}, true, true, false},
	{[]string{"reassure", "reassures", "reassured"}, true, true, false},
	{[]string{"threaten", "threatens", "threatened"}, true, false, false},
	{[]string{"reckon", "reckons", "reckoned"}, true, false, true},
	{[]string{"believe", "believes", "believed"}, false, false, true},
	// reporting verbs of untranslated German, French and Spanish copy
	{[]string{"sagte", "sagt", "erklärte", "betonte", "fügte", "warnte", "schrieb"}, true, false, false},
	{[]string{"déclaré", "dit", "affirmé", "ajouté", "estimé", "souligné", "déclare", "affirme", "ajoute"}, true, false, false},
	{[]string{"dijo", "afirmó", "declaró", "añadió", "señaló", "aseguró"}, true, false, false},
	{[]string{"according"}, false, false, false},
}

// weakVerbs introduce a following quote only through a colon or comma
// ("He continued: “…”"), not "the talks continued “in a good mood”".
var weakVerbs = wordSet("continue", "answer", "respond", "reply", "observe", "post",
	"report", "agree", "demand", "promise", "note", "remark", "state", "confirm", "deny",
	"laugh", "sigh", "repeat", "comment", "hint", "threaten", "pledge", "believe")

// asVerbs attribute a quote only when it follows closely ("called it “…”",
// "dismissed the plan as “…”").
var asVerbs = wordSet("call", "describe", "hail", "brand", "label", "dub", "dismiss",
	"liken", "condemn", "scold")

// nounLike forms are verbs only after a speaker: "Trump claims" but not
// "Republican claims" or "the IMF report".
var nounLike = wordSet("claim", "claims", "promise", "promises", "note", "notes",
	"reports", "call", "calls", "post", "posts", "tweet", "tweets", "answer", "answers",
	"remark", "remarks", "demand", "demands", "joke", "jokes", "vow", "vows", "quip",
	"quips", "boast", "boasts", "lament", "laments", "shout", "shouts", "warning",
	"counter", "counters", "concerns", "states", "stress", "stresses", "label",
	"labels", "brand", "brands", "dub", "hail", "hails", "plea", "pleas", "observe",
	"post", "writings", "sayings", "statement", "report", "answer", "comment",
	"comments", "hint", "hints", "pledge", "pledges", "echo", "echoes", "laugh",
	"laughs", "sigh", "sighs", "whisper", "whispers", "repeat", "threat")

// personalHonorifics are followed by a name, never by another title:
// "Mr. King" is a person called King.
var personalHonorifics = wordSet("mr", "mrs", "ms", "miss", "dr", "sir", "dame",
	"lord", "lady", "m", "mme", "herr", "frau", "señor", "señora")

// auxWords may stand between a speaker and its verb ("Trump has also said").
var auxWords = wordSet("also", "later", "then", "previously", "again", "recently", "once",
	"has", "have", "had", "was", "is", "were", "are", "will", "would", "could", "should",
	"might", "may", "can", "did", "does", "do", "been", "already", "further", "just",
	"simply", "often", "still", "never", "even", "first", "last", "famously", "once",
	"now", "too", "herself", "himself", "itself", "not", "soon")

// pronouns that can name a speaker, and their gender.
var speakerPronouns = map[string]byte{"he": 'm', "she": 'f', "it": 'n', "they": 'p', "i": 'x', "we": 'x'}

// cuePreps before a mention make it an object, not a subject.
var cuePreps = wordSet("with", "to", "by", "for", "of", "from", "about", "against",
	"on", "at", "between", "among", "than", "like", "into", "onto", "toward",
	"towards", "after", "before", "under", "over", "without", "via", "behind",
	"beside", "near", "across", "around", "through", "and", "or", "called", "met",
	"told", "thanked", "urged", "asked", "accused", "criticised", "criticized",
	"attacked", "praised", "blamed", "defeated", "beat", "against", "unlike")

// cueDets start an unnamed noun phrase ("a senior official").
var cueDets = wordSet("a", "an", "the", "one", "two", "three", "several", "some",
	"many", "other", "another", "his", "her", "its", "their", "our", "my", "your",
	"this", "that", "these", "those", "both", "all", "most", "no", "each", "every",
	"senior", "top", "former")

// clauseStarters may open reported speech without "that".
var clauseStarters = wordSet("he", "she", "it", "they", "we", "i", "you", "there",
	"this", "these", "those", "the", "a", "an", "his", "her", "its", "their", "our",
	"my", "your", "some", "no", "every", "all", "both", "many", "most", "if", "nobody",
	"everyone", "anyone", "someone", "nothing")

// relativeWords before a verb put it in a relative clause.
var relativeWords = wordSet("who", "which", "whom", "whose")

// cueAbbrevs are the abbreviations whose final period does not end a
// sentence: the one list both the tokenizer (lexAbbrev) and the statement
// words read.
var cueAbbrevs = wordSet("mr", "mrs", "ms", "messrs", "dr", "st", "jr", "sr", "gen",
	"sen", "rep", "reps", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
	"prof", "rev", "hon", "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"ft", "mt", "pres", "supt", "det", "insp", "fr", "sens", "govs", "approx", "dept",
	"univ", "assn", "bros", "ave", "blvd", "pp", "vol", "cf", "al", "ca", "e.g", "i.e")

// cueHonorifics open a name and give its gender.
var cueHonorifics = map[string]byte{"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f',
	"sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f', "madam": 'f', "dr": 0, "prof": 0,
	"sen": 0, "senator": 0, "rep": 0, "representative": 0, "gov": 0, "governor": 0,
	"president": 0, "rev": 0, "gen": 0, "general": 0, "mayor": 0, "judge": 0,
	"justice": 0, "secretary": 0, "minister": 0, "chancellor": 0, "ambassador": 0,
	"spokesman": 'm', "spokeswoman": 'f', "spokesperson": 0, "chairman": 'm',
	"chairwoman": 'f', "congressman": 'm', "congresswoman": 'f', "king": 'm',
	"queen": 'f', "prince": 'm', "princess": 'f', "pope": 'm', "herr": 'm', "frau": 'f',
	"monsieur": 'm', "madame": 'f', "m": 'm', "mme": 'f', "señor": 'm', "señora": 'f'}

// cueNotNames are capitalised words that never make a fallback name.
var cueNotNames = wordSet("the", "a", "an", "in", "on", "at", "but", "and", "or", "he",
	"she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "after",
	"before", "when", "while", "if", "as", "so", "for", "with", "from", "by", "to",
	"of", "his", "her", "their", "its", "our", "my", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november",
	"december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "there", "here", "then", "now", "today", "yesterday", "tomorrow",
	"meanwhile", "however", "still", "yet", "also", "although", "though", "because",
	"since", "until", "during", "asked", "speaking", "according", "in", "despite",
	"what", "who", "why", "how", "where", "which", "whether", "not", "no", "yes",
	"one", "two", "some", "many", "most", "all", "both", "each", "every", "god",
	"said", "says", "just", "even", "only", "last", "next",
	"earlier", "later", "instead", "indeed", "thus", "again", "once", "other",
	"another", "such", "more", "much", "very", "over", "under", "about", "into",
	"up", "out", "down", "off", "than", "like", "do", "does", "did", "is", "are",
	"was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
	"could", "should", "our", "your", "us", "them", "him", "me", "photo", "video",
	"full", "text", "abstract", "update", "updated", "read", "watch",
	"breaking", "exclusive", "opinion", "analysis")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
