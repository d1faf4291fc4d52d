package nlp

import "time"

// inferEra dates an article that came without a date from its own words:
// every leader it names with a title they no longer hold ("President Barack
// Obama", "Gov. Mike Pence") bounds the time it was written. It returns the
// last day inside every such term, or the zero era (now) when the article
// names no past office or the terms do not meet.
func (r *peopleResolver) inferEra() era {
	var from, to time.Time
	seen := false
	for i := range r.raws {
		m := &r.raws[i]
		if m.kind != rkNamed || m.leader < 0 || !m.titled || m.role == nil || m.role.office == "" || m.inactive {
			continue
		}
		for _, o := range r.x.leaders[m.leader].offices {
			if !roleMatches(o.Role, m.role.office) || o.End == "" {
				continue
			}
			first, last, ok := o.Term()
			if !ok {
				continue
			}
			if !seen || first.After(from) {
				from = first
			}
			if !seen || last.Before(to) {
				to = last
			}
			seen = true
			break
		}
	}
	if !seen || to.Before(from) {
		return era{}
	}
	// the term's last day is shared with the successor's first
	return era{day: to.AddDate(0, 0, -1)}
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
