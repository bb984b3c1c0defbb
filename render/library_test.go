package render

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handout/content"
	"handout/figures/pose"
)

// TestLibraryDrawings checks the built-in library's figures against the
// built-in drawings: every drawing an exercise names exists, except those
// listed in testdata/library-drawings-to-make.txt, the drawings still to
// be made (issue 12). The list may only shrink: a drawing made is taken
// off it (the test says so), and no exercise may name a new missing one.
func TestLibraryDrawings(t *testing.T) {
	lib, err := content.BuiltinLibrary(pose.BuiltinDescription)
	if err != nil {
		t.Fatal(err)
	}
	drawn := map[string]bool{}
	for _, n := range pose.BuiltinNames() {
		drawn[n] = true
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "library-drawings-to-make.txt"))
	if err != nil {
		t.Fatal(err)
	}
	toMake := map[string]bool{}
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			toMake[l] = true
		}
	}
	var missing []string
	for _, e := range lib.Exercises() {
		for _, f := range e.Figures {
			for _, p := range f.Panels {
				name, ok := p.Builtin()
				if !ok || drawn[name] {
					continue
				}
				if !toMake[name] {
					t.Errorf("exercise %s names the drawing %s, which does not exist and is not on the list to make", e.ID, name)
				}
				missing = append(missing, name)
			}
		}
	}
	for name := range toMake {
		if drawn[name] {
			t.Errorf("%s is drawn now: take it off testdata/library-drawings-to-make.txt", name)
		}
	}
	slices.Sort(missing)
	t.Logf("%d drawings still to make", len(slices.Compact(missing)))
}

// TestExerciseCardReading: handout show gives a clinic writing its own
// exercise the reading meter, and says when its words are above the grade
// most patients read at.
func TestExerciseCardReading(t *testing.T) {
	src := func(why, step string) []byte {
		return []byte("---\nid: my-stretch\nname: My stretch\nregions: [neck]\nposition: sitting\nlaterality: both-sides\nsource: clinician\n---\n\n" +
			why + "\n\n![Start](builtin:chin-tuck-start){alt=\"A person sitting\"}\n\n1. " + step + "\n\n> [!CAUTION]\n> Stop if it hurts.\n")
	}
	for _, c := range []struct {
		why, step, want string
	}{
		{"This eases a stiff neck.", "Sit tall. Look ahead.", "(Flesch–Kincaid; 6 or below reads for most patients)"},
		{"Consequently, this mobilisation intervention facilitates cervical extensibility, accommodating considerable individual variability in musculoskeletal responsiveness.",
			"Progressively approximate the occipital protuberance posteriorly, maintaining neutral craniocervical alignment throughout the movement.", "above 6; shorter sentences"},
	} {
		e, err := content.ParseExercise("my-stretch.md", src(c.why, c.step), pose.BuiltinDescription)
		if err != nil {
			t.Fatal(err)
		}
		if card := ExerciseCard(e); !strings.Contains(card, "  reading:") || !strings.Contains(card, c.want) {
			t.Errorf("the card for %q lacks %q:\n%s", c.why, c.want, card)
		}
	}
}
