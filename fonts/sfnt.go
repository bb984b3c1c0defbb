package fonts

import (
	"errors"
	"fmt"
	"math"
)

// zeroWidth marks, in a width table, a glyph whose advance rounds to zero.
// fpdf uses the same marker so that 0 can mean "no glyph".
const zeroWidth = 0xFFFF

// metrics is what fpdf's UTF-8 font parser (utf8fontfile.go) derives from a
// face, computed the same way so that measuring agrees with drawing.
type metrics struct {
	ttf string
	// widths is fpdf's CharWidths table: the advance of each BMP rune in
	// 1/1000 em, rounded; 0 where the face has no glyph, zeroWidth for a
	// glyph that does not advance. As in fpdf, widths[0] holds the number of
	// runes mapped rather than a width.
	widths       [0x10000]uint16
	missingWidth int // advance of glyph 0 (.notdef), fpdf's MissingWidth
	ascent       int
	descent      int
	capHeight    int
}

func (m *metrics) has(r rune) bool {
	return r > 0 && r <= 0xFFFF && m.widths[r] != 0
}

// errShort reports a table or field that ends past the end of the file.
var errShort = errors.New("truncated font data")

// sfnt reads big-endian fields of a TrueType file without panicking on
// truncated data: a read past the end sets err and returns 0.
type sfnt struct {
	data   string
	tables map[string][2]int // tag → offset, length
	err    error
}

func (f *sfnt) u16(off int) int {
	if off < 0 || off+2 > len(f.data) {
		f.err = errShort
		return 0
	}
	return int(f.data[off])<<8 | int(f.data[off+1])
}

func (f *sfnt) i16(off int) int { return int(int16(f.u16(off))) }

func (f *sfnt) u32(off int) int {
	return f.u16(off)<<16 | f.u16(off+2)
}

// table returns the offset of the table with tag, checking that it lies in the
// file.
func (f *sfnt) table(tag string) (int, error) {
	t, ok := f.tables[tag]
	if !ok {
		return 0, fmt.Errorf("no %q table", tag)
	}
	if t[0]+t[1] > len(f.data) {
		return 0, fmt.Errorf("%q table: %w", tag, errShort)
	}
	return t[0], nil
}

// parse reads a TrueType font the way fpdf's AddUTF8FontFromBytes does (fpdf
// v0.12.0, utf8fontfile.go: parseFile, parseTables and the functions they
// call) and returns the metrics fpdf would put in its font definition.
func parse(ttf string) (metrics, error) {
	m := metrics{ttf: ttf}
	f := &sfnt{data: ttf, tables: map[string][2]int{}}
	switch v := f.u32(0); v {
	case 0x00010000, 0x74727565: // TrueType outlines; fpdf takes no other
	default:
		return m, fmt.Errorf("not a TrueType font (version %#x)", v)
	}
	for i := range f.u16(4) {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return m, fmt.Errorf("table directory: %w", errShort)
		}
		f.tables[ttf[rec:rec+4]] = [2]int{f.u32(rec + 8), f.u32(rec + 12)}
	}

	head, err := f.table("head")
	if err != nil {
		return m, err
	}
	unitsPerEm := f.u16(head + 18)
	if unitsPerEm == 0 {
		return m, errors.New("head: unitsPerEm is 0")
	}
	scale := 1000 / float64(unitsPerEm)

	// Vertical metrics: hhea first, OS/2's typographic values only where
	// hhea gives 0, as fpdf does. fpdf truncates these toward zero.
	hhea, err := f.table("hhea")
	if err != nil {
		return m, err
	}
	m.ascent = int(float64(f.i16(hhea+4)) * scale)
	m.descent = int(float64(f.i16(hhea+6)) * scale)
	numHMetrics := f.u16(hhea + 34)
	if numHMetrics == 0 {
		return m, errors.New("hhea: no horizontal metrics")
	}
	os2, err := f.table("OS/2")
	if err != nil {
		return m, err // fpdf copes without OS/2; our fonts have it
	}
	if fsType := f.u16(os2 + 8); fsType == 0x0002 || fsType&0x0300 != 0 {
		// fpdf refuses these with a message on stdout and no error.
		return m, fmt.Errorf("OS/2: fsType %#x forbids embedding", fsType)
	}
	if m.ascent == 0 {
		m.ascent = int(float64(f.i16(os2+68)) * scale)
	}
	if m.descent == 0 {
		m.descent = int(float64(f.i16(os2+70)) * scale)
	}
	m.capHeight = m.ascent
	if f.u16(os2) > 1 {
		m.capHeight = int(float64(f.i16(os2+88)) * scale)
	}

	maxp, err := f.table("maxp")
	if err != nil {
		return m, err
	}
	numGlyphs := f.u16(maxp + 4)

	cm, err := f.cmap(numGlyphs)
	if err != nil {
		return m, err
	}
	hmtx, err := f.table("hmtx")
	if err != nil {
		return m, err
	}
	if f.err != nil {
		return m, f.err
	}
	if numHMetrics > numGlyphs {
		return m, fmt.Errorf("hhea: %d metrics for %d glyphs", numHMetrics, numGlyphs)
	}
	advance := func(g int) int {
		if g >= numHMetrics {
			g = numHMetrics - 1 // the last advance applies to the rest
		}
		a := f.u16(hmtx + 4*g)
		if a >= 1<<15 && (g == 0 || cm.used[g]) {
			a = 0 // fpdf's guard against a negative advance
		}
		return a
	}
	m.missingWidth = roundHalfUp(scale * float64(advance(0)))
	for r, g := range cm.glyph {
		if g == 0 || r == 0 || r == 0xFFFF {
			continue
		}
		w := int(math.Round(scale * float64(advance(int(g)))))
		if w == 0 {
			w = zeroWidth
		}
		if w > zeroWidth {
			return m, fmt.Errorf("hmtx: glyph %d: advance %d too large", g, w)
		}
		m.widths[r] = uint16(w)
	}
	if f.err != nil {
		return m, fmt.Errorf("hmtx: %w", f.err)
	}
	if cm.count > zeroWidth {
		return m, fmt.Errorf("cmap: %d runes mapped, more than fpdf's table can count", cm.count)
	}
	m.widths[0] = uint16(cm.count) // fpdf's CharWidths[0]; see GetStringSymbolWidth
	return m, nil
}

// charMap is what fpdf keeps of a font's character map, reduced to what
// decides widths.
type charMap struct {
	// glyph is the glyph fpdf takes the width of for each BMP rune, 0 for
	// none: glyph 0 and glyphs past numGlyphs give no width, and where a rune
	// is mapped more than once the highest glyph wins, as fpdf walks glyphs
	// in order and the last write stays.
	glyph [0x10000]uint16
	// used marks the glyphs any rune maps to (fpdf's symbolToChar keys).
	used [0x10000]bool
	// count is the number of (glyph, rune) pairs fpdf stores a width for,
	// which it keeps in CharWidths[0].
	count int
}

// cmap reads the font's Unicode BMP character map (format 4) as fpdf does:
// the first subtable for platform 0 (any encoding) or 3/1 whose format is 4,
// every segment in full.
func (f *sfnt) cmap(numGlyphs int) (*charMap, error) {
	cmap, err := f.table("cmap")
	if err != nil {
		return nil, err
	}
	sub := 0
	for i := range f.u16(cmap + 2) {
		rec := cmap + 4 + 8*i
		platform, encoding, off := f.u16(rec), f.u16(rec+2), f.u32(rec+4)
		if (platform == 3 && encoding == 1 || platform == 0) && f.u16(cmap+off) == 4 {
			sub = cmap + off
			break
		}
	}
	if f.err != nil {
		return nil, fmt.Errorf("cmap: %w", f.err)
	}
	if sub == 0 {
		return nil, errors.New("cmap: no Unicode BMP (format 4) subtable")
	}
	end := sub + f.u16(sub+2) // fpdf's "rim": glyph IDs past it read as 0
	segs := f.u16(sub+6) / 2
	endCodes := sub + 14
	startCodes := endCodes + 2*segs + 2
	deltas := startCodes + 2*segs
	rangeOffsets := deltas + 2*segs
	cm := new(charMap)
	for n := range segs {
		first, last := f.u16(startCodes+2*n), f.u16(endCodes+2*n)
		delta, rangeOff := f.i16(deltas+2*n), f.u16(rangeOffsets+2*n)
		for r := first; r <= last; r++ {
			var g int
			switch pos := rangeOffsets + 2*n + rangeOff + 2*(r-first); {
			case rangeOff == 0:
				g = (r + delta) & 0xFFFF
			case pos >= end:
				g = 0
			default:
				if g = f.u16(pos); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			cm.used[g] = true
			if g == 0 || g >= numGlyphs || r == 0 || r == 0xFFFF {
				continue
			}
			cm.count++
			cm.glyph[r] = max(cm.glyph[r], uint16(g))
		}
		if f.err != nil {
			return nil, fmt.Errorf("cmap: %w", f.err)
		}
	}
	return cm, nil
}

// roundHalfUp rounds as fpdf's round does for the positive values it is used
// on here.
func roundHalfUp(x float64) int {
	if x < 0 {
		return -int(math.Floor(-x + 0.5))
	}
	return int(math.Floor(x + 0.5))
}
