package fonts

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
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

// TestOneByteDefinitionsFollowMaps checks that each one-byte font
// definition was made from its map as it is now (make_onebyte.sh after
// editing a map): the /Differences fpdf writes name the map's glyphs
// where they differ from cp1252's, and the Unicode values fpdf writes as
// the ToUnicode CMap (third_party/fpdf/PATCHES.md, change 9) are the
// map's. No glyph is named uniXXXX: PDF/UA asks for names listed in the
// Adobe Glyph List (31-022; agl_names.py).
func TestOneByteDefinitionsFollowMaps(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ref := readMap(t, "cp1252")
	for _, e := range s.Encodings() {
		m := readMap(t, e.Name())
		wantDiff := map[int]string{}
		wantUv := make([]int, 256)
		for code := 32; code < 256; code++ {
			if m[code].name != ref[code].name {
				wantDiff[code] = m[code].name
			}
			if m[code].name != ".notdef" && m[code].uv > 0 {
				wantUv[code] = m[code].uv
			}
			if n := m[code].name; code >= 0x80 && unicodeGlyphName.MatchString(n) {
				t.Errorf("%s.map: code %#02x is named %s, not from the Adobe Glyph List (run agl_names.py)", e.Name(), code, n)
			}
		}
		for f := Face(0); f < numFaces; f++ {
			js, _ := e.Definition(f)
			var def struct {
				Diff string
				Uv   []int
			}
			if err := json.Unmarshal(js, &def); err != nil {
				t.Fatalf("%s %s: %v", e.Name(), f, err)
			}
			if got := parseDiff(t, def.Diff); !maps.Equal(got, wantDiff) {
				t.Errorf("%s %s: the definition's Diff is not %s.map's: run make_onebyte.sh\n got %v\nwant %v", e.Name(), f, e.Name(), got, wantDiff)
			}
			if !slices.Equal(def.Uv, wantUv) {
				t.Errorf("%s %s: the definition's Uv is not %s.map's: run make_onebyte.sh\n got %v\nwant %v", e.Name(), f, e.Name(), def.Uv, wantUv)
			}
		}
	}
}

// unicodeGlyphName matches the uniXXXX and uXXXX[XX] glyph names, which
// the AGL specification lets readers decode but the AGL does not list.
var unicodeGlyphName = regexp.MustCompile(`^(uni[0-9A-F]{4}|u[0-9A-F]{4,6})$`)

type mapEntry struct {
	uv   int
	name string
}

// readMap reads onebyte/NAME.map ("!E9 U+00E9 eacute") by code.
func readMap(t *testing.T, name string) [256]mapEntry {
	t.Helper()
	b, err := onebyteFiles.ReadFile("onebyte/" + name + ".map")
	if err != nil {
		t.Fatal(err)
	}
	var m [256]mapEntry
	for i := range m {
		m[i] = mapEntry{-1, ".notdef"}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var code int
		var e mapEntry
		if _, err := fmt.Sscanf(line, "!%x U+%x %s", &code, &e.uv, &e.name); err != nil || code > 0xFF {
			t.Fatalf("%s.map: bad line %q", name, line)
		}
		m[code] = e
	}
	return m
}

// parseDiff reads a /Differences array's contents ("128 /a /b 131 /c").
func parseDiff(t *testing.T, diff string) map[int]string {
	t.Helper()
	out := map[int]string{}
	code := -1
	for _, f := range strings.Fields(diff) {
		if n, ok := strings.CutPrefix(f, "/"); ok && code >= 0 {
			out[code] = n
			code++
			continue
		}
		c, err := strconv.Atoi(f)
		if err != nil {
			t.Fatalf("Diff %q: %q is neither a code nor a name", diff, f)
		}
		code = c
	}
	return out
}
