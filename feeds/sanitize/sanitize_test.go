package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// assertSafe fails when out still holds anything a terminal would act on.
func assertSafe(t *testing.T, in, out string, multiline bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("input %q: output %q is not valid UTF-8", in, out)
	}
	for _, r := range out {
		switch {
		case r == '\n' || r == '\t':
			if !multiline {
				t.Errorf("input %q: output %q keeps %q", in, out, r)
			}
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			t.Errorf("input %q: output %q keeps control %U", in, out, r)
		case isBidiControl(r):
			t.Errorf("input %q: output %q keeps bidi control %U", in, out, r)
		case isInvisible(r):
			t.Errorf("input %q: output %q keeps invisible %U", in, out, r)
		}
	}
}

func TestTextHostile(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Hello, world", "Hello, world"},
		{"keeps newline and tab", "a\tb\nc", "a\tb\nc"},
		{"CSI colour", "\x1b[31mRed\x1b[0m text", "Red text"},
		{"CSI cursor moves", "up\x1b[2Adown\x1b[10;20Hhome\x1b[K", "updownhome"},
		{"CSI private mode", "\x1b[?1049hscreen\x1b[?25l", "screen"},
		{"OSC 0 title with BEL", "\x1b]0;pwned title\x07Headline", "Headline"},
		{"OSC 2 title with ST", "\x1b]2;pwned\x1b\\Headline", "Headline"},
		{"OSC 8 hyperlink", "see \x1b]8;;https://evil.example/\x1b\\the link\x1b]8;;\x1b\\ now", "see the link now"},
		{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07safe", "safe"},
		{"DCS", "a\x1bP1$r0m\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"PM", "a\x1b^private\x1b\\b", "ab"},
		{"SOS", "a\x1bXstring\x1b\\b", "ab"},
		{"8-bit C1 CSI byte", "\x9b31mRed", "Red"},
		{"C1 CSI rune", "\u009b31mRed\u009b0m", "Red"},
		{"C1 OSC rune with C1 ST", "\u009d0;title\u009cBody", "Body"},
		{"8-bit OSC byte with BEL", "\x9d0;title\x07Body", "Body"},
		{"other C1 dropped", "a\u0085b\u0084c", "abc"},
		{"bidi override", "evil\u202egnp.exe", "evilgnp.exe"},
		{"bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"bidi embeddings", "\u202aa\u202bb\u202cc\u202dd", "abcd"},
		{"marks kept", "\u200fשלום\u200e", "\u200fשלום\u200e"},
		{"zero-width space", "pay\u200bpal", "paypal"},
		{"zero-width joiners and word joiner", "p\u200ca\u200dy\u2060pal\ufeff", "paypal"},
		{"tag characters", "safe\U000e0049\U000e0047\U000e004e\U000e007f text", "safe text"},
		{"lone ESC at end", "text\x1b", "text"},
		{"ESC before text", "\x1b\x1b[1mbold", "bold"},
		{"ESC charset designation", "a\x1b(Bb", "ab"},
		{"ESC keypad mode", "a\x1b=b", "ab"},
		{"ESC then non-ASCII", "a\x1bé", "aé"},
		{"BEL", "ding\x07dong", "dingdong"},
		{"backspace overwrite", "safe\x08\x08\x08\x08evil", "safeevil"},
		{"NUL and DEL", "a\x00b\x7fc", "abc"},
		{"CR LF", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"invalid UTF-8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"unterminated OSC swallows rest", "ok\x1b]0;title never ends", "ok"},
		{"CAN aborts OSC", "\x1b]0;x\x18visible", "visible"},
		{"unterminated CSI", "tail\x1b[12;", "tail"},
		{"CSI aborted by control", "\x1b[3\nnext", "\nnext"},
		{"BOM dropped", "\ufeffTitle", "Title"},
		{"line separator", "a\u2028b", "a\nb"},
		{"unicode kept", "Zelenskyy said «non» — 日本", "Zelenskyy said «non» — 日本"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			assertSafe(t, tt.in, got, true)
			if again := Text(got); again != got {
				t.Errorf("Text is not idempotent: %q then %q", got, again)
			}
		})
	}
}

func TestLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Title", "Title"},
		{"trim and collapse", "  A \n\t title \r\n here  ", "A title here"},
		{"nbsp and em space", "a\u00a0\u2003b", "a b"},
		{"escapes in title", "\x1b]0;x\x07Breaking:\x1b[5m news", "Breaking: news"},
		{"only controls", "\x1b[31m\x07\n", ""},
		{"C1 NEL", "a\u0085b", "ab"},
		{"link with newline", "https://example.org/a\nb", "https://example.org/a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Line(tt.in)
			if got != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
			assertSafe(t, tt.in, got, false)
		})
	}
}

func TestCleanInputIsNotCopied(t *testing.T) {
	in := strings.Repeat("plain ascii text\n", 10)
	if got := Text(in); got != in {
		t.Fatalf("clean input changed: %q", got)
	}
	allocs := testing.AllocsPerRun(100, func() { _ = Text(in) })
	if allocs != 0 {
		t.Errorf("Text on clean input allocated %v times", allocs)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"", "plain", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x1b\\l\x1b]8;;\x1b\\",
		"\x9b1;2H", "\u009d52;c;AA\u009c", "\x1bP\x1b", "\u202e\u2066x", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Text(in)
		assertSafe(t, in, out, true)
		if strings.IndexByte(out, esc) >= 0 {
			t.Fatalf("ESC survived in %q", out)
		}
		if Text(out) != out {
			t.Fatalf("not idempotent: %q", out)
		}
		line := Line(in)
		assertSafe(t, in, line, false)
		if line != strings.TrimSpace(line) {
			t.Fatalf("Line not trimmed: %q", line)
		}
	})
}

func TestEscapes(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no escapes", "plain \x9b bytes \xe9", "plain \x9b bytes \xe9"},
		{"CSI", "<title>a\x1b[31mb</title>", "<title>ab</title>"},
		{"OSC 8 keeps text", "\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"latin1 bytes kept", "caf\xe9\x1b[0m", "caf\xe9"},
		{"lone ESC", "a\x1b", "a"},
	}
	for _, tt := range tests {
		if got := Escapes(tt.in); got != tt.want {
			t.Errorf("%s: Escapes(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// Text and Line return clean input itself, beyond ASCII too, and what
// they return for it is what cleaning it would give.
func TestCleanBeyondASCIIIsNotCopied(t *testing.T) {
	for _, in := range []string{"“We will,” Élysée said — 10 €.", "Zelenskyy: «ні»\n\tдякую", "日本 語"} {
		multiline := strings.ContainsAny(in, "\n\t")
		if !isClean(in, true) || isClean(in, false) == multiline {
			t.Errorf("isClean(%q) = %v, %v", in, isClean(in, true), isClean(in, false))
		}
		if got := Text(in); got != in {
			t.Errorf("Text(%q) = %q", in, got)
		}
		if allocs := testing.AllocsPerRun(20, func() { _ = Text(in) }); allocs != 0 {
			t.Errorf("Text(%q) allocated %v times", in, allocs)
		}
	}
	for _, in := range []string{"a\u00a0b", "a\u2028b", "a\u200bb", "a\u202eb", "a\u0085b", "a\xffb"} {
		if isClean(in, false) {
			t.Errorf("isClean(%q, line) = true; Line changes it to %q", in, Line(in))
		}
	}
}

// The fast path never differs from cleaning: whenever isClean holds,
// the slow path gives the input back.
func FuzzCleanFastPath(f *testing.F) {
	for _, s := range []string{"“quoted”", "a\u00a0b", "x\ty\nz", "\u2028", "é\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, multiline := range []bool{true, false} {
			if !isClean(in, multiline) {
				continue
			}
			var b strings.Builder
			clean(&b, in)
			if b.String() != in {
				t.Fatalf("isClean(%q, %v) but cleaning gives %q", in, multiline, b.String())
			}
			if !multiline && !needsCollapse(in) && Line(in) != in {
				t.Fatalf("isClean(%q) for a line but Line gives %q", in, Line(in))
			}
		}
	})
}
