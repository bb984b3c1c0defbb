package main

import (
	"bytes"
	"errors"
	"fmt"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/figures"
)

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"2MB", 2_000_000},
		{"2mb", 2_000_000},
		{"600KB", 600_000},
		{"600 kB", 600_000},
		{"1.5MiB", 1_572_864},
		{"512KiB", 524_288},
		{"1GB", 1_000_000_000},
		{"500000", 500_000},
		{"123B", 123},
	} {
		got, err := parseSize(c.in)
		if err != nil || got != c.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "MB", "2XB", "-1MB", "0", "0.1", "1e3KB", "2 M B", "1..2MB", "99999999999GB"} {
		if n, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", bad, n)
		}
	}
}

// sizeTestHandout writes a handout with n photo figures made of gradients
// and sensor noise, 2000×1500 like a downsized phone photo, and returns its
// path.
func sizeTestHandout(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	var md strings.Builder
	md.WriteString("---\ntitle: Size budget test\n---\n\n")
	for i := range n {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, phonePhoto(2000, 1500, uint64(100+i)), &jpeg.Options{Quality: 90}); err != nil {
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

// sizeTestRender renders path with a fitter for budget starting at
// preset.
func sizeTestRender(t *testing.T, path string, eng *engine, preset figures.Preset, budget int64, finish func([]byte) ([]byte, error)) (fitted, error) {
	t.Helper()
	j, closeDir, err := loadJob(renderOptions{source: path})
	if err != nil {
		t.Fatal(err)
	}
	defer closeDir()
	j.preset = preset
	return newSizeFitter(eng, budget).render(j, finish)
}

// TestSizeFit renders a photo handout at every step, then checks that a
// budget between two steps' sizes picks the first step that fits, that a
// budget below the smallest is an error naming both sizes, and that the
// budget applies to the encrypted bytes when there is a password.
func TestSizeFit(t *testing.T) {
	path := sizeTestHandout(t, 4)
	// One engine: each step's photos are prepared once in this test.
	base := newTestEngine(t)
	sizes := map[figures.Preset]int{}
	prev := 0
	for _, p := range sizeSteps() {
		doc, err := sizeTestRender(t, path, base, p, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		if doc.preset != p {
			t.Fatalf("no budget: rendered at %v, want %v", doc.preset, p)
		}
		t.Logf("%-14v %7d bytes, %d pages", p, len(doc.final), doc.pages)
		if prev != 0 && len(doc.final) >= prev {
			t.Errorf("%v: %d bytes, not smaller than the step before (%d)", p, len(doc.final), prev)
		}
		prev = len(doc.final)
		sizes[p] = len(doc.final)
		validatePDF(t, doc.final)
	}

	// A budget just under email-small's size lands on email-smaller.
	budget := int64(sizes[figures.PresetEmailSmall] - 1)
	doc, err := sizeTestRender(t, path, base, figures.PresetPrint, budget, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.preset != figures.PresetEmailSmaller || int64(len(doc.final)) > budget {
		t.Errorf("budget %d: got %v, %d bytes; want email-smaller within budget", budget, doc.preset, len(doc.final))
	}

	// A budget the print preset meets changes nothing.
	doc, err = sizeTestRender(t, path, base, figures.PresetPrint, int64(sizes[figures.PresetPrint]), nil)
	if err != nil || doc.preset != figures.PresetPrint {
		t.Errorf("budget = print size: got %v, %v; want print", doc.preset, err)
	}

	// Starting at email never goes back up to print.
	doc, err = sizeTestRender(t, path, base, figures.PresetEmail, 1<<40, nil)
	if err != nil || doc.preset != figures.PresetEmail {
		t.Errorf("--preset email: got %v, %v", doc.preset, err)
	}

	// Too small a budget: an error with the size reached and the budget.
	_, err = sizeTestRender(t, path, base, figures.PresetPrint, 20_000, nil)
	var se *sizeError
	if !errors.Is(err, ErrOverBudget) || !errors.As(err, &se) {
		t.Fatalf("budget 20 KB: err = %v, want a *sizeError", err)
	}
	if se.reached != int64(sizes[figures.PresetEmailGray]) || se.preset != figures.PresetEmailGray {
		t.Errorf("reached %d at %v, want %d at email-gray", se.reached, se.preset, sizes[figures.PresetEmailGray])
	}
	for _, want := range []string{fmt.Sprintf("(%d bytes)", se.reached), "(20000 bytes) budget", "email-gray"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}

	// Encrypted: the budget holds for the bytes written.
	enc := newEncrypter()
	finish := func(b []byte) ([]byte, error) { return enc.encryptPDF(b, "budget pw", "") }
	doc, err = sizeTestRender(t, path, base, figures.PresetPrint, budget, finish)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(doc.final)) > budget || bytes.Equal(doc.final, doc.plain) {
		t.Errorf("encrypted: %d bytes at %v (budget %d)", len(doc.final), doc.preset, budget)
	}
}

// TestSizeFitNoPhotos checks that a document without photos is not
// rendered five times for nothing, and that the error says why.
func TestSizeFitNoPhotos(t *testing.T) {
	j, closeDir, err := loadJob(renderOptions{source: "testdata/wrapping.md"})
	if err != nil {
		t.Fatal(err)
	}
	defer closeDir()
	e := newTestEngine(t)
	_, err = newSizeFitter(e, 1000).render(j, nil)
	var se *sizeError
	if !errors.As(err, &se) || se.photos || !strings.Contains(err.Error(), "no photos") {
		t.Fatalf("err = %v, want a no-photos size error", err)
	}
}

// TestRenderMaxSizeFlag runs the command with --max-size on the photo
// handout.
func TestRenderMaxSizeFlag(t *testing.T) {
	path := sizeTestHandout(t, 3)
	out := filepath.Join(t.TempDir(), "out.pdf")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"render", path, "-o", out, "--max-size", "150KB"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Size() > 150_000 {
		t.Fatalf("out.pdf: %v, %v", fi, err)
	}
	if !strings.Contains(stdout.String(), "to fit --max-size") {
		t.Errorf("report %q does not say the photos were stepped down", stdout.String())
	}
	err = run([]string{"render", path, "-o", out, "--max-size", "2 parsecs"}, &stdout, &stderr)
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Errorf("bad --max-size: err = %v, want a usage error", err)
	}
}
