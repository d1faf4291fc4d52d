package feeds

import (
	"strconv"
	"strings"
	"time"
)

// The feed parser knows the common date formats. parseLooseDate is the
// fallback for the dates it gives up on that still say one clear instant:
// RFC 822 in lower case, German and French day and month names, and Unix
// timestamps. Anything else stays undated (the zero time) rather than
// getting an invented date.

// monthNames maps English, German and French month names and their
// abbreviations, in lower case, to their month.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range [12][]string{
		{"january", "jan", "januar", "jänner", "janvier", "janv"},
		{"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "fév", "fev"},
		{"march", "mar", "märz", "maerz", "mär", "mrz", "mars"},
		{"april", "apr", "avril", "avr"},
		{"may", "mai"},
		{"june", "jun", "juni", "juin"},
		{"july", "jul", "juli", "juillet", "juil"},
		{"august", "aug", "août", "aout"},
		{"september", "sep", "sept", "septembre"},
		{"october", "oct", "oktober", "okt", "octobre"},
		{"november", "nov", "novembre"},
		{"december", "dec", "dezember", "dez", "décembre", "decembre", "déc"},
	} {
		for _, n := range names {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

// dayNames are the day names and abbreviations of the same languages.
var dayNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun
		montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sonnabend sa sonntag so
		lundi lun mardi mar mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim`) {
		m[n] = true
	}
	return m
}()

// zoneOffsets are the zone names seen in feeds, in seconds east of UTC.
var zoneOffsets = map[string]int{
	"gmt": 0, "utc": 0, "ut": 0, "z": 0,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"bst": 3600, "cet": 3600, "cest": 2 * 3600, "mez": 3600, "mesz": 2 * 3600,
}

// fillerWords join a date and its time in German and French ("um", "à",
// "Uhr") and carry no meaning for the instant.
var fillerWords = map[string]bool{"um": true, "uhr": true, "à": true, "a": true}

// looseLayouts are tried on the normalised date: day, English month
// abbreviation, year, then an optional time and a numeric zone.
var looseLayouts = []string{
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
}

// timestamp range accepted for a bare number: 1990 to 2100. A number
// outside it is more likely an id than a date.
var (
	minStamp = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	maxStamp = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// parseLooseDate parses s as described above; ok is false when it cannot.
func parseLooseDate(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return time.Time{}, false
	}
	if t, ok := unixStamp(s); ok {
		return t, true
	}
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' })
	months := countMonths(fields)
	if months == 0 {
		return time.Time{}, false
	}
	var parts []string
	for i, f := range fields {
		word := strings.TrimSuffix(f, ".")
		m, isMonth := monthNames[word]
		offset, isZone := zoneOffsets[word]
		switch {
		case i == 0 && dayNames[word] && (!isMonth || months > 1):
			// a leading day name ("mar" is Tuesday in French and March in English)
		case isMonth:
			parts = append(parts, m.String()[:3])
		case fillerWords[word]:
		case isDigits(word):
			parts = append(parts, word) // "17." is a German day
		case isZone:
			parts = append(parts, formatOffset(offset))
		default:
			parts = append(parts, f) // times and numeric zones
		}
	}
	norm := strings.Join(parts, " ")
	for _, layout := range looseLayouts {
		if t, err := time.Parse(layout, norm); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func countMonths(fields []string) int {
	n := 0
	for _, f := range fields {
		if _, ok := monthNames[strings.TrimSuffix(f, ".")]; ok {
			n++
		}
	}
	return n
}

// unixStamp reads seconds (or milliseconds, 13 digits) since 1970.
func unixStamp(s string) (time.Time, bool) {
	if !isDigits(s) || len(s) < 9 || len(s) > 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	if len(s) == 13 {
		n /= 1000
	}
	if n < minStamp || n >= maxStamp {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func formatOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return string(sign) + twoDigits(sec/3600) + twoDigits(sec%3600/60)
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
