package main

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/internal/pdftest"
)

// runPromptly runs the program with args and returns its exit code and
// standard error, failing the test if it hangs (pdftest.Promptly).
func runPromptly(t *testing.T, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		stderr string
	}
	r := pdftest.Promptly(t, func() result {
		var out, errb bytes.Buffer
		code := exitCode(run(args, &out, &errb), &errb)
		return result{code, errb.String()}
	})
	return r.code, r.stderr
}

// writeTestPNG writes a small opaque PNG to path.
func writeTestPNG(t *testing.T, path string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = []uint8{30, 90, 100, 255}[i%4]
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, b.String())
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

const testClinic = "name: C\naddress: [1 Main St]\nphone: \"1\"\nlogo: logo.png\n"

// TestLogoIsConfined: the clinic's logo is read like a photo, inside the
// profile's folder, as a regular file of bounded size.
func TestLogoIsConfined(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	cases := []struct {
		name  string
		plant func(t *testing.T, dir, outside string) // makes dir/clinic/logo.png
		want  []string
	}{
		{"symlink to a secret", func(t *testing.T, dir, outside string) {
			writeFile(t, filepath.Join(outside, "shadow"), "root:$6$secret:19000:0:99999:7:::\n")
			if err := os.Symlink(filepath.Join(outside, "shadow"), filepath.Join(dir, "logo.png")); err != nil {
				t.Fatal(err)
			}
		}, []string{"logo.png", "outside"}},
		{"symlink to a picture outside", func(t *testing.T, dir, outside string) {
			writeTestPNG(t, filepath.Join(outside, "other.png"))
			if err := os.Symlink(filepath.Join(outside, "other.png"), filepath.Join(dir, "logo.png")); err != nil {
				t.Fatal(err)
			}
		}, []string{"logo.png", "outside"}},
		{"named pipe", func(t *testing.T, dir, _ string) { pdftest.Mkfifo(t, filepath.Join(dir, "logo.png")) },
			[]string{"logo.png", "not a regular file"}},
		{"device", func(t *testing.T, dir, _ string) {
			if err := os.Symlink("/dev/zero", filepath.Join(dir, "logo.png")); err != nil {
				t.Fatal(err)
			}
		}, []string{"logo.png"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			base := t.TempDir()
			dir, outside := filepath.Join(base, "clinic"), filepath.Join(base, "elsewhere")
			writeFile(t, filepath.Join(dir, "clinic.yaml"), testClinic)
			writeFile(t, filepath.Join(outside, "keep"), "")
			writeFile(t, filepath.Join(base, "h.md"), goodFront+"Text.\n")
			tc.plant(t, dir, outside)
			code, stderr := runPromptly(t, "render", filepath.Join(base, "h.md"), "--clinic", filepath.Join(dir, "clinic.yaml"), "-o", filepath.Join(base, "out.pdf"))
			if code != exitFailed {
				t.Fatalf("exit %d, want %d:\n%s", code, exitFailed, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if strings.Contains(stderr, "$6$") {
				t.Errorf("stderr quotes the file:\n%s", stderr)
			}
			if _, err := os.Stat(filepath.Join(base, "out.pdf")); err == nil {
				t.Error("a PDF was written")
			}
		})
	}
}

// TestInputsAreRegularFiles: every input named on the command line must be
// a regular file of bounded size; a device or a named pipe is refused at
// once with a message naming it.
func TestInputsAreRegularFiles(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	h := filepath.Join(dir, "h.md")
	writeFile(t, h, goodFront+"Text.\n")
	fifo := filepath.Join(dir, "pipe")
	pdftest.Mkfifo(t, fifo)
	big := filepath.Join(dir, "big.yaml")
	writeFile(t, big, "name: C\n# "+strings.Repeat("x", 2_000_000)+"\naddress: [1 Main St]\nphone: \"1\"\n")
	out := filepath.Join(dir, "out.pdf")
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"render /dev/zero", []string{"render", "/dev/zero", "-o", out}, []string{"/dev/zero", "not a regular file"}},
		{"render a pipe", []string{"render", fifo, "-o", out}, []string{fifo, "not a regular file"}},
		{"--clinic /dev/zero", []string{"render", h, "--clinic", "/dev/zero", "-o", out}, []string{"/dev/zero", "not a regular file"}},
		{"--clinic a pipe", []string{"render", h, "--clinic", fifo, "-o", out}, []string{fifo, "not a regular file"}},
		{"--clinic too large", []string{"render", h, "--clinic", big, "-o", out}, []string{big, "2.0 MB", "1 MB"}},
		{"--password-file a pipe", []string{"render", h, "--password-file", fifo, "-o", out}, []string{fifo, "not a regular file"}},
		{"--password-file /dev/zero", []string{"render", h, "--password-file", "/dev/zero", "-o", out}, []string{"/dev/zero", "not a regular file"}},
		{"batch /dev/zero", []string{"batch", "/dev/zero", "--out-dir", filepath.Join(dir, "packets")}, []string{"/dev/zero", "not a regular file"}},
		{"batch a pipe", []string{"batch", fifo, "--out-dir", filepath.Join(dir, "packets")}, []string{fifo, "not a regular file"}},
		{"batch --clinic a pipe", []string{"batch", pdftest.WriteList(t, dir, pdftest.Patients(1)), "--clinic", fifo, "--out-dir", filepath.Join(dir, "packets")}, []string{fifo, "not a regular file"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stderr := runPromptly(t, tc.args...)
			if code != exitFailed && code != exitUsage {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a PDF was written")
			}
		})
	}
}

// TestListHandoutsStayInTheListsFolder: a handout named in a list is read
// from the list's folder or below it, like a photo from a handout's.
func TestListHandoutsStayInTheListsFolder(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "lists")
	writeFile(t, filepath.Join(base, "secret.md"), goodFront+"## Private\n\nroot:$6$secret\n")
	writeFile(t, filepath.Join(dir, "ok", "neck.md"), goodFront+"## Neck\n\n1. Sit tall.\n")
	if err := os.Symlink(filepath.Join(base, "secret.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	rows := pdftest.Patients(4)
	rows[0].Handouts = "../secret.md"
	rows[1].Handouts = "link.md"
	rows[2].Handouts = filepath.Join(base, "secret.md")
	rows[3].Handouts = "ok/neck.md"
	for i := range rows {
		rows[i].Doses = ""
	}
	list := pdftest.WriteList(t, dir, rows)
	code, stderr := runPromptly(t, "batch", list, "--out-dir", filepath.Join(base, "out"))
	if code != exitPartial {
		t.Fatalf("exit %d, want %d:\n%s", code, exitPartial, stderr)
	}
	for _, want := range []string{"(id P0001): handout ../secret.md: leaves the folder", "(id P0002): handout link.md: leads outside the folder", "(id P0003): handout " + filepath.Join(base, "secret.md") + ": is an absolute path", "4 rows: 1 written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "secret\n") || strings.Contains(stderr, "Private") {
		t.Errorf("stderr quotes the file outside:\n%s", stderr)
	}
}

// TestOutputMustBeARegularFile: -o naming a named pipe (or a device) is
// refused and the pipe is left as it was, not replaced by a file.
func TestOutputMustBeARegularFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.pdf")
	pdftest.Mkfifo(t, fifo)
	for _, args := range [][]string{
		{"render", "builtin:mid-back-pain", "-o", fifo},
		{"figure", "wheel-pose", "-o", fifo},
	} {
		code, stderr := runPromptly(t, args...)
		if code != exitFailed || !strings.Contains(stderr, fifo) || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("%s: exit %d:\n%s", args[0], code, stderr)
		}
		fi, err := os.Lstat(fifo)
		if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Fatalf("%s: the pipe is gone: %v %v", args[0], fi.Mode(), err)
		}
	}
}

// TestRenderFromStandardInput: "render -" reads the handout from standard
// input, capped like a file, with photos relative to the current folder.
func TestRenderFromStandardInput(t *testing.T) {
	dir := t.TempDir()
	writeTestPNG(t, filepath.Join(dir, "photos", "cat.png"))
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	o := renderOptions{source: "-", out: "out.pdf",
		stdin: strings.NewReader(goodFront + "## Cat\n\n![Cat](photos/cat.png)\n")}
	if err := renderTo(&stdout, &stdout, &stderr, o); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile("out.pdf"); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("out.pdf: %v", err)
	}
	// Errors name standard input and the line.
	o.stdin = strings.NewReader(goodFront + "<b>bold</b>\n")
	err := renderTo(&stdout, &stdout, &stderr, o)
	if err == nil || !strings.Contains(err.Error(), "<stdin>:5") {
		t.Errorf("err = %v, want one naming <stdin>:5", err)
	}
	// Capped: more than the handout limit is refused, not read to the end.
	o.stdin = &endless{}
	err = renderTo(&stdout, &stdout, &stderr, o)
	if err == nil || !strings.Contains(err.Error(), "more than the") {
		t.Errorf("err = %v, want the size limit", err)
	}
	// Without -o the output would be named "-.pdf": a usage error.
	code, stderrText := runPromptly(t, "render", "-")
	if code != exitUsage || !strings.Contains(stderrText, "-o") {
		t.Errorf("render - without -o: exit %d:\n%s", code, stderrText)
	}
}

// endless is a reader that never ends, like /dev/zero on a pipe.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	if e.n > 1<<30 {
		return 0, errors.New("endless: read a gigabyte; the cap did not stop it")
	}
	for i := range p {
		p[i] = 'x'
	}
	e.n += int64(len(p))
	return len(p), nil
}

// TestPictureFormatByContent: a photo or logo is recognised by its
// content, not its name: a PNG saved as ".gif" renders; a real GIF is
// refused by what it is.
func TestPictureFormatByContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTestPNG(t, filepath.Join(dir, "photo.gif"))
	writeTestPNG(t, filepath.Join(dir, "logo.gif"))
	writeFile(t, filepath.Join(dir, "real.gif"), "GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	writeFile(t, filepath.Join(dir, "c.yaml"), strings.Replace(testClinic, "logo.png", "logo.gif", 1))
	writeFile(t, filepath.Join(dir, "h.md"), goodFront+"## A\n\n![A photo](photo.gif)\n")
	writeFile(t, filepath.Join(dir, "g.md"), goodFront+"## A\n\n![A photo](real.gif)\n")
	code, stderr := runPromptly(t, "render", filepath.Join(dir, "h.md"), "--clinic", filepath.Join(dir, "c.yaml"), "-o", filepath.Join(dir, "h.pdf"))
	if code != exitOK {
		t.Errorf("a PNG named .gif: exit %d:\n%s", code, stderr)
	}
	code, stderr = runPromptly(t, "render", filepath.Join(dir, "g.md"), "-o", filepath.Join(dir, "g.pdf"))
	if code != exitFailed || !strings.Contains(stderr, "g.md:7") || !strings.Contains(stderr, "is a GIF image") {
		t.Errorf("a real GIF: exit %d:\n%s", code, stderr)
	}
}
