package photo

import "image"

// cmykAdobeSegment is an Adobe APP14 marker segment with transform 0 (plain
// CMYK, not YCCK): version 100, no flags.
const cmykAdobeSegment = "\xff\xee\x00\x0eAdobe\x00\x64\x00\x00\x00\x00\x00"

// cmykAddAdobe returns a copy of a 4-component JPEG with an Adobe marker
// inserted after SOI, so Go's decoder (which refuses 4-component JPEGs
// without one) decodes it as CMYK.
func cmykAddAdobe(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(cmykAdobeSegment))
	out = append(out, src[:2]...)
	out = append(out, cmykAdobeSegment...)
	return append(out, src[2:]...)
}

// cmykToNRGBA converts CMYK to RGB with the naive formula image/color uses
// (R = 255·(1−C)·(1−K)). Print-shop files carry an ICC profile we do not
// apply, so deep blues and greens come out a little brighter than in
// Photoshop, but never inverted or shifted in hue.
func cmykToNRGBA(m *image.CMYK) *image.NRGBA {
	b := m.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := range b.Dy() {
		src := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		dst := out.Pix[y*out.Stride:]
		for x := range b.Dx() {
			c, mg, yl, k := uint32(src[4*x]), uint32(src[4*x+1]), uint32(src[4*x+2]), uint32(src[4*x+3])
			w := 255 - k
			dst[4*x] = uint8(((255 - c) * w) / 255)
			dst[4*x+1] = uint8(((255 - mg) * w) / 255)
			dst[4*x+2] = uint8(((255 - yl) * w) / 255)
			dst[4*x+3] = 255
		}
	}
	return out
}
