package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"handout/figures"
)

// encode encodes a processed image (*image.NRGBA or *image.Gray) as
// the bytes fpdf will embed. Photos from JPEG sources become baseline JPEG;
// images from PNG and WebP sources (screenshots, line art, logos, pictures
// saved from the web) are encoded both ways and the smaller wins; anything
// with transparency left in it is PNG. asIs, when not nil, is the source
// PNG itself, unchanged by processing (asIsPNG): it is the PNG
// candidate instead of a new encoding.
func encode(img image.Image, src format, quality int, asIs []byte) (*figures.Image, error) {
	transparent := false
	if n, ok := img.(*image.NRGBA); ok {
		transparent = !n.Opaque()
	}
	var jpg, pngData []byte
	var err error
	if !transparent {
		if jpg, err = encodeJPEG(img, quality); err != nil {
			return nil, err
		}
	}
	if asIs != nil {
		pngData = asIs
	} else if transparent || src == formatPNG || src == formatWebP {
		if pngData, err = encodePNG(img); err != nil {
			return nil, err
		}
	}
	if pngData != nil && (jpg == nil || len(pngData) <= len(jpg)) {
		return newImage(pngData, "png", img.Bounds()), nil
	}
	return newImage(jpg, "jpg", img.Bounds()), nil
}

// newImage wraps encoded bytes, naming them by their hash.
func newImage(data []byte, format string, b image.Rectangle) *figures.Image {
	sum := sha256.Sum256(data)
	return &figures.Image{Key: hex.EncodeToString(sum[:]), Data: data, Format: format, PxW: b.Dx(), PxH: b.Dy()}
}

// encodeJPEG writes baseline JPEG. An opaque NRGBA has the same bytes
// as an RGBA, and the encoder has a fast path only for the latter.
func encodeJPEG(img image.Image, quality int) ([]byte, error) {
	if n, ok := img.(*image.NRGBA); ok && n.Opaque() {
		img = &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, fail(ErrDamaged, err, "cannot encode JPEG: %v", err)
	}
	return buf.Bytes(), nil
}

// encodePNG writes 8-bit, non-interlaced PNG, paletted where the image
// has at most 256 colours (screenshots and line art usually do).
func encodePNG(img image.Image) ([]byte, error) {
	if n, ok := img.(*image.NRGBA); ok {
		if p := palette(n); p != nil {
			img = p
		} else if n.Opaque() {
			img = &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fail(ErrDamaged, err, "cannot encode PNG: %v", err)
	}
	return buf.Bytes(), nil
}

// palette returns n as a paletted image if it is opaque and has at
// most 256 colours, else nil. Transparent images are left as NRGBA: fpdf
// handles a PNG alpha channel but not a palette with transparency.
func palette(n *image.NRGBA) *image.Paletted {
	if !n.Opaque() {
		return nil
	}
	b := n.Bounds()
	index := make(map[[3]uint8]uint8, 256)
	var pal color.Palette
	p := image.NewPaletted(image.Rect(0, 0, b.Dx(), b.Dy()), nil)
	for y := range b.Dy() {
		row := n.Pix[n.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range b.Dx() {
			c := [3]uint8{row[4*x], row[4*x+1], row[4*x+2]}
			i, ok := index[c]
			if !ok {
				if len(pal) == 256 {
					return nil
				}
				i = uint8(len(pal))
				index[c] = i
				pal = append(pal, color.RGBA{c[0], c[1], c[2], 255})
			}
			p.Pix[y*p.Stride+x] = i
		}
	}
	p.Palette = pal
	return p
}
