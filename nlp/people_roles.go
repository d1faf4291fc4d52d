package nlp

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/herald-reader/herald/nlp/gazetteer"
)

// era is when an office must have been held for a title to mean its holder:
// at any time, on a given day, or (the zero day) now.
type era struct {
	day     time.Time
	anyTime bool
}

var anyTime = era{anyTime: true}

// term is an office's first and last day (zero: unknown start, or held
// still); bad marks dates that do not parse, which match no day.
type term struct {
	first, last time.Time
	bad         bool
}

func termsOf(offices []gazetteer.Office) []term {
	out := make([]term, len(offices))
	for i, o := range offices {
		f, l, ok := o.Term()
		out[i] = term{first: f, last: l, bad: !ok}
	}
	return out
}

// holds is gazetteer.Office.HeldOn over a parsed term.
func (e era) holds(t term) bool {
	switch {
	case e.anyTime:
		return true
	case t.bad:
		return false
	case e.day.IsZero():
		return t.last.IsZero()
	}
	day := time.Date(e.day.Year(), e.day.Month(), e.day.Day(), 0, 0, 0, 0, time.UTC)
	return (t.first.IsZero() || !day.Before(t.first)) && (t.last.IsZero() || !day.After(t.last))
}

// byRole resolves a title used alone ("the Prime Minister", "the Russian
// leader", "US President", "the NATO chief"): first to a person the article
// names who holds that office, else to the gazetteer's holder of the office
// in the qualifying country or organisation, or in the country the article
// is most about.
func (r *peopleResolver) byRole(m *raw) *cluster {
	if m.qualCountry == "" && m.qualOrg == "" && m.ctxCountry != "" {
		// the country of the paragraph first: "In Germany, the chancellor"
		q := *m
		q.qualCountry = m.ctxCountry
		if c := r.byRole(&q); c != nil {
			return c
		}
	}
	office := m.role.office
	var holders []*cluster
	for _, c := range r.clusters[:min(len(r.clusters), maxScan)] {
		if r.clusterHolds(c, office, m.qualCountry, m.qualOrg) {
			holders = append(holders, c)
		}
	}
	if len(holders) > 1 {
		// who holds it when the article was written comes first: "the Prime
		// Minister" is Starmer, not Putin who once was one
		var now []*cluster
		for _, c := range holders {
			if c.leader < 0 || r.x.leaderHolds(c.leader, office, m.qualCountry, m.qualOrg, r.era) {
				now = append(now, c)
			}
		}
		if len(now) > 0 {
			holders = now
		}
	}
	if len(holders) > 0 && !r.era.day.IsZero() {
		// in a dated article, a person it names stands for a title they did
		// not hold that day only when it calls them by it ("President Obama"),
		// not for having held it some other time (Joe Biden in 2016)
		kept := holders[:0:0]
		for _, c := range holders {
			if c.leader < 0 || r.x.leaderHolds(c.leader, office, m.qualCountry, m.qualOrg, r.era) || r.calledBy(c, office) {
				kept = append(kept, c)
			}
		}
		holders = kept
	}
	if len(holders) > 1 {
		if c := r.nearestBefore(holders, m); c != nil {
			return r.seenBy(c, m) // "President Obama … the president said"
		}
	}
	if len(holders) > 0 {
		return r.seenBy(r.choose(holders, m), m)
	}
	if l := r.holder(office, m.qualCountry, m.qualOrg); l >= 0 {
		c := r.leaderCluster(l, m)
		c.named-- // a title alone does not make the person more named
		return c
	}
	return nil
}

// clusterHolds reports whether a person the article names holds office: at
// any time, since the article is about them ("President Obama" in 2016 makes
// "the president" Obama whenever the article is read).
// titleReachBack is how many mentions back a title alone looks for the last
// holder of its office that the article named.
const titleReachBack = 40

// nearestBefore returns the holder named last before m, within a few
// mentions of the same or the previous paragraph: a title alone refers back
// to the nearest person who holds it.
func (r *peopleResolver) nearestBefore(holders []*cluster, m *raw) *cluster {
	k, _ := slices.BinarySearchFunc(r.raws, m.start, func(x raw, at int) int { return cmp.Compare(x.start, at) })
	for i := k - 1; i >= 0 && i >= k-titleReachBack; i-- {
		if c := r.owner[i]; c != nil && slices.Contains(holders, c) {
			return c
		}
	}
	return nil
}

func (r *peopleResolver) clusterHolds(c *cluster, office, country, org string) bool {
	if c.leader >= 0 {
		return r.x.leaderHolds(c.leader, office, country, org, anyTime)
	}
	for _, t := range c.titles {
		if r.x.voc.roleMatches(t.office, office) && (country == "" || t.country == country) && (org == "" || t.org == org) {
			return true
		}
	}
	return false
}

// holder finds the gazetteer leader holding office; with no country or
// organisation given, the countries the article mentions are tried in order
// of how often they appear.
func (r *peopleResolver) holder(office, country, org string) int32 {
	key := office + "|" + country + "|" + org
	if l, ok := r.holders[key]; ok {
		return l
	}
	l := r.findHolder(office, country, org)
	r.holders[key] = l
	return l
}

func (r *peopleResolver) findHolder(office, country, org string) int32 {
	if country != "" || org != "" {
		return r.x.officeHolder(office, country, org, r.era)
	}
	order := append([]string(nil), r.countryO...)
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && r.countryN[order[j]] > r.countryN[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	for _, c := range order {
		if l := r.x.officeHolder(office, c, "", r.era); l >= 0 {
			return l
		}
	}
	// an office only one person holds: "the Pope"
	if l, n := r.x.soleHolder(office, r.era); n == 1 {
		return l
	}
	return -1
}

// officeHolder returns the leader holding office in country or org; for
// "leader" the head of government is preferred (see headRank).
func (x *index) officeHolder(office, country, org string, at era) int32 {
	bestL, bestRank := int32(-1), 1<<30
	for _, l := range x.officeCandidates(office) {
		if !x.leaderHolds(l, office, country, org, at) {
			continue
		}
		rank := 0
		if office == "leader" || office == "chief" {
			rank = x.headRank(&x.leaders[l], country)
		}
		if rank < bestRank {
			bestL, bestRank = l, rank
		}
	}
	return bestL
}

// soleHolder returns a holder of office in the era and how many leaders hold it.
func (x *index) soleHolder(office string, at era) (int32, int) {
	found, n := int32(-1), 0
	for _, l := range x.officeCandidates(office) {
		if x.leaderHolds(l, office, "", "", at) {
			found = l
			n++
		}
	}
	return found, n
}

// officeCandidates lists the leaders holding office anywhere: a superset of
// the holders in any one country or organisation.
func (x *index) officeCandidates(office string) []int32 {
	if c, ok := x.offices[office]; ok {
		return c
	}
	var c []int32 // an office no title names: scan (only user data gets here)
	for i := range x.leaders {
		if x.leaderHolds(int32(i), office, "", "", anyTime) {
			c = append(c, int32(i))
		}
	}
	return c
}

// headRank ranks the offices of leader l as the head of country (any when
// ""): lower is more the head. Countries of presidential_countries are led
// by their president; elsewhere a prime minister or chancellor leads.
func (x *index) headRank(l *leaderInfo, country string) int {
	rank := 9
	for _, o := range l.offices {
		if country != "" && o.Country != country {
			continue
		}
		r := 8
		if d, ok := x.voc.offices[o.Role]; ok {
			r = d.Rank
			if d.Has("presidential") && x.voc.presidential[o.Country] {
				r = 1
			}
		}
		rank = min(rank, r)
	}
	return rank
}

// leaderHolds reports whether leader l holds office (in country or org when
// given) in the era, by the gazetteer's offices, or now by the words of its
// current titles ("Chancellor of the Exchequer").
func (x *index) leaderHolds(l int32, office, country, org string, at era) bool {
	li := &x.leaders[l]
	for k, o := range li.offices {
		if !at.holds(li.terms[k]) {
			continue
		}
		if country != "" && o.Country != country && !(o.Country == "" && o.Org == "" && li.country == country) {
			continue
		}
		if org != "" && o.Org != org {
			continue
		}
		if x.voc.roleMatches(o.Role, office) {
			return true
		}
	}
	if office == "leader" || office == "chief" || org != "" || !at.day.IsZero() {
		return false // titles tell what a leader is now, not on another day
	}
	if country != "" && li.country != country {
		return false
	}
	want := x.voc.officeWords[office]
	if want == nil {
		want = strings.Fields(office)
	}
	for _, t := range li.titles {
		if containsWords(t, want) && !containsWords(t, []string{"former"}) {
			return true
		}
	}
	return false
}

// roleMatches compares a held office with the office a title names: the
// same office, one the offices table says it fits, or by the shape of the
// role ("minister" fits any minister but the prime minister).
func (v *vocab) roleMatches(held, want string) bool {
	if held == want {
		return true
	}
	switch want {
	case "leader":
		return v.offices[held].Has("leader")
	case "chief":
		return held != "vice president" && held != "" && !strings.Contains(held, "deputy")
	case "minister":
		return strings.HasSuffix(held, "minister") && held != "prime minister"
	case "secretary":
		return strings.Contains(held, "secretary") && held != "secretary general"
	}
	return slices.Contains(v.offices[want].Matches, held)
}

func containsWords(words, want []string) bool {
	for i := 0; i+len(want) <= len(words); i++ {
		ok := true
		for j, w := range want {
			if words[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// noteTitles records the offices people the gazetteer does not know were
// introduced with, so a later title alone can find them.
func (r *peopleResolver) noteTitles() {
	for i := range r.raws {
		m := &r.raws[i]
		c := r.owner[i]
		if c == nil || m.kind != rkNamed || m.role == nil || m.role.office == "" || m.inactive {
			continue
		}
		if c.leader >= 0 {
			if !r.calledBy(c, m.role.office) {
				c.calledAs = append(c.calledAs, m.role.office)
			}
			continue
		}
		// one entry per distinct title: clusterHolds scans them per title mention
		if t := (titleRef{office: m.role.office, country: m.qualCountry, org: m.qualOrg}); !slices.Contains(c.titles, t) {
			c.titles = append(c.titles, t)
		}
	}
}

// calledBy reports whether the article gives the gazetteer person of c the
// title of office.
func (r *peopleResolver) calledBy(c *cluster, office string) bool {
	for _, o := range c.calledAs {
		if r.x.voc.roleMatches(o, office) {
			return true
		}
	}
	return false
}
