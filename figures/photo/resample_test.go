package photo

import (
	"image"
	"image/color"
	"testing"

	"github.com/disintegration/imaging"
)

// TestResampleTapsSumToOne: every output sample's weights add up to
// exactly one, shrinking and enlarging, so flat areas stay flat.
func TestResampleTapsSumToOne(t *testing.T) {
	t.Parallel()
	for _, c := range [][2]int{{4000, 750}, {750, 749}, {100, 333}, {3, 1}, {1, 5}, {1, 1}} {
		for i, taps := range resampleTaps(c[0], c[1]) {
			var sum int32
			for _, tp := range taps {
				sum += tp.weight
				if tp.src < 0 || tp.src >= c[0] {
					t.Fatalf("%d→%d, sample %d: source %d outside the line", c[0], c[1], i, tp.src)
				}
			}
			if sum != 1<<resampleBits {
				t.Fatalf("%d→%d, sample %d: weights sum to %d", c[0], c[1], i, sum)
			}
		}
	}
}

// TestResampleMatchesImaging: on a photo, the integer resampler gives what
// imaging's floating-point Catmull-Rom gives, within rounding.
func TestResampleMatchesImaging(t *testing.T) {
	t.Parallel()
	src := testPhoto(900, 700)
	for _, size := range [][2]int{{300, 233}, {640, 498}, {899, 700}} {
		got := resize(src, size[0], size[1])
		want := imaging.Resize(src, size[0], size[1], imaging.CatmullRom)
		var diff, worst int
		for i := range got.Pix {
			d := int(got.Pix[i]) - int(want.Pix[i])
			diff += max(d, -d)
			worst = max(worst, max(d, -d))
		}
		if mean := float64(diff) / float64(len(got.Pix)); mean > 0.6 || worst > 3 {
			t.Errorf("%v: mean difference %.2f, worst %d levels from imaging.Resize", size, mean, worst)
		}
	}
}

// TestResampleFlatStaysFlat: a plain colour comes out exactly that colour.
func TestResampleFlatStaysFlat(t *testing.T) {
	t.Parallel()
	src := image.NewNRGBA(image.Rect(0, 0, 123, 77))
	for i := 0; i < len(src.Pix); i += 4 {
		copy(src.Pix[i:], []byte{200, 100, 50, 255})
	}
	out := resize(src, 40, 31)
	for i := 0; i < len(out.Pix); i += 4 {
		if c := out.Pix[i : i+4]; c[0] != 200 || c[1] != 100 || c[2] != 50 || c[3] != 255 {
			t.Fatalf("pixel %d is %v, want 200 100 50 255", i/4, c)
		}
	}
}

// TestResampleTransparentEdge: a red logo on a transparent background
// keeps red edges: the invisible (black) colour of the background does not
// darken them.
func TestResampleTransparentEdge(t *testing.T) {
	t.Parallel()
	src := image.NewNRGBA(image.Rect(0, 0, 100, 100))
	for y := 30; y < 70; y++ {
		for x := 30; x < 70; x++ {
			src.SetNRGBA(x, y, color.NRGBA{220, 20, 20, 255})
		}
	}
	out := resize(src, 33, 33)
	for i := 0; i < len(out.Pix); i += 4 {
		c := out.Pix[i : i+4]
		if c[3] > 16 && (c[0] < 200 || c[1] > 40) {
			t.Fatalf("pixel %d is %v: the edge took colour from transparent pixels", i/4, c)
		}
	}
}
