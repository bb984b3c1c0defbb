package layout

import (
	"fmt"
	"image/color"
	"io"
	"strings"

	"handout/figures"
	"handout/fonts"
)

// Document is the result of layout: the pages of one handout, ready for a
// backend (the PDF writer, the text dump), plus what goes into the PDF's
// metadata. Nothing about the patient belongs in Title or Author.
type Document struct {
	// Root is the structure tree (elem.go), a Document element whose
	// elements the pages' items belong to.
	Root     *Elem
	Title    string
	Author   string // the clinic
	Subject  string
	Language string
	Reviewed string // YYYY-MM-DD, used as the PDF's fixed creation date
	Pages    []Page
	// Warnings are what the layout changed that the clinic should know
	// of: a brand colour darkened to keep text readable, naming the
	// colour and its profile. They never name the patient.
	Warnings []string
	// CJK is the clinic's CJK font the text was measured with
	// (fonts.Set.WithCJK), which the PDF writer draws what Noto Sans
	// lacks in; nil when the clinic has none. Whoever lays the document
	// out with a CJK font sets it (render.Engine.Layout).
	CJK *fonts.CJK
}

// Page is one page: its size in points and the items drawn on it, in
// drawing order. Coordinates are points from the page's top-left corner,
// y down.
type Page struct {
	W, H  float64
	Items []Item
}

// Item is one thing drawn on a page. Its implementations are *Text,
// *Image, *Rule, *Box, *Path and *Link; every backend is one switch over
// them.
type Item interface {
	isItem()
	tag() *Tag
}

// Text is a run of text in one font; Y is the baseline.
type Text struct {
	Tag
	X, Y  float64
	Face  fonts.Face
	Size  float64
	Color color.RGBA
	S     string
}

// Image is a photo drawn into a box. Layout sets Photo; Img, the
// prepared pixels the PDF embeds, is filled in by whoever prepares the
// photos for their boxes (see Photo, Document.PhotoBoxes).
type Image struct {
	Tag
	X, Y, W, H float64
	Photo      *Photo
	Img        *figures.Image
}

// Rule is a straight line. Dash > 0 draws it dashed with that dash length.
type Rule struct {
	Tag
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          color.RGBA
	Dash           float64
}

// Box is a rectangle, optionally rounded, filled and/or stroked (a colour
// with A == 0 is not drawn).
type Box struct {
	Tag
	X, Y, W, H float64
	Radius     float64
	Fill       color.RGBA
	Stroke     color.RGBA
	LineWidth  float64
}

// Path is one vector shape of a drawing, placed by scaling the drawing's
// coordinates by Scale and moving them by (X, Y).
type Path struct {
	Tag
	X, Y, Scale float64
	Shape       figures.Shape
	// Of is the drawing the shape is part of, nil for a shape of its own
	// (an icon). A writer may draw a drawing's consecutive shapes as one
	// unit, made once and placed wherever the drawing appears.
	Of *figures.Drawing
}

// Link makes a rectangle of the page a clickable link to URL. Contents
// describes it for assistive technology (the link's text).
type Link struct {
	Tag
	X, Y, W, H float64
	URL        string
	Contents   string
}

// Inked is the text that leaves ink: S without the space at its end,
// which layout writes for text extraction only (lineItems), and which
// takes no room on the page.
func (t *Text) Inked() string { return strings.TrimRight(t.S, " ") }

func (*Text) isItem()  {}
func (*Image) isItem() {}
func (*Rule) isItem()  {}
func (*Box) isItem()   {}
func (*Path) isItem()  {}
func (*Link) isItem()  {}

// moved returns a copy of it shifted by (dx, dy).
func moved(it Item, dx, dy float64) Item {
	switch v := it.(type) {
	case *Text:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	case *Image:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	case *Rule:
		c := *v
		c.X1, c.Y1, c.X2, c.Y2 = c.X1+dx, c.Y1+dy, c.X2+dx, c.Y2+dy
		return &c
	case *Box:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	case *Path:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	case *Link:
		c := *v
		c.X, c.Y = c.X+dx, c.Y+dy
		return &c
	}
	panic(fmt.Sprintf("layout: unknown item %T", it))
}

// PhotoBox is a size a photo is drawn at, in points, and the images
// drawn at it: what one set of its pixels is prepared for.
type PhotoBox struct {
	Photo  *Photo
	W, H   float64
	Images []*Image // every image of Photo drawn at this size
}

// samePhotoSize is how much larger than another a photo's drawn size may
// be and still share its pixels (5%): a few more pixels than a size needs
// cost less than a second copy of the photo in the file, and 5% over the
// preset's resolution prints no differently.
const samePhotoSize = 1.05

// PhotoBoxes lists each photo drawn on the pages once for every size it
// is drawn at, in the order the pages first draw them. A photo drawn at
// two sizes (once across the column, once shrunk to stay on its page) is
// two boxes: each is prepared with the pixels its own size needs, not
// the larger one's. Sizes within samePhotoSize of each other are one
// box, the largest of them.
func (d *Document) PhotoBoxes() []PhotoBox {
	var boxes []PhotoBox
	var narrowest []float64 // the width of each box's narrowest image
	for _, p := range d.Pages {
		for _, it := range p.Items {
			im, ok := it.(*Image)
			if !ok || im.Photo == nil {
				continue
			}
			i := sizeOf(boxes, narrowest, im)
			if i < 0 {
				i = len(boxes)
				boxes = append(boxes, PhotoBox{Photo: im.Photo})
				narrowest = append(narrowest, im.W)
			}
			b := &boxes[i]
			b.W, b.H = max(b.W, im.W), max(b.H, im.H)
			narrowest[i] = min(narrowest[i], im.W)
			b.Images = append(b.Images, im)
		}
	}
	return boxes
}

// sizeOf finds the box of im's photo whose images, with im, are all
// within samePhotoSize of each other in width; -1 if there is none.
func sizeOf(boxes []PhotoBox, narrowest []float64, im *Image) int {
	for i, b := range boxes {
		if b.Photo == im.Photo && max(b.W, im.W) <= samePhotoSize*min(narrowest[i], im.W) {
			return i
		}
	}
	return -1
}

// Dump writes the document as text, one line per item with numbers at
// fixed precision, so that layout changes show up as readable diffs in the
// golden files.
func Dump(w io.Writer, doc *Document) error {
	var b strings.Builder
	fmt.Fprintf(&b, "document title=%q author=%q subject=%q lang=%q reviewed=%q pages=%d\n",
		doc.Title, doc.Author, doc.Subject, doc.Language, doc.Reviewed, len(doc.Pages))
	ids := elemIDs(doc.Root)
	for i, p := range doc.Pages {
		fmt.Fprintf(&b, "page %d %.2fx%.2f\n", i+1, p.W, p.H)
		for _, it := range p.Items {
			b.WriteString("  ")
			dumpItem(&b, it)
			dumpTag(&b, it, ids)
			b.WriteByte('\n')
		}
	}
	dumpTree(&b, doc.Root, ids, 0)
	_, err := io.WriteString(w, b.String())
	return err
}

func dumpItem(b *strings.Builder, it Item) {
	switch v := it.(type) {
	case *Text:
		fmt.Fprintf(b, "text %.2f,%.2f %s %.2f %s %q", v.X, v.Y, v.Face, v.Size, hex(v.Color), v.S)
	case *Image:
		if v.Img == nil {
			fmt.Fprintf(b, "image %.2f,%.2f %.2fx%.2f unprepared", v.X, v.Y, v.W, v.H)
			break
		}
		fmt.Fprintf(b, "image %.2f,%.2f %.2fx%.2f %s %dx%d %.12s", v.X, v.Y, v.W, v.H, v.Img.Format, v.Img.PxW, v.Img.PxH, v.Img.Key)
	case *Rule:
		fmt.Fprintf(b, "rule %.2f,%.2f-%.2f,%.2f w=%.2f %s dash=%.2f", v.X1, v.Y1, v.X2, v.Y2, v.Width, hex(v.Color), v.Dash)
	case *Box:
		fmt.Fprintf(b, "box %.2f,%.2f %.2fx%.2f r=%.2f fill=%s stroke=%s w=%.2f", v.X, v.Y, v.W, v.H, v.Radius, hex(v.Fill), hex(v.Stroke), v.LineWidth)
	case *Path:
		fmt.Fprintf(b, "path %.2f,%.2f scale=%.4f segs=%d fill=%s stroke=%s w=%.3f", v.X, v.Y, v.Scale, len(v.Shape.Path), hex(v.Shape.Fill), hex(v.Shape.Stroke), v.Shape.LineWidth)
	case *Link:
		fmt.Fprintf(b, "link %.2f,%.2f %.2fx%.2f %s", v.X, v.Y, v.W, v.H, v.URL)
	default:
		fmt.Fprintf(b, "unknown %T", it)
	}
}

// elemIDs numbers the elements of the tree in reading order, for the
// dump.
func elemIDs(root *Elem) map[*Elem]int {
	ids := map[*Elem]int{}
	var walk func(e *Elem)
	walk = func(e *Elem) {
		ids[e] = len(ids)
		for _, k := range e.Kids {
			walk(k)
		}
	}
	if root != nil {
		walk(root)
	}
	return ids
}

// dumpTag writes the element an item is part of, or the artifact it is.
func dumpTag(b *strings.Builder, it Item, ids map[*Elem]int) {
	e, a := TagOf(it)
	if e == nil {
		fmt.Fprintf(b, " [%s]", a)
		return
	}
	id, ok := ids[e]
	if !ok {
		fmt.Fprintf(b, " [%s not in the tree]", e.Role)
		return
	}
	fmt.Fprintf(b, " [%s %d]", e.Role, id)
}

// dumpTree writes the structure tree, an element a line.
func dumpTree(b *strings.Builder, e *Elem, ids map[*Elem]int, depth int) {
	if e == nil {
		return
	}
	fmt.Fprintf(b, "%selem %d %s", strings.Repeat("  ", depth), ids[e], e.Role)
	for _, a := range [][2]string{{"alt", e.Alt}, {"scope", e.Scope}, {"numbering", e.Numbering}, {"id", e.ID}} {
		if a[1] != "" {
			fmt.Fprintf(b, " %s=%q", a[0], a[1])
		}
	}
	b.WriteByte('\n')
	for _, k := range e.Kids {
		dumpTree(b, k, ids, depth+1)
	}
}

// hex prints a colour as #rrggbb, or "none" when it is not drawn.
func hex(c color.RGBA) string {
	if c.A == 0 {
		return "none"
	}
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}
