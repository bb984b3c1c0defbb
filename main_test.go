package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"handout/internal/pdftest"
	"handout/layout"
	"handout/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCase is one handout in testdata/ with the options it is rendered
// with; testdata/README.md says what each is for.
type goldenCase struct {
	name    string // testdata/NAME.md, and the goldens' base name
	source  string // the handout when not testdata/NAME.md (builtin:…)
	patient string
	date    string
	paper   string
	// grayscale: photos for a black-and-white laser printer
	grayscale bool
	// packet: also these handouts, a cover page and a tick log
	packet []string
}

var goldenCases = []goldenCase{
	{name: "mid-back-pain", source: "builtin:mid-back-pain"},
	{name: "exercises", patient: "Jordan Example", date: "2026-11-25"},
	{name: "long-caution"},
	{name: "wrapping"},
	{name: "multilingual", paper: "a4"},
	{name: "figure-at-bottom"},
	{name: "photos"},
	{name: "photos-gray", source: "testdata/photos.md", grayscale: true},
	{name: "packet", patient: "Jordan Example", date: "2026-11-25", packet: []string{"builtin:mid-back-pain"}},
}

func newTestEngine(t testing.TB) *render.Engine {
	t.Helper()
	e, err := render.NewEngine("")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// loadJob is the job `handout render SOURCE` makes: the handout as render
// resolves it, the sample clinic, the default settings.
func loadJob(t testing.TB, source string) render.Job {
	t.Helper()
	return loadJobWith(t, source, render.Settings{})
}

// loadJobWith is loadJob with settings.
func loadJobWith(t testing.TB, source string, s render.Settings) render.Job {
	t.Helper()
	set, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	specs := render.NewResolver(nil)
	t.Cleanup(specs.Close)
	hf, err := specs.Resolve(source)
	if err != nil {
		t.Fatal(err)
	}
	clinic, err := render.LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	return set.Job(clinic, hf)
}

func testJob(t testing.TB, gc goldenCase) render.Job {
	t.Helper()
	source := filepath.Join("testdata", gc.name+".md")
	if gc.source != "" {
		source = gc.source
	}
	j := loadJobWith(t, source, render.Settings{Paper: gc.paper, Grayscale: gc.grayscale})
	j.Patient, j.Date = gc.patient, gc.date
	for _, src := range gc.packet {
		more := loadJob(t, src)
		j.Handouts = append(j.Handouts, more.Handouts...)
	}
	if gc.packet != nil {
		j.Cover = &layout.Cover{Clinician: "Dr. Karin Drummond, DC", Notes: "Start with the face-down series twice a day. Skip the wheel pose for now."}
		j.TickLog = true
	}
	return j
}

// TestGolden renders each testdata handout and compares its display-list
// dump, then its PDF bytes (by SHA-256), with the golden files. The dump
// is compared first: it says what changed in words.
func TestGolden(t *testing.T) {
	e := newTestEngine(t)
	for _, gc := range goldenCases {
		t.Run(gc.name, func(t *testing.T) {
			j := testJob(t, gc)
			doc, err := e.Layout(j)
			if err != nil {
				t.Fatal(err)
			}
			var dump bytes.Buffer
			if err := layout.Dump(&dump, doc); err != nil {
				t.Fatal(err)
			}
			pdfBytes, _, err := e.Render(j)
			if err != nil {
				t.Fatal(err)
			}
			validatePDF(t, pdfBytes)
			if dir := os.Getenv("HANDOUT_KEEP_PDF"); dir != "" {
				// To look at the pages: HANDOUT_KEEP_PDF=/tmp/pdfs go test -run TestGolden .
				if err := os.WriteFile(filepath.Join(dir, gc.name+".pdf"), pdfBytes, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			sum := sha256.Sum256(pdfBytes)
			checkGolden(t, filepath.Join("testdata", gc.name+".layout"), dump.Bytes(), pdfBytes)
			checkGolden(t, filepath.Join("testdata", gc.name+".pdf.sha256"), []byte(hex.EncodeToString(sum[:])+"\n"), pdfBytes)
			if gc.patient != "" && bytes.Contains(pdfBytes, []byte(gc.patient)) {
				t.Errorf("the patient's name appears unencoded in the PDF bytes (metadata?)")
			}
		})
	}
}

// checkGolden compares got with the golden file at path. With -update it
// rewrites the file; on a mismatch it writes path.got and the PDF beside it
// as NAME.pdf.got so the pages can be looked at.
func checkGolden(t *testing.T, path string, got, pdfBytes []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing: %v (run go test -update, then look at the pages)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	_ = os.WriteFile(path+".got", got, 0o644)
	base := strings.TrimSuffix(strings.TrimSuffix(path, ".layout"), ".pdf.sha256")
	_ = os.WriteFile(base+".pdf.got", pdfBytes, 0o644)
	t.Errorf("%s differs from the golden file; wrote %s.got and %s.pdf.got\n%s", path, path, base, firstDiff(string(want), string(got)))
}

// firstDiff shows the first differing line of two dumps.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n- " + w + "\n+ " + g
		}
	}
	return "(no line differs)"
}

// validatePDF runs pdfcpu's validation on the bytes, in strict mode
// (pdftest.Conf). .ci/run adds qpdf --check on the examples.
func validatePDF(t *testing.T, pdfBytes []byte) {
	t.Helper()
	api.DisableConfigDir()
	if err := api.Validate(bytes.NewReader(pdfBytes), pdftest.Conf("")); err != nil {
		t.Fatalf("PDF does not validate: %v", err)
	}
}

// pdfText extracts a PDF's text with poppler's pdftotext, one string per
// page. CI installs poppler; elsewhere the check is skipped.
func pdfText(t *testing.T, pdfBytes []byte) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing; .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdfBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command("pdftotext", "-layout", in, "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext: %v %s", err, stderr.String())
	}
	return strings.Split(strings.TrimRight(string(out), "\f"), "\f")
}

// TestBuiltinHandoutText checks the default handout's text as a reader
// gets it: every figure 1–13 captioned once and in order, the panels of 7
// and 13, every caution, and the clinic's footer on every page.
func TestBuiltinHandoutText(t *testing.T) {
	e := newTestEngine(t)
	j := loadJob(t, "builtin:mid-back-pain")
	pdfBytes, pages, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	validatePDF(t, pdfBytes)
	text := pdfText(t, pdfBytes)
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

// TestRenderIsDeterministic renders the same handout twice in one process
// and compares the bytes (the golden hashes compare across processes).
func TestRenderIsDeterministic(t *testing.T) {
	e := newTestEngine(t)
	j := testJob(t, goldenCases[0])
	a, _, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := e.Render(j)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same handout differ")
	}
}
