package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	imagepng "image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestPhotoSizeIsUpright: a photo's size is the one it is seen at, turned
// by its EXIF orientation, and what its header shows is wrong is refused
// under the photo's name.
func TestPhotoSizeIsUpright(t *testing.T) {
	upright := testQuadrants(400, 300)
	for o := 1; o <= 8; o++ {
		src := withEXIF(jpegBytes(t, storedFor(upright, o)), o, binary.BigEndian)
		if w, h, err := Dimensions("phone.jpg", src); err != nil || w != 400 || h != 300 {
			t.Errorf("orientation %d: %d×%d, %v; want 400×300", o, w, h, err)
		}
	}
	_, _, err := Dimensions("photos/cat.png", hugePNG())
	wantErr(t, err, ErrTooLarge, "figures: photos/cat.png: image is 60000×60000 pixels")
}

// TestPhotoFileSizeReadsTheHeaders: a JPEG larger than the head is placed
// from its first bytes, with the size and orientation a whole read gives;
// its headers cut at the head's end, or a PNG, are read whole.
func TestPhotoFileSizeReadsTheHeaders(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	noisy := image.NewRGBA(image.Rect(0, 0, 1200, 900))
	for i := range noisy.Pix {
		noisy.Pix[i] = uint8(i * 7919 >> 3)
	}
	jpg := withEXIF(jpegBytes(t, noisy), 6, binary.BigEndian)
	if len(jpg) <= headBytes {
		t.Fatalf("test JPEG is %d bytes, not more than the head", len(jpg))
	}
	var png bytes.Buffer
	if err := imagepng.Encode(&png, image.NewGray(image.Rect(0, 0, 30, 20))); err != nil {
		t.Fatal(err)
	}
	// A JPEG whose headers run past the head: an APP segment of padding
	// the size of the head before its EXIF.
	pad := append([]byte{0xff, 0xe2, 0xff, 0xff}, make([]byte, 0xfffd)...)
	var long []byte
	long = append(long, jpg[:2]...)
	for range headBytes/len(pad) + 1 {
		long = append(long, pad...)
	}
	long = append(long, jpg[2:]...)
	for _, tc := range []struct {
		name   string
		data   []byte
		w, h   int
		inHead bool
	}{{"big.jpg", jpg, 900, 1200, true}, {"long.jpg", long, 900, 1200, false}, {"small.png", png.Bytes(), 30, 20, false}} {
		if err := os.WriteFile(filepath.Join(dir, tc.name), tc.data, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := jpegHeadersIn(tc.data[:min(len(tc.data), headBytes)]); got != tc.inHead {
			t.Errorf("%s: headers in the head %t, want %t", tc.name, got, tc.inHead)
		}
		if w, h, err := FileDimensions(root, tc.name); err != nil || w != tc.w || h != tc.h {
			t.Errorf("%s: %d×%d, %v; want %d×%d", tc.name, w, h, err, tc.w, tc.h)
		}
	}
	_, _, err = FileDimensions(root, "../outside.jpg")
	wantErr(t, err, ErrOutside, "figures: ../outside.jpg: leaves")
}
