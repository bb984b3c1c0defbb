package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/figures"
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
// sample clinic and the default settings: what `handout render SOURCE`
// makes.
func testJob(t testing.TB, source string) Job {
	t.Helper()
	return testJobWith(t, source, Settings{})
}

// testJobWith is testJob with settings, checked as the front doors check
// them.
func testJobWith(t testing.TB, source string, s Settings) Job {
	t.Helper()
	set, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	specs := NewResolver(nil)
	t.Cleanup(specs.Close)
	hf, err := specs.Resolve(source)
	if err != nil {
		t.Fatal(err)
	}
	clinic, err := LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	return set.Job(clinic, hf)
}

// TestPhotoErrorIsTheFirstInTheHandout: photos are prepared side by side,
// but the error reported is always the first failing photo's, by line.
func TestPhotoErrorIsTheFirstInTheHandout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var md strings.Builder
	md.WriteString("---\ntitle: Photos\n---\n\n## Photos\n\nSome text.\n")
	for i := range 8 {
		name := fmt.Sprintf("p%d.jpg", i)
		md.WriteString(fmt.Sprintf("\n![Photo %d](%s)\n", i, name))
		switch i {
		case 3: // missing: never written
		case 6:
			if err := os.WriteFile(filepath.Join(dir, name), []byte("not a picture"), 0o600); err != nil {
				t.Fatal(err)
			}
		default:
			pdftest.WritePhoto(t, dir, name, 800, 600, uint64(i))
		}
	}
	path := filepath.Join(dir, "photos.md")
	if err := os.WriteFile(path, []byte(md.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	// Photo 3 is on line 15 (front matter 3 lines, blank, heading, blank,
	// text, then a blank line and a figure per photo).
	want := "photos.md:15: "
	for range 10 {
		_, _, err := newTestEngine(t).Render(testJob(t, path))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "p3.jpg") {
			t.Fatalf("error %v, want the missing p3.jpg at %q", err, want)
		}
	}
}

// TestSoftPhotoWarning: a photo too small for where it is printed is
// named, once, with its line and the size to use; a large one is not, and
// nothing is said for the email preset (read on a screen).
func TestSoftPhotoWarning(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, size := range map[string][2]int{"small.jpg": {300, 200}, "big.jpg": {2000, 1500}} {
		pdftest.WritePhoto(t, dir, name, size[0], size[1], 1)
	}
	path := filepath.Join(dir, "h.md")
	md := "---\ntitle: Photos\n---\n\n## One\n\n![Small](small.jpg)\n\n![Big](big.jpg)\n\n![Small again](small.jpg)\n"
	if err := os.WriteFile(path, []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, preset := range []figures.Preset{figures.PresetPrint, figures.PresetEmail} {
		var warnings []string
		j := testJob(t, path)
		j.Preset = preset
		j.Warn = func(msg string) { warnings = append(warnings, msg) }
		if _, _, err := newTestEngine(t).Render(j); err != nil {
			t.Fatal(err)
		}
		if preset == figures.PresetEmail {
			if len(warnings) != 0 {
				t.Errorf("email preset: %q", warnings)
			}
			continue
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0], "h.md:7: photo \"small.jpg\" prints at ") ||
			!strings.Contains(warnings[0], "use one at least") {
			t.Errorf("print preset: warnings %q, want one for small.jpg at h.md:7", warnings)
		}
	}
}
