package nlp

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	x := Default().idx
	tests := []struct {
		name string
		in   string
		want string // "surface/key" per token, flags as suffixes: +poss, +up, +hyph, +join
	}{
		{"possessives curly and straight", "Ukraine’s Trump's Zelensky‘s", "Ukraine/ukraine+poss Trump/trump+poss+join Zelensky/zelensky+poss+join"},
		{"plural possessive", "voters’ choice", "voters/voters+poss choice/choice+join"},
		{"apostrophe inside a word", "O’Brien don't", "O’Brien/o'brien don't/don't+join"},
		{"dotted acronyms", "U.S. and U.K.", "U.S./us+up and/and+join U.K./uk+up+join"},
		{"hyphen splits", "Guinea-Bissau Ki-moon", "Guinea/guinea Bissau/bissau+hyph Ki/ki+join moon/moon+hyph"},
		{"diacritics fold", "Erdoğan Łukasz Straße", "Erdoğan/erdogan Łukasz/lukasz+join Straße/strasse+join"},
		{"honorific dot joins", "Mr. Trump", "Mr/mr Trump/trump+join"},
		{"sentence dot does not join", "left. Trump", "left/left Trump/trump"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := x.tokenize(tt.in, new(tokenBuffers))
			var got []string
			for i, tk := range ts.toks {
				s := tt.in[tk.start:tk.end] + "/" + ts.keyAt(i)
				if tk.is(tPoss) {
					s += "+poss"
				}
				if tk.is(tUpper) {
					s += "+up"
				}
				if tk.is(tHyph) {
					s += "+hyph"
				}
				if tk.is(tJoin) {
					s += "+join"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("tokenize(%q)\n got %s\nwant %s", tt.in, g, tt.want)
			}
		})
	}
}

func TestSentenceStartAndHeadline(t *testing.T) {
	x := Default().idx
	text := "Leaders Gather For Crunch Summit In Geneva\nThe talks began. Meanwhile officials waited."
	ts := x.tokenize(text, new(tokenBuffers))
	flags := map[string]uint16{}
	for _, tk := range ts.toks {
		flags[text[tk.start:tk.end]] = tk.flags
	}
	if flags["Crunch"]&tHeadline == 0 {
		t.Errorf("title-case line not marked as a headline")
	}
	if flags["talks"]&tHeadline != 0 {
		t.Errorf("body line marked as a headline")
	}
	for _, w := range []string{"The", "Meanwhile"} {
		if flags[w]&tSentStart == 0 {
			t.Errorf("%q not marked as sentence start", w)
		}
	}
	if flags["officials"]&tSentStart != 0 {
		t.Errorf("mid-sentence word marked as sentence start")
	}
}
