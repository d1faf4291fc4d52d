package nlp

import (
	"strings"
	"testing"
)

// The phrase before a reporting verb is read as a noun phrase: its head
// speaks, not a place or a country that modifies it.
func TestSpeakerNounPhrases(t *testing.T) {
	tests := []struct {
		name, text, quote string
		speaker           string // "" = no speaker
	}{
		{"organisation name with of", "Trade.\nChina's Ministry of Commerce said in a statement that the two sides had reached \"important consensus\" on soybeans.",
			"important consensus", "Ministry of Commerce"},
		{"organisation after according to", "Budget.\nAccording to the Institute for Fiscal Studies, meeting the target early would cost an extra £6bn a year.",
			"meeting the target early", "Institute for Fiscal Studies"},
		{"demonym before a person noun", "Talks.\nA senior German official, speaking on condition of anonymity, said the chancellor had pressed his counterparts.",
			"the chancellor had pressed", ""},
		{"place after a person noun", "Trade.\nA diplomat in Brussels said that Paris was « more isolated than it pretends to be », pointing to Italy.",
			"more isolated than it pretends to be", ""},
		{"embassy in a capital", "Moscow.\nThe Russian embassy in Berlin said the budget showed that Germany had „chosen confrontation over dialogue“ at last.",
			"chosen confrontation over dialogue", ""},
		{"an organisation is it", "Power.\nBC Hydro said on Monday it would raise rates by 3.75 per cent. “Our customers will not see any interruption,” it said in a statement.",
			"Our customers will not see", "BC Hydro"},
		{"a person before of and a described body", "Ships.\nCaptain Joost van der Berg of the Dutch brig Morgenster said the crossing was calm. “We had one bad night,” he said.",
			"We had one bad night", "Joost van der Berg"},
		{"a description after an inverted cue", "Comics.\nOn a rainy Tuesday, Lena Vasquez-Moreau unlocks the door of her shop.\n“People walk in asking for Spider-Man,” says the 39-year-old founder.",
			"People walk in", "Lena Vasquez-Moreau"},
		{"the agency", "Health.\nGENEVA — The World Health Organization said on Friday that cases had risen.\n\"We are seeing outbreaks,\" the agency said in its bulletin.",
			"We are seeing outbreaks", "World Health Organization"},
		{"a second clause with its own speaker", "Strike.\nOpposition figure Atiku Abubakar said in a statement that the reforms had been \"poorly sequenced\", while Peter Obi of the Labour Party wrote on X that Nigerians were \"paying for the mistakes of leaders\".",
			"paying for the mistakes", "Peter Obi"},
		{"a possessive description", "Obituary.\nShe is survived by a daughter, Isla Brennan, 61, of Toronto.\n\"She never stopped looking,\" her daughter said.",
			"She never stopped looking", "Isla Brennan"},
		{"a noun opening the sentence before a name", "Comics.\nLena Vasquez-Moreau runs the shop.\nArtist Kwame Boateng-Reid credits her with his career. “She put my book in the window,” he says.",
			"She put my book", "Kwame Boateng-Reid"},
		{"title in apposition", "Shipyards.\nScotland's First Minister, John Swinney, said he welcomed the investment but warned that ‘Glasgow cannot be a backdrop’.",
			"Glasgow cannot be a backdrop", "John Swinney"},
		{"a subordinate clause's reported speech ends at the main clause", "Pensions.\nWhen Premier Doug Ford noted that Ontario had balanced its budget, Marit Stiles replied, “That is a fairy tale.”",
			"That is a fairy tale", "Marit Stiles"},
		{"a dash ends it too", "Pensions.\nAs Rachel Reeves argued that the rule was fixed ― a line her team repeated ― Kemi Badenoch countered, “Nothing is fixed.”",
			"Nothing is fixed", "Kemi Badenoch"},
		{"a credit line speaks for its whole paragraph", "Readers write.\n“He cannot lead. He has failed.” ― Maria Gonzalez\n“Nobody I know wants him, as I told my cousin ‘he is all talk.” And that is all he is “a show’.” ― Ana Torres.",
			"Nobody I know wants him", "Ana Torres"},
		{"a document speaks for the name that modifies it", "Visas.\nA State Department memo said the scheme was \"open to abuse.\"",
			"open to abuse", "the State Department"},
		{"a document speaks for its issuer's page", "Leave.\nBernie Sanders spoke in Iowa.\nA page on the Sanders campaign's website says families would get \"more support.\"",
			"more support", "Bernie Sanders"},
		{"a letter from its sender", "Budget.\nA letter from the European Commission warned that the plan was \"not compatible with the treaties.\"",
			"not compatible with the treaties", "European Commission"},
		{"as the memo put it", "Visas.\nThe main test is a \"legitimate source of capital,\" as a Homeland Security memo put it.",
			"legitimate source of capital", "Department of Homeland Security"},
		{"according to a document released by its author", "Talks.\nThe leaders spoke for an hour and agreed to \"act together\", according to a joint statement released by Downing Street.",
			"act together", "Downing Street"},
		{"a name after the body a spokeswoman speaks for", "Hotels.\n\"We will not comment on rumours,\" said a spokeswoman for Trump hotels, Jennifer Rodstrom.",
			"We will not comment", "Jennifer Rodstrom"},
		{"a possessive description is someone other than the possessor", "Budget.\nMel Stride attacked the plan. 'It will fail,' Mr Stride said.\nAsked about tax rises, his official spokesman said: 'We are not going to write the next budget today.'",
			"We are not going to write", ""},
		{"a plural possessive inside an organisation's name", "Homes.\nThe Home Builders' Association said in a statement that it \"cautiously welcomes\" the plan.",
			"cautiously welcomes", "Home Builders' Association"},
		{"a document states", "Leave.\nBernie Sanders spoke in Iowa.\nA document on the Sanders campaign website states that couples would be covered only if they are \"registered with the state,\" wording that could exclude many.",
			"registered with the state", "Bernie Sanders"},
		{"an unnamed subject chants, not a name in its clause", "Protests.\nSmall groups of protesters marched around the stadium - where the Charlotte Panthers played - while chanting, \"Hands up, don't shoot.\"",
			"Hands up", ""},
		{"quotes that are a cue's objects keep its speaker over a later clause's cue", "Rally.\nKevin dozed, and as Donald Trump went on about “the rigged system,” and “forgotten families,” Melanie Ortiz said yes, over and over.",
			"forgotten families", "Donald Trump"},
		{"an apposition after 'according to X' is not what X said", "Farms.\nAccording to Élodie Marchand, an agricultural economist at a university in Toulouse, the stakes are \"smaller than the political ones.\"",
			"smaller than the political ones", "Élodie Marchand"},
		{"a report on a country is not the country's", "Trade.\nA report on China said the talks were \"going nowhere.\"",
			"going nowhere", ""},
		{"a pronoun after a possessive subject is its possessor", "Medicine.\n\"It works,\" said Dr. Alan Pierce, a surgeon.\nMehmet Oz's advice earned him a hearing, where he was criticised for saying that a bean extract was a \"magic cure for everyone.\"",
			"magic cure for everyone", "Mehmet Oz"},
		{"but a person noun after it is the subject", "Energy.\n\"Prices will fall,\" said Rachel Reeves, the chancellor.\nKeir Starmer's spokesman said he had \"full confidence\" in her.",
			"full confidence", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Annotate(tt.text)
			var st *Statement
			for i := range doc.Statements {
				if strings.HasPrefix(doc.Statements[i].Quote, tt.quote) {
					st = &doc.Statements[i]
				}
			}
			if st == nil {
				t.Fatalf("no statement %q in %+v", tt.quote, doc.Statements)
			}
			got := ""
			if st.Speaker != nil {
				got = st.Speaker.Name
			}
			if got != tt.speaker {
				t.Errorf("speaker %q (cue %q), want %q", got, st.Cue, tt.speaker)
			}
		})
	}
}

// Capitalised words that are no one's name never speak.
func TestNoJunkSpeakers(t *testing.T) {
	tests := []struct{ name, text, junk string }{
		{"sentence-initial adjective", "Climate.\nSmall island states, meanwhile, said the talks were failing them.", "Small"},
		{"infinitive after a reporting verb", "Budget.\nSeveral members had threatened to vote against it over a pensions package that younger MPs say loads too much onto the young.", "threatened"},
		{"a run-in heading", "The record.\nDeadlock Blocks Relief Efforts: Ending \"the misery of famine\" is one of the first aims of the agency.", "Deadlock Blocks Relief Efforts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, s := range Annotate(tt.text).Statements {
				if s.Speaker != nil && s.Speaker.Name == tt.junk || s.Cue == tt.junk {
					t.Errorf("statement %q: speaker %+v cue %q", s.Quote, s.Speaker, s.Cue)
				}
			}
		})
	}
}
