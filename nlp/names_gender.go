package nlp

// Common given names whose bearers are overwhelmingly of one gender. They
// give people the gazetteer does not know a gender for pronoun resolution,
// and keep "Mr. Obama" from resolving to Michelle Obama.
var femaleGiven = []string{
	"mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
	"nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
	"dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
	"kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha",
	"katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine", "maria", "heather", "diane",
	"ruth", "julie", "olivia", "joyce", "victoria", "kelly", "lauren", "christina", "joan",
	"evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa",
	"ann", "sara", "frances", "kathryn", "janice", "jean", "abigail", "alice", "judy", "sophia",
	"grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella", "theresa", "diana",
	"natalie", "brittany", "marie", "kayla", "alexis", "lori", "hillary", "melania", "ivanka",
	"kamala", "nancy", "ursula", "angela", "theresa", "giorgia", "kaja", "christine", "kristalina", "jacinda",
	"sanna", "mette", "annalena", "claudia", "yulia", "svetlana", "olga", "natalia", "irina",
	"tatiana", "elena", "anne", "sophie", "isabelle", "nathalie", "ségolène", "rachel", "priti",
	"liz", "suella", "yvette", "kemi", "nicola", "kellyanne", "karoline", "tulsi", "kristi", "elise",
	"marjorie", "lauren", "ilhan", "alexandria", "elizabeth", "dianne", "susan", "lisa", "amy", "kirsten",
	"tammy", "jeanne", "debbie", "donna", "hope", "huma", "neera", "jill", "chelsea", "condoleezza",
	"madeleine", "sally", "loretta", "janet", "jen", "jennifer", "dana", "meghan", "katie", "kate", "jane",
	"indira", "benazir", "yingluck", "ellen", "dilma", "cristina", "michelle",
	"fatima", "aisha", "leila", "mariam", "zainab", "nadia", "yasmin", "amina",
}

var maleGiven = []string{
	"james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
	"christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
	"kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob",
	"gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin",
	"samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler",
	"aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "walter", "ethan",
	"jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin",
	"arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie",
	"gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell",
	"elijah", "louis", "bobby", "philip", "johnny", "barack", "bill", "mike", "tim", "jim", "bernie", "mitt",
	"mitch", "ted", "marco", "rand", "chris", "newt", "rudy", "jeb", "hunter", "vladimir", "volodymyr",
	"emmanuel", "keir", "rishi", "boris", "olaf", "friedrich", "xi", "narendra", "recep", "benjamin",
	"sergei", "sergey", "dmitry", "dmitri", "alexei", "mohammed", "muhammad", "ahmed", "ali", "hassan",
	"ibrahim", "abdullah", "omar", "yusuf", "mustafa", "ivan", "nikolai", "pedro", "luiz", "javier", "carlos",
	"emmanuel", "jean", "pierre", "jacques", "françois", "nicolas", "matteo", "giuseppe", "hans",
	"klaus", "wolfgang", "jens", "pete", "marco", "jd", "steve", "kash", "tom", "dick",
	"harry", "fred", "ben", "sam", "dan", "ken", "jeff", "greg", "doug", "rob", "bob", "tony", "nick", "matt",
	"josh", "luke", "max", "leo", "hugh", "ian", "colin", "neil", "graham", "nigel", "ed", "jeremy", "keith",
}
