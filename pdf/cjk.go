package pdf

import (
	"handout/fonts"
	"handout/layout"
)

// fauxBoldStroke is the outline, as a part of the text's size, that CJK
// text set in a bold face is drawn with: the clinic's font has one face,
// and headings and **strong** text would otherwise look like the rest.
// Filling and stroking the glyphs in the text's colour (text rendering
// mode 2) is how word processors embolden a font without a bold face.
const fauxBoldStroke = 1.0 / 30

// cjkText draws s, a piece of t that Noto Sans lacks, in the document's
// CJK font, at x, and returns where the next piece starts. The font has
// one face: bold is drawn with an outline (fauxBoldStroke), italic is
// upright. fpdf adds the font as a UTF-8 font, subset to the characters
// the document uses, the first time a document draws with it (parsing a
// font of several megabytes costs time: only documents with CJK text pay
// it).
func (d *drawer) cjkText(x float64, t *layout.Text, s string) float64 {
	cjk := d.fonts.CJK()
	if !d.cjkAdded {
		d.f.AddUTF8FontFromBytes(cjk.Family(), "", cjk.TTF())
		d.cjkAdded = true
	}
	d.setFont(cjk.Family(), "", t.Size)
	bold := t.Face == fonts.Bold || t.Face == fonts.BoldItalic
	if bold {
		d.f.SetDrawColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
		d.f.SetLineWidth(t.Size * fauxBoldStroke)
		d.f.SetTextRenderingMode(2)
	}
	d.f.Text(x, t.Y, s)
	if bold {
		d.f.SetTextRenderingMode(0)
	}
	return x + d.fonts.Width(t.Face, t.Size, s)
}
