package pdf

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handout/fonts"
)

// TestFpdfFontDefinition checks the fork's AddFontDefinition
// (third_party/fpdf/PATCHES.md, change 11): a document made with a
// definition parsed once is byte for byte the one AddFontFromBytes makes,
// and a document encrypted with fpdf's SetProtection does not encrypt the
// shared font file in place, which would break every later document.
func TestFpdfFontDefinition(t *testing.T) {
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	enc := set.Encodings()[0]
	js, z := enc.Definition(fonts.Bold)
	def, err := fpdf.ParseFontDefinition(js, z)
	if err != nil {
		t.Fatal(err)
	}
	write := func(add func(*fpdf.Fpdf), protect bool) []byte {
		t.Helper()
		doc := fpdf.New("P", "pt", "A4", "")
		doc.SetCatalogSort(true)
		doc.SetCreationDate(fixedDate)
		doc.SetModificationDate(fixedDate)
		if protect {
			doc.SetProtection(0, "user", "owner")
		}
		add(doc)
		doc.SetFont("test", "B", 12)
		doc.AddPage()
		doc.Text(72, 72, "Shared fonts")
		var buf bytes.Buffer
		if err := doc.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	fromBytes := func(doc *fpdf.Fpdf) {
		js, z := enc.Definition(fonts.Bold)
		doc.AddFontFromBytes("test", "B", js, z)
	}
	parsed := func(doc *fpdf.Fpdf) { doc.AddFontDefinition("test", "B", def) }
	want := write(fromBytes, false)
	if got := write(parsed, false); !bytes.Equal(got, want) {
		t.Fatalf("AddFontDefinition wrote %d bytes that differ from AddFontFromBytes's %d", len(got), len(want))
	}
	write(parsed, true)
	if got := write(parsed, false); !bytes.Equal(got, want) {
		t.Errorf("after an encrypted document, the shared definition writes %d bytes that differ from AddFontFromBytes's %d", len(got), len(want))
	}
}
