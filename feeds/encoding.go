package feeds

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// toUTF8 returns an XML feed body as UTF-8 with its declaration saying so,
// whatever it came in: a byte-order mark or the first bytes' pattern
// (UTF-8, UTF-16, UTF-32), the XML
// declaration's encoding, or, for a document that declares none, the
// charset of the Content-Type header. Bytes that are not valid in a UTF-8
// document become U+FFFD, except in a document that declares no encoding at
// all: a Chinese, Japanese or Korean encoding is detected (detectCJK), and
// a document holding no valid multi-byte UTF-8 sequence is read as
// Windows-1252 (the usual culprit). JSON is returned
// as it is: it is always UTF-8 and the JSON decoder repairs bad bytes.
func toUTF8(data []byte, contentType string) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	// UTF-32 before UTF-16: its little-endian mark begins with UTF-16's.
	case bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")), bytes.HasPrefix(data, []byte("<\x00\x00\x00")):
		return decodeAll(data, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM))
	case bytes.HasPrefix(data, []byte("\x00\x00\xfe\xff")), bytes.HasPrefix(data, []byte("\x00\x00\x00<")):
		return decodeAll(data, utf32.UTF32(utf32.BigEndian, utf32.UseBOM))
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("<\x00?\x00")):
		return decodeAll(data, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM))
	case bytes.HasPrefix(data, []byte("\xfe\xff")), bytes.HasPrefix(data, []byte("\x00<\x00?")):
		return decodeAll(data, unicode.UTF16(unicode.BigEndian, unicode.UseBOM))
	}
	if first := bytes.TrimLeft(data, " \t\r\n"); len(first) > 0 && (first[0] == '{' || first[0] == '[') {
		return data, nil
	}
	label, start, end := declaredEncoding(data)
	if label == "" {
		label = httpCharset(contentType)
		start, end = -1, -1
	}
	if label == "" && !utf8.Valid(data) {
		if enc := detectCJK(data); enc != nil {
			return decodeAll(data, enc)
		}
	}
	switch l := strings.ToLower(label); {
	case l == "" && !utf8.Valid(data) && !hasMultibyteUTF8(data):
		return decodeAll(data, charmap.Windows1252)
	case l == "" || l == "utf-8" || l == "utf8" || l == "us-ascii" || l == "ascii" ||
		(strings.HasPrefix(l, "utf-16") && bytes.IndexByte(data, 0) < 0): // a UTF-16 label on a body with no NUL byte is a mistake
		data = setEncoding(data, start, end)
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		return data, nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, fmt.Errorf("unknown character encoding %q", label)
	}
	if name == "utf-8" {
		return toUTF8(setEncoding(data, start, end), "")
	}
	out, err := decodeAll(setEncoding(data, start, end), enc)
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", label, err)
	}
	return out, nil
}

// decodeAll converts data to UTF-8 and marks the declaration as UTF-8.
func decodeAll(data []byte, enc encoding.Encoding) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return nil, err
	}
	out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
	_, start, end := declaredEncoding(out)
	out = setEncoding(out, start, end)
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}

// declaredEncoding finds encoding="..." in a leading XML declaration and
// returns its value and the byte span of the value (-1, -1 when absent).
func declaredEncoding(data []byte) (label string, start, end int) {
	head := data[:min(len(data), 512)]
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	offset := len(head) - len(trimmed)
	if !bytes.HasPrefix(trimmed, []byte("<?xml")) {
		return "", -1, -1
	}
	stop := bytes.Index(trimmed, []byte("?>"))
	if stop < 0 {
		return "", -1, -1
	}
	decl := trimmed[:stop]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return "", -1, -1
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return "", -1, -1
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return "", -1, -1
	}
	q := rest[0]
	closing := bytes.IndexByte(rest[1:], q)
	if closing < 0 {
		return "", -1, -1
	}
	start = offset + (len(decl) - len(rest)) + 1
	end = start + closing
	return strings.TrimSpace(string(data[start:end])), start, end
}

// setEncoding rewrites the declared encoding at data[start:end] to UTF-8,
// in a copy; data itself when it says exactly that already.
func setEncoding(data []byte, start, end int) []byte {
	if start < 0 || end > len(data) || start > end || string(data[start:end]) == "UTF-8" {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:start]...)
	out = append(out, "UTF-8"...)
	return append(out, data[end:]...)
}

func httpCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.Trim(params["charset"], `"' `)
}

// detectCJK guesses the encoding of a document that declares none and is
// not UTF-8, for the Chinese, Japanese and Korean encodings only: their
// multi-byte text would otherwise become U+FFFD or Windows-1252 nonsense.
// It returns nil when the guess is something else or unsure.
func detectCJK(data []byte) encoding.Encoding {
	res, err := chardet.NewTextDetector().DetectBest(data[:min(len(data), 64<<10)])
	if err != nil || res.Confidence < 50 {
		return nil
	}
	name := map[string]string{
		"GB-18030": "gb18030", "GB18030": "gb18030", "Big5": "big5",
		"Shift_JIS": "shift_jis", "EUC-JP": "euc-jp", "ISO-2022-JP": "iso-2022-jp",
		"EUC-KR": "euc-kr",
	}[res.Charset]
	if name == "" {
		return nil
	}
	enc, _ := charset.Lookup(name)
	return enc
}

// hasMultibyteUTF8 reports whether data holds at least one valid UTF-8
// sequence of more than one byte.
func hasMultibyteUTF8(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i += size
	}
	return false
}
