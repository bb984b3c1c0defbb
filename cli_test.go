package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// runCLI runs the program in dir and returns its exit code and output.
func runCLI(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code = exitCode(run(args, &out, &errb), &errb)
	return code, out.String(), errb.String()
}

const goodFront = "---\ntitle: Test\n---\n\n"

// TestBadInput checks that each kind of bad input gets exit code 2, one
// line on standard error that names the file (and line where there is
// one), and no output file.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name   string
		files  map[string]string
		args   []string
		output string   // the file that must not appear
		want   []string // in the one-line message
	}{
		{name: "missing file", args: []string{"render", "nope.md"}, output: "nope.pdf", want: []string{"nope.md"}},
		{name: "empty file", files: map[string]string{"h.md": ""}, want: []string{"h.md", "empty"}},
		{name: "bad front matter", files: map[string]string{"h.md": "---\ntitle: [unclosed\n---\n\nText.\n"}, want: []string{"h.md:2"}},
		{name: "missing image", files: map[string]string{"h.md": goodFront + "![A photo](photos/none.jpg)\n"}, want: []string{"h.md:5", "none.jpg"}},
		{name: "not an image", files: map[string]string{"h.md": goodFront + "![A photo](notes.jpg)\n", "notes.jpg": "just some text, not a JPEG"}, want: []string{"h.md:5", "notes.jpg"}},
		{name: "image outside the folder", files: map[string]string{"h.md": goodFront + "![A photo](../secret.png)\n"}, want: []string{"h.md:5", "secret.png"}},
		{name: "unknown callout", files: map[string]string{"h.md": goodFront + "> [!DANGER]\n> Careful.\n"}, want: []string{"h.md:5", "DANGER"}},
		{name: "invalid UTF-8", files: map[string]string{"h.md": goodFront + "Bad \xff byte.\n"}, want: []string{"h.md:5"}},
		{name: "NUL byte", files: map[string]string{"h.md": goodFront + "Bad \x00 byte.\n"}, want: []string{"h.md:5"}},
		{name: "emoji", files: map[string]string{"h.md": goodFront + "Smile \U0001F600\n"}, want: []string{"h.md:5", "U+1F600"}},
		{name: "unknown figure", files: map[string]string{"h.md": goodFront + "![A pose](builtin:handstand)\n"}, want: []string{"h.md:5", "handstand"}},
		{name: "clinic missing phone", files: map[string]string{"h.md": goodFront + "Text.\n", "c.yaml": "name: C\naddress: [1 Main St]\n"},
			args: []string{"render", "h.md", "--clinic", "c.yaml"}, want: []string{"c.yaml", "phone"}},
		{name: "clinic logo unreadable", files: map[string]string{"h.md": goodFront + "Text.\n", "c.yaml": "name: C\naddress: [1 Main St]\nphone: \"1\"\nlogo: logo.png\n", "logo.png": "not a png"},
			args: []string{"render", "h.md", "--clinic", "c.yaml"}, want: []string{"c.yaml", "logo"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tc.files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args, output := tc.args, tc.output
			if args == nil {
				args = []string{"render", "h.md"}
			}
			if output == "" {
				output = "h.pdf"
			}
			code, _, stderr := runCLI(t, dir, args...)
			if code != exitFailed {
				t.Errorf("exit code %d, want %d; stderr: %s", code, exitFailed, stderr)
			}
			if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 {
				t.Errorf("message is %d lines, want one: %q", n+1, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("message %q lacks %q", stderr, w)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, output)); err == nil {
				t.Errorf("%s was written despite the error", output)
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left behind: %v", leftovers)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"render"}, {"render", "a.md", "--bogus"}, {"frobnicate"}, {"render", "a.md", "--paper", "legal"}, {"render", "a.md", "--date", "25/11/2026"}} {
		code, _, stderr := runCLI(t, dir, args...)
		if code != exitUsage {
			t.Errorf("%v: exit code %d, want %d (%s)", args, code, exitUsage, stderr)
		}
	}
	code, stdout, _ := runCLI(t, dir, "render", "--help")
	if code != exitOK || !strings.Contains(stdout, "--patient") {
		t.Errorf("render --help: exit %d, output %q", code, stdout)
	}
}

// TestDefaultCommand runs `handout` with no arguments in an empty folder,
// as a new user would.
func TestDefaultCommand(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "mid-back-pain.pdf") || !strings.Contains(stdout, "pages") {
		t.Errorf("output %q does not give the path and page count", stdout)
	}
	fi, err := os.Stat(filepath.Join(dir, "mid-back-pain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}

// TestPatientNameStaysPrivate renders with a canary name and checks it is
// in no message, not in the file name and not in the PDF's metadata.
func TestPatientNameStaysPrivate(t *testing.T) {
	dir := t.TempDir()
	const canary = "Zebedee Quux"
	code, stdout, stderr := runCLI(t, dir, "render", "builtin:mid-back-pain", "--patient", canary, "--date", "2026-11-25")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout+stderr, canary) {
		t.Errorf("the patient's name is in the program's output")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "Zebedee") {
			t.Errorf("file name %q contains the patient's name", e.Name())
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "mid-back-pain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	// The name is on the pages, and nowhere else in the file: not in its
	// metadata, its structure tree, any other object.
	pdftest.OnlyOnPages(t, data, canary)
	text := strings.Join(pdftest.Text(t, data), " ")
	if !strings.Contains(text, canary) {
		t.Errorf("the patient's name is not printed on the page")
	}
}

// TestRenderToStandardOutput: -o - writes the PDF, and only the PDF, to
// standard output, and no file.
func TestRenderToStandardOutput(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, dir, "render", "builtin:mid-back-pain", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "%PDF-") || !strings.HasSuffix(strings.TrimSpace(stdout), "%%EOF") {
		t.Fatalf("standard output is not a PDF: %.40q", stdout)
	}
	pdftest.Validate(t, []byte(stdout))
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files were written: %v", entries)
	}
}

// TestRenderMaxSizeFlag runs the command with --max-size on the photo
// handout.
func TestRenderMaxSizeFlag(t *testing.T) {
	t.Parallel()
	path := pdftest.SizeHandout(t, 3)
	out := filepath.Join(t.TempDir(), "out.pdf")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"render", path, "-o", out, "--max-size", "70KB"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Size() > 70_000 {
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

// TestRenderWarnsOfSoftPhoto: a photo too small for its place is a warning
// on standard error; the PDF is still made (exit 0).
func TestRenderWarnsOfSoftPhoto(t *testing.T) {
	dir := t.TempDir()
	pdftest.WritePhoto(t, dir, "tiny.jpg", 240, 160, 3)
	if err := os.WriteFile(filepath.Join(dir, "h.md"), []byte("---\ntitle: T\n---\n\n![Tiny](tiny.jpg)\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, dir, "render", "h.md")
	if code != 0 || !strings.HasPrefix(stdout, "wrote h.pdf") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if !strings.Contains(stderr, `handout: warning: h.md:5: photo "tiny.jpg" prints at`) {
		t.Errorf("stderr %q, want the warning", stderr)
	}
}

// TestReportCountsInEnglish: a one-page handout is reported as "1 page",
// not "1 pages".
func TestReportCountsInEnglish(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "h.md"), []byte(goodFront+"One short paragraph.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, dir, "render", "h.md")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote h.pdf (1 page, ") {
		t.Errorf("report %q, want it to start %q", stdout, "wrote h.pdf (1 page, ")
	}
}

func TestCountNoun(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 pages"}, {1, "1 page"}, {2, "2 pages"}, {7, "7 pages"}} {
		if got := countNoun(tc.n, "page"); got != tc.want {
			t.Errorf("countNoun(%d, page) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestPatientFlagChecked: a --patient that is not UTF-8 (a terminal set to
// another encoding) or too long for the header is a usage error that says
// so and names the flag, without repeating the name.
func TestPatientFlagChecked(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ patient, want string }{
		{"Ana D\xedaz", "--patient is not valid UTF-8 text"},
		{strings.Repeat("Ana ", 30), "--patient is 120 characters long; at most 100 are allowed"},
	} {
		code, _, stderr := runCLI(t, dir, "render", "builtin:mid-back-pain", "--patient", tt.patient, "-o", "x.pdf")
		if code != exitUsage || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "Ana") {
			t.Errorf("exit %d, stderr %q; want %d and %q, without the name", code, stderr, exitUsage, tt.want)
		}
	}
}

// TestBareNameMeansBuiltin: `handout render mid-back-pain` and a batch row
// naming mid-back-pain both mean the built-in handout, as builtin:NAME
// does; a bare name that is no built-in handout but a file gets the advice
// to write ./NAME, on the command line and in a list alike.
func TestBareNameMeansBuiltin(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, spec := range []string{"mid-back-pain", "builtin:mid-back-pain"} {
		if code, stderr := runPromptly(t, "render", spec, "-o", spec+".pdf"); code != exitOK {
			t.Fatalf("render %s: exit %d:\n%s", spec, code, stderr)
		}
	}
	bare, _ := os.ReadFile("mid-back-pain.pdf")
	prefixed, _ := os.ReadFile("builtin:mid-back-pain.pdf")
	if !bytes.Equal(bare, prefixed) {
		t.Error("render mid-back-pain and render builtin:mid-back-pain differ")
	}
	// Without -o, the PDF is named after the built-in handout.
	if err := os.Remove("mid-back-pain.pdf"); err != nil {
		t.Fatal(err)
	}
	if code, stderr := runPromptly(t, "render", "mid-back-pain"); code != exitOK {
		t.Fatalf("render mid-back-pain: exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat("mid-back-pain.pdf"); err != nil {
		t.Errorf("render mid-back-pain without -o: %v", err)
	}

	// One batch per spelling, the rows otherwise alike: the same inputs,
	// the same packet.
	var rows []map[string]pdftest.ManifestRow
	for i, spec := range []string{"mid-back-pain", "builtin:mid-back-pain"} {
		sub := filepath.Join(dir, strconv.Itoa(i))
		if err := os.Mkdir(sub, 0o700); err != nil {
			t.Fatal(err)
		}
		p := pdftest.Patients(1)
		p[0].Handouts = spec
		list := pdftest.WriteList(t, sub, p)
		if code, stderr := batchCLI(t, list, "--out-dir", filepath.Join(sub, "out")); code != exitOK {
			t.Fatalf("batch with %s: exit %d:\n%s", spec, code, stderr)
		}
		rows = append(rows, pdftest.CheckManifest(t, filepath.Join(sub, "out"), "manifest.json", []string{p[0].ID}))
	}
	if a, b := rows[0]["P0001"], rows[1]["P0001"]; a.Inputs != b.Inputs || a.PDF != b.PDF {
		t.Errorf("a row of mid-back-pain and one of builtin:mid-back-pain differ: %+v, %+v", a, b)
	}

	writeFile(t, filepath.Join(dir, "shoulder"), goodFront+"## Rest\n\nRest.\n")
	code, stderr := runPromptly(t, "render", "shoulder", "-o", "s.pdf")
	if code != exitFailed || !strings.Contains(stderr, "write ./shoulder") {
		t.Errorf("render shoulder (a file, no built-in): exit %d:\n%s", code, stderr)
	}
	if code, stderr := runPromptly(t, "render", "./shoulder", "-o", "s.pdf"); code != exitOK {
		t.Errorf("render ./shoulder: exit %d:\n%s", code, stderr)
	}
	p := pdftest.Patients(1)
	p[0].Handouts = "shoulder"
	list := pdftest.WriteList(t, dir, p)
	code, stderr = batchCLI(t, list, "--out-dir", filepath.Join(dir, "out"))
	if code != exitFailed || !strings.Contains(stderr, "write ./shoulder") {
		t.Errorf("a list row naming shoulder: exit %d:\n%s", code, stderr)
	}
}

// TestSettingsMistakesAgree: a wrong setting is the same usage error from
// render and from batch, since both ask render.Settings.Check.
func TestSettingsMistakesAgree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := pdftest.WriteList(t, dir, pdftest.Patients(1))
	for _, flag := range [][]string{{"--preset", "web"}, {"--paper", "a5"}, {"--max-size", "2 parsecs"}} {
		rcode, rerr := runPromptly(t, append([]string{"render", "mid-back-pain", "-o", filepath.Join(dir, "x.pdf")}, flag...)...)
		bcode, berr := batchCLI(t, append([]string{list, "--out-dir", filepath.Join(dir, "out")}, flag...)...)
		if rcode != exitUsage || bcode != exitUsage || rerr != berr || !strings.Contains(rerr, flag[0]+": ") {
			t.Errorf("%s: render exit %d, batch exit %d:\n%s%s", flag, rcode, bcode, rerr, berr)
		}
	}
}
