package batch

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"handout/internal/pdftest"
	"handout/render"
)

// testPlan checks a list as a batch into outDir would, with the sample
// clinic and the default settings.
func testPlan(t *testing.T, list, outDir string) (*batchSettings, *planner, []*plannedRow) {
	t.Helper()
	s, err := newBatchSettings(batchOptions{list: list, outDir: outDir, name: DefaultNameTemplate, jobs: 1, preset: "print"})
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
	list := pdftest.WriteList(t, dir, pdftest.Patients(1))
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

// TestPlannerSharesHandouts checks that a handout is parsed once per run
// however a row names it, and that naming it twice in a row is an error.
func TestPlannerSharesHandouts(t *testing.T) {
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

// TestPlanChecksVisitFields: a name, clinician or note too long for the
// cover, or not UTF-8, fails its row before any packet is made, naming the
// column but not the text.
func TestPlanChecksVisitFields(t *testing.T) {
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
