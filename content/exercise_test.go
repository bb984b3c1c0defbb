package content

import (
	"errors"
	"strings"
	"testing"
)

// validExercise is a minimal exercise file; its line numbers are used by
// the tests below (line 2 is "id:").
const validExercise = `---
id: wall-push
name: Wall push-up
aliases: [wall press]
regions: [shoulder]
position: standing
equipment: [wall]
laterality: both-sides
level: beginner
dose: reps 10
source: clinician
---

This makes your arms and chest stronger.

![Start](photos/wall-1.jpg){alt="Standing at arm's length from a wall, hands on it"} ![Finish](photos/wall-2.jpg){alt="Elbows bent, chest near the wall"}

1. Stand an arm's length from a wall.
2. Bend your elbows and bring your chest to the wall.
3. Push back.

> [!TIP]
> Keep your body straight.

> [!CAUTION]
> Stop if your shoulder hurts.
`

func TestParseExercise(t *testing.T) {
	e, err := ParseExercise("wall.md", []byte(validExercise), nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID != "wall-push" || e.Name != "Wall push-up" || e.Laterality != BothSides || e.SourceKind != Clinician ||
		e.Dose == nil || e.Dose.Reps != "10" || e.Dose.Pos.Line != 10 || e.Pos != (Pos{File: "wall.md", Line: 2}) {
		t.Errorf("exercise %+v", e)
	}
	if len(e.Figures) != 1 || len(e.Figures[0].Panels) != 2 || e.Figures[0].Panels[1].Alt != "Elbows bent, chest near the wall" {
		t.Errorf("figures %+v", e.Figures)
	}
	if len(e.Steps) != 3 || len(e.Tips) != 1 || len(e.Cautions) != 1 || plainText(e.Why) != "This makes your arms and chest stronger." {
		t.Errorf("body: %d steps, %d tips, %d cautions, why %q", len(e.Steps), len(e.Tips), len(e.Cautions), plainText(e.Why))
	}
}

// TestParseExerciseErrors: every problem names the file and its line and
// says what to write.
func TestParseExerciseErrors(t *testing.T) {
	for _, c := range []struct {
		name, from, to, want string
	}{
		{"no id", "id: wall-push\n", "", "e.md:1: front matter: id is required; add a line"},
		{"bad id", "id: wall-push", "id: Wall Push", `e.md:2: front matter: id "Wall Push" must be lower-case`},
		{"no name", "name: Wall push-up\n", "", "e.md:1: front matter: name is required"},
		{"no regions", "regions: [shoulder]\n", "", "e.md:1: front matter: regions is required"},
		{"unknown key", "level: beginner", "levle: beginner", `e.md:9: front matter: unknown key "levle"; did you mean "level"?`},
		{"no laterality", "laterality: both-sides\n", "", "e.md:1: front matter: laterality is required: write laterality: both-sides"},
		{"bad laterality", "laterality: both-sides", "laterality: left", `e.md:8: front matter: laterality "left" is unknown; write both-sides, one-side or alternating`},
		{"limb, both sides", "level: beginner", "limb: leg", "e.md:9: front matter: limb is for a one-side exercise"},
		{"bad limb", "laterality: both-sides", "laterality: one-side\nlimb: foot", `e.md:9: front matter: limb "foot" is unknown`},
		{"no source", "source: clinician\n", "", "e.md:1: front matter: source is required"},
		{"bad source", "source: clinician", "source: internet", `e.md:11: front matter: source "internet" is unknown; write guideline, handout-pattern or clinician`},
		{"bad reviewed", "level: beginner", "reviewed: 1/2/2026", `e.md:9: front matter: reviewed "1/2/2026" is not a date; write it as YYYY-MM-DD`},
		{"bad video", "level: beginner", "video_url: youtube", `e.md:9: front matter: video_url "youtube" is not a web address`},
		{"bad dose", "dose: reps 10", "dose: times 10", `e.md:10: front matter: dose: dose key "times" is unknown`},
		{"side in dose", "dose: reps 10", "dose: reps 10; side left", `e.md:10: front matter: dose: the side is not part of a dose here`},
		{"dose line", "3. Push back.\n", "3. Push back.\n\nDose: reps 3\n", `e.md:22: an exercise's dose goes in its front matter`},
		{"section", "This makes", "## More\n\nThis makes", `e.md:14: an exercise has no "##" sections`},
		{"second paragraph", "1. Stand", "More words.\n\n1. Stand", "e.md:18: an exercise has one short paragraph saying why"},
		{"bullets", "1. Stand an arm's length from a wall.\n2. Bend your elbows and bring your chest to the wall.\n3. Push back.\n", "- Stand.\n", `e.md:18: an exercise's steps are a numbered list`},
		{"no steps", "1. Stand an arm's length from a wall.\n2. Bend your elbows and bring your chest to the wall.\n3. Push back.\n", "", "e.md:13: the exercise has no steps; write 3 to 5 numbered steps"},
		{"six steps", "3. Push back.\n", "3. Push back.\n4. a\n5. b\n6. c\n", "e.md:18: the exercise has 6 steps; at most 5 fit"},
		{"no figure", `![Start](photos/wall-1.jpg){alt="Standing at arm's length from a wall, hands on it"} ![Finish](photos/wall-2.jpg){alt="Elbows bent, chest near the wall"}`, "", `e.md:13: the exercise has no figure; add one, e.g. ![Start](builtin:wall-push-start){alt="…"}`},
		{"no alt", `{alt="Elbows bent, chest near the wall"}`, "", `e.md:16: image "photos/wall-2.jpg" has no alt text; describe the picture`},
		{"no alt, built-in", `![Finish](photos/wall-2.jpg){alt="Elbows bent, chest near the wall"}`, "![Finish](builtin:wall-push-finish)", `e.md:16: image "builtin:wall-push-finish" has no alt text`},
		{"footnote", "Push back.", "Push back.[^1]\n\n[^1]: A study.", "e.md:22: footnotes are not part of an exercise"},
	} {
		if !strings.Contains(validExercise, c.from) {
			t.Fatalf("%s: %q is not in the exercise", c.name, c.from)
		}
		src := strings.Replace(validExercise, c.from, c.to, 1)
		_, err := ParseExercise("e.md", []byte(src), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error\n%v\nwant it to contain\n%s", c.name, err, c.want)
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Pos.File != "e.md" {
			t.Errorf("%s: error %v is not an *Error naming the file", c.name, err)
		}
	}
}

// TestExerciseAltFromDrawing: a built-in drawing's own description stands
// in for missing alt text; a photo's cannot.
func TestExerciseAltFromDrawing(t *testing.T) {
	src := strings.Replace(validExercise, `![Finish](photos/wall-2.jpg){alt="Elbows bent, chest near the wall"}`, "![Finish](builtin:wall-push-finish)", 1)
	describe := func(name string) string {
		if name == "wall-push-finish" {
			return "Elbows bent at a wall"
		}
		return ""
	}
	e, err := ParseExercise("e.md", []byte(src), describe)
	if err != nil {
		t.Fatal(err)
	}
	if alt := e.Figures[0].Panels[1].Alt; alt != "Elbows bent at a wall" {
		t.Errorf("alt %q, want the drawing's description", alt)
	}
	src = strings.Replace(src, "builtin:wall-push-finish", "builtin:undrawn", 1)
	if _, err := ParseExercise("e.md", []byte(src), describe); err == nil || !strings.Contains(err.Error(), `e.md:16: image "builtin:undrawn" has no alt text`) {
		t.Errorf("a drawing without a description: %v", err)
	}
}
