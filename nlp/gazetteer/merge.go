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

	countryAt := map[string]int{}
	for i, c := range out.Countries {
		countryAt[c.ID] = i
	}
	for _, c := range extra.Countries {
		c = cloneCountry(c)
		if c.ID == "" {
			c.ID = Slug(c.Name)
		}
		if c.ID == "" {
			continue
		}
		if i, ok := countryAt[c.ID]; ok {
			out.Countries[i] = overlayCountry(out.Countries[i], c)
			continue
		}
		countryAt[c.ID] = len(out.Countries)
		out.Countries = append(out.Countries, c)
	}

	leaderAt := map[string]int{}
	for i, l := range out.Leaders {
		leaderAt[l.ID] = i
	}
	for _, l := range extra.Leaders {
		l = cloneLeader(l)
		if l.ID == "" {
			l.ID = Slug(l.Name)
		}
		if l.ID == "" {
			continue
		}
		if i, ok := leaderAt[l.ID]; ok {
			out.Leaders[i] = overlayLeader(out.Leaders[i], l)
			continue
		}
		if l.Given == "" && l.Surname == "" {
			l.Given, l.Surname = SplitName(l.Name)
		}
		leaderAt[l.ID] = len(out.Leaders)
		out.Leaders = append(out.Leaders, l)
	}

	orgAt := map[string]int{}
	for i, o := range out.Organisations {
		orgAt[o.ID] = i
	}
	for _, o := range extra.Organisations {
		o = cloneOrganisation(o)
		if o.ID == "" {
			o.ID = Slug(o.Name)
		}
		if o.ID == "" {
			continue
		}
		if i, ok := orgAt[o.ID]; ok {
			out.Organisations[i] = overlayOrganisation(out.Organisations[i], o)
			continue
		}
		orgAt[o.ID] = len(out.Organisations)
		out.Organisations = append(out.Organisations, o)
	}

	out.GivenNames = sortedUnique(append(out.GivenNames, extra.GivenNames...))
	return out
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
