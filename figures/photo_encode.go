package figures

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// photoEncode encodes a processed image (*image.NRGBA or *image.Gray) as
// the bytes fpdf will embed. Photos from JPEG sources become baseline JPEG;
// images from PNG and WebP sources (screenshots, line art, logos, pictures
// saved from the web) are encoded both ways and the smaller wins; anything
// with transparency left in it is PNG.
func photoEncode(img image.Image, src photoFormat, quality int) (*Image, error) {
	transparent := false
	if n, ok := img.(*image.NRGBA); ok {
		transparent = !n.Opaque()
	}
	var jpg, pngData []byte
	var err error
	if !transparent {
		if jpg, err = photoEncodeJPEG(img, quality); err != nil {
			return nil, err
		}
	}
	if transparent || src == photoPNG || src == photoWebP {
		if pngData, err = photoEncodePNG(img); err != nil {
			return nil, err
		}
	}
	if pngData != nil && (jpg == nil || len(pngData) <= len(jpg)) {
		return photoImage(pngData, "png", img.Bounds(), 0), nil
	}
	return photoImage(jpg, "jpg", img.Bounds(), quality), nil
}

// photoImage wraps encoded bytes, naming them by their hash.
func photoImage(data []byte, format string, b image.Rectangle, quality int) *Image {
	sum := sha256.Sum256(data)
	return &Image{Key: hex.EncodeToString(sum[:]), Data: data, Format: format, PxW: b.Dx(), PxH: b.Dy(), quality: quality}
}

// photoEncodeJPEG writes baseline JPEG. An opaque NRGBA has the same bytes
// as an RGBA, and the encoder has a fast path only for the latter.
func photoEncodeJPEG(img image.Image, quality int) ([]byte, error) {
	if n, ok := img.(*image.NRGBA); ok && n.Opaque() {
		img = &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, photoErr(ErrDamaged, err, "cannot encode JPEG: %v", err)
	}
	return buf.Bytes(), nil
}

// photoEncodePNG writes 8-bit, non-interlaced PNG, paletted where the image
// has at most 256 colours (screenshots and line art usually do).
func photoEncodePNG(img image.Image) ([]byte, error) {
	if n, ok := img.(*image.NRGBA); ok {
		if p := photoPalette(n); p != nil {
			img = p
		} else if n.Opaque() {
			img = &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, photoErr(ErrDamaged, err, "cannot encode PNG: %v", err)
	}
	return buf.Bytes(), nil
}

// photoPalette returns n as a paletted image if it is opaque and has at
// most 256 colours, else nil. Transparent images are left as NRGBA: fpdf
// handles a PNG alpha channel but not a palette with transparency.
func photoPalette(n *image.NRGBA) *image.Paletted {
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

// Narrower returns img re-encoded n pixels narrower (cropping n columns on
// the right edge) — the PDF writer uses it to give same-width images
// distinct pixel widths, because fpdf orders images of equal width randomly.
// A JPEG whose row of 8- or 16-pixel blocks stays the same length is
// narrowed losslessly by rewriting its frame header; otherwise the image is
// decoded, cropped and encoded again in its own format.
func Narrower(img *Image, n int) (*Image, error) {
	if img == nil {
		return nil, &Error{Name: "(nil image)", Kind: ErrOptions, Detail: "no image to narrow"}
	}
	name := img.Key
	if len(name) > 12 {
		name = name[:12]
	}
	if n < 0 || n >= img.PxW {
		return nil, &Error{Name: name, Kind: ErrOptions, Detail: fmt.Sprintf("cannot narrow a %d-pixel-wide image by %d pixels", img.PxW, n)}
	}
	if n == 0 {
		return img, nil
	}
	if img.Format == "jpg" {
		if data, ok := photoNarrowSOF(img.Data, img.PxW-n); ok {
			out := photoImage(data, "jpg", image.Rect(0, 0, img.PxW-n, img.PxH), img.quality)
			return out, nil
		}
	}
	var dec image.Image
	err := photoRecover(func() error {
		var err error
		if img.Format == "jpg" {
			dec, err = jpeg.Decode(bytes.NewReader(img.Data))
		} else {
			dec, err = png.Decode(bytes.NewReader(img.Data))
		}
		return err
	})
	if err != nil {
		format := photoJPEG
		if img.Format == "png" {
			format = photoPNG
		}
		e := photoDecodeErr(format, err)
		e.Name = name
		return nil, e
	}
	b := dec.Bounds()
	r := image.Rect(b.Min.X, b.Min.Y, b.Max.X-n, b.Max.Y)
	sub := dec.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(r)
	var data []byte
	if img.Format == "jpg" {
		q := img.quality
		if q == 0 {
			q = 90
		}
		data, err = photoEncodeJPEG(sub, q)
	} else {
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		err = enc.Encode(&buf, sub)
		data = buf.Bytes()
	}
	if err != nil {
		return nil, fmt.Errorf("figures: narrowing %s: %w", name, err)
	}
	return photoImage(data, img.Format, r, img.quality), nil
}

// photoNarrowSOF rewrites the width in a baseline JPEG's frame header to w,
// if the number of blocks per row stays the same (so the coded data is still
// valid and decoders simply drop the extra columns). It reports false if it
// cannot.
func photoNarrowSOF(data []byte, w int) ([]byte, bool) {
	info := exifScanJPEG(data)
	if info.sofOffset == 0 || info.mcuWidth == 0 || info.width <= w {
		return nil, false
	}
	if (info.width+info.mcuWidth-1)/info.mcuWidth != (w+info.mcuWidth-1)/info.mcuWidth {
		return nil, false
	}
	out := bytes.Clone(data)
	// SOF payload: length(2) precision(1) height(2) width(2).
	out[info.sofOffset+5] = byte(w >> 8)
	out[info.sofOffset+6] = byte(w)
	return out, true
}
