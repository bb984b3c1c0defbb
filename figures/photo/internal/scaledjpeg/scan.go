package scaledjpeg

import (
	"image"
)

// unzig maps a coefficient's zig-zag index to its natural (row-major)
// index in the 8×8 block (T.81 figure A.6).
var unzig = [64]uint8{
	0, 1, 8, 16, 9, 2, 3, 10,
	17, 24, 32, 25, 18, 11, 4, 5,
	12, 19, 26, 33, 40, 48, 41, 34,
	27, 20, 13, 6, 7, 14, 21, 28,
	35, 42, 49, 56, 57, 50, 43, 36,
	29, 22, 15, 23, 30, 37, 44, 51,
	58, 59, 52, 45, 38, 31, 39, 46,
	53, 60, 61, 54, 47, 55, 62, 63,
}

// plane is where one component's samples go.
type plane struct {
	pix    []byte
	stride int
}

// decodeMCUs decodes the interleaved scan whose data starts at src[pos]
// into a new image.
func (d *decoder) decodeMCUs(pos int) (image.Image, error) {
	n := d.n
	hmax, vmax := d.comps[0].h, d.comps[0].v // parseSOF made luma the largest
	mcusX := (d.width + 8*hmax - 1) / (8 * hmax)
	mcusY := (d.height + 8*vmax - 1) / (8 * vmax)
	outW, outH := Size(d.width, d.height, d.scale)

	var img image.Image
	planes := make([]plane, len(d.comps))
	full := image.Rect(0, 0, mcusX*hmax*n, mcusY*vmax*n)
	if len(d.comps) == 1 {
		g := image.NewGray(full)
		planes[0] = plane{g.Pix, g.Stride}
		img = g.SubImage(image.Rect(0, 0, outW, outH))
	} else {
		ratio := map[[2]int]image.YCbCrSubsampleRatio{
			{1, 1}: image.YCbCrSubsampleRatio444,
			{2, 1}: image.YCbCrSubsampleRatio422,
			{2, 2}: image.YCbCrSubsampleRatio420,
			{1, 2}: image.YCbCrSubsampleRatio440,
		}[[2]int{hmax, vmax}]
		m := image.NewYCbCr(full, ratio)
		planes[0] = plane{m.Y, m.YStride}
		planes[1] = plane{m.Cb, m.CStride}
		planes[2] = plane{m.Cr, m.CStride}
		img = m.SubImage(image.Rect(0, 0, outW, outH))
	}

	// keep[z] is where the coefficient at zig-zag index z goes in the
	// n×n block of the low frequencies the scaled transform uses, or -1.
	var keep [64]int8
	for z, nat := range unzig {
		keep[z] = -1
		if r, c := int(nat)/8, int(nat)%8; r < n && c < n {
			keep[z] = int8(r*n + c)
		}
	}
	idct := idctTable(n)

	br := bitReader{data: d.src, pos: pos}
	var pred [3]int32
	var coef [16]int32 // n×n dequantised low-frequency coefficients
	mcus, rst := 0, byte(0)
	for my := range mcusY {
		for mx := range mcusX {
			if d.restart > 0 && mcus > 0 && mcus%d.restart == 0 {
				if br.short() || !br.restartAt(markerRST0+rst) {
					return nil, FormatError("missing or misplaced restart marker")
				}
				rst = (rst + 1) & 7
				pred = [3]int32{}
			}
			mcus++
			for ci := range d.comps {
				c := &d.comps[ci]
				q := &d.quant[c.tq]
				dcT, acT := &d.dc[c.td], &d.ac[c.ta]
				p := planes[ci]
				for by := range c.v {
					for bx := range c.h {
						if err := br.decodeBlock(dcT, acT, q, &pred[ci], &keep, coef[:n*n]); err != nil {
							return nil, err
						}
						x0 := (mx*c.h + bx) * n
						y0 := (my*c.v + by) * n
						idct(&coef, p.pix[y0*p.stride+x0:], p.stride)
					}
				}
			}
			if br.short() {
				return nil, FormatError("image data cut short")
			}
		}
	}
	if err := d.checkEnd(br.pos); err != nil {
		return nil, err
	}
	return img, nil
}

// decodeBlock reads one block's coefficients (T.81 F.2.2) and puts the
// dequantised ones the scaled transform uses into coef, indexed by keep;
// pred is the component's DC predictor.
func (br *bitReader) decodeBlock(dcT, acT *huffTable, q *[64]int32, pred *int32, keep *[64]int8, coef []int32) error {
	clear(coef)
	if br.n < 32 {
		br.fill()
	}
	s := br.decode(dcT)
	if s < 0 || s > 11 {
		return FormatError("bad DC code")
	}
	if s > 0 {
		*pred += extend(br.bits(s), s)
	}
	coef[0] = *pred * q[0]
	for k := 1; k < 64; {
		if br.n < 32 {
			br.fill()
		}
		// Most coefficients: code and value in one look-up.
		if fa := acT.fastAC[br.acc>>(64-lutBits)]; fa != 0 {
			k += int(fa>>8) & 15
			if k > 63 {
				return FormatError("AC run past the end of a block")
			}
			used := int(fa & 0xff)
			br.acc <<= used
			br.n -= used
			if i := keep[k]; i >= 0 {
				coef[i] = (fa >> 16) * q[k]
			}
			k++
			continue
		}
		rs := br.decode(acT)
		if rs < 0 {
			return FormatError("bad AC code")
		}
		run, size := rs>>4, rs&15
		if size == 0 {
			if run == 0 {
				return nil // end of block
			}
			if run != 15 {
				// An EOB run belongs to progressive scans; image/jpeg
				// reads one here anyway.
				return unsupported("EOB run in a sequential scan")
			}
			k += 16
			continue
		}
		k += run
		if k > 63 {
			return FormatError("AC run past the end of a block")
		}
		v := extend(br.bits(size), size)
		if i := keep[k]; i >= 0 {
			coef[i] = v * q[k]
		}
		k++
	}
	return nil
}

// checkEnd checks that the file ends at EOI after the image data, which
// stops before src[pos]: image/jpeg reads on to EOI, and a file cut short
// just after its image data, or with more after it than EOI, is left to
// image/jpeg to accept or explain.
func (d *decoder) checkEnd(pos int) error {
	i := pos
	for i < len(d.src) && d.src[i] != 0xff {
		i++ // the last data byte's padding bits may still be unread
	}
	for i+1 < len(d.src) && d.src[i+1] == 0xff {
		i++
	}
	if i+1 >= len(d.src) {
		return FormatError("missing EOI marker")
	}
	if d.src[i+1] != markerEOI {
		return unsupported("segments after the image data")
	}
	return nil
}

// The reduced inverse DCTs. The 8-point inverse DCT is
//
//	f(x) = ½ Σ_u C(u) F(u) cos((2x+1)uπ/16),  C(0) = 1/√2, else 1,
//
// and sample x' of an n-point output covers input samples whose centre is at
// (2x+1) = (8/n)(2x'+1), so
//
//	g(x') = ½ Σ_{u<n} C(u) F(u) cos((2x'+1)uπ/2n):
//
// the block's own picture sampled at the centres of the bigger pixels, with
// the frequencies they cannot show left out (what libjpeg's jidctred.c
// computes). Constants are ½·C(u)·cos(…) in fixed point with 13 bits; the
// row pass keeps two extra bits for the column pass. The tests hold these
// to the formula computed directly (idctMatrix).
const (
	idctK0 = 2896 // ½·cos(π/4) = ½/√2
	idctK1 = 3784 // ½·cos(π/8)
	idctK3 = 1567 // ½·cos(3π/8)
)

// idctTable returns the transform for n×n output samples.
func idctTable(n int) func(coef *[16]int32, dst []byte, stride int) {
	switch n {
	case 1:
		return idct1
	case 2:
		return idct2
	}
	return idct4
}

// idct4 is the 4×4 transform, as even and odd halves.
func idct4(coef *[16]int32, dst []byte, stride int) {
	var tmp [16]int32
	for v := 0; v < 16; v += 4 {
		f0, f1, f2, f3 := coef[v], coef[v+1], coef[v+2], coef[v+3]
		e0, e1 := idctK0*(f0+f2), idctK0*(f0-f2)
		o0, o1 := idctK1*f1+idctK3*f3, idctK3*f1-idctK1*f3
		tmp[v] = (e0 + o0 + 1<<10) >> 11
		tmp[v+1] = (e1 + o1 + 1<<10) >> 11
		tmp[v+2] = (e1 - o1 + 1<<10) >> 11
		tmp[v+3] = (e0 - o0 + 1<<10) >> 11
	}
	for x := range 4 {
		f0, f1, f2, f3 := tmp[x], tmp[4+x], tmp[8+x], tmp[12+x]
		e0, e1 := idctK0*(f0+f2), idctK0*(f0-f2)
		o0, o1 := idctK1*f1+idctK3*f3, idctK3*f1-idctK1*f3
		dst[x] = clamp((e0+o0+1<<14)>>15 + 128)
		dst[stride+x] = clamp((e1+o1+1<<14)>>15 + 128)
		dst[2*stride+x] = clamp((e1-o1+1<<14)>>15 + 128)
		dst[3*stride+x] = clamp((e0-o0+1<<14)>>15 + 128)
	}
}

// idct2 is the 2×2 transform.
func idct2(coef *[16]int32, dst []byte, stride int) {
	// Rows (coef is 2×2 here: F00 F01 / F10 F11).
	t00 := (idctK0*(coef[0]+coef[1]) + 1<<10) >> 11
	t01 := (idctK0*(coef[0]-coef[1]) + 1<<10) >> 11
	t10 := (idctK0*(coef[2]+coef[3]) + 1<<10) >> 11
	t11 := (idctK0*(coef[2]-coef[3]) + 1<<10) >> 11
	dst[0] = clamp((idctK0*(t00+t10)+1<<14)>>15 + 128)
	dst[1] = clamp((idctK0*(t01+t11)+1<<14)>>15 + 128)
	dst[stride] = clamp((idctK0*(t00-t10)+1<<14)>>15 + 128)
	dst[stride+1] = clamp((idctK0*(t01-t11)+1<<14)>>15 + 128)
}

// idct1 is the 1×1 case: the block's mean, DC/8.
func idct1(coef *[16]int32, dst []byte, _ int) {
	dst[0] = clamp((coef[0]+4)>>3 + 128)
}

func clamp(v int32) byte {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return byte(v)
}
