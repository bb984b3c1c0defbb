package photo

import "encoding/binary"

// jpegInfo is what the marker segments before a JPEG's image data say.
type jpegInfo struct {
	orientation int  // EXIF orientation 1..8 (1 when absent or invalid)
	components  int  // colour components in the frame: 1 gray, 3 YCbCr, 4 CMYK/YCCK
	adobe       bool // an Adobe APP14 marker is present
	sof         byte // the frame's marker: 0xc0 baseline, 0xc1 extended, 0xc2 progressive, …
	precision   int  // bits per sample in the frame
	// lumaQSum is the sum of the 64 entries of quantisation table 0, the
	// one encoders use for luma (0 when it was not seen or is 16-bit):
	// what jpegQuality estimates the encoder's quality from.
	lumaQSum int
}

// exifScanJPEG walks the marker segments of a JPEG up to the start of the
// image data. It never reads past data and never allocates in proportion
// to it: it is run on untrusted files before anything else.
func exifScanJPEG(data []byte) jpegInfo {
	info := jpegInfo{orientation: 1}
	exifSeen := false
	i := 2 // after SOI
	for i+4 <= len(data) {
		if data[i] != 0xff {
			return info
		}
		marker := data[i+1]
		switch {
		case marker == 0xff: // fill byte
			i++
			continue
		case marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01:
			i += 2 // markers without a payload
			continue
		case marker == 0xda || marker == 0xd9: // start of scan, end of image
			return info
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return info
		}
		seg := data[i+4 : i+2+n]
		switch {
		case marker == 0xe1 && !exifSeen && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00":
			exifSeen = true
			info.orientation = exifOrientation(seg[6:])
		case marker == 0xee && len(seg) >= 5 && string(seg[:5]) == "Adobe":
			info.adobe = true
		case marker == 0xdb:
			info.lumaQSum = max(info.lumaQSum, dqtLumaSum(seg))
		case marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc:
			// Frame header: precision, height, width, components, then
			// 3 bytes per component (id, sampling factors, table).
			if len(seg) >= 6 {
				info.sof = marker
				info.precision = int(seg[0])
				info.components = int(seg[5])
			}
		}
		i += 2 + n
	}
	return info
}

// dqtLumaSum returns the sum of table 0's entries in a DQT segment (which
// may hold several tables), or 0 if it has no 8-bit table 0.
func dqtLumaSum(seg []byte) int {
	for len(seg) >= 1 {
		pq, tq := seg[0]>>4, seg[0]&0x0f
		size := 64
		if pq == 1 {
			size = 128
		}
		if len(seg) < 1+size {
			return 0
		}
		if tq == 0 && pq == 0 {
			sum := 0
			for _, q := range seg[1 : 1+size] {
				sum += int(q)
			}
			return sum
		}
		seg = seg[1+size:]
	}
	return 0
}

// exifScanPNG returns the EXIF orientation from a PNG's eXIf chunk (1 when
// absent), walking chunk headers only.
func exifScanPNG(data []byte) int {
	i := 8 // after the signature
	for i+8 <= len(data) {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if n < 0 || n > len(data)-i-12 {
			return 1
		}
		switch typ {
		case "eXIf":
			return exifOrientation(data[i+8 : i+8+n])
		case "IEND":
			return 1
		}
		i += 12 + n
	}
	return 1
}

// exifOrientation reads tag 0x0112 (Orientation) from the first IFD of a
// TIFF-structured EXIF block. Anything malformed or out of range means 1:
// a photo shown as stored is better than a refused one.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 1
	}
	off := int64(bo.Uint32(tiff[4:]))
	if off < 8 || off+2 > int64(len(tiff)) {
		return 1
	}
	count := int(bo.Uint16(tiff[off:]))
	for e := range count {
		p := off + 2 + 12*int64(e)
		if p+12 > int64(len(tiff)) {
			return 1
		}
		if bo.Uint16(tiff[p:]) != 0x0112 {
			continue
		}
		// Type SHORT (3), count 1: the value sits in the first two bytes
		// of the value field.
		if bo.Uint16(tiff[p+2:]) != 3 || bo.Uint32(tiff[p+4:]) != 1 {
			return 1
		}
		v := int(bo.Uint16(tiff[p+8:]))
		if v < 1 || v > 8 {
			return 1
		}
		return v
	}
	return 1
}
