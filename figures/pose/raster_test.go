package pose

import (
	"bytes"
	"image/color"
	"image/png"
	"testing"

	"handout/figures"
)

func TestWritePNGDeterministic(t *testing.T) {
	t.Parallel()
	d, err := Builtin("quadruped-cat")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := WritePNG(&a, d, 300); err != nil {
		t.Fatal(err)
	}
	if err := WritePNG(&b, d, 300); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two encodings of one drawing differ")
	}
	img, err := png.Decode(&a)
	if err != nil {
		t.Fatal(err)
	}
	if w := img.Bounds().Dx(); w != 300 {
		t.Errorf("width %d, want 300", w)
	}
}

// TestWritePNGStroke checks that an open stroked path, which has no fill,
// shows in the raster.
func TestWritePNGStroke(t *testing.T) {
	t.Parallel()
	d := figures.Drawing{W: 10, H: 10, Shapes: []figures.Shape{{
		Path:      []figures.Segment{{Op: figures.MoveTo, Pts: [3]figures.Point{{X: 1, Y: 5}}}, {Op: figures.LineTo, Pts: [3]figures.Point{{X: 9, Y: 5}}}},
		Stroke:    color.RGBA{A: 0xff},
		LineWidth: 0.7,
	}}}
	var buf bytes.Buffer
	if err := WritePNG(&buf, d, 100); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r, _, _, _ := img.At(50, 50).RGBA(); r > 0x4000 {
		t.Errorf("stroke centre is %#x, want dark", r)
	}
	if r, _, _, _ := img.At(50, 30).RGBA(); r < 0xf000 {
		t.Errorf("beside the stroke is %#x, want white", r)
	}
}

func TestWritePNGBadSize(t *testing.T) {
	t.Parallel()
	if err := WritePNG(&bytes.Buffer{}, figures.Drawing{W: 10, H: 10}, 0); err == nil {
		t.Error("0 px wide gave no error")
	}
	if err := WritePNG(&bytes.Buffer{}, figures.Drawing{}, 100); err == nil {
		t.Error("empty drawing gave no error")
	}
}
