package fonts

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
)

// onebyteFiles holds the one-byte fonts made by make_onebyte.sh: per
// encoding, fpdf's map of byte to code point and, per face, the font
// definition (.json) and the compressed subset font (.z).
//
//go:embed onebyte
var onebyteFiles embed.FS

// onebyteNames are the one-byte encodings, in the order text tries them:
// Western European first, as most handouts are.
var onebyteNames = [...]string{"cp1252", "iso-8859-2", "cp1251", "cp1253"}

// Encoding is a one-byte encoding in which the faces are also available,
// as small prebuilt fpdf font definitions. fpdf parses, hashes and subsets
// a UTF-8 font anew for every document, which was about 40% of the time a
// handout took; a one-byte font it embeds as it is. Text an encoding can
// carry is drawn with it; the rest with the UTF-8 faces. The glyph widths
// are the same in both, so layout measures with Width either way.
type Encoding struct {
	name  string
	bytes map[rune]byte // code point → byte, for code points above ASCII
	json  [numFaces]string
	z     [numFaces]string
}

// Name is the encoding's name, such as "cp1252".
func (e *Encoding) Name() string { return e.name }

// Family is the name to register the encoding's faces under with fpdf.
func (e *Encoding) Family() string { return family + "-" + e.name }

// Encode returns the byte for r, and whether the encoding has r. ASCII is
// the same in every encoding.
func (e *Encoding) Encode(r rune) (byte, bool) {
	if r >= 0x20 && r < 0x7F {
		return byte(r), true
	}
	b, ok := e.bytes[r]
	return b, ok
}

// Definition returns copies of face f's fpdf font definition and its
// compressed font file, for fpdf's AddFontFromBytes.
func (e *Encoding) Definition(f Face) (json, z []byte) {
	return []byte(e.json[f]), []byte(e.z[f])
}

// Encodings returns the one-byte encodings in the order to try them.
func (s *Set) Encodings() []*Encoding { return s.encodings }

// loadEncodings reads the embedded one-byte fonts.
func loadEncodings() ([]*Encoding, error) {
	var encs []*Encoding
	for _, name := range onebyteNames {
		e := &Encoding{name: name, bytes: map[rune]byte{}}
		m, err := onebyteFiles.ReadFile("onebyte/" + name + ".map")
		if err != nil {
			return nil, fmt.Errorf("fonts: %w", err)
		}
		// Lines read "!E9 U+00E9 eacute".
		sc := bufio.NewScanner(strings.NewReader(string(m)))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) < 2 || !strings.HasPrefix(f[0], "!") || !strings.HasPrefix(f[1], "U+") {
				continue
			}
			b, err1 := strconv.ParseUint(f[0][1:], 16, 8)
			r, err2 := strconv.ParseUint(f[1][2:], 16, 32)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("fonts: %s.map: bad line %q", name, sc.Text())
			}
			// Above ASCII only, and not the C1 controls that
			// ISO 8859 puts at 0x80–0x9F: nothing to draw there.
			if r >= 0xA0 && b >= 0x80 {
				e.bytes[rune(r)] = byte(b)
			}
		}
		for f := Face(0); f < numFaces; f++ {
			base := "onebyte/" + family + "-" + name + "-" + f.String()
			j, err := onebyteFiles.ReadFile(base + ".json")
			if err != nil {
				return nil, fmt.Errorf("fonts: %w", err)
			}
			z, err := onebyteFiles.ReadFile(base + ".z")
			if err != nil {
				return nil, fmt.Errorf("fonts: %w", err)
			}
			e.json[f], e.z[f] = string(j), string(z)
		}
		encs = append(encs, e)
	}
	return encs, nil
}
