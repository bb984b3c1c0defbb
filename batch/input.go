package batch

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"handout/internal/inputfile"
)

// patientRow is one row of a patient list as read, before it is checked.
type patientRow struct {
	line      int // where the row starts in the list, 1-based
	id        string
	name      string // printed on the pages only: never in a message or file name by default
	visitDate string
	clinician string
	handouts  []string // as written: built-in names or paths relative to the list
	protocol  string   // the row's own programme (CSV): a protocol's id, or ""
	exercises string   // and its exercises column: "chin-tuck: reps 10; hold 5 s | bird-dog"
	// programmeJSON is a JSON Lines row's own programme: an object of its
	// "protocol" and "exercises" keys, as the programme file has them;
	// nil for a CSV row, or a JSON row without them.
	programmeJSON []byte
	style         string            // the layout style's name (layout.StyleByName), or "" for the run's
	language      string            // the packet's language (BCP 47), or "" for its handouts' or the clinic's
	doses         map[string]string // section ID → dose text
	notes         string            // printed on the cover only
	email         string            // where --send sends the packet; never printed
	password      string            // --password-column: encrypts the packet; never printed, hashed or stored
	err           error             // a problem found while reading the row
	// long is a long list's line's exercise (long.go), before the lines
	// are grouped; longLines are a grouped row's lines, in the order of
	// its programme's exercises, for its messages.
	long      *longExercise
	longLines []longLine
}

// listColumns are the columns a CSV list may have, in the order README
// documents them. id is required, and one of contentColumns.
var listColumns = []string{"id", "name", "first_name", "last_name", "visit_date", "clinician", "handouts", "protocol", "exercises", "doses", "style", "language", "notes", "email"}

// columnAliases are the names practice-management exports give the
// columns that say who a row is for (HANDOUT-DESIGN.md §7: Cliniko,
// ChiroTouch, Medisoft, MedicalDirector, FHIR CSV), so that an export is
// read as it is saved. Names are normalised first (normalizeColumn).
// The prescription columns have no aliases: what goes into a packet is
// written for handout, under its own names.
var columnAliases = map[string]string{
	"patient_id": "id", "patient_number": "id", "patient_no": "id", "chart_number": "id", "chart_no": "id",
	"chart": "id", "account_number": "id", "account_no": "id", "client_id": "id", "mrn": "id",
	"patient_name": "name", "full_name": "name", "patient": "name", "client_name": "name",
	"first": "first_name", "given_name": "first_name", "given_names": "first_name", "forename": "first_name", "first_names": "first_name",
	"last": "last_name", "surname": "last_name", "family_name": "last_name",
	"appointment_date": "visit_date", "appointment": "visit_date", "appt_date": "visit_date", "date_of_visit": "visit_date", "visit": "visit_date",
	"practitioner": "clinician", "provider": "clinician", "therapist": "clinician",
	"e_mail": "email", "email_address": "email", "e_mail_address": "email",
	"preferred_language": "language",
}

// prescriptionWords are the stems of the columns that say what a packet
// holds and how: an unknown column with one of them in its name
// ("handout", "Exercise list", "dose_1") is an error, since the list
// meant it for the program and dropping it would drop a prescription
// without a word. Any other unknown column (an export's date of birth,
// phone, address, insurance number) is not read at all, so it can never
// reach a page, and the run names the columns it left.
var prescriptionWords = []string{"handout", "protocol", "exercise", "dose", "note", "style", "language"}

// contentColumns are the columns that say what goes into a packet: a list
// needs one of them, a row one of them filled in.
var contentColumns = []string{"handouts", "protocol", "exercises"}

// ignoredColumnPrefix marks a column the program is to skip without a
// word, even one that looks like a prescription's (prescriptionWords).
const ignoredColumnPrefix = "x_"

// listFile is the kind of input a patient list is. It is read whole: a row
// is about 200 bytes, so the limit is half a million rows, far more than a
// clinic's day, and stops a wrong file (a device) from filling memory.
var listFile = inputfile.Kind{What: "patient list", Max: 100_000_000,
	Advice: "split it into several lists and run each"}

// readPatientList reads a CSV or JSON Lines (.jsonl) patient list. Errors
// about the file as a whole (unreadable, no header, unknown columns,
// broken quoting) are returned; a problem in one row is kept in its err.
func readPatientList(path string) ([]*patientRow, error) {
	rows, _, err := readPatientListWith(path, listOptions{})
	return rows, err
}

// listOptions are what a run adds to how a list is read.
type listOptions struct {
	// passwordColumn is one more column (CSV) or key (JSON Lines) allowed,
	// read as each row's packet password: the --password-column of the
	// run ("" for none).
	passwordColumn string
	// columns are the clinic profile's names for the list's columns
	// (list_columns: an export's header name → the list's column),
	// checked (checkListColumns) and normalised; they come before the
	// built-in aliases.
	columns map[string]string
}

// readPatientListWith is readPatientList with the run's options. unused
// are the CSV header's columns that were not read (an export's other
// columns), as written.
func readPatientListWith(path string, o listOptions) (rows []*patientRow, unused []string, err error) {
	passwordColumn := o.passwordColumn
	src, err := listFile.Read(path)
	if err != nil {
		return nil, nil, err // names the path and says what is wrong
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	// Text that is not UTF-8 is checked row by row (readCSV, readJSONLines):
	// a stray byte cannot move a row boundary, since every byte of the
	// separators, quotes and line ends is ASCII, so one bad character
	// costs its row, not the list.
	if strings.EqualFold(listExt(path), ".jsonl") || strings.EqualFold(listExt(path), ".ndjson") {
		rows, err = readJSONLines(path, src, passwordColumn)
	} else {
		o.passwordColumn = normalizeColumn(o.passwordColumn) // a header name, as mapColumns reads it
		rows, unused, err = readCSV(path, src, o)
	}
	if err != nil {
		return nil, nil, err
	}
	if len(rows) == 0 {
		return nil, nil, fmt.Errorf("%s: %w", path, errNoRows)
	}
	return rows, unused, nil
}

func listExt(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i:]
	}
	return ""
}

// readCSV reads a CSV list with a header row. The separator is "," or ";"
// (spreadsheets in many locales write ";"), whichever the header has more
// of outside quotes.
func readCSV(path string, src []byte, o listOptions) (rows []*patientRow, unused []string, err error) {
	passwordColumn := o.passwordColumn
	r := csv.NewReader(bytes.NewReader(src))
	r.Comma = detectSeparator(src)
	r.FieldsPerRecord = -1 // a row with the wrong count is that row's problem
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, fmt.Errorf("%s: the list is empty; the first line names the columns: %s", path, strings.Join(listColumns, ","))
	}
	if err != nil {
		return nil, nil, csvError(path, err)
	}
	for _, h := range header {
		if !utf8.ValidString(h) {
			return nil, nil, fmt.Errorf("%s:1: the header is not UTF-8 text; export the list as CSV UTF-8", path)
		}
	}
	cols, unused, err := mapColumns(path, header, passwordColumn, o.columns)
	if err != nil {
		return nil, nil, err
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			if _, long := cols["exercise_id"]; long {
				rows = groupLong(rows)
			}
			return rows, unused, nil
		}
		if err != nil {
			// Quoting that is off moves every later row boundary: nothing
			// after it can be trusted, so the list as a whole is refused.
			return nil, nil, csvError(path, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line, often at the end of an export
		}
		row := &patientRow{line: line}
		rows = append(rows, row)
		if len(rec) != len(header) {
			row.id = cols.field(rec, "id") // to name the row, if it is there
			row.err = fmt.Errorf("the row has %s, the header %d; quote fields that contain %q", count(len(rec), "field"), len(header), string(r.Comma))
			continue
		}
		row.id = cols.field(rec, "id")
		if err := cols.checkUTF8(r, rec); err != nil {
			row.err = err
			continue
		}
		row.name = firstNameFirst(cols.field(rec, "name"))
		if row.name == "" { // an export's first and last names
			row.name = strings.TrimSpace(cols.field(rec, "first_name") + " " + cols.field(rec, "last_name"))
		}
		row.visitDate = cols.field(rec, "visit_date")
		row.clinician = cols.field(rec, "clinician")
		row.notes = cols.field(rec, "notes")
		row.email = cols.field(rec, "email")
		row.protocol = cols.field(rec, "protocol")
		row.exercises = cols.field(rec, "exercises")
		row.style = cols.field(rec, "style")
		row.language = cols.field(rec, "language")
		if passwordColumn != "" {
			row.password = cols.field(rec, passwordColumn)
		}
		for h := range strings.SplitSeq(cols.field(rec, "handouts"), "|") {
			if h = strings.TrimSpace(h); h != "" {
				row.handouts = append(row.handouts, h)
			}
		}
		row.doses, row.err = parseDoseColumn(cols.field(rec, "doses"))
		if _, long := cols["exercise_id"]; long && row.err == nil {
			row.long, row.err = cols.readLongExercise(rec)
		}
	}
}

// csvError names the line of a CSV syntax error.
func csvError(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d: %v; the list cannot be read past this line (check the quotes)", path, pe.StartLine, pe.Err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// detectSeparator picks "," or ";" by counting them in the first line,
// outside quotes.
func detectSeparator(src []byte) rune {
	commas, semis, quoted := 0, 0, false
	for _, b := range src {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case b == ',':
			commas++
		case b == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// columns maps the known column names to their index in a record.
type columns map[string]int

func (c columns) field(rec []string, name string) string {
	if i, ok := c[name]; ok && i < len(rec) {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

// mapColumns reads the header. Names are matched without regard to case,
// with spaces, "-" and other punctuation read as "_" ("Visit Date" is
// visit_date, "Chart No." chart_no), and an export's names for the
// patient's columns as theirs (columnAliases). A column that is none of
// them is not read (unused, as written), unless its name holds one of
// prescriptionWords.
func mapColumns(path string, header []string, passwordColumn string, profileNames map[string]string) (cols columns, unused []string, err error) {
	cols = columns{}
	given := map[string]string{} // a column's name → the header's name for it, for a message
	var unknown []string
	long := slices.ContainsFunc(header, func(h string) bool {
		name := normalizeColumn(h)
		return name == "exercise_id" || profileNames[name] == "exercise_id"
	})
	for i, h := range header {
		name := normalizeColumn(h)
		if canonical, ok := profileNames[name]; ok {
			name = canonical
		} else if canonical, ok := columnAliases[name]; ok && (passwordColumn == "" || name != passwordColumn) {
			name = canonical
		}
		if canonical, ok := longAliases[name]; ok && long {
			if strings.HasSuffix(name, "_s") {
				cols[name] = i // hold_s: the values are seconds (columns.seconds)
			}
			name = canonical
		}
		switch {
		case name == "" || strings.HasPrefix(name, ignoredColumnPrefix):
			continue // "": a trailing separator in the header
		case !long && name != "order" && slices.Contains(longColumns, name):
			return nil, nil, fmt.Errorf("%s:1: column %q gives one exercise a line, and is read only in a list with an exercise_id column (README, \"A long list\"); "+
				"in this list write the doses in the exercises column (chin-tuck: reps 10; hold 5 s)", path, strings.TrimSpace(h))
		case slices.Contains(listColumns, name) || long && slices.Contains(longColumns, name) || passwordColumn != "" && name == passwordColumn:
		case slices.ContainsFunc(prescriptionWords, func(w string) bool { return strings.Contains(name, w) }):
			unknown = append(unknown, strconv.Quote(strings.TrimSpace(h)))
			continue
		default:
			unused = append(unused, strings.TrimSpace(h))
			continue
		}
		if first, dup := given[name]; dup {
			if normalizeColumn(first) == normalizeColumn(h) {
				return nil, nil, fmt.Errorf("%s:1: column %q appears twice", path, name)
			}
			return nil, nil, fmt.Errorf("%s:1: columns %q and %q both give the %s; keep one, or start the other's name with %q to have it ignored",
				path, first, strings.TrimSpace(h), name, ignoredColumnPrefix)
		}
		given[name] = strings.TrimSpace(h)
		cols[name] = i
	}
	if len(unknown) > 0 {
		return nil, nil, fmt.Errorf("%s:1: unknown column %s; the columns are %s (a column starting with %q is ignored)",
			path, strings.Join(unknown, ", "), strings.Join(listColumns, ", "), ignoredColumnPrefix)
	}
	needed := []string{"id"}
	if passwordColumn != "" {
		needed = append(needed, passwordColumn)
	}
	for _, need := range needed {
		if _, ok := cols[need]; !ok {
			return nil, nil, fmt.Errorf("%s:1: the header has no %q column; the columns are %s", path, need, strings.Join(listColumns, ", "))
		}
	}
	if _, ok := cols["exercises"]; ok && long {
		return nil, nil, fmt.Errorf("%s:1: the list has both an exercises column and exercise_id (one exercise a line); give the exercises one way", path)
	}
	if !long && !slices.ContainsFunc(contentColumns, func(c string) bool { _, ok := cols[c]; return ok }) {
		return nil, nil, fmt.Errorf("%s:1: the header has no %s column: one of them says what goes into each packet; the columns are %s",
			path, strings.Join(quoteAll(contentColumns), ", "), strings.Join(listColumns, ", "))
	}
	return cols, unused, nil
}

// nameSuffixes are what may follow a comma in a name written first name
// first ("John Smith, Jr."), so that firstNameFirst leaves it.
var nameSuffixes = []string{"jr", "sr", "ii", "iii", "iv", "v", "md", "phd", "dc", "pt", "dpt", "rn", "np", "esq"}

// firstNameFirst is a name as the pages print it: an export's "Díaz,
// Ana" (last name, comma, first names: one comma) is "Ana Díaz"; a name
// with no comma, more than one, or a suffix after it ("John Smith, Jr.")
// is as written.
func firstNameFirst(name string) string {
	last, first, ok := strings.Cut(name, ",")
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	if !ok || last == "" || first == "" || strings.Contains(first, ",") ||
		slices.Contains(nameSuffixes, strings.ToLower(strings.TrimSuffix(first, "."))) {
		return name
	}
	return first + " " + last
}

// checkListColumns checks a clinic profile's list_columns (an export's
// header name → the list's column) and returns them normalised as
// mapColumns matches names; source names the profile in messages.
func checkListColumns(source string, names map[string]string) (map[string]string, error) {
	if len(names) == 0 {
		return nil, nil
	}
	out := map[string]string{}
	for _, from := range slices.Sorted(maps.Keys(names)) {
		to := normalizeColumn(names[from])
		if !slices.Contains(listColumns, to) && !slices.Contains(longColumns, to) {
			return nil, fmt.Errorf("%s: list_columns: %q: %q is not a list column; the columns are %s",
				source, from, names[from], strings.Join(append(slices.Clone(listColumns), longColumns...), ", "))
		}
		out[normalizeColumn(from)] = to
	}
	return out, nil
}

// quoteAll quotes each of names, for a message.
func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strconv.Quote(n)
	}
	return out
}

// checkUTF8 reports the first field of rec the program reads (ignored
// columns are not) that is not UTF-8, with the line and byte of the bad
// character but not the text around it, which could be a name or a note.
func (c columns) checkUTF8(r *csv.Reader, rec []string) error {
	names := slices.SortedFunc(maps.Keys(c), func(a, b string) int { return c[a] - c[b] })
	for _, name := range names {
		i := c[name]
		if i >= len(rec) || utf8.ValidString(rec[i]) {
			continue
		}
		at := badUTF8(rec[i])
		line, _ := r.FieldPos(i)
		line += strings.Count(rec[i][:at], "\n") // a quoted field may span lines
		return fmt.Errorf("%q is not UTF-8 text (byte %d of the field, 0x%02X, on line %d); export the list as CSV UTF-8, or retype that character",
			name, at+1, rec[i][at], line)
	}
	return nil
}

// badUTF8 is the index of the first byte of s that is not UTF-8.
func badUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

// normalizeColumn is a header name as the program matches it: lower
// case, each run of characters other than letters and digits one "_",
// none at either end ("E-mail" is e_mail, "Chart No." chart_no).
func normalizeColumn(h string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			sep = false
			continue
		}
		sep = true
	}
	return b.String()
}

// parseDoseColumn reads "SECTION-ID: reps 5; hold 10 s | OTHER-ID: …".
// Only the shape is checked here; the dose text and the section IDs are
// checked against the row's handouts later.
func parseDoseColumn(s string) (map[string]string, error) {
	var doses map[string]string
	for part := range strings.SplitSeq(s, "|") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, text, ok := strings.Cut(part, ":")
		id = strings.TrimSpace(id)
		if !ok || id == "" || strings.ContainsAny(id, " \t") {
			return nil, fmt.Errorf(`doses: %q does not start with an exercise id; write "EXERCISE-ID: reps 5; hold 10 s", several separated by "|"`, clip(part, 40))
		}
		if doses == nil {
			doses = map[string]string{}
		}
		if _, dup := doses[id]; dup {
			return nil, fmt.Errorf("doses: exercise %q is given twice; keep one", id)
		}
		doses[id] = strings.TrimSpace(text)
	}
	return doses, nil
}

// clip shortens s for a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// jsonRow is one line of a JSON Lines list: the CSV columns, with the
// handouts as an array, the doses as an object, and the exercises as a
// programme file has them: a list of ids or of {"id", "dose", "side",
// "note"} objects, which content reads (render.Resolver.ProgrammeJSON),
// so that they are checked by the programme file's own code.
type jsonRow struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	VisitDate string            `json:"visit_date"`
	Clinician string            `json:"clinician"`
	Handouts  []string          `json:"handouts"`
	Protocol  string            `json:"protocol"`
	Exercises json.RawMessage   `json:"exercises"`
	Doses     map[string]string `json:"doses"`
	Style     string            `json:"style"`
	Language  string            `json:"language"`
	Notes     string            `json:"notes"`
	Email     string            `json:"email"`
}

// programme is the row's own programme as a JSON object of the programme
// file's keys, or nil when it has none.
func (jr jsonRow) programme() []byte {
	exercises := jr.Exercises
	if string(bytes.TrimSpace(exercises)) == "null" {
		exercises = nil
	}
	if strings.TrimSpace(jr.Protocol) == "" && len(exercises) == 0 {
		return nil
	}
	b, _ := json.Marshal(struct { // a string and JSON already read: cannot fail
		Protocol  string          `json:"protocol,omitempty"`
		Exercises json.RawMessage `json:"exercises,omitempty"`
	}{strings.TrimSpace(jr.Protocol), exercises})
	return b
}

// readJSONLines reads one JSON object per line; blank lines are skipped.
// Unknown keys are errors, for the same reason as unknown CSV columns.
func readJSONLines(path string, src []byte, passwordKey string) ([]*patientRow, error) {
	var rows []*patientRow
	lines := strings.Split(string(src), "\n")
	for i, text := range lines {
		if strings.TrimSpace(text) == "" {
			continue
		}
		row := &patientRow{line: i + 1}
		rows = append(rows, row)
		// Lines are split at "\n", which no bad byte can be; encoding/json
		// would turn a bad byte into U+FFFD without a word.
		if !utf8.ValidString(text) {
			at := badUTF8(text)
			row.err = fmt.Errorf("not UTF-8 text (byte %d of the line is 0x%02X); save the list as UTF-8, or retype that character", at+1, text[at])
			continue
		}
		// encoding/json keeps the last of two equal keys, so
		// {"id":"P1","id":"P2"} would make a packet for P2.
		if err := duplicateKey(text); err != nil {
			row.err = err
			continue
		}
		var jr jsonRow
		password, text, err := takeJSONKey(text, passwordKey)
		if err != nil {
			row.err = fmt.Errorf("not a JSON object with the list's keys (%s): %v", strings.Join(listColumns, ", "), jsonMessage(err))
			continue
		}
		dec := json.NewDecoder(strings.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&jr); err != nil {
			row.err = fmt.Errorf("not a JSON object with the list's keys (%s): %v", strings.Join(listColumns, ", "), jsonMessage(err))
			continue
		}
		if dec.More() {
			row.err = errors.New("more than one JSON value on the line; write one patient per line")
			continue
		}
		*row = patientRow{
			line: row.line, id: strings.TrimSpace(jr.ID), name: firstNameFirst(strings.TrimSpace(jr.Name)),
			visitDate: strings.TrimSpace(jr.VisitDate), clinician: strings.TrimSpace(jr.Clinician),
			notes: strings.TrimSpace(jr.Notes), email: strings.TrimSpace(jr.Email), password: password,
			protocol: strings.TrimSpace(jr.Protocol), programmeJSON: jr.programme(), style: strings.TrimSpace(jr.Style),
			language: strings.TrimSpace(jr.Language),
		}
		for _, h := range jr.Handouts {
			if h = strings.TrimSpace(h); h != "" {
				row.handouts = append(row.handouts, h)
			}
		}
		for id, text := range jr.Doses {
			if row.doses == nil {
				row.doses = map[string]string{}
			}
			row.doses[strings.TrimSpace(id)] = strings.TrimSpace(text)
		}
	}
	return rows, nil
}

// takeJSONKey removes key from the JSON object text and returns its string
// value and the rest, so that the strict decoding of the other keys is
// unchanged. key "" returns text as it is.
func takeJSONKey(text, key string) (string, string, error) {
	if key == "" {
		return "", text, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &obj); err != nil {
		return "", text, err
	}
	var v string
	if raw, ok := obj[key]; ok {
		if err := json.Unmarshal(raw, &v); err != nil {
			return "", text, fmt.Errorf("key %q should be a string", key)
		}
		delete(obj, key)
	}
	rest, err := json.Marshal(obj)
	return v, string(rest), err
}

// duplicateKey reports a key that appears twice in one object of a JSON
// value, at any depth ("doses.cat-and-cow"), as the CSV reader refuses a
// column given twice. Syntax errors are left to the decoding, which
// reports them.
func duplicateKey(text string) error {
	err := walkJSON(json.NewDecoder(strings.NewReader(text)), "")
	if _, dup := err.(duplicateKeyError); dup {
		return err
	}
	return nil
}

type duplicateKeyError struct{ key string }

func (e duplicateKeyError) Error() string {
	return fmt.Sprintf("key %q appears twice; keep one", e.key)
}

// walkJSON reads one value from dec, checking each object's keys.
func walkJSON(dec *json.Decoder, path string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		seen := map[string]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := tok.(string) // an object's keys are strings
			name := key
			if path != "" {
				name = path + "." + key
			}
			if seen[key] {
				return duplicateKeyError{name}
			}
			seen[key] = true
			if err := walkJSON(dec, name); err != nil {
				return err
			}
		}
	case json.Delim('['):
		for dec.More() {
			if err := walkJSON(dec, path); err != nil {
				return err
			}
		}
	default:
		return nil // a string, number, true, false or null
	}
	_, err = dec.Token() // the closing '}' or ']'
	return err
}

// jsonMessage keeps the part of a decoding error that names the problem,
// not the value: a value could be a patient's name. What a value should
// be is said in JSON's words, with an example, never in Go's
// ("batch.jsonRow", "[]string").
func jsonMessage(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		got := jsonKind(te.Value)
		switch {
		case te.Field == "":
			return `write one object per line, {"id": "…", "visit_date": "YYYY-MM-DD", "handouts": ["…"]}, not ` + got
		case te.Type.Kind() == reflect.Slice:
			return fmt.Sprintf(`%q should be an array of strings, e.g. ["mid-back-pain"], not %s`, te.Field, got)
		case te.Type.Kind() == reflect.Map:
			return fmt.Sprintf(`%q should be an object of exercise ids and doses, e.g. {"cat-and-cow": "reps 8"}, not %s`, te.Field, got)
		case te.Field == "handouts":
			return fmt.Sprintf(`"handouts" should hold strings in double quotes, e.g. ["mid-back-pain"], not %s`, got)
		case strings.HasPrefix(te.Field, "doses."):
			return fmt.Sprintf(`%q should be a dose in double quotes, e.g. "reps 8", not %s`, te.Field, got)
		}
		return fmt.Sprintf("%q should be a string in double quotes, not %s", te.Field, got)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("syntax error at byte %d", se.Offset)
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "json: unknown field ") {
		return strings.TrimPrefix(msg, "json: ")
	}
	return "cannot be read"
}

// jsonKind names the kind of JSON value encoding/json saw ("array",
// "number 300", …) with its article, and without the value itself.
func jsonKind(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "array", "object":
		return "an " + kind
	case "number", "string":
		return "a " + kind
	case "bool":
		return "true or false"
	}
	return "another kind of value"
}
