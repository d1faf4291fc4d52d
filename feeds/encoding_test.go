package feeds

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestFeedEncodings(t *testing.T) {
	rss := func(encoding, title string) string {
		decl := `<?xml version="1.0"?>`
		if encoding != "" {
			decl = `<?xml version="1.0" encoding="` + encoding + `"?>`
		}
		return decl + `<rss version="2.0"><channel><title>` + title + `</title><item><title>` + title + `</title><guid>1</guid></item></channel></rss>`
	}
	encode := func(e encoding.Encoding, s string) string {
		out, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	tests := []struct {
		name, body, contentType string
		want                    string // feed title; "" with wantErr
		wantErr                 string
	}{
		{name: "Shift_JIS", body: encode(japanese.ShiftJIS, rss("Shift_JIS", "日本の首相")), want: "日本の首相"},
		{name: "EUC-JP", body: encode(japanese.EUCJP, rss("EUC-JP", "外務大臣")), want: "外務大臣"},
		{name: "UTF-16LE with BOM", body: encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), rss("UTF-16", "Zürich")), want: "Zürich"},
		{name: "UTF-16BE with BOM", body: encode(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), rss("UTF-16", "Zürich")), want: "Zürich"},
		{name: "UTF-8 BOM", body: "\xef\xbb\xbf" + rss("utf-8", "Zürich"), want: "Zürich"},
		{name: "UTF-16 label on UTF-8 body", body: rss("utf-16", "Zürich"), want: "Zürich"},
		{name: "undeclared Latin-1", body: rss("", "Z\xfcrich"), want: "Zürich"},
		{name: "charset from Content-Type", body: rss("", "Z\xfcrich"), contentType: "text/xml; charset=ISO-8859-1", want: "Zürich"},
		{name: "declaration beats Content-Type", body: rss("utf-8", "Zürich"), contentType: "text/xml; charset=ISO-8859-1", want: "Zürich"},
		{name: "bad bytes in UTF-8 become U+FFFD", body: rss("UTF-8", "Z\xfcrich"), want: "Z\ufffdrich"},
		{name: "mostly UTF-8 stays UTF-8", body: rss("", "Zürich Z\xfcrich"), want: "Zürich Z\ufffdrich"},
		{name: "ISO-2022-JP keeps its escapes", body: "<?xml version=\"1.0\" encoding=\"iso-2022-jp\"?><rss version=\"2.0\"><channel><title>\x1b$BF|K\\\x1b(B</title></channel></rss>", want: "日本"},
		{name: "unknown encoding", body: rss("x-klingon", "hello"), wantErr: `unknown character encoding "x-klingon"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := parseFeed([]byte(tt.body), tt.contentType, "https://enc.example/feed")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if feed.title != tt.want {
				t.Errorf("title %q, want %q", feed.title, tt.want)
			}
		})
	}
}
