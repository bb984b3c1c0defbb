package pdf

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handout/fonts"
	"handout/internal/pdftest"
)

// TestFpdfToUnicodeCMap writes a one-byte font whose code points the
// patched fpdf's ToUnicode CMap (third_party/fpdf/PATCHES.md, change 9)
// cannot write as the handout's encodings need: more than 100 single
// codes (two bfchar blocks) and a run that crosses U+0100 (two bfranges,
// as a range may not change the value's high byte). pdfcpu must accept
// the file, and poppler must read every code as its code point.
func TestFpdfToUnicodeCMap(t *testing.T) {
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	var cyrillic *fonts.Encoding
	for _, e := range set.Encodings() {
		if e.Name() == "cp1251" {
			cyrillic = e
		}
	}
	js, z := cyrillic.Definition(fonts.Regular)
	var def map[string]any
	if err := json.Unmarshal(js, &def); err != nil {
		t.Fatal(err)
	}
	uv := make([]int, 256)
	var want strings.Builder
	for code := 0x21; code < 0x100; code++ {
		switch {
		case code < 0x7F:
			uv[code] = code // one range
		case code >= 0x80 && code < 0xF0:
			uv[code] = 0x410 + 2*(code-0x80) // 112 codes, none consecutive
		case code >= 0xF0:
			uv[code] = 0xF8 + code - 0xF0 // U+00F8…U+0107
		default:
			continue
		}
		want.WriteRune(rune(uv[code]))
	}
	def["Uv"] = uv
	js, err = json.Marshal(def)
	if err != nil {
		t.Fatal(err)
	}
	doc := fpdf.New("P", "pt", "A4", "")
	doc.SetCompression(false) // so that the CMap can be read below
	doc.AddFontFromBytes("test", "", js, z)
	doc.AddPage()
	doc.SetFont("test", "", 8)
	var line []byte
	for code := 0x21; code < 0x100; code++ {
		if uv[code] != 0 {
			line = append(line, byte(code))
		}
		if len(line) == 40 || code == 0xFF {
			doc.Cell(0, 12, string(line))
			doc.Ln(12)
			line = line[:0]
		}
	}
	var out bytes.Buffer
	if err := doc.Output(&out); err != nil {
		t.Fatal(err)
	}
	raw := out.String()
	for _, s := range []string{"/ToUnicode", "3 beginbfrange\n<21> <7E> <0021>\n<F0> <F7> <00F8>\n<F8> <FF> <0100>\n", "100 beginbfchar\n<80> <0410>\n", "12 beginbfchar\n"} {
		if !strings.Contains(raw, s) {
			t.Errorf("the PDF lacks %q", s)
		}
	}
	pdftest.Validate(t, out.Bytes())
	got := strings.Join(strings.Fields(strings.Join(pdftest.Text(t, out.Bytes()), "")), "")
	if got != want.String() {
		t.Errorf("poppler reads\n%s\nwant\n%s", got, want.String())
	}
}
