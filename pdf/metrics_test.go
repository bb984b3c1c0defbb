package pdf

import (
	"bytes"
	"math"
	"os"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handout/fonts"
)

var metricFaces = []fonts.Face{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic}

// metricSamples are sentences in each language handouts are written in, with
// the punctuation and symbols they use.
var metricSamples = []struct{ lang, text string }{
	{"English", "Lie on your back – knees bent, feet flat. Hold 10 s × 3 → rest… “Good” • 20 °C, ½ h, © 2025"},
	{"Spanish", "¿Le duele al girar? Túmbese boca arriba, con las rodillas dobladas: «despacio», 3 × 10 repeticiones."},
	{"Polish", "Połóż się na plecach, zegnij kolana — stopy płasko. Zażółć gęślą jaźń: „powoli”, 3 × 10 powtórzeń."},
	{"Greek", "Ξαπλώστε ανάσκελα με λυγισμένα γόνατα· κρατήστε 10 δευτερόλεπτα. Άσκηση για τη μέση πλάτη;"},
	{"Vietnamese", "Nằm ngửa, co hai đầu gối, bàn chân đặt trên sàn. Giữ 10 giây; lặp lại 3 lần — “chậm rãi”. Ưỡn lưng nhẹ."},
	{"Russian", "Лягте на спину, согните колени — стопы на полу. Упражнение для спины: «медленно», 3 × 10 раз. № 5"},
}

func metricFonts(t *testing.T) *fonts.Set {
	t.Helper()
	set, err := fonts.Load()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// metricDoc returns an fpdf document in points with the given faces of set
// registered.
func metricDoc(t *testing.T, set *fonts.Set, faces ...fonts.Face) *fpdf.Fpdf {
	t.Helper()
	doc := fpdf.New("P", "pt", "Letter", "")
	for _, f := range faces {
		doc.AddUTF8FontFromBytes(set.Family(), f.Style(), set.TTF(f))
	}
	if err := doc.Error(); err != nil {
		t.Fatal(err)
	}
	return doc
}

// metricFont selects face f and fails the test if fpdf could not use it: fpdf
// reports a font it failed to parse only as "undefined font" here.
func metricFont(t *testing.T, doc *fpdf.Fpdf, set *fonts.Set, f fonts.Face, size float64) {
	t.Helper()
	doc.SetFont(set.Family(), f.Style(), size)
	if err := doc.Error(); err != nil {
		t.Fatalf("%v: %v", f, err)
	}
}

// TestWidthMatchesFpdf checks that fonts.Set.Width, which layout measures
// with, agrees with what fpdf computes when it draws the same text.
func TestWidthMatchesFpdf(t *testing.T) {
	set := metricFonts(t)
	for _, f := range metricFaces {
		doc := metricDoc(t, set, f)
		for _, size := range []float64{8, 11, 17.5} {
			metricFont(t, doc, set, f, size)
			for _, s := range metricSamples {
				if r, ok := set.Missing(s.text); ok {
					t.Errorf("%s sample: %U is missing", s.lang, r)
				}
				want := doc.GetStringWidth(s.text)
				if got := set.Width(f, size, s.text); math.Abs(got-want) > 1e-9 {
					t.Errorf("%v %v pt, %s: Width = %v, fpdf GetStringWidth = %v", f, size, s.lang, got, want)
				}
			}
		}
	}
}

// TestRuneWidthsMatchFpdf compares the width of every BMP rune, in the
// font or not, including fpdf's quirks (U+0000, zero-width glyphs, the
// missing width).
func TestRuneWidthsMatchFpdf(t *testing.T) {
	set := metricFonts(t)
	for _, f := range metricFaces {
		doc := metricDoc(t, set, f)
		metricFont(t, doc, set, f, 1000)
		bad := 0
		for r := range rune(0x10000) {
			s := string(r)
			if got, want := set.Width(f, 1000, s), doc.GetStringWidth(s); got != want && bad < 10 {
				bad++
				t.Errorf("%v: Width(%U) = %v, fpdf %v", f, r, got, want)
			}
		}
	}
}

// TestFontSpecimen sets the metricSamples in all four faces and checks that fpdf
// accepts the subset fonts and writes them. To look at the page:
//
//	HANDOUT_SPECIMEN=/tmp/specimen.pdf go test ./layout/pdf -run FontSpecimen
//	pdftoppm -png -r 80 /tmp/specimen.pdf /tmp/specimen
func TestFontSpecimen(t *testing.T) {
	set := metricFonts(t)
	const symbols = "← ↑ → ↓ ↔ • · … – — ‘ ’ “ ” „ « » ¿ ¡ × ° ± ½ ¼ ⅓ € ₽ © ™ № \u00A0nbsp\u00A0 ʼ ˛ ŁĄĘŚŻŹĆŃÓ ΑΒΓΔΩ άέήίόύώ ЁЖЩЪЫЭЮЯ ђљњћџ ґєії"
	if r, ok := set.Missing(symbols); ok {
		t.Errorf("symbols: %U is missing", r)
	}
	doc := metricDoc(t, set, metricFaces...)
	doc.SetMargins(36, 36, 36)
	doc.AddPage()
	for _, f := range metricFaces {
		metricFont(t, doc, set, f, 13)
		doc.CellFormat(0, 20, f.String(), "B", 1, "L", false, 0, "")
		metricFont(t, doc, set, f, 10)
		for _, s := range metricSamples {
			doc.MultiCell(0, 13, s.text, "", "L", false)
		}
		doc.MultiCell(0, 13, symbols, "", "L", false)
		doc.Ln(6)
	}
	var out bytes.Buffer
	if err := doc.Output(&out); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(out.Bytes(), []byte("/FontFile2")); n != len(metricFaces) {
		t.Errorf("the PDF embeds %d font files, want %d", n, len(metricFaces))
	}
	if path := os.Getenv("HANDOUT_SPECIMEN"); path != "" {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
