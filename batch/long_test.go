package batch_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/batch"
	"handout/internal/pdftest"
)

// TestLongList: a list of one exercise a line is one packet per id, its
// exercises in the order column's order with each line's dose, side and
// note; a problem on any line of a patient fails that patient's packet,
// named by the line, and the others are made.
func TestLongList(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "id,name,visit_date,exercise_id,order,sets,reps,hold_s,load,per_day,side,note\n" +
		"P1,Ana Díaz,2026-12-04,glute-bridge,2,,10,5,,,,Squeeze first.\n" +
		"P2,Bo Lee,2026-12-04,chin-tuck,1,,10,,,3,,\n" +
		"P1,,,band-row,1,2,12,,red band,2,,\n" +
		"P2,,,hamstring-stretch,2,,3,30,,,sideways,\n" + // line 5: no such side
		"P3,Cy Doe,2026-12-04,chin-tuck,,,,,,,,\n" +
		"P3,Cy Doe,2026-12-05,bird-dog,,,,,,,,\n" + // line 7: another date
		"P4,Di Ray,2026-12-04,chin-tuck,first,,,,,,,\n" // line 8: order is not a number
	list := writeList(t, dir, "programmes.csv", src)
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out}, nil)
	if !partial(err) {
		t.Fatalf("err = %v, want some rows failed:\n%s", err, stderr)
	}
	for _, want := range []string{
		`programmes.csv:3 (id P2): line 5: exercises: hamstring-stretch: side "sideways" is unknown`,
		`programmes.csv:6 (id P3): line 7: visit_date differs from an earlier line of id P3`,
		`programmes.csv:8 (id P4): order "first": a whole number`,
		"4 rows: 1 written, 0 skipped, 3 failed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "Bo Lee") || strings.Contains(stderr, "Cy Doe") {
		t.Errorf("a message names a patient:\n%s", stderr)
	}
	pdftest.CheckManifest(t, out, "manifest.json", []string{"P1"})
	b, err := os.ReadFile(filepath.Join(out, "2026-12-04-P1.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.Join(pdftest.Text(t, b), " ")), " ")
	row, bridge := strings.Index(text, "Band row"), strings.Index(text, "Bridge")
	if row < 0 || bridge < 0 || row > bridge {
		t.Errorf("P1's packet has Band row at %d and Bridge at %d; want both, Band row first (order 1):\n%s", row, bridge, text)
	}
	for _, want := range []string{"Ana Díaz", "12 times · 2 rounds · with red band · twice a day", "10 times · hold 5 seconds", "Squeeze first."} {
		if !strings.Contains(text, want) {
			t.Errorf("P1's packet lacks %q:\n%s", want, text)
		}
	}
}

// TestLongColumnsNeedExerciseID: a dose column of one exercise a line in
// a list without exercise_id is an error that says where doses go, not a
// column dropped; an Order column (an export's) is not.
func TestLongColumnsNeedExerciseID(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, c := range map[string]struct{ src, want string }{
		"reps.csv":  {"id,visit_date,protocol,reps\nP1,2026-12-04,neck-pain,10\n", `column "reps" gives one exercise a line`},
		"both.csv":  {"id,visit_date,exercises,exercise_id\nP1,2026-12-04,chin-tuck,bird-dog\n", "both an exercises column and exercise_id"},
		"order.csv": {"id,visit_date,protocol,Order\nP1,2026-12-04,neck-pain,7\n", ""},
	} {
		stderr, err := runBatch(t, batch.Options{List: writeList(t, dir, name, c.src), OutDir: filepath.Join(dir, name+".out")}, nil)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v\n%s", name, err, stderr)
		case c.want != "" && (err == nil || !strings.Contains(err.Error()+stderr, c.want)):
			t.Errorf("%s: err %v, want %q:\n%s", name, err, c.want, stderr)
		}
	}
}

// TestProfileListColumns: a clinic profile's list_columns names a list's
// columns as the clinic's own system exports them; a name for a column
// the list does not have is an error naming the profile.
func TestProfileListColumns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, src string) string { return writeList(t, dir, name, src) }
	profile := write("clinic.yaml", "name: Westside Physio\naddress: [12 Main St]\nphone: (217) 555-0100\n"+
		"list_columns: {Client No: id, Client: name, Appt: visit_date, Plan: protocol, Exercise: exercise_id}\n")
	list := write("export.csv", "Client No,Client,Appt,Plan\nW1,Ana Díaz,2026-12-04,neck-pain\n")
	out := filepath.Join(dir, "out")
	if stderr, err := runBatch(t, batch.Options{List: list, OutDir: out, Clinic: profile}, nil); err != nil {
		t.Fatalf("%v:\n%s", err, stderr)
	}
	pdftest.CheckManifest(t, out, "manifest.json", []string{"W1"})
	// One exercise a line, its exercise column named by the profile.
	long := write("long.csv", "Client No,Client,Appt,Exercise,Reps\nW2,Bo Lee,2026-12-04,chin-tuck,8\nW2,,,bird-dog,\n")
	if stderr, err := runBatch(t, batch.Options{List: long, OutDir: filepath.Join(dir, "out-long"), Clinic: profile}, nil); err != nil {
		t.Fatalf("long.csv: %v:\n%s", err, stderr)
	}
	pdftest.CheckManifest(t, filepath.Join(dir, "out-long"), "manifest.json", []string{"W2"})

	bad := write("bad.yaml", "name: Westside Physio\naddress: [12 Main St]\nphone: (217) 555-0100\nlist_columns: {Client No: patient_id}\n")
	_, err := runBatch(t, batch.Options{List: list, OutDir: filepath.Join(dir, "out2"), Clinic: bad}, nil)
	if err == nil || !strings.Contains(err.Error(), `bad.yaml: list_columns: "Client No": "patient_id" is not a list column`) {
		t.Errorf("err = %v, want the profile's list_columns refused", err)
	}
}
