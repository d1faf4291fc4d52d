package feeds

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode/utf32"
)

func rssDoc(decl, title, desc string) string {
	return decl + `<rss version="2.0"><channel><title>` + title + `</title><item><title>` + title +
		`</title><guid>1</guid><description>` + desc + `</description></item></channel></rss>`
}

// UTF-32 feeds, with or without a byte-order mark, and CJK feeds that
// declare no encoding are read, not called "not a feed" or turned to U+FFFD.
func TestUTF32AndUndeclaredCJK(t *testing.T) {
	enc := func(e encoding.Encoding, s string) []byte {
		out, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(out)
	}
	const plain = `<?xml version="1.0"?>`
	cases := []struct {
		name  string
		body  []byte
		title string
	}{
		{"UTF-32LE BOM", enc(utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), rssDoc(`<?xml version="1.0" encoding="UTF-32"?>`, "Zürich", "d")), "Zürich"},
		{"UTF-32BE BOM", enc(utf32.UTF32(utf32.BigEndian, utf32.UseBOM), rssDoc(`<?xml version="1.0" encoding="UTF-32"?>`, "Zürich", "d")), "Zürich"},
		{"UTF-32LE no BOM", enc(utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), rssDoc(plain, "Zürich", "d")), "Zürich"},
		{"UTF-32BE no BOM", enc(utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), rssDoc(plain, "Zürich", "d")), "Zürich"},
		{"GB18030 undeclared", enc(simplifiedchinese.GB18030, rssDoc(plain, "外交部发言人表示", "中华人民共和国外交部发言人今天在例行记者会上表示，中方愿同各方一道，推动政治解决有关问题。国务院总理出席会议并发表讲话，强调经济发展的重要性。")), "外交部发言人表示"},
		{"Shift_JIS undeclared", enc(japanese.ShiftJIS, rssDoc(plain, "日本の首相が会見", "岸田首相は今日、記者会見を開き、経済対策について説明しました。政府は来年度の予算案を閣議決定する方針です。外務大臣も同席しました。")), "日本の首相が会見"},
		{"EUC-KR undeclared", enc(korean.EUCKR, rssDoc(plain, "대통령 기자회견", "대통령은 오늘 기자회견을 열고 경제 정책에 대해 설명했습니다. 정부는 내년도 예산안을 국무회의에서 의결할 방침입니다. 외교부 장관도 참석했습니다.")), "대통령 기자회견"},
		{"Big5 undeclared", enc(traditionalchinese.Big5, rssDoc(plain, "總統府發言人表示", "總統府發言人今天表示，政府將持續推動兩岸和平發展，並加強與國際社會的合作。行政院長出席記者會並說明經濟政策。")), "總統府發言人表示"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			feed, err := parseFeed(c.body, "", "https://enc.example/feed")
			if err != nil {
				t.Fatal(err)
			}
			if feed.title != c.title {
				t.Errorf("title %q, want %q", feed.title, c.title)
			}
		})
	}
}

// Windows-1252 punctuation that arrives as C1 controls (a character,
// a numeric reference, a JSON escape) becomes the punctuation it meant;
// zero-width and tag characters are removed.
func TestMisencodedPunctuationAndInvisibles(t *testing.T) {
	cases := []struct {
		name, body, ct    string
		wantTitle, inText string
	}{
		{"XML numeric references", rssDoc(`<?xml version="1.0"?>`, "don&#146;t &#147;quote&#148; &#133;", "it&#x92;s"), "", "don’t “quote” …", "it’s"},
		{"C1 characters", rssDoc(`<?xml version="1.0" encoding="UTF-8"?>`, "don\u0092t \u0093quote\u0094 \u0096 dash", "it\u0092s"), "", "don’t “quote” – dash", "it’s"},
		{"JSON escapes", `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"don\u0092t \u0093x\u0094","content_text":"it\u0092s"}]}`, "application/feed+json", "don’t “x”", "it’s"},
		{"zero-width and tag characters", rssDoc(`<?xml version="1.0" encoding="UTF-8"?>`, "pay\u200bpal pay\u2060pal\U000e0041", "pay\u200dpal"), "", "paypal paypal", "paypal"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			feed, err := parseFeed([]byte(c.body), c.ct, "https://enc.example/feed")
			if err != nil {
				t.Fatal(err)
			}
			if len(feed.items) != 1 {
				t.Fatalf("%d items", len(feed.items))
			}
			it := feed.items[0]
			if it.Title != c.wantTitle {
				t.Errorf("title %q, want %q", it.Title, c.wantTitle)
			}
			if !strings.Contains(it.Text, c.inText) {
				t.Errorf("text %q, want it to contain %q", it.Text, c.inText)
			}
		})
	}
}
