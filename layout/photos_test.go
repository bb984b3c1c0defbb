package layout

import (
	"fmt"
	"strings"
	"testing"

	"handout/content"
)

// photoDoc lays out one section titled "Chin tuck" of blocks with monoFonts
// on Letter, each figure's panels given the photos named by their sources.
func photoDoc(t *testing.T, photos map[string]*Photo, blocks ...content.Block) *Document {
	t.Helper()
	return photoDocStyle(t, Style{}, photos, blocks...)
}

// photoDocStyle is photoDoc in the style st.
func photoDocStyle(t *testing.T, st Style, photos map[string]*Photo, blocks ...content.Block) *Document {
	t.Helper()
	pics := map[*content.Panel]Picture{}
	for _, blk := range blocks {
		if fig, ok := blk.(*content.Figure); ok {
			for k := range fig.Panels {
				pics[&fig.Panels[k]] = Picture{Photo: photos[fig.Panels[k].Source]}
			}
		}
	}
	h := &content.Handout{Source: "h.md", Meta: content.Meta{Title: "T"},
		Sections: []content.Section{{Title: plain("Chin tuck"), Blocks: blocks}}}
	c := &content.Clinic{Name: "C", Colors: content.Colors{Primary: "#000000", Accent: "#000000"}}
	d, err := Layout(monoFonts{}, Input{Handouts: []*content.Handout{h}, Clinic: c, Paper: Letter, Pictures: pics, Style: st})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// photoFigure is a figure of the photos srcs, side by side.
func photoFigure(n int, srcs ...string) *content.Figure {
	fig := &content.Figure{Number: n, Caption: plain("A photo")}
	for _, src := range srcs {
		fig.Panels = append(fig.Panels, content.Panel{Source: src, Label: "a", Caption: src})
	}
	return fig
}

// steps is a numbered list of n steps of about 90 characters.
func steps(n int) *content.List {
	l := &content.List{Ordered: true, Start: 1}
	for range n {
		l.Items = append(l.Items, plain("Sit tall with your feet flat on the floor and draw your chin straight back, level."))
	}
	return l
}

// images and texts are the photos and the text runs starting with prefix
// on the document's first page, in drawing order.
func images(d *Document) []*Image {
	var out []*Image
	for _, it := range d.Pages[0].Items {
		if im, ok := it.(*Image); ok && im.Photo != nil && im.Photo.PxW != im.Photo.PxH {
			out = append(out, im)
		}
	}
	return out
}

func texts(d *Document, prefix string) []*Text {
	var out []*Text
	for _, it := range d.Pages[0].Items {
		if tx, ok := it.(*Text); ok && strings.HasPrefix(tx.S, prefix) {
			out = append(out, tx)
		}
	}
	return out
}

// TestPhotoBesideItsSteps: a section that opens with one photo and its
// steps is one row: the photo on the left at the style's PhotoBeside part
// of the column, the section's title and the steps to its right, starting
// level with the photo's top (the peer document of render's reference
// benchmark fits in 5 pages so). A figure of two photos keeps the column,
// its steps under it.
func TestPhotoBesideItsSteps(t *testing.T) {
	st := article()
	col := Letter.W - 2*st.Page.Margin
	photos := map[string]*Photo{"a.jpg": {PxW: 800, PxH: 600}, "b.jpg": {PxW: 800, PxH: 600}}
	d := photoDoc(t, photos, photoFigure(1, "a.jpg"), steps(3))
	ims, title, step := images(d), texts(d, "Chin tuck"), texts(d, "Sit tall")
	if len(ims) != 1 || len(title) != 1 || len(step) < 3 {
		t.Fatalf("%d photos, %d titles, %d step lines; want 1, 1, at least 3", len(ims), len(title), len(step))
	}
	im := ims[0]
	if want := st.Figure.PhotoBeside * col; im.X != st.Page.Margin || im.W < want-0.01 || im.W > want+0.01 {
		t.Errorf("photo at x %.1f, %.1f pt wide; want at the margin (%.0f), %.1f wide", im.X, im.W, st.Page.Margin, want)
	}
	for _, tx := range append(title, step...) {
		if tx.X < im.X+im.W {
			t.Errorf("%q at x %.1f, over the photo (right edge %.1f)", tx.S, tx.X, im.X+im.W)
		}
	}
	if y := title[0].Y; y < im.Y || y > im.Y+st.Type.H2.Leading {
		t.Errorf("title's baseline at %.1f, photo's top at %.1f: the title should open the row", y, im.Y)
	}
	if last := step[len(step)-1]; last.Y > im.Y+im.H*besideOverhang+st.Type.FigureCaption.Leading+st.Figure.CaptionGap {
		t.Errorf("last step at %.1f, far below the photo (%.1f to %.1f)", last.Y, im.Y, im.Y+im.H)
	}

	d = photoDoc(t, photos, photoFigure(1, "a.jpg", "b.jpg"), steps(3))
	ims, step = images(d), texts(d, "Sit tall")
	if len(ims) != 2 || step[0].Y < ims[0].Y+ims[0].H {
		t.Errorf("a figure of two photos: %d photos, first step at %.1f; want 2 photos, the steps under them", len(ims), step[0].Y)
	}
}

// TestLongTextRunsUnderThePhoto: steps far taller than the photo would
// leave a tall empty strip under it; they run under the photo, which is
// drawn as a single photo is, centred.
func TestLongTextRunsUnderThePhoto(t *testing.T) {
	photos := map[string]*Photo{"a.jpg": {PxW: 800, PxH: 600}}
	d := photoDoc(t, photos, photoFigure(1, "a.jpg"), steps(12))
	ims, step := images(d), texts(d, "Sit tall")
	if len(ims) != 1 || len(step) == 0 {
		t.Fatalf("%d photos, %d step lines", len(ims), len(step))
	}
	if im := ims[0]; step[0].Y < im.Y+im.H || im.X <= article().Page.Margin {
		t.Errorf("photo at %.1f,%.1f (%.1f tall), first step at y %.1f; want the photo centred and the steps under it", im.X, im.Y, im.H, step[0].Y)
	}
}

// TestConsecutivePhotosPair: two figures of one photo each share a row,
// each in half the column, as drawings do; a figure of two photos beside
// another would be too small and takes a row of its own.
func TestConsecutivePhotosPair(t *testing.T) {
	st := article()
	half := (Letter.W - 2*st.Page.Margin - st.Figure.RowGap) / 2
	photos := map[string]*Photo{"a.jpg": {PxW: 800, PxH: 600}, "b.jpg": {PxW: 600, PxH: 800}, "c.jpg": {PxW: 800, PxH: 600}}
	d := photoDoc(t, photos, photoFigure(1, "a.jpg"), photoFigure(2, "b.jpg"))
	ims := images(d)
	if len(ims) != 2 {
		t.Fatalf("%d photos, want 2", len(ims))
	}
	a, b := ims[0], ims[1]
	if a.Y+a.H != b.Y+b.H || b.X < a.X+a.W || a.W > half+0.01 || b.W > half+0.01 {
		t.Errorf("photos at %.1f,%.1f %.1fx%.1f and %.1f,%.1f %.1fx%.1f; want side by side, standing on one line, each at most %.1f wide",
			a.X, a.Y, a.W, a.H, b.X, b.Y, b.W, b.H, half)
	}
	d = photoDoc(t, photos, photoFigure(1, "a.jpg", "c.jpg"), photoFigure(2, "b.jpg"))
	if ims := images(d); len(ims) != 3 || ims[2].Y < ims[0].Y+ims[0].H {
		t.Errorf("a figure of two photos and one of one: want two rows, got photos %v", ims)
	}
}

// TestPhotoRulesOffInAStyleWithout: a style whose PhotoBeside and
// PairPhoto are zero (one written before they existed) sets no photo
// beside text (a photo of no width there would vanish from the page) and
// pairs photos only as drawings pair.
func TestPhotoRulesOffInAStyleWithout(t *testing.T) {
	st := article()
	st.Figure.PhotoBeside, st.Figure.PairPhoto = 0, 0
	photos := map[string]*Photo{"a.jpg": {PxW: 800, PxH: 600}, "b.jpg": {PxW: 800, PxH: 600}}
	d := photoDocStyle(t, st, photos, photoFigure(1, "a.jpg"), steps(3))
	ims, step := images(d), texts(d, "Sit tall")
	if len(ims) != 1 || ims[0].W < 100 || step[0].Y < ims[0].Y+ims[0].H {
		t.Errorf("photo %v, first step at %.1f; want the photo drawn at a size, the steps under it", ims, step[0].Y)
	}
	d = photoDocStyle(t, st, photos, photoFigure(1, "a.jpg"), photoFigure(2, "b.jpg"))
	if ims := images(d); len(ims) != 2 || ims[1].Y < ims[0].Y+ims[0].H {
		t.Errorf("photos %v; want one per row", ims)
	}
}

// TestPhotoBoxes: a photo drawn at ¾ of another size of it is a box of
// its own (pixels for each); sizes within samePhotoSize share the larger
// one's; other photos never share.
func TestPhotoBoxes(t *testing.T) {
	a, b := &Photo{PxW: 800, PxH: 600}, &Photo{PxW: 800, PxH: 600}
	im := func(p *Photo, w float64) *Image { return &Image{W: w, H: w * 0.75, Photo: p} }
	d := &Document{Pages: []Page{
		{Items: []Item{im(a, 240), im(b, 240)}},
		{Items: []Item{im(a, 180), im(a, 243), im(a, 178)}},
	}}
	var got []string
	for _, bx := range d.PhotoBoxes() {
		name := "a"
		if bx.Photo == b {
			name = "b"
		}
		got = append(got, fmt.Sprintf("%s %.0fx%.2f ×%d", name, bx.W, bx.H, len(bx.Images)))
	}
	want := []string{"a 243x182.25 ×2", "b 240x180.00 ×1", "a 180x135.00 ×2"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("boxes %q, want %q", got, want)
	}
}
