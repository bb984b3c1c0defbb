package content

import (
	"handout/locale"
	"strings"
	"testing"
)

// TestStepsForSide: {side} and {other} in the steps read as the side the
// programme gives, or as "one" and "the other" without one.
func TestStepsForSide(t *testing.T) {
	src := strings.NewReplacer(
		"laterality: both-sides", "laterality: one-side\nlimb: arm",
		"1. Stand an arm's length from a wall.", "1. {side} hand goes on the wall, {other} hand on your hip.",
	).Replace(validExercise)
	e, err := ParseExercise("e.md", []byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	for side, want := range map[Side]string{
		NoSide:    "One hand goes on the wall, the other hand on your hip.",
		Both:      "One hand goes on the wall, the other hand on your hip.",
		Alternate: "One hand goes on the wall, the other hand on your hip.",
		Right:     "Your right hand goes on the wall, your left hand on your hip.",
		Left:      "Your left hand goes on the wall, your right hand on your hip.",
	} {
		if got := plainText(e.StepsFor(locale.English(), side)[0]); got != want {
			t.Errorf("side %q: %q, want %q", side, got, want)
		}
	}
	if got := plainText(e.Steps[0]); !strings.HasPrefix(got, "{side} hand") {
		t.Errorf("StepsFor changed the exercise: %q", got)
	}
	p, _, err := ParseProgramme("p.yaml", []byte("exercises:\n  - id: knee-to-chest\n    side: left\n"), builtinLibrary(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := plainText(p.Items[0].Steps(locale.English())[1]); got != "Hold behind your left knee with both hands." {
		t.Errorf("knee-to-chest, left: step 2 is %q", got)
	}
}

func TestSideRefErrors(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"1. Stand an arm's length", "1. Put {side} hand", "e.md:18: {side} and {other} in the steps name the side of a one-side or alternating exercise"},
		{"Keep your body straight.", "Keep {side} arm straight.", "e.md:23: {side} and {other} are worded in the steps only; write the words in tips"},
		{"This makes your arms", "This makes {side} arm", "e.md:14: {side} and {other} are worded in the steps only; write the words in the why"},
	} {
		src := strings.Replace(validExercise, c.from, c.to, 1)
		if _, err := ParseExercise("e.md", []byte(src), nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %s", c.to, err, c.want)
		}
	}
}
