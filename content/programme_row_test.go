package content

import (
	"handout/locale"
	"strings"
	"testing"
)

// TestParseExerciseList reads the exercises column: ids with optional
// doses, a "side" key taken out of the dose, blank entries skipped.
func TestParseExerciseList(t *testing.T) {
	got, err := ParseExerciseList(" chin-tuck: reps 10; hold 5 s | | hamstring-stretch: hold 30 s; Side right;| bird-dog ")
	if err != nil {
		t.Fatal(err)
	}
	want := []ProgrammeEntry{
		{ID: "chin-tuck", Dose: "reps 10; hold 5 s"},
		{ID: "hamstring-stretch", Dose: "hold 30 s", Side: "right"},
		{ID: "bird-dog"},
	}
	if len(got) != len(want) {
		t.Fatalf("entries %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i+1, got[i], want[i])
		}
	}
	for in, msg := range map[string]string{
		": reps 5 | bird-dog":                  `exercises: ": reps 5" does not start with an exercise id; write e.g. "chin-tuck: reps 10; hold 5 s | bird-dog"`,
		"knee-to-chest: side left; side right": "exercises: knee-to-chest: the side is given twice; keep one",
		"knee-to-chest: reps 3; side":          `exercises: knee-to-chest: side has no value; write e.g. "side right"`,
	} {
		if _, err := ParseExerciseList(in); err == nil || err.Error() != msg {
			t.Errorf("ParseExerciseList(%q) = %v\nwant %s", in, err, msg)
		}
	}
}

// TestParseProgrammeColumns: a protocol and the exercises column make the
// same programme as a file with those keys; a listed exercise the protocol
// has changes it in place, and a side written in the dose is the entry's.
func TestParseProgrammeColumns(t *testing.T) {
	l := builtinLibrary(t)
	p, warnings, err := ParseProgrammeColumns("low-back-core", "bird-dog: reps 6 | knee-to-chest: hold 30 s; side left", l)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("err %v, warnings %v", err, warnings)
	}
	file, _, err := ParseProgramme("p.yaml", []byte("protocol: low-back-core\nexercises:\n  - id: bird-dog\n    dose: reps 6\n  - id: knee-to-chest\n    dose: hold 30 s\n    side: left\n"), l)
	if err != nil {
		t.Fatal(err)
	}
	doses := func(p *Programme) string {
		var b strings.Builder
		for _, it := range p.Items {
			b.WriteString(it.Exercise.ID + ": " + it.DoseLine(locale.English()) + "\n")
		}
		return b.String()
	}
	if got, want := doses(p), doses(file); got != want {
		t.Errorf("columns\n%s\nfile\n%s", got, want)
	}
	if !strings.Contains(doses(p), "bird-dog: 6 times · alternate sides\n") || !strings.Contains(doses(p), "knee-to-chest: hold 30 seconds · left leg\n") {
		t.Errorf("doses\n%s", doses(p))
	}
	if p.LibrarySum() != file.LibrarySum() || len(p.LibrarySum()) != 64 {
		t.Errorf("library sums %s and %s differ", p.LibrarySum(), file.LibrarySum())
	}
	other, _, _ := ParseProgrammeColumns("low-back-pain", "", l)
	if other.LibrarySum() == p.LibrarySum() {
		t.Error("two protocols have one library sum")
	}

	_, warnings, err = ParseProgrammeColumns("knee-osteoarthritis", "clamshell | hamstring-stretch", l)
	if err != nil || len(warnings) != 1 || warnings[0].String() != "the programme has 7 exercises; more than 6 are done less often (three to five is best), consider fewer" {
		t.Errorf("seven exercises: err %v, warnings %v; want one warning naming no place (the row names it)", err, warnings)
	}
}

// TestParseProgrammeRowErrors: the messages of a row's programme name the
// column and the exercise, never a line of their own (the list's reader
// names the row's line); several problems are all reported.
func TestParseProgrammeRowErrors(t *testing.T) {
	l := builtinLibrary(t)
	for _, c := range []struct{ protocol, exercises, want string }{
		{"", "bird-dgo", `exercises: no exercise "bird-dgo" in the library; did you mean bird-dog? ("handout list" lists them)`},
		{"nek-pain", "", `protocol: no protocol "nek-pain" in the library; did you mean neck-pain?`},
		{"", "chin-tuck: rep 10", `exercises: chin-tuck: dose: dose key "rep" is unknown`},
		{"", "chin-tuck: reps 10; side left", `exercises: chin-tuck is done with both sides together; remove "side: left"`},
		{"", "chin-tuck | Chin tuck", `exercises: chin-tuck is listed twice; keep one`},
		{"", " | ", `no exercises; name a protocol (protocol: neck-pain) or list exercises (exercises: chin-tuck | bird-dog)`},
		{"", "chin-tuk | bird-dog: reps x; daily", "exercises: no exercise \"chin-tuk\" in the library; did you mean chin-tuck? (\"handout list\" lists them)\nexercises: bird-dog: dose: dose \"daily\" has no value"},
	} {
		_, _, err := ParseProgrammeColumns(c.protocol, c.exercises, l)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("protocol %q, exercises %q: error\n%v\nwant it to start\n%s", c.protocol, c.exercises, err, c.want)
		}
	}
}

// TestParseProgrammeJSONRow: a JSON Lines row's protocol and exercises are
// read as a programme file's keys, by the same code; its messages name
// the key, not the JSON's line 1.
func TestParseProgrammeJSONRow(t *testing.T) {
	l := builtinLibrary(t)
	p, _, err := ParseProgrammeJSON([]byte(`{"protocol":"low-back-core","exercises":["bird-dog",{"id":"knee-to-chest","side":"left","dose":"hold 30 s","note":"Slowly."}]}`), l)
	if err != nil {
		t.Fatal(err)
	}
	last := p.Items[len(p.Items)-1]
	if len(p.Items) != 5 || last.Exercise.ID != "knee-to-chest" || last.DoseLine(locale.English()) != "hold 30 seconds · left leg" || last.Note != "Slowly." {
		t.Errorf("items %s", programmeLines(p))
	}
	// A JSON escape can spell any character: the values are put in normal
	// form C like a file's text, and a bidirectional control is refused.
	p, _, err = ParseProgrammeJSON([]byte(`{"exercises":[{"id":"chin-tuck","note":"Cafe\u0301 first."}]}`), l)
	if err != nil || p.Items[0].Note != "Caf\u00e9 first." {
		t.Fatalf("note %q, %v; want it composed", p.Items[0].Note, err)
	}
	for src, want := range map[string]string{
		`{"exercises":[{"id":"chin-tuck","dos":"reps 3"}]}`:         `unknown key "exercises[1].dos"; did you mean "dose"? the keys are id, dose, side, note`,
		`{"exercises":["chin-tuk"]}`:                                `exercises: no exercise "chin-tuk" in the library; did you mean chin-tuck?`,
		`{"exercises":[{"id":"chin-tuck","dose":"often"}]}`:         `exercises: chin-tuck: dose: dose key "often" is unknown`,
		`{"exercises":"chin-tuck"}`:                                 `"exercises" must be a list`,
		`{"exercises":[{"side":"left"}]}`:                           `exercises: exercises[1] has no id`,
		`{"exercises":[{"id":"chin-tuck","note":"Slowly\u202e."}]}`: `exercises: note: invisible character U+202E`,
		`{"protocol":"neck-pain\u202e"}`:                            `protocol: invisible character U+202E`,
	} {
		_, _, err := ParseProgrammeJSON([]byte(src), l)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: error\n%v\nwant it to start\n%s", src, err, want)
		}
	}
}
