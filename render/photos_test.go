package render

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/figures/photo"
	"handout/internal/pdftest"
	"handout/layout"
)

// rotateCCW turns an image a quarter counter-clockwise.
func rotateCCW(src *image.RGBA) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			dst.Set(y, b.Dx()-1-x, src.At(x, y))
		}
	}
	return dst
}

// withEXIFOrientation inserts an APP1 EXIF segment with one Orientation
// entry after the JPEG's SOI marker, as a phone camera writes it.
func withEXIFOrientation(jpg []byte, orientation uint16) []byte {
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	binary.Write(&tiff, binary.BigEndian, uint32(8))                // IFD offset
	binary.Write(&tiff, binary.BigEndian, uint16(1))                // one entry
	binary.Write(&tiff, binary.BigEndian, []uint16{0x0112, 3})      // Orientation, SHORT
	binary.Write(&tiff, binary.BigEndian, uint32(1))                // count
	binary.Write(&tiff, binary.BigEndian, []uint16{orientation, 0}) // value, padding
	binary.Write(&tiff, binary.BigEndian, uint32(0))                // no next IFD
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// photoHandout writes a handout with 13 photo figures in mixed formats and
// orientations (several of the same size, as a clinic's photos are) and
// returns its path.
func photoHandout(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	var md strings.Builder
	md.WriteString("---\ntitle: Photo handout\n---\n\n")
	for i := 1; i <= 13; i++ {
		w, h := 1600, 1200
		if i%3 == 0 {
			w, h = 1200, 1600
		}
		img := pdftest.Phone(w, h, uint64(i))
		sideways := i%4 == 1 && i%5 != 0
		if sideways {
			// A phone held upright stores the pixels turned a quarter
			// counter-clockwise and tags them "rotate 90° clockwise".
			img = rotateCCW(img)
		}
		var buf bytes.Buffer
		name := fmt.Sprintf("photo%02d.jpg", i)
		switch {
		case i%5 == 0:
			name = fmt.Sprintf("screen%02d.png", i)
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
		default:
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
				t.Fatal(err)
			}
		}
		data := buf.Bytes()
		if sideways {
			data = withEXIFOrientation(data, 6)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&md, "## Exercise %d\n\n![Position %d](%s)\n\nHold for five slow breaths.\n\n", i, i, name)
	}
	path := filepath.Join(dir, "photos.md")
	if err := os.WriteFile(path, []byte(md.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPhotoHandout renders a handout of 13 phone-like photos with both
// presets: the PDFs validate, stay within the size budget, and come out
// byte-identical from two separate engines even though several photos
// share a pixel width. The engines share one cache folder, so each photo
// is prepared once per preset, not once per engine (the photos' own
// determinism across processes is the photos golden's to check).
func TestPhotoHandout(t *testing.T) {
	if testing.Short() {
		t.Skip("prepares 13 photos")
	}
	t.Parallel()
	src, cache := photoHandout(t), t.TempDir()
	for _, tc := range []struct {
		preset photo.Preset
		limit  int
	}{{photo.PresetPrint, 1500 << 10}, {photo.PresetEmail, 600 << 10}} {
		t.Run(tc.preset.String(), func(t *testing.T) {
			t.Parallel()
			var outs [][]byte
			for range 2 {
				e, err := NewEngine(cache)
				if err != nil {
					t.Fatal(err)
				}
				j := testJob(t, src)
				j.Preset = tc.preset
				out, _, err := e.Render(j)
				if err != nil {
					t.Fatal(err)
				}
				outs = append(outs, out)
			}
			pdftest.Validate(t, outs[0])
			checkPhotosUpright(t, src, cache, tc.preset)
			if !bytes.Equal(outs[0], outs[1]) {
				t.Errorf("two renders differ: same-width images are not ordered deterministically")
			}
			t.Logf("%s preset: %d KB", tc.preset, len(outs[0])>>10)
			if len(outs[0]) > tc.limit {
				t.Errorf("%s preset: %d KB, over the %d KB budget", tc.preset, len(outs[0])>>10, tc.limit>>10)
			}
		})
	}
}

// placedPhotos lays the photo handout out with preset and grayscale, its
// photos prepared through the cache folder, and decodes every photo
// placed on its pages (not the square logo), failing unless there are 13.
func placedPhotos(t *testing.T, src, cache string, preset photo.Preset, grayscale bool) []image.Image {
	t.Helper()
	e, err := NewEngine(cache)
	if err != nil {
		t.Fatal(err)
	}
	j := testJob(t, src)
	j.Preset, j.Grayscale = preset, grayscale
	doc, err := e.Layout(j)
	if err != nil {
		t.Fatal(err)
	}
	var pics []image.Image
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			im, ok := it.(*layout.Image)
			if !ok || im.Img.PxW == im.Img.PxH {
				continue
			}
			pic, _, err := image.Decode(bytes.NewReader(im.Img.Data))
			if err != nil {
				t.Fatal(err)
			}
			pics = append(pics, pic)
		}
	}
	if len(pics) != 13 {
		t.Fatalf("found %d photos on the pages, want 13", len(pics))
	}
	return pics
}

// checkPhotosUpright checks every placed photo: each was drawn with its
// red third on top, so a photo the wrong way up (EXIF ignored) or with
// the wrong colours fails.
func checkPhotosUpright(t *testing.T, src, cache string, preset photo.Preset) {
	t.Helper()
	for i, pic := range placedPhotos(t, src, cache, preset, false) {
		b := pic.Bounds()
		top := pic.At(b.Min.X+b.Dx()/2, b.Min.Y+b.Dy()/10)
		bottom := pic.At(b.Min.X+b.Dx()/10, b.Max.Y-b.Dy()/10)
		tr, tg, _, _ := top.RGBA()
		_, bg, _, _ := bottom.RGBA()
		if tr>>8 < 170 || tg>>8 > 90 || bg>>8 < 90 {
			t.Errorf("photo %d is not upright with its red third on top: top %v bottom %v", i+1, top, bottom)
		}
	}
}

// TestGrayscalePhotos: with --grayscale (render.Job.Grayscale) every photo on
// the pages is gray, for clinics printing on black-and-white lasers.
func TestGrayscalePhotos(t *testing.T) {
	if testing.Short() {
		t.Skip("prepares 13 photos")
	}
	t.Parallel()
	for i, pic := range placedPhotos(t, photoHandout(t), "", photo.PresetPrint, true) {
		b := pic.Bounds()
		r, g, bl, _ := pic.At(b.Min.X+b.Dx()/2, b.Min.Y+b.Dy()/10).RGBA() // the red third
		if r>>8 != g>>8 || g>>8 != bl>>8 {
			t.Errorf("photo %d is not gray: %d %d %d", i+1, r>>8, g>>8, bl>>8)
		}
	}
}
