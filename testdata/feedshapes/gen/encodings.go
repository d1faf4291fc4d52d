//go:build ignore

package main

import (
	"fmt"
	"log"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Original sentences in several languages, for the legacy encodings.
const (
	textFrench   = "Le président a déclaré mardi que la réforme serait présentée à l'Assemblée « dès que possible »."
	textGerman   = "Der Bundeskanzler sagte, die Regierung werde die Schuldenbremse für Verteidigungsausgaben lockern. Größere Übergangsfristen seien möglich."
	textCurly    = "The minister said: “We will not give up” — and promised €5bn for the grid, ‘without delay’…"
	textJapanese = "外務大臣は火曜日の記者会見で、首脳会談の準備が順調に進んでいると述べた。「対話を続けることが重要だ」と強調した。"
	textChinese  = "外交部发言人周二表示，双方同意继续就贸易问题进行磋商，并将于下月举行新一轮会谈。"
	textTrad     = "外交部發言人週二表示，雙方同意繼續就貿易問題進行磋商，並將於下月舉行新一輪會談。"
	textKorean   = "외교부 장관은 화요일 기자회견에서 정상회담 준비가 순조롭게 진행되고 있다고 밝혔다."
	textRussian  = "Министр иностранных дел заявил во вторник, что переговоры будут продолжены в следующем месяце."
	textPolish   = "Premier powiedział, że rząd przedstawi nową ustawę o obronności jeszcze w tym roku. Zażółć gęślą jaźń."
	textGreek    = "Ο πρωθυπουργός δήλωσε ότι η κυβέρνηση θα παρουσιάσει νέο νομοσχέδιο για την άμυνα."
	textArabic   = "قال وزير الخارجية يوم الثلاثاء إن المحادثات ستستأنف الشهر المقبل."
)

// encodedRSS builds an RSS feed whose text is s, declares label and encodes
// the whole document with enc.
func encodedRSS(label string, enc encoding.Encoding, title, s string) []byte {
	doc := `<?xml version="1.0" encoding="` + label + `"?>` + "\n" +
		strings.TrimPrefix(rss20(xmlEsc(title), "", "",
			rssItem{Title: xmlEsc(title), Link: "https://example.org/enc/1", GUID: "enc-1", Date: rfc822(1), Desc: xmlEsc(s)},
			rssItem{Title: xmlEsc(s[:strings.IndexRune(s, ' ')+1]) + "2", Link: "https://example.org/enc/2", GUID: "enc-2", Date: rfc822(2), Desc: xmlEsc(s + " " + s)}),
			`<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	if enc == nil {
		return []byte(doc)
	}
	b, err := enc.NewEncoder().Bytes([]byte(doc))
	if err != nil {
		log.Fatalf("encode %s: %v", label, err)
	}
	return b
}

func encodings() {
	legacy := []struct {
		file, label string
		enc         encoding.Encoding
		title, text string
	}{
		{"enc-iso8859-1.xml", "ISO-8859-1", charmap.ISO8859_1, "Élysée: réforme", textFrench},
		{"enc-iso8859-1-german.xml", "iso-8859-1", charmap.ISO8859_1, "Schuldenbremse: Größere Spielräume", textGerman},
		{"enc-latin1-label.xml", "latin1", charmap.ISO8859_1, "Label latin1", textFrench},
		{"enc-windows-1252.xml", "windows-1252", charmap.Windows1252, "“Curly” quotes – and €", textCurly},
		{"enc-cp1252-label.xml", "cp1252", charmap.Windows1252, "Label cp1252 ‘single’", textCurly},
		{"enc-iso8859-15.xml", "ISO-8859-15", charmap.ISO8859_15, "Euro € sign", "Le budget prévoit 5 € par habitant. " + textFrench},
		{"enc-iso8859-2.xml", "ISO-8859-2", charmap.ISO8859_2, "Obronność: nowa ustawa", textPolish},
		{"enc-iso8859-7.xml", "ISO-8859-7", charmap.ISO8859_7, "Άμυνα: νέο νομοσχέδιο", textGreek},
		{"enc-koi8r.xml", "KOI8-R", charmap.KOI8R, "Переговоры продолжатся", textRussian},
		{"enc-windows-1251.xml", "windows-1251", charmap.Windows1251, "Министр заявил", textRussian},
		{"enc-windows-1256.xml", "windows-1256", charmap.Windows1256, "وزير الخارجية", textArabic},
		{"enc-shiftjis.xml", "Shift_JIS", japanese.ShiftJIS, "首脳会談の準備", textJapanese},
		{"enc-euc-jp.xml", "EUC-JP", japanese.EUCJP, "首脳会談の準備", textJapanese},
		{"enc-iso2022jp.xml", "ISO-2022-JP", japanese.ISO2022JP, "首脳会談の準備", textJapanese},
		{"enc-gb2312.xml", "GB2312", simplifiedchinese.HZGB2312, "贸易磋商", textChinese},
		{"enc-gbk.xml", "GBK", simplifiedchinese.GBK, "贸易磋商", textChinese},
		{"enc-gb18030.xml", "GB18030", simplifiedchinese.GB18030, "贸易磋商", textChinese},
		{"enc-big5.xml", "Big5", traditionalchinese.Big5, "貿易磋商", textTrad},
		{"enc-euc-kr.xml", "EUC-KR", korean.EUCKR, "정상회담 준비", textKorean},
		{"enc-us-ascii.xml", "US-ASCII", nil, "Plain ASCII", "The minister said the talks would resume next month."},
		{"enc-utf8-lowercase-label.xml", "utf8", nil, "Label utf8 without hyphen", textGerman},
	}
	for _, l := range legacy {
		okBytes(l.file, 2, encodedRSS(l.label, l.enc, l.title, l.text), "declared "+l.label+", bytes in that encoding")
	}
	// HZ is not GB2312's usual byte form; GB2312 feeds are EUC-CN, which GBK covers.
	for i := range shapes {
		if shapes[i].Name == "enc-gb2312.xml" {
			shapes[i].Body = encodedRSS("GB2312", simplifiedchinese.GBK, "贸易磋商", textChinese)
		}
	}

	utf8doc := []byte(stdRSS("utf8", 2))
	okBytes("enc-utf8-bom.xml", 2, append([]byte("\xef\xbb\xbf"), utf8doc...), "UTF-8 with a byte-order mark")
	utf16 := func(e encoding.Encoding, label string) []byte {
		doc := strings.Replace(string(encodedRSS("UTF-8", nil, "UTF-16 feed: 首脳会談 Переговоры", textJapanese)), `encoding="UTF-8"`, `encoding="`+label+`"`, 1)
		b, err := e.NewEncoder().Bytes([]byte(doc))
		if err != nil {
			log.Fatal(err)
		}
		return b
	}
	okBytes("enc-utf16le-bom.xml", 2, utf16(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "UTF-16"), "UTF-16 little-endian with BOM")
	okBytes("enc-utf16be-bom.xml", 2, utf16(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "UTF-16"), "UTF-16 big-endian with BOM")
	okBytes("enc-utf16le-no-bom.xml", 2, utf16(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE"), "UTF-16 without a BOM, recognised by its NUL bytes around '<?xml'")

	okBytes("enc-wrong-declared-latin1-is-utf8.xml", 2, encodedRSS("ISO-8859-1", nil, "Déclaré latin1, écrit en UTF-8", textFrench), "declared ISO-8859-1 but UTF-8 bytes: mojibake, still text")
	latin1Bytes := encodedRSS("ISO-8859-1", charmap.ISO8859_1, "Réforme", textFrench)
	okBytes("enc-wrong-declared-utf8-is-latin1.xml", 2, []byte(strings.Replace(string(latin1Bytes), "ISO-8859-1", "UTF-8", 1)), "declared UTF-8 but Latin-1 bytes (invalid UTF-8): the declaration wins, bad bytes become U+FFFD")
	okBytes("enc-undeclared-latin1.xml", 2, []byte(strings.Replace(string(latin1Bytes), `<?xml version="1.0" encoding="ISO-8859-1"?>`, "", 1)), "no XML declaration, Latin-1 bytes: read as Windows-1252")
	okBytes("enc-cp1252-bytes-declared-latin1.xml", 2, []byte(strings.Replace(string(encodedRSS("windows-1252", charmap.Windows1252, "“Smart” quotes", textCurly)), "windows-1252", "ISO-8859-1", 1)), "declared ISO-8859-1 with Windows-1252 smart quotes (0x93, 0x94), as browsers read it")
	badBytes("enc-unknown-label.xml", encodedRSS("x-klingon-1", nil, "Unknown label", "Plain ASCII text under an unknown encoding label."), "an encoding label nobody knows, ASCII content: an error naming the label")
	okBytes("enc-utf8-stray-bytes.xml", 2, []byte(strings.Replace(string(utf8doc), headline(0), headline(0)+" \xff\xfe bad \xc3 bytes", 1)), "UTF-8 with a few invalid bytes in a title")
	okBytes("enc-json-utf8-bom.json", 3, append([]byte("\xef\xbb\xbf"), jsonFeed("https://jsonfeed.org/version/1.1", 3, true)...), "JSON Feed with a UTF-8 BOM")
	okBytes("enc-json-invalid-utf8.json", 1, []byte("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Bad bytes \xe9t\xe9\",\"items\":[{\"id\":\"x1\",\"url\":\"https://example.org/x/1\",\"title\":\"R\xe9forme\",\"content_text\":\"Latin-1 bytes in JSON\"}]}"), "JSON with Latin-1 bytes (invalid UTF-8)")
	okBytes("enc-atom-iso8859-1.xml", 2, func() []byte {
		doc := strings.Replace(atom10("Atom Latin-1 é", "", "",
			atomEntry{Title: "Réforme des retraites", ID: "al1", Link: "https://example.org/al/1", Updated: iso(1), Content: xmlEsc("<p>" + textFrench + "</p>")},
			atomEntry{Title: "Größe", ID: "al2", Link: "https://example.org/al/2", Updated: iso(2), Content: xmlEsc(textGerman)}), "utf-8", "ISO-8859-1", 1)
		b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(doc))
		if err != nil {
			log.Fatal(err)
		}
		return b
	}(), "Atom in ISO-8859-1")
	_ = fmt.Sprint
}
