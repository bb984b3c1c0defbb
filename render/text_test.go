package render

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handout/internal/pdftest"
	"handout/layout"

	"golang.org/x/text/unicode/norm"
)

// TestBuiltinHandoutText checks the default handout's text as a reader
// gets it: every figure 1–13 captioned once and in order, the panels of 7
// and 13, every caution, and the clinic's footer on every page.
func TestBuiltinHandoutText(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	j := testJob(t, "builtin:mid-back-pain")
	pdfBytes, pages, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Validate(t, pdfBytes)
	text := pdftest.Text(t, pdfBytes)
	if len(text) != pages {
		t.Fatalf("pdftotext found %d pages, the renderer reported %d", len(text), pages)
	}
	all := strings.Join(text, "\n")
	flat := strings.Join(strings.Fields(all), " ")
	last := -1
	for n := 1; n <= 13; n++ {
		label := "Figure " + strconv.Itoa(n) + "."
		if c := strings.Count(flat, label); c != 1 {
			t.Errorf("%q appears %d times as a caption, want once", label, c)
		}
		at := strings.Index(flat, label)
		if at < last {
			t.Errorf("%q is out of order", label)
		}
		last = at
	}
	for _, want := range []string{"(a) ", "(b) "} {
		if c := strings.Count(flat, want); c < 2 {
			t.Errorf("panel label %q appears %d times, want it in figures 7 and 13", want, c)
		}
	}
	for _, want := range []string{"CAUTION", "WARNING", "five minutes", "Bronfort", "Annals of Internal Medicine"} {
		if !strings.Contains(flat, want) {
			t.Errorf("handout text lacks %q", want)
		}
	}
	for i, p := range text {
		pf := strings.Join(strings.Fields(p), " ")
		for _, want := range []string{"565 N Walnut St", "(812) 336-2423", "8:00 am–6:00 pm", "Page " + strconv.Itoa(i+1) + " of " + strconv.Itoa(pages)} {
			if !strings.Contains(pf, want) {
				t.Errorf("page %d lacks %q in its footer", i+1, want)
			}
		}
	}
}

// TestDecomposedPatientNamePrints: a patient's name typed with combining
// accents (as a macOS export writes it) prints, composed, where it used to
// be refused as "not in the handout fonts".
func TestDecomposedPatientNamePrints(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	j := testJob(t, "builtin:mid-back-pain")
	j.Patient = "Rene\u0301e Lefe\u0300vre"
	j.Cover = &layout.Cover{Clinician: "Dr. Jose\u0301 Nun\u0303ez"}
	pdfBytes, _, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdftest.Text(t, pdfBytes), "\n")
	for _, want := range []string{"Renée Lefèvre", "José"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

// TestStepNumbersReadFirst: in drawing order — what a reader without the
// structure tree reads aloud or copies — each step's number comes before
// its text ("1. Lie on your stomach…"), not after its first line.
func TestStepNumbersReadFirst(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	pdfBytes, _, err := e.Render(testJob(t, filepath.Join("testdata", "exercises.md")))
	if err != nil {
		t.Fatal(err)
	}
	raw := strings.Join(pdftest.RawText(t, pdfBytes), "\n")
	for _, step := range []string{"1. Lie on your stomach", "2. Lift your head and chest", "3. Lower slowly and rest."} {
		if !strings.Contains(raw, step) {
			t.Errorf("drawing order lacks %q; it reads:\n%s", step, raw[:min(len(raw), 600)])
		}
	}
}

// TestMultilingualTextExtracts checks that every paragraph of the
// multilingual handout (Spanish, Polish, Greek, Russian: each one-byte
// encoding) is what poppler extracts from the PDF, after NFC, with line
// breaks read as spaces: the one-byte fonts' ToUnicode maps
// (third_party/fpdf/PATCHES.md, change 9) and glyph names give the
// source's characters.
func TestMultilingualTextExtracts(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("testdata", "multilingual.md"))
	if err != nil {
		t.Fatal(err)
	}
	pdfBytes, _, err := newTestEngine(t).Render(testJob(t, filepath.Join("testdata", "multilingual.md")))
	if err != nil {
		t.Fatal(err)
	}
	got := norm.NFC.String(strings.Join(strings.Fields(strings.Join(pdftest.RawText(t, pdfBytes), " ")), " "))
	// The paragraphs are the lines after the front matter that are not
	// headings, pictures or the dose.
	body := strings.SplitN(string(src), "\n---\n", 2)[1]
	n := 0
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, ">"))
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "!") || strings.HasPrefix(line, "[!") || strings.HasPrefix(line, "Dose:") {
			continue
		}
		n++
		if want := norm.NFC.String(line); !strings.Contains(got, want) {
			t.Errorf("the PDF's text lacks %q\nit reads: %s", want, got)
		}
	}
	if n != 5 {
		t.Fatalf("found %d paragraphs in multilingual.md, want 5: the test no longer reads the file right", n)
	}
}
