package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"testing"

	"handout/figures"
	"handout/layout"
)

// testImage returns an opaque PNG of the given size, all one gray level.
func testImage(t *testing.T, w, h int, level uint8) *figures.Image {
	t.Helper()
	m := image.NewGray(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = level
	}
	m.Set(0, 0, color.Gray{Y: level ^ 0xff}) // not a flat image, in case an encoder special-cases one
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return &figures.Image{Key: hex.EncodeToString(sum[:]), Data: buf.Bytes(), Format: "png", PxW: w, PxH: h}
}

// TestEqualWidthImagesAreDeterministic writes a page of six images of the
// same pixel width again and again: the bytes must not change. fpdf sorts
// the images it writes by width, from a map, so unless ties are broken by
// something stable (third_party/fpdf, PATCHES.md change 1) their order, and
// so the file, differs from run to run.
func TestEqualWidthImagesAreDeterministic(t *testing.T) {
	set := metricFonts(t)
	page := layout.Page{W: 612, H: 792}
	for i := range 6 {
		img := testImage(t, 40, 30+i, uint8(40*i))
		page.Items = append(page.Items, &layout.Image{X: 50, Y: 50 + 100*float64(i), W: 80, H: 60, Img: img})
	}
	doc := &layout.Document{Title: "Images", Pages: []layout.Page{page}}
	var first []byte
	for run := range 20 {
		var buf bytes.Buffer
		if err := New(set).Write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = buf.Bytes()
			continue
		}
		if !bytes.Equal(buf.Bytes(), first) {
			t.Fatalf("run %d wrote different bytes than run 0: images of equal width are written in map order", run)
		}
	}
}

// TestUnpreparedPhotoIsAnError: a photo layout placed but nobody
// prepared (Image.Img unset) fails the document; it is not left out.
func TestUnpreparedPhotoIsAnError(t *testing.T) {
	page := layout.Page{W: 612, H: 792, Items: []layout.Item{&layout.Image{X: 50, Y: 60, W: 80, H: 60, Photo: &layout.Photo{PxW: 4, PxH: 3}}}}
	err := New(metricFonts(t)).Write(&bytes.Buffer{}, &layout.Document{Title: "Images", Pages: []layout.Page{page}})
	if err == nil || !strings.Contains(err.Error(), "the photo drawn at 50,60 was not prepared") {
		t.Errorf("error %v, want the unprepared photo named", err)
	}
}

// TestConcurrentDocumentsShareImages writes documents with the same image
// from several goroutines with one Writer, as a batch does: the image is
// parsed once and shared (fpdf patch 5), so this is what the race detector
// (.ci/run) checks, and every document must come out the same.
func TestConcurrentDocumentsShareImages(t *testing.T) {
	set := metricFonts(t)
	wr := New(set)
	img := testImage(t, 64, 48, 90)
	doc := &layout.Document{Title: "Shared", Pages: []layout.Page{{W: 612, H: 792, Items: []layout.Item{&layout.Image{X: 50, Y: 50, W: 128, H: 96, Img: img}}}}}
	outs := make([][]byte, 64)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(outs); i += 4 {
				var buf bytes.Buffer
				if err := wr.Write(&buf, doc); err != nil {
					t.Error(err)
				}
				outs[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	for i := range outs {
		if !bytes.Equal(outs[i], outs[0]) {
			t.Fatalf("document %d differs from document 0", i)
		}
	}
}
