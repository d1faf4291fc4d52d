package nlp

import (
	"reflect"
	"strings"
	"testing"
)

// quoteTexts returns the words of every top-level quote found in text.
func quoteTexts(text string) []string {
	quotes, _ := findQuotes(text, splitParagraphs(text))
	out := []string{}
	for _, q := range quotes {
		out = append(out, text[q.start:q.end])
	}
	return out
}

func TestFindQuotesMarkStyles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"curly double", "He said “we will win” today.", []string{"we will win"}},
		{"straight double", `He said "we will win" today.`, []string{"we will win"}},
		{"british single", "The minister called it ‘a disgrace’ on Monday.", []string{"a disgrace"}},
		{"german low-high", "Merz sagte: „Wir handeln jetzt.“ Dann ging er.", []string{"Wir handeln jetzt."}},
		{"german with single inside", "„Die ‚Zeitenwende‘ ist real“, sagte er.", []string{"Die ‚Zeitenwende‘ ist real"}},
		{"french spaced guillemets", "« Nous n’avons pas le choix », a dit Macron.", []string{"Nous n’avons pas le choix"}},
		{"german reversed guillemets", "»Wir stehen zur Ukraine«, sagte der Kanzler.", []string{"Wir stehen zur Ukraine"}},
		{"single guillemets", "Il a dit ‹ jamais › hier.", []string{"jamais"}},
		{"swedish closing marks both sides", "Hon sa ”vi vinner” igen.", []string{"vi vinner"}},
		// Doubled apostrophes are not quote marks (DESIGN §3 lists the marks),
		// and neither half may pair with a real single quote.
		{"doubled apostrophes are no quote", "''This is not reform,'' said the economist.", []string{}},
		{"doubled apostrophes beside a real quote", "''Not this,'' but ‘this one’ counts.", []string{"this one"}},
		{"straight quotes paired by context", `"One," he said, "two."`, []string{"One,", "two."}},
		{"inches are no quote", `The 6'2" senator said "enough" twice.`, []string{"enough"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindQuotesApostrophes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"inside words", "“Ukraine’s allies don’t agree,” she said.", []string{"Ukraine’s allies don’t agree,"}},
		{"decade elision", "“Since the ’90s we have waited,” he said.", []string{"Since the ’90s we have waited,"}},
		{"plural possessive outside quotes", "The Jesus’ followers met. He called it “calm”.", []string{"calm"}},
		{"plural possessive inside single quotes", "She said ‘the voters’ patience is over’ and left.", []string{"the voters’ patience is over"}},
		{"straight apostrophes in straight quotes", `"It's the voters' choice," he said.`, []string{"It's the voters' choice,"}},
		{"contraction beside a single-quoted word", "Don't say 'never', he said.", []string{"never"}},
		{"leading elision opens nothing", "Tell 'em the truth, she said.", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindQuotesStructure(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"nested stays inside", "“He told me ‘never’, and I believed him,” she said.",
			[]string{"He told me ‘never’, and I believed him,"}},
		{"nested same family", `"They chanted "out" all night," he said.`,
			[]string{`They chanted "out" all night,`}},
		{"split by its cue", "“We will fight,” she said, “and we will win.”",
			[]string{"We will fight,", "and we will win."}},
		{"multi-paragraph", "He said: “First part.\n“Second part.\n“Third part.”\nThen he left.",
			[]string{"First part.", "Second part.", "Third part."}},
		{"multi-paragraph with blank lines", "He said: \"First part.\n\n\"Second part.\"\n\nDone.",
			[]string{"First part.", "Second part."}},
		{"dangling opening mark", "Rutte said it would “do more” on sanctions “.\nThe alliance meets in May.",
			[]string{"do more"}},
		{"stray mark before punctuation mid-paragraph", "Rutte said it would “do more” “. Then he left.",
			[]string{"do more"}},
		{"unclosed quote stops at paragraph end", "She said it was “ready to go\nOfficials expect a decision.",
			[]string{"ready to go"}},
		{"stray opener keeps the quotes after it", "The “ talks went on. He said “yes” and “no” today.\nNext.",
			[]string{"yes", "no"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes of %q = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestFindQuotesContinuationFlags(t *testing.T) {
	text := "He said: “First part.\n“Second part.”\nAfter."
	quotes, _ := findQuotes(text, splitParagraphs(text))
	if len(quotes) != 2 {
		t.Fatalf("got %d quotes, want 2", len(quotes))
	}
	if !quotes[0].contNext || quotes[0].contPrev || quotes[0].closed {
		t.Errorf("first piece flags = %+v, want contNext only", quotes[0])
	}
	if !quotes[1].contPrev || quotes[1].contNext || !quotes[1].closed {
		t.Errorf("second piece flags = %+v, want contPrev and closed", quotes[1])
	}
	if strings.Contains(text[quotes[0].start:quotes[0].end], "\n") {
		t.Errorf("first piece crosses its paragraph: %q", text[quotes[0].start:quotes[0].end])
	}
}

func TestSingleQuotesDroppedInDoubleQuotedText(t *testing.T) {
	text := "Obama Sees 'Personal Insult' in Vote\n\n\"It's about me and all of us,\" he said. \"It matters.\"\n" +
		"He told them: 'come out and vote for her'."
	got := quoteTexts(text)
	want := []string{"It's about me and all of us,", "It matters.", "come out and vote for her"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("quotes = %q, want %q", got, want)
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"one per line", "Headline\nFirst.\nSecond.", []string{"Headline", "First.", "Second."}},
		{"blank lines", "Headline\n\nFirst.\n\n\nSecond.", []string{"Headline", "First.", "Second."}},
		{"hard-wrapped lines join", "The minister said the plan\nwould fail.\nNext one.", []string{"The minister said the plan\nwould fail.", "Next one."}},
		{"trims spaces", "  padded  \n", []string{"padded"}},
		{"wrapped block is one paragraph", "Title\n\n\"We will not give up on the people of this country,\" the\nminister told reporters on Tuesday. \"We will stand by them\nUkraine and everyone who needs us in these hard times.\"\n\nNext.",
			[]string{"Title", "\"We will not give up on the people of this country,\" the\nminister told reporters on Tuesday. \"We will stand by them\nUkraine and everyone who needs us in these hard times.\"", "Next."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range splitParagraphs(tt.text) {
				got = append(got, tt.text[p.start:p.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}
