package batch

import (
	"strings"
	"testing"
)

// TestReadVisitDates: an export's dates become YYYY-MM-DD; day or month
// first is decided for the whole list by a number above 12, else by the
// clinic's convention (with a warning); a list that writes both ways has
// its numeric dates refused, and a date in no known form is left for the
// row's check.
func TestReadVisitDates(t *testing.T) {
	us, uk := dayFirstDefault("letter", ""), dayFirstDefault("a4", "en-GB")
	if us.dayFirst || !uk.dayFirst || !dayFirstDefault("letter", "es").dayFirst || dayFirstDefault("", "en").dayFirst {
		t.Fatalf("conventions: US %v, UK %v; want month first only for Letter in US English", us.dayFirst, uk.dayFirst)
	}
	for _, c := range []struct {
		name  string
		in    []string
		def   dateOrder
		want  []string // "" where the row is refused
		warns bool
	}{
		{"iso and compact", []string{"2026-12-04", "2026-12-4", "2026/12/04", "20261204"}, us,
			[]string{"2026-12-04", "2026-12-04", "2026-12-04", "2026-12-04"}, false},
		{"a time after the date", []string{"2026-12-04 09:30", "2026-12-04T09:30:00Z", "12/04/2026 9:30 AM", "12/4/2026 14:05:00"}, us,
			[]string{"2026-12-04", "2026-12-04", "2026-12-04", "2026-12-04"}, true},
		{"day first shown by the list", []string{"13/04/2026", "03/04/2026"}, us,
			[]string{"2026-04-13", "2026-04-03"}, false},
		{"month first shown by the list", []string{"04/13/2026", "03/04/2026"}, uk,
			[]string{"2026-04-13", "2026-03-04"}, false},
		{"US convention", []string{"03/04/2026", "05/05/2026"}, us, []string{"2026-03-04", "2026-05-05"}, true},
		{"UK convention", []string{"03/04/2026", "3.4.2026"}, uk, []string{"2026-04-03", "2026-04-03"}, true},
		{"not ambiguous: day and month the same", []string{"05/05/2026"}, us, []string{"2026-05-05"}, false},
		{"both ways", []string{"13/04/2026", "04/13/2026", "2026-12-04"}, us, []string{"", "", "2026-12-04"}, false},
		{"not a date", []string{"next Tuesday", "2026-13-45", "04/2026"}, us, []string{"next Tuesday", "2026-13-45", "04/2026"}, false},
	} {
		var rows []*patientRow
		for i, d := range c.in {
			rows = append(rows, &patientRow{line: i + 2, visitDate: d})
		}
		warning := readVisitDates("list.csv", rows, c.def)
		for i, r := range rows {
			switch {
			case c.want[i] == "":
				if r.err == nil || !strings.Contains(r.err.Error(), "day first") || !strings.Contains(r.err.Error(), "month first") {
					t.Errorf("%s: %q: err %v, want it refused as written both ways", c.name, c.in[i], r.err)
				}
			case r.err != nil || r.visitDate != c.want[i]:
				t.Errorf("%s: %q read as %q (err %v), want %q", c.name, c.in[i], r.visitDate, r.err, c.want[i])
			}
		}
		if (warning != "") != c.warns {
			t.Errorf("%s: warning %q; want one: %v", c.name, warning, c.warns)
		}
		if warning != "" && !strings.HasPrefix(warning, "list.csv: ") {
			t.Errorf("%s: the warning does not name the list: %q", c.name, warning)
		}
	}
}
