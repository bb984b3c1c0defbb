package fonts

import (
	"encoding/json"
	"testing"
)

// TestOneByteWidthsMatch checks every character of every one-byte font
// against Width: layout measures with Width, and the PDF viewer advances
// with the one-byte font's widths, so a difference would shift text.
func TestOneByteWidthsMatch(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Encodings()) != len(onebyteNames) {
		t.Fatalf("%d encodings, want %d", len(s.Encodings()), len(onebyteNames))
	}
	for _, e := range s.Encodings() {
		for f := Face(0); f < numFaces; f++ {
			js, z := e.Definition(f)
			if len(z) < 1000 {
				t.Errorf("%s %s: font file of %d bytes", e.Name(), f, len(z))
			}
			var def struct {
				Cw  []int
				Enc string
			}
			if err := json.Unmarshal(js, &def); err != nil {
				t.Fatalf("%s %s: %v", e.Name(), f, err)
			}
			if def.Enc != e.Name() || len(def.Cw) != 256 {
				t.Fatalf("%s %s: definition is for %q with %d widths", e.Name(), f, def.Enc, len(def.Cw))
			}
			runes := map[rune]byte{}
			for r := rune(0x20); r < 0x7F; r++ {
				runes[r] = byte(r)
			}
			for r, b := range e.bytes {
				runes[r] = b
			}
			for r, b := range runes {
				if !s.Has(f, r) {
					t.Errorf("%s %s: U+%04X is in the encoding but not in the face", e.Name(), f, r)
					continue
				}
				if got, want := int(s.Width(f, 1000, string(r))), def.Cw[b]; got != want {
					t.Errorf("%s %s: U+%04X (byte %#02x) is %d wide in Width, %d in the one-byte font", e.Name(), f, r, b, got, want)
				}
			}
		}
	}
}

func TestEncodingCoversTheScripts(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]string{
		"Acuéstese boca abajo – ¿Le duele?": "cp1252",
		"Zażółć gęślą jaźń":                 "iso-8859-2",
		"Лягте на живот":                    "cp1251",
		"Ξαπλώστε μπρούμυτα":                "cp1253",
	} {
		got := ""
		for _, e := range s.Encodings() {
			all := true
			for _, r := range text {
				if _, ok := e.Encode(r); !ok {
					all = false
				}
			}
			if all {
				got = e.Name()
				break
			}
		}
		if got != want {
			t.Errorf("%q: first encoding that carries it is %q, want %q", text, got, want)
		}
	}
}
