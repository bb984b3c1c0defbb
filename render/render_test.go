package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"handout/content"
	"handout/internal/pdftest"
)

func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := NewEngine("")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// testJob is a job of one handout, builtin:NAME or a file, with the
// sample clinic.
func testJob(t testing.TB, source string) Job {
	t.Helper()
	clinic, err := LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	if name, ok := strings.CutPrefix(source, "builtin:"); ok {
		h, err := content.BuiltinHandout(name)
		if err != nil {
			t.Fatal(err)
		}
		return Job{Handouts: []HandoutFile{{Handout: h}}, Clinic: clinic}
	}
	h, err := content.LoadFile(source)
	if err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(filepath.Dir(source))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return Job{Handouts: []HandoutFile{{Handout: h, Dir: root}}, Clinic: clinic}
}

// validatePDF runs pdfcpu's validation on the bytes, relaxed as package
// main's tests do it: fpdf writes link annotations as direct objects,
// which strict mode rejects and every reader accepts.
func validatePDF(t *testing.T, pdfBytes []byte) {
	t.Helper()
	api.DisableConfigDir()
	if err := api.Validate(bytes.NewReader(pdfBytes), pdftest.Conf("")); err != nil {
		t.Fatalf("PDF does not validate: %v", err)
	}
}
