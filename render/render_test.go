package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/figures/photo"
	"handout/internal/pdftest"
	"handout/layout"
)

func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := NewEngine("")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// testJob is a job of one handout, builtin:NAME or a file, with the
// sample clinic and the default settings: what `handout render SOURCE`
// makes.
func testJob(t testing.TB, source string) Job {
	t.Helper()
	return testJobWith(t, source, Settings{})
}

// testJobWith is testJob with settings, checked as the front doors check
// them.
func testJobWith(t testing.TB, source string, s Settings) Job {
	t.Helper()
	return testJobIn(t, source, "", s)
}

// testJobIn is testJobWith with the handout resolved in the language lang
// (Resolver.ResolveIn).
func testJobIn(t testing.TB, source, lang string, s Settings) Job {
	t.Helper()
	set, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	specs := NewResolver(nil)
	t.Cleanup(specs.Close)
	hf, err := specs.ResolveIn(source, lang)
	if err != nil {
		t.Fatal(err)
	}
	clinic, err := LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	return set.Job(clinic, hf)
}

// TestPhotoErrorIsTheFirstInTheHandout: photos are prepared side by side,
// but the error reported is always the first failing photo's, by line.
func TestPhotoErrorIsTheFirstInTheHandout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var md strings.Builder
	md.WriteString("---\ntitle: Photos\n---\n\n## Photos\n\nSome text.\n")
	for i := range 8 {
		name := fmt.Sprintf("p%d.jpg", i)
		md.WriteString(fmt.Sprintf("\n![Photo %d](%s)\n", i, name))
		switch i {
		case 3: // missing: never written
		case 6:
			if err := os.WriteFile(filepath.Join(dir, name), []byte("not a picture"), 0o600); err != nil {
				t.Fatal(err)
			}
		default:
			pdftest.WritePhoto(t, dir, name, 800, 600, uint64(i))
		}
	}
	path := filepath.Join(dir, "photos.md")
	if err := os.WriteFile(path, []byte(md.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	// Photo 3 is on line 15 (front matter 3 lines, blank, heading, blank,
	// text, then a blank line and a figure per photo).
	want := "photos.md:15: "
	for range 10 {
		_, _, err := newTestEngine(t).Render(testJob(t, path))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "p3.jpg") {
			t.Fatalf("error %v, want the missing p3.jpg at %q", err, want)
		}
	}
}

// TestSoftPhotoWarning: a photo too small for where it is printed is
// named, once, with its line and the size to use; a large one is not, and
// nothing is said for the email preset (read on a screen).
func TestSoftPhotoWarning(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, size := range map[string][2]int{"small.jpg": {300, 200}, "big.jpg": {2000, 1500}} {
		pdftest.WritePhoto(t, dir, name, size[0], size[1], 1)
	}
	path := filepath.Join(dir, "h.md")
	md := "---\ntitle: Photos\n---\n\n## One\n\n![Small](small.jpg)\n\n![Big](big.jpg)\n\n![Small again](small.jpg)\n"
	if err := os.WriteFile(path, []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, preset := range []photo.Preset{photo.PresetPrint, photo.PresetEmail} {
		var warnings []string
		j := testJob(t, path)
		j.Preset = preset
		j.Warn = func(msg string) { warnings = append(warnings, msg) }
		if _, _, err := newTestEngine(t).Render(j); err != nil {
			t.Fatal(err)
		}
		if preset == photo.PresetEmail {
			if len(warnings) != 0 {
				t.Errorf("email preset: %q", warnings)
			}
			continue
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0], "h.md:7: photo \"small.jpg\" prints at ") ||
			!strings.Contains(warnings[0], "use one at least") {
			t.Errorf("print preset: warnings %q, want one for small.jpg at h.md:7", warnings)
		}
	}
}

// TestPacketPhotosWithTheSamePath: two handouts of a packet, in folders
// of their own, may each have a photos/a.jpg; each handout shows its own.
func TestPacketPhotosWithTheSamePath(t *testing.T) {
	root := t.TempDir()
	var j Job
	for i, name := range []string{"one", "two"} {
		dir := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Join(dir, "photos"), 0o700); err != nil {
			t.Fatal(err)
		}
		// Different sizes as well as different pictures, so that the
		// pages tell them apart.
		pdftest.WritePhoto(t, filepath.Join(dir, "photos"), "a.jpg", 1200+400*i, 900, uint64(i))
		path := filepath.Join(dir, name+".md")
		md := "---\ntitle: Handout " + name + "\n---\n\n## One\n\n![A photo](photos/a.jpg)\n"
		if err := os.WriteFile(path, []byte(md), 0o600); err != nil {
			t.Fatal(err)
		}
		hj := testJob(t, path)
		if i == 0 {
			j = hj
		} else {
			j.Handouts = append(j.Handouts, hj.Handouts...)
		}
	}
	doc, err := newTestEngine(t).Layout(j)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []string
	for _, im := range photosOf(doc) {
		sizes = append(sizes, fmt.Sprintf("%.0f×%.0f", im.W, im.H))
	}
	if len(sizes) != 2 || sizes[0] == sizes[1] {
		t.Errorf("photos drawn %q; want two, each handout's own", sizes)
	}
}

// TestPhotoPreparedForItsBox: a wide photo alone in its figure is drawn
// narrower than the column (the style's SinglePhoto part of it), and
// drawn smaller still to stay on its page with the text before it
// (PhotoShrink); either way it is prepared for the width it is drawn at,
// at about 250 pixels per inch.
func TestPhotoPreparedForItsBox(t *testing.T) {
	dir := t.TempDir()
	pdftest.WritePhoto(t, dir, "wide.jpg", 3000, 1500, 1)
	e := newTestEngine(t)
	// drawn lays out the photo after filler one-line paragraphs and
	// returns it, checking its pixels.
	drawn := func(filler int) *layout.Image {
		t.Helper()
		md := "---\ntitle: Wide\n---\n\n## One\n\n" + strings.Repeat("A line of text.\n\n", filler) + "![Wide](wide.jpg)\n"
		doc := layoutHandoutText(t, e, dir, md)
		ims := photosOf(doc)
		if len(ims) != 1 {
			t.Fatalf("%d photos on the pages, want 1", len(ims))
		}
		im := ims[0]
		want := im.W / 72 * photo.PresetPrint.PixelsPerInch()
		if got := float64(im.Img.PxW); got < want-2 || got > want+2 {
			t.Errorf("after %d lines: photo drawn %.0f pt wide is %d pixels across (%.0f per inch); want about %.0f (%.0f per inch)",
				filler, im.W, im.Img.PxW, got/(im.W/72), want, photo.PresetPrint.PixelsPerInch())
		}
		return im
	}
	style, err := layout.StyleByName("")
	if err != nil {
		t.Fatal(err)
	}
	full := drawn(0).W
	if column := layout.Letter.W - 2*style.Page.Margin; full > style.Figure.SinglePhoto*column+0.01 {
		t.Errorf("a single wide photo is drawn %.0f pt wide, more than %g of the %.0f pt column", full, style.Figure.SinglePhoto, column)
	}
	for filler := 10; filler < 60; filler++ {
		if drawn(filler).W < 0.9*full {
			return // shrunk to stay on the page, and prepared for that
		}
	}
	t.Errorf("the photo was never drawn smaller to stay on its page")
}

// TestPhotoDrawnTwicePreparedForEachBox: a photo drawn at full size in
// one section and, in another, shrunk to stay on its page with the text
// before it (PhotoShrink) gets pixels for each box it is drawn in, at
// about the preset's resolution in both: the shrunk one is not given the
// full-size pixels (333 pixels per inch where 250 is the target).
func TestPhotoDrawnTwicePreparedForEachBox(t *testing.T) {
	dir := t.TempDir()
	pdftest.WritePhoto(t, dir, "wide.jpg", 3000, 1500, 1)
	e := newTestEngine(t)
	ppi := photo.PresetPrint.PixelsPerInch()
	for filler := 10; filler < 60; filler++ {
		md := "---\ntitle: Wide\n---\n\n## One\n\n![Wide](wide.jpg)\n\n## Two\n\n" +
			strings.Repeat("A line of text.\n\n", filler) + "![Wide again](wide.jpg)\n"
		doc := layoutHandoutText(t, e, dir, md)
		ims := photosOf(doc)
		if len(ims) != 2 {
			t.Fatalf("%d photos on the pages, want 2", len(ims))
		}
		if ims[1].W > 0.9*ims[0].W {
			continue // not shrunk yet: more filler
		}
		for i, im := range ims {
			if got := float64(im.Img.PxW) / (im.W / 72); got < ppi-2 || got > ppi+2 {
				t.Errorf("after %d lines: photo %d drawn %.0f pt wide is %d pixels across (%.0f per inch); want about %.0f per inch",
					filler, i+1, im.W, im.Img.PxW, got, ppi)
			}
		}
		return
	}
	t.Errorf("the second photo was never drawn smaller to stay on its page")
}

// photosOf is the images on doc's pages but the logo (the sample
// clinic's is square; no test photo is).
func photosOf(doc *layout.Document) []*layout.Image {
	var out []*layout.Image
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if im, ok := it.(*layout.Image); ok && im.Img.PxW != im.Img.PxH {
				out = append(out, im)
			}
		}
	}
	return out
}

// layoutHandoutText writes md as dir/h.md (beside the photos it names)
// and lays it out.
func layoutHandoutText(t *testing.T, e *Engine, dir, md string) *layout.Document {
	t.Helper()
	path := filepath.Join(dir, "h.md")
	if err := os.WriteFile(path, []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	doc, err := e.Layout(testJob(t, path))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
