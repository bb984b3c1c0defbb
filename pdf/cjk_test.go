package pdf

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handout/fonts"
	"handout/internal/pdftest"
	"handout/layout"
)

// cjkSet is the embedded fonts with the tests' CJK font (pdftest.CJKFont:
// skipped when it is not installed, unless .ci/run requires it).
func cjkSet(t *testing.T) *fonts.Set {
	t.Helper()
	c, err := fonts.ParseCJK(pdftest.CJKFont(t))
	if err != nil {
		t.Fatal(err)
	}
	return metricFonts(t).WithCJK(c)
}

// TestCJKWidthsMatchFpdf: every character the CJK font draws measures in
// fonts.Set.Width exactly what fpdf's GetStringWidth gives in the font
// the writer draws it with, so a line layout measured ends where the PDF
// ends it.
func TestCJKWidthsMatchFpdf(t *testing.T) {
	set := cjkSet(t)
	cjk := set.CJK()
	doc := fpdf.New("P", "pt", "Letter", "")
	doc.AddUTF8FontFromBytes(cjk.Family(), "", cjk.TTF())
	doc.SetFont(cjk.Family(), "", 1000)
	if err := doc.Error(); err != nil {
		t.Fatal(err)
	}
	n, bad := 0, 0
	for r := range rune(0x10000) {
		p := set.Split(string(r))
		if len(p) != 1 || !p[0].CJK {
			continue
		}
		n++
		for _, f := range metricFaces {
			if got, want := set.Width(f, 1000, string(r)), doc.GetStringWidth(string(r)); got != want && bad < 10 {
				bad++
				t.Errorf("%v: Width(%U) = %v, fpdf %v", f, r, got, want)
			}
		}
	}
	if n < 20000 {
		t.Errorf("only %d characters are drawn in the CJK font, want the 20,000 and more ideographs it has", n)
	}
}

// TestCJKDocumentIsDeterministic: fpdf subsets the CJK font for each
// document; two documents with the same text are the same bytes.
func TestCJKDocumentIsDeterministic(t *testing.T) {
	set := cjkSet(t)
	base := metricFonts(t)
	// The writer has the embedded fonts; the document brings its CJK
	// font, as render's do.
	doc := &layout.Document{Title: "CJK", CJK: set.CJK(), Pages: []layout.Page{{W: 612, H: 792, Items: []layout.Item{
		&layout.Text{X: 72, Y: 72, Face: fonts.Regular, Size: 11, S: "每天做 10 次，保持 5 秒钟。"},
		&layout.Text{X: 72, Y: 90, Face: fonts.Bold, Size: 11, S: "「慢慢来」 Hold → rest"},
	}}}}
	var a, b bytes.Buffer
	if err := New(base).Write(&a, doc); err != nil {
		t.Fatal(err)
	}
	if err := New(base).Write(&b, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same CJK document differ")
	}
}
