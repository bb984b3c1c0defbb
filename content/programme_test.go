package content

import (
	"fmt"
	"handout/locale"
	"strings"
	"testing"
)

// issueProgramme is the programme of issue 12, as a clinician would type it.
const issueProgramme = `patient: Ana Díaz            # optional, printed in the header only
date: 2026-12-01             # optional
clinician: Dr. Karin Drummond, DC
language: en                 # optional
style: sheet                 # the layout style
protocol: neck-pain          # optional: its exercises, in order, come first
exercises:                   # added after the protocol's, or on their own
  - id: chin-tuck
    dose: reps 10; hold 5 s; daily 3      # same keys as a Dose: line; replaces the default
    side: both               # left | right | both | alternate
    note: Sit tall against the chair back.
  - id: doorway-pec-stretch
notes: Walk 20 minutes on the days you can.
`

func programmeLines(p *Programme) string {
	var b strings.Builder
	for _, it := range p.Items {
		fmt.Fprintf(&b, "%s:%d %s: %s", it.Pos.File, it.Pos.Line, it.Exercise.ID, it.DoseLine(locale.English()))
		if it.Note != "" {
			fmt.Fprintf(&b, " (%s)", it.Note)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestParseProgramme: the protocol's exercises come first, in order; a
// listed exercise the protocol has changes it in place; the rest follow.
func TestParseProgramme(t *testing.T) {
	l := builtinLibrary(t)
	p, warnings, err := ParseProgramme("ana.yaml", []byte(issueProgramme), l)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %v", warnings)
	}
	if p.Patient != "Ana Díaz" || p.Date != "2026-12-01" || p.Style != "sheet" || p.Language != "en" ||
		p.Protocol == nil || p.Protocol.ID != "neck-pain" || p.Notes != "Walk 20 minutes on the days you can." {
		t.Errorf("programme %+v", p)
	}
	want := `ana.yaml:8 chin-tuck: 10 times · hold 5 seconds · 3 times a day (Sit tall against the chair back.)
protocols/neck-pain.yaml (built-in):6 neck-rotation: 5–10 times · alternate sides
protocols/neck-pain.yaml (built-in):7 upper-trapezius-stretch: 2–3 times · hold 20–30 seconds · each side
protocols/neck-pain.yaml (built-in):8 scapular-squeeze: 10 times · hold 5 seconds
ana.yaml:12 doorway-pec-stretch: 2–3 times · hold 30 seconds
`
	if got := programmeLines(p); got != want {
		t.Errorf("items\n%s\nwant\n%s", got, want)
	}
}

// TestParseProgrammeShort: the common case is a few bare ids; a side and
// an alias work as written.
func TestParseProgrammeShort(t *testing.T) {
	src := "exercises: [chin-tuck, press up]\n"
	p, _, err := ParseProgramme("p.yaml", []byte(src), builtinLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := programmeLines(p); got != "p.yaml:1 chin-tuck: 10 times · hold 3–5 seconds · 2–3 times a day\np.yaml:1 prone-press-up: 10 times\n" {
		t.Errorf("items\n%s", got)
	}
	src = "exercises:\n  - hamstring-stretch\n  - id: knee-to-chest\n    side: right\n  - id: bird-dog\n    side: alternate\n"
	p, _, err = ParseProgramme("p.yaml", []byte(src), builtinLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	want := "p.yaml:2 hamstring-stretch: 3 times · hold 30 seconds · each side\np.yaml:3 knee-to-chest: 3 times · hold 20–30 seconds · right leg\np.yaml:5 bird-dog: 10 times · hold 5 seconds · alternate sides\n"
	if got := programmeLines(p); got != want {
		t.Errorf("items\n%s\nwant\n%s", got, want)
	}
}

func TestParseProgrammeWarnsAboveSix(t *testing.T) {
	src := "protocol: knee-osteoarthritis\nexercises: [clamshell, hamstring-stretch]\n"
	p, warnings, err := ParseProgramme("p.yaml", []byte(src), builtinLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 7 || len(warnings) != 1 || !strings.HasPrefix(warnings[0].String(), "p.yaml:2: the programme has 7 exercises; more than 6") {
		t.Errorf("%d items, warnings %v", len(p.Items), warnings)
	}
	src = "protocol: knee-osteoarthritis\nexercises: [clamshell]\n"
	if _, warnings, _ := ParseProgramme("p.yaml", []byte(src), builtinLibrary(t)); len(warnings) != 0 {
		t.Errorf("six exercises: warnings %v", warnings)
	}
}

// TestParseProgrammeErrors: each names the programme's file and line and
// says what to write; the patient's name and notes are never repeated.
func TestParseProgrammeErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"exercises:\n  - chin-tuk\n", `p.yaml:2: no exercise "chin-tuk" in the library; did you mean chin-tuck?`},
		{"exercises:\n  - id: chin-tuck\n    dose: reps 10; times 3\n", `p.yaml:3: dose: dose key "times" is unknown`},
		{"exercises:\n  - id: chin-tuck\n    side: left\n", `p.yaml:3: chin-tuck is done with both sides together; remove "side: left"`},
		{"exercises:\n  - id: bird-dog\n    side: right\n", `p.yaml:3: bird-dog alternates sides; remove "side: right" (or write side: alternate)`},
		{"exercises:\n  - id: chin-tuck\n    side: up\n", `p.yaml:3: chin-tuck: side "up" is unknown; write left, right, both or alternate`},
		{"date: 12/01/2026\nexercises: [chin-tuck]\n", `p.yaml:1: date "12/01/2026" is not a date; write it as YYYY-MM-DD`},
		{"protocol: neck\n", `p.yaml:1: no protocol "neck" in the library; did you mean neck-pain, neck-strength?`},
		{"exercises: [chin-tuck, bird-dog, chin-tuck]\n", `p.yaml:1: chin-tuck is listed twice (also on line 1); keep one`},
		{"patient: Ana\n", `p.yaml:1: the programme has no exercises; name a protocol`},
		{"exercises:\n  - note: x\n", `p.yaml:2: this exercise has no id`},
		{"exercise: [chin-tuck]\n", `p.yaml:1: unknown key "exercise"; did you mean "exercises"?`},
		{"exercises:\n  - id: chin-tuck\n    reps: 10\n", `p.yaml:3: unknown key "exercises[1].reps"`},
		{"language: english!\nexercises: [chin-tuck]\n", `p.yaml:1: language: "english!" is not a BCP 47 language tag; write one of en-US, en-GB, es,`},
		{"language: zh\nexercises: [chin-tuck]\n", `p.yaml:1: language: handout does not print "zh"; it prints en-US, en-GB, es,`},
		{"patient: " + strings.Repeat("a", 101) + "\nexercises: [chin-tuck]\n", `p.yaml:1: patient is 101 characters long; at most 100`},
		{"exercises:\n  - id: chin-tuck\n    note: " + strings.Repeat("b", 201) + "\n", `p.yaml:3: note is 201 characters long; at most 200`},
	} {
		_, _, err := ParseProgramme("p.yaml", []byte(c.src), builtinLibrary(t))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error\n%v\nwant it to contain\n%s", c.src, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "aaaa") {
			t.Errorf("%s: the message repeats the patient's name: %v", c.src, err)
		}
	}
}

// BenchmarkParseProgramme is the cost of one programme against a library
// already read: what each row of a batch pays.
func BenchmarkParseProgramme(b *testing.B) {
	l := builtinLibrary(b)
	for b.Loop() {
		if _, _, err := ParseProgramme("ana.yaml", []byte(issueProgramme), l); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseProgrammeJSON: a programme may be a JSON object (YAML reads
// JSON), the structure a JSON Lines batch row will take.
func TestParseProgrammeJSON(t *testing.T) {
	src := `{"patient": "Ana", "protocol": "low-back-core", "exercises": ["bird-dog", {"id": "knee-to-chest", "side": "left", "dose": "hold 30 s"}]}`
	p, _, err := ParseProgramme("row 3", []byte(src), builtinLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	want := "protocols/low-back-core.yaml (built-in):5 abdominal-brace: 10 times · hold 10 seconds\n" +
		"row 3:1 bird-dog: 10 times · hold 5 seconds · alternate sides\n" +
		"protocols/low-back-core.yaml (built-in):7 dead-bug: 10 times · alternate sides\n" +
		"protocols/low-back-core.yaml (built-in):8 glute-bridge: 10–15 times · hold 3–5 seconds\n" +
		"row 3:1 knee-to-chest: hold 30 seconds · left leg\n"
	if got := programmeLines(p); got != want {
		t.Errorf("items\n%s\nwant\n%s", got, want)
	}
}

// FuzzParseProgramme checks that ParseProgramme never panics, that its
// errors name the file on every line, and that a programme it makes has
// exercises from the library, each with a side it can take.
func FuzzParseProgramme(f *testing.F) {
	f.Add([]byte(issueProgramme))
	f.Add([]byte("exercises: [chin-tuck, press up]\n"))
	f.Add([]byte(`{"protocol": "sciatica", "exercises": [{"id": "knee-to-chest", "side": "left"}]}`))
	l := builtinLibrary(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		p, _, err := ParseProgramme("p.yaml", src, l)
		if err != nil {
			for line := range strings.SplitSeq(err.Error(), "\n") {
				if !strings.HasPrefix(line, "p.yaml") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		if len(p.Items) == 0 {
			t.Fatal("a programme without exercises")
		}
		for _, it := range p.Items {
			if _, msg := checkSide(it.Side, it.Exercise); msg != "" {
				t.Fatalf("%s with side %q: %s", it.Exercise.ID, it.Side, msg)
			}
			_ = it.DoseLine(locale.English())
			_ = it.Steps(locale.English())
		}
	})
}
