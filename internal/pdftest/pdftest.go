// Package pdftest holds what the tests of several packages share:
// photo-like pictures and handouts of them as input, generated patient
// lists, and what reads the PDFs and manifests they make. Only tests
// import it.
package pdftest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Phone makes a photo-like picture: smooth light, a dark figure and
// sensor noise, so that it compresses as a real photo does, not as a flat
// test card. The top third is red, so orientation can be seen.
func Phone(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, 7))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			base := 150 + 60*float64(x)/float64(w) - 40*float64(y)/float64(h)
			n := rng.NormFloat64() * 6
			r, g, b := base+n, base+n-10, base+n-25
			if y < h/3 {
				r, g, b = 200+n, 40+n, 40+n
			}
			if (x-w/2)*(x-w/2)+(y-h/2)*(y-h/2) < (w/6)*(w/6) {
				r, g, b = 60+n, 50+n, 45+n
			}
			// SetRGBA, not Set: the same pixels without converting each
			// through color.Model, which doubled the time the photo tests
			// spend making their photos.
			img.SetRGBA(x, y, color.RGBA{clamp8(r), clamp8(g), clamp8(b), 255})
		}
	}
	return img
}

// WritePhoto writes a w×h Phone picture (seed) as a JPEG file dir/name,
// for tests that need a photo on disk.
func WritePhoto(t testing.TB, dir, name string, w, h int, seed uint64) {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, Phone(w, h, seed), nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func clamp8(v float64) uint8 { return uint8(min(255, max(0, v))) }

// SizeHandout writes a handout with n photo figures made of gradients
// and sensor noise, 2000×1500 like a downsized phone photo, and returns its
// path.
func SizeHandout(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	var md strings.Builder
	md.WriteString("---\ntitle: Size budget test\n---\n\n")
	for i := range n {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, Phone(2000, 1500, uint64(100+i)), &jpeg.Options{Quality: 90}); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("p%d.jpg", i)
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&md, "## Step %d\n\n![Position %d](%s)\n\nHold for five breaths.\n\n", i+1, i+1, name)
	}
	path := filepath.Join(dir, "photos.md")
	if err := os.WriteFile(path, []byte(md.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// disableConfigDir keeps pdfcpu from making its configuration folder in
// the user's home directory, once per test binary. pdfcpu's switch is a
// package variable that every configuration it makes reads unguarded, so
// it is set once, here, before any configuration; render.NewEncrypter sets
// it too, so the tests that encrypt do not call t.Parallel (a parallel
// test's Conf would read it while they write it).
var disableConfigDir = sync.OnceFunc(api.DisableConfigDir)

// Conf is a pdfcpu configuration to open a PDF with the given user
// password, validating in strict mode: the patched fpdf writes link
// annotations as indirect objects (third_party/fpdf/PATCHES.md, change
// 3), the one thing strict mode refused in fpdf's output.
func Conf(user string) *model.Configuration {
	disableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.UserPW = user
	conf.ValidationMode = model.ValidationStrict
	return conf
}

// UTF16BE is s as a PDF text string: UTF-16 big-endian, for s in the Basic
// Multilingual Plane.
func UTF16BE(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// Validate fails t unless pdfBytes pass pdfcpu's validation in strict
// mode (Conf), which every PDF the tests make must pass (issue 15): the
// patched fpdf writes link annotations as indirect objects, as strict
// mode asks. .ci/run adds qpdf --check on the examples.
func Validate(t testing.TB, pdfBytes []byte) {
	t.Helper()
	if err := api.Validate(bytes.NewReader(pdfBytes), Conf("")); err != nil {
		t.Fatalf("PDF does not validate: %v", err)
	}
}

// Text extracts a PDF's text with poppler's pdftotext, one string per
// page, laid out as it shows. CI installs poppler; elsewhere the test is
// skipped.
func Text(t testing.TB, pdfBytes []byte) []string {
	t.Helper()
	return pdftotext(t, pdfBytes, "-layout")
}

// RawText is a PDF's text in the order its content streams draw it
// (pdftotext -raw), one string per page: the order a reader without a
// structure tree reads it aloud or copies it in.
func RawText(t testing.TB, pdfBytes []byte) []string {
	t.Helper()
	return pdftotext(t, pdfBytes, "-raw")
}

func pdftotext(t testing.TB, pdfBytes []byte, mode string) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing; .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdfBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command("pdftotext", mode, in, "-")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext: %v %s", err, stderr.String())
	}
	return strings.Split(strings.TrimRight(string(out), "\f"), "\f")
}
