package nlp

import "time"

// inferEra dates an article that came without a date from its own words:
// a leader it names with a title ("President Barack Obama", "Mr. Obama" is
// not enough) cannot be written of before they took that office. The term
// that began last bounds the date from below; the article is taken to be
// from that term's last day, or now when that office is still held. Older
// titles ("President Reagan") are history and do not move the date back.
func (r *peopleResolver) inferEra() era {
	var first, last time.Time
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
		for _, o := range r.x.leaders[l].offices {
			if !r.x.voc.roleMatches(o.Role, m.role.office) {
				continue
			}
			f, e, ok := o.Term()
			if ok && (!seen || f.After(first)) {
				first, last, seen = f, e, true
			}
		}
	}
	if !seen || last.IsZero() {
		return era{} // no title, or the latest one is still held: now
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
