package figures

import (
	"encoding/binary"
	"testing"
)

// TestPhotoSizeIsUpright: a photo's size is the one it is seen at, turned
// by its EXIF orientation, and what its header shows is wrong is refused
// under the photo's name.
func TestPhotoSizeIsUpright(t *testing.T) {
	upright := photoTestQuadrants(400, 300)
	for o := 1; o <= 8; o++ {
		src := photoWithEXIF(photoJPEGBytes(t, photoStoredFor(upright, o)), o, binary.BigEndian)
		if w, h, err := PhotoSize("phone.jpg", src); err != nil || w != 400 || h != 300 {
			t.Errorf("orientation %d: %d×%d, %v; want 400×300", o, w, h, err)
		}
	}
	_, _, err := PhotoSize("photos/cat.png", photoHugePNG())
	photoWantErr(t, err, ErrTooLarge, "figures: photos/cat.png: image is 60000×60000 pixels")
}
