package content

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"handout/internal/golden"
)

func builtinLibrary(t testing.TB) *Library {
	t.Helper()
	l, err := BuiltinLibrary(nil)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// The public catalogue (issue 12): these ids are promised.
var (
	catalogueExercises = []string{
		"chin-tuck", "supine-chin-tuck-head-lift", "neck-rotation", "upper-trapezius-stretch", "levator-scapulae-stretch", "neck-isometrics",
		"doorway-pec-stretch", "scapular-squeeze", "band-row", "wall-angel", "prone-y-t",
		"prone-back-extension", "cat-cow", "towel-back-bend", "foam-roller-back-bend", "ball-back-bend", "thoracic-rotation", "mountain-pose",
		"pelvic-tilt", "knee-to-chest", "lower-trunk-rotation", "childs-pose", "prone-on-elbows", "prone-press-up", "standing-extension",
		"abdominal-brace", "bird-dog", "dead-bug", "glute-bridge", "side-plank-knees",
		"piriformis-stretch", "sciatic-nerve-glide", "hamstring-stretch", "hip-flexor-stretch", "clamshell",
		"pendulum", "wall-walk", "cross-body-stretch", "band-external-rotation",
		"quad-set", "straight-leg-raise", "sit-to-stand", "heel-raise", "calf-stretch",
	}
	catalogueProtocols = []string{
		"neck-pain", "posture", "mid-back-pain", "low-back-pain", "low-back-extension", "low-back-core",
		"sciatica", "shoulder-mobility", "shoulder-strength", "knee-osteoarthritis",
	}
)

// TestBuiltinLibrary checks what every built-in exercise promises: its
// file is named after its id, it has a figure with alt text on every
// panel (no drawing's description stands in: describe is nil), 3 to 5
// steps, a kind of source, and it reads at grade 6 or below.
func TestBuiltinLibrary(t *testing.T) {
	l := builtinLibrary(t)
	if n := len(l.Exercises()); n < 45 {
		t.Errorf("%d built-in exercises, want at least 45", n)
	}
	for _, id := range catalogueExercises {
		if _, err := l.Exercise(id, ""); err != nil {
			t.Error(err)
		}
	}
	for _, id := range catalogueProtocols {
		if _, err := l.Protocol(id, ""); err != nil {
			t.Error(err)
		}
	}
	for _, e := range l.Exercises() {
		if want := "exercises/" + e.ID + ".md" + builtinSuffix; e.Source != want {
			t.Errorf("%s: exercise %s is not in a file named after its id (%s)", e.Source, e.ID, want)
		}
		if n := len(e.Steps); n < 3 || n > 5 {
			t.Errorf("%s: %d steps, want 3 to 5", e.Source, n)
		}
		if len(e.Figures) == 0 {
			t.Errorf("%s: no figure", e.Source)
		}
		if e.Why == nil || len(e.Cautions)+len(e.Tips) == 0 {
			t.Errorf("%s: no why, or neither a tip nor a caution", e.Source)
		}
		if e.SourceKind == Clinician {
			t.Errorf("%s: a built-in exercise follows a guideline or a handout pattern, not a clinician's own judgment", e.Source)
		}
		if e.Reviewed != "" {
			// No clinician has reviewed the built-in texts yet; a date
			// here would claim one had (HANDOUT-DESIGN.md §4).
			t.Errorf("%s: reviewed is set, but the built-in texts await a clinician's review", e.Source)
		}
		if g := ReadingGrade(e.Sentences()); g > TargetGrade {
			t.Errorf("%s: Flesch–Kincaid grade %.1f, want at most %d", e.Source, g, TargetGrade)
		}
	}
}

// TestBuiltinProtocols: every protocol is in a file named after its id,
// has 3 to 5 exercises, each in the library (LoadLibrary checks that) and
// none twice.
func TestBuiltinProtocols(t *testing.T) {
	l := builtinLibrary(t)
	if n := len(l.Protocols()); n < 10 {
		t.Errorf("%d protocols, want at least 10", n)
	}
	for _, p := range l.Protocols() {
		if want := "protocols/" + p.ID + ".yaml" + builtinSuffix; p.Source != want {
			t.Errorf("%s: protocol %s is not in a file named after its id", p.Source, p.ID)
		}
		if n := len(p.Items); n < 3 || n > 5 {
			t.Errorf("%s: %d exercises, want 3 to 5", p.Source, n)
		}
		seen := map[string]bool{}
		for _, it := range p.Items {
			e, err := l.Exercise(it.ID, "")
			if err != nil {
				t.Errorf("%s:%d: %v", p.Source, it.Pos.Line, err)
				continue
			}
			if seen[e.ID] {
				t.Errorf("%s:%d: %s is listed twice", p.Source, it.Pos.Line, e.ID)
			}
			seen[e.ID] = true
		}
	}
}

// TestBuiltinLibraryFigures lists every built-in drawing the library
// names, in testdata/library-figures.txt, so that the list can be checked
// against figures' drawings where figures is importable (many are being
// drawn on another branch). -update rewrites the list.
func TestBuiltinLibraryFigures(t *testing.T) {
	l := builtinLibrary(t)
	var names []string
	for _, e := range l.Exercises() {
		for _, f := range e.Figures {
			for _, p := range f.Panels {
				name, ok := p.Builtin()
				if !ok {
					t.Errorf("%s:%d: %q is not a built-in drawing; the built-in library draws its own", e.Source, p.Pos.Line, p.Source)
					continue
				}
				names = append(names, name)
			}
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	got := strings.Join(names, "\n") + "\n"
	file := path.Join("testdata", "library-figures.txt")
	if golden.Update() {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("the library's drawings changed; run go test -update and check the list\ngot:\n%s", got)
	}
}

// TestMidBackHandoutExercises: the mid-back handout's exercises are
// library exercises too, drawn with the handout's own drawings.
func TestMidBackHandoutExercises(t *testing.T) {
	l := builtinLibrary(t)
	for id, drawing := range map[string]string{
		"prone-back-extension": "prone-head-chest-lift", "prone-active-extension": "prone-active-extension",
		"cat-cow": "quadruped-cat", "towel-back-bend": "supine-towel", "foam-roller-back-bend": "supine-foam-roller",
		"ball-back-bend": "ball-arch-from-floor", "wheel-pose": "wheel-pose", "mountain-pose": "mountain-side",
	} {
		e, err := l.Exercise(id, "")
		if err != nil {
			t.Error(err)
			continue
		}
		var used []string
		for _, f := range e.Figures {
			for _, p := range f.Panels {
				used = append(used, p.Source)
			}
		}
		if !slices.Contains(used, "builtin:"+drawing) {
			t.Errorf("%s draws %v, want builtin:%s among them", id, used, drawing)
		}
	}
}

// BenchmarkBuiltinLibrary is the cost of reading the built-in library,
// which a run does once.
func BenchmarkBuiltinLibrary(b *testing.B) {
	for b.Loop() {
		if _, err := BuiltinLibrary(nil); err != nil {
			b.Fatal(err)
		}
	}
}
