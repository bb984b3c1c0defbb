package photo

import (
	"image"
	"math"
	"testing"
)

// TestPresetSteps checks the size-budget presets: each step is no larger
// than the one before, at the documented resolution, and only the last
// turns photos gray.
func TestPresetSteps(t *testing.T) {
	t.Parallel()
	src := jpegBytes(t, testPhoto(3000, 2000))
	p := NewPreparer("", nil)
	prev := 1 << 62
	for _, c := range []struct {
		preset Preset
		name   string
		wantW  int // a 3-inch placement
		gray   bool
	}{
		{PresetPrint, "print", 750, false},
		{PresetEmail, "email", 450, false},
		{PresetEmailSmall, "email-small", 360, false},
		{PresetEmailSmaller, "email-smaller", 288, false},
		{PresetEmailGray, "email-gray", 288, true},
	} {
		if got := c.preset.String(); got != c.name {
			t.Errorf("Preset(%d).String() = %q, want %q", int(c.preset), got, c.name)
		}
		img, err := p.Prepare("p.jpg", src, Options{Preset: c.preset, PlacedWidthPt: 216})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d×%d, %d bytes", c.name, img.PxW, img.PxH, len(img.Data))
		if img.PxW != c.wantW {
			t.Errorf("%s: %d px wide, want %d", c.name, img.PxW, c.wantW)
		}
		if len(img.Data) > prev {
			t.Errorf("%s: %d bytes, more than the step before (%d)", c.name, len(img.Data), prev)
		}
		prev = len(img.Data)
		_, isGray := decodeOut(t, img).(*image.Gray)
		if isGray != c.gray {
			t.Errorf("%s: gray = %t, want %t", c.name, isGray, c.gray)
		}
	}
}

// TestPresetGrayKeepsLogoColour checks that the gray step leaves a logo
// (KeepAlpha) in colour: the clinic's branding is not a photo to shrink.
func TestPresetGrayKeepsLogoColour(t *testing.T) {
	t.Parallel()
	src := pngBytes(t, testQuadrants(200, 100))
	img, err := NewPreparer("", nil).Prepare("logo.png", src, Options{Preset: PresetEmailGray, PlacedHeightPt: 36, KeepAlpha: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, isGray := decodeOut(t, img).(*image.Gray); isGray {
		t.Error("the logo was turned gray")
	}
}

// TestLaserGammaIsPow: the integer gamma curve gives what
// round(255·x^0.8) gives in floating point, for every level of every
// stretch the laser curve uses.
func TestLaserGammaIsPow(t *testing.T) {
	t.Parallel()
	for d := 64; d <= 255; d++ {
		for n := 0; n <= d; n++ {
			want := uint8(math.Round(255 * math.Pow(float64(n)/float64(d), 0.8)))
			if got := laserGamma(n, d); got != want {
				t.Fatalf("laserGamma(%d, %d) = %d, want %d", n, d, got, want)
			}
		}
	}
}
