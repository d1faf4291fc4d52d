package nlp

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"clean text unchanged", "Headline\n\nFirst para.\nSecond para.", "Headline\n\nFirst para.\nSecond para."},
		{"CRLF and CR", "a\r\nb\rc", "a\nb\nc"},
		{"controls stripped", "a\x00b\x1b[31mc\x7fd\u0085e", "ab[31mcde"},
		{"tabs kept", "a\tb", "a\tb"},
		{"no-break spaces", "Mr.\u00a0Trump\u202fsaid", "Mr. Trump said"},
		{"trailing spaces per line", "a  \nb\t\nc ", "a\nb\nc"},
		{"blank-line runs collapse", "a\n\n\n\nb\n \n\n \nc", "a\n\nb\n\nc"},
		{"leading and trailing blank lines", "\n\n  \nbody\n\n\n", "body"},
		{"invalid UTF-8 replaced", "a\xffb", "a\ufffdb"},
		{"invisible formatting stripped", "a\u200bb\u202ec\ufeffd", "abcd"},
		{"leading indentation kept", "  indented", "  indented"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Errorf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}
