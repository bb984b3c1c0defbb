package render

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"handout/figures/photo"
	"handout/internal/pdftest"
)

func TestParseSize(t *testing.T) {
	t.Parallel()
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
		got, err := ParseSize(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "MB", "2XB", "-1MB", "0", "0.1", "1e3KB", "2 M B", "1..2MB", "99999999999GB"} {
		if n, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", bad, n)
		}
	}
}

// sizeTestRender renders path with a fitter for budget starting at
// preset.
func sizeTestRender(t *testing.T, path string, eng *Engine, preset photo.Preset, budget int64, finish func([]byte) ([]byte, error)) (Fitted, error) {
	t.Helper()
	j := testJob(t, path)
	j.Preset = preset
	return NewSizeFitter(eng, budget).Render(j, finish)
}

// TestSizeFit renders a photo handout at every step, then checks that a
// budget between two steps' sizes picks the first step that fits, that a
// budget below the smallest is an error naming both sizes, and that the
// budget applies to the encrypted bytes when there is a password.
func TestSizeFit(t *testing.T) {
	// Not parallel: it encrypts, and render.NewEncrypter sets pdfcpu's
	// configuration switch, which parallel tests read (pdftest.Conf).
	path := pdftest.SizeHandout(t, 4)
	// One engine: each step's photos are prepared once in this test.
	base := newTestEngine(t)
	sizes := map[photo.Preset]int{}
	prev := 0
	for _, p := range sizeSteps() {
		doc, err := sizeTestRender(t, path, base, p, 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Preset != p {
			t.Fatalf("no budget: rendered at %v, want %v", doc.Preset, p)
		}
		t.Logf("%-14v %7d bytes, %d pages", p, len(doc.Final), doc.Pages)
		if prev != 0 && len(doc.Final) >= prev {
			t.Errorf("%v: %d bytes, not smaller than the step before (%d)", p, len(doc.Final), prev)
		}
		prev = len(doc.Final)
		sizes[p] = len(doc.Final)
		pdftest.Validate(t, doc.Final)
	}

	// A budget just under email-small's size lands on email-smaller.
	budget := int64(sizes[photo.PresetEmailSmall] - 1)
	doc, err := sizeTestRender(t, path, base, photo.PresetPrint, budget, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Preset != photo.PresetEmailSmaller || int64(len(doc.Final)) > budget {
		t.Errorf("budget %d: got %v, %d bytes; want email-smaller within budget", budget, doc.Preset, len(doc.Final))
	}

	// A budget the print preset meets changes nothing.
	doc, err = sizeTestRender(t, path, base, photo.PresetPrint, int64(sizes[photo.PresetPrint]), nil)
	if err != nil || doc.Preset != photo.PresetPrint {
		t.Errorf("budget = print size: got %v, %v; want print", doc.Preset, err)
	}

	// Starting at email never goes back up to print.
	doc, err = sizeTestRender(t, path, base, photo.PresetEmail, 1<<40, nil)
	if err != nil || doc.Preset != photo.PresetEmail {
		t.Errorf("--preset email: got %v, %v", doc.Preset, err)
	}

	// Too small a budget: an error with the size reached and the budget.
	_, err = sizeTestRender(t, path, base, photo.PresetPrint, 20_000, nil)
	var se *SizeError
	if !errors.Is(err, ErrOverBudget) || !errors.As(err, &se) {
		t.Fatalf("budget 20 KB: err = %v, want a *SizeError", err)
	}
	if se.reached != int64(sizes[photo.PresetEmailGray]) || se.preset != photo.PresetEmailGray {
		t.Errorf("reached %d at %v, want %d at email-gray", se.reached, se.preset, sizes[photo.PresetEmailGray])
	}
	for _, want := range []string{fmt.Sprintf("(%d bytes)", se.reached), "(20000 bytes) budget", "email-gray"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}

	// Encrypted: the budget holds for the bytes written.
	enc := NewEncrypter()
	finish := func(b []byte) ([]byte, error) { return enc.Encrypt(b, "budget pw", "") }
	doc, err = sizeTestRender(t, path, base, photo.PresetPrint, budget, finish)
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(doc.Final)) > budget || bytes.Equal(doc.Final, doc.Plain) {
		t.Errorf("encrypted: %d bytes at %v (budget %d)", len(doc.Final), doc.Preset, budget)
	}
}

// TestSizeFitNoPhotos checks that a document without photos is not
// rendered five times for nothing, and that the error says why.
func TestSizeFitNoPhotos(t *testing.T) {
	t.Parallel()
	j := testJob(t, "testdata/wrapping.md")
	e := newTestEngine(t)
	_, err := NewSizeFitter(e, 1000).Render(j, nil)
	var se *SizeError
	if !errors.As(err, &se) || se.photos || !strings.Contains(err.Error(), "no photos") {
		t.Fatalf("err = %v, want a no-photos size error", err)
	}
}
