package main

import (
	"bytes"
	"errors"
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

func TestPasswordSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noEnv := func(string) string { return "" }
	env := func(k string) string {
		if k == passwordEnv {
			return "from env"
		}
		return ""
	}
	for _, c := range []struct {
		name, file string
		getenv     func(string) string
		want       string
		err        error
	}{
		{"first line, LF", write("a", "secret one\nsecond line\n"), noEnv, "secret one", nil},
		{"CRLF", write("b", "secret two\r\n"), noEnv, "secret two", nil},
		{"no newline", write("c", "secret three"), env, "secret three", nil},
		{"empty file", write("d", ""), noEnv, "", render.ErrPasswordEmpty},
		{"empty first line", write("e", "\nsecret\n"), noEnv, "", render.ErrPasswordEmpty},
		{"too long", write("f", strings.Repeat("x", 128)), noEnv, "", render.ErrPasswordTooLong},
		{"control character", write("g", "tab\there"), noEnv, "", render.ErrPasswordInvalid},
		{"ligature", write("h", "\ufb01sh"), noEnv, "", render.ErrPasswordForm},
		{"trailing space", write("i", "secret four \n"), noEnv, "", render.ErrPasswordSpace},
		{"leading space", write("j", " secret five\r\n"), noEnv, "", render.ErrPasswordSpace},
		{"trailing no-break space", write("k", "secret six\u00a0"), noEnv, "", render.ErrPasswordSpace},
		{"environment with a trailing space", "", func(string) string { return "secret seven " }, "", render.ErrPasswordSpace},
		{"environment", "", env, "from env", nil},
		{"none", "", noEnv, "", nil},
	} {
		got, err := renderPassword(c.file, c.getenv)
		if got != c.want || !errors.Is(err, c.err) {
			t.Errorf("%s: got %q, %v; want %q, %v", c.name, got, err, c.want, c.err)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: error %q quotes the file's content", c.name, err)
		}
	}
}

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
	t.Setenv(passwordEnv, encryptTestPWNoSpace)
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
