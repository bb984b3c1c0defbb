package fonts

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func load(tb testing.TB) *Set {
	tb.Helper()
	s, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

var faces = []Face{Regular, Bold, Italic, BoldItalic}

func TestLoad(t *testing.T) {
	s := load(t)
	if s.Family() != "NotoSans" {
		t.Errorf("Family() = %q", s.Family())
	}
	for _, f := range faces {
		ttf := s.TTF(f)
		if len(ttf) < 40_000 || string(ttf[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("%v: TTF() is %d bytes starting %q, want a TrueType file", f, len(ttf), ttf[:4])
		}
		// Noto Sans's vertical metrics (hhea, OS/2), 1000 units/em.
		if a, d, c := s.Ascent(f), s.Descent(f), s.CapHeight(f); a != 1069 || d != -293 || c != 714 {
			t.Errorf("%v: Ascent, Descent, CapHeight = %v, %v, %v; want 1069, -293, 714", f, a, d, c)
		}
	}
}

func TestTTFIsACopy(t *testing.T) {
	s := load(t)
	b := s.TTF(Bold)
	b[0] = 'X'
	if s.TTF(Bold)[0] != 0 {
		t.Fatal("changing the slice TTF returned changed the Set")
	}
}

func TestFace(t *testing.T) {
	for _, c := range []struct {
		bold, italic bool
		want         Face
		name, style  string
	}{
		{false, false, Regular, "Regular", ""},
		{true, false, Bold, "Bold", "B"},
		{false, true, Italic, "Italic", "I"},
		{true, true, BoldItalic, "BoldItalic", "BI"},
	} {
		f := FaceFor(c.bold, c.italic)
		if f != c.want || f.String() != c.name || f.Style() != c.style {
			t.Errorf("FaceFor(%v, %v) = %v %q %q, want %v %q %q", c.bold, c.italic, f, f.String(), f.Style(), c.want, c.name, c.style)
		}
	}
	if got := Face(9).String(); got != "Face(9)" {
		t.Errorf("Face(9).String() = %q", got)
	}
}

func TestHas(t *testing.T) {
	s := load(t)
	for _, c := range []struct {
		r    rune
		want bool
	}{
		{'A', true}, {'ñ', true}, {'¿', true}, {'ą', true}, {'Ł', true}, {'ź', true},
		{'ș', true}, {'Ω', true}, {'ά', true}, {'Ж', true}, {'ё', true}, {'ї', true},
		{'–', true}, {'—', true}, {'‘', true}, {'’', true}, {'“', true}, {'”', true},
		{'•', true}, {'·', true}, {'×', true}, {'°', true}, {'½', true}, {'…', true},
		{'€', true}, {'©', true}, {'№', true}, {'\u00A0', true}, {'\u202F', true},
		{'ầ', true}, {'ặ', true}, {'ữ', true}, {'Ư', true}, {'ơ', true}, {'đ', true}, {'ỹ', true}, // Vietnamese
		{'ʼ', true}, {'→', true}, {'←', true}, {'↑', true}, {'↓', true}, {'\uFFFD', true},
		{0, false}, {'\n', false}, {'\t', false},
		{'中', false},               // CJK
		{'😀', false},               // emoji, beyond the BMP
		{0x10000, false},           // first rune beyond the BMP
		{'\u0301', false},          // combining acute: not kept, fpdf does not position marks
		{'✓', false}, {'−', false}, // not in this release of Noto Sans
		{-1, false}, {utf8.MaxRune + 1, false},
	} {
		for _, f := range faces {
			if got := s.Has(f, c.r); got != c.want {
				t.Errorf("Has(%v, %U) = %v, want %v", f, c.r, got, c.want)
			}
		}
	}
}

func TestMissing(t *testing.T) {
	s := load(t)
	for _, c := range []struct {
		text string
		r    rune
		ok   bool
	}{
		{"", 0, false},
		{"Hello, world!\n\tNext line", 0, false},
		{"¿Dónde está el dolor? Señálelo con el dedo.", 0, false},
		{"Zażółć gęślą jaźń – 3 × 10 powtórzeń, 20 °C, ½ h", 0, false},
		{"Άσκηση για τη μέση πλάτη", 0, false},
		{"Упражнение для спины → «медленно»", 0, false},
		{"a\u00A0b “c” ‘d’ • e · f … © €", 0, false},
		{"Nằm ngửa, co hai đầu gối; giữ 10 giây. Lặp lại ba lần.", 0, false},
		{"Tai chi 太极", '太', true},
		{"Good job 😀!", '😀', true},
		{"tick ✓ and ✗", '✓', true},
		{"carriage\r\nreturn", '\r', true},
		{"replacement \uFFFD is drawable", 0, false},
		{"bad \xff byte", utf8.RuneError, true},
		{"cut \xe2\x82", utf8.RuneError, true},
	} {
		r, ok := s.Missing(c.text)
		if r != c.r || ok != c.ok {
			t.Errorf("Missing(%q) = %U, %v; want %U, %v", c.text, r, ok, c.r, c.ok)
		}
	}
}

// TestWidthValues pins widths to the advances fontTools reads from the
// font files' hmtx tables (pyfttools: sum of hmtx[cmap[c]] over the string),
// so a wrong table, face or scale cannot pass.
func TestWidthValues(t *testing.T) {
	s := load(t)
	want := map[Face][]int{ // per 1000 em, for the strings below
		Regular:    {5631, 7850, 4300, 3605, 1000, 0, 510, 600, 7498},
		Bold:       {5997, 8313, 4716, 3871, 1000, 0, 569, 600, 8038},
		Italic:     {5295, 7524, 3948, 3753, 1000, 0, 467, 600, 7115},
		BoldItalic: {5666, 7965, 4381, 3929, 1000, 0, 519, 600, 7661},
	}
	texts := []string{"Hello, world", "Zażółć gęślą jaźń", "Ελληνικά", "Привет", "→", "\u200B", "ÿ", "中", "Tiếng Việt: ầ ặ ữ"}
	for _, f := range faces {
		for i, text := range texts {
			for _, size := range []float64{1000, 10} {
				w := float64(want[f][i]) * size / 1000
				if got := s.Width(f, size, text); got != w {
					t.Errorf("Width(%v, %v, %q) = %v, want %v", f, size, text, got, w)
				}
			}
		}
	}
}

func TestWidthAdditive(t *testing.T) {
	s := load(t)
	words := strings.Fields("Stand tall, ręce na biodra: Ελληνικά Привет ¿Qué? 😀 中 \xff")
	for _, f := range faces {
		var sum float64
		for i, w := range words {
			if i > 0 {
				sum += s.Width(f, 1000, " ")
			}
			sum += s.Width(f, 1000, w)
		}
		// At 1000 pt a width is an integer number of points, so the sum is
		// exact.
		if all := s.Width(f, 1000, strings.Join(words, " ")); all != sum {
			t.Errorf("%v: Width of the sentence %v, sum of its words and spaces %v", f, all, sum)
		}
		if s.Width(f, 11, "") != 0 {
			t.Errorf("%v: Width of the empty string is not 0", f)
		}
		if got, want := s.Width(f, 11, "x\u200Bx"), s.Width(f, 11, "xx"); got != want {
			t.Errorf("%v: a zero-width space adds %v", f, got-want)
		}
	}
	if s.Width(Bold, 12, "Wide") <= s.Width(Regular, 12, "Wide") {
		t.Error("bold is not wider than regular")
	}
}

func TestConcurrent(t *testing.T) {
	s := load(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, f := range faces {
				_ = s.Width(f, 11, "Zażółć gęślą jaźń")
				_, _ = s.Missing("Привет")
				_ = s.TTF(f)
			}
		})
	}
	wg.Wait()
}

func TestWidthDoesNotAllocate(t *testing.T) {
	s := load(t)
	if n := testing.AllocsPerRun(100, func() { _ = s.Width(Italic, 11, "Упражнение для спины") }); n != 0 {
		t.Errorf("Width allocates %v times", n)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWidth(b *testing.B) {
	s := load(b)
	for _, c := range []struct{ name, text string }{
		{"word", "exercise"},
		{"sentence", "Lie on your back with your knees bent and feet flat on the floor."},
		{"polish", "Połóż się na plecach z ugiętymi kolanami i stopami płasko na podłodze."},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				_ = s.Width(Regular, 11, c.text)
			}
		})
	}
}
