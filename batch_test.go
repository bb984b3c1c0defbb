package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"handout/internal/pdftest"
	"handout/render"
)

// listRow is one patient of a generated list.
type listRow struct {
	id, name, date, clinician, handouts, doses, notes, email string
	extra                                                    []string // fields past the header, to make a broken row
}

var listHeader = []string{"id", "name", "visit_date", "clinician", "handouts", "doses", "notes", "email"}

// patients generates n good rows: ids P0001…, mid-back-pain, a dose
// override on every fourth row.
func patients(n int) []listRow {
	rows := make([]listRow, n)
	for i := range rows {
		rows[i] = listRow{
			id: fmt.Sprintf("P%04d", i+1), name: fmt.Sprintf("Test Patient %d", i+1), date: "2026-11-25",
			clinician: "Dr. Karin Drummond", handouts: "mid-back-pain", notes: "Twice a day for two weeks.",
			email: fmt.Sprintf("p%d@example.com", i+1),
		}
		if i%4 == 1 {
			rows[i].doses = fmt.Sprintf("cat-and-cow: reps %d; daily 2 | face-down-back-bends: reps 2 rounds", 3+i%5)
		}
	}
	return rows
}

// writeList writes rows as a CSV list into dir; line i+2 holds rows[i].
func writeList(t testing.TB, dir string, rows []listRow) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(listHeader)
	for _, r := range rows {
		_ = w.Write(append([]string{r.id, r.name, r.date, r.clinician, r.handouts, r.doses, r.notes, r.email}, r.extra...))
	}
	w.Flush()
	path := filepath.Join(dir, "patients.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// batchCLI runs `handout batch` in process and returns the exit code and
// standard error.
func batchCLI(t testing.TB, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := exitCode(run(append([]string{"batch"}, args...), &out, &errb), &errb)
	if out.Len() > 0 {
		t.Errorf("batch wrote to standard output: %q", out.String())
	}
	return code, errb.String()
}

// readTree returns the files of dir by name, with their bytes.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// checkManifest reads the manifest in dir and checks it against the
// folder: every row's file there with its checksum, ids sorted, and
// exactly the PDFs of wantIDs. It returns the rows by id.
func checkManifest(t testing.TB, dir, name string, wantIDs []string) map[string]manifestRow {
	t.Helper()
	m, err := readManifest(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]manifestRow{}
	var ids []string
	for _, r := range m.Rows {
		ids = append(ids, r.ID)
		byID[r.ID] = r
		b, err := os.ReadFile(filepath.Join(dir, r.File))
		if err != nil {
			t.Errorf("manifest row %s: %v", r.ID, err)
			continue
		}
		if hashBytes(b) != r.PDF {
			t.Errorf("manifest row %s: checksum does not match %s", r.ID, r.File)
		}
		if len(r.Inputs) != 64 || r.Pages < 3 {
			t.Errorf("manifest row %s: inputs %q, %d pages", r.ID, r.Inputs, r.Pages)
		}
	}
	if !slices.IsSorted(ids) {
		t.Error("manifest rows are not sorted by id")
	}
	want := slices.Sorted(slices.Values(wantIDs))
	if !slices.Equal(ids, want) {
		t.Errorf("manifest has %d rows, want %d:\n got %v\nwant %v", len(ids), len(want), ids, want)
	}
	return byID
}

// pdfNames lists the PDFs in dir.
func pdfNames(t testing.TB, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	return names
}

func size(short, long int) int {
	if testing.Short() {
		return short
	}
	return long
}

// TestBatchBadRows is issue 5's list: 200 patients (40 with -short), 10
// of them bad in different ways. The good ones are written, the bad ones
// reported by line and id, exit code 3, and the manifest lists exactly
// the good ones.
func TestBatchBadRows(t *testing.T) {
	dir := t.TempDir()
	rows := patients(size(40, 200))
	type bad struct {
		at   int    // index in rows; the line is at+2
		id   string // the id the message names, "" for none
		want string
	}
	bads := []bad{
		{at: 3, want: "the id is missing"},
		{at: 7, id: "P0008", want: `unknown handout "mid-bak-pain"; built-in handouts: mid-back-pain`},
		{at: 11, id: "P0012", want: `visit_date "25/11/2026": write the date as YYYY-MM-DD`},
		{at: 14, id: "P0015", want: `doses: no exercise "cat-cow"`},
		{at: 18, id: "P0019", want: `dose for "cat-and-cow": dose key "rep" is unknown`},
		{at: 21, id: "P0022", want: "the row has 9 fields, the header 8"},
		// Two rows with one id: both fail, neither is guessed right.
		{at: 24, id: "P0025", want: "id P0025 is on lines 26, 28"},
		{at: 26, id: "P0025", want: "id P0025 is on lines 26, 28"},
		// Ids differing in case only: one file name on macOS and Windows.
		{at: 30, id: "P0031", want: "lines 32, 33 would all be written to"},
		{at: 31, id: "p0031", want: "lines 32, 33 would all be written to"},
	}
	rows[3].id = ""
	rows[7].handouts = "mid-back-pain|mid-bak-pain"
	rows[11].date = "25/11/2026"
	rows[14].doses = "cat-cow: reps 3"
	rows[18].doses = "cat-and-cow: rep 3"
	rows[21].extra = []string{"stray"}
	rows[26].id = "P0025"
	rows[31].id = "p0031"
	list := writeList(t, dir, rows)
	out := filepath.Join(dir, "out")

	code, stderr := batchCLI(t, list, "--out-dir", out, "--jobs", "2")
	if code != exitPartial {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(bads)+2 {
		t.Fatalf("stderr has %d lines, want %d failures, the summary and the exit line:\n%s", len(lines), len(bads), stderr)
	}
	for i, b := range bads {
		prefix := fmt.Sprintf("handout: %s:%d: ", list, b.at+2)
		if b.id != "" {
			prefix = fmt.Sprintf("handout: %s:%d (id %s): ", list, b.at+2, b.id)
		}
		if !strings.HasPrefix(lines[i], prefix) || !strings.Contains(lines[i], b.want) {
			t.Errorf("failure line %d = %q\nwant prefix %q and %q", i+1, lines[i], prefix, b.want)
		}
	}
	good := len(rows) - len(bads)
	summary := fmt.Sprintf("handout: %d rows: %d written, 0 skipped, %d failed in ", len(rows), good, len(bads))
	if !strings.HasPrefix(lines[len(bads)], summary) {
		t.Errorf("summary = %q, want it to start %q", lines[len(bads)], summary)
	}

	var wantIDs []string
	isBad := map[int]bool{}
	for _, b := range bads {
		isBad[b.at] = true
	}
	for i, r := range rows {
		if !isBad[i] {
			wantIDs = append(wantIDs, r.id)
		}
	}
	byID := checkManifest(t, out, "manifest.json", wantIDs)
	if n := len(pdfNames(t, out)); n != good {
		t.Errorf("%d PDFs in the folder, want %d", n, good)
	}
	if r := byID["P0001"]; r.File != "2026-11-25-P0001.pdf" {
		t.Errorf("P0001 written to %q, want 2026-11-25-P0001.pdf (the default template)", r.File)
	}
	validatePDF(t, readTree(t, out)["2026-11-25-P0002.pdf"])
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("output folder mode %v, want 0700", fi.Mode().Perm())
	}
	_ = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if fi, _ := d.Info(); err == nil && !d.IsDir() && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", d.Name(), fi.Mode().Perm())
		}
		return err
	})
	if _, err := os.Stat(filepath.Join(out, journalName(shard{}))); err == nil {
		t.Error("the journal is left after a finished run")
	}
}

// TestBatchRunsAgain covers running a list again: the same bytes in
// another folder; nothing rewritten in the same folder; --resume skipping
// without rendering; a changed row replacing its own packet; and a file
// the batch did not make left alone without --force.
func TestBatchRunsAgain(t *testing.T) {
	dir := t.TempDir()
	rows := patients(size(4, 16))
	list := writeList(t, dir, rows)
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, out := range []string{a, b} {
		if code, stderr := batchCLI(t, list, "--out-dir", out); code != 0 {
			t.Fatalf("exit code %d: %s", code, stderr)
		}
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(rows)+1 {
		t.Fatalf("%d files, want %d packets and the manifest", len(ta), len(rows))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two runs of the same list", name)
		}
	}

	n := len(rows)
	expect := func(args []string, code int, summary string) string {
		t.Helper()
		got, stderr := batchCLI(t, append([]string{list, "--out-dir", a}, args...)...)
		if got != code || !strings.Contains(stderr, summary) {
			t.Fatalf("batch %v: exit %d, stderr:\n%s\nwant exit %d and %q", args, got, stderr, code, summary)
		}
		return stderr
	}
	expect(nil, 0, fmt.Sprintf("%d rows: 0 written, %d skipped, 0 failed", n, n))
	expect([]string{"--resume"}, 0, fmt.Sprintf("%d rows: 0 written, %d skipped, 0 failed", n, n))
	if !bytes.Equal(readTree(t, a)["manifest.json"], ta["manifest.json"]) {
		t.Error("the manifest changed though nothing did")
	}

	// A changed dose: the row's own packet is replaced, no --force needed.
	rows[2].doses = "cat-and-cow: reps 12"
	writeList(t, dir, rows)
	expect([]string{"--resume"}, 0, fmt.Sprintf("%d rows: 1 written, %d skipped, 0 failed", n, n-1))
	if bytes.Equal(readTree(t, a)[rows[2].date+"-"+rows[2].id+".pdf"], ta[rows[2].date+"-"+rows[2].id+".pdf"]) {
		t.Error("the changed row's packet was not made again")
	}

	// A file someone else put there is not replaced without --force.
	foreign := filepath.Join(a, "2026-11-25-P0001.pdf")
	if err := os.WriteFile(foreign, []byte("%PDF-1.4 someone else's"), 0o600); err != nil {
		t.Fatal(err)
	}
	stderr := expect(nil, exitPartial, fmt.Sprintf("%d rows: 0 written, %d skipped, 1 failed", n, n-1))
	if !strings.Contains(stderr, "(id P0001): 2026-11-25-P0001.pdf exists with other content") || !strings.Contains(stderr, "--force") {
		t.Errorf("the refusal does not name the file and --force:\n%s", stderr)
	}
	expect([]string{"--force"}, 0, fmt.Sprintf("%d rows: 1 written, %d skipped, 0 failed", n, n-1))
	if !bytes.Equal(readTree(t, a)["2026-11-25-P0001.pdf"], ta["2026-11-25-P0001.pdf"]) {
		t.Error("--force did not restore the packet")
	}
}

// TestBatchCanary checks that a patient's name and notes never reach
// standard error, file names, the manifest or the PDF's readable bytes
// (metadata), whatever goes wrong with the row.
func TestBatchCanary(t *testing.T) {
	const name, notes = "Zelda Canarywood", "CANARYNOTE keep off logs"
	dir := t.TempDir()
	rows := patients(4)
	for i := range rows {
		rows[i].name, rows[i].notes = name, notes
	}
	rows[1].handouts = "mid-bak-pain"                  // fails in the checks
	rows[2].name = name + " \U0001F600"                // fails in the layout: no glyph
	rows[3].doses = "cat-and-cow: reps " + name + "s;" // printed on the pages, not in messages
	list := writeList(t, dir, rows)
	out := filepath.Join(dir, "out")
	code, stderr := batchCLI(t, list, "--out-dir", out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d:\n%s", code, exitPartial, stderr)
	}
	if !strings.Contains(stderr, "(id P0003): patient name or date: character U+1F600") {
		t.Errorf("the layout failure is not reported by id:\n%s", stderr)
	}
	for _, secret := range []string{"Zelda", "Canarywood", "CANARYNOTE"} {
		if strings.Contains(stderr, secret) {
			t.Errorf("standard error contains %q:\n%s", secret, stderr)
		}
		for file, data := range readTree(t, out) {
			if strings.Contains(file, secret) {
				t.Errorf("file name %q contains %q", file, secret)
			}
			if bytes.Contains(data, []byte(secret)) || bytes.Contains(data, pdftest.UTF16BE(secret)) {
				t.Errorf("%s contains %q in readable bytes", file, secret)
			}
		}
	}
	if n := len(pdfNames(t, out)); n != 2 {
		t.Errorf("%d packets written, want 2", n)
	}
}

// TestBatchShards runs a list whole and in three shards into one folder:
// the shards make exactly the same files, each row once, and their merged
// manifest is the whole run's, byte for byte.
func TestBatchShards(t *testing.T) {
	dir := t.TempDir()
	rows := patients(size(6, 24))
	list := writeList(t, dir, rows)
	whole, parts := filepath.Join(dir, "whole"), filepath.Join(dir, "parts")
	if code, stderr := batchCLI(t, list, "--out-dir", whole); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	seen := map[string]int{}
	for i := range 3 {
		sh := fmt.Sprintf("%d/3", i)
		if code, stderr := batchCLI(t, list, "--out-dir", parts, "--shard", sh); code != 0 {
			t.Fatalf("shard %s: exit %d: %s", sh, code, stderr)
		}
		m, err := readManifest(filepath.Join(parts, fmt.Sprintf("manifest-%d-of-3.json", i)))
		if err != nil {
			t.Fatal(err)
		}
		if m.Shard != sh {
			t.Errorf("shard manifest says %q, want %q", m.Shard, sh)
		}
		for _, r := range m.Rows {
			seen[r.ID]++
		}
	}
	for _, r := range rows {
		if seen[r.id] != 1 {
			t.Errorf("row %s is in %d shards, want 1", r.id, seen[r.id])
		}
	}
	if code, stderr := batchCLI(t, "--merge-manifests", "--out-dir", parts); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr)
	}
	tw, tp := readTree(t, whole), readTree(t, parts)
	for name, data := range tw {
		if !bytes.Equal(data, tp[name]) {
			t.Errorf("%s differs between the whole run and the shards", name)
		}
	}
	for name := range tp {
		if _, ok := tw[name]; !ok && !strings.HasPrefix(name, "manifest-") {
			t.Errorf("the shards made %s, the whole run did not", name)
		}
	}
}

// TestBatchJSONLines reads a JSON Lines list: handouts as an array, doses
// as an object; an unknown key is that row's problem.
func TestBatchJSONLines(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "patients.jsonl")
	src := `{"id":"J1","name":"A B","visit_date":"2026-11-25","handouts":["mid-back-pain"],"doses":{"cat-and-cow":"reps 9"}}

{"id":"J2","visit_date":"2026-11-25","handouts":["mid-back-pain"],"dose":{"cat-and-cow":"reps 9"}}
{"id":3,"visit_date":"2026-11-25","handouts":["mid-back-pain"]}
`
	if err := os.WriteFile(list, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stderr := batchCLI(t, list, "--out-dir", out)
	if code != exitPartial {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{`patients.jsonl:3: `, `unknown field "dose"`, `patients.jsonl:4: `, `"id" should be a string`, "3 rows: 1 written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	checkManifest(t, out, "manifest.json", []string{"J1"})
}

// testPlan checks a list as a batch into outDir would, with the sample
// clinic and the default settings.
func testPlan(t *testing.T, list, outDir string) (*batchSettings, *planner, []*plannedRow) {
	t.Helper()
	s, err := newBatchSettings(batchOptions{list: list, outDir: outDir, name: defaultNameTemplate, jobs: 1, preset: "print"})
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
	dir := t.TempDir()
	list := writeList(t, dir, patients(1))
	s, p, plan := testPlan(t, list, dir)
	out, err := openOutput(dir, shard{}, plan)
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
	dir := t.TempDir()
	write := func(name, src string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
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
		{"latin1.csv", "id,name,handouts\nP1,D\xedaz,x\n", "not UTF-8"},
	} {
		_, err := readPatientList(write(c.name, c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := readPatientList(filepath.Join(dir, "missing.csv")); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing list: err = %v", err)
	}
}

func TestParseDoseColumn(t *testing.T) {
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
	for _, bad := range []string{"{date}.pdf", "{id}-{patient}.pdf", "../{id}.pdf", "out/{id}.pdf", ".{id}.pdf", "{id} {date}.pdf", "{id}}.pdf"} {
		if _, err := parseNameTemplate(bad); err == nil {
			t.Errorf("parseNameTemplate(%q) succeeded", bad)
		}
	}
}

func TestShard(t *testing.T) {
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

// TestBatchCommandLine checks the exit codes for mistakes in the command
// (1) and for runs where nothing can be done (2).
func TestBatchCommandLine(t *testing.T) {
	dir := t.TempDir()
	list := writeList(t, dir, patients(2))
	allBad := writeList(t, t.TempDir(), []listRow{{id: "X1", date: "2026-11-25", handouts: "nope"}})
	badClinic := filepath.Join(dir, "clinic.yaml")
	if err := os.WriteFile(badClinic, []byte("name: C\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, exitUsage, "batch needs one patient list"},
		{[]string{list, "--jobs", "0"}, exitUsage, "--jobs 0"},
		{[]string{list, "--shard", "3/3"}, exitUsage, "--shard"},
		{[]string{list, "--name", "{date}.pdf"}, exitUsage, "--name"},
		{[]string{list, "--paper", "a5"}, exitUsage, "--paper"},
		{[]string{list, "--preset", "web"}, exitUsage, "--preset"},
		{[]string{list, "--frobnicate"}, exitUsage, "frobnicate"},
		{[]string{filepath.Join(dir, "nope.csv")}, exitFailed, "nope.csv"},
		{[]string{list, "--clinic", badClinic, "--out-dir", filepath.Join(dir, "o")}, exitFailed, "clinic.yaml"},
		{[]string{allBad, "--out-dir", filepath.Join(dir, "o2")}, exitFailed, "all 1 rows failed"},
		{[]string{"--merge-manifests", "--out-dir", dir}, exitFailed, "no shard manifests"},
	} {
		code, stderr := batchCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("batch %v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	var out, errb bytes.Buffer
	if err := run([]string{"batch", "--help"}, &out, &errb); err != nil || !strings.Contains(out.String(), "--resume") {
		t.Errorf("batch --help: %v, %q", err, out.String())
	}
}

// TestManifestIsJSON guards the manifest's shape, which other tools read.
func TestManifestIsJSON(t *testing.T) {
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

// buildHandout builds the program into a temporary folder, to run it as a
// process that can be killed.
func buildHandout(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "handout")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestBatchResumeAfterKill kills a batch with SIGKILL once some packets
// are written, then runs it again with --resume: every row's packet is
// there exactly once, whole and valid, with no temporary file or journal
// left, and the manifest lists them all.
func TestBatchResumeAfterKill(t *testing.T) {
	bin := buildHandout(t)
	dir := t.TempDir()
	rows := patients(size(40, 150))
	list := writeList(t, dir, rows)
	out := filepath.Join(dir, "out")

	cmd, _ := startBatch(t, bin, list, out, 5)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	before := len(pdfNames(t, out))
	if before == len(rows) {
		t.Fatalf("the run finished before the kill (%d packets); make the list longer", before)
	}
	if _, err := os.Stat(filepath.Join(out, journalName(shard{}))); err != nil {
		t.Errorf("no journal after the kill: %v", err)
	}

	resume := exec.Command(bin, "batch", list, "--out-dir", out, "--jobs", "2", "--resume")
	stderr, err := resume.CombinedOutput()
	if err != nil {
		t.Fatalf("--resume: %v\n%s", err, stderr)
	}
	m := regexp.MustCompile(`(\d+) rows: (\d+) written, (\d+) skipped, 0 failed`).FindStringSubmatch(string(stderr))
	if m == nil {
		t.Fatalf("no summary in %q", stderr)
	}
	if written, _ := strconv.Atoi(m[2]); written > len(rows)-before+2 {
		t.Errorf("--resume wrote %d packets; %d of %d were there already", written, before, len(rows))
	}
	t.Logf("killed with %d of %d packets written; resume: %s", before, len(rows), strings.TrimSpace(string(stderr)))

	var ids, want []string
	for _, r := range rows {
		ids = append(ids, r.id)
		want = append(want, r.date+"-"+r.id+".pdf")
	}
	checkManifest(t, out, "manifest.json", ids)
	if got := pdfNames(t, out); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("packets in the folder:\n got %v\nwant %v", got, want)
	}
	for name, data := range readTree(t, out) {
		switch {
		case strings.HasSuffix(name, ".pdf"):
			validatePDF(t, data)
		case name != "manifest.json":
			t.Errorf("%s is left in the folder", name)
		}
	}
}

// startBatch starts the built program on a list and returns once at
// least n packets are in out.
func startBatch(t *testing.T, bin, list, out string, n int) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, "batch", list, "--out-dir", out, "--jobs", "2")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		names, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
		if len(names) >= n {
			return cmd, &stderr
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("fewer than %d packets after 2 minutes; stderr:\n%s", n, stderr.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestBatchFileHandouts uses handout files beside the list, with a photo:
// paths are relative to the list, the photo is part of the row's inputs
// (a new photo makes the packet again under --resume), and a missing file
// or photo is that row's problem.
func TestBatchFileHandouts(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "handouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	writePhoto := func(c color.RGBA) {
		img := image.NewRGBA(image.Rect(0, 0, 160, 120))
		for i := range img.Pix {
			img.Pix[i] = []uint8{c.R, c.G, c.B, 255}[i%4]
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "handouts", "neck.png"), b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	writePhoto(color.RGBA{200, 80, 80, 255})
	md := "---\ntitle: Neck care\n---\n\n## Chin tucks\n\n1. Sit tall.\n2. Draw your chin back.\n\n![A chin tuck](neck.png)\n\nDose: reps 10\n"
	if err := os.WriteFile(filepath.Join(dir, "handouts", "neck.md"), []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "handouts", "nophoto.md"), []byte(strings.Replace(md, "neck.png", "gone.png", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	rows := patients(4)
	rows[0].handouts, rows[0].doses = "handouts/neck.md|mid-back-pain", "chin-tucks: reps 12 | cat-and-cow: reps 4"
	rows[1].handouts, rows[1].doses = "handouts/neck.md", ""
	rows[2].handouts = "handouts/missing.md"
	rows[3].handouts = "handouts/nophoto.md"
	list := writeList(t, dir, rows)
	out := filepath.Join(dir, "out")
	code, stderr := batchCLI(t, list, "--out-dir", out)
	if code != exitPartial {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{`(id P0003): handout "handouts/missing.md": open `, `(id P0004): ` + filepath.Join(dir, "handouts", "nophoto.md") + `:10: photo "gone.png"`, "4 rows: 2 written, 0 skipped, 2 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	first := checkManifest(t, out, "manifest.json", []string{"P0001", "P0002"})
	if first["P0001"].Pages <= first["P0002"].Pages {
		t.Errorf("P0001 (two handouts) has %d pages, P0002 (one) %d", first["P0001"].Pages, first["P0002"].Pages)
	}

	writePhoto(color.RGBA{80, 80, 200, 255})
	code, stderr = batchCLI(t, list, "--out-dir", out, "--resume")
	if code != exitPartial || !strings.Contains(stderr, "4 rows: 2 written, 0 skipped, 2 failed") {
		t.Fatalf("after a new photo, --resume: exit %d:\n%s", code, stderr)
	}
	second := checkManifest(t, out, "manifest.json", []string{"P0001", "P0002"})
	if second["P0002"].Inputs == first["P0002"].Inputs || second["P0002"].PDF == first["P0002"].PDF {
		t.Error("a new photo did not change the row's inputs and packet")
	}
}

// TestBatchInterrupt stops a batch with Ctrl-C (SIGINT): the packets in
// progress are finished, the manifest lists exactly the packets there,
// and the exit code is 2 with a reminder to resume.
func TestBatchInterrupt(t *testing.T) {
	bin := buildHandout(t)
	dir := t.TempDir()
	rows := patients(size(40, 100))
	list := writeList(t, dir, rows)
	out := filepath.Join(dir, "out")
	cmd, stderr := startBatch(t, bin, list, out, 3)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitFailed || !strings.Contains(stderr.String(), "run again with --resume") {
		t.Fatalf("exit %d (%v), want %d; stderr:\n%s", code, err, exitFailed, stderr.String())
	}
	var ids []string
	for _, name := range pdfNames(t, out) {
		ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(name, "2026-11-25-"), ".pdf"))
	}
	if len(ids) == len(rows) {
		t.Skip("the run finished before the signal")
	}
	checkManifest(t, out, "manifest.json", ids)
	for name := range readTree(t, out) {
		if !strings.HasSuffix(name, ".pdf") && name != "manifest.json" {
			t.Errorf("%s is left in the folder", name)
		}
	}
}

// TestPlannerSharesHandouts checks that a handout is parsed once per run
// however a row names it, and that naming it twice in a row is an error.
func TestPlannerSharesHandouts(t *testing.T) {
	dir := t.TempDir()
	rows := patients(4)
	rows[1].handouts = "builtin:mid-back-pain"
	rows[2].handouts = "mid-back-pain|builtin:mid-back-pain"
	list := writeList(t, dir, rows)
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
