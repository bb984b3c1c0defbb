package photo

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"handout/internal/pdftest"

	"handout/figures"
)

func TestPrepareDecodesOnceFor1000Packets(t *testing.T) {
	t.Parallel()
	// A batch of 1,000 packets, each using the same logo-sized photo, asked
	// for concurrently: one decode, one shared result.
	src := withEXIF(jpegBytes(t, testPhoto(1200, 900)), 6, binary.BigEndian)
	p := NewPreparer("", nil)
	var wg sync.WaitGroup
	imgs := make([]*figures.Image, 1000)
	errs := make([]error, 1000)
	for i := range imgs {
		wg.Go(func() {
			imgs[i], errs[i] = p.Prepare("photos/doctor.jpg", src, print3in)
		})
	}
	wg.Wait()
	for i := range imgs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if imgs[i] != imgs[0] {
			t.Fatalf("packet %d got a different image", i)
		}
	}
	if n := p.Decodes(); n != 1 {
		t.Errorf("%d decodes, want 1", n)
	}
	// Other options are another preparation.
	if _, err := p.Prepare("photos/doctor.jpg", src, Options{Preset: PresetEmail, PlacedWidthPt: 216}); err != nil {
		t.Fatal(err)
	}
	if n := p.Decodes(); n != 2 {
		t.Errorf("%d decodes after a second preset, want 2", n)
	}
}

func TestPrepareCachedErrorNamesEachCaller(t *testing.T) {
	t.Parallel()
	p := NewPreparer("", nil)
	_, err1 := p.Prepare("a.jpg", nil, print3in)
	_, err2 := p.Prepare("b.jpg", nil, print3in)
	wantErr(t, err1, ErrDamaged, "figures: a.jpg: file is empty")
	wantErr(t, err2, ErrDamaged, "figures: b.jpg: file is empty")
}

func TestPrepareDiskCache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := jpegBytes(t, testPhoto(1200, 900))
	first := NewPreparer(dir, nil)
	a, err := first.Prepare("p.jpg", src, print3in)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(files) != 1 || filepath.Ext(files[0]) != ".fig" {
		t.Fatalf("cache holds %v, want one .fig file (no temporary files left)", files)
	}

	// A new run reads it back without decoding.
	second := NewPreparer(dir, nil)
	b, err := second.Prepare("p.jpg", src, print3in)
	if err != nil {
		t.Fatal(err)
	}
	if second.Decodes() != 0 {
		t.Errorf("second run decoded %d times, want 0", second.Decodes())
	}
	if !bytes.Equal(a.Data, b.Data) || a.Key != b.Key || a.PxW != b.PxW || a.PxH != b.PxH || a.Format != b.Format {
		t.Error("cached image differs from the prepared one")
	}

	// A damaged cache file is a miss, not a wrong picture.
	raw, _ := os.ReadFile(files[0])
	raw[len(raw)-100] ^= 0xff
	os.WriteFile(files[0], raw, 0o644)
	third := NewPreparer(dir, nil)
	c, err := third.Prepare("p.jpg", src, print3in)
	if err != nil {
		t.Fatal(err)
	}
	if third.Decodes() != 1 || !bytes.Equal(c.Data, a.Data) {
		t.Errorf("damaged cache entry: %d decodes, same bytes %v", third.Decodes(), bytes.Equal(c.Data, a.Data))
	}
}

func TestCacheKeyIgnoresFocusWithoutCrop(t *testing.T) {
	t.Parallel()
	a := cacheKey([]byte("x"), Options{PlacedWidthPt: 72})
	b := cacheKey([]byte("x"), Options{PlacedWidthPt: 72, FocusX: 0.3})
	c := cacheKey([]byte("x"), Options{PlacedWidthPt: 72, FocusX: 0.3, Crop: true, PlacedHeightPt: 72})
	d := cacheKey([]byte("y"), Options{PlacedWidthPt: 72})
	if a != b || a == c || a == d {
		t.Errorf("keys: %s %s %s %s", a[:8], b[:8], c[:8], d[:8])
	}
}

// TestDiskCacheIsPrivate: the cache folder is made 0700 and its files
// 0600, like every other output; and a named pipe planted where an entry
// goes is a miss, not a hang.
func TestDiskCacheIsPrivate(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cache")
	src := jpegBytes(t, testPhoto(300, 200))
	if _, err := NewPreparer(dir, nil).Prepare("p.jpg", src, print3in); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.fig"))
	if len(files) != 1 {
		t.Fatalf("cache holds %v", files)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Dir(files[0]): 0o700, files[0]: 0o600} {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v (%v)", path, fi.Mode().Perm(), want, err)
		}
	}
	os.Remove(files[0])
	pdftest.Mkfifo(t, files[0])
	p := NewPreparer(dir, nil)
	if err := pdftest.Promptly(t, func() error { _, err := p.Prepare("p.jpg", src, print3in); return err }); err != nil {
		t.Fatal(err)
	}
	if p.Decodes() != 1 {
		t.Errorf("%d decodes, want 1 (the pipe is a miss)", p.Decodes())
	}
}
