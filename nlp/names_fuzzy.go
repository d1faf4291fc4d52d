package nlp

import (
	"strings"
	"unicode/utf8"
)

// resolveFullName finds the gazetteer leader a name of two or more words
// refers to: the exact surname with the given name written right or
// slightly wrong ("Voldyyyr Zelensky"), or the exact given name with a
// slightly misspelt surname ("Volodymyr Zelenksy"). A different known given
// name makes a different person ("Melania Trump"). It returns -1 if none.
func (x *index) resolveFullName(keys []string) int32 {
	if len(keys) < 2 {
		return -1
	}
	last := keys[len(keys)-1]
	if e := x.lex[last]; e != nil && e.flags&lexSuffix != 0 {
		return -1
	}
	first := keys[0]
	if e := x.lex[last]; e != nil {
		for _, l := range e.surnameOf {
			li := &x.leaders[l]
			if li.surnameFirst {
				if first == li.surname && (containsKey(keys[1:], li.given) ||
					strings.Join(keys[1:], " ") == strings.ReplaceAll(li.given, "-", " ")) {
					return l // "Ban Ki-moon", "Lee Jae-myung"
				}
				continue
			}
			if first == li.given || similar(first, li.given) {
				return l
			}
		}
	}
	if e := x.lex[first]; e != nil {
		for _, l := range e.givenOf {
			li := &x.leaders[l]
			if !li.surnameFirst && similar(last, li.surname) {
				return l
			}
		}
	}
	return -1
}

// fuzzySurname finds the leader whose long surname key is one edit away
// from a single word written after a title ("President Zelenksy").
// Short words never match: "Micron" is not Macron.
func (x *index) fuzzySurname(key string) int32 {
	if utf8.RuneCountInString(key) < 7 {
		return -1
	}
	rk := []rune(key)
	for _, f := range x.fuzzy {
		if len(f.key) >= 7 && f.key[0] == rk[0] && len(f.key)-len(rk) <= 1 && len(rk)-len(f.key) <= 1 &&
			editDistance(rk, f.key, 1) <= 1 {
			return f.leader
		}
	}
	return -1
}

// similar reports a likely misspelling of a name of six letters or more
// (one edit up to 7 letters, two from 8), starting with the same letter.
func similar(a, b string) bool {
	if a == "" || b == "" || a == b {
		return a == b && a != ""
	}
	if a[0] != b[0] || len(a)-len(b) > 4 || len(b)-len(a) > 4 {
		return false // cheap rejections before decoding runes
	}
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if min(len(ra), len(rb)) < 5 || n < 6 || ra[0] != rb[0] {
		return false
	}
	limit := 1
	if n >= 8 {
		limit = 2
	}
	return editDistance(ra, rb, limit) <= limit
}

// editDistance is the optimal-string-alignment distance (a swap of two
// neighbours costs one), giving up once it must exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var stack [3 * 40]int
	var prev2, prev, cur []int
	if n := len(b) + 1; n <= 40 {
		prev2, prev, cur = stack[:n], stack[40:40+n], stack[80:80+n]
	} else {
		prev2, prev, cur = make([]int, n), make([]int, n), make([]int, n)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func containsKey(keys []string, k string) bool {
	for _, v := range keys {
		if v == k {
			return true
		}
	}
	return false
}
