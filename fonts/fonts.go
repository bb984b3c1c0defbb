// Package fonts embeds the typeface handouts are set in (Noto Sans, subset to
// the scripts we support; see README.md) and measures text with exactly the
// metrics fpdf draws with, so that layout decisions made without fpdf hold
// when the PDF is written.
package fonts

import (
	_ "embed" // the font files
	"fmt"
	"unicode/utf8"
)

// Face is one of the four styles of the family.
type Face uint8

// The faces of the family, in the order fpdf names them ("", "B", "I", "BI").
const (
	Regular Face = iota
	Bold
	Italic
	BoldItalic
	numFaces
)

// String returns the face's name, such as "BoldItalic".
func (f Face) String() string {
	switch f {
	case Regular:
		return "Regular"
	case Bold:
		return "Bold"
	case Italic:
		return "Italic"
	case BoldItalic:
		return "BoldItalic"
	}
	return fmt.Sprintf("Face(%d)", uint8(f))
}

// Style returns the style string fpdf uses for the face in AddUTF8FontFromBytes
// and SetFont: "", "B", "I" or "BI".
func (f Face) Style() string {
	switch f {
	case Bold:
		return "B"
	case Italic:
		return "I"
	case BoldItalic:
		return "BI"
	}
	return ""
}

// FaceFor returns the face with the given weight and slant.
func FaceFor(bold, italic bool) Face {
	f := Regular
	if bold {
		f |= Bold
	}
	if italic {
		f |= Italic
	}
	return f
}

// family is the name the faces are registered under with fpdf.
const family = "NotoSans"

// The subset faces made by subset.sh. Strings, not byte slices, so that no
// caller can change them.
var (
	//go:embed NotoSans-Regular.ttf
	regularTTF string
	//go:embed NotoSans-Bold.ttf
	boldTTF string
	//go:embed NotoSans-Italic.ttf
	italicTTF string
	//go:embed NotoSans-BoldItalic.ttf
	boldItalicTTF string
)

// Set is the loaded family: the font files and their metrics. It is immutable
// and safe for concurrent use; load it once and share it.
type Set struct {
	faces [numFaces]*metrics
	// lacking has bit r set when some face cannot draw the BMP rune r.
	lacking [0x10000 / 64]uint64
	// encodings are the one-byte fonts (onebyte.go).
	encodings []*Encoding
	// cjk is the clinic's font for what Noto Sans lacks (cjk.go); nil
	// when there is none.
	cjk *CJK
}

// Load parses the embedded faces. It does the parsing once per call: callers
// keep the *Set rather than calling Load per document.
func Load() (*Set, error) {
	s := new(Set)
	for f, ttf := range [numFaces]string{regularTTF, boldTTF, italicTTF, boldItalicTTF} {
		m, err := parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("fonts: %s %s: %w", family, Face(f), err)
		}
		s.faces[f] = &m
	}
	encs, err := loadEncodings()
	if err != nil {
		return nil, err
	}
	s.encodings = encs
	for r := range 0x10000 {
		for f := range s.faces {
			if !s.faces[f].has(rune(r)) {
				s.lacking[r/64] |= 1 << (r % 64)
				break
			}
		}
	}
	return s, nil
}

// Family returns the family name to register the faces under with fpdf.
func (s *Set) Family() string { return family }

// TTF returns a copy of the face's font file, for fpdf's AddUTF8FontFromBytes.
// It is a copy so that nothing the caller (or fpdf) does to it can change the
// Set.
func (s *Set) TTF(f Face) []byte { return []byte(s.face(f).ttf) }

// Width returns the advance width in points of text set in face f at size
// points. It is the value fpdf's GetStringWidth returns for the same face and
// size in a document whose unit is "pt": the sum of per-rune widths rounded to
// 1/1000 em, no kerning, and fpdf's MissingWidth for a rune the face lacks.
// Runes beyond the BMP count as missing here; fpdf cannot draw them at all
// (see Missing). A rune Noto Sans lacks and the set's CJK font has
// (WithCJK) is measured in the CJK font, which draws it.
func (s *Set) Width(f Face, size float64, text string) float64 {
	m := s.face(f)
	w := 0
	for _, r := range text {
		// The width table uses fpdf's encoding: 0 means the face lacks the
		// rune, 65535 a glyph that does not advance.
		cw := m.widths[r&0xFFFF]
		if s.cjk != nil && r <= 0xFFFF && s.inCJK(r) {
			cw = s.cjk.m.widths[r]
		}
		switch {
		case r > 0xFFFF || cw == 0:
			w += m.missingWidth
		case cw != zeroWidth:
			w += int(cw)
		}
	}
	// The same operations in the same order as fpdf, so the floats agree to
	// the bit.
	return float64(w) * size / 1000
}

// Ascent returns the face's ascent in 1/1000 em, as fpdf puts it in the PDF
// font descriptor (hhea ascender). Multiply by size/1000 for points.
func (s *Set) Ascent(f Face) float64 { return float64(s.face(f).ascent) }

// Descent returns the face's descent in 1/1000 em, negative below the
// baseline, as fpdf puts it in the PDF font descriptor.
func (s *Set) Descent(f Face) float64 { return float64(s.face(f).descent) }

// CapHeight returns the height of capital letters in 1/1000 em, as fpdf puts
// it in the PDF font descriptor: what to centre a line of text on.
func (s *Set) CapHeight(f Face) float64 { return float64(s.face(f).capHeight) }

// Has reports whether face f has a glyph for r. Runes beyond the BMP are never
// present: fpdf cannot encode them.
func (s *Set) Has(f Face, r rune) bool { return s.face(f).has(r) }

// Missing returns the first rune of text that some face cannot draw (and
// the set's CJK font, if any, cannot either), and
// ok=true; ok is false when every face can draw all of text. Newlines and tabs
// are ignored (layout consumes them). A byte sequence that is not UTF-8
// reports utf8.RuneError even though the faces have U+FFFD, so that bad input
// is not silently drawn as a replacement character. Runes beyond the BMP are
// always missing: fpdf panics on them.
func (s *Set) Missing(text string) (r rune, ok bool) {
	for i, r := range text {
		switch {
		case r == '\n' || r == '\t':
			continue
		case r > 0xFFFF:
			return r, true
		case r == utf8.RuneError:
			if _, n := utf8.DecodeRuneInString(text[i:]); n == 1 {
				return r, true
			}
		}
		if s.lacking[r/64]&(1<<(r%64)) != 0 && !s.inCJK(r) {
			return r, true
		}
	}
	return 0, false
}

// face returns the metrics of f; an out-of-range Face is a programming error
// and panics like an out-of-range index.
func (s *Set) face(f Face) *metrics {
	return s.faces[f]
}
