package photo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// FuzzPrepare feeds arbitrary bytes to the preparation entry point. Its
// seed corpus (testdata/fuzz/FuzzPrepare) holds one small file per hostile
// case of issue 4: EXIF-rotated JPEG, CMYK with and without Adobe marker,
// YCCK, interlaced and paletted PNG, truncated files, huge headers, GIF;
// the WebP files of testdata/webp are added as seeds too.
// Whatever the input, Prepare must return an *Error or an image whose
// bytes are what it says they are.
func FuzzPrepare(f *testing.F) {
	f.Add([]byte{}, byte(0))
	f.Add(hugePNG(), byte(0))
	for _, name := range []string{"lossy.webp", "lossless-alpha.webp"} {
		if src, err := os.ReadFile(filepath.Join("testdata", "webp", name)); err == nil {
			f.Add(src, byte(0))
		}
	}
	f.Fuzz(func(t *testing.T, src []byte, flags byte) {
		opt := Options{
			Preset:        Preset(flags & 1),
			PlacedWidthPt: 36,
			Crop:          flags&2 != 0,
			Grayscale:     flags&4 != 0,
			KeepAlpha:     flags&8 != 0,
		}
		if opt.Crop {
			opt.PlacedHeightPt = 24
			opt.FocusX, opt.FocusY = float64(flags>>4&3)/3, float64(flags>>6)/3
		}
		img, err := NewPreparer("", nil).Prepare("fuzz.img", src, opt)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Kind == nil {
				t.Fatalf("error %v (%T) is not an *Error with a kind", err, err)
			}
			return
		}
		var cfg image.Config
		switch img.Format {
		case "jpg":
			cfg, err = jpeg.DecodeConfig(bytes.NewReader(img.Data))
		case "png":
			cfg, err = png.DecodeConfig(bytes.NewReader(img.Data))
		default:
			t.Fatalf("format %q", img.Format)
		}
		if err != nil || cfg.Width != img.PxW || cfg.Height != img.PxH {
			t.Fatalf("prepared %s %d×%d does not decode as such: %v %v", img.Format, img.PxW, img.PxH, cfg, err)
		}
		// 36 pt wide is 125 px at 250 ppi; a crop is also 24 pt (83 px)
		// high, and without one the height follows the picture's shape.
		if img.PxW > 125 || opt.Crop && img.PxH > 84 {
			t.Fatalf("%d×%d is larger than the box (36×%g pt) at 250 ppi", img.PxW, img.PxH, opt.PlacedHeightPt)
		}
		if sum := sha256.Sum256(img.Data); hex.EncodeToString(sum[:]) != img.Key {
			t.Fatal("Key is not the SHA-256 of Data")
		}
	})
}
