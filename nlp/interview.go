package nlp

import "strings"

// An interview printed as a transcript gives each answer its own line after
// a label, with no quotation marks: "A: By accident." or "RAGHUNATHAN:
// Very.". Such lines are quotes whose speaker the label names: "A" is the
// person interviewed, a name in capitals is whoever bears that surname.

// lineLabel returns the label that opens the paragraph p ("A", "Q",
// "RAGHUNATHAN") and where the words after it start, or "" when p opens
// with none.
func lineLabel(text string, p textSpan) (string, int) {
	w := text[p.start:min(p.end, p.start+labelReach)]
	colon := strings.IndexByte(w, ':')
	if colon < 1 || colon+2 >= len(w) || w[colon+1] != ' ' {
		return "", 0
	}
	label := w[:colon]
	upper := 0
	for i := 0; i < len(label); i++ {
		switch c := label[i]; {
		case c >= 'A' && c <= 'Z':
			upper++
		case c == ' ' || c == '.' || c == '-' || c == '\'':
		default:
			return "", 0
		}
	}
	if upper == 0 || upper == 1 && len(label) > 1 {
		return "", 0
	}
	start := p.start + colon + 2
	for start < p.end && text[start] == ' ' {
		start++
	}
	return label, start
}

// transcriptAnswers turns the answer lines of a transcript into quotes,
// replacing any quotes found inside them; owner[i] is the paragraph of
// all[i]. A label counts when the text has "Q:" and "A:" lines, or uses the
// same name label on two lines or more, so that a lone "UPDATE:" is no one's
// answer. Questions marked "Q:" name no speaker and are left out.
func transcriptAnswers(text string, paras []textSpan, all []quoteSpan, owner []int) ([]quoteSpan, []int) {
	var labels map[string]int
	for _, p := range paras {
		if l, _ := lineLabel(text, p); l != "" {
			if labels == nil {
				labels = map[string]int{}
			}
			labels[l]++
		}
	}
	qa := labels["Q"] > 0 && labels["A"] > 0
	answer := func(l string) bool {
		switch l {
		case "Q", "":
			return false
		case "A":
			return qa
		}
		return len(l) > 1 && labels[l] >= 2
	}
	if labels == nil {
		return all, owner
	}
	var outQ []quoteSpan
	var outO []int
	k := 0
	for pi, p := range paras {
		l, start := lineLabel(text, p)
		if !answer(l) {
			for ; k < len(all) && owner[k] == pi; k++ {
				outQ, outO = append(outQ, all[k]), append(outO, pi)
			}
			continue
		}
		for ; k < len(all) && owner[k] == pi; k++ {
		}
		end := p.end
		for end > start && (text[end-1] == ' ' || text[end-1] == '\n') {
			end--
		}
		if end > start {
			outQ = append(outQ, quoteSpan{open: p.start, outerEnd: p.end, start: start, end: end, fam: famDouble, closed: true, labelled: true})
			outO = append(outO, pi)
		}
	}
	return outQ, outO
}
