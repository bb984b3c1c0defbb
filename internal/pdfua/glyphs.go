package pdfua

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/charmap"
)

// showText notes the character codes a text-showing operator shows with
// the current font, for checkGlyphs.
func (s *contentScan) showText(o op) {
	if s.font == 0 && s.fontDict == nil {
		return // no Tf before it: checked as a syntax error by pdfcpu
	}
	var strs [][]byte
	for _, v := range o.operands {
		switch v := v.(type) {
		case []byte:
			strs = append(strs, v)
		case []any: // TJ
			for _, e := range v {
				if b, ok := e.([]byte); ok {
					strs = append(strs, b)
				}
			}
		}
	}
	codes := s.c.codes[s.font]
	if codes == nil {
		codes = map[int]bool{}
		s.c.codes[s.font] = codes
	}
	twoByte := s.c.nameOf(s.fontDict["Subtype"]) == "Type0"
	for _, b := range strs {
		if twoByte {
			for i := 0; i+1 < len(b); i += 2 {
				codes[int(b[i])<<8|int(b[i+1])] = true
			}
			continue
		}
		for _, c := range b {
			codes[int(c)] = true
		}
	}
}

// checkGlyphs checks each code that text shows: it maps to Unicode
// (10-001), not to 0, U+FEFF or U+FFFE (31-028, 31-029), and to a glyph
// the embedded font program has other than .notdef (31-011, 31-030): a
// character the font lacks prints as the missing-glyph box.
func (c *checker) checkGlyphs(nr int, f fontUse) {
	codes := c.codes[nr]
	if len(codes) == 0 {
		return
	}
	where := f.where(nr)
	toUnicode := c.readToUnicode(f.dict["ToUnicode"])
	var zero, bom []int
	for _, code := range sortedKeys(codes) {
		for _, r := range toUnicode[code] {
			switch r {
			case 0:
				zero = append(zero, code)
			case 0xFEFF, 0xFFFE:
				bom = append(bom, code)
			}
		}
	}
	c.reportCodes("31-028", where, zero, "that text shows map to U+0000 in its ToUnicode CMap", toUnicode)
	c.reportCodes("31-029", where, bom, "that text shows map to U+FEFF or U+FFFE in its ToUnicode CMap", toUnicode)
	switch c.nameOf(f.dict["Subtype"]) {
	case "Type0":
		c.checkCIDGlyphs(nr, f, toUnicode)
	case "TrueType":
		c.checkSimpleGlyphs(nr, f, toUnicode)
	}
}

// checkCIDGlyphs checks a Type0 font with two-byte codes (Identity-H):
// the code is the CID, which the CIDToGIDMap turns into a glyph.
func (c *checker) checkCIDGlyphs(nr int, f fontUse, toUnicode map[int][]rune) {
	where := f.where(nr)
	enc := c.nameOf(f.dict["Encoding"])
	if enc != "Identity-H" && enc != "Identity-V" {
		return // another CMap: not read here
	}
	var desc types.Dict
	if kids := c.array(f.dict["DescendantFonts"]); len(kids) > 0 {
		desc = c.dict(kids[0])
	}
	var gidMap []byte
	identity := c.nameOf(desc["CIDToGIDMap"]) == "Identity"
	if !identity {
		gidMap, _, _ = c.stream(desc["CIDToGIDMap"])
	}
	numGlyphs := 0
	if prog := c.fontProgram(desc); prog != nil {
		numGlyphs = prog.NumGlyphs()
	}
	var unmapped, notdef, missing []int
	for _, code := range sortedKeys(c.codes[nr]) {
		if toUnicode != nil && len(toUnicode[code]) == 0 {
			unmapped = append(unmapped, code)
		}
		gid := code
		if !identity {
			gid = 0
			if 2*code+1 < len(gidMap) {
				gid = int(binary.BigEndian.Uint16(gidMap[2*code:]))
			}
		}
		switch {
		case gid == 0:
			notdef = append(notdef, code)
		case numGlyphs > 0 && gid >= numGlyphs:
			missing = append(missing, code)
		}
	}
	c.reportCodes("10-001", where, unmapped, "map to no Unicode in its ToUnicode CMap", toUnicode)
	c.reportCodes("31-030", where, notdef, "show .notdef (the font has no glyph for them: they print as a box)", toUnicode)
	c.reportCodes("31-011", where, missing, "name glyphs the embedded font program does not have", toUnicode)
}

// checkSimpleGlyphs checks a TrueType font with one-byte codes: each code
// is a character by the font's encoding (or its ToUnicode), which the
// font program's Unicode cmap must have a glyph for.
func (c *checker) checkSimpleGlyphs(nr int, f fontUse, toUnicode map[int][]rune) {
	where := f.where(nr)
	byCode := c.simpleEncoding(f.dict)
	prog := c.fontProgram(f.dict)
	var buf sfnt.Buffer
	var unmapped, notdef []int
	for _, code := range sortedKeys(c.codes[nr]) {
		r, ok := byCode[code]
		if u := toUnicode[code]; len(u) == 1 {
			r, ok = u[0], true
		}
		if !ok {
			if toUnicode == nil || len(toUnicode[code]) == 0 {
				unmapped = append(unmapped, code)
			}
			continue
		}
		if prog == nil {
			continue
		}
		if g, err := prog.GlyphIndex(&buf, r); err == nil && g == 0 {
			notdef = append(notdef, code)
		}
	}
	c.reportCodes("10-001", where, unmapped, "map to no Unicode by its encoding or ToUnicode", toUnicode)
	c.reportCodes("31-030", where, notdef, "show .notdef (the font has no glyph for them: they print as a box)", toUnicode)
}

func (c *checker) reportCodes(cond, where string, codes []int, what string, toUnicode map[int][]rune) {
	if len(codes) == 0 {
		return
	}
	var list []string
	for _, code := range codes[:min(5, len(codes))] {
		s := fmt.Sprintf("%#x", code)
		if u := toUnicode[code]; len(u) > 0 {
			s += fmt.Sprintf(" (U+%04X)", u[0])
		}
		list = append(list, s)
	}
	if len(codes) > 5 {
		list = append(list, "…")
	}
	c.report(cond, where, "%d character codes %s: %s", len(codes), what, strings.Join(list, ", "))
}

// simpleEncoding maps a simple font's codes to characters: its base
// encoding (WinAnsi; others are not read here), then its /Differences
// where the glyph name gives the character (uniXXXX, uXXXX).
func (c *checker) simpleEncoding(font types.Dict) map[int]rune {
	enc := font["Encoding"]
	base := c.nameOf(enc)
	var diffs types.Array
	if d := c.dict(enc); d != nil {
		base = c.nameOf(d["BaseEncoding"])
		diffs = c.array(d["Differences"])
	}
	m := map[int]rune{}
	if base == "WinAnsiEncoding" {
		for code := 32; code < 256; code++ {
			if r := charmap.Windows1252.DecodeByte(byte(code)); r != '\uFFFD' {
				m[code] = r
			}
		}
	}
	code := 0
	for _, o := range diffs {
		if n, ok := c.intOf(o); ok {
			code = n
			continue
		}
		if r, ok := glyphNameRune(c.nameOf(o)); ok {
			m[code] = r
		} else {
			delete(m, code)
		}
		code++
	}
	return m
}

// glyphNameRune reads a uniXXXX or uXXXX[XX] glyph name.
func glyphNameRune(n string) (rune, bool) {
	var hex string
	switch {
	case strings.HasPrefix(n, "uni") && len(n) == 7:
		hex = n[3:]
	case strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7:
		hex = n[1:]
	default:
		return 0, false
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// fontProgram parses the embedded TrueType program of a font or CIDFont
// dictionary, nil if there is none or it cannot be parsed (fpdf's subsets
// may lack tables the parser wants: then only the CIDToGIDMap is used).
func (c *checker) fontProgram(font types.Dict) *sfnt.Font {
	fd := c.dict(font["FontDescriptor"])
	if fd["FontFile2"] == nil {
		return nil
	}
	data, _, err := c.stream(fd["FontFile2"])
	if err != nil {
		return nil
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil
	}
	return f
}

// readToUnicode reads a ToUnicode CMap's bfchar and bfrange mappings. It
// returns nil for a font without one.
func (c *checker) readToUnicode(ref types.Object) map[int][]rune {
	if ref == nil {
		return nil
	}
	data, _, err := c.stream(ref)
	if err != nil {
		return map[int][]rune{}
	}
	ops, _ := (&lexer{b: data}).ops()
	m := map[int][]rune{}
	set := func(code int, dst []byte) { m[code] = utf16BE(dst) }
	for _, o := range ops {
		switch o.name {
		case "endbfchar":
			for i := 0; i+1 < len(o.operands); i += 2 {
				src, _ := o.operands[i].([]byte)
				dst, _ := o.operands[i+1].([]byte)
				set(codeOf(src), dst)
			}
		case "endbfrange":
			for i := 0; i+2 < len(o.operands); i += 3 {
				lo, _ := o.operands[i].([]byte)
				hi, _ := o.operands[i+1].([]byte)
				switch dst := o.operands[i+2].(type) {
				case []byte:
					// Each code in the range maps to dst plus its offset,
					// counted over the whole value as readers do (fpdf's
					// one range <0000> <FFFF> <0000> crosses bytes).
					start := codeOf(dst)
					for k := 0; codeOf(lo)+k <= codeOf(hi) && k < 1<<16; k++ {
						d := make([]byte, max(len(dst), 2))
						v := start + k
						for i := len(d) - 1; i >= 0; i-- {
							d[i] = byte(v)
							v >>= 8
						}
						set(codeOf(lo)+k, d)
					}
				case []any:
					for k, e := range dst {
						if b, ok := e.([]byte); ok {
							set(codeOf(lo)+k, b)
						}
					}
				}
			}
		}
	}
	return m
}

func codeOf(b []byte) int {
	n := 0
	for _, c := range b {
		n = n<<8 | int(c)
	}
	return n
}

func utf16BE(b []byte) []rune {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return utf16.Decode(u)
}
