package fonts

import (
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// loadCJK parses the tests' CJK font (pdftest.CJKFont: skipped when it
// is not installed, unless .ci/run requires it).
func loadCJK(t *testing.T) *CJK {
	t.Helper()
	c, err := ParseCJK(pdftest.CJKFont(t))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestParseCJKRefuses: what fpdf cannot embed, and a font that is not a
// CJK font, are refused with the file's name and what to use instead.
func TestParseCJKRefuses(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want []string
	}{
		{"NotoSansSC-Regular.otf", append([]byte("OTTO"), make([]byte, 64)...), []string{"PostScript (CFF) outlines", "TrueType (.ttf)"}},
		{"NotoSansCJK.ttc", append([]byte("ttcf"), make([]byte, 64)...), []string{"font collection (.ttc)", "single TrueType"}},
		{"latin.ttf", []byte(regularTTF), []string{"has no Chinese, Japanese or Korean characters"}},
		{"empty.ttf", nil, []string{"not a TrueType font"}},
		{"huge.ttf", make([]byte, MaxCJKBytes+1), []string{"more than the 32 MB"}},
	} {
		_, err := ParseCJK(c.name, c.data)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		for _, w := range append(c.want, c.name+": ") {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, err, w)
			}
		}
	}
}

// TestWithCJK: a set with a CJK font measures CJK characters in it (the
// advances fontTools reads from Droid Sans Fallback's hmtx: 256 of 256
// units), keeps Latin, digits and Noto's punctuation in Noto Sans, no
// longer reports the characters the CJK font has, and leaves the set it
// came from unchanged.
func TestWithCJK(t *testing.T) {
	base := load(t)
	cjk := loadCJK(t)
	s := base.WithCJK(cjk)
	if base.WithCJK(nil) != base {
		t.Error("WithCJK(nil) is not the set itself")
	}
	for _, f := range faces {
		if got := s.Width(f, 10, "中，の"); got != 30 {
			t.Errorf("%v: Width(中，の) = %v, want 30", f, got)
		}
		if got, want := s.Width(f, 10, "Hold 10 s “ok”…"), base.Width(f, 10, "Hold 10 s “ok”…"); got != want {
			t.Errorf("%v: Latin measures %v with the CJK font, %v without", f, got, want)
		}
	}
	if r, ok := s.Missing("每天做 10 次，保持 5 秒钟。「慢慢来」"); ok {
		t.Errorf("Missing reports %U with the CJK font", r)
	}
	if r, ok := base.Missing("每天"); !ok || r != '每' {
		t.Errorf("the base set's Missing = %U, %v; want 每", r, ok)
	}
	// Droid Sans Fallback has no Hangul: Korean still needs another font.
	if r, ok := s.Missing("천천히"); !ok || r != '천' {
		t.Errorf("Missing(천천히) = %U, %v; want 천", r, ok)
	}
	// The message says what a Korean handout needs, not only that one
	// character is missing: the font has 3 of the 11,172 syllables.
	for _, want := range []string{`Korean (Hangul) character U+CC9C "천" is not in the clinic's CJK font DroidSansFallbackFull.ttf, which has next to no Hangul`,
		"a TrueType font with Hangul", "NanumGothic.ttf", "fonts-nanum"} {
		if why := s.Why('천'); !strings.Contains(why, want) {
			t.Errorf("Why(천) = %q, lacks %q", why, want)
		}
	}
	// A character the font lacks in a script it has is only that: 𠀀
	// (U+20000, outside the font's BMP cmap) is Han, which it has.
	if r, ok := s.Missing("\U00020000"); !ok {
		t.Errorf("Missing(U+20000) = %U, %v: the font has it", r, ok)
	} else if why := s.Why(r); !strings.Contains(why, "; use a font that has it") || strings.Contains(why, "next to no") {
		t.Errorf("Why(%U) = %q: Droid Sans Fallback has Han", r, why)
	}
	got := s.Split("每天 10 次，ok。")
	want := []Piece{{"每天", true}, {" 10 ", false}, {"次，", true}, {"ok", false}, {"。", true}}
	if len(got) != len(want) {
		t.Fatalf("Split = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Split piece %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if p := base.Split("每天"); len(p) != 1 || p[0].CJK {
		t.Errorf("the base set splits %+v", p)
	}
}

// TestWhyNamesTheScript: Why names the script and what printing it needs.
func TestWhyNamesTheScript(t *testing.T) {
	s := load(t)
	for _, c := range []struct {
		r    rune
		want []string
	}{
		{'ع', []string{"Arabic text", "shaping and right-to-left lines", "handout does not have"}},
		{'ש', []string{"Hebrew text", "right-to-left"}},
		{'क', []string{"Devanagari text", "shaping"}},
		{'அ', []string{"Tamil text", "shaping"}},
		{'ক', []string{"Bengali text"}},
		{'ก', []string{"Thai text"}},
		{'中', []string{"Chinese (Han) text", "add cjk_font:"}},
		{'、', []string{"punctuation", "add cjk_font:"}},
		{'😀', []string{"not in the handout fonts", "remove it"}},
	} {
		why := s.Why(c.r)
		for _, w := range c.want {
			if !strings.Contains(why, w) {
				t.Errorf("Why(%q) = %q, lacks %q", c.r, why, w)
			}
		}
	}
}
