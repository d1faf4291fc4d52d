package nlp

import (
	"strings"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// cluster is one person of the article: a gazetteer leader or someone the
// article introduces, with every mention that refers to them.
type cluster struct {
	leader   int32 // gazetteer leader, or -1
	first    string
	last     string
	words    int // words in the fullest name seen
	name     string
	gender   string
	isLeader bool
	named    int // mentions by name
	lastPos  int // start of the latest named mention seen so far
	titles   []titleRef
	calledAs []string // offices the article gives a gazetteer person ("President Obama")
	keys     []string // the words of the fullest name seen
	// givenHits counts mentions by given name alone ("Hillary")
	givenHits int
	id        string // slug of name, once the name is final
}

// maxScan bounds the scans over all of an article's people, so that hostile
// text with thousands of names stays linear.
const maxScan = 500

type titleRef struct{ office, country, org string }

type peopleResolver struct {
	x        *index
	text     string
	raws     []raw
	owner    []*cluster // per raw
	clusters []*cluster
	byKey    map[string]*cluster // people the gazetteer does not know, by name
	byLeader map[int32]*cluster
	byLast   map[string][]*cluster
	byFirst  map[string][]*cluster
	countryN map[string]int
	countryO []string         // countries in order of first mention
	holders  map[string]int32 // memo of holder(office, country, org)
	ps       *peopleScratch   // where the tables above come from
	era      era              // when titles alone are read: the article's date
}

func newPeopleResolver(x *index, text string, raws []raw, ps *peopleScratch) *peopleResolver {
	owner := ps.owner[:0]
	if cap(owner) < len(raws) {
		owner = make([]*cluster, len(raws))
	}
	owner = owner[:len(raws)]
	clear(owner)
	return &peopleResolver{x: x, text: text, raws: raws, owner: owner, ps: ps,
		clusters: ps.clusters[:0], countryO: ps.countryO[:0],
		byKey: ps.byKey, byLeader: ps.byLeader, byLast: ps.byLast, byFirst: ps.byFirst,
		countryN: ps.countryN, holders: ps.holders}
}

// release hands the grown slices back to ps.
func (r *peopleResolver) release() {
	r.ps.owner, r.ps.clusters, r.ps.countryO = r.owner, r.clusters, r.countryO
}

// resolve ties every raw mention to its entity, in four rounds: full names,
// then single names, then capitalised words that repeat a known name, then
// titles alone.
func (r *peopleResolver) resolve() []Entity {
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind == rkCountry {
			if r.countryN[m.country] == 0 {
				r.countryO = append(r.countryO, m.country)
			}
			r.countryN[m.country]++
		}
	}
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind != rkNamed {
			continue
		}
		if m.leader >= 0 {
			r.owner[i] = r.leaderCluster(m.leader, m)
		} else if len(m.keys) >= 2 {
			r.owner[i] = r.fullCluster(m)
		}
	}
	if r.era.day.IsZero() {
		r.era = r.inferEra()
	}
	// "Hillary" alone counts towards Hillary Clinton before anyone decides
	// which Clinton a bare "Clinton" means.
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind == rkBare && len(m.keys) == 1 {
			if cs := r.byFirst[m.keys[0]]; len(cs) == 1 && (cs[0].words >= 2 || cs[0].leader >= 0) {
				cs[0].givenHits++
			}
		}
	}
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind == rkNamed && r.owner[i] == nil {
			r.owner[i] = r.singleName(m)
		}
	}
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind == rkBare {
			r.owner[i] = r.bareName(m)
		}
	}
	for i := range r.raws {
		// "Jordan said" in an article about Rep. Jim Jordan
		m := &r.raws[i]
		if m.kind == rkCountry && len(m.keys) == 1 {
			if cs := r.byLast[m.keys[0]]; len(cs) > 0 {
				m.kind = rkNamed
				m.nameStart, m.nameEnd = m.start, m.end
				r.owner[i] = r.seenBy(r.choose(cs, m), m)
			}
		}
	}
	r.noteTitles()
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind != rkTitle {
			continue
		}
		if i+1 < len(r.raws) && r.owner[i+1] != nil && r.apposed(m, &r.raws[i+1]) {
			// "Scotland's First Minister, John Swinney, said": the name
			// in apposition is who the title means
			r.owner[i] = r.owner[i+1]
			continue
		}
		r.owner[i] = r.byRole(m)
	}
	for i := range r.raws {
		if c := r.owner[i]; c != nil {
			r.noteTitle(c, &r.raws[i])
		}
	}
	n := 0
	for i := range r.raws {
		if r.raws[i].kind == rkCountry || r.owner[i] != nil {
			n++
		}
	}
	ents := make([]Entity, 0, n)
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind == rkCountry {
			ents = append(ents, Entity{Kind: KindCountry, ID: m.country, Name: r.x.countries[m.country].name,
				Start: m.start, End: m.end})
			continue
		}
		c := r.owner[i]
		if c == nil {
			continue
		}
		ents = append(ents, Entity{Kind: KindPerson, ID: r.id(c), Name: c.name, Leader: c.isLeader,
			Start: m.start, End: m.end, Gender: c.gender})
	}
	return ents
}

func (r *peopleResolver) id(c *cluster) string {
	if c.leader >= 0 {
		return r.x.leaders[c.leader].id
	}
	if c.id == "" {
		c.id = gazetteer.Slug(c.name)
	}
	return c.id
}

// noteTitle lets a title or honorific tell a cluster's gender and, for people
// the gazetteer does not know, whether they lead.
func (r *peopleResolver) noteTitle(c *cluster, m *raw) {
	if c.gender == "" {
		c.gender = m.gender
	}
	if c.leader < 0 && m.role != nil && m.role.leader && !m.inactive && m.kind == rkNamed &&
		(!m.role.needQual || m.qualCountry != "" || m.qualOrg != "") {
		c.isLeader = true
	}
}

func (r *peopleResolver) leaderCluster(l int32, m *raw) *cluster {
	c := r.byLeader[l]
	if c == nil {
		li := &r.x.leaders[l]
		c = r.ps.newCluster()
		*c = cluster{leader: l, name: li.name, gender: li.gender, isLeader: li.leader, first: li.given, last: li.surname}
		if li.surnameFirst {
			c.first, c.last = li.surname, li.given
		}
		r.byLeader[l] = c
		r.add("", c)
		if li.surnameFirst {
			r.byLast[li.surname] = append(r.byLast[li.surname], c)
		}
	}
	r.seen(c, m)
	if len(m.keys) >= 1 {
		lastKey := m.keys[len(m.keys)-1]
		if lastKey != c.last && !r.x.isSuffix(lastKey) && len(m.keys) >= 2 {
			r.byLast[lastKey] = r.ps.appendCluster(r.byLast[lastKey], c)
		}
	}
	return c
}

func (r *peopleResolver) fullCluster(m *raw) *cluster {
	keys := nameKeys(r.x, m.keys)
	if len(keys) == 0 {
		return nil
	}
	key := "u:" + keys[0] + "|" + keys[len(keys)-1]
	if r.x.isSuffix(m.keys[len(m.keys)-1]) {
		key += "|" + m.keys[len(m.keys)-1]
	}
	c := r.byKey[key]
	if c == nil {
		// "Mr. Peña Nieto" after "Enrique Peña Nieto": a longer name the
		// article already gave ends with these words
		for _, o := range r.byLast[keys[len(keys)-1]] {
			if len(o.keys) > len(m.keys) && slicesEqual(o.keys[len(o.keys)-len(m.keys):], m.keys) {
				c = o
				break
			}
		}
	}
	if c == nil {
		c = r.ps.newCluster()
		*c = cluster{leader: -1, first: keys[0], last: keys[len(keys)-1], gender: r.x.givenGender(keys[0])}
		r.add(key, c)
	}
	if len(m.keys) > c.words {
		c.words = len(m.keys)
		c.keys = m.keys
		c.name = cleanName(r.text[m.nameStart:m.nameEnd])
	}
	r.seen(c, m)
	return c
}

func (r *peopleResolver) add(key string, c *cluster) {
	if key != "" {
		r.byKey[key] = c
	}
	r.clusters = append(r.clusters, c)
	if c.last != "" {
		r.byLast[c.last] = r.ps.appendCluster(r.byLast[c.last], c)
	}
	if c.first != "" && c.first != c.last {
		r.byFirst[c.first] = r.ps.appendCluster(r.byFirst[c.first], c)
	}
}

func (r *peopleResolver) seen(c *cluster, m *raw) {
	c.named++
	if c.gender == "" {
		c.gender = m.gender
	}
	if m.start > c.lastPos {
		c.lastPos = m.start
	}
}

func (ps *peopleScratch) appendCluster(list []*cluster, c *cluster) []*cluster {
	if len(list) >= 64 {
		return list // hostile text: enough namesakes
	}
	for _, v := range list {
		if v == c {
			return list
		}
	}
	if list == nil {
		return ps.oneList(c)
	}
	return append(list, c)
}

// choose picks the person a short mention means among those sharing the
// word: one of the mention's gender ("Mr. Obama" is not Michelle Obama),
// then one holding the mention's title ("President Obama"), then the one
// named most often, a gazetteer leader before others, the one named last.
func (r *peopleResolver) choose(list []*cluster, m *raw) *cluster {
	var b *cluster
	bs := [4]int{}
	for _, c := range list {
		s := [4]int{}
		if m.gender != "" && c.gender != "" && c.gender != m.gender {
			s[0] = -1
		}
		if m.role != nil && m.role.office != "" && r.clusterHolds(c, m.role.office, m.qualCountry, m.qualOrg) {
			s[1] = 1
		}
		s[2] = c.named + c.givenHits
		if c.leader >= 0 {
			s[3] = 1
		}
		if b == nil || greater(s, bs) || s == bs && c.lastPos < m.start && c.lastPos > b.lastPos {
			b, bs = c, s
		}
	}
	return b
}

func greater(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return false
}

// singleName resolves a one-word name, usually after a title: a surname or
// given name the article uses, a gazetteer surname, a misspelt one, or else
// a new person known by that word.
func (r *peopleResolver) singleName(m *raw) *cluster {
	if len(m.keys) == 0 {
		return nil
	}
	k := m.keys[len(m.keys)-1]
	if cs := r.byLast[k]; len(cs) > 0 {
		return r.seenBy(r.choose(cs, m), m)
	}
	if c := r.compoundSurname(k); c != nil {
		return r.seenBy(c, m) // "Mr. Peña" after "Enrique Peña Nieto"
	}
	if m.titled {
		if cs := r.byFirst[k]; len(cs) > 0 {
			return r.seenBy(r.choose(cs, m), m)
		}
	}
	if e := r.x.lex[k]; e != nil && len(e.surnameOf) > 0 && (m.titled || e.flags&lexCommonSurname == 0) {
		if ls := r.knownThen(e.surnameOf); len(ls) > 0 {
			l := r.pickLeader(ls)
			if m.titled || r.surnameAlone(l) {
				return r.leaderCluster(l, m)
			}
		}
	}
	if !m.titled {
		return nil
	}
	if e := r.x.lex[k]; e != nil && m.role != nil && m.role.class == roleHonorific && len(e.givenOf) > 0 {
		// "Sir Keir": an honorific before a leader's given name
		return r.leaderCluster(r.pickLeader(e.givenOf), m)
	}
	for _, c := range r.clusters[:min(len(r.clusters), maxScan)] {
		if (c.words >= 2 || c.leader >= 0) && len(c.last) >= 7 && similar(k, c.last) {
			return r.seenBy(c, m)
		}
	}
	if l := r.x.fuzzySurname(k); l >= 0 {
		return r.leaderCluster(l, m)
	}
	key := "u:|" + k
	c := r.byKey[key]
	if c == nil {
		c = r.ps.newCluster()
		*c = cluster{leader: -1, last: k, words: 1, name: cleanName(r.text[m.nameStart:m.nameEnd])}
		r.add(key, c)
	}
	r.seen(c, m)
	return c
}

// compoundSurname finds the one person the article named with three or more
// words whose surname begins with k: Hispanic double surnames are often cut
// to their first part.
func (r *peopleResolver) compoundSurname(k string) *cluster {
	var found *cluster
	for _, c := range r.clusters[:min(len(r.clusters), maxScan)] {
		compound := len(c.keys) >= 3 && c.keys[len(c.keys)-2] == k
		if c.leader >= 0 {
			sn := r.x.leaders[c.leader].surname
			compound = strings.HasPrefix(sn, k+" ")
		}
		if compound {
			if found != nil && found != c {
				return nil
			}
			found = c
		}
	}
	return found
}

func (r *peopleResolver) seenBy(c *cluster, m *raw) *cluster {
	if c == nil {
		return nil
	}
	if m.kind != rkTitle {
		c.named++
	}
	if c.gender == "" {
		c.gender = m.gender
	}
	if m.start > c.lastPos {
		c.lastPos = m.start
	}
	return c
}

// surnameAlone reports whether a leader's bare surname may name them in an
// article that never gives their full name or title: when the article
// mentions their country, or they lead a government or an international
// body ("Starmer hails...", but not "Rasmussen" the pollster).
func (r *peopleResolver) surnameAlone(l int32) bool {
	li := &r.x.leaders[l]
	return r.countryN[li.country] > 0 || r.x.headRank(li, "") <= 2
}

// pickLeader chooses among leaders sharing a name the one whose country the
// article mentions most.
func (r *peopleResolver) pickLeader(ls []int32) int32 {
	b := ls[0]
	for _, l := range ls[1:] {
		if r.countryN[r.x.leaders[l].country] > r.countryN[r.x.leaders[b].country] {
			b = l
		}
	}
	return b
}

// bareName resolves capitalised words with no title and no known given
// name: they name a person only if the article names that person elsewhere.
func (r *peopleResolver) bareName(m *raw) *cluster {
	if len(m.keys) >= 2 {
		if keys := nameKeys(r.x, m.keys); len(keys) == 1 {
			m.keys = keys // "De Blasio" is Bill de Blasio's surname
		}
	}
	n := len(m.keys)
	if n == 0 {
		return nil
	}
	if n >= 2 {
		if c := r.byKey["u:"+m.keys[0]+"|"+m.keys[n-1]]; c != nil {
			return r.seenBy(c, m)
		}
		for _, c := range r.byLast[m.keys[n-1]] {
			if c.first == m.keys[0] {
				return r.seenBy(c, m)
			}
		}
		for _, c := range r.byLast[m.keys[n-1]] {
			// "Peña Nieto" ends "Enrique Peña Nieto"
			if len(c.keys) > n && slicesEqual(c.keys[len(c.keys)-n:], m.keys) {
				return r.seenBy(c, m)
			}
		}
		// "Ms. Tanden" ... "Neera Tanden": the fuller name completes a person
		// the article knew only by surname.
		if cs := r.byLast[m.keys[n-1]]; len(cs) == 1 && cs[0].first == "" && cs[0].leader < 0 && m.firstEnd == 0 {
			c := cs[0]
			c.first, c.words, c.keys = m.keys[0], n, m.keys
			c.name = cleanName(r.text[m.nameStart:m.nameEnd])
			r.byFirst[c.first] = r.ps.appendCluster(r.byFirst[c.first], c)
			return r.seenBy(c, m)
		}
		if m.firstEnd > 0 {
			// "Obama Speech": only the surname names someone
			m.end, m.nameEnd, m.keys = m.firstEnd, m.firstEnd, m.keys[:1]
			m.kind = rkNamed
			return r.singleName(m)
		}
		return nil
	}
	k := m.keys[0]
	if cs := r.byLast[k]; len(cs) > 0 {
		return r.seenBy(r.choose(cs, m), m)
	}
	if e := r.x.lex[k]; e != nil && m.sentStart && e.flags&(lexAmbiguousGiven|lexNotName) != 0 {
		return nil
	}
	if cs := r.byFirst[k]; len(cs) == 1 && (cs[0].words >= 2 || cs[0].leader >= 0) {
		if cs[0].leader >= 0 && r.x.leaders[cs[0].leader].surnameFirst {
			return nil
		}
		return r.seenBy(cs[0], m)
	}
	return nil
}

// apposed reports a name set off by a comma right after a title.
func (r *peopleResolver) apposed(title, name *raw) bool {
	between := r.text[title.end:name.start]
	return name.kind == rkNamed && strings.TrimSpace(between) == "," && len(between) <= 3
}

// nameKeys drops particles and suffixes, keeping the words that identify.
func nameKeys(x *index, keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if e := x.lex[k]; e != nil && e.flags&(lexParticle|lexSuffix) != 0 {
			continue
		}
		if len(k) == 1 { // an initial
			continue
		}
		out = append(out, k)
	}
	if len(out) == 0 && len(keys) > 0 {
		out = append(out, keys[len(keys)-1])
	}
	return out
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (x *index) isSuffix(k string) bool {
	e := x.lex[k]
	return e != nil && e.flags&lexSuffix != 0
}

// cleanName folds the white space inside a name to single spaces.
func cleanName(s string) string {
	if !strings.ContainsAny(s, "\t\n  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
