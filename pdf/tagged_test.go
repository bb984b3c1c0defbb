package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"handout/fonts"
	"handout/internal/pdftest"
)

// TestFpdfTagging writes a small tagged document with the patched fpdf's
// tagging API (third_party/fpdf/PATCHES.md, change 4): a heading, a
// paragraph, a link and an artifact footer over two pages. pdfcpu must
// accept it in strict mode, and poppler must see a tagged PDF whose
// structure tree holds the elements, in order, with their text.
func TestFpdfTagging(t *testing.T) {
	set := metricFonts(t)
	doc := metricDoc(t, set, fonts.Regular)
	doc.SetCatalogSort(true)
	doc.SetCompression(false) // so that the marked content can be read below
	doc.SetLang("en-US")
	doc.SetTitle("Tagging", true)
	doc.SetDisplayDocTitle(true)
	root := doc.StructRoot()
	text := func(e *fpdf.StructElem, y float64, s string) {
		doc.BeginMarkedContent(e)
		doc.Text(72, y, s)
		doc.EndMarkedContent()
	}
	for page := 1; page <= 2; page++ {
		doc.AddPage()
		metricFont(t, doc, set, fonts.Regular, 12)
		h := root.Add("H1")
		text(h, 72, "Chin tuck")
		p := root.Add("P")
		text(p, 100, "Sit tall and draw your chin straight back.")
		link := p.Add("Link")
		text(link, 120, "example.com/video")
		doc.LinkStringTagged(72, 110, 100, 14, "https://example.com/video", "Chin tuck video", link)
		doc.BeginArtifact()
		doc.Text(72, 760, "Page footer")
		doc.EndMarkedContent()
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	for _, want := range []string{"/MarkInfo <</Marked true>>", "/StructTreeRoot", "/StructParents 1", "/Tabs /S", "/StructParent 2", "/ParentTreeNextKey 4", "/DisplayDocTitle true", "/Artifact BMC", "/H1 <</MCID 0>> BDC"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the PDF has no %q", want)
		}
	}
	api.DisableConfigDir()
	conf := pdftest.Conf("")
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(out), conf); err != nil {
		t.Errorf("pdfcpu strict validation: %v", err)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("poppler's pdfinfo is not installed")
	}
	path := filepath.Join(t.TempDir(), "tagged.pdf")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil || !strings.Contains(string(info), "Tagged:          yes") {
		t.Errorf("pdfinfo: %v\n%s", err, info)
	}
	tree, err := exec.Command("pdfinfo", "-struct-text", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v\n%s", err, tree)
	}
	got := string(tree)
	last := -1
	for _, want := range []string{"Document", "H1", "Chin tuck", "P", "Sit tall", "Link", "example.com/video", "H1", "Chin tuck"} {
		i := strings.Index(got[last+1:], want)
		if i < 0 {
			t.Fatalf("the structure tree lacks %q after position %d:\n%s", want, last, got)
		}
		last += 1 + i
	}
	if strings.Contains(got, "Page footer") {
		t.Errorf("the artifact is in the structure tree:\n%s", got)
	}
}
