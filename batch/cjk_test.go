package batch

import (
	"testing"

	"handout/fonts"
	"handout/internal/pdftest"
	"handout/render"
)

// TestCJKFontIsAnInput: every packet's inputs hold the clinic's CJK font,
// so a font file replaced under the same name makes --resume make the
// packets again; a clinic without one hashes as before the font existed.
func TestCJKFontIsAnInput(t *testing.T) {
	t.Parallel()
	_, ttf := pdftest.CJKFont(t)
	dir := t.TempDir()
	list := pdftest.WriteList(t, dir, pdftest.Patients(1))
	s, err := New(Options{List: list, OutDir: dir, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	eng := newTestEngine(t)
	base := func(cjk *fonts.CJK) string {
		clinic, err := render.LoadClinic("")
		if err != nil {
			t.Fatal(err)
		}
		clinic.CJK = cjk
		p, err := newPlanner(s, eng, clinic)
		if err != nil {
			t.Fatal(err)
		}
		defer p.close()
		return p.base
	}
	a, err := fonts.ParseCJK("cjk.ttf", ttf)
	if err != nil {
		t.Fatal(err)
	}
	// The same font with one byte changed where no parser looks: the
	// last byte of the file, inside the last table's padding or data.
	changed := append([]byte(nil), ttf...)
	changed[len(changed)-1] ^= 1
	b, err := fonts.ParseCJK("cjk.ttf", changed)
	if err != nil {
		t.Fatal(err)
	}
	none, withA, withB := base(nil), base(a), base(b)
	if none == withA || withA == withB {
		t.Errorf("packet inputs: no font %s, font %s, changed font %s; want three different hashes", none, withA, withB)
	}
}
