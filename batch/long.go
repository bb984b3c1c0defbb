package batch

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A long list: one exercise a line (HANDOUT-DESIGN.md §7, "custom
// programmes come in a long file"), as a spreadsheet of prescriptions is
// often kept: a header with exercise_id, and each line a patient's id,
// one exercise and its dose in columns of their own:
//
//	id,name,visit_date,exercise_id,order,sets,reps,hold,load,daily,side,note
//	P1,Ana Díaz,2026-12-04,chin-tuck,1,,10,5 s,,3,,
//	P1,,,band-row,2,2,12,,red band,,,Slowly.
//
// The lines of one id (anywhere in the list) are one patient's packet,
// its exercises in the order of the order column, else of the lines. The
// patient's columns (name, visit_date, protocol…) may be on every line or
// only one; lines that disagree fail the packet, since which is right is
// the front desk's call. Any problem on any line fails the whole packet,
// named by that line: half a prescription is not printed.

// longColumns are the columns of one exercise a line. hold_s and rest_s
// are seconds as numbers (an export's); per_day is daily.
var longColumns = []string{"exercise_id", "order", "sets", "reps", "hold", "rest", "load", "daily", "side", "note"}

// longAliases are other names exports give them.
var longAliases = map[string]string{"hold_s": "hold", "rest_s": "rest", "per_day": "daily", "times_a_day": "daily", "exercise_note": "note"}

// longExercise is one line's exercise, before the lines are grouped.
type longExercise struct {
	id, side, note string
	dose           []string // "reps 10", "hold 5 s", in the dose line's order
	order          int      // 0: none given
	hasOrder       bool
}

// readLongExercise reads the exercise columns of rec; err names the column.
func (c columns) readLongExercise(rec []string) (*longExercise, error) {
	e := &longExercise{id: c.field(rec, "exercise_id"), side: c.field(rec, "side"), note: c.field(rec, "note")}
	if e.id == "" {
		return nil, fmt.Errorf("exercise_id is empty; every line of a list with exercise_id gives one exercise")
	}
	for _, k := range []string{"sets", "reps", "hold", "rest", "load", "daily"} {
		v := c.field(rec, k)
		if v == "" {
			continue
		}
		if (k == "hold" || k == "rest") && c.seconds(k) {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return nil, fmt.Errorf("%s %q: a number of seconds", c.header(k), clip(v, 20))
			}
			v += " s"
		}
		e.dose = append(e.dose, k+" "+v)
	}
	if o := c.field(rec, "order"); o != "" {
		n, err := strconv.Atoi(o)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("order %q: a whole number (1, 2, 3…) placing the exercise among the patient's", clip(o, 20))
		}
		e.order, e.hasOrder = n, true
	}
	return e, nil
}

// seconds reports whether the list's column for k was hold_s or rest_s.
func (c columns) seconds(k string) bool { _, ok := c[k+"_s"]; return ok }

// header is how the list names the column for k, for a message.
func (c columns) header(k string) string {
	if c.seconds(k) {
		return k + "_s"
	}
	return k
}

// patientFields are the columns a long list's lines of one patient must
// agree on, by name, with how to read each from a row.
var patientFields = []struct {
	name string
	get  func(*patientRow) *string
}{
	{"name", func(r *patientRow) *string { return &r.name }},
	{"visit_date", func(r *patientRow) *string { return &r.visitDate }},
	{"clinician", func(r *patientRow) *string { return &r.clinician }},
	{"protocol", func(r *patientRow) *string { return &r.protocol }},
	{"style", func(r *patientRow) *string { return &r.style }},
	{"language", func(r *patientRow) *string { return &r.language }},
	{"notes", func(r *patientRow) *string { return &r.notes }},
	{"email", func(r *patientRow) *string { return &r.email }},
	{"password", func(r *patientRow) *string { return &r.password }},
}

// groupLong makes one patient row of each id's lines. A line without an
// id stays a row of its own, for the check to report.
func groupLong(rows []*patientRow) []*patientRow {
	var out []*patientRow
	byID := map[string]*patientRow{}
	lines := map[*patientRow][]*patientRow{}
	for _, r := range rows {
		if r.id == "" {
			out = append(out, r)
			continue
		}
		first, ok := byID[r.id]
		if !ok {
			byID[r.id] = r
			out = append(out, r)
			first = r
		}
		lines[first] = append(lines[first], r)
	}
	for first, ls := range lines {
		mergeLong(first, ls)
	}
	return out
}

// mergeLong turns the lines of one patient into first: their patient
// fields, and their exercises as the row's programme.
func mergeLong(first *patientRow, lines []*patientRow) {
	fail := func(at *patientRow, err error) {
		switch {
		case first.err != nil: // the first problem names the packet's
		case at == first: // the row's own line: its messages say so already
			first.err = err
		default:
			first.err = fmt.Errorf("line %d: %w", at.line, err)
		}
	}
	var handouts []string
	for _, l := range lines {
		if l.err != nil {
			fail(l, l.err)
			continue
		}
		for _, f := range patientFields {
			have, v := f.get(first), *f.get(l)
			switch {
			case v == "" || v == *have:
			case *have == "":
				*have = v
			default:
				// Neither value is quoted: either may be a name.
				fail(l, fmt.Errorf("%s differs from an earlier line of id %s; write it once, or the same on each line", f.name, first.id))
			}
		}
		for _, h := range l.handouts {
			if !slices.Contains(handouts, h) {
				handouts = append(handouts, h)
			}
		}
		for id, d := range l.doses {
			if first.doses == nil {
				first.doses = map[string]string{}
			}
			first.doses[id] = d
		}
	}
	first.handouts = handouts
	if first.err != nil {
		return
	}
	// By order; lines without one after those with, each in the list's
	// order.
	ordered := slices.Clone(lines)
	slices.SortStableFunc(ordered, func(a, b *patientRow) int {
		ea, eb := a.long, b.long
		switch {
		case ea.hasOrder && eb.hasOrder:
			return ea.order - eb.order
		case ea.hasOrder != eb.hasOrder:
			if ea.hasOrder {
				return -1
			}
			return 1
		}
		return 0
	})
	type exerciseJSON struct {
		ID   string `json:"id"`
		Dose string `json:"dose,omitempty"`
		Side string `json:"side,omitempty"`
		Note string `json:"note,omitempty"`
	}
	prog := struct {
		Protocol  string         `json:"protocol,omitempty"`
		Exercises []exerciseJSON `json:"exercises"`
	}{Protocol: first.protocol}
	for _, l := range ordered {
		e := l.long
		prog.Exercises = append(prog.Exercises, exerciseJSON{ID: e.id, Dose: strings.Join(e.dose, "; "), Side: e.side, Note: e.note})
		first.longLines = append(first.longLines, longLine{id: e.id, line: l.line})
	}
	first.programmeJSON, _ = json.Marshal(prog) // strings only: cannot fail
	first.protocol = ""                         // it is in the programme
}

// longLineMessage names the list's line in a message about a long row's
// programme, which the programme's parser words by the exercise's id
// ("exercises: band-row: dose: …" is "line 7: exercises: band-row: dose:
// …"): the first of the row's exercises the message names. A patient's
// exercises are each listed once (twice is an error), so the id finds
// its line.
func longLineMessage(msg string, exercises []longLine) string {
	for _, e := range exercises {
		if idRE := regexp.MustCompile(`(^|[^a-z0-9-])` + regexp.QuoteMeta(e.id) + `($|[^a-z0-9-])`); idRE.MatchString(msg) {
			return fmt.Sprintf("line %d: %s", e.line, msg)
		}
	}
	return msg
}

// longLine is one exercise of a grouped long row and the list's line it
// came from.
type longLine struct {
	id   string
	line int
}
