package batch

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Visit dates as exports write them (HANDOUT-DESIGN.md §7): besides
// YYYY-MM-DD, a practice-management system may write 20261204 (Medisoft),
// 12/04/2026 (US: month first) or 04/12/2026 (UK, Australia: day first),
// and an appointment's time after the date. readVisitDates turns each into
// YYYY-MM-DD before the rows are checked, so the pages, the file names
// and the manifest all see one form.
//
// Which of day and month comes first is decided for the whole list, as
// an export writes every row the same way: a first number above 12 says
// day first, a second above 12 month first; a list with neither takes
// the clinic's convention (dayFirstDefault), and one with both is
// refused row by row, since a wrong reading would print a wrong date.
var (
	isoDateRE     = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	compactDateRE = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	numericDateRE = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)
	// timeRE is an appointment's time after its date: "9:30", "09:30:00",
	// "9:30 AM", "T09:30:00Z".
	timeRE = regexp.MustCompile(`^(?i)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(am|pm)?(z|[+-]\d{2}:?\d{2})?$`)
)

// dateOrder is how a list writes day and month in a numeric date.
type dateOrder struct {
	dayFirst bool
	// why says what decided it, for the warning when a date could be read
	// either way: "the list's 13/04/2026 on line 5", or the clinic's.
	why string
}

// dayFirstDefault is the clinic's convention for dates like 03/04/2026:
// month first for a clinic on US Letter paper printing US English (the
// defaults), day first for any other (A4, or another language: en-GB,
// es, fr… write the day first).
func dayFirstDefault(paper, language string) dateOrder {
	us := (paper == "" || strings.EqualFold(paper, "letter")) &&
		(language == "" || strings.EqualFold(language, "en") || strings.EqualFold(language, "en-US"))
	if us {
		return dateOrder{dayFirst: false, why: "the clinic's convention (US Letter, US English): month first"}
	}
	return dateOrder{dayFirst: true, why: "the clinic's convention (A4 paper or a language other than US English): day first"}
}

// readVisitDates rewrites each row's visit date as YYYY-MM-DD where it is
// one of the forms above, and marks the rows whose date cannot be read
// one way. It returns a warning when some date could be read either way
// and the clinic's convention decided, "" otherwise. A date in no form it
// knows is left as written, for the row's check to report.
func readVisitDates(list string, rows []*patientRow, def dateOrder) (warning string) {
	var dayFirstAt, monthFirstAt *patientRow // the first row of each kind
	ambiguous := 0
	for _, r := range rows {
		d := stripTime(r.visitDate)
		m := numericDateRE.FindStringSubmatch(d)
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 && b <= 12 && dayFirstAt == nil:
			dayFirstAt = r
		case b > 12 && a <= 12 && monthFirstAt == nil:
			monthFirstAt = r
		case a <= 12 && b <= 12 && a != b:
			ambiguous++
		}
	}
	order := def
	switch {
	case dayFirstAt != nil && monthFirstAt != nil:
		// The export is not one form: no reading can be trusted.
		for _, r := range rows {
			if r.err == nil && numericDateRE.MatchString(stripTime(r.visitDate)) {
				r.err = fmt.Errorf("visit_date %q: the list writes dates day first (%q on line %d) and month first (%q on line %d); write them as YYYY-MM-DD",
					clip(r.visitDate, 20), clip(dayFirstAt.visitDate, 20), dayFirstAt.line, clip(monthFirstAt.visitDate, 20), monthFirstAt.line)
			}
		}
		return ""
	case dayFirstAt != nil:
		order = dateOrder{dayFirst: true}
	case monthFirstAt != nil:
		order = dateOrder{dayFirst: false}
	case ambiguous > 0:
		warning = fmt.Sprintf("%s: %s could be day or month first (like 03/04/2026); read by %s; write YYYY-MM-DD in the list to be sure",
			list, count(ambiguous, "visit date"), order.why)
	}
	for _, r := range rows {
		if iso, ok := isoDate(r.visitDate, order.dayFirst); ok {
			r.visitDate = iso
		}
	}
	return warning
}

// isoDate is s as YYYY-MM-DD if it is a date in one of the forms the
// lists are read in (a time after it dropped); ok is false otherwise.
// Whether the date exists (no 31 April) is the row check's to say.
func isoDate(s string, dayFirst bool) (string, bool) {
	d := stripTime(s)
	var y, mo, day string
	if m := isoDateRE.FindStringSubmatch(d); m != nil {
		y, mo, day = m[1], m[2], m[3]
	} else if m := compactDateRE.FindStringSubmatch(d); m != nil {
		y, mo, day = m[1], m[2], m[3]
	} else if m := numericDateRE.FindStringSubmatch(d); m != nil {
		y, mo, day = m[3], m[1], m[2]
		if dayFirst {
			mo, day = day, mo
		}
	} else {
		return "", false
	}
	return y + "-" + pad2(mo) + "-" + pad2(day), true
}

// stripTime is s without an appointment's time after the date.
func stripTime(s string) string {
	if i := strings.IndexAny(s, " T"); i > 0 && timeRE.MatchString(strings.TrimSpace(s[i+1:])) {
		return s[:i]
	}
	return s
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
