package scaledjpeg

import (
	"bytes"
	"errors"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

func encode(t testing.TB, m image.Image, quality int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// planeView is one 8-bit sample plane of a decoded image.
type planeView struct {
	pix    []byte
	stride int
	w, h   int
	x0, y0 int // offset of the image's origin in pix
}

func (p planeView) at(x, y int) byte { return p.pix[(p.y0+y)*p.stride+p.x0+x] }

// planes returns Y (or gray), and Cb and Cr at their own resolution.
func planes(m image.Image) []planeView {
	switch m := m.(type) {
	case *image.Gray:
		b := m.Bounds()
		return []planeView{{m.Pix, m.Stride, b.Dx(), b.Dy(), b.Min.X, b.Min.Y}}
	case *image.YCbCr:
		b := m.Bounds()
		cw, ch := b.Dx(), b.Dy()
		switch m.SubsampleRatio {
		case image.YCbCrSubsampleRatio422:
			cw = (cw + 1) / 2
		case image.YCbCrSubsampleRatio420:
			cw, ch = (cw+1)/2, (ch+1)/2
		case image.YCbCrSubsampleRatio440:
			ch = (ch + 1) / 2
		}
		return []planeView{
			{m.Y, m.YStride, b.Dx(), b.Dy(), 0, 0},
			{m.Cb, m.CStride, cw, ch, 0, 0},
			{m.Cr, m.CStride, cw, ch, 0, 0},
		}
	}
	panic("unexpected image type")
}

// compare checks a scaled decode against image/jpeg's full decode, plane
// by plane, each sample against the mean of the scale×scale samples it
// stands for: the mean difference must be small (the scaled transform
// drops frequencies a box average also mostly removes, so they agree
// closely but not exactly).
func compare(t *testing.T, src []byte, scale int) {
	t.Helper()
	full, err := jpeg.Decode(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(src, scale)
	if err != nil {
		t.Fatalf("Decode at 1/%d: %v", scale, err)
	}
	fb := full.Bounds()
	wantW, wantH := Size(fb.Dx(), fb.Dy(), scale)
	if gb := got.Bounds(); gb != image.Rect(0, 0, wantW, wantH) {
		t.Fatalf("1/%d: bounds %v, want %dx%d", scale, gb, wantW, wantH)
	}
	if fy, ok := full.(*image.YCbCr); ok {
		if gy, ok := got.(*image.YCbCr); !ok || gy.SubsampleRatio != fy.SubsampleRatio {
			t.Fatalf("1/%d: decoded as %T, image/jpeg gives %T %v", scale, got, full, fy.SubsampleRatio)
		}
	} else if !isGray(got) {
		t.Fatalf("1/%d: decoded as %T, image/jpeg gives %T", scale, got, full)
	}
	var diff, worst, edgeWorst float64
	count := 0
	for i, fp := range planes(full) {
		gp := planes(got)[i]
		if w, h := Size(fp.w, fp.h, scale); gp.w != w || gp.h != h {
			t.Fatalf("1/%d: plane %d is %dx%d, want %dx%d", scale, i, gp.w, gp.h, w, h)
		}
		for y := range gp.h {
			for x := range gp.w {
				var sum, n float64
				for sy := y * scale; sy < min(fp.h, y*scale+scale); sy++ {
					for sx := x * scale; sx < min(fp.w, x*scale+scale); sx++ {
						sum += float64(fp.at(sx, sy))
						n++
					}
				}
				d := float64(gp.at(x, y)) - sum/n
				d = max(d, -d)
				if n < float64(scale*scale) {
					// A box cut by the picture's edge: the scaled
					// sample also stands for the encoder's padding.
					edgeWorst = max(edgeWorst, d)
					continue
				}
				diff += d
				worst = max(worst, d)
				count++
			}
		}
	}
	if edgeWorst > 48 {
		t.Errorf("1/%d: a sample at the edge is %.0f levels off", scale, edgeWorst)
	}
	if fb.Dx() < 32 || fb.Dy() < 32 {
		return // a handful of boxes, mostly at hard edges: no mean to speak of
	}
	if mean := diff / float64(max(count, 1)); mean > 2.5 {
		t.Errorf("1/%d: mean difference from a box-averaged full decode %.2f levels (worst %.0f), want under 2.5", scale, mean, worst)
	}
}

func isGray(m image.Image) bool { _, ok := m.(*image.Gray); return ok }

// TestMatchesFullDecode decodes photos Go's encoder writes (4:2:0 colour,
// and gray) at every scale, odd sizes included, and compares them with
// image/jpeg.
func TestMatchesFullDecode(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{640, 480}, {333, 517}, {17, 9}, {1, 1}} {
		photo := pdftest.Phone(size[0], size[1], 1)
		gray := image.NewGray(photo.Bounds())
		for y := range size[1] {
			for x := range size[0] {
				gray.Set(x, y, photo.At(x, y))
			}
		}
		for _, tc := range []struct {
			name string
			src  []byte
		}{
			{"colour", encode(t, photo, 92)},
			{"gray", encode(t, gray, 75)},
		} {
			for _, scale := range []int{2, 4, 8} {
				t.Run(tc.name, func(t *testing.T) { compare(t, tc.src, scale) })
			}
		}
	}
}

// TestFixtures decodes files other encoders wrote (libjpeg-turbo's cjpeg,
// testdata/README): every chroma subsampling it supports, restart
// intervals, and optimised Huffman tables.
func TestFixtures(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/*.jpg")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := Decode(src, 2)
			if strings.Contains(f, "unsupported") {
				if !errors.Is(err, ErrUnsupported) {
					t.Fatalf("got %v, want ErrUnsupported so image/jpeg decodes it", err)
				}
				return
			}
			for _, scale := range []int{2, 4, 8} {
				compare(t, src, scale)
			}
		})
	}
}

// TestTruncated: a file cut anywhere in its image data is an error, never
// a picture with a grey bottom.
func TestTruncated(t *testing.T) {
	t.Parallel()
	src := encode(t, pdftest.Phone(128, 96, 1), 90)
	for _, cut := range []int{len(src) - 2, len(src) - 100, len(src) / 2, 700} {
		if _, err := Decode(src[:cut], 4); err == nil {
			t.Errorf("cut at %d of %d bytes: no error", cut, len(src))
		}
	}
}

// TestBadScale: only 2, 4 and 8.
func TestBadScale(t *testing.T) {
	t.Parallel()
	src := encode(t, pdftest.Phone(16, 16, 1), 90)
	for _, s := range []int{0, 1, 3, 16} {
		if _, err := Decode(src, s); err == nil {
			t.Errorf("scale %d accepted", s)
		}
	}
}

// FuzzDecode: no input makes Decode panic, and whatever it decodes,
// image/jpeg must also read (the scaled decoder is never more lenient).
func FuzzDecode(f *testing.F) {
	f.Add(encode(f, pdftest.Phone(40, 24, 1), 80))
	f.Add(encode(f, image.NewGray(image.Rect(0, 0, 9, 9)), 50))
	if files, _ := filepath.Glob("testdata/*.jpg"); len(files) > 0 {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) < 16<<10 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if c, err := jpeg.DecodeConfig(bytes.NewReader(src)); err != nil || c.Width*c.Height > 1<<20 {
			return
		}
		for _, s := range []int{2, 4, 8} {
			m, err := Decode(src, s)
			if err != nil {
				continue
			}
			if _, err := jpeg.Decode(bytes.NewReader(src)); err != nil {
				t.Fatalf("scaled decode at 1/%d accepted a file image/jpeg rejects (%v); got %v", s, err, m.Bounds())
			}
		}
	})
}

// BenchmarkDecode12MP is the decode step of preparing a 12-megapixel phone
// photo: image/jpeg in full against the scaled decoder at 1/4 and 1/2.
func BenchmarkDecode12MP(b *testing.B) {
	src := encode(b, pdftest.Phone(4000, 3000, 1), 92)
	b.Run("image-jpeg", func(b *testing.B) {
		for b.Loop() {
			if _, err := jpeg.Decode(bytes.NewReader(src)); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, s := range []int{2, 4, 8} {
		b.Run("scale-1/"+string(rune('0'+s)), func(b *testing.B) {
			for b.Loop() {
				if _, err := Decode(src, s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestFastIDCTs holds the 4×4 and 2×2 transforms to the formula
// (idctMatrix), bit for bit, on random and extreme coefficients.
func TestFastIDCTs(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{2, 4} {
		fast := idctTable(n)
		for i := range 20000 {
			var coef [16]int32
			for j := range n * n {
				switch i % 3 {
				case 0:
					coef[j] = int32(rng.IntN(4096)) - 2048
				case 1:
					coef[j] = int32(rng.IntN(64)) - 32
				default:
					coef[j] = []int32{-32768, 32767, 0}[rng.IntN(3)]
				}
			}
			var got, want [16]byte
			fast(&coef, got[:], n)
			idctMatrix(n, &coef, want[:], n)
			if got != want {
				t.Fatalf("n=%d coef %v: got %v, want %v", n, coef[:n*n], got[:n*n], want[:n*n])
			}
		}
	}
}

// idctMatrix computes the n×n transform straight from the formula (scan.go),
// with the same fixed-point constants: what the fast transforms must equal.
func idctMatrix(n int, coef *[16]int32, dst []byte, stride int) {
	var m [4][4]int32
	for x := range n {
		for u := range n {
			cu := 1.0
			if u == 0 {
				cu = 1 / math.Sqrt2
			}
			m[x][u] = int32(math.Round(8192 * 0.5 * cu * math.Cos(float64((2*x+1)*u)*math.Pi/float64(2*n))))
		}
	}
	var tmp [16]int32
	for v := range n {
		for x := range n {
			var s int32
			for u := range n {
				s += m[x][u] * coef[v*n+u]
			}
			tmp[v*n+x] = (s + 1<<10) >> 11
		}
	}
	for y := range n {
		for x := range n {
			var s int32
			for v := range n {
				s += m[y][v] * tmp[v*n+x]
			}
			dst[y*stride+x] = clamp((s+1<<14)>>15 + 128)
		}
	}
}
