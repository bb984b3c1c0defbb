package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// TestJPEGQuality: the quality estimated from the luma table is the one
// the file was encoded at, for Go's encoder and for libjpeg's (cjpeg).
func TestJPEGQuality(t *testing.T) {
	t.Parallel()
	src := testPhoto(64, 48)
	for _, q := range []int{10, 50, 72, 75, 85, 92, 100} {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: q}); err != nil {
			t.Fatal(err)
		}
		if got := jpegQuality(exifScanJPEG(buf.Bytes()).lumaQSum); got != q {
			t.Errorf("Go quality %d estimated as %d", q, got)
		}
	}
	for name, q := range map[string]int{"420.jpg": 90, "444-q98-restart-5.jpg": 98} {
		b, err := os.ReadFile(filepath.Join("internal", "scaledjpeg", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := jpegQuality(exifScanJPEG(b).lumaQSum); got != q {
			t.Errorf("cjpeg -quality %d (%s) estimated as %d", q, name, got)
		}
	}
}

// withMetadata adds what a phone writes besides the picture: an EXIF
// block with a GPS position, an ICC profile and a comment.
func withMetadata(jpg []byte) []byte {
	seg := func(marker byte, payload string) []byte {
		b := []byte{0xff, marker, 0, 0}
		binary.BigEndian.PutUint16(b[2:], uint16(len(payload)+2))
		return append(b, payload...)
	}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg(0xe1, "Exif\x00\x00MM\x00*GPSLatitude 39.1653 N GPSLongitude 86.5264 W SerialNumber 0042")...)
	out = append(out, seg(0xe2, "ICC_PROFILE\x00\x01\x01fake profile")...)
	out = append(out, seg(0xfe, "taken at the patient's home")...)
	return append(out, jpg[2:]...)
}

// TestPrepareJPEGAsIs: a JPEG that is already the right size, upright and
// at no higher quality than the preset is embedded as it is — not decoded
// — without its metadata.
func TestPrepareJPEGAsIs(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testQuadrants(450, 338), &jpeg.Options{Quality: 75}); err != nil {
		t.Fatal(err)
	}
	plain := buf.Bytes()
	src := withMetadata(plain)
	p := NewPreparer("", nil)
	img, err := p.Prepare("p.jpg", src, print3in) // 3 in at 250 ppi wants 750 px
	if err != nil {
		t.Fatal(err)
	}
	if p.Decodes() != 0 {
		t.Errorf("decoded %d times, want 0", p.Decodes())
	}
	if !bytes.Equal(img.Data, plain) {
		t.Errorf("embedded %d bytes, want the source's own %d without its metadata", len(img.Data), len(plain))
	}
	for _, secret := range []string{"GPS", "SerialNumber", "ICC_PROFILE", "patient"} {
		if bytes.Contains(img.Data, []byte(secret)) {
			t.Errorf("the embedded JPEG still holds %q", secret)
		}
	}
	if img.Format != "jpg" || img.PxW != 450 || img.PxH != 338 {
		t.Errorf("got %s %d×%d", img.Format, img.PxW, img.PxH)
	}
	checkQuadrants(t, decodeOut(t, img))
}

// TestPrepareJPEGNotAsIs: every reason to change a JPEG makes it prepared
// (decoded and encoded again) as before.
func TestPrepareJPEGNotAsIs(t *testing.T) {
	t.Parallel()
	enc := func(m image.Image, q int) []byte {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: q}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	small := testQuadrants(450, 338)
	progressive, err := os.ReadFile(filepath.Join("internal", "scaledjpeg", "testdata", "progressive-unsupported.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		src  []byte
		opt  Options
	}{
		{"larger than the placement needs", enc(testQuadrants(1600, 1200), 75), print3in},
		{"sideways", withEXIF(enc(small, 75), 6, binary.BigEndian), print3in},
		{"higher quality than the preset", enc(small, 92), print3in},
		{"email preset below the file's quality", enc(small, 75), Options{Preset: PresetEmail, PlacedWidthPt: 216}},
		{"grayscale", enc(small, 75), Options{Preset: PresetPrint, PlacedWidthPt: 216, Grayscale: true}},
		{"cropped", enc(small, 75), Options{Preset: PresetPrint, PlacedWidthPt: 216, PlacedHeightPt: 72, Crop: true}},
		{"progressive", progressive, Options{Preset: PresetPrint, PlacedWidthPt: 2000}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := NewPreparer("", nil)
			img, err := p.Prepare("p.jpg", c.src, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if p.Decodes() != 1 {
				t.Errorf("decoded %d times, want 1", p.Decodes())
			}
			if stripped, _ := stripJPEG(c.src); bytes.Equal(img.Data, stripped) {
				t.Error("embedded as it is")
			}
		})
	}
}

// TestStripJPEG: stripping drops only metadata segments; the picture
// decodes to the same pixels.
func TestStripJPEG(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testQuadrants(64, 48), nil); err != nil {
		t.Fatal(err)
	}
	src := withMetadata(buf.Bytes())
	out, ok := stripJPEG(src)
	if !ok || !bytes.Equal(out, buf.Bytes()) {
		t.Fatalf("stripped to %d bytes (%v), want the %d without metadata", len(out), ok, buf.Len())
	}
	a, err := jpeg.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	b, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.(*image.YCbCr).Y, b.(*image.YCbCr).Y) {
		t.Error("the stripped file decodes to other pixels")
	}
	for _, bad := range [][]byte{nil, []byte("not a jpeg"), src[:7], append([]byte{0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff}, make([]byte, 10)...)} {
		if _, ok := stripJPEG(bad); ok {
			t.Errorf("stripped %q", bad)
		}
	}
}

// TestPreparePNGAsIs: at the print preset a screenshot PNG that needs no
// change is embedded as it is (not encoded again); at the email preset, or
// with transparency, or larger than its placement, it is prepared as
// before.
func TestPreparePNGAsIs(t *testing.T) {
	t.Parallel()
	shot := pngBytes(t, testQuadrants(400, 300)) // four flat colours: PNG beats JPEG
	img, err := NewPreparer("", nil).Prepare("s.png", shot, print3in)
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "png" || !bytes.Equal(img.Data, shot) {
		t.Errorf("got %s of %d bytes, want the source PNG's %d bytes", img.Format, len(img.Data), len(shot))
	}
	img, err = NewPreparer("", nil).Prepare("s.png", shot, Options{Preset: PresetEmail, PlacedWidthPt: 216})
	if err != nil || bytes.Equal(img.Data, shot) || len(img.Data) > len(shot) {
		t.Errorf("at the email preset: %v, %d bytes (source %d): want our smaller encoding", err, len(img.Data), len(shot))
	}
	big := pngBytes(t, testQuadrants(1600, 1200))
	if img, err := NewPreparer("", nil).Prepare("b.png", big, print3in); err != nil || bytes.Equal(img.Data, big) || img.PxW != 750 {
		t.Errorf("a PNG larger than its placement: %v, %d px wide, as is: %v", err, img.PxW, bytes.Equal(img.Data, big))
	}
	alpha := image.NewNRGBA(image.Rect(0, 0, 40, 30)) // transparent: flattened onto white
	if img, err := NewPreparer("", nil).Prepare("a.png", pngBytes(t, alpha), print3in); err != nil || bytes.Equal(img.Data, pngBytes(t, alpha)) {
		t.Errorf("a transparent PNG was embedded as it is (%v)", err)
	}
}
