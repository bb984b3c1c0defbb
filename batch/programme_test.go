package batch_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/batch"
	"handout/internal/pdftest"
)

// programmeHeader is the header of the lists with programmes below.
var programmeHeader = []string{"id", "name", "visit_date", "protocol", "exercises", "handouts", "doses", "style"}

// writeProgrammeList writes rows (fields in programmeHeader's order after
// the id; every row gets name and date) as patients.csv into dir.
func writeProgrammeList(t *testing.T, dir, name string, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(programmeHeader)
	for _, r := range rows {
		_ = w.Write(append([]string{r[0], name, "2026-12-01"}, r[1:]...))
	}
	w.Flush()
	path := filepath.Join(dir, "patients.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBatchProgrammes: rows give a programme in the protocol and
// exercises columns, or name one in handouts; the packet's cover table and
// tick log follow it, the programme before the row's handouts. Each bad
// row is reported by line, id and column, with the closest ids for an
// unknown exercise, and the others are made; more than six exercises is a
// warning naming the row. No message names the patient.
func TestBatchProgrammes(t *testing.T) {
	t.Parallel()
	const name = "Zelda Canarywood"
	dir := t.TempDir()
	list := writeProgrammeList(t, dir, name, [][]string{
		{"P1", "neck-pain", "chin-tuck: reps 12; daily 3", "", "", ""},                                 // line 2
		{"P2", "", "hamstring-stretch: hold 30 s; side right | glute-bridge", "mid-back-pain", "", ""}, // 3
		{"P3", "", "bird-dgo", "", "", ""},                                                             // 4
		{"P4", "", "chin-tuck: rep 10", "", "", ""},                                                    // 5
		{"P5", "knee-osteoarthritis", "clamshell | hamstring-stretch", "", "", ""},                     // 6
		{"P6", "", "chin-tuck", "", "", "sheets"},                                                      // 7
		{"P7", "", "", "", "", ""},                                                                     // 8
		{"P8", "", "", "protocol:low-back-core", "", "article"},                                        // 9
		{"P9", "", "chin-tuck", "", "chin-tuck: reps 3", ""},                                           // 10
	})
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil)
	if !partial(err) {
		t.Fatalf("err = %v, want some rows failed:\n%s", err, stderr)
	}
	for _, want := range []string{
		`patients.csv:4 (id P3): exercises: no exercise "bird-dgo" in the library; did you mean bird-dog? ("handout list" lists them)`,
		`patients.csv:5 (id P4): exercises: chin-tuck: dose: dose key "rep" is unknown`,
		`patients.csv:7 (id P6): style "sheets" does not exist; use `,
		`patients.csv:8 (id P7): nothing to print: name a protocol`,
		`patients.csv:10 (id P9): doses: chin-tuck is an exercise of a programme, whose doses go with its exercises: write it in the exercises column ("chin-tuck: reps 10")`,
		"handout: warning: " + list + `:6 (id P5): the programme has 7 exercises; more than 6`,
		"9 rows: 4 written, 0 skipped, 5 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr+err.Error(), "Zelda") || strings.Contains(stderr, "Canarywood") {
		t.Errorf("a message names the patient:\n%s", stderr)
	}
	pdftest.CheckManifest(t, out, "manifest.json", []string{"P1", "P2", "P5", "P8"})

	packet := func(id string) []string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, "2026-12-01-"+id+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		return pdftest.Text(t, b)
	}
	// P1: the protocol, with chin tuck's dose changed in place, on the
	// cover, in the handout and in the tick log.
	pages := packet("P1")
	if cover := pages[0]; !strings.Contains(cover, "Chin tuck") || !strings.Contains(cover, "12 times · 3 times a day") || !strings.Contains(cover, "Neck turn") {
		t.Errorf("P1's cover does not list the protocol with the row's dose:\n%s", cover)
	}
	if tick := pages[len(pages)-1]; !strings.Contains(tick, "Chin tuck") || !strings.Contains(tick, "Neck turn") {
		t.Errorf("P1's tick log does not follow the programme:\n%s", tick)
	}
	// P2: the programme first, then the handout, on the cover as in the
	// packet; the side is in the dose line.
	cover := packet("P2")[0]
	stretch, cat := strings.Index(cover, "Back of the thigh stretch"), strings.Index(cover, "Cat and cow")
	if stretch < 0 || cat < 0 || stretch > cat {
		t.Errorf("P2's cover does not list the programme (at %d) before the handout (at %d):\n%s", stretch, cat, cover)
	}
	if !strings.Contains(cover, "hold 30 seconds · right leg") {
		t.Errorf("P2's cover lacks the right-leg dose:\n%s", cover)
	}
}

// TestBatchProgrammeResume: a row's programme is part of its inputs:
// changing one row's exercises makes that packet again on --resume, and
// only that one.
func TestBatchProgrammeResume(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rows := [][]string{
		{"P1", "", "chin-tuck: reps 10 | bird-dog", "", "", ""},
		{"P2", "low-back-core", "", "", "", ""},
		{"P3", "", "chin-tuck: reps 10 | bird-dog", "", "", ""},
	}
	list := writeProgrammeList(t, dir, "A Patient", rows)
	out := filepath.Join(dir, "out")
	if stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil); err != nil {
		t.Fatalf("%v:\n%s", err, stderr)
	}
	first := pdftest.CheckManifest(t, out, "manifest.json", []string{"P1", "P2", "P3"})
	if first["P1"].Inputs == first["P3"].Inputs {
		t.Error("two patients with the same programme have the same inputs") // the id and name differ
	}

	rows[2][2] = "chin-tuck: reps 12 | bird-dog"
	writeProgrammeList(t, dir, "A Patient", rows)
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out, Resume: true}, nil)
	if err != nil || !strings.Contains(stderr, "3 rows: 1 written, 2 skipped, 0 failed") {
		t.Fatalf("after a new dose, --resume: err = %v:\n%s", err, stderr)
	}
	second := pdftest.CheckManifest(t, out, "manifest.json", []string{"P1", "P2", "P3"})
	for _, id := range []string{"P1", "P2"} {
		if second[id] != first[id] {
			t.Errorf("%s changed though its row did not: %+v → %+v", id, first[id], second[id])
		}
	}
	if second["P3"].Inputs == first["P3"].Inputs || second["P3"].PDF == first["P3"].PDF {
		t.Error("P3's new dose did not change its inputs and packet")
	}
}

// TestBatchProgrammesJSONLines: a JSON Lines row takes the programme
// file's structure (an id alone, or an object with dose, side and note),
// read by the programme file's own code, with its messages naming the row
// and the key.
func TestBatchProgrammesJSONLines(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := `{"id":"J1","name":"A B","visit_date":"2026-12-01","protocol":"low-back-core","exercises":["bird-dog",{"id":"knee-to-chest","side":"left","dose":"hold 30 s","note":"Slowly, and only as far as is comfortable."}],"style":"article"}
{"id":"J2","visit_date":"2026-12-01","exercises":[{"id":"chin-tuck","dos":"reps 3"}]}
{"id":"J3","visit_date":"2026-12-01","exercises":["chin-tuck","chin-tuk"]}
{"id":"J4","visit_date":"2026-12-01","protocol":7}
{"id":"J5","visit_date":"2026-12-01","exercises":["chin-tuck"],"handouts":["mid-back-pain"]}
`
	list := writeList(t, dir, "patients.jsonl", src)
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil)
	if !partial(err) {
		t.Fatalf("err = %v:\n%s", err, stderr)
	}
	for _, want := range []string{
		`patients.jsonl:2 (id J2): unknown key "exercises[1].dos"; did you mean "dose"? the keys are id, dose, side, note`,
		`patients.jsonl:3 (id J3): exercises: no exercise "chin-tuk" in the library; did you mean chin-tuck?`,
		`patients.jsonl:4: not a JSON object with the list's keys`, `"protocol" should be a string in double quotes, not a number`,
		"5 rows: 2 written, 0 skipped, 3 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	pdftest.CheckManifest(t, out, "manifest.json", []string{"J1", "J5"})
	b, err := os.ReadFile(filepath.Join(out, "2026-12-01-J1.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdftest.Text(t, b), "\n")
	for _, want := range []string{"hold 30 seconds · left leg", "Slowly, and only as far as is comfortable."} {
		if !strings.Contains(text, want) {
			t.Errorf("J1's packet lacks %q", want)
		}
	}
}
