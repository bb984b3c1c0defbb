package photo

import (
	"image"
	"math"
	"runtime"
	"sync"

	"github.com/disintegration/imaging"
)

// Resampling with a Catmull-Rom filter (sharp, no visible ringing on
// photos), in integer arithmetic.
//
// Why not imaging.Resize: it computes in floating point, and Go may fuse a
// multiply and an add into one instruction on arm64 (Apple Silicon Macs)
// but not on amd64, so the same photo or logo came out a few pixel values
// apart on the two, and with it the PDF's bytes (the golden files failed
// on an arm64 machine). Here the filter weights are computed with every
// product explicitly rounded (a float64 conversion forbids fusing) and
// then fixed to 14-bit integers; the pixels are summed in integers. Same
// input, same bytes, on every machine.

// resampleBits is the fixed-point precision of the filter weights.
const resampleBits = 14

// resampleTap is one source sample's weight for one output sample.
type resampleTap struct {
	src    int
	weight int32
}

// catmullRom is the Catmull-Rom cubic (B=0, C=½) at distance x ≥ 0.
func catmullRom(x float64) float64 {
	x2 := float64(x * x)
	x3 := float64(x2 * x)
	switch {
	case x < 1:
		return float64(1.5*x3) - float64(2.5*x2) + 1
	case x < 2:
		return -float64(0.5*x3) + float64(2.5*x2) - float64(4*x) + 2
	}
	return 0
}

// resampleTaps works out, for each of dst output samples along a line of
// src samples, which source samples it takes and with what weight. The
// weights of one output sample sum to exactly 1<<resampleBits.
func resampleTaps(src, dst int) [][]resampleTap {
	scale := float64(src) / float64(dst)
	stretch := max(scale, 1) // widen the filter when shrinking
	support := 2 * stretch
	taps := make([][]resampleTap, dst)
	var ws []float64
	for i := range taps {
		center := float64((float64(i)+0.5)*scale) - 0.5
		lo := max(0, int(math.Ceil(center-support)))
		hi := min(src-1, int(math.Floor(center+support)))
		ws = ws[:0]
		sum := 0.0
		for j := lo; j <= hi; j++ {
			w := catmullRom(math.Abs(float64(j)-center) / stretch)
			ws = append(ws, w)
			sum += w
		}
		var t []resampleTap
		total, biggest := int32(0), -1
		for k, w := range ws {
			q := int32(math.Round(float64(w/sum) * (1 << resampleBits)))
			if q == 0 {
				continue
			}
			t = append(t, resampleTap{src: lo + k, weight: q})
			total += q
			if biggest < 0 || q > t[biggest].weight {
				biggest = len(t) - 1
			}
		}
		if biggest < 0 { // a degenerate line: take the nearest sample
			t = []resampleTap{{src: max(lo, min(hi, int(math.Round(center)))), weight: 0}}
			biggest = 0
		}
		t[biggest].weight += 1<<resampleBits - total
		taps[i] = t
	}
	return taps
}

// resize resizes img to exactly w×h.
func resize(img image.Image, w, h int) *image.NRGBA {
	src := imaging.Clone(img) // exact integer conversion to NRGBA
	if b := src.Bounds(); b.Dx() == w && b.Dy() == h {
		return src
	}
	opaque := src.Opaque()
	sw, sh := src.Bounds().Dx(), src.Bounds().Dy()
	// Horizontal first, into a w×sh image, then vertical.
	mid := image.NewNRGBA(image.Rect(0, 0, w, sh))
	xTaps := resampleTaps(sw, w)
	resampleRows(sh, func(y int) {
		row := src.Pix[y*src.Stride : y*src.Stride+4*sw]
		out := mid.Pix[y*mid.Stride : y*mid.Stride+4*w]
		for x, taps := range xTaps {
			resamplePixel(out[4*x:4*x+4], taps, opaque, func(s int) []byte { return row[4*s : 4*s+4] })
		}
	})
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	yTaps := resampleTaps(sh, h)
	resampleRows(h, func(y int) {
		out := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		taps := yTaps[y]
		for x := range w {
			resamplePixel(out[4*x:4*x+4], taps, opaque, func(s int) []byte { return mid.Pix[s*mid.Stride+4*x : s*mid.Stride+4*x+4] })
		}
	})
	return dst
}

// resamplePixel writes into out (RGBA, non-premultiplied) the weighted sum
// of the source pixels at taps. Colour is weighted by alpha, so the
// invisible colour of transparent pixels does not bleed into the edges of
// a logo.
func resamplePixel(out []byte, taps []resampleTap, opaque bool, at func(int) []byte) {
	const half = 1 << (resampleBits - 1)
	if opaque {
		var r, g, b int32
		for _, t := range taps {
			p := at(t.src)
			r += int32(p[0]) * t.weight
			g += int32(p[1]) * t.weight
			b += int32(p[2]) * t.weight
		}
		out[0], out[1], out[2], out[3] = clamp8((r+half)>>resampleBits), clamp8((g+half)>>resampleBits), clamp8((b+half)>>resampleBits), 255
		return
	}
	var r, g, b, a int64
	for _, t := range taps {
		p := at(t.src)
		pa := int64(p[3]) * int64(t.weight)
		r += int64(p[0]) * pa
		g += int64(p[1]) * pa
		b += int64(p[2]) * pa
		a += pa
	}
	if a <= 0 {
		out[0], out[1], out[2], out[3] = 0, 0, 0, 0
		return
	}
	out[0], out[1], out[2] = clamp8(int32((r+a/2)/a)), clamp8(int32((g+a/2)/a)), clamp8(int32((b+a/2)/a))
	out[3] = clamp8(int32((a + half) >> resampleBits))
}

func clamp8(v int32) byte {
	return byte(max(0, min(255, v)))
}

// resampleRows runs row(y) for y in [0, n) on every CPU. Each output row is
// computed alone, so the result does not depend on how they are shared out.
func resampleRows(n int, row func(y int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 || n < 64 {
		for y := range n {
			row(y)
		}
		return
	}
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for y := k; y < n; y += workers {
				row(y)
			}
		})
	}
	wg.Wait()
}
