package photo

import "encoding/binary"

// A photo that needs no change is embedded as it is: no decode, no
// encode, and no generation of JPEG loss. That is a JPEG which
//   - is no larger than its placement needs (geometry keeps every
//     pixel: no resize, no crop),
//   - is upright (EXIF orientation 1: nothing to turn),
//   - is baseline or extended sequential, 8-bit, gray or YCbCr (what every
//     PDF reader draws; progressive, 12-bit, CMYK and RGB-coded JPEGs are
//     prepared as before),
//   - was encoded at no higher quality than the preset's (estimated from
//     its luma quantisation table, jpegQuality), so that re-encoding would
//     not make it meaningfully smaller,
//   - and is not to be turned gray (--grayscale, the email-gray step).
//
// Its metadata is dropped first (stripJPEG): a phone photo's EXIF
// block carries where and when it was taken and the camera's serial
// number, which must not travel in a patient's PDF. Re-encoded photos
// never carried it.
func asIsJPEG(src []byte, pl plan, opt Options, t target, quality int) ([]byte, bool) {
	ow, oh := pl.upright()
	j := pl.jpeg
	switch {
	case pl.format != formatJPEG, t.outW != ow || t.outH != oh, pl.orientation != 1,
		opt.Grayscale, opt.Preset == PresetEmailGray:
		return nil, false
	case j.sof != 0xc0 && j.sof != 0xc1, j.precision != 8,
		j.components != 1 && j.components != 3,
		j.adobe: // an Adobe marker may say the three components are RGB, not YCbCr
		return nil, false
	case j.lumaQSum == 0 || jpegQuality(j.lumaQSum) > quality:
		return nil, false
	}
	return stripJPEG(src)
}

// jpegStdLuma is the luma quantisation table of the JPEG standard's Annex K
// that libjpeg, Go's encoder and most cameras scale by quality.
var jpegStdLuma = [64]int{
	16, 11, 10, 16, 24, 40, 51, 61,
	12, 12, 14, 19, 26, 58, 60, 55,
	14, 13, 16, 24, 40, 57, 69, 56,
	14, 17, 22, 29, 51, 87, 80, 62,
	18, 22, 37, 56, 68, 109, 103, 77,
	24, 35, 55, 64, 81, 104, 113, 92,
	49, 64, 78, 87, 103, 121, 120, 101,
	72, 92, 95, 98, 112, 100, 103, 99,
}

// jpegQuality estimates the quality (1–100) a JPEG was encoded at from the
// sum of its luma table's entries: the quality whose libjpeg-scaled Annex K
// table has the nearest sum. For files from libjpeg or Go it is exact; for
// an encoder with its own tables it is the quality whose tables quantise
// about as coarsely.
func jpegQuality(lumaSum int) int {
	best, bestDiff := 1, -1
	for q := 1; q <= 100; q++ {
		scale := 200 - 2*q
		if q < 50 {
			scale = 5000 / q
		}
		sum := 0
		for _, v := range jpegStdLuma {
			sum += min(255, max(1, (v*scale+50)/100))
		}
		diff := sum - lumaSum
		if diff < 0 {
			diff = -diff
		}
		if bestDiff < 0 || diff < bestDiff {
			best, bestDiff = q, diff
		}
	}
	return best
}

// stripJPEG returns src without its metadata segments: APP1 to APP13,
// APP15 (EXIF, XMP, ICC profiles, Photoshop's) and comments. It keeps what
// decoding needs and APP0 (JFIF) and APP14 (Adobe), and everything from
// the start of scan on as it is. It reports false for a file whose
// segments it cannot walk.
func stripJPEG(src []byte) ([]byte, bool) {
	if len(src) < 4 || src[0] != 0xff || src[1] != 0xd8 {
		return nil, false
	}
	out := make([]byte, 0, len(src))
	out = append(out, 0xff, 0xd8)
	i := 2
	for i+4 <= len(src) {
		if src[i] != 0xff {
			return nil, false
		}
		marker := src[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xda { // start of scan: the rest is image data
			return append(out, src[i:]...), true
		}
		n := int(binary.BigEndian.Uint16(src[i+2:]))
		if n < 2 || i+2+n > len(src) {
			return nil, false
		}
		metadata := (marker >= 0xe1 && marker <= 0xed) || marker == 0xef || marker == 0xfe
		if !metadata {
			out = append(out, src[i:i+2+n]...)
		}
		i += 2 + n
	}
	return nil, false
}

// asIsPNG returns src if it is a PNG that processing leaves as it is
// (no resize, crop, turn or gray, as for asIsJPEG) and that fpdf
// embeds without decoding it: 8-bit gray or RGB, or a palette without
// transparency, not interlaced. The picture is still decoded, to see
// whether a JPEG of it is smaller (a photo saved as PNG), but the PNG is
// not encoded again. fpdf copies only the pixel data and the palette from
// a PNG, so its other chunks (text, EXIF) do not reach the PDF.
//
// Only at the print preset: our own encoding (a palette where it can,
// the best compression) is often several times smaller than what a
// screenshot tool wrote, which matters for email and not for printing at
// the desk, where the encoding is the time saved.
func asIsPNG(src []byte, pl plan, opt Options, t target) ([]byte, bool) {
	ow, oh := pl.upright()
	if pl.format != formatPNG || t.outW != ow || t.outH != oh || pl.orientation != 1 ||
		opt.Grayscale || opt.Preset != PresetPrint || len(src) < 33 {
		return nil, false
	}
	// IHDR follows the 8-byte signature: length, "IHDR", width, height,
	// bit depth, colour type, compression, filter, interlace.
	depth, ctype, interlace := src[24], src[25], src[28]
	switch {
	case interlace != 0:
		return nil, false
	case (ctype == 0 || ctype == 2) && depth == 8:
	case ctype == 3 && depth <= 8:
	default: // alpha, 16-bit, gray below 8 bits
		return nil, false
	}
	for i := 8; i+8 <= len(src); {
		n := int(binary.BigEndian.Uint32(src[i:]))
		if string(src[i+4:i+8]) == "tRNS" {
			return nil, false
		}
		if n < 0 || n > len(src)-i-12 {
			return nil, false
		}
		i += 12 + n
	}
	return src, true
}
