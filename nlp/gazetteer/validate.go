package gazetteer

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Kinds an organisation may have.
var organisationKinds = map[string]bool{
	"government": true, "international": true, "party": true,
	"agency": true, "media": true, "company": true,
}

// validateTerm checks that an office's start and end parse and that the term
// does not end before it starts.
func validateTerm(o Office) error {
	var first, last time.Time
	var err error
	if o.Start != "" {
		if first, _, err = parseTermDate(o.Start); err != nil {
			return fmt.Errorf("start: %w", err)
		}
	}
	if o.End != "" {
		if _, last, err = parseTermDate(o.End); err != nil {
			return fmt.Errorf("end: %w", err)
		}
	}
	if o.Start != "" && o.End != "" && last.Before(first) {
		return fmt.Errorf("ends %s before it starts %s", o.End, o.Start)
	}
	return nil
}

func officePlace(o Office) string {
	switch {
	case o.Country != "":
		return o.Country
	case o.Org != "":
		return o.Org
	}
	return "nowhere"
}

// Validate checks that ids are unique and non-empty, names are set, genders
// are "m", "f" or empty, and every country or organisation a leader, office or
// organisation refers to exists, and that office terms are dates that do not
// end before they start. The error names every offending entry.
func (d *Data) Validate() error {
	if d == nil {
		return nil
	}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	countries := map[string]bool{}
	for i, c := range d.Countries {
		switch {
		case strings.TrimSpace(c.ID) == "":
			bad("country #%d (%q): empty id", i+1, c.Name)
		case countries[c.ID]:
			bad("country %q: duplicate id", c.ID)
		}
		countries[c.ID] = true
		if strings.TrimSpace(c.Name) == "" {
			bad("country %q: empty name", c.ID)
		}
	}

	orgs := map[string]bool{}
	for i, o := range d.Organisations {
		switch {
		case strings.TrimSpace(o.ID) == "":
			bad("organisation #%d (%q): empty id", i+1, o.Name)
		case orgs[o.ID]:
			bad("organisation %q: duplicate id", o.ID)
		}
		orgs[o.ID] = true
		if strings.TrimSpace(o.Name) == "" {
			bad("organisation %q: empty name", o.ID)
		}
		if o.Country != "" && !countries[o.Country] {
			bad("organisation %q: unknown country %q", o.ID, o.Country)
		}
		if o.Kind != "" && !organisationKinds[o.Kind] {
			bad("organisation %q: unknown kind %q", o.ID, o.Kind)
		}
	}

	leaders := map[string]bool{}
	for i, l := range d.Leaders {
		switch {
		case strings.TrimSpace(l.ID) == "":
			bad("leader #%d (%q): empty id", i+1, l.Name)
		case leaders[l.ID]:
			bad("leader %q: duplicate id", l.ID)
		}
		leaders[l.ID] = true
		if strings.TrimSpace(l.Name) == "" {
			bad("leader %q: empty name", l.ID)
		}
		if l.Gender != "" && l.Gender != "m" && l.Gender != "f" {
			bad("leader %q: gender %q is not \"m\", \"f\" or empty", l.ID, l.Gender)
		}
		if l.Country != "" && !countries[l.Country] {
			bad("leader %q: unknown country %q", l.ID, l.Country)
		}
		for _, o := range l.Offices {
			if strings.TrimSpace(o.Role) == "" {
				bad("leader %q: office with empty role", l.ID)
			}
			if o.Country != "" && !countries[o.Country] {
				bad("leader %q: office %q in unknown country %q", l.ID, o.Role, o.Country)
			}
			if o.Org != "" && !orgs[o.Org] {
				bad("leader %q: office %q in unknown organisation %q", l.ID, o.Role, o.Org)
			}
			if err := validateTerm(o); err != nil {
				bad("leader %q: office %q of %s: %v", l.ID, o.Role, officePlace(o), err)
			}
		}
	}
	return errors.Join(errs...)
}
