package pdf

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handout/fonts"
	"handout/internal/pdfua"
)

// uaFault is one way to break the tagged test document.
type uaFault int

const (
	uaGood              uaFault = iota
	uaNoMarkInfo                // the catalog's /MarkInfo removed
	uaNoLang                    // no /Lang anywhere
	uaTextOutside               // a line of text outside any marked content
	uaFigureWithoutAlt          // a Figure without /Alt
	uaLinkNotInTree             // a link annotation that no Link element owns
	uaNoDisplayDocTitle         // no /ViewerPreferences /DisplayDocTitle
	uaNoPDFUAID                 // the XMP does not claim PDF/UA-1
	uaHeadingSkip               // an H3 straight after the H1
	uaArtifactInTagged          // an artifact sequence inside a tagged one
	uaTHWithoutScope            // a table header cell without /Scope
	uaLIOutsideList             // an LI directly under the document
	uaMissingGlyph              // a character the font has no glyph for
)

// uaTestXMP is a minimal XMP packet for the test documents, with the
// PDF/UA identifier unless claim is false.
func uaTestXMP(claim bool) []byte {
	part := ""
	if claim {
		part = `<pdfuaid:part>1</pdfuaid:part>`
	}
	return []byte(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Chin tuck</rdf:li></rdf:Alt></dc:title>` + part + `
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>`)
}

// uaTestDoc writes a one-page tagged handout with the fork's tagging API
// (third_party/fpdf/PATCHES.md, change 4): a heading, a paragraph with a
// link, a numbered step as a list, a figure with alt text, a table with
// a header cell and an artifact footer; fault breaks one thing.
func uaTestDoc(t *testing.T, fault uaFault) []byte {
	t.Helper()
	set := metricFonts(t)
	doc := metricDoc(t, set, fonts.Regular)
	doc.SetCatalogSort(true)
	doc.SetCompression(false) // so that uaNoMarkInfo can blank the entry in place
	if fault != uaNoLang {
		doc.SetLang("en-US")
	}
	doc.SetTitle("Chin tuck", true)
	doc.SetDisplayDocTitle(fault != uaNoDisplayDocTitle)
	doc.SetXmpMetadata(uaTestXMP(fault != uaNoPDFUAID))
	root := doc.StructRoot()
	doc.AddPage()
	metricFont(t, doc, set, fonts.Regular, 12)
	text := func(e *fpdf.StructElem, y float64, s string) {
		doc.BeginMarkedContent(e)
		doc.Text(72, y, s)
		doc.EndMarkedContent()
	}
	text(root.Add("H1"), 72, "Chin tuck")
	if fault == uaHeadingSkip {
		text(root.Add("H3"), 86, "Before you start")
	}
	p := root.Add("P")
	text(p, 100, "Sit tall and draw your chin straight back.")
	if fault == uaMissingGlyph {
		text(p, 128, "重") // not in the Noto Sans subset (fonts/README.md)
	}
	link := p.Add("Link")
	text(link, 114, "example.com/video")
	if fault == uaLinkNotInTree {
		doc.LinkString(72, 104, 100, 14, "https://example.com/video")
	} else {
		doc.LinkStringTagged(72, 104, 100, 14, "https://example.com/video", "Chin tuck video", link)
	}
	list := root
	if fault != uaLIOutsideList {
		list = root.Add("L")
	}
	item := list.Add("LI")
	text(item.Add("Lbl"), 140, "1.")
	text(item.Add("LBody"), 140, "Look straight ahead.")
	fig := root.Add("Figure")
	if fault != uaFigureWithoutAlt {
		fig.Alt = "A person sitting upright, drawing the chin straight back"
	}
	doc.BeginMarkedContent(fig)
	doc.Rect(72, 160, 120, 80, "D")
	if fault == uaArtifactInTagged {
		doc.BeginArtifact()
		doc.Line(72, 245, 192, 245)
		doc.EndMarkedContent()
	}
	doc.EndMarkedContent()
	table := root.Add("Table")
	row := table.Add("TR")
	th := row.Add("TH")
	if fault != uaTHWithoutScope {
		th.Scope = "Row"
	}
	text(th, 270, "Monday")
	text(row.Add("TD"), 270, "done")
	if fault == uaTextOutside {
		doc.Text(72, 300, "Stop if it hurts.")
	}
	doc.BeginArtifact()
	doc.Text(72, 760, "Drummond Chiropractic · page 1")
	doc.Line(72, 750, 540, 750)
	doc.EndMarkedContent()
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if fault == uaNoMarkInfo {
		entry := []byte("/MarkInfo <</Marked true>>")
		if !bytes.Contains(out, entry) {
			t.Fatalf("the test document has no %s to remove", entry)
		}
		// Blanks of the same length keep the cross-reference offsets.
		out = bytes.Replace(out, entry, bytes.Repeat([]byte(" "), len(entry)), 1)
	}
	return out
}

// TestPDFUACheck checks internal/pdfua on documents made with the fork's
// tagging API: the good one passes, and each broken one fails with the
// Matterhorn condition (or PDF/UA clause) for what was broken, and only
// with conditions that follow from it.
func TestPDFUACheck(t *testing.T) {
	t.Parallel()
	if problems := pdfua.Check(uaTestDoc(t, uaGood)); len(problems) > 0 {
		t.Fatalf("the good document fails:\n%s", problemLines(problems))
	}
	for _, tc := range []struct {
		name  string
		fault uaFault
		want  string   // the condition that must be reported
		also  []string // conditions that may be reported with it
	}{
		{"no MarkInfo", uaNoMarkInfo, "ISO 14289-1 7.1", nil},
		{"no Lang", uaNoLang, "11-001", []string{"11-002", "11-004", "11-006"}},
		{"text outside marked content", uaTextOutside, "01-005", nil},
		{"Figure without Alt", uaFigureWithoutAlt, "13-004", nil},
		{"link not in the tree", uaLinkNotInTree, "28-011", []string{"28-012"}},
		{"no DisplayDocTitle", uaNoDisplayDocTitle, "07-001", nil},
		{"no pdfuaid", uaNoPDFUAID, "06-002", nil},
		{"heading skip H1 to H3", uaHeadingSkip, "14-003", nil},
		{"artifact inside tagged content", uaArtifactInTagged, "01-003", nil},
		{"TH without Scope", uaTHWithoutScope, "15-003", nil},
		{"LI outside an L", uaLIOutsideList, "09-005", nil},
		{"a character without a glyph", uaMissingGlyph, "31-030", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			problems := pdfua.Check(uaTestDoc(t, tc.fault))
			found := false
			for _, p := range problems {
				if p.Condition == tc.want {
					found = true
				} else if !slices.Contains(tc.also, p.Condition) {
					t.Errorf("unexpected problem: %s", p)
				}
			}
			if !found {
				t.Errorf("no %s problem; got:\n%s", tc.want, problemLines(problems))
			}
		})
	}
}

func problemLines(ps []pdfua.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\t" + p.String() + "\n")
	}
	return b.String()
}
