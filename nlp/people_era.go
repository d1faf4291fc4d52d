package nlp

import "time"

// inferEra dates an article that came without a date from its own words:
// a leader it names with a title ("President Barack Obama", "Mr. Obama" is
// not enough) cannot be written of before they took that office. The term
// that began last bounds the date from below; the article is taken to be
// from the last day that every titled leader held office together, or now
// when their offices are all still held. When no day fits them all, older
// titles ("President Reagan") are history and do not move the date back:
// the term that began last decides.
func (r *peopleResolver) inferEra() era {
	// first, last: the term that began last; first and hi bound the span
	// every titled term covers (a zero hi: all are still held)
	var first, last, hi time.Time
	seen := false
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind != rkNamed || !m.titled || m.role == nil || m.role.office == "" || m.inactive {
			continue
		}
		l := m.leader
		if l < 0 && len(m.keys) == 1 {
			// "President Obama": the one leader of that surname who held the office
			if e := r.x.lex[m.keys[0]]; e != nil {
				for _, c := range e.surnameOf {
					if r.x.leaderHolds(c, m.role.office, "", "", anyTime) {
						if l >= 0 {
							l = -1
							break
						}
						l = c
					}
				}
			}
		}
		if l < 0 {
			continue
		}
		// the latest term of this mention's office
		var f, e time.Time
		held := false
		for _, o := range r.x.leaders[l].offices {
			if !r.x.voc.roleMatches(o.Role, m.role.office) {
				continue
			}
			if of, oe, ok := o.Term(); ok && (!held || of.After(f)) {
				f, e, held = of, oe, true
			}
		}
		if !held {
			continue
		}
		if !seen || f.After(first) {
			first, last = f, e
		}
		if !e.IsZero() && (hi.IsZero() || e.Before(hi)) {
			hi = e
		}
		seen = true
	}
	if !seen {
		return era{} // no title: now
	}
	if hi.IsZero() || !hi.Before(first) {
		// every titled person held office together: the last day they all did
		last = hi
	}
	if last.IsZero() {
		return era{} // the latest term is still held: now
	}
	// the term's last day is shared with the successor's first
	return era{day: last.AddDate(0, 0, -1)}
}

// knownThen keeps the leaders already in public office by the article's day:
// "Mr. Peña" in 2016 is not Santiago Peña, president from 2023. Undated
// articles keep them all.
func (r *peopleResolver) knownThen(ls []int32) []int32 {
	if r.era.day.IsZero() {
		return ls
	}
	var out []int32
	for _, l := range ls {
		for _, o := range r.x.leaders[l].offices {
			if first, _, ok := o.Term(); ok && !first.After(r.era.day) {
				out = append(out, l)
				break
			}
		}
		if len(r.x.leaders[l].offices) == 0 {
			out = append(out, l)
		}
	}
	return out
}
