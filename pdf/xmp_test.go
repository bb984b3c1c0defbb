package pdf

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"testing"

	"handout/layout"
)

// TestMetadataAndLanguage: every document says its language (the
// handout's, else en-US) in the catalog and carries XMP metadata whose
// title, author and language are the Info dictionary's; a title with XML's
// special characters stays well-formed.
func TestMetadataAndLanguage(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{{"", defaultLanguage}, {"es", "es"}} {
		doc := &layout.Document{Title: `Hips & knees <"easy">`, Author: "Drummond Chiropractic", Language: tc.lang, Reviewed: "2026-11-01",
			Pages: []layout.Page{{W: 612, H: 792}}}
		var buf bytes.Buffer
		if err := New(metricFonts(t)).Write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		if !bytes.Contains(out, []byte("/Lang ("+tc.want+")")) {
			t.Errorf("language %q: the catalog has no /Lang (%s)", tc.lang, tc.want)
		}
		m := regexp.MustCompile(`(?s)<\?xpacket begin.*?<\?xpacket end="r"\?>`).Find(out)
		if m == nil {
			t.Fatalf("language %q: no XMP packet", tc.lang)
		}
		var x struct {
			Title    string `xml:"RDF>Description>title>Alt>li"`
			Creator  string `xml:"RDF>Description>creator>Seq>li"`
			Language string `xml:"RDF>Description>language>Bag>li"`
			Date     string `xml:"RDF>Description>CreateDate"`
		}
		if err := xml.Unmarshal(m, &x); err != nil {
			t.Fatalf("the XMP packet is not well-formed XML: %v\n%s", err, m)
		}
		if x.Title != doc.Title || x.Creator != doc.Author || x.Language != tc.want || x.Date != "2026-11-01T00:00:00+00:00" {
			t.Errorf("XMP says title %q, creator %q, language %q, date %q; want %q, %q, %q, 2026-11-01T00:00:00+00:00",
				x.Title, x.Creator, x.Language, x.Date, doc.Title, doc.Author, tc.want)
		}
	}
}
