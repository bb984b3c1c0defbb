package fonts

import "fmt"

// MaxCJKBytes is the largest CJK font file a clinic profile may name. Full
// Simplified Chinese TrueType fonts are 4–20 MB (Droid Sans Fallback Full
// 3.9 MB, a static Noto Sans SC TTF about 10 MB); fpdf holds the whole file
// in memory for every document that uses it.
const MaxCJKBytes = 32 << 20

// CJK is a clinic's own TrueType font for the characters Noto Sans does
// not have: Chinese, Japanese and Korean (Han, Kana, Hangul and their
// punctuation). The project ships no such font (a full one is megabytes,
// and the clinic picks the one its patients read); a clinic profile names
// one (cjk_font:) and the text Noto Sans cannot draw is drawn in it.
// Latin letters, digits and punctuation stay in Noto Sans. The font has
// one face: bold and italic CJK text prints in it as regular.
//
// A CJK is immutable and safe for concurrent use.
type CJK struct {
	name string // the file name as the profile wrote it, for messages
	m    metrics
}

// ParseCJK reads a CJK font file. name is what messages call it (the path
// as the profile wrote it). Only TrueType outlines with a Unicode BMP
// character map are accepted, because fpdf embeds nothing else: OpenType
// fonts with PostScript (CFF) outlines, such as the .otf files of Noto
// Sans CJK, and font collections (.ttc) are refused with a message that
// says so.
func ParseCJK(name string, ttf []byte) (*CJK, error) {
	if len(ttf) > MaxCJKBytes {
		return nil, fmt.Errorf("%s: %d bytes, more than the %d MB a CJK font may have", name, len(ttf), MaxCJKBytes>>20)
	}
	if len(ttf) >= 4 {
		switch string(ttf[:4]) {
		case "OTTO":
			return nil, fmt.Errorf("%s: an OpenType font with PostScript (CFF) outlines, which the PDF writer cannot embed; use a TrueType (.ttf) font with glyf outlines, such as Droid Sans Fallback (Debian package fonts-droid-fallback)", name)
		case "ttcf":
			return nil, fmt.Errorf("%s: a font collection (.ttc), which the PDF writer cannot embed; use a single TrueType (.ttf) font, such as Droid Sans Fallback (Debian package fonts-droid-fallback)", name)
		}
	}
	m, err := parse(string(ttf))
	if err != nil {
		return nil, fmt.Errorf("%s: not a TrueType font the PDF writer can embed: %w", name, err)
	}
	f := &sfnt{data: m.ttf, tables: map[string][2]int{}}
	for i := range f.u16(4) {
		rec := 12 + 16*i
		f.tables[m.ttf[rec:rec+4]] = [2]int{f.u32(rec + 8), f.u32(rec + 12)}
	}
	if _, err := f.table("glyf"); err != nil {
		return nil, fmt.Errorf("%s: no TrueType outlines (%w); use a TrueType (.ttf) font with glyf outlines", name, err)
	}
	if !m.has('中') && !m.has('の') && !m.has('한') {
		return nil, fmt.Errorf("%s: has no Chinese, Japanese or Korean characters (not even 中, の or 한); name a CJK font", name)
	}
	return &CJK{name: name, m: m}, nil
}

// Name is the font's file name as the profile wrote it.
func (c *CJK) Name() string { return c.name }

// Family is the name to register the font under with fpdf.
func (c *CJK) Family() string { return "CJK" }

// TTF returns a copy of the font file, for fpdf's AddUTF8FontFromBytes.
func (c *CJK) TTF() []byte { return []byte(c.m.ttf) }

// Has reports whether the font has a glyph for r.
func (c *CJK) Has(r rune) bool { return c.m.has(r) }

// WithCJK returns a set that measures and draws with s's faces and, for
// the characters they lack, with c: Width measures those in c, Missing no
// longer reports those c has, and Split tells the writer which font each
// piece of text is drawn in. c nil returns s. s is not changed.
func (s *Set) WithCJK(c *CJK) *Set {
	if c == nil {
		return s
	}
	out := *s // the faces are shared: they are pointers
	out.cjk = c
	return &out
}

// CJK returns the set's CJK font, or nil.
func (s *Set) CJK() *CJK { return s.cjk }

// inCJK reports whether r is drawn in the set's CJK font: the rule that
// Width, Missing and Split share. Noto Sans draws what all its faces have
// (Latin letters, digits, punctuation, including the ones Chinese text
// uses, such as “ ” and …); the CJK font draws the rest, if it has it.
func (s *Set) inCJK(r rune) bool {
	return s.cjk != nil && r > 0 && r <= 0xFFFF && s.lacking[r/64]&(1<<(r%64)) != 0 && s.cjk.m.has(r)
}

// Piece is a part of a text run drawn in one font.
type Piece struct {
	Text string
	CJK  bool // drawn in the set's CJK font; otherwise in Noto Sans
}

// Split cuts text into pieces by the font each character is drawn in. A
// set without a CJK font returns text as one Noto Sans piece.
func (s *Set) Split(text string) []Piece {
	if s.cjk == nil {
		return []Piece{{Text: text}}
	}
	var out []Piece
	start, cur := 0, false
	for i, r := range text {
		in := s.inCJK(r)
		if i > 0 && in != cur {
			out = append(out, Piece{Text: text[start:i], CJK: cur})
			start = i
		}
		cur = in
	}
	if start < len(text) || len(out) == 0 {
		out = append(out, Piece{Text: text[start:], CJK: cur})
	}
	return out
}
