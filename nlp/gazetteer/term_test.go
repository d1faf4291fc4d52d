package gazetteer

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestHeldOnBoundsAndPrecision(t *testing.T) {
	tests := []struct {
		start, end, on string
		want           bool
	}{
		{"2009-01-20", "2017-01-20", "2009-01-20", true},
		{"2009-01-20", "2017-01-20", "2009-01-19", false},
		{"2009-01-20", "2017-01-20", "2017-01-20", true},
		{"2009-01-20", "2017-01-20", "2017-01-21", false},
		{"2018", "2019", "2018-01-01", true},
		{"2018", "2019", "2017-12-31", false},
		{"2018", "2019", "2019-12-31", true},
		{"2018", "2019", "2020-01-01", false},
		{"2018-03", "2018-04", "2018-03-01", true},
		{"2018-03", "2018-04", "2018-02-28", false},
		{"2018-03", "2018-04", "2018-04-30", true},
		{"2018-03", "2018-04", "2018-05-01", false},
		{"2024-02", "", "2024-02-29", true},
		{"", "2001", "1990-06-01", true},
		{"", "2001", "2002-01-01", false},
		{"", "", "1900-01-01", true},
	}
	for _, tt := range tests {
		o := Office{Role: "president", Country: "ruritania", Start: tt.start, End: tt.end}
		if got := o.HeldOn(day(tt.on)); got != tt.want {
			t.Errorf("%s..%s HeldOn(%s) = %v, want %v", tt.start, tt.end, tt.on, got, tt.want)
		}
	}
}

func TestHeldOnIgnoresClockAndZone(t *testing.T) {
	o := Office{Role: "president", Start: "2009-01-20", End: "2017-01-20"}
	late := time.Date(2017, 1, 20, 23, 59, 0, 0, time.FixedZone("EST", -5*3600))
	if !o.HeldOn(late) {
		t.Error("the last day of a term, late in the evening, is still in it")
	}
}

func TestHeldOnZeroMeansAsOf(t *testing.T) {
	if !(Office{Role: "king", Start: "2022-09-08"}).HeldOn(time.Time{}) {
		t.Error("an office with no end is held as of now")
	}
	if (Office{Role: "king", Start: "1952-02-06", End: "2022-09-08"}).HeldOn(time.Time{}) {
		t.Error("an office that ended is not held as of now")
	}
}

func TestValidateRejectsBadTerms(t *testing.T) {
	tests := []struct {
		start, end, want string
	}{
		{"2020-13-01", "", `leader "x": office "president" of ruritania: start: date "2020-13-01"`},
		{"20", "", `start: date "20" is not YYYY-MM-DD`},
		{"", "2020-1-5", `end: date "2020-1-5"`},
		{"2020-05-01", "2019-12-31", `ends 2019-12-31 before it starts 2020-05-01`},
		{"2020-05", "2020-04-30", `ends 2020-04-30 before it starts 2020-05`},
	}
	for _, tt := range tests {
		d := &Data{
			Countries: []Country{{ID: "ruritania", Name: "Ruritania"}},
			Leaders: []Leader{{ID: "x", Name: "X", Offices: []Office{
				{Role: "president", Country: "ruritania", Start: tt.start, End: tt.end}}}},
		}
		err := d.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("start %q end %q: Validate = %v, want an error containing %q", tt.start, tt.end, err, tt.want)
		}
	}
	ok := &Data{
		Countries: []Country{{ID: "ruritania", Name: "Ruritania"}},
		Leaders: []Leader{{ID: "x", Name: "X", Offices: []Office{
			{Role: "president", Country: "ruritania", Start: "2020", End: "2020-01"}}}},
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("a term within one year: %v", err)
	}
}
