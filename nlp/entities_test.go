package nlp

import (
	"strings"
	"testing"
)

// span is an expected entity: the surface text (its first occurrence at or
// after the previous expectation's), and the entity it must resolve to.
type wantSpan struct {
	text, kind, id string
}

// findSpan returns the entity whose text is exactly surface, searching
// occurrences in order.
func findSpan(doc Doc, surface string) (Entity, bool) {
	for from := 0; ; {
		k := strings.Index(doc.Text[from:], surface)
		if k < 0 {
			return Entity{}, false
		}
		a := from + k
		for _, e := range doc.Entities {
			if e.Start == a && e.End == a+len(surface) {
				return e, true
			}
		}
		from = a + len(surface)
	}
}

func describe(doc Doc) string {
	var b strings.Builder
	for _, e := range doc.Entities {
		b.WriteString(e.Kind + ":" + e.ID + "[" + e.Text + "] ")
	}
	return b.String()
}

func TestEntityTraps(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantSpan
		// none are surfaces that must not lie inside any entity of the
		// given kind ("" for any kind).
		none []wantSpan
	}{
		{
			name: "possessives with curly and straight apostrophes",
			text: "Ukraine’s army held the line while Trump’s envoy and Russia's negotiators met.",
			want: []wantSpan{{"Ukraine", KindCountry, "ukraine"}, {"Trump", KindPerson, "donald-trump"}, {"Russia", KindCountry, "russia"}},
			none: []wantSpan{{"’s", "", ""}, {"'s", "", ""}},
		},
		{
			name: "diacritics fold",
			text: "President Erdoğan spoke first. Later Erdogan left the room.",
			want: []wantSpan{{"President Erdoğan", KindPerson, "recep-tayyip-erdogan"}, {"Erdogan", KindPerson, "recep-tayyip-erdogan"}},
		},
		{
			name: "turkey the bird and us the pronoun",
			text: "The farmers sold turkey to us before the vote. Later the US and Turkey signed a deal.",
			want: []wantSpan{{"US", KindCountry, "united-states"}, {"Turkey", KindCountry, "turkey"}},
			none: []wantSpan{{"turkey", "", ""}, {"us", "", ""}},
		},
		{
			name: "longest country names win",
			text: "Aid reached Papua New Guinea, South Sudan, the Dominican Republic, Guinea-Bissau and Equatorial Guinea; Sudan, Dominica, Guinea, Niger and Nigeria waited.",
			want: []wantSpan{
				{"Papua New Guinea", KindCountry, "papua-new-guinea"}, {"South Sudan", KindCountry, "south-sudan"},
				{"Dominican Republic", KindCountry, "dominican-republic"}, {"Guinea-Bissau", KindCountry, "guinea-bissau"},
				{"Equatorial Guinea", KindCountry, "equatorial-guinea"}, {"Sudan", KindCountry, "sudan"},
				{"Dominica", KindCountry, "dominica"}, {"Guinea", KindCountry, "guinea"}, {"Niger", KindCountry, "niger"},
				{"Nigeria", KindCountry, "nigeria"},
			},
		},
		{
			name: "Georgia the US state",
			text: "Voters queued in Savannah, Georgia, on Tuesday. The state of Georgia counted ballots and Georgia's governor spoke.",
			none: []wantSpan{{"Georgia", KindCountry, ""}},
		},
		{
			name: "Georgia the country",
			text: "Georgia and Armenia signed a transit pact in Tbilisi.",
			want: []wantSpan{{"Georgia", KindCountry, "georgia"}, {"Armenia", KindCountry, "armenia"}},
		},
		{
			name: "Jordan and Chad as given names",
			text: "Jordan Hale, a farmer, met Chad Daley at the market. Jordan said it would reopen the crossing, and Chad agreed.",
			want: []wantSpan{{"Jordan Hale", KindPerson, "jordan-hale"}, {"Chad Daley", KindPerson, "chad-daley"},
				{"Jordan", KindCountry, "jordan"}, {"Chad", KindCountry, "chad"}},
		},
		{
			name: "a country word that is the surname of someone named",
			text: "Rep. Jim Jordan questioned the director. Afterwards Jordan said the answers were thin.",
			want: []wantSpan{{"Rep. Jim Jordan", KindPerson, "jim-jordan"}, {"Jordan", KindPerson, "jim-jordan"}},
			none: []wantSpan{{"Jordan said", KindCountry, ""}},
		},
		{
			name: "Georgia's congressman",
			text: "Civil rights veteran Ann Pruitt, a Democratic congresswoman from Georgia, spoke.",
			none: []wantSpan{{"Georgia", KindCountry, ""}},
		},
		{
			name: "particles and modifiers around titles",
			text: "Ms von der Leyen met Former US president Barack Obama; von der Leyen spoke, and the outgoing Polish president listened.",
			want: []wantSpan{{"Ms von der Leyen", KindPerson, "ursula-von-der-leyen"}, {"US", KindCountry, "united-states"},
				{"Barack Obama", KindPerson, "barack-obama"}, {"von der Leyen", KindPerson, "ursula-von-der-leyen"},
				{"Polish", KindCountry, "poland"}},
		},
		{
			name: "unknown given names in apposition, surnames that are words",
			text: "“No,” Quina Jones, 25, said. Vann R. Newkirk II, a writer, agreed. South Korean President Park Geun-hye spoke; Mr. Van Voorhis and Mayor Bill de Blasio listened, and De Blasio left.",
			want: []wantSpan{{"Quina Jones", KindPerson, "quina-jones"}, {"Vann R. Newkirk II", KindPerson, "vann-r-newkirk-ii"},
				{"President Park Geun-hye", KindPerson, "park-geun-hye"}, {"Mr. Van Voorhis", KindPerson, "van-voorhis"},
				{"De Blasio", KindPerson, "bill-de-blasio"}},
		},
		{
			name: "languages are not countries",
			text: "Spanish-speaking voters heard the ad in Spanish. French lessons grew, and she spoke German; French troops stayed in Russian-occupied towns.",
			want: []wantSpan{{"French", KindCountry, "france"}, {"Russian", KindCountry, "russia"}},
			none: []wantSpan{{"Spanish-speaking", KindCountry, ""}, {"in Spanish", KindCountry, ""},
				{"French lessons", KindCountry, ""}, {"spoke German", KindCountry, ""}},
		},
		{
			name: "a shared surname goes to the one named most, given names included",
			text: "Sarah Morrow arrived with Paul Morrow. Later, Sarah spoke first, and Sarah won the room. Morrow said she was pleased.",
			want: []wantSpan{{"Sarah Morrow", KindPerson, "sarah-morrow"}, {"Paul Morrow", KindPerson, "paul-morrow"},
				{"Sarah", KindPerson, "sarah-morrow"}, {"Morrow", KindPerson, "sarah-morrow"}},
		},
		{
			name: "sentence-initial words are not names",
			text: "Meanwhile, the talks stalled. However, Officials Said nothing. During the night it rained.",
			none: []wantSpan{{"Meanwhile", "", ""}, {"However", "", ""}, {"During", "", ""}},
		},
		{
			name: "misspelt names anchored by a given name or title",
			text: "Volodymyr Zelenksy flew in. President Zelenksy then met Voldyyyr Zelensky's aides.",
			want: []wantSpan{{"Volodymyr Zelenksy", KindPerson, "volodymyr-zelensky"}, {"President Zelenksy", KindPerson, "volodymyr-zelensky"},
				{"Voldyyyr Zelensky", KindPerson, "volodymyr-zelensky"}},
		},
		{
			name: "short words never match fuzzily",
			text: "Micron said its chips sold well. Macron did not comment.",
			want: []wantSpan{{"Macron", KindPerson, "emmanuel-macron"}},
			none: []wantSpan{{"Micron", KindPerson, ""}},
		},
		{
			name: "transliterations via aliases",
			text: "Zelenskyy and Zelenskiy are the same man.",
			want: []wantSpan{{"Zelenskyy", KindPerson, "volodymyr-zelensky"}, {"Zelenskiy", KindPerson, "volodymyr-zelensky"}},
		},
		{
			name: "honorific and title are part of the span",
			text: "Sir Keir Starmer arrived. Mr. Starmer then greeted French President Emmanuel Macron.",
			want: []wantSpan{{"Sir Keir Starmer", KindPerson, "keir-starmer"}, {"Mr. Starmer", KindPerson, "keir-starmer"},
				{"French", KindCountry, "france"}, {"President Emmanuel Macron", KindPerson, "emmanuel-macron"}},
		},
		{
			name: "organisation in a title stays in the person span",
			text: "NATO Secretary General Mark Rutte warned allies. Later the NATO chief left.",
			want: []wantSpan{{"NATO Secretary General Mark Rutte", KindPerson, "mark-rutte"}, {"the NATO chief", KindPerson, "mark-rutte"}},
		},
		{
			name: "titles alone resolve to the office holder",
			text: "Britain hosted the summit. The Prime Minister said the Russian leader had refused, while the German chancellor and the French president agreed. US President was absent.",
			want: []wantSpan{{"The Prime Minister", KindPerson, "keir-starmer"}, {"Russian", KindCountry, "russia"},
				{"leader", KindPerson, "vladimir-putin"}, {"German", KindCountry, "germany"}, {"chancellor", KindPerson, "friedrich-merz"},
				{"French", KindCountry, "france"}, {"president", KindPerson, "emmanuel-macron"},
				{"US", KindCountry, "united-states"}, {"President", KindPerson, "donald-trump"}},
		},
		{
			name: "a title alone takes the country of its paragraph",
			text: "Britain faces a budget squeeze. The chancellor said taxes would rise.\n\nIn Germany, the chancellor took a different line. The Pope prayed.",
			want: []wantSpan{{"The chancellor", KindPerson, "rachel-reeves"}, {"the chancellor", KindPerson, "friedrich-merz"},
				{"The Pope", KindPerson, "pope-leo-xiv"}},
		},
		{
			name: "a title alone prefers the person the article names",
			text: "Prime Minister Jana Novakova of Ruritania opened the fair. Later the prime minister cut a ribbon.",
			want: []wantSpan{{"Prime Minister Jana Novakova", KindPerson, "jana-novakova"}, {"the prime minister", KindPerson, "jana-novakova"}},
		},
		{
			name: "people beyond the gazetteer",
			text: "Maria Lopez, a teacher, said the school had closed. Foreign Minister Anna Kowalczyk disagreed, and spokesman Tom Briggs declined to comment. Later Ms. Kowalczyk and Lopez met; Kowalczyk left first.",
			want: []wantSpan{{"Maria Lopez", KindPerson, "maria-lopez"}, {"Foreign Minister Anna Kowalczyk", KindPerson, "anna-kowalczyk"},
				{"Tom Briggs", KindPerson, "tom-briggs"}, {"Ms. Kowalczyk", KindPerson, "anna-kowalczyk"},
				{"Lopez", KindPerson, "maria-lopez"}, {"Kowalczyk", KindPerson, "anna-kowalczyk"}},
			none: []wantSpan{{"spokesman", "", ""}},
		},
		{
			name: "organisations, places and days are not people",
			text: "The White House and the Secret Service met in New York on Monday, Fox News reported.",
			none: []wantSpan{{"White House", KindPerson, ""}, {"Secret Service", KindPerson, ""}, {"New York", "", ""},
				{"Monday", "", ""}, {"Fox News", "", ""}},
		},
		{
			name: "capitals act for their country only when they act",
			text: "Moscow said the talks in Moscow would resume. Beijing warned Washington, and Kyiv has rejected the plan. Moscow's position hardened.",
			want: []wantSpan{{"Moscow", KindCountry, "russia"}, {"Beijing", KindCountry, "china"}, {"Kyiv", KindCountry, "ukraine"}},
			none: []wantSpan{{"talks in Moscow", KindCountry, ""}, {"Washington", "", ""}},
		},
		{
			name: "demonyms are countries",
			text: "British officials met Russian presidents and Ukrainian diplomats.",
			want: []wantSpan{{"British", KindCountry, "united-kingdom"}, {"Russian", KindCountry, "russia"}, {"Ukrainian", KindCountry, "ukraine"}},
		},
		{
			name: "relatives are different people",
			text: "Melania Trump and Donald Trump Jr. attended; Donald Trump spoke.",
			want: []wantSpan{{"Melania Trump", KindPerson, "melania-trump"}, {"Donald Trump Jr", KindPerson, "donald-trump-jr"},
				{"Donald Trump", KindPerson, "donald-trump"}},
		},
		{
			name: "honorific gender picks the relative",
			text: "Barack Obama and Michelle Obama arrived. Mr. Obama spoke, then Mrs. Obama.",
			want: []wantSpan{{"Mr. Obama", KindPerson, "barack-obama"}, {"Mrs. Obama", KindPerson, "michelle-obama"}},
		},
		{
			name: "surname-first names",
			text: "Xi Jinping met Kim Jong Un. Mr Xi later left.",
			want: []wantSpan{{"Xi Jinping", KindPerson, "xi-jinping"}, {"Mr Xi", KindPerson, "xi-jinping"}},
		},
		{
			name: "a fuller name later completes a person known by surname",
			text: "Mr. Brandauer voted no. Klaus Brandauer, the chairman, explained why.",
			want: []wantSpan{{"Mr. Brandauer", KindPerson, "klaus-brandauer"}, {"Klaus Brandauer", KindPerson, "klaus-brandauer"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Annotate(tt.text)
			for _, w := range tt.want {
				e, ok := findSpan(doc, w.text)
				if !ok {
					t.Errorf("no entity span %q; got %s", w.text, describe(doc))
					continue
				}
				if e.Kind != w.kind || e.ID != w.id {
					t.Errorf("%q = %s %s, want %s %s", w.text, e.Kind, e.ID, w.kind, w.id)
				}
			}
			for _, n := range tt.none {
				at := strings.Index(doc.Text, n.text)
				if at < 0 {
					t.Fatalf("test text lacks %q", n.text)
				}
				for _, e := range doc.Entities {
					if e.Start < at+len(n.text) && at < e.End && (n.kind == "" || e.Kind == n.kind) {
						t.Errorf("%q overlaps entity %s %s %q", n.text, e.Kind, e.ID, e.Text)
					}
				}
			}
		})
	}
}

func TestLeaderFlag(t *testing.T) {
	tests := []struct {
		text, surface string
		leader        bool
	}{
		{"Prime Minister Jana Novakova of Ruritania spoke.", "Prime Minister Jana Novakova", true},
		{"Former President Tomas Varga spoke.", "Former President Tomas Varga", false},
		{"The envoy Steve Okafor arrived.", "Steve Okafor", false},
		{"Maria Lopez, a teacher, spoke.", "Maria Lopez", false},
		{"Vladimir Putin spoke.", "Vladimir Putin", true},
	}
	for _, tt := range tests {
		doc := Annotate(tt.text)
		e, ok := findSpan(doc, tt.surface)
		if !ok {
			t.Errorf("%q: no span %q; got %s", tt.text, tt.surface, describe(doc))
			continue
		}
		if e.Leader != tt.leader {
			t.Errorf("%q: leader = %v, want %v", tt.surface, e.Leader, tt.leader)
		}
	}
}

func TestGender(t *testing.T) {
	tests := []struct{ text, surface, gender string }{
		{"Mrs. Halvorsen spoke.", "Mrs. Halvorsen", "f"},
		{"Mr. Halvorsen spoke.", "Mr. Halvorsen", "m"},
		{"Vladimir Putin spoke.", "Vladimir Putin", "m"},
		{"Maria Lopez spoke.", "Maria Lopez", "f"},
	}
	for _, tt := range tests {
		doc := Annotate(tt.text)
		e, ok := findSpan(doc, tt.surface)
		if !ok || e.Gender != tt.gender {
			t.Errorf("%q: gender %q (found %v), want %q", tt.surface, e.Gender, ok, tt.gender)
		}
	}
}

func TestHeadlinesAndCapitals(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantSpan
		none []string
	}{
		{"title-case headline makes no people of given names", "Trump Says He Will Meet Putin After Grant Talks Stall",
			[]wantSpan{{"Trump", KindPerson, "donald-trump"}, {"Putin", KindPerson, "vladimir-putin"}},
			[]string{"Will Meet", "Grant Talks"}},
		{"all-caps headline", "MACRON AND MERZ MEET IN PARIS",
			[]wantSpan{{"MACRON", KindPerson, "emmanuel-macron"}, {"MERZ", KindPerson, "friedrich-merz"}},
			[]string{"PARIS"}},
		{"ambiguous given name at a sentence start", "Will Russia agree? Mark my words, said the envoy.",
			[]wantSpan{{"Russia", KindCountry, "russia"}}, []string{"Will", "Mark"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Annotate(tt.text)
			for _, w := range tt.want {
				if e, ok := findSpan(doc, w.text); !ok || e.ID != w.id || e.Kind != w.kind {
					t.Errorf("%q: want %s %s; got %s", w.text, w.kind, w.id, describe(doc))
				}
			}
			for _, n := range tt.none {
				at := strings.Index(doc.Text, n)
				for _, e := range doc.Entities {
					if e.Start < at+len(n) && at < e.End {
						t.Errorf("%q overlaps %s %s", n, e.Kind, e.ID)
					}
				}
			}
		})
	}
}

func TestAnnotateConcurrent(t *testing.T) {
	texts := []string{
		"Sir Keir Starmer met President Putin in Moscow.",
		"Maria Lopez, a teacher, said Ukraine’s army held.",
		"The Prime Minister said Britain would act.",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = describe(Annotate(s))
	}
	done := make(chan string, 64)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for k := 0; k < 50; k++ {
				i := (g + k) % len(texts)
				if got := describe(Annotate(texts[i])); got != want[i] {
					done <- "concurrent result differs for " + texts[i] + ": " + got
					return
				}
			}
			done <- ""
		}(g)
	}
	for g := 0; g < 8; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
