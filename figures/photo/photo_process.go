package photo

import (
	"bytes"
	"image"
	"math"
	"math/big"

	"github.com/disintegration/imaging"

	"handout/figures/photo/internal/scaledjpeg"

	"handout/figures"
)

// prepare turns source bytes into a prepared image. decoded is called
// once per full decode, for the Preparer's count. The returned *Error has no
// Name yet.
func prepare(src []byte, opt Options, decoded func()) (*figures.Image, error) {
	ppi, quality, err := validate(opt)
	if err != nil {
		return nil, err
	}
	pl, err := inspect(src)
	if err != nil {
		return nil, err
	}
	// Geometry is decided once, in upright (oriented) space, where the
	// layout's box lives: it sets both how small the decode may be and the
	// crop and output size.
	ow, oh := pl.upright()
	t := geometry(ow, oh, opt, ppi)
	if data, ok := asIsJPEG(src, pl, opt, t, quality); ok {
		return newImage(data, "jpg", image.Rect(0, 0, ow, oh)), nil
	}
	decoded()
	img, err := decode(src, pl, decodeScale(pl, t))
	if err != nil {
		return nil, err
	}
	var out image.Image
	err = noPanic(func() error {
		out = process(img, pl, opt, t)
		return nil
	})
	if err != nil {
		// Processing our own decoded pixels should never panic; if it does,
		// it is still one image's failure, not the batch's.
		return nil, fail(ErrDamaged, err, "image could not be processed (%v)", err)
	}
	asIs, _ := asIsPNG(src, pl, opt, t)
	return encode(out, pl.format, quality, asIs)
}

// decodeScale is how much smaller than stored a JPEG can be decoded
// (1, 2, 4 or 8) and still have at least as many pixels as the output
// needs: a phone photo placed 3 inches wide needs a quarter of its width.
// The scaled decode is the sharp step (it drops, in each 8×8 block, only the
// frequencies the output cannot show); the resize after it is small.
func decodeScale(pl plan, t target) int {
	if pl.format != formatJPEG || pl.jpeg.components == 4 {
		return 1
	}
	for _, s := range []int{8, 4, 2} {
		if t.cropW/s >= t.outW && t.cropH/s >= t.outH {
			return s
		}
	}
	return 1
}

// decode decodes src, which inspect has checked, at 1/scale of
// its size where it can (a baseline JPEG, see package scaledjpeg) and in
// full otherwise: image/jpeg and image/png read every other kind and explain
// what is wrong with a damaged file.
func decode(src []byte, pl plan, scale int) (image.Image, error) {
	if scale > 1 {
		var img image.Image
		err := noPanic(func() error {
			var err error
			img, err = scaledjpeg.Decode(src, scale)
			return err
		})
		if err == nil {
			return img, nil
		}
	}
	data := src
	// Go's decoder refuses 4-component JPEGs without an Adobe marker. We
	// add one and read the ink as Adobe-inverted, as ImageMagick, Pillow
	// and MuPDF do: such files are mostly Photoshop's with the marker
	// stripped by a metadata cleaner, and read as plain ink they came out
	// as near-black negatives.
	if pl.format == formatJPEG && pl.jpeg.components == 4 && !pl.jpeg.adobe {
		data = cmykAddAdobe(src)
	}
	var img image.Image
	err := noPanic(func() error {
		var err error
		img, err = codecs[pl.format].decode(bytes.NewReader(data))
		return err
	})
	if err != nil {
		return nil, decodeErr(pl.format, err)
	}
	return img, nil
}

// process normalises, shrinks, orients, crops, resizes and (optionally)
// turns img gray to the target t. The result is *image.NRGBA or
// *image.Gray.
func process(img image.Image, pl plan, opt Options, t target) image.Image {
	img = normalise(img, opt.KeepAlpha)
	ow, oh := pl.upright()

	// A cheap box pre-shrink by a whole factor does most of the reduction
	// on the full-size pixels; it keeps at least 1.5 times the output size
	// so the final filter still has room to make it sharp.
	// The image may have been decoded smaller than stored (decode).
	sc := float64(img.Bounds().Dx()) / float64(pl.w)
	ratio := min(float64(t.cropW)*sc/float64(t.outW), float64(t.cropH)*sc/float64(t.outH))
	k := max(1, int(ratio/1.5))
	img = shrink(img, k)

	var out *image.NRGBA
	if t.cropW == ow && t.cropH == oh {
		// No crop: resize in stored orientation and turn the small result,
		// which is cheaper than turning the big one.
		w, h := t.outW, t.outH
		if pl.orientation >= 5 {
			w, h = h, w
		}
		out = resize(img, w, h)
		if pl.orientation != 1 {
			out = imaging.Clone(orient(out, pl.orientation))
		}
	} else {
		// The crop window is placed in upright space, where the focus
		// point is given.
		img = orient(img, pl.orientation)
		b := img.Bounds()
		cw := max(1, int(math.Round(float64(t.cropW)*float64(b.Dx())/float64(ow))))
		ch := max(1, int(math.Round(float64(t.cropH)*float64(b.Dy())/float64(oh))))
		r := cropRect(b.Dx(), b.Dy(), cw, ch, opt.FocusX, opt.FocusY).Add(b.Min)
		out = resize(imaging.Crop(img, r), t.outW, t.outH)
	}
	if opt.Grayscale {
		return laserGray(out)
	}
	if opt.Preset == PresetEmailGray && !opt.KeepAlpha {
		// One channel instead of three (and no chroma to encode): the last
		// step of a size budget. Plain luma, not the laser curve: this
		// preset is read on a screen.
		return luma(out)
	}
	if g := asGray(out); g != nil {
		return g
	}
	return out
}

// normalise converts img to one of the forms shrink handles
// quickly: *image.YCbCr and *image.Gray stay as they are (JPEG photos), CMYK
// becomes RGB, everything else becomes 8-bit NRGBA, flattened onto white
// unless keepAlpha.
func normalise(img image.Image, keepAlpha bool) image.Image {
	switch m := img.(type) {
	case *image.YCbCr, *image.Gray:
		return img
	case *image.CMYK:
		return cmykToNRGBA(m)
	}
	n := imaging.Clone(img)
	if !keepAlpha {
		flatten(n)
	}
	return n
}

// flatten composites n onto white in place, so transparent parts of a
// screenshot print as paper rather than as black.
func flatten(n *image.NRGBA) {
	for i := 0; i+3 < len(n.Pix); i += 4 {
		a := uint32(n.Pix[i+3])
		if a == 255 {
			continue
		}
		for c := range 3 {
			v := uint32(n.Pix[i+c])
			n.Pix[i+c] = uint8((v*a + 255*(255-a) + 127) / 255)
		}
		n.Pix[i+3] = 255
	}
}

// shrink reduces img by the whole factor k with a box (area-average)
// filter. It works on YCbCr planes directly, which is several times faster
// than converting a 12-megapixel photo to RGB first.
func shrink(img image.Image, k int) image.Image {
	if k <= 1 {
		return img
	}
	switch m := img.(type) {
	case *image.YCbCr:
		b := m.Bounds()
		w, h := (b.Dx()+k-1)/k, (b.Dy()+k-1)/k
		out := image.NewYCbCr(image.Rect(0, 0, w, h), m.SubsampleRatio)
		boxPlane(m.Y, m.YStride, b.Dx(), b.Dy(), out.Y, out.YStride, w, h, k)
		scw, sch := chromaSize(b.Dx(), b.Dy(), m.SubsampleRatio)
		dcw, dch := chromaSize(w, h, m.SubsampleRatio)
		boxPlane(m.Cb, m.CStride, scw, sch, out.Cb, out.CStride, dcw, dch, k)
		boxPlane(m.Cr, m.CStride, scw, sch, out.Cr, out.CStride, dcw, dch, k)
		return out
	case *image.Gray:
		b := m.Bounds()
		w, h := (b.Dx()+k-1)/k, (b.Dy()+k-1)/k
		out := image.NewGray(image.Rect(0, 0, w, h))
		boxPlane(m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, b.Dx(), b.Dy(), out.Pix, out.Stride, w, h, k)
		return out
	case *image.NRGBA:
		return shrinkNRGBA(m, k)
	}
	return shrinkNRGBA(imaging.Clone(img), k)
}

// chromaSize is the size of a chroma plane for a w×h image, as
// image.NewYCbCr lays it out.
func chromaSize(w, h int, r image.YCbCrSubsampleRatio) (int, int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return (w + 1) / 2, h
	case image.YCbCrSubsampleRatio420:
		return (w + 1) / 2, (h + 1) / 2
	case image.YCbCrSubsampleRatio440:
		return w, (h + 1) / 2
	case image.YCbCrSubsampleRatio411:
		return (w + 3) / 4, h
	case image.YCbCrSubsampleRatio410:
		return (w + 3) / 4, (h + 1) / 2
	}
	return w, h
}

// boxPlane averages k×k blocks of an sw×sh 8-bit plane into a dw×dh
// one; blocks at the right and bottom edges average what they have.
func boxPlane(src []byte, sstride, sw, sh int, dst []byte, dstride, dw, dh, k int) {
	sums := make([]uint32, dw)
	counts := make([]uint32, dw)
	for dy := range dh {
		clear(sums)
		clear(counts)
		for sy := dy * k; sy < min(sh, dy*k+k); sy++ {
			row := src[sy*sstride : sy*sstride+sw]
			for dx := range dw {
				x0, x1 := dx*k, min(sw, dx*k+k)
				var s uint32
				for _, v := range row[x0:x1] {
					s += uint32(v)
				}
				sums[dx] += s
				counts[dx] += uint32(x1 - x0)
			}
		}
		drow := dst[dy*dstride : dy*dstride+dw]
		for dx := range dw {
			if counts[dx] > 0 {
				drow[dx] = uint8((sums[dx] + counts[dx]/2) / counts[dx])
			}
		}
	}
}

// shrinkNRGBA box-shrinks an NRGBA image, weighting colour by alpha so
// transparent pixels do not bleed their (invisible) colour into the edges.
func shrinkNRGBA(m *image.NRGBA, k int) *image.NRGBA {
	b := m.Bounds()
	sw, sh := b.Dx(), b.Dy()
	w, h := (sw+k-1)/k, (sh+k-1)/k
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for dy := range h {
		for dx := range w {
			var r, g, bl, a, n uint64
			for sy := dy * k; sy < min(sh, dy*k+k); sy++ {
				i := m.PixOffset(b.Min.X+dx*k, b.Min.Y+sy)
				for sx := dx * k; sx < min(sw, dx*k+k); sx++ {
					pa := uint64(m.Pix[i+3])
					r += uint64(m.Pix[i]) * pa
					g += uint64(m.Pix[i+1]) * pa
					bl += uint64(m.Pix[i+2]) * pa
					a += pa
					n++
					i += 4
				}
			}
			o := out.PixOffset(dx, dy)
			if a > 0 {
				out.Pix[o] = uint8((r + a/2) / a)
				out.Pix[o+1] = uint8((g + a/2) / a)
				out.Pix[o+2] = uint8((bl + a/2) / a)
			}
			out.Pix[o+3] = uint8((a + n/2) / n)
		}
	}
	return out
}

// orient applies EXIF orientation o (1..8) so the picture stands as
// the photographer held the camera.
func orient(img image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(img)
	case 3:
		return imaging.Rotate180(img)
	case 4:
		return imaging.FlipV(img)
	case 5:
		return imaging.Transpose(img)
	case 6:
		return imaging.Rotate270(img)
	case 7:
		return imaging.Transverse(img)
	case 8:
		return imaging.Rotate90(img)
	}
	return img
}

// asGray returns n as *image.Gray if it is opaque and every pixel is
// gray (a black-and-white photo or drawing), so it is stored with one
// channel instead of three; otherwise nil.
func asGray(n *image.NRGBA) *image.Gray {
	b := n.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := n.Pix[n.PixOffset(b.Min.X, y):n.PixOffset(b.Max.X, y)]
		for i := 0; i < len(row); i += 4 {
			if row[i+3] != 255 || row[i] != row[i+1] || row[i] != row[i+2] {
				return nil
			}
		}
	}
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := range b.Dy() {
		row := n.Pix[n.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range b.Dx() {
			g.Pix[y*g.Stride+x] = row[4*x]
		}
	}
	return g
}

// luma converts an opaque n to gray with Rec. 601 luma.
func luma(n *image.NRGBA) *image.Gray {
	b := n.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := range b.Dy() {
		row := n.Pix[n.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range b.Dx() {
			p := row[4*x : 4*x+3]
			g.Pix[y*g.Stride+x] = uint8((19595*uint32(p[0]) + 38470*uint32(p[1]) + 7471*uint32(p[2]) + 1<<15) >> 16)
		}
	}
	return g
}

// laserGray converts n to gray for black-and-white laser printers.
// Toner spreads, so mid-tones and shadows print darker than on screen and
// shadow detail clogs: the levels are stretched between the 0.5th and
// 99.5th percentiles (ignoring a few stray pixels) and mid-tones lifted with
// a gamma of 1.25. The result is *image.Gray, or *image.NRGBA with gray
// colour where transparency is kept.
func laserGray(n *image.NRGBA) image.Image {
	b := n.Bounds()
	w, h := b.Dx(), b.Dy()
	luma := make([]uint8, w*h)
	var hist [256]int
	opaque := true
	for y := range h {
		row := n.Pix[n.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range w {
			p := row[4*x : 4*x+4]
			// Rec. 601 luma, as image/color's GrayModel.
			l := uint8((19595*uint32(p[0]) + 38470*uint32(p[1]) + 7471*uint32(p[2]) + 1<<15) >> 16)
			luma[y*w+x] = l
			if p[3] != 0 {
				hist[l]++
			}
			opaque = opaque && p[3] == 255
		}
	}
	lut := laserCurve(&hist)
	if opaque {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for i, l := range luma {
			g.Pix[i] = lut[l]
		}
		return g
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		row := n.Pix[n.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range w {
			v := lut[luma[y*w+x]]
			o := out.PixOffset(x, y)
			out.Pix[o], out.Pix[o+1], out.Pix[o+2], out.Pix[o+3] = v, v, v, row[4*x+3]
		}
	}
	return out
}

// laserCurve builds the tone curve of laserGray from a luma
// histogram.
func laserCurve(hist *[256]int) [256]uint8 {
	total := 0
	for _, c := range hist {
		total += c
	}
	lo, hi := 0, 255
	if total > 0 {
		cut := total / 200 // 0.5 %
		acc := 0
		for lo = 0; lo < 255; lo++ {
			if acc += hist[lo]; acc > cut {
				break
			}
		}
		acc = 0
		for hi = 255; hi > 0; hi-- {
			if acc += hist[hi]; acc > cut {
				break
			}
		}
	}
	// A nearly flat picture (a plain background, a faint drawing) is not
	// stretched: that would turn noise into contrast.
	if hi-lo < 64 {
		lo, hi = 0, 255
	}
	var lut [256]uint8
	for i := range lut {
		lut[i] = laserGamma(max(0, min(hi-lo, i-lo)), hi-lo)
	}
	return lut
}

// laserGamma is round(255·(n/d)^0.8) for 0 ≤ n ≤ d, in exact integer
// arithmetic: math.Pow's last bit may differ between machines (Go fuses
// multiply-adds on arm64), and the same photo must give the same bytes
// everywhere. With x = n/d, o = round(255·x^(4/5)) is the largest o with
// o − ½ ≤ 255·x^(4/5), that is (2o−1)^5·d^4 ≤ 510^5·n^4.
func laserGamma(n, d int) uint8 {
	if n <= 0 {
		return 0
	}
	rhs := new(big.Int).Mul(bigPow(510, 5), bigPow(int64(n), 4))
	dd := bigPow(int64(d), 4)
	lo, hi := 0, 255 // o = 0 always qualifies; find the largest that does
	for lo < hi {
		o := (lo + hi + 1) / 2
		lhs := new(big.Int).Mul(bigPow(int64(2*o-1), 5), dd)
		if lhs.Cmp(rhs) <= 0 {
			lo = o
		} else {
			hi = o - 1
		}
	}
	return uint8(lo)
}

func bigPow(x, e int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(x), big.NewInt(e), nil)
}
