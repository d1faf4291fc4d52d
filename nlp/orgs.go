package nlp

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// orgAlias is one way of writing an organisation's name, as lower-case words.
type orgAlias struct {
	words []string
	exact []string // per word: the spelling required when it is an acronym ("WHO")
	org   int      // index into orgIndex.orgs
}

// orgIndex finds organisations that speak as themselves ("the Kremlin").
type orgIndex struct {
	orgs    []gazetteer.Organisation
	byFirst map[string][]orgAlias // first word -> aliases, longest first
}

func buildOrgIndex(g *gazetteer.Data, voc *vocab) *orgIndex {
	ix := &orgIndex{byFirst: map[string][]orgAlias{}}
	if g == nil {
		return ix
	}
	ix.orgs = append(ix.orgs, g.Organisations...)
	seen := map[string]bool{}
	for i, o := range ix.orgs {
		for _, name := range append([]string{o.Name}, o.Aliases...) {
			words, exact := aliasWords(name, voc)
			if len(words) > 0 && words[0] == "the" {
				words, exact = words[1:], exact[1:]
			}
			if len(words) == 0 {
				continue
			}
			key := strings.Join(words, " ")
			if seen[key] {
				continue
			}
			seen[key] = true
			ix.byFirst[words[0]] = append(ix.byFirst[words[0]], orgAlias{words: words, exact: exact, org: i})
		}
	}
	for k, list := range ix.byFirst {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].words) > len(list[b].words) })
		ix.byFirst[k] = list
	}
	return ix
}

// aliasWords splits a name into lower-case words the way the tokenizer does;
// exact holds the original spelling of acronyms, which must match as written.
func aliasWords(name string, voc *vocab) (words, exact []string) {
	tz := newTokenizer(name, &statementIndex{voc: voc})
	for i := 0; i < len(name); {
		r, w := utf8.DecodeRuneInString(name[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			i += w
			continue
		}
		j := scanWord(name, i, len(name))
		if j < len(name) && name[j] == '.' && tz.isAbbrev(i, j) {
			j++
		}
		words = append(words, tz.low[i:j])
		ex := ""
		if isOrgAcronym(name[i:j]) {
			ex = name[i:j]
		}
		exact = append(exact, ex)
		i = j
	}
	return words, exact
}

// isOrgAcronym reports whether w is written in capitals only, with two or more
// letters: "WHO" must not match the word "Who".
func isOrgAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// matchOrgs merges runs of word tokens that spell an organisation into one
// tkOrg token, in place.
func (tz *tokenizer) matchOrgs(toks []tok) []tok {
	ix := tz.idx.orgs
	if len(ix.byFirst) == 0 {
		return toks
	}
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind == tkWord && t.cls.has(wOrgFirst) && (t.capital || startsWithDigit(tz.text[t.start:t.end])) {
			if list := ix.byFirst[tz.lower(t)]; list != nil {
				if n, org := tz.longestOrg(toks[i:], list); n > 0 {
					last := toks[i+n-1]
					out = append(out, tok{kind: tkOrg, start: t.start, end: last.end, ref: org, poss: last.poss})
					i += n - 1
					continue
				}
			}
		}
		out = append(out, t)
	}
	return out
}

// longestOrg returns how many tokens of toks the longest matching alias
// covers, and its organisation.
func (tz *tokenizer) longestOrg(toks []tok, list []orgAlias) (int, int) {
	for _, a := range list {
		if len(a.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range a.words {
			t := toks[k]
			if t.kind != tkWord || (k < len(a.words)-1 && t.poss) || tz.lower(t) != w ||
				a.exact[k] != "" && tz.text[t.start:t.end] != a.exact[k] {
				ok = false
				break
			}
		}
		if ok {
			return len(a.words), a.org
		}
	}
	return 0, 0
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
