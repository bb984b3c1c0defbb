package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/golden"
	"handout/internal/pdftest"
	"handout/layout"
)

// goldenCase is one handout in testdata/ with the options it is rendered
// with; testdata/README.md says what each is for.
type goldenCase struct {
	name    string // testdata/NAME.md, and the goldens' base name
	source  string // the handout when not testdata/NAME.md (builtin:…)
	patient string
	date    string
	paper   string
	// grayscale: the whole document for a black-and-white laser printer
	grayscale bool
	// packet: also these handouts, a cover page and a tick log
	packet []string
	// cover: a cover page and a tick log without more handouts, as a
	// list row with a programme alone gets; notes are its clinician's
	// notes (else packet.md's English ones)
	cover bool
	notes string
	style string // --style; "" for the document's own choice
	// language: the language it is resolved in (ResolveIn); "" for its own
	language string
	// cjk: the clinic's profile names a CJK font (cjk_test.go's; the
	// case skips where it is not installed)
	cjk bool
}

var goldenCases = []goldenCase{
	{name: "mid-back-pain", source: "builtin:mid-back-pain"},
	{name: "exercises", patient: "Jordan Example", date: "2026-11-25"},
	{name: "long-caution"},
	{name: "wrapping"},
	{name: "multilingual", paper: "a4"},
	{name: "vietnamese"},
	{name: "chinese", cjk: true},
	{name: "figure-at-bottom"},
	{name: "photos"},
	{name: "photos-gray", source: "testdata/photos.md", grayscale: true},
	{name: "exercises-gray", source: "testdata/exercises.md", patient: "Jordan Example", date: "2026-11-25", grayscale: true},
	{name: "packet", patient: "Jordan Example", date: "2026-11-25", packet: []string{"builtin:mid-back-pain"}},
	// The row styles: programmes (sheet by default), the built-in
	// handout and a packet.
	{name: "sheet-3", source: "testdata/sheet-3.yaml"},
	{name: "sheet-5", source: "testdata/sheet-5.yaml"},
	{name: "sheet-8-a4", source: "testdata/sheet-8.yaml", paper: "a4"},
	{name: "large-print-5", source: "testdata/sheet-5.yaml", style: "large-print"},
	{name: "mid-back-pain-sheet", source: "builtin:mid-back-pain", style: "sheet"},
	{name: "mid-back-pain-large-print", source: "builtin:mid-back-pain", style: "large-print"},
	{name: "packet-sheet", source: "testdata/packet.md", patient: "Jordan Example", date: "2026-11-25", packet: []string{"builtin:mid-back-pain"}, style: "sheet"},
	// The built-in handout in Spanish (content/builtin/es).
	{name: "mid-back-pain-es", source: "builtin:mid-back-pain", language: "es"},
	// A programme with language: es (its exercises' Spanish texts).
	{name: "sheet-es", source: "testdata/sheet-es.yaml"},
	// A programme with language: en-GB (British labels and dates).
	{name: "sheet-en-gb", source: "testdata/sheet-en-gb.yaml"},
	// A list row's packet in Spanish: cover, programme and tick log.
	{name: "packet-es", source: "testdata/packet-es.yaml", cover: true, notes: "Empiece con los estiramientos dos veces al día. No haga el puente por ahora."},
	{name: "packet-large-print-a4", source: "testdata/packet.md", patient: "Jordan Example", date: "2026-11-25", packet: []string{"builtin:mid-back-pain"}, style: "large-print", paper: "a4"},
}

// goldenJob is the job a golden case is rendered from.
func goldenJob(t testing.TB, gc goldenCase) Job {
	t.Helper()
	source := filepath.Join("testdata", gc.name+".md")
	if gc.source != "" {
		source = gc.source
	}
	j := testJobIn(t, source, gc.language, Settings{Paper: gc.paper, Grayscale: &gc.grayscale, Style: gc.style})
	if p := j.Handouts[0].Programme; p != nil {
		j.Patient, j.Date = p.Patient, p.Date
	}
	if gc.patient != "" {
		j.Patient, j.Date = gc.patient, gc.date
	}
	for _, src := range gc.packet {
		more := testJob(t, src)
		j.Handouts = append(j.Handouts, more.Handouts...)
	}
	if gc.cjk {
		j = withCJKFont(t, j)
	}
	if gc.packet != nil || gc.cover {
		notes := "Start with the face-down series twice a day. Skip the wheel pose for now."
		if gc.notes != "" {
			notes = gc.notes
		}
		clinician := "Dr. Karin Drummond, DC"
		if p := j.Handouts[0].Programme; p != nil && p.Clinician != "" {
			clinician = p.Clinician
		}
		j.Cover = &layout.Cover{Clinician: clinician, Notes: notes}
		j.TickLog = true
	}
	return j
}

// TestGolden renders each testdata handout and compares its display-list
// dump, then its PDF bytes (by SHA-256), with the golden files. The dump
// is compared first: it says what changed in words. Each PDF is also
// checked against PDF/UA-1 (pdfua_test.go) and read with pdf.js
// (pdfjs_test.go) and poppler (poppler_test.go).
func TestGolden(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	var ua pdfuaReport
	var pj pdfjsReport
	var pop popplerReport
	pdfDir := t.TempDir()
	t.Cleanup(func() { // after the parallel subtests
		ua.finish(t)
		pj.finish(t, pdfDir)
		pop.finish(t, pdfDir)
	})
	for _, gc := range goldenCases {
		t.Run(gc.name, func(t *testing.T) {
			// One engine for all cases, as a batch shares one between
			// its workers: the engine is safe for concurrent use.
			t.Parallel()
			j := goldenJob(t, gc)
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
			pdftest.Validate(t, pdfBytes)
			ua.check(t, gc.name, pdfBytes)
			pj.add(gc.name, pdfBytes, j)
			pop.add(gc.name, pdfBytes, j)
			if dir := os.Getenv("HANDOUT_KEEP_PDF"); dir != "" {
				// To look at the pages: HANDOUT_KEEP_PDF=/tmp/pdfs go test -run TestGolden ./render
				if err := os.WriteFile(filepath.Join(dir, gc.name+".pdf"), pdfBytes, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			sum := sha256.Sum256(pdfBytes)
			checkGolden(t, filepath.Join("testdata", gc.name+".layout"), dump.Bytes(), pdfBytes)
			checkGolden(t, filepath.Join("testdata", gc.name+".pdf.sha256"), []byte(hex.EncodeToString(sum[:])+"\n"), pdfBytes)
			if gc.patient != "" {
				pdftest.OnlyOnPages(t, pdfBytes, gc.patient)
			}
		})
	}
}

// checkGolden compares got with the golden file at path. With -update it
// rewrites the file; on a mismatch it writes path.got and the PDF beside it
// as NAME.pdf.got so the pages can be looked at.
func checkGolden(t *testing.T, path string, got, pdfBytes []byte) {
	t.Helper()
	if golden.Update() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing: %v (run go test ./render -update, then look at the pages)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	_ = os.WriteFile(path+".got", got, 0o644)
	base := strings.TrimSuffix(strings.TrimSuffix(path, ".layout"), ".pdf.sha256")
	_ = os.WriteFile(base+".pdf.got", pdfBytes, 0o644)
	t.Errorf("%s differs from the golden file; wrote %s.got and %s.pdf.got\n%s", path, path, base, golden.FirstDiff(string(want), string(got)))
}

// TestRenderIsDeterministic renders the same handout twice in one process
// and compares the bytes (the golden hashes compare across processes).
func TestRenderIsDeterministic(t *testing.T) {
	t.Parallel()
	e := newTestEngine(t)
	j := goldenJob(t, goldenCases[0])
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
