package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// TestRenderProtocolCommand: `handout render protocol:NAME` writes
// NAME.pdf in the current folder, warning of drawings not made yet, and a
// programme file's patient comes from the file.
func TestRenderProtocolCommand(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, dir, "render", "protocol:low-back-core", "--patient", "Ana Díaz")
	if code != exitOK || !strings.HasPrefix(stdout, "wrote low-back-core.pdf (") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if strings.Contains(stderr, "Ana") {
		t.Errorf("a message names the patient: %s", stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "ana.yaml"), []byte("patient: Ana Díaz\nprotocol: knee-osteoarthritis\nexercises:\n  - id: quad-set\n    side: left\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCLI(t, dir, "render", "ana.yaml")
	if code != exitOK || !strings.HasPrefix(stdout, "wrote ana.pdf (") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, dir, "render", "protocol:no-such")
	if code != exitFailed || !strings.Contains(stderr, "no-such") {
		t.Errorf("unknown protocol: exit %d, %s", code, stderr)
	}
}

// TestListAndShow: list shows protocols and exercises, --region filters,
// show prints one exercise's card.
func TestListAndShow(t *testing.T) {
	dir := t.TempDir()
	code, stdout, _ := runCLI(t, dir, "list")
	for _, want := range []string{"Protocols (handout render protocol:NAME):", "neck-pain", "Exercises (", "chin-tuck", "Built-in figures"} {
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("list: exit %d, no %q", code, want)
		}
	}
	code, stdout, _ = runCLI(t, dir, "list", "--region", "knee")
	if code != exitOK || !strings.Contains(stdout, "quad-set") || strings.Contains(stdout, "chin-tuck") || strings.Contains(stdout, "Protocols") {
		t.Errorf("list --region knee: exit %d\n%s", code, stdout)
	}
	code, _, stderr := runCLI(t, dir, "list", "--region", "elbow")
	if code != exitUsage || !strings.Contains(stderr, "the regions are") {
		t.Errorf("list --region elbow: exit %d, %s", code, stderr)
	}
	code, stdout, _ = runCLI(t, dir, "show", "press-up") // an alias of prone-press-up
	if code != exitOK || !strings.Contains(stdout, "(prone-press-up)") || !strings.Contains(stdout, "  1. ") {
		t.Errorf("show press-up: exit %d\n%s", code, stdout)
	}
}

// TestRenderProgrammeWithClinicLibrary: a clinic's own exercise, with its
// own photo, from a --library folder, in a programme beside a built-in one.
func TestRenderProgrammeWithClinicLibrary(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib", "neck")
	if err := os.MkdirAll(filepath.Join(lib, "photos"), 0o700); err != nil {
		t.Fatal(err)
	}
	pdftest.WritePhoto(t, filepath.Join(lib, "photos"), "towel.jpg", 900, 600, 7)
	exercise := "---\nid: towel-neck-glide\nname: Towel neck glide\nregions: [neck]\nlaterality: both-sides\ndose: reps 8; daily 2\nsource: handout-pattern\n---\n\n" +
		"This eases a stiff neck.\n\n![Towel behind the neck](photos/towel.jpg){alt=\"A towel held behind the neck with both hands\"}\n\n" +
		"1. Sit tall and hold a towel behind your neck.\n2. Pull the towel gently forward.\n3. Come back slowly.\n"
	if err := os.WriteFile(filepath.Join(lib, "towel.md"), []byte(exercise), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("exercises:\n  - towel-neck-glide\n  - chin-tuck\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, dir, "render", "p.yaml", "--library", "lib")
	if code != exitOK || !strings.HasPrefix(stdout, "wrote p.pdf (") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "p.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(pdf), "/Subtype /Image"); n < 2 { // the logo and the photo
		t.Errorf("%d images in the PDF, want the logo and the clinic's photo", n)
	}
	code, _, stderr = runCLI(t, dir, "render", "p.yaml")
	if code != exitFailed || !strings.Contains(stderr, "towel-neck-glide") {
		t.Errorf("without --library: exit %d, %s", code, stderr)
	}
	// A patient list takes the same folder with batch --library.
	list := "id,visit_date,exercises\nP1,2026-12-01,towel-neck-glide | chin-tuck\n"
	if err := os.WriteFile(filepath.Join(dir, "list.csv"), []byte(list), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, dir, "batch", "list.csv", "--out-dir", "out", "--library", "lib")
	if code != exitOK {
		t.Fatalf("batch --library: exit %d, %s", code, stderr)
	}
	if code, _, stderr = runCLI(t, dir, "batch", "list.csv", "--out-dir", "out2"); code == exitOK || !strings.Contains(stderr, "towel-neck-glide") {
		t.Errorf("batch without --library: exit %d, %s", code, stderr)
	}
}

// TestProfileLibrary: the clinic profile's library: key names the
// clinic's folder of exercises, relative to the profile; --library wins;
// a folder outside the profile's is refused with the line.
func TestProfileLibrary(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "clinic", "exercises")
	if err := os.MkdirAll(lib, 0o700); err != nil {
		t.Fatal(err)
	}
	exercise := "---\nid: shoulder-roll\nname: Shoulder roll\nregions: [shoulder]\nlaterality: both-sides\ndose: reps 10\nsource: handout-pattern\n---\n\n" +
		"This loosens tight shoulders.\n\n![Start](builtin:mountain-side)\n\n1. Stand tall.\n2. Roll your shoulders back slowly.\n3. Let them drop and relax.\n"
	if err := os.WriteFile(filepath.Join(lib, "roll.md"), []byte(exercise), 0o600); err != nil {
		t.Fatal(err)
	}
	profile := "name: Test Clinic\naddress: [1 Main St]\nphone: 555-0100\nlibrary: exercises\n"
	if err := os.WriteFile(filepath.Join(dir, "clinic", "profile.yaml"), []byte(profile), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("exercises:\n  - shoulder-roll\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, dir, "render", "p.yaml", "--clinic", "clinic/profile.yaml")
	if code != exitOK || !strings.HasPrefix(stdout, "wrote p.pdf (") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	bad := "name: Test Clinic\naddress: [1 Main St]\nphone: 555-0100\nlibrary: ../elsewhere\n"
	if err := os.WriteFile(filepath.Join(dir, "clinic", "bad.yaml"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, dir, "render", "p.yaml", "--clinic", "clinic/bad.yaml")
	if code != exitFailed || !strings.Contains(stderr, "bad.yaml:4") || !strings.Contains(stderr, "leaves the profile's folder") {
		t.Errorf("library outside: exit %d, %s", code, stderr)
	}
}

// TestRenderStyles: `render protocol:NAME --style sheet|large-print`
// works from the command line; a programme is a sheet by default, with
// its tick log unless --no-tick-log; a style that does not exist is a
// usage error naming the flag and the styles there are.
func TestRenderStyles(t *testing.T) {
	dir := t.TempDir()
	pages := map[string]int{}
	for _, args := range [][]string{
		{"render", "protocol:neck-pain", "-o", "default.pdf"},
		{"render", "protocol:neck-pain", "--style", "sheet", "-o", "sheet.pdf"},
		{"render", "protocol:neck-pain", "--style", "sheet", "--no-tick-log", "-o", "nolog.pdf"},
		{"render", "protocol:neck-pain", "--style", "large-print", "-o", "large.pdf"},
		{"render", "protocol:neck-pain", "--style", "article", "-o", "article.pdf"},
	} {
		code, stdout, stderr := runCLI(t, dir, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
		var n int
		name := args[len(args)-1]
		if _, err := fmt.Sscanf(strings.TrimPrefix(stdout, "wrote "+name+" ("), "%d pages", &n); err != nil {
			t.Fatalf("%v: %q: %v", args, stdout, err)
		}
		pages[name] = n
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		pdftest.Validate(t, data)
	}
	if pages["default.pdf"] != pages["sheet.pdf"] || pages["nolog.pdf"] != pages["sheet.pdf"]-1 || pages["large.pdf"] <= pages["sheet.pdf"] {
		t.Errorf("pages %v: want the default a sheet, one page less without the log, more in large print", pages)
	}
	code, _, stderr := runCLI(t, dir, "render", "protocol:neck-pain", "--style", "poster")
	if code != exitUsage || !strings.Contains(stderr, `--style: style "poster" does not exist; use article or sheet or large-print`) {
		t.Errorf("--style poster: exit %d, %s", code, stderr)
	}
}
