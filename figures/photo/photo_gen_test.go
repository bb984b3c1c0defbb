package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"

	"handout/figures"
)

// Test images are generated here, not committed: each helper says what
// real-world file it stands for.

// Quadrant colours of testQuadrants, as seen upright.
var (
	red    = color.RGBA{220, 30, 30, 255}
	green  = color.RGBA{30, 180, 40, 255}
	blue   = color.RGBA{30, 40, 220, 255}
	yellow = color.RGBA{230, 210, 30, 255}
)

// testQuadrants is a w×h picture, red top-left, green top-right, blue
// bottom-left, yellow bottom-right: any rotation or mirroring shows.
func testQuadrants(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := red
			switch {
			case x >= w/2 && y < h/2:
				c = green
			case x < w/2 && y >= h/2:
				c = blue
			case x >= w/2 && y >= h/2:
				c = yellow
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

// testPhoto is a w×h phone-photo stand-in: smooth gradients with
// sensor-like noise, so it compresses like a real photo (about 3–4 MB as a
// 12-megapixel JPEG at quality 92).
func testPhoto(w, h int) *image.RGBA {
	rng := rand.New(rand.NewPCG(1, 2))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			n := int(rng.IntN(25)) - 12
			r := 60 + 150*x/w + n
			g := 40 + 120*y/h + n
			b := 200 - 120*(x+y)/(w+h) + n
			if (x/97+y/61)%5 == 0 { // some edges, like furniture in a room
				r, g = g, r
			}
			m.SetRGBA(x, y, color.RGBA{uint8(max(0, min(255, r))), uint8(max(0, min(255, g))), uint8(max(0, min(255, b))), 255})
		}
	}
	return m
}

// jpegBytes encodes m as a JPEG the way a phone would (quality 92).
func jpegBytes(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 92}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngBytes encodes m as PNG.
func pngBytes(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withEXIF inserts an APP1 EXIF segment holding only the orientation
// tag after a JPEG's SOI, as a phone camera writes it.
func withEXIF(jpg []byte, orientation int, bo binary.ByteOrder) []byte {
	tiff := make([]byte, 8+2+12+4)
	if bo == binary.LittleEndian {
		copy(tiff, "II*\x00")
	} else {
		copy(tiff, "MM\x00*")
	}
	bo.PutUint32(tiff[4:], 8)
	bo.PutUint16(tiff[8:], 1)
	bo.PutUint16(tiff[10:], 0x0112)
	bo.PutUint16(tiff[12:], 3)
	bo.PutUint32(tiff[14:], 1)
	bo.PutUint16(tiff[18:], uint16(orientation))
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, 0xff, 0xe1, byte((len(seg)+2)>>8), byte(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// storedFor returns the pixels a camera stores for EXIF orientation o
// so that the picture displays as d. The mapping (display → stored) is
// written out from the EXIF specification's row/column table, independently
// of the code under test.
func storedFor(d *image.RGBA, o int) *image.RGBA {
	dw, dh := d.Bounds().Dx(), d.Bounds().Dy()
	w, h := dw, dh
	if o >= 5 {
		w, h = dh, dw
	}
	s := image.NewRGBA(image.Rect(0, 0, w, h))
	for v := range dh {
		for u := range dw {
			var x, y int
			switch o {
			case 1:
				x, y = u, v
			case 2:
				x, y = w-1-u, v
			case 3:
				x, y = w-1-u, h-1-v
			case 4:
				x, y = u, h-1-v
			case 5:
				x, y = v, u
			case 6:
				x, y = v, h-1-u
			case 7:
				x, y = w-1-v, h-1-u
			case 8:
				x, y = w-1-v, u
			}
			s.Set(x, y, d.At(u, v))
		}
	}
	return s
}

// pngChunk encodes one PNG chunk.
func pngChunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// interlacedPNG encodes m as an 8-bit RGB Adam7-interlaced PNG, which
// Go's encoder cannot write and fpdf cannot read.
func interlacedPNG(m *image.RGBA) []byte {
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 2, 0, 0, 1) // 8-bit, RGB, deflate, filter 0, Adam7
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw []byte
	for _, p := range passes {
		for y := p[1]; y < h; y += p[3] {
			if p[0] >= w {
				break
			}
			raw = append(raw, 0) // filter: none
			for x := p[0]; x < w; x += p[2] {
				c := m.RGBAAt(x, y)
				raw = append(raw, c.R, c.G, c.B)
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", z.Bytes())...)
	return append(out, pngChunk("IEND", nil)...)
}

// hugePNG is the 77-byte PNG from the issue: a valid header claiming
// 60000×60000 pixels and a token of image data.
func hugePNG() []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, 60000)
	ihdr = binary.BigEndian.AppendUint32(ihdr, 60000)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", []byte("\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))...)
	return append(out, pngChunk("IEND", nil)...)
}

// decodeOut decodes a prepared image's bytes, failing the test if
// they are not what Format says.
func decodeOut(t testing.TB, img *figures.Image) image.Image {
	t.Helper()
	var m image.Image
	var err error
	switch img.Format {
	case "jpg":
		m, err = jpeg.Decode(bytes.NewReader(img.Data))
	case "png":
		m, err = png.Decode(bytes.NewReader(img.Data))
	default:
		t.Fatalf("format %q", img.Format)
	}
	if err != nil {
		t.Fatalf("prepared %s does not decode: %v", img.Format, err)
	}
	if b := m.Bounds(); b.Dx() != img.PxW || b.Dy() != img.PxH {
		t.Fatalf("prepared image is %v, Image says %d×%d", b, img.PxW, img.PxH)
	}
	return m
}

// near reports whether c is within tol of want in every channel.
func near(c color.Color, want color.RGBA, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, w uint8) bool { return abs(int(a>>8)-int(w)) <= tol }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
