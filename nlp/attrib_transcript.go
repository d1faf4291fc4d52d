package nlp

import "strings"

// A transcript quoted line by line names its speaker in capitals before a
// colon: “PENCE: Well, look …”. When the label is the surname of a person
// the text mentions, that person speaks; another label names someone the
// text does not know, so the line has no speaker rather than a carried one.

// labelReach is how many bytes a speaker label may take.
const labelReach = 32

// transcriptSpeaker reports whether quote q opens with a speaker label and
// returns the person it names (an invalid speaker when the text names no
// such person).
func (r *resolver) transcriptSpeaker(q quoteSpan) (spk, bool) {
	if q.labelled {
		label, _ := lineLabel(r.text, textSpan{q.open, q.outerEnd})
		if label == "A" {
			return r.interviewee(q.open), true
		}
		return r.labelSpeaker(q, label), true
	}
	// a label inside the quote: “PENCE: Well, look …”
	label, start := lineLabel(r.text, textSpan{q.start, q.end})
	if len(label) < 2 || start >= q.end || r.text[start] < 'A' || r.text[start] > 'Z' {
		return spk{}, false
	}
	return r.labelSpeaker(q, label), true
}

// labelSpeaker returns the person whose surname is the transcript label.
func (r *resolver) labelSpeaker(q quoteSpan, label string) spk {
	surname := strings.Trim(label[strings.LastIndexByte(label, ' ')+1:], ".")
	// the nearest earlier person of that surname, else the nearest later one,
	// within a window so that long transcripts stay linear
	match := func(i int) bool {
		e := &r.ents[i]
		return e.Kind == KindPerson && strings.EqualFold(surnameOf(e.Name), surname)
	}
	best := -1
	k := r.entityAt(q.start)
	for i := k - 1; i >= 0 && i >= k-entityWindow; i-- {
		if match(i) {
			best = i
			break
		}
	}
	for i := k; best < 0 && i < len(r.ents) && i < k+entityWindow; i++ {
		if match(i) {
			best = i
		}
	}
	if best < 0 {
		return spk{}
	}
	return r.personSpk(best)
}

// interviewee is the person an interview is with: the first person the
// text names before its first answer at off (the introduction's subject).
func (r *resolver) interviewee(off int) spk {
	for i := range r.ents {
		if r.ents[i].Start >= off {
			break
		}
		if r.ents[i].Kind == KindPerson {
			return r.personSpk(i)
		}
	}
	return spk{}
}

func (r *resolver) personSpk(i int) spk {
	g := byte(0)
	if gs := r.ents[i].Gender; gs != "" {
		g = gs[0]
	}
	return spk{kind: tkPerson, ref: i, gender: g}
}

// lastWord returns the last space-separated word of s.
func surnameOf(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}
