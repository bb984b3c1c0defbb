package photo

import (
	"encoding/binary"
	"os"
	"path/filepath"
)

// Dimensions reports the size src is seen at, in pixels: its stored size
// turned by its EXIF orientation. It reads headers only, never the
// picture data, so a layout can place a photo by its aspect ratio before
// the photo is prepared for the box it gets. What Prepare refuses from
// the headers alone (not a supported format, too many pixels, a damaged
// header) is refused here too, as an *Error named name.
func Dimensions(name string, src []byte) (w, h int, err error) {
	pl, err := inspect(src)
	if err != nil {
		return 0, 0, cacheNamed(err, name)
	}
	w, h = pl.upright()
	return w, h, nil
}

// headBytes is how much of a photo file FileDimensions reads first:
// a phone JPEG's headers (EXIF with its thumbnail, an ICC profile) fit
// many times over.
const headBytes = 256 << 10

// FileDimensions is Dimensions of the photo file rel in root, read as
// ReadFile reads it. It reads the file's first headBytes only when
// they hold a JPEG's headers whole (up to the start of its picture data):
// the front desk's dozen phone photos are then not read twice, once to
// be placed and once to be prepared. Any other file (a PNG may put its
// EXIF orientation after its pixels) is read whole.
func FileDimensions(root *os.Root, rel string) (w, h int, err error) {
	name := filepath.ToSlash(rel)
	head, whole, err := imageFile.ReadHeadIn(root, name, headBytes)
	if err != nil || (!whole && !jpegHeadersIn(head)) {
		// Read whole: for the headers, or for the error in ReadFile's
		// words.
		if head, err = ReadFile(root, rel); err != nil {
			return 0, 0, err
		}
	}
	return Dimensions(name, head)
}

// jpegHeadersIn reports whether head is the start of a JPEG with
// every marker segment before its first scan (where exifScanJPEG and the
// header decoder stop) inside head.
func jpegHeadersIn(head []byte) bool {
	if len(head) < 2 || head[0] != 0xff || head[1] != 0xd8 {
		return false
	}
	for i := 2; i+4 <= len(head); {
		if head[i] != 0xff {
			return false
		}
		switch marker := head[i+1]; {
		case marker == 0xff: // fill byte
			i++
		case marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01:
			i += 2 // markers without a payload
		case marker == 0xda: // start of scan: the headers are all before it
			return true
		case marker == 0xd9:
			return false
		default:
			i += 2 + int(binary.BigEndian.Uint16(head[i+2:]))
		}
	}
	return false
}
