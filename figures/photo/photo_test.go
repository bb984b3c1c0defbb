package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// print3in is a 3-inch-wide print placement (750 px at 250 ppi).
var print3in = Options{Preset: PresetPrint, PlacedWidthPt: 216}

// checkQuadrants asserts m shows testQuadrants upright.
func checkQuadrants(t *testing.T, m image.Image) {
	t.Helper()
	b := m.Bounds()
	at := func(fx, fy float64) color.Color {
		return m.At(b.Min.X+int(fx*float64(b.Dx())), b.Min.Y+int(fy*float64(b.Dy())))
	}
	for _, c := range []struct {
		name   string
		fx, fy float64
		want   color.RGBA
	}{
		{"top left", 0.2, 0.2, red},
		{"top right", 0.8, 0.2, green},
		{"bottom left", 0.2, 0.8, blue},
		{"bottom right", 0.8, 0.8, yellow},
	} {
		if got := at(c.fx, c.fy); !near(got, c.want, 24) {
			t.Errorf("%s is %v, want about %v", c.name, got, c.want)
		}
	}
}

// wantErr asserts err is an *Error of kind and its message contains
// every part.
func wantErr(t *testing.T, err error, kind error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", kind)
	}
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	if !errors.Is(err, kind) {
		t.Errorf("error %q is not %v", err, kind)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}

// TestPrepareEXIFOrientations: every orientation, on a photo decoded in
// full (400×300 for 250 pixels across) and one decoded at a quarter of its
// size (1600×1200, see decodeScale).
func TestPrepareEXIFOrientations(t *testing.T) {
	t.Parallel()
	for _, size := range []struct{ w, h, scale int }{{400, 300, 1}, {1600, 1200, 4}} {
		upright := testQuadrants(size.w, size.h)
		for o := 1; o <= 8; o++ {
			for _, bo := range []binary.ByteOrder{binary.BigEndian, binary.LittleEndian} {
				t.Run(fmt.Sprintf("%dx%d/%d/%v", size.w, size.h, o, bo), func(t *testing.T) {
					src := withEXIF(jpegBytes(t, storedFor(upright, o)), o, bo)
					opt := Options{PlacedWidthPt: 72}
					pl, err := inspect(src)
					if err != nil {
						t.Fatal(err)
					}
					if s := decodeScale(pl, testTarget(pl, opt)); s != size.scale {
						t.Fatalf("decoded at 1/%d, want 1/%d", s, size.scale)
					}
					checkOrientation(t, src, opt)
				})
			}
		}
	}
}

func checkOrientation(t *testing.T, src []byte, opt Options) {
	t.Helper()
	img, err := NewPreparer("", nil).Prepare("phone.jpg", src, opt)
	if err != nil {
		t.Fatal(err)
	}
	if img.PxW != 250 || img.PxH != 188 {
		t.Errorf("size %d×%d, want 250×188 (landscape, as shown)", img.PxW, img.PxH)
	}
	checkQuadrants(t, decodeOut(t, img))
}

func TestPrepareEXIFOrientationWithCrop(t *testing.T) {
	t.Parallel()
	// Sideways photo cropped to a square around the upper-right quarter:
	// the crop is placed in upright space, so the result is all green.
	src := withEXIF(jpegBytes(t, storedFor(testQuadrants(400, 300), 6)), 6, binary.BigEndian)
	img, err := NewPreparer("", nil).Prepare("phone.jpg", src, Options{PlacedWidthPt: 36, PlacedHeightPt: 36, Crop: true, FocusX: 0.99, FocusY: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	m := decodeOut(t, img)
	if img.PxW != img.PxH {
		t.Errorf("crop is %d×%d, want square", img.PxW, img.PxH)
	}
	if c := m.At(img.PxW*3/4, img.PxH/4); !near(c, green, 24) {
		t.Errorf("crop shows %v, want green (the upper-right quarter)", c)
	}
}

func TestPrepareCropFocus(t *testing.T) {
	t.Parallel()
	src := jpegBytes(t, testQuadrants(600, 300)) // 2:1
	square := Options{PlacedWidthPt: 72, PlacedHeightPt: 72, Crop: true}
	for _, c := range []struct {
		name   string
		fx, fy float64
		left   color.RGBA // colour at the crop's upper left
		right  color.RGBA // colour at the crop's upper right
	}{
		{"centre", 0, 0, red, green},
		{"left", 0.05, 0.5, red, red},
		{"right", 0.95, 0.5, green, green},
	} {
		t.Run(c.name, func(t *testing.T) {
			opt := square
			opt.FocusX, opt.FocusY = c.fx, c.fy
			img, err := NewPreparer("", nil).Prepare("wide.jpg", src, opt)
			if err != nil {
				t.Fatal(err)
			}
			if img.PxW != 250 || img.PxH != 250 {
				t.Fatalf("size %d×%d, want 250×250", img.PxW, img.PxH)
			}
			m := decodeOut(t, img)
			if got := m.At(20, 20); !near(got, c.left, 24) {
				t.Errorf("upper left %v, want %v", got, c.left)
			}
			if got := m.At(230, 20); !near(got, c.right, 24) {
				t.Errorf("upper right %v, want %v", got, c.right)
			}
		})
	}
}

func TestPrepareResolution(t *testing.T) {
	t.Parallel()
	src := jpegBytes(t, testPhoto(3000, 2000))
	for _, c := range []struct {
		name       string
		opt        Options
		wantW, wan int
	}{
		{"print 3in", print3in, 750, 500},
		{"email 3in", Options{Preset: PresetEmail, PlacedWidthPt: 216}, 450, 300},
		{"box limits height", Options{PlacedWidthPt: 216, PlacedHeightPt: 72}, 375, 250},
		{"height only", Options{PlacedHeightPt: 72}, 375, 250},
		{"never enlarged", Options{PlacedWidthPt: 200 * 72}, 3000, 2000},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := NewPreparer("", nil).Prepare("p.jpg", src, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if img.PxW != c.wantW || img.PxH != c.wan || img.Format != "jpg" {
				t.Errorf("got %s %d×%d, want jpg %d×%d", img.Format, img.PxW, img.PxH, c.wantW, c.wan)
			}
			decodeOut(t, img)
		})
	}
}

func TestPreparePhotoIsSmall(t *testing.T) {
	t.Parallel()
	src := jpegBytes(t, testPhoto(4000, 3000))
	for _, c := range []struct {
		preset Preset
		max    int
	}{{PresetPrint, 150 << 10}, {PresetEmail, 60 << 10}} {
		img, err := NewPreparer("", nil).Prepare("p.jpg", src, Options{Preset: c.preset, PlacedWidthPt: 216})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%v: %d-byte source → %d bytes, %d×%d", c.preset, len(src), len(img.Data), img.PxW, img.PxH)
		if len(img.Data) > c.max {
			t.Errorf("%v: %d bytes, want at most %d", c.preset, len(img.Data), c.max)
		}
	}
}

// cmykJPEG builds a 4-component baseline JPEG from four gray JPEGs
// (Go can only write 1 and 3 components): one frame header with components
// 1–4, then one non-interleaved scan per component holding that gray
// JPEG's coded data. planes[i](x, y) is the stored sample of component i.
// adobe is -1 for no APP14 marker, else the APP14 transform (0 CMYK, 2
// YCCK).
func cmykJPEG(t *testing.T, w, h int, adobe int, planes [4]func(x, y int) uint8) []byte {
	t.Helper()
	var dqt, dht []byte
	var scans [4][]byte
	for i, f := range planes {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				g.Pix[y*g.Stride+x] = f(x, y)
			}
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: 95}); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		for p := 2; p+4 <= len(data); {
			marker, n := data[p+1], int(binary.BigEndian.Uint16(data[p+2:]))
			seg := data[p : p+2+n]
			switch marker {
			case 0xdb:
				dqt = append([]byte{}, seg...)
			case 0xc4:
				dht = append(dht[:0:0], seg...)
			case 0xda:
				scans[i] = data[p+2+n : len(data)-2] // coded data up to EOI
				p = len(data)
				continue
			}
			p += 2 + n
		}
	}
	out := []byte{0xff, 0xd8}
	if adobe >= 0 {
		out = append(out, 0xff, 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, byte(adobe))
	}
	out = append(out, dqt...)
	sof := []byte{0xff, 0xc0, 0, 8 + 3*4, 8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 4}
	for c := 1; c <= 4; c++ {
		sof = append(sof, byte(c), 0x11, 0)
	}
	out = append(out, sof...)
	out = append(out, dht...)
	for i, s := range scans {
		out = append(out, 0xff, 0xda, 0, 8, 1, byte(i+1), 0x00, 0, 63, 0)
		out = append(out, s...)
	}
	return append(out, 0xff, 0xd9)
}

// inkTest is cyan ink on the left half and yellow on the right, with
// no black: upright colours (0,255,255) and (255,255,0); a negative would
// show red and blue.
func inkTest(w int) func(x int) [4]uint8 {
	return func(x int) [4]uint8 {
		if x < w/2 {
			return [4]uint8{255, 0, 0, 0}
		}
		return [4]uint8{0, 0, 255, 0}
	}
}

func checkInk(t *testing.T, src []byte) {
	t.Helper()
	img, err := NewPreparer("", nil).Prepare("print-shop.jpg", src, Options{PlacedWidthPt: 72})
	if err != nil {
		t.Fatal(err)
	}
	m := decodeOut(t, img)
	if c := m.At(img.PxW/4, img.PxH/2); !near(c, color.RGBA{0, 255, 255, 255}, 20) {
		t.Errorf("cyan half is %v", c)
	}
	if c := m.At(img.PxW*3/4, img.PxH/2); !near(c, color.RGBA{255, 255, 0, 255}, 20) {
		t.Errorf("yellow half is %v", c)
	}
}

func TestPrepareCMYKWithAdobe(t *testing.T) {
	t.Parallel()
	// Photoshop's convention: APP14 present, ink stored inverted.
	ink := inkTest(64)
	var planes [4]func(x, y int) uint8
	for i := range planes {
		planes[i] = func(x, _ int) uint8 { return 255 - ink(x)[i] }
	}
	checkInk(t, cmykJPEG(t, 64, 32, 0, planes))
}

func TestPrepareCMYKWithoutAdobe(t *testing.T) {
	t.Parallel()
	// No APP14 marker, ink stored inverted all the same: what a metadata
	// stripper (exiftool -all=) leaves of a Photoshop file, and what
	// ImageMagick, Pillow and MuPDF assume of every CMYK JPEG. Read as
	// plain ink it came out as a negative, near black.
	ink := inkTest(64)
	var planes [4]func(x, y int) uint8
	for i := range planes {
		planes[i] = func(x, _ int) uint8 { return 255 - ink(x)[i] }
	}
	checkInk(t, cmykJPEG(t, 64, 32, -1, planes))
}

// TestPrepareCMYKFixtures reads CMYK JPEGs made by Pillow, libvips and
// ImageMagick (testdata/cmyk/make.sh), with and without the Adobe marker,
// and wants the colours ImageMagick and Pillow show for each.
func TestPrepareCMYKFixtures(t *testing.T) {
	t.Parallel()
	want := []color.RGBA{{0, 255, 255, 255}, {255, 0, 255, 255}, {255, 255, 0, 255}, {127, 127, 127, 255}}
	for _, name := range []string{"pillow.jpg", "vips.jpg", "pillow-no-adobe.jpg", "vips-no-adobe.jpg", "imagemagick-ycck.jpg"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "cmyk", name))
			if err != nil {
				t.Fatal(err)
			}
			img, err := NewPreparer("", nil).Prepare(name, src, Options{PlacedWidthPt: 64 * 72 / 250})
			if err != nil {
				t.Fatal(err)
			}
			m := decodeOut(t, img)
			for i, w := range want {
				x := (2*i + 1) * img.PxW / 8
				if c := m.At(x, img.PxH/2); !near(c, w, 12) {
					t.Errorf("stripe %d is %v, want %v", i+1, c, w)
				}
			}
		})
	}
}

func TestPrepareYCCK(t *testing.T) {
	t.Parallel()
	// YCCK (Adobe transform 2): the YCbCr of the ink amounts taken as RGB,
	// then K inverted, as libjpeg and Go read it.
	ink := inkTest(64)
	var planes [4]func(x, y int) uint8
	for i := range 3 {
		planes[i] = func(x, _ int) uint8 {
			v := ink(x)
			yy, cb, cr := color.RGBToYCbCr(v[0], v[1], v[2])
			return [3]uint8{yy, cb, cr}[i]
		}
	}
	planes[3] = func(x, _ int) uint8 { return 255 - ink(x)[3] }
	checkInk(t, cmykJPEG(t, 64, 32, 2, planes))
}

// pngHeader returns a PNG's bit depth, colour type and interlace method.
func pngHeader(t *testing.T, data []byte) (depth, ctype, interlace byte) {
	t.Helper()
	if len(data) < 29 || string(data[12:16]) != "IHDR" {
		t.Fatalf("not a PNG with IHDR first")
	}
	return data[24], data[25], data[28]
}

func TestPrepare16BitPNGWithAlpha(t *testing.T) {
	t.Parallel()
	// fpdf renders this white; we flatten it onto white as 8-bit.
	m := image.NewNRGBA64(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			a := uint16(0xffff)
			if x >= 32 {
				a = 0x8000 // half-transparent red over white: pink
			}
			m.SetNRGBA64(x, y, color.NRGBA64{0xffff, 0, 0, a})
		}
	}
	src := pngBytes(t, m)
	if d, ct, _ := pngHeader(t, src); d != 16 || ct != 6 {
		t.Fatalf("test image is %d-bit type %d, want 16-bit RGBA", d, ct)
	}
	img, err := NewPreparer("", nil).Prepare("screenshot.png", src, Options{PlacedWidthPt: 72})
	if err != nil {
		t.Fatal(err)
	}
	if img.Format == "png" {
		if d, ct, _ := pngHeader(t, img.Data); d > 8 || ct == 6 || ct == 4 {
			t.Errorf("prepared PNG is %d-bit type %d, want at most 8-bit, without alpha", d, ct)
		}
	}
	out := decodeOut(t, img)
	if c := out.At(10, 32); !near(c, color.RGBA{255, 0, 0, 255}, 4) {
		t.Errorf("opaque red is %v", c)
	}
	if c := out.At(54, 32); !near(c, color.RGBA{255, 127, 127, 255}, 4) {
		t.Errorf("half-transparent red over white is %v, want pink", c)
	}
}

func TestPrepareInterlacedPNG(t *testing.T) {
	t.Parallel()
	src := interlacedPNG(testQuadrants(60, 40))
	if _, _, il := pngHeader(t, src); il != 1 {
		t.Fatal("test image is not interlaced")
	}
	img, err := NewPreparer("", nil).Prepare("scan.png", src, Options{PlacedWidthPt: 72})
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "png" {
		t.Fatalf("format %s, want png (4 flat colours)", img.Format)
	}
	if _, _, il := pngHeader(t, img.Data); il != 0 {
		t.Error("prepared PNG is interlaced; fpdf refuses those")
	}
	checkQuadrants(t, decodeOut(t, img))
}

func TestPreparePalettedPNGWithTransparency(t *testing.T) {
	t.Parallel()
	pal := color.Palette{color.NRGBA{0, 0, 0, 0}, color.NRGBA{0, 90, 160, 255}}
	m := image.NewPaletted(image.Rect(0, 0, 40, 40), pal)
	for y := range 40 {
		for x := 20; x < 40; x++ {
			m.SetColorIndex(x, y, 1)
		}
	}
	src := pngBytes(t, m)
	t.Run("flattened", func(t *testing.T) {
		img, err := NewPreparer("", nil).Prepare("logo.png", src, Options{PlacedWidthPt: 72})
		if err != nil {
			t.Fatal(err)
		}
		out := decodeOut(t, img)
		if c := out.At(5, 20); !near(c, color.RGBA{255, 255, 255, 255}, 2) {
			t.Errorf("transparent part is %v, want white", c)
		}
		if c := out.At(35, 20); !near(c, color.RGBA{0, 90, 160, 255}, 2) {
			t.Errorf("blue part is %v", c)
		}
		if _, ct, _ := pngHeader(t, img.Data); ct == 4 || ct == 6 {
			t.Errorf("flattened image still has an alpha channel (type %d)", ct)
		}
	})
	t.Run("kept", func(t *testing.T) {
		img, err := NewPreparer("", nil).Prepare("logo.png", src, Options{PlacedWidthPt: 72, KeepAlpha: true})
		if err != nil {
			t.Fatal(err)
		}
		if img.Format != "png" {
			t.Fatalf("format %s, want png", img.Format)
		}
		if d, ct, _ := pngHeader(t, img.Data); d != 8 || ct != 6 {
			t.Errorf("logo is %d-bit type %d, want 8-bit RGBA", d, ct)
		}
		out := decodeOut(t, img)
		if _, _, _, a := out.At(5, 20).RGBA(); a != 0 {
			t.Errorf("transparent part has alpha %d", a>>8)
		}
	})
}

func TestPrepareTruncatedPNG(t *testing.T) {
	t.Parallel()
	src := pngBytes(t, testPhoto(200, 200))
	_, err := NewPreparer("", nil).Prepare("photos/cut.png", src[:len(src)/2], print3in)
	wantErr(t, err, ErrDamaged, "figures: photos/cut.png: ", "cut short")
}

// TestPrepareTruncatedJPEG: cut short, whether decoded in full or at 1/8
// (the scaled decoder refuses it and image/jpeg says what is wrong).
func TestPrepareTruncatedJPEG(t *testing.T) {
	t.Parallel()
	for _, side := range []int{200, 2000} {
		src := jpegBytes(t, testPhoto(side, side))
		opt := Options{PlacedWidthPt: 72}
		if pl, _ := inspect(src); side == 2000 && decodeScale(pl, testTarget(pl, opt)) != 8 {
			t.Fatal("the large photo is not decoded at 1/8")
		}
		for _, cut := range []int{len(src) / 2, len(src) - 2} {
			_, err := NewPreparer("", nil).Prepare("photos/cut.jpg", src[:cut], opt)
			wantErr(t, err, ErrDamaged, "figures: photos/cut.jpg: JPEG file is cut short")
		}
	}
}

// TestPrepareProgressiveJPEG: a JPEG the scaled decoder leaves to
// image/jpeg (progressive, as some editors save) still comes out right.
func TestPrepareProgressiveJPEG(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("internal/scaledjpeg/testdata/progressive-unsupported.jpg")
	if err != nil {
		t.Fatal(err)
	}
	img, err := NewPreparer("", nil).Prepare("editor.jpg", src, Options{PlacedWidthPt: 72.0 * 50 / 250})
	if err != nil {
		t.Fatal(err)
	}
	if img.PxW != 50 || img.PxH != 32 {
		t.Errorf("size %d×%d, want 50×32", img.PxW, img.PxH)
	}
}

// cheapRefusal asserts that preparing src fails fast and allocates
// little: the header alone must be enough to refuse it.
func cheapRefusal(t *testing.T, name string, src []byte, kind error, parts ...string) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := NewPreparer("", nil).Prepare(name, src, print3in)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	wantErr(t, err, kind, parts...)
	if elapsed > 50*time.Millisecond {
		t.Errorf("refusal took %v", elapsed)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("refusal allocated %d bytes", alloc)
	}
}

func TestPrepareHugePNGHeader(t *testing.T) {
	src := hugePNG()
	if len(src) != 77 {
		t.Fatalf("test PNG is %d bytes, want 77", len(src))
	}
	cheapRefusal(t, "photos/cat.png", src, ErrTooLarge,
		"figures: photos/cat.png: image is 60000×60000 pixels, more than the 50-megapixel limit; resize the photo before adding it")
}

// TestPrepareTooLargeSaysMB: the size limit and the message are in the
// decimal megabytes a file manager shows (45,000,000 bytes is 45 MB, not
// 42).
func TestPrepareTooLargeSaysMB(t *testing.T) {
	t.Parallel()
	src := make([]byte, 45_000_000)
	copy(src, "\xff\xd8\xff")
	_, err := NewPreparer("", nil).Prepare("photos/big.jpg", src, print3in)
	wantErr(t, err, ErrTooLarge, "figures: photos/big.jpg: file is 45.0 MB, more than the 40 MB limit")
}

func TestPrepareHugeGIF(t *testing.T) {
	src := []byte("GIF89a\xff\xff\xff\xff\x80\x00\x00\x00\x00\x00\xff\xff\xff,\x00\x00\x00\x00\xff\xff\xff\xff\x00\x02\x02D\x01\x00;")
	cheapRefusal(t, "photos/anim.gif", src, ErrUnsupported, "is a GIF image", "JPEG", "PNG")
}

func TestPrepareFileExtensionLies(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	jpg := jpegBytes(t, testQuadrants(200, 100))
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	os.WriteFile(filepath.Join(dir, "really-jpeg.png"), jpg, 0o644)
	os.WriteFile(filepath.Join(dir, "really-pdf.png"), pdf, 0o644)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	p := NewPreparer("", nil)
	t.Run("jpeg", func(t *testing.T) {
		// The content decides: a JPEG named .png is the JPEG it is.
		img, err := p.PrepareFile(root, "really-jpeg.png", Options{PlacedWidthPt: 72})
		if err != nil {
			t.Fatal(err)
		}
		if img.Format != "jpg" {
			t.Errorf("format %s, want jpg", img.Format)
		}
		checkQuadrants(t, decodeOut(t, img))
	})
	t.Run("pdf", func(t *testing.T) {
		_, err := p.PrepareFile(root, "really-pdf.png", Options{PlacedWidthPt: 72})
		wantErr(t, err, ErrUnsupported, "figures: really-pdf.png: is a PDF document")
	})
}

func TestPrepareEmptyFile(t *testing.T) {
	t.Parallel()
	_, err := NewPreparer("", nil).Prepare("photos/empty.jpg", nil, print3in)
	wantErr(t, err, ErrDamaged, "figures: photos/empty.jpg: file is empty")
}

func TestPrepareNotAnImage(t *testing.T) {
	t.Parallel()
	_, err := NewPreparer("", nil).Prepare("notes.jpg", []byte("Patient notes, not a photo.\n"), print3in)
	wantErr(t, err, ErrUnsupported, "not a JPEG, PNG or WebP image")
}

func TestPrepareFilePaths(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "handout")
	os.MkdirAll(filepath.Join(dir, "photos"), 0o755)
	jpg := jpegBytes(t, testQuadrants(200, 100))
	os.WriteFile(filepath.Join(base, "secret.jpg"), jpg, 0o644)
	os.WriteFile(filepath.Join(dir, "photos", "ok.jpg"), jpg, 0o644)
	if err := os.Symlink(filepath.Join(base, "secret.jpg"), filepath.Join(dir, "photos", "escape.jpg")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("ok.jpg", filepath.Join(dir, "photos", "alias.jpg")); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "photos", "folder.jpg"), 0o755)
	big, _ := os.Create(filepath.Join(dir, "photos", "huge.jpg"))
	big.Truncate(MaxFileBytes + 1) // sparse: costs no disk
	big.Close()
	// 40.5 MB in the decimal megabytes the message (and --max-size) speak.
	over, _ := os.Create(filepath.Join(dir, "photos", "over.jpg"))
	over.Truncate(40_500_000)
	over.Close()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	p := NewPreparer("", nil)
	for _, c := range []struct {
		rel   string
		kind  error // nil: must succeed
		parts []string
	}{
		{"photos/ok.jpg", nil, nil},
		{"photos/alias.jpg", nil, nil},
		{"../secret.jpg", ErrOutside, []string{"figures: ../secret.jpg: leaves the folder " + dir}},
		{"photos/../../secret.jpg", ErrOutside, []string{"leaves the folder"}},
		{filepath.Join(base, "secret.jpg"), ErrOutside, []string{"is an absolute path"}},
		{"photos/escape.jpg", ErrOutside, []string{"photos/escape.jpg: leads outside the folder " + dir + " (through a symbolic link)"}},
		{"photos/missing.jpg", ErrUnreadable, []string{"photos/missing.jpg: file not found"}},
		{"photos/folder.jpg", ErrUnreadable, []string{"is a folder, not a regular file"}},
		{"photos/huge.jpg", ErrTooLarge, []string{"is 40.0 MB, more than the 40 MB a picture may have"}},
		{"photos/over.jpg", ErrTooLarge, []string{"is 40.5 MB, more than the 40 MB a picture may have"}},
	} {
		t.Run(c.rel, func(t *testing.T) {
			img, err := p.PrepareFile(root, c.rel, Options{PlacedWidthPt: 72})
			if c.kind == nil {
				if err != nil {
					t.Fatal(err)
				}
				checkQuadrants(t, decodeOut(t, img))
				return
			}
			wantErr(t, err, c.kind, c.parts...)
			if errors.Is(err, os.ErrNotExist) != (c.rel == "photos/missing.jpg") {
				t.Errorf("errors.Is(err, os.ErrNotExist) wrong for %q", err)
			}
		})
	}
}

func TestPrepareDecoderPanicRecovered(t *testing.T) {
	t.Parallel()
	err := noPanic(func() error { panic("index out of range") })
	if err == nil || !strings.Contains(err.Error(), "decoder panic: index out of range") {
		t.Fatalf("got %v", err)
	}
}

func TestPrepareGrayscale(t *testing.T) {
	t.Parallel()
	// A mid-gray ramp with a black and a white end: laser mode lifts the
	// mid-tones and stores one channel.
	m := image.NewRGBA(image.Rect(0, 0, 256, 64))
	for y := range 64 {
		for x := range 256 {
			m.SetRGBA(x, y, color.RGBA{uint8(x), uint8(x / 2), uint8(255 - x), 255})
		}
	}
	src := jpegBytes(t, m)
	plain, err := NewPreparer("", nil).Prepare("p.jpg", src, Options{PlacedWidthPt: 256 * 72 / 250})
	if err != nil {
		t.Fatal(err)
	}
	gray, err := NewPreparer("", nil).Prepare("p.jpg", src, Options{PlacedWidthPt: 256 * 72 / 250, Grayscale: true})
	if err != nil {
		t.Fatal(err)
	}
	g, ok := decodeOut(t, gray).(*image.Gray)
	if !ok {
		t.Fatalf("grayscale output decodes as %T, want a one-channel *image.Gray", decodeOut(t, gray))
	}
	pr, pg, pb, _ := decodeOut(t, plain).At(128, 32).RGBA()
	luma := (299*(pr>>8) + 587*(pg>>8) + 114*(pb>>8)) / 1000
	if got := g.GrayAt(128, 32).Y; int(got) < int(luma)+15 {
		t.Errorf("mid-tone %d is not lifted above its luma %d", got, luma)
	}
}

func TestPrepareScreenshotStaysPNG(t *testing.T) {
	t.Parallel()
	// Flat colours and sharp edges: PNG is smaller than JPEG and lossless.
	src := pngBytes(t, testQuadrants(800, 600))
	img, err := NewPreparer("", nil).Prepare("screen.png", src, Options{PlacedWidthPt: 144})
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "png" {
		t.Errorf("format %s (%d bytes), want png", img.Format, len(img.Data))
	}
	if _, ct, _ := pngHeader(t, img.Data); ct != 3 {
		t.Errorf("colour type %d, want 3 (paletted: 4 colours)", ct)
	}
}

func TestPreparePhotoPNGBecomesJPEG(t *testing.T) {
	t.Parallel()
	src := pngBytes(t, testPhoto(800, 600))
	img, err := NewPreparer("", nil).Prepare("photo.png", src, Options{PlacedWidthPt: 144})
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "jpg" {
		t.Errorf("format %s (%d bytes), want jpg for a photo", img.Format, len(img.Data))
	}
}

func TestPrepareDeterministic(t *testing.T) {
	t.Parallel()
	src := withEXIF(jpegBytes(t, testPhoto(1200, 900)), 6, binary.BigEndian)
	a, err := NewPreparer("", nil).Prepare("p.jpg", src, print3in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewPreparer("", nil).Prepare("p.jpg", src, print3in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Data, b.Data) || a.Key != b.Key {
		t.Error("two preparations of the same photo differ")
	}
}

func TestPrepareBadOptions(t *testing.T) {
	t.Parallel()
	src := jpegBytes(t, testQuadrants(20, 20))
	for _, opt := range []Options{
		{},
		{PlacedWidthPt: -1},
		{PlacedWidthPt: 72, FocusX: 2},
		{PlacedWidthPt: 1e9},
		{PlacedWidthPt: 72, Preset: 7},
	} {
		_, err := NewPreparer("", nil).Prepare("p.jpg", src, opt)
		wantErr(t, err, ErrOptions)
	}
}

// Compile-time check that the decoders the tests use match decodeOut.
var _ = png.Decode

// webPFile reads a WebP made by testdata/webp/make.sh (Go can decode
// WebP but not write it).
func webPFile(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "webp", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestPrepareWebP: a picture saved from a web page (lossy) and a
// screenshot with a transparent border (lossless with alpha) come out
// right; the transparent border turns white.
func TestPrepareWebP(t *testing.T) {
	t.Parallel()
	img, err := NewPreparer("", nil).Prepare("from-the-web.webp", webPFile(t, "lossy.webp"), Options{PlacedWidthPt: 72})
	if err != nil {
		t.Fatal(err)
	}
	if img.PxW != 200 || img.PxH != 150 {
		t.Errorf("size %d×%d, want 200×150 (never enlarged)", img.PxW, img.PxH)
	}
	checkQuadrants(t, decodeOut(t, img))

	img, err = NewPreparer("", nil).Prepare("screenshot.webp", webPFile(t, "lossless-alpha.webp"), Options{PlacedWidthPt: 72})
	if err != nil {
		t.Fatal(err)
	}
	if img.Format != "png" {
		t.Errorf("a flat-colour screenshot became %s, want the smaller PNG", img.Format)
	}
	m := decodeOut(t, img)
	if c := m.At(2, 2); !near(c, color.RGBA{255, 255, 255, 255}, 1) {
		t.Errorf("transparent border is %v, want white paper", c)
	}
	b := m.Bounds()
	inner := m.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(b.Min.X+20, b.Min.Y+20, b.Max.X-20, b.Max.Y-20))
	checkQuadrants(t, inner)
}

// TestPrepareTruncatedWebP: a half-finished download is a clear error.
func TestPrepareTruncatedWebP(t *testing.T) {
	t.Parallel()
	_, err := NewPreparer("", nil).Prepare("photos/cut.webp", webPFile(t, "truncated.webp"), print3in)
	wantErr(t, err, ErrDamaged, "figures: photos/cut.webp: WebP file")
}

// TestPrepareHEICSaysHowToConvert: an iPhone photo saved under a .jpg name
// is refused with the steps that turn it into a JPEG.
func TestPrepareHEICSaysHowToConvert(t *testing.T) {
	t.Parallel()
	src := append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...)
	_, err := NewPreparer("", nil).Prepare("photos/IMG_0042.jpg", src, print3in)
	wantErr(t, err, ErrUnsupported, "HEIC", "iPhone", "File > Export > JPEG", "Most Compatible")
}

// testTarget is the target prepare works out for pl and opt.
func testTarget(pl plan, opt Options) target {
	ppi, _, _ := validate(opt)
	w, h := pl.upright()
	return geometry(w, h, opt, ppi)
}
