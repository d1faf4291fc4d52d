package gazetteer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Merge returns a new Data with extra laid over base; base is not modified.
// An extra entry whose id (or, when it has none, the Slug of its name) matches
// a base entry updates it: fields set in extra override, aliases and demonyms
// are appended. Boolean flags can only be switched on. Other entries are
// added. Given names are united. Entries that have neither id nor name are
// dropped.
func Merge(base *Data, extra Data) *Data {
	var out *Data
	if base == nil {
		out = &Data{}
	} else {
		out = base.clone()
	}

	out.Countries = mergeByID(out.Countries, extra.Countries, cloneCountry, overlayCountry,
		func(c *Country) (*string, string) { return &c.ID, c.Name }, nil)
	out.Leaders = mergeByID(out.Leaders, extra.Leaders, cloneLeader, overlayLeader,
		func(l *Leader) (*string, string) { return &l.ID, l.Name },
		func(l *Leader) {
			if l.Given == "" && l.Surname == "" {
				l.Given, l.Surname = SplitName(l.Name)
			}
		})
	out.Organisations = mergeByID(out.Organisations, extra.Organisations, cloneOrganisation, overlayOrganisation,
		func(o *Organisation) (*string, string) { return &o.ID, o.Name }, nil)

	out.GivenNames = sortedUnique(append(out.GivenNames, extra.GivenNames...))
	return out
}

// mergeByID lays extra over base: an entry whose id (or the Slug of its
// name) is in base is overlaid on it, others are completed by onAdd (may be
// nil) and appended, and entries with neither id nor name are dropped.
func mergeByID[T any](base, extra []T, clone func(T) T, overlay func(b, x T) T,
	key func(*T) (id *string, name string), onAdd func(*T)) []T {
	at := make(map[string]int, len(base))
	for i := range base {
		id, _ := key(&base[i])
		at[*id] = i
	}
	for _, x := range extra {
		x = clone(x)
		id, name := key(&x)
		if *id == "" {
			*id = Slug(name)
		}
		if *id == "" {
			continue
		}
		if i, ok := at[*id]; ok {
			base[i] = overlay(base[i], x)
			continue
		}
		if onAdd != nil {
			onAdd(&x)
		}
		at[*id] = len(base)
		base = append(base, x)
	}
	return base
}

func overlayCountry(b, x Country) Country {
	setString(&b.Name, x.Name)
	setString(&b.ISO2, x.ISO2)
	setString(&b.ISO3, x.ISO3)
	setString(&b.Capital, x.Capital)
	b.Aliases = appendNew(b.Aliases, x.Aliases)
	b.Demonyms = appendNew(b.Demonyms, x.Demonyms)
	return b
}

func overlayLeader(b, x Leader) Leader {
	setString(&b.Name, x.Name)
	setString(&b.Given, x.Given)
	setString(&b.Surname, x.Surname)
	setString(&b.Gender, x.Gender)
	setString(&b.Country, x.Country)
	b.SurnameFirst = b.SurnameFirst || x.SurnameFirst
	b.NotLeader = b.NotLeader || x.NotLeader
	b.Aliases = appendNew(b.Aliases, x.Aliases)
	if len(x.Titles) > 0 {
		b.Titles = x.Titles
	}
	if len(x.Offices) > 0 {
		b.Offices = x.Offices
	}
	return b
}

func overlayOrganisation(b, x Organisation) Organisation {
	setString(&b.Name, x.Name)
	setString(&b.Country, x.Country)
	setString(&b.Kind, x.Kind)
	b.Aliases = appendNew(b.Aliases, x.Aliases)
	return b
}

func setString(dst *string, v string) {
	if strings.TrimSpace(v) != "" {
		*dst = v
	}
}

// appendNew appends the strings of extra not already in base.
func appendNew(base, extra []string) []string {
	seen := make(map[string]bool, len(base))
	for _, s := range base {
		seen[s] = true
	}
	for _, s := range extra {
		if !seen[s] {
			seen[s] = true
			base = append(base, s)
		}
	}
	return base
}

// SplitName guesses the given name and surname of a name written given name
// first: the surname is the last word together with any lower-case particles
// before it ("von der Leyen", "al-Sharaa"), the given name is what precedes
// it. A single word is taken as a surname. Users who add a person by name
// alone get these; the embedded data sets both explicitly.
func SplitName(name string) (given, surname string) {
	words := strings.Fields(name)
	if len(words) == 0 {
		return "", ""
	}
	start := len(words) - 1
	for start > 0 && isParticle(words[start-1]) {
		start--
	}
	return strings.Join(words[:start], " "), strings.Join(words[start:], " ")
}

// isParticle reports whether a word of a name is a lower-case particle that
// belongs to the surname after it ("von", "de", "bin").
func isParticle(w string) bool {
	for _, r := range w {
		return unicode.IsLower(r)
	}
	return false
}

// foldLetters spells out letters that Unicode does not decompose into a base
// letter plus a mark.
var foldLetters = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d",
	'þ': "th", 'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i",
}

// Slug makes an id from a name: lower case, diacritics removed, apostrophes
// dropped, every other run of non-letters and non-digits turned into one '-',
// no leading or trailing '-'. Slug("Côte d'Ivoire") is "cote-divoire".
func Slug(name string) string {
	if !isASCIIString(name) {
		name = norm.NFD.String(name)
	}
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘':
			continue
		}
		if s, ok := foldLetters[r]; ok {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteString(s)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	return b.String()
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
