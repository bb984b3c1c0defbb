package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"handout/internal/pdftest"
	"handout/render"
)

// encryptTestPWNoSpace is a password pdfcpu's reader accepts: it refuses
// spaces (it prepares passwords with the PRECIS identifier profile, which
// has none).
const encryptTestPWNoSpace = "blue-Ölfass-42"

// TestRenderPasswordNeverShown renders with --password-file and with
// $HANDOUT_PASSWORD and checks that the password is in no output, file
// name or error, and that the file is encrypted.
func TestRenderPasswordNeverShown(t *testing.T) {
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "pw.txt")
	if err := os.WriteFile(pwFile, []byte(encryptTestPWNoSpace+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.pdf")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"render", "builtin:mid-back-pain", "-o", out, "--password-file", pwFile}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	t.Setenv(render.PasswordEnv, encryptTestPWNoSpace)
	out2 := filepath.Join(dir, "out2.pdf")
	if err := run([]string{"render", "builtin:mid-back-pain", "-o", out2}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	// A failure after the password is known (an unknown handout).
	err := run([]string{"render", "builtin:no-such-handout", "-o", filepath.Join(dir, "x.pdf")}, &stdout, &stderr)
	if err == nil {
		t.Fatal("an unknown handout rendered")
	}
	all := stdout.String() + stderr.String() + err.Error()
	if strings.Contains(all, encryptTestPWNoSpace) {
		t.Errorf("the password was printed:\n%s", all)
	}
	for _, p := range []string{out, out2} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := api.ReadContext(bytes.NewReader(b), pdftest.Conf("")); err == nil {
			t.Errorf("%s opens without a password", filepath.Base(p))
		}
		if err := api.Validate(bytes.NewReader(b), pdftest.Conf(encryptTestPWNoSpace)); err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "Ölfass") {
			t.Errorf("file name %q contains the password", e.Name())
		}
	}
}
