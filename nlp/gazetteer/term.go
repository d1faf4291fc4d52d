package gazetteer

import (
	"fmt"
	"time"
)

// HeldOn reports whether the office was held on day t. The zero t asks about
// now, meaning the gazetteer's as_of date: only offices with no End are held.
// A partial Start counts from the first day of its month or year, a partial
// End up to the last day; an unknown Start is taken as "long enough ago".
// Dates that do not parse (which Validate rejects) never match.
func (o Office) HeldOn(t time.Time) bool {
	if t.IsZero() {
		return o.End == ""
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if o.Start != "" {
		first, _, err := parseTermDate(o.Start)
		if err != nil || day.Before(first) {
			return false
		}
	}
	if o.End != "" {
		_, last, err := parseTermDate(o.End)
		if err != nil || day.After(last) {
			return false
		}
	}
	return true
}

// termLayouts are the precisions a term date may have, finest first.
var termLayouts = []struct {
	layout string
	years  int
	months int
	days   int
}{
	{"2006-01-02", 0, 0, 1},
	{"2006-01", 0, 1, 0},
	{"2006", 1, 0, 0},
}

// parseTermDate parses a "YYYY-MM-DD", "YYYY-MM" or "YYYY" date and returns
// the first and last day it covers, in UTC.
func parseTermDate(s string) (first, last time.Time, err error) {
	for _, l := range termLayouts {
		if len(s) != len(l.layout) {
			continue
		}
		first, err = time.Parse(l.layout, s)
		if err != nil {
			break
		}
		return first, first.AddDate(l.years, l.months, l.days).AddDate(0, 0, -1), nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// Term returns the first and last day of the office; first is zero when the
// start is unknown, last is zero while the office is held. ok is false when a
// date does not parse.
func (o Office) Term() (first, last time.Time, ok bool) {
	if o.Start != "" {
		f, _, err := parseTermDate(o.Start)
		if err != nil {
			return first, last, false
		}
		first = f
	}
	if o.End != "" {
		_, l, err := parseTermDate(o.End)
		if err != nil {
			return first, last, false
		}
		last = l
	}
	return first, last, true
}
