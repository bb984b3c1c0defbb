package pose

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"handout/figures"
	"handout/internal/golden"
)

// checkGolden compares got with the golden file at path: -update rewrites
// it, a missing golden fails, and a mismatch writes got next to it (name
// with .got before the extension) for looking at.
func checkGolden(t *testing.T, path string, got []byte, describe func(want []byte) string) {
	t.Helper()
	if golden.Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run go test ./figures/pose -update to create it)", path, err)
	}
	if bytes.Equal(got, want) {
		return
	}
	ext := filepath.Ext(path)
	gotPath := strings.TrimSuffix(path, ext) + ".got" + ext
	if ext == ".path" {
		gotPath = strings.TrimSuffix(path, ext) + ".got"
	}
	if err := os.WriteFile(gotPath, got, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Errorf("%s differs from its golden: %s; wrote %s (look at it, then go test ./figures/pose -update)", path, describe(want), gotPath)
}

// dumpDrawing is the text form of a drawing for its golden file: one line
// per shape and per path segment, numbers to 0.01 cm.
func dumpDrawing(d figures.Drawing) []byte {
	var b bytes.Buffer
	hex := func(c [4]uint8) string { return fmt.Sprintf("#%02x%02x%02x%02x", c[0], c[1], c[2], c[3]) }
	fmt.Fprintf(&b, "drawing %.2f %.2f\n", d.W, d.H)
	for _, sh := range d.Shapes {
		fmt.Fprintf(&b, "shape fill=%s stroke=%s width=%.2f\n",
			hex([4]uint8{sh.Fill.R, sh.Fill.G, sh.Fill.B, sh.Fill.A}),
			hex([4]uint8{sh.Stroke.R, sh.Stroke.G, sh.Stroke.B, sh.Stroke.A}), sh.LineWidth)
		for _, s := range sh.Path {
			p := s.Pts
			switch s.Op {
			case figures.MoveTo:
				fmt.Fprintf(&b, "M %.2f %.2f\n", p[0].X, p[0].Y)
			case figures.LineTo:
				fmt.Fprintf(&b, "L %.2f %.2f\n", p[0].X, p[0].Y)
			case figures.CubicTo:
				fmt.Fprintf(&b, "C %.2f %.2f %.2f %.2f %.2f %.2f\n", p[0].X, p[0].Y, p[1].X, p[1].Y, p[2].X, p[2].Y)
			case figures.Close:
				b.WriteString("Z\n")
			}
		}
	}
	return b.Bytes()
}

// firstDiff names the first line where two dumps differ.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

func TestBuiltinGolden(t *testing.T) {
	t.Parallel()
	for _, name := range BuiltinNames() {
		t.Run(name, func(t *testing.T) {
			d, err := Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			got := dumpDrawing(d)
			checkGolden(t, filepath.Join("testdata", "builtin", name+".path"), got,
				func(want []byte) string { return firstDiff(got, want) })
		})
	}
}

func TestBuiltinDeterministic(t *testing.T) {
	t.Parallel()
	for _, name := range BuiltinNames() {
		a, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Builtin(name)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two calls drew different drawings", name)
		}
	}
}

func TestBuiltinNames(t *testing.T) {
	t.Parallel()
	want := []string{
		"prone-chin-rest", "prone-head-chest-lift", "prone-head-turned-right", "prone-forearm-prop",
		"prone-head-turned-left", "prone-active-extension", "quadruped-cat", "quadruped-cow",
		"supine-towel", "supine-foam-roller", "ball-arch-from-floor", "ball-full-back-bend",
		"wheel-pose", "chin-tuck-start", "chin-tuck-finish",
		"bird-dog-start", "bird-dog-finish", "dead-bug-start", "dead-bug-finish",
		"prone-on-elbows", "standing-extension-start", "standing-extension-finish",
		"sit-to-stand-start", "sit-to-stand-finish",
		"heel-raise-start", "heel-raise-finish",
		"calf-stretch", "hamstring-stretch", "hip-flexor-stretch",
		"sciatic-nerve-glide-start", "sciatic-nerve-glide-finish",
		"pendulum", "wall-walk-start", "wall-walk-finish",
		"band-row-start", "band-row-finish", "scapular-squeeze-start", "scapular-squeeze-finish",
		"supine-chin-tuck-head-lift-start", "supine-chin-tuck-head-lift-finish", "glute-bridge-start", "glute-bridge-finish", "knee-to-chest-start", "knee-to-chest-finish",
		"straight-leg-raise-start", "straight-leg-raise-finish",
		"mountain-front", "mountain-side",
		"pelvic-tilt-start", "pelvic-tilt-finish", "prone-press-up-start", "prone-press-up-finish",
		"childs-pose", "lying-march-start", "lying-march-finish", "quad-set", "abdominal-brace",
		"neck-rotation-start", "neck-rotation-finish", "upper-trapezius-stretch", "levator-scapulae-stretch", "piriformis-stretch",
		"wall-angel-start", "wall-angel-finish", "doorway-pec-stretch", "cross-body-stretch",
		"band-external-rotation-start", "band-external-rotation-finish", "neck-isometrics",
		"clamshell-start", "clamshell-finish", "side-plank-knees-start", "side-plank-knees-finish",
		"lower-trunk-rotation-start", "lower-trunk-rotation-finish", "prone-y-t-start", "prone-y-t-finish",
		"thoracic-rotation-start", "thoracic-rotation-finish",
	}
	if got := BuiltinNames(); !reflect.DeepEqual(got, want) {
		t.Fatalf("BuiltinNames() = %q, want %q", got, want)
	}
	for _, name := range want {
		if BuiltinDescription(name) == "" {
			t.Errorf("%s has no description", name)
		}
	}
	if BuiltinDescription("nope") != "" {
		t.Error(`BuiltinDescription("nope") is not empty`)
	}
}

func TestBuiltinUnknown(t *testing.T) {
	t.Parallel()
	_, err := Builtin("cobra")
	if !errors.Is(err, ErrUnknownBuiltin) || !strings.Contains(err.Error(), "handout list") {
		t.Fatalf(`Builtin("cobra") error = %v, want ErrUnknownBuiltin pointing at handout list`, err)
	}
}

// TestBuiltinScale checks that every drawing is in centimetres at one
// scale: the standing figures are as tall as the body plus margins.
func TestBuiltinScale(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"mountain-front", "mountain-side"} {
		d, err := Builtin(name)
		if err != nil {
			t.Fatal(err)
		}
		if d.H < bodyHeight+2*margin || d.H > bodyHeight+2*margin+12 {
			t.Errorf("%s is %.1f high, want the %.0f cm body plus margins", name, d.H, bodyHeight)
		}
	}
}
