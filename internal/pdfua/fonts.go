package pdfua

import (
	"fmt"
	"regexp"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// fontUse is a font that some text on a page selects with Tf.
type fontUse struct {
	resName string // the name Tf uses
	page    int
	dict    types.Dict
}

func (f fontUse) where(nr int) string {
	return fmt.Sprintf("font /%s (object %d, first used on page %d)", f.resName, nr, f.page)
}

// useFont notes the font that Tf selects.
func (s *contentScan) useFont(resName string, res types.Dict) {
	ref := s.c.dict(res["Font"])[resName]
	d := s.c.dict(ref)
	if d == nil {
		s.c.report("ISO 32000-1 9.2", s.where, "Tf selects /%s, which the resources do not have", resName)
		return
	}
	nr := objNr(ref)
	if _, ok := s.c.fonts[nr]; !ok {
		s.c.fonts[nr] = fontUse{resName: resName, page: s.page, dict: d}
	}
	s.font, s.fontDict = nr, d
}

// nonAGLName matches the glyph names of the uniXXXX and uXXXX[XX] forms:
// the Adobe Glyph List specification lets readers decode them, but they
// are not in the Adobe Glyph List itself, which is what 31-022 asks for.
var nonAGLName = regexp.MustCompile(`^(uni[0-9A-F]{4}|u[0-9A-F]{4,6})$`)

// checkFonts checks each font that text uses: its program embedded
// (31-009), a CIDToGIDMap for a Type 2 CIDFont (31-004, 31-005), and a
// way to map its codes to Unicode (31-022, 31-027).
func (c *checker) checkFonts() {
	for _, nr := range sortedKeys(c.fonts) {
		f := c.fonts[nr]
		where := f.where(nr)
		c.checkGlyphs(nr, f)
		subtype := c.nameOf(f.dict["Subtype"])
		switch subtype {
		case "Type3":
			continue // its glyphs are content streams in the file
		case "Type0":
			var desc types.Dict
			if kids := c.array(f.dict["DescendantFonts"]); len(kids) > 0 {
				desc = c.dict(kids[0])
			}
			if !c.embedded(desc) {
				c.report("31-009", where, "the font program of its CIDFont is not embedded")
			}
			if c.nameOf(desc["Subtype"]) == "CIDFontType2" {
				m := desc["CIDToGIDMap"]
				switch {
				case m == nil:
					c.report("31-005", where, "a Type 2 CIDFont without /CIDToGIDMap")
				case c.nameOf(m) != "Identity" && c.dict(m) == nil:
					c.report("31-004", where, "its /CIDToGIDMap is neither a stream nor /Identity")
				}
			}
			if f.dict["ToUnicode"] == nil {
				c.report("31-027", where, "a Type0 font without /ToUnicode: its codes cannot be mapped to Unicode")
			}
		default:
			if !c.embedded(f.dict) {
				c.report("31-009", where, "%s font /%s is not embedded", subtype, c.nameOf(f.dict["BaseFont"]))
			}
			c.checkSimpleEncoding(f, nr, subtype)
		}
	}
}

// embedded reports whether a font (or CIDFont) dictionary's descriptor
// holds a font program.
func (c *checker) embedded(font types.Dict) bool {
	fd := c.dict(font["FontDescriptor"])
	return fd["FontFile"] != nil || fd["FontFile2"] != nil || fd["FontFile3"] != nil
}

// checkSimpleEncoding checks that a simple font's codes map to Unicode:
// by /ToUnicode, or by a standard encoding whose /Differences use Adobe
// Glyph List names only.
func (c *checker) checkSimpleEncoding(f fontUse, nr int, subtype string) {
	where := f.where(nr)
	enc := f.dict["Encoding"]
	base := c.nameOf(enc)
	var diffs types.Array
	if d := c.dict(enc); d != nil {
		base = c.nameOf(d["BaseEncoding"])
		diffs = c.array(d["Differences"])
	}
	var bad []string
	for _, o := range diffs {
		if n := c.nameOf(o); n != "" && nonAGLName.MatchString(n) {
			bad = append(bad, n)
		}
	}
	if len(bad) > 0 && subtype == "TrueType" {
		c.report("31-022", where, "its /Differences use %d glyph names that are not in the Adobe Glyph List (%s, …)", len(bad), bad[0])
	}
	if f.dict["ToUnicode"] != nil {
		return
	}
	standard := base == "WinAnsiEncoding" || base == "MacRomanEncoding" || base == "MacExpertEncoding"
	if !standard || len(bad) > 0 {
		c.report("31-027", where, "no /ToUnicode, and its encoding (%s) does not map its codes to Unicode by itself", describeEncoding(base, len(diffs) > 0))
	}
}

func describeEncoding(base string, differences bool) string {
	if base == "" {
		base = "the font's built-in encoding"
	}
	if differences {
		return base + " with /Differences"
	}
	return base
}
