package batch

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"handout/internal/atomicfile"
	"handout/internal/pdftest"
	"handout/render"
)

// testPlan checks a list as a batch into outDir would, with the sample
// clinic and the default settings.
func testPlan(t *testing.T, list, outDir string) (*Batch, *planner, []*plannedRow) {
	t.Helper()
	s, err := New(Options{List: list, OutDir: outDir, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	clinic, err := render.LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlanner(s, newTestEngine(t), clinic)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readPatientList(list)
	if err != nil {
		t.Fatal(err)
	}
	return s, p, p.plan(rows)
}

// TestBatchPanicIsOneRow makes a packet with an engine that panics: the
// row fails with a message, the program goes on.
func TestBatchPanicIsOneRow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := pdftest.WriteList(t, dir, pdftest.Patients(1))
	s, p, plan := testPlan(t, list, dir)
	out, err := openOutput(dir, shard{}, plan, atomicDisk())
	if err != nil {
		t.Fatal(err)
	}
	defer out.closeJournal()
	p.eng = &render.Engine{} // no fonts, no writer: rendering panics
	res := s.makePacket(p, out, plan[0])
	if res.err == nil || !strings.Contains(res.err.Error(), "internal error") {
		t.Fatalf("err = %v, want an internal error", res.err)
	}
}

func TestReadPatientList(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, src string) string { return writeTestFile(t, dir, name, src) }
	// A spreadsheet's export: BOM, ";", CRLF, a quoted field with the
	// separator and a line break, header names as people write them, an
	// ignored column and a blank line.
	rows, err := readPatientList(write("semi.csv", "\uFEFFID;Name;Visit Date;Handouts;Doses;X_Phone\r\n"+
		"P1;\"Díaz; Ana\";2026-11-25;mid-back-pain | builtin:mid-back-pain ;\"cat-and-cow: reps 5; hold 10 s\r\n| face-down-back-bends: reps 2\";555\r\n\r\n"+
		"P2;Bo;2026-11-26;mid-back-pain;;\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	r := rows[0]
	if r.line != 2 || r.id != "P1" || r.name != "Díaz; Ana" || r.visitDate != "2026-11-25" || r.err != nil ||
		!slices.Equal(r.handouts, []string{"mid-back-pain", "builtin:mid-back-pain"}) ||
		r.doses["cat-and-cow"] != "reps 5; hold 10 s" || r.doses["face-down-back-bends"] != "reps 2" {
		t.Errorf("row 1 = %+v", *r)
	}
	if rows[1].line != 5 || rows[1].id != "P2" {
		t.Errorf("row 2 at line %d, id %q; want line 5 (after a two-line field and a blank line)", rows[1].line, rows[1].id)
	}

	for _, c := range []struct{ name, src, want string }{
		{"typo.csv", "id,handout,dose\n1,a,b\n", `typo.csv:1: unknown column "handout", "dose"; the columns are id, name`},
		{"noid.csv", "name,handouts\nA,b\n", `noid.csv:1: the header has no "id" column`},
		{"dup.csv", "id,handouts,ID\n", `column "id" appears twice`},
		{"quote.csv", "id,handouts\nP1,mid\"back\nP2,x\n", `quote.csv:2: bare " in non-quoted-field; the list cannot be read past this line`},
		{"empty.csv", "", "the list is empty"},
		{"header.csv", "id,handouts\n", "the list has no rows"},
		{"latin1.csv", "id,n\xe4me,handouts\nP1,D\xedaz,x\n", "latin1.csv:1: the header is not UTF-8 text"},
		{"nothing.csv", "id,name,visit_date\nP1,Ana,2026-11-25\n", `nothing.csv:1: the header has no "handouts", "protocol", "exercises" column: one of them says what goes into each packet`},
	} {
		_, err := readPatientList(write(c.name, c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	// One programme per patient, without a handouts column: the protocol,
	// the exercises and the style are read as written.
	rows, err = readPatientList(write("protocol.csv", "id,visit_date,protocol,exercises,style\nP1,2026-11-25,neck-pain,chin-tuck: reps 10 | bird-dog,article\n"))
	if err != nil || len(rows) != 1 || rows[0].protocol != "neck-pain" || rows[0].exercises != "chin-tuck: reps 10 | bird-dog" || rows[0].style != "article" || rows[0].err != nil {
		t.Errorf("protocol.csv: %+v, %v", rows, err)
	}
	if _, err := readPatientList(filepath.Join(dir, "missing.csv")); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing list: err = %v", err)
	}
}

func TestParseDoseColumn(t *testing.T) {
	t.Parallel()
	d, err := parseDoseColumn(" cat-and-cow: reps 5; hold 10 s | | the-wheel-pose:hold 3 breaths ")
	if err != nil || len(d) != 2 || d["cat-and-cow"] != "reps 5; hold 10 s" || d["the-wheel-pose"] != "hold 3 breaths" {
		t.Errorf("= %v, %v", d, err)
	}
	for in, want := range map[string]string{
		"reps 5":                   "does not start with an exercise id",
		"cat and cow: reps 5":      "does not start with an exercise id",
		"a: reps 1 | a: reps 2":    `exercise "a" is given twice`,
		": reps 5 | b: reps 2":     "does not start with an exercise id",
		"cat-and-cow reps 5; hold": "does not start with an exercise id",
	} {
		if _, err := parseDoseColumn(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseDoseColumn(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestNameTemplate(t *testing.T) {
	t.Parallel()
	r := &patientRow{id: "P0042", name: "Ana María O'Brien / Díaz", visitDate: "2026-11-25", handouts: []string{"mid-back-pain", "../knee/Knee Care.md"}}
	for tmpl, want := range map[string]string{
		"{date}-{id}.pdf":                 "2026-11-25-P0042.pdf",
		"{id}":                            "P0042.pdf",
		"{id}_{name}.pdf":                 "P0042_Ana-María-O-Brien-Díaz.pdf",
		"{id}-{handout}":                  "P0042-mid-back-pain+Knee-Care.pdf",
		"clinic+{id}.{date}.pdf":          "clinic+P0042.2026-11-25.pdf",
		"{id}" + strings.Repeat("x", 300): "P0042" + strings.Repeat("x", maxNameBytes-5) + ".pdf",
	} {
		nt, err := parseNameTemplate(tmpl)
		if err != nil {
			t.Errorf("parseNameTemplate(%q): %v", tmpl, err)
			continue
		}
		if got := nt.file(r); got != want {
			t.Errorf("%q → %q, want %q", tmpl, got, want)
		}
	}
	// A row's own programme is first in the packet and in {handout}: its
	// protocol, or "exercises".
	nt, _ := parseNameTemplate("{id}-{handout}")
	for _, c := range []struct {
		row  patientRow
		want string
	}{
		{patientRow{id: "P1", protocol: "neck-pain", handouts: []string{"mid-back-pain"}}, "P1-neck-pain+mid-back-pain.pdf"},
		{patientRow{id: "P2", exercises: "chin-tuck | bird-dog"}, "P2-exercises.pdf"},
	} {
		if got := nt.file(&c.row); got != c.want {
			t.Errorf("{id}-{handout} of %s → %q, want %q", c.row.id, got, c.want)
		}
	}
	// A misspelt placeholder is named as unknown, with the known ones,
	// even when it leaves the template without {id}.
	for _, bad := range []string{"{patient}.pdf", "{id}-{patient}.pdf"} {
		_, err := parseNameTemplate(bad)
		if err == nil || !strings.Contains(err.Error(), "unknown placeholder {patient}; the placeholders are {id} {date} {name} {handout}") {
			t.Errorf("parseNameTemplate(%q) = %v, want the unknown placeholder named", bad, err)
		}
	}
	for _, bad := range []string{"{date}.pdf", "{id}-{patient}.pdf", "../{id}.pdf", "out/{id}.pdf", ".{id}.pdf", "{id} {date}.pdf", "{id}}.pdf"} {
		if _, err := parseNameTemplate(bad); err == nil {
			t.Errorf("parseNameTemplate(%q) succeeded", bad)
		}
	}
}

func TestShard(t *testing.T) {
	t.Parallel()
	if _, err := parseShard("3/3"); err == nil {
		t.Error("3/3 accepted")
	}
	for _, bad := range []string{"1", "-1/3", "a/b", "0/0", "1/3/4"} {
		if _, err := parseShard(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	counts := make([]int, 3)
	for i := range 300 {
		id := "P" + strconv.Itoa(i)
		n := 0
		for k := range 3 {
			if (shard{k, 3}).has(id) {
				counts[k]++
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%s is in %d shards", id, n)
		}
	}
	for k, c := range counts {
		if c < 70 {
			t.Errorf("shard %d has %d of 300 ids: the hash spreads badly", k, c)
		}
	}
	if !(shard{0, 3}).has("") || (shard{1, 3}).has("") {
		t.Error("a row without an id is not reported by shard 0 alone")
	}
}

// TestManifestIsJSON guards the manifest's shape, which other tools read.
func TestManifestIsJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(manifest{Format: manifestFormat, Rows: []manifestRow{{ID: "P1", File: "f.pdf", Pages: 9, PDF: "a", Inputs: "b"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format":"handout-batch-manifest/1","rows":[{"id":"P1","file":"f.pdf","pages":9,"pdf_sha256":"a","inputs_sha256":"b"}]}`
	if string(b) != want {
		t.Errorf("manifest JSON = %s\nwant %s", b, want)
	}
	if regexp.MustCompile(`[0-9]{4}-[0-9]{2}-[0-9]{2}T`).Match(b) {
		t.Error("the manifest has a time stamp")
	}
}

// TestPlannerSharesHandouts checks that a handout is parsed once per run
// however a row names it, and that naming it twice in a row is an error.
func TestPlannerSharesHandouts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rows := pdftest.Patients(4)
	rows[1].Handouts = "builtin:mid-back-pain"
	rows[2].Handouts = "mid-back-pain|builtin:mid-back-pain"
	list := pdftest.WriteList(t, dir, rows)
	_, p, plan := testPlan(t, list, dir)
	if len(p.handouts) != 1 {
		t.Errorf("%d handouts parsed, want 1", len(p.handouts))
	}
	if plan[0].entries[0] != plan[1].entries[0] || plan[0].entries[0] != plan[3].entries[0] {
		t.Error("rows do not share the parsed handout")
	}
	if plan[2].err == nil || !strings.Contains(plan[2].err.Error(), "listed twice") {
		t.Errorf("row 3: err = %v, want listed twice", plan[2].err)
	}
	if plan[0].inputs == plan[3].inputs || len(plan[0].inputs) != 64 {
		t.Errorf("two patients have the same inputs hash %q", plan[0].inputs)
	}
}

func newTestEngine(t testing.TB) *render.Engine {
	t.Helper()
	e, err := render.NewEngine("")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestMessagesCountInEnglish: one row is "1 row", not "1 rows", in every
// message that counts.
func TestMessagesCountInEnglish(t *testing.T) {
	t.Parallel()
	s := &Batch{Options: Options{List: "p.csv", Send: true, DryRun: true}}
	one := []*plannedRow{{patientRow: &patientRow{line: 2, id: "P1"}}}
	var b strings.Builder
	_ = s.report(&b, one, tally{written: 1, mailSent: 1}, time.Second, false)
	for _, want := range []string{"handout: 1 row: 1 written,", "1 .eml file written, 0 not written"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	for _, c := range []struct {
		err  error
		want string
	}{
		{s.report(io.Discard, one, tally{}, time.Second, true), "interrupted with 1 row not done"},
		{s.report(io.Discard, one, tally{failures: []*rowError{{line: 2, err: io.EOF}}}, time.Second, false), "the only row failed"},
		{&PartialError{Failed: 1, Total: 1}, "1 of 1 row failed"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("err = %v, want %q", c.err, c.want)
		}
	}
	rows, _, err := readCSV("p.csv", []byte("id,handouts\nP1\n"), listOptions{})
	if err != nil || len(rows) != 1 || rows[0].err == nil || !strings.Contains(rows[0].err.Error(), "the row has 1 field, the header 2") {
		t.Errorf("short row: %v, %v", rows, err)
	}
	dir := t.TempDir()
	if err := saveManifest(filepath.Join(dir, "manifest-0-of-1.json"), manifest{Format: manifestFormat, Shard: "0/1", Rows: []manifestRow{{ID: "P1"}}}, atomicfile.Write); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := MergeManifests(dir, &b); err != nil || !strings.Contains(b.String(), "merged 1 shard manifest (1 row) into") {
		t.Errorf("merge: %v: %s", err, b.String())
	}
}

// TestListRowProblems: a bad byte or a bad JSON value is the problem of
// its row, reported with its line and what to write instead; the other
// rows are read.
func TestListRowProblems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	read := func(name, src, pwKey string) []*patientRow {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		rows, _, err := readPatientListWith(path, listOptions{passwordColumn: pwKey})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return rows
	}
	check := func(rows []*patientRow, line int, want string) {
		t.Helper()
		for _, r := range rows {
			if r.line == line {
				if r.err == nil || !strings.Contains(r.err.Error(), want) {
					t.Errorf("line %d: err = %v, want %q", line, r.err, want)
				}
				return
			}
		}
		t.Errorf("no row at line %d", line)
	}
	ok := func(rows []*patientRow, line int, id string) {
		t.Helper()
		for _, r := range rows {
			if r.line == line && (r.err != nil || r.id != id) {
				t.Errorf("line %d: id %q, err %v; want %s read", line, r.id, r.err, id)
			}
		}
	}

	// CSV: a Latin-1 byte in row 2 and one in the second line of a quoted
	// field; the rows around them are read. Ignored columns are not checked.
	csvRows := read("bytes.csv", "id,name,visit_date,handouts,notes,x_raw\n"+
		"P1,Ana,2026-11-25,mid-back-pain,,\xff\n"+
		"P2,D\xedaz,2026-11-25,mid-back-pain,,\n"+
		"P3,Bo,2026-11-25,mid-back-pain,\"first line\nsecond \xe9 line\",\n"+
		"P4,Cy,2026-11-25,mid-back-pain,,\n", "")
	ok(csvRows, 2, "P1")
	check(csvRows, 3, `"name" is not UTF-8 text (byte 2 of the field, 0xED, on line 3); export the list as CSV UTF-8`)
	if csvRows[1].id != "P2" {
		t.Errorf("the row with a bad byte is not named by its id: %q", csvRows[1].id)
	}
	check(csvRows, 4, `"notes" is not UTF-8 text (byte 19 of the field, 0xE9, on line 5)`)
	ok(csvRows, 6, "P4")
	if strings.Contains(csvRows[1].err.Error(), "az") {
		t.Errorf("the message quotes the name: %v", csvRows[1].err)
	}

	// JSON Lines: a bad byte, duplicate keys (at the top and in doses),
	// and values of the wrong kind, each said in JSON's words.
	jl := read("rows.jsonl", `{"id":"J1","visit_date":"2026-11-25","handouts":["mid-back-pain"]}`+"\n"+
		`{"id":"J2","name":"D`+"\xed"+`az","visit_date":"2026-11-25","handouts":["mid-back-pain"]}`+"\n"+
		`{"id":"P1","id":"P2","visit_date":"2026-11-25","handouts":["mid-back-pain"]}`+"\n"+
		`{"id":"J4","visit_date":"2026-11-25","handouts":["mid-back-pain"],"doses":{"cat-and-cow":"reps 1","cat-and-cow":"reps 2"}}`+"\n"+
		`["J5"]`+"\n"+
		`{"id":"J6","visit_date":"2026-11-25","handouts":"mid-back-pain"}`+"\n"+
		`{"id":"J7","visit_date":"2026-11-25","handouts":[7]}`+"\n"+
		`{"id":"J8","visit_date":"2026-11-25","handouts":["mid-back-pain"],"doses":["reps 3"]}`+"\n"+
		`{"id":"J9","visit_date":"2026-11-25","handouts":["mid-back-pain"],"pw":"a","pw":"b"}`+"\n", "pw")
	ok(jl, 1, "J1")
	check(jl, 2, "not UTF-8 text (byte 21 of the line is 0xED); save the list as UTF-8")
	check(jl, 3, `key "id" appears twice; keep one`)
	check(jl, 4, `key "doses.cat-and-cow" appears twice; keep one`)
	check(jl, 5, `write one object per line, {"id": "…", "visit_date": "YYYY-MM-DD", "handouts": ["…"]}, not an array`)
	check(jl, 6, `"handouts" should be an array of strings, e.g. ["mid-back-pain"], not a string`)
	check(jl, 7, `"handouts" should hold strings in double quotes, e.g. ["mid-back-pain"], not a number`)
	check(jl, 8, `"doses" should be an object of exercise ids and doses, e.g. {"cat-and-cow": "reps 8"}, not an array`)
	check(jl, 9, `key "pw" appears twice; keep one`)
	for _, r := range jl {
		if r.err != nil && (strings.Contains(r.err.Error(), "batch.") || strings.Contains(r.err.Error(), "[]string") || strings.Contains(r.err.Error(), "a array")) {
			t.Errorf("line %d: a Go type in %v", r.line, r.err)
		}
	}
}

// TestJournalIsNotFollowed: a link planted where the manifest journal
// goes is refused, and what it points at is not written to.
func TestJournalIsNotFollowed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := pdftest.WriteList(t, dir, pdftest.Patients(1))
	_, _, plan := testPlan(t, list, dir)
	victim := filepath.Join(dir, "victim")
	if err := os.WriteFile(victim, []byte("keep\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(victim, filepath.Join(dir, journalName(shard{}))); err != nil {
		t.Fatal(err)
	}
	out, err := openOutput(dir, shard{}, plan, atomicDisk())
	if err == nil {
		out.record([]manifestRow{{ID: "P0001", File: "x.pdf"}})
		out.closeJournal()
	}
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v, want the link refused", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep\n" {
		t.Errorf("the link's target was written: %q", b)
	}
}

// TestPlanChecksVisitFields: a name, clinician or note too long for the
// cover, or not UTF-8, fails its row before any packet is made, naming the
// column but not the text.
func TestPlanChecksVisitFields(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rows := pdftest.Patients(3)
	rows[0].Name = strings.Repeat("Ana ", 26)
	rows[1].Notes = strings.Repeat("note ", 401)
	list := pdftest.WriteList(t, dir, rows)
	_, _, plan := testPlan(t, list, dir)
	for i, want := range []string{"name is 103 characters long; at most 100", "notes is 2004 characters long; at most 2000", ""} {
		err := plan[i].err
		switch {
		case want == "" && err != nil:
			t.Errorf("row %d: err = %v, want none", i+1, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("row %d: err = %v, want %q", i+1, err, want)
		case err != nil && (strings.Contains(err.Error(), "Ana") || strings.Contains(err.Error(), "note note")):
			t.Errorf("row %d: the message repeats the text: %v", i+1, err)
		}
	}
}

// TestStyleColumn: a row's style column gives its packet that layout
// style, changes the row's inputs hash, and a style that does not exist
// fails that row only, saying which there are.
func TestStyleColumn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := filepath.Join(dir, "p.csv")
	src := "id,visit_date,handouts,style\n" +
		"P1,2026-11-25,mid-back-pain,\n" +
		"P2,2026-11-25,mid-back-pain,large-print\n" +
		"P3,2026-11-25,mid-back-pain,poster\n"
	if err := os.WriteFile(list, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	_, p, plan := testPlan(t, list, dir)
	if plan[0].err != nil || plan[1].err != nil {
		t.Fatalf("rows 1 and 2: %v, %v", plan[0].err, plan[1].err)
	}
	if err := plan[2].err; err == nil || !strings.Contains(err.Error(), `p.csv:4 (id P3): style "poster" does not exist; use article or sheet or large-print`) {
		t.Errorf("row 3: err = %v", err)
	}
	if plan[0].inputs == plan[1].inputs {
		t.Error("the style column does not change the row's inputs hash")
	}
	for i, want := range []string{"article", "large-print"} {
		j, err := p.job(plan[i])
		if err != nil {
			t.Fatal(err)
		}
		if j.Style != want {
			t.Errorf("row %d: style %q, want %q", i+1, j.Style, want)
		}
	}
}

// TestReadPracticeExport: a practice-management system's export is read
// as it is saved: its names for the patient's columns are the list's, a
// first and a last name make the name, and its other columns (a date of
// birth, a phone, an insurance number) are not read at all, even when
// their text is not UTF-8, and are named once. A column whose name says
// it is a prescription's is still an error.
func TestReadPracticeExport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, src string) string { return writeTestFile(t, dir, name, src) }
	src := "Patient ID,First Name,Last Name,Date of Birth,E-mail,Mobile,Medicare No.,Appointment Date,Practitioner,Preferred Language,Protocol\n" +
		"1042,Ana,Díaz,1980-02-03,ana@example.org,0400 000 000,2123 45678 1,2026-12-04,Dr. Karin Drummond,es,neck-pain\n" +
		"1043,Bo,,1975-\xe9-01,,,,2026-12-04,,,neck-pain\n"
	rows, unused, err := readPatientListWith(write("cliniko.csv", src), listOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	r := rows[0]
	if r.id != "1042" || r.name != "Ana Díaz" || r.email != "ana@example.org" || r.visitDate != "2026-12-04" ||
		r.clinician != "Dr. Karin Drummond" || r.language != "es" || r.protocol != "neck-pain" || r.err != nil {
		t.Errorf("row 1 = %+v", *r)
	}
	if r := rows[1]; r.name != "Bo" || r.err != nil {
		t.Errorf("row 2 (a first name only, a date of birth that is not UTF-8): name %q, err %v", r.name, r.err)
	}
	if want := []string{"Date of Birth", "Mobile", "Medicare No."}; !slices.Equal(unused, want) {
		t.Errorf("unused columns %q, want %q", unused, want)
	}

	for _, c := range []struct{ name, src, want string }{
		{"two-ids.csv", "Patient ID,Chart Number,protocol\n1,2,neck-pain\n", `columns "Patient ID" and "Chart Number" both give the id; keep one`},
		{"exercise-list.csv", "id,Exercise List,protocol\n1,a,neck-pain\n", `unknown column "Exercise List"`},
		{"handout.csv", "id,handout\n1,a\n", `unknown column "handout"`},
	} {
		if _, _, err := readPatientListWith(write(c.name, c.src), listOptions{}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	// A name column wins over the first and last names.
	both := write("both.csv", "id,Patient Name,First Name,Surname,protocol\n1,Ana María Díaz,Ana,Díaz,neck-pain\n")
	if rows, _, err := readPatientListWith(both, listOptions{}); err != nil {
		t.Fatalf("both.csv: %v", err)
	} else if rows[0].name != "Ana María Díaz" {
		t.Errorf("both.csv: name %q; want the Patient Name column's", rows[0].name)
	}
}

// TestFirstNameFirst: an export's "Last, First" prints first name first;
// a suffix after the comma, or more than one comma, is left as written.
func TestFirstNameFirst(t *testing.T) {
	for in, want := range map[string]string{
		"Díaz, Ana":           "Ana Díaz",
		"García López, Ana M": "Ana M García López",
		"Ana Díaz":            "Ana Díaz",
		"John Smith, Jr.":     "John Smith, Jr.",
		"John Smith, III":     "John Smith, III",
		"Smith, John, Jr.":    "Smith, John, Jr.",
		"Díaz,":               "Díaz,",
		"":                    "",
	} {
		if got := firstNameFirst(in); got != want {
			t.Errorf("firstNameFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// writeTestFile writes src as dir/name and returns its path.
func writeTestFile(t testing.TB, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestLongOrder: a long list's lines with an order come first, by it;
// those without follow in the list's order.
func TestLongOrder(t *testing.T) {
	line := func(n int, id string, order int, has bool) *patientRow {
		return &patientRow{line: n, id: "P1", long: &longExercise{id: id, order: order, hasOrder: has}}
	}
	rows := groupLong([]*patientRow{line(2, "cat-cow", 0, false), line(3, "bird-dog", 2, true), line(4, "chin-tuck", 0, false), line(5, "glute-bridge", 1, true)})
	var got []string
	for _, l := range rows[0].longLines {
		got = append(got, l.id)
	}
	if want := []string{"glute-bridge", "bird-dog", "cat-cow", "chin-tuck"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
