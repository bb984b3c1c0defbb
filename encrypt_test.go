package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// encryptTestPW has a space and a non-ASCII letter, as real passphrases
// do. pdfcpu's reader refuses spaces in passwords (it prepares them with
// the PRECIS identifier profile, which has none), so the pdfcpu checks use
// encryptTestPWNoSpace; qpdf and the command-line tests use both.
const (
	encryptTestPW        = "blue Ölfass 42"
	encryptTestPWNoSpace = "blue-Ölfass-42"
)

// encryptTestPDF renders a built-in handout and encrypts it with pw.
func encryptTestPDF(t *testing.T, pw string) (plain, enc []byte) {
	t.Helper()
	j, closeDir, err := loadJob(renderOptions{source: "builtin:mid-back-pain"})
	if err != nil {
		t.Fatal(err)
	}
	defer closeDir()
	plain, _, err = newTestEngine(t).render(j)
	if err != nil {
		t.Fatal(err)
	}
	enc, err = newEncrypter().encryptPDF(plain, pw, "")
	if err != nil {
		t.Fatal(err)
	}
	return plain, enc
}

// pdfcpuConf is a configuration to open a PDF with the given user password.
func pdfcpuConf(user string) *model.Configuration {
	conf := model.NewDefaultConfiguration()
	conf.UserPW = user
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// TestEncryptOpensOnlyWithPassword checks with pdfcpu that the file opens
// with the password, not without or with another, and that it is AES-256,
// revision 6, print allowed.
func TestEncryptOpensOnlyWithPassword(t *testing.T) {
	plain, enc := encryptTestPDF(t, encryptTestPWNoSpace)
	if !bytes.HasPrefix(enc, []byte("%PDF-2.0")) {
		t.Errorf("header %q, want %%PDF-2.0 (revision 6 needs it)", enc[:8])
	}
	if err := api.Validate(bytes.NewReader(enc), pdfcpuConf(encryptTestPWNoSpace)); err != nil {
		t.Fatalf("with the password: %v", err)
	}
	for _, pw := range []string{"", "blue-ölfass-42", encryptTestPW, "wrong"} {
		if _, err := api.ReadContext(bytes.NewReader(enc), pdfcpuConf(pw)); err == nil {
			t.Errorf("opened with password %q", pw)
		}
		if err := api.Validate(bytes.NewReader(enc), pdfcpuConf(pw)); err == nil {
			t.Errorf("validated with password %q", pw)
		}
	}
	ctx, err := api.ReadContext(bytes.NewReader(enc), pdfcpuConf(encryptTestPWNoSpace))
	if err != nil {
		t.Fatal(err)
	}
	if ctx.E == nil || ctx.E.R != 6 || !ctx.AES4Strings || !ctx.AES4Streams {
		t.Errorf("encryption %+v, want AES revision 6", ctx.E)
	}
	if p := model.PermissionFlags(ctx.E.P); p&model.PermissionPrintRev3 == 0 || p&model.PermissionModify != 0 || p&model.PermissionExtract != 0 {
		t.Errorf("permissions %#x: want print, not modify or copy", ctx.E.P)
	}
	// Neither the password nor the plain text leaks into the file.
	if bytes.Contains(enc, []byte(encryptTestPWNoSpace)) || bytes.Contains(enc, utf16be("Drummond")) {
		t.Error("encrypted file contains the password or plain text")
	}
	// Not byte-stable, as documented: goldens are of the plain bytes.
	_, enc2 := encryptTestPDF(t, encryptTestPWNoSpace)
	if bytes.Equal(enc, enc2) {
		t.Log("two encryptions came out identical; README says they differ")
	}
	if !bytes.Contains(plain, utf16be("Drummond")) {
		t.Error("test is broken: the plain PDF does not name the clinic")
	}
}

// TestEncryptQpdf checks the encrypted file with qpdf, the reference
// implementation CI uses: it opens and checks clean with the password,
// qpdf reports AES-256 revision 6, and it refuses the file without.
func TestEncryptQpdf(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("qpdf is missing; .ci/run installs it")
		}
		t.Skip("qpdf is not installed")
	}
	_, enc := encryptTestPDF(t, encryptTestPW)
	path := filepath.Join(t.TempDir(), "enc.pdf")
	if err := os.WriteFile(path, enc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--check", "--password="+encryptTestPW, path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check with the password: %v\n%s", err, out)
	}
	out, err = exec.Command("qpdf", "--show-encryption", "--password="+encryptTestPW, path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --show-encryption: %v\n%s", err, out)
	}
	for _, want := range []string{"R = 6", "print high resolution: allowed", "stream encryption method: AESv3", "file encryption method: AESv3", "modify anything: not allowed"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("qpdf --show-encryption does not report %q:\n%s", want, out)
		}
	}
	out, err = exec.Command("qpdf", "--check", path).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "invalid password") {
		t.Errorf("qpdf --check without the password: %v\n%s", err, out)
	}
}

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
		{"empty file", write("d", ""), noEnv, "", ErrPasswordEmpty},
		{"empty first line", write("e", "\nsecret\n"), noEnv, "", ErrPasswordEmpty},
		{"too long", write("f", strings.Repeat("x", 128)), noEnv, "", ErrPasswordTooLong},
		{"control character", write("g", "tab\there"), noEnv, "", ErrPasswordInvalid},
		{"ligature", write("h", "\ufb01sh"), noEnv, "", ErrPasswordForm},
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
		if _, err := api.ReadContext(bytes.NewReader(b), pdfcpuConf("")); err == nil {
			t.Errorf("%s opens without a password", filepath.Base(p))
		}
		if err := api.Validate(bytes.NewReader(b), pdfcpuConf(encryptTestPWNoSpace)); err != nil {
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

func TestScrubPasswords(t *testing.T) {
	err := scrubPasswords(errors.New("bad pw hunter2 here"), "hunter2", "")
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("not scrubbed: %v", err)
	}
	orig := errors.New("nothing secret")
	if scrubPasswords(orig, "hunter2") != orig {
		t.Error("an error without the password was replaced")
	}
}
