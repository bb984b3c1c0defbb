// Package scaledjpeg decodes a baseline JPEG held in memory at 1/2, 1/4 or
// 1/8 of its size, scaling in the DCT domain as libjpeg does.
//
// Why it exists: a 12-megapixel phone photo placed 3 inches wide needs
// about 750 pixels across. image/jpeg always decodes every pixel (about
// 185 ms and 18 MB for such a photo here) and only then can the picture be
// shrunk. Decoding each 8×8 block straight to 4×4, 2×2 or 1×1 skips most of
// the inverse DCT, the colour planes are a quarter or less of the size, and
// the entropy decoder below reads from memory with a 64-bit bit buffer and
// a table that decodes most AC coefficients in one look-up. No module on
// the proxy this project can reach offers this in pure Go, and a cgo
// libjpeg-turbo would cost the single static binary a clinic's IT person
// expects (and the cross-compiled Windows build).
//
// It handles what phone cameras and photo editors write: baseline or
// extended sequential Huffman (SOF0, SOF1), 8-bit samples, one gray or three
// YCbCr components in one interleaved scan, chroma subsampling 4:4:4,
// 4:2:2, 4:2:0 or 4:4:0, and restart intervals. Anything else (progressive,
// CMYK, arithmetic coding, 12-bit, RGB-coded JPEGs) is reported as
// ErrUnsupported so the caller can decode with image/jpeg instead; so is a
// damaged file (a FormatError), which image/jpeg then reports in its own
// words. The package never panics on any input (FuzzDecode).
//
// Output is deterministic: integer arithmetic only.
package scaledjpeg

import (
	"errors"
	"image"
)

// ErrUnsupported means the file is a JPEG this package does not decode; the
// caller should use image/jpeg.
var ErrUnsupported = errors.New("scaledjpeg: unsupported JPEG")

// FormatError is a damaged or invalid JPEG.
type FormatError string

func (e FormatError) Error() string { return "scaledjpeg: invalid JPEG: " + string(e) }

// Markers (ITU-T T.81 table B.1).
const (
	markerSOF0 = 0xc0 // baseline
	markerSOF1 = 0xc1 // extended sequential, Huffman
	markerDHT  = 0xc4
	markerRST0 = 0xd0
	markerSOI  = 0xd8
	markerEOI  = 0xd9
	markerSOS  = 0xda
	markerDQT  = 0xdb
	markerDNL  = 0xdc
	markerDRI  = 0xdd
	markerAPP0 = 0xe0
	markerAPPE = 0xee // Adobe
)

// component is one colour component of the frame.
type component struct {
	id     byte
	h, v   int // sampling factors
	tq     int // quantisation table
	td, ta int // DC and AC Huffman tables (from the scan header)
}

// decoder holds the state of one Decode call.
type decoder struct {
	src      []byte
	scale    int // 2, 4 or 8: output is 1/scale of the size
	n        int // samples per block side in the output: 8/scale
	width    int
	height   int
	comps    []component
	quant    [4][64]int32 // zig-zag order
	haveQ    [4]bool
	dc, ac   [4]huffTable
	haveDC   [4]bool
	haveAC   [4]bool
	restart  int // restart interval in MCUs; 0 = none
	adobe    bool
	adobeXf  byte
	frameSet bool
}

// Decode decodes src at 1/scale of its size (scale 2, 4 or 8); the result
// is ceil(w/scale)×ceil(h/scale) pixels, an *image.YCbCr or *image.Gray.
// It returns ErrUnsupported, wrapped, for JPEGs it leaves to image/jpeg.
func Decode(src []byte, scale int) (image.Image, error) {
	if scale != 2 && scale != 4 && scale != 8 {
		return nil, errors.New("scaledjpeg: scale must be 2, 4 or 8")
	}
	d := &decoder{src: src, scale: scale, n: 8 / scale}
	return d.decode()
}

// Size returns the size Decode gives for a w×h image at scale.
func Size(w, h, scale int) (int, int) {
	return (w + scale - 1) / scale, (h + scale - 1) / scale
}

func unsupported(what string) error {
	return errors.Join(ErrUnsupported, errors.New(what))
}

// decode walks the marker segments up to the (single) scan and decodes it.
func (d *decoder) decode() (image.Image, error) {
	src := d.src
	if len(src) < 2 || src[0] != 0xff || src[1] != markerSOI {
		return nil, FormatError("missing SOI marker")
	}
	pos := 2
	for {
		// Skip to the marker; fill bytes (0xff) may precede it.
		if pos >= len(src) {
			return nil, FormatError("no image data before the end of the file")
		}
		if src[pos] != 0xff {
			return nil, FormatError("expected a marker")
		}
		for pos < len(src) && src[pos] == 0xff {
			pos++
		}
		if pos >= len(src) {
			return nil, FormatError("file ends in fill bytes")
		}
		marker := src[pos]
		pos++
		switch {
		case marker == markerEOI:
			return nil, FormatError("no image data before EOI")
		case marker >= markerRST0 && marker <= markerRST0+7, marker == 0x01:
			continue // stand-alone markers, no length
		}
		if pos+2 > len(src) {
			return nil, FormatError("segment length cut short")
		}
		n := int(src[pos])<<8 | int(src[pos+1])
		if n < 2 || pos+n > len(src) {
			return nil, FormatError("segment length runs past the end of the file")
		}
		seg := src[pos+2 : pos+n]
		pos += n
		var err error
		switch {
		case marker == markerSOF0, marker == markerSOF1:
			err = d.parseSOF(seg)
		case marker >= 0xc2 && marker <= 0xcf && marker != markerDHT && marker != 0xc8 && marker != 0xcc:
			err = unsupported("not a baseline or sequential Huffman JPEG")
		case marker == markerDHT:
			err = d.parseDHT(seg)
		case marker == markerDQT:
			err = d.parseDQT(seg)
		case marker == markerDRI:
			if len(seg) != 2 {
				return nil, FormatError("DRI segment has the wrong length")
			}
			d.restart = int(seg[0])<<8 | int(seg[1])
		case marker == markerDNL:
			err = unsupported("DNL marker")
		case marker == markerAPPE:
			if len(seg) >= 12 && string(seg[:5]) == "Adobe" {
				d.adobe = true
				d.adobeXf = seg[11]
			}
		case marker == markerSOS:
			return d.decodeScan(seg, pos)
		}
		if err != nil {
			return nil, err
		}
	}
}

// parseSOF reads the frame header.
func (d *decoder) parseSOF(seg []byte) error {
	if d.frameSet {
		return FormatError("more than one frame header")
	}
	d.frameSet = true
	if len(seg) < 6 {
		return FormatError("frame header too short")
	}
	if seg[0] != 8 {
		return unsupported("not 8-bit samples")
	}
	d.height = int(seg[1])<<8 | int(seg[2])
	d.width = int(seg[3])<<8 | int(seg[4])
	nc := int(seg[5])
	if d.height == 0 {
		return unsupported("height given by a DNL marker")
	}
	if d.width == 0 {
		return FormatError("zero width")
	}
	if nc != 1 && nc != 3 {
		return unsupported("not one or three colour components")
	}
	if len(seg) != 6+3*nc {
		return FormatError("frame header has the wrong length")
	}
	d.comps = make([]component, nc)
	for i := range d.comps {
		c := seg[6+3*i:]
		d.comps[i] = component{id: c[0], h: int(c[1] >> 4), v: int(c[1] & 15), tq: int(c[2])}
		if d.comps[i].tq > 3 {
			return FormatError("bad quantisation table number")
		}
		for j := range i {
			if d.comps[j].id == c[0] {
				return FormatError("two components share an id")
			}
		}
	}
	if nc == 1 {
		// A single component is coded one block per MCU whatever its
		// sampling factors say (T.81 A.2.2).
		d.comps[0].h, d.comps[0].v = 1, 1
		return nil
	}
	y, cb, cr := d.comps[0], d.comps[1], d.comps[2]
	if cb.h != 1 || cb.v != 1 || cr.h != 1 || cr.v != 1 {
		return unsupported("unusual chroma sampling")
	}
	switch [2]int{y.h, y.v} {
	case [2]int{1, 1}, [2]int{2, 1}, [2]int{2, 2}, [2]int{1, 2}:
	default:
		return unsupported("unusual luma sampling")
	}
	if id := [3]byte{y.id, cb.id, cr.id}; id == [3]byte{'R', 'G', 'B'} && !d.adobe {
		return unsupported("RGB-coded JPEG")
	}
	return nil
}

// parseDQT reads quantisation tables.
func (d *decoder) parseDQT(seg []byte) error {
	for len(seg) > 0 {
		pq, tq := seg[0]>>4, int(seg[0]&15)
		if tq > 3 || pq > 1 {
			return FormatError("bad quantisation table header")
		}
		seg = seg[1:]
		size := 64 << pq
		if len(seg) < size {
			return FormatError("quantisation table cut short")
		}
		for i := range 64 {
			if pq == 0 {
				d.quant[tq][i] = int32(seg[i])
			} else {
				d.quant[tq][i] = int32(seg[2*i])<<8 | int32(seg[2*i+1])
			}
		}
		d.haveQ[tq] = true
		seg = seg[size:]
	}
	return nil
}

// parseDHT reads Huffman tables.
func (d *decoder) parseDHT(seg []byte) error {
	for len(seg) > 0 {
		if len(seg) < 17 {
			return FormatError("Huffman table header cut short")
		}
		tc, th := seg[0]>>4, int(seg[0]&15)
		if tc > 1 || th > 3 {
			return FormatError("bad Huffman table header")
		}
		var counts [16]int
		total := 0
		for i := range 16 {
			counts[i] = int(seg[1+i])
			total += counts[i]
		}
		if total == 0 || total > 256 || len(seg) < 17+total {
			return FormatError("bad Huffman table length")
		}
		t := &d.dc[th]
		if tc == 1 {
			t = &d.ac[th]
		}
		if err := t.build(&counts, seg[17:17+total], tc == 1); err != nil {
			return err
		}
		if tc == 0 {
			d.haveDC[th] = true
		} else {
			d.haveAC[th] = true
		}
		seg = seg[17+total:]
	}
	return nil
}

// decodeScan reads the scan header and decodes the entropy-coded data that
// starts at src[pos].
func (d *decoder) decodeScan(seg []byte, pos int) (image.Image, error) {
	if !d.frameSet {
		return nil, FormatError("scan before frame header")
	}
	if d.adobe && len(d.comps) == 3 && d.adobeXf == 0 {
		return nil, unsupported("RGB-coded JPEG (Adobe transform 0)")
	}
	if len(seg) < 1 {
		return nil, FormatError("scan header too short")
	}
	ns := int(seg[0])
	if ns != len(d.comps) {
		return nil, unsupported("components in separate scans")
	}
	if len(seg) != 4+2*ns {
		return nil, FormatError("scan header has the wrong length")
	}
	for i := range ns {
		id, tables := seg[1+2*i], seg[2+2*i]
		c := &d.comps[i]
		if c.id != id {
			return nil, unsupported("scan components in a different order")
		}
		c.td, c.ta = int(tables>>4), int(tables&15)
		if c.td > 3 || c.ta > 3 || !d.haveDC[c.td] || !d.haveAC[c.ta] {
			return nil, FormatError("scan uses an undefined Huffman table")
		}
		if !d.haveQ[c.tq] {
			return nil, FormatError("frame uses an undefined quantisation table")
		}
	}
	ss, se, a := seg[1+2*ns], seg[2+2*ns], seg[3+2*ns]
	if ss != 0 || se != 63 || a != 0 {
		return nil, unsupported("not a sequential scan")
	}
	return d.decodeMCUs(pos)
}
