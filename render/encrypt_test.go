package render

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

	"handout/internal/pdftest"
)

// encryptTestPW has a space and a non-ASCII letter, as real passphrases
// do. pdfcpu's reader refuses spaces in passwords (it prepares them with
// the PRECIS identifier profile, which has none), so the pdfcpu checks use
// encryptTestPWNoSpace and the qpdf check the one with the space.
const (
	encryptTestPW        = "blue Ölfass 42"
	encryptTestPWNoSpace = "blue-Ölfass-42"
)

// encryptTestPDF renders a built-in handout and encrypts it with pw.
func encryptTestPDF(t *testing.T, pw string) (plain, enc []byte) {
	t.Helper()
	plain, _, err := newTestEngine(t).Render(testJob(t, "builtin:mid-back-pain"))
	if err != nil {
		t.Fatal(err)
	}
	enc, err = NewEncrypter().Encrypt(plain, pw, "")
	if err != nil {
		t.Fatal(err)
	}
	return plain, enc
}

// TestEncryptOpensOnlyWithPassword checks with pdfcpu that the file opens
// with the password, not without or with another, and that it is AES-256,
// revision 6, print allowed.
func TestEncryptOpensOnlyWithPassword(t *testing.T) {
	// Not parallel: it encrypts, and render.NewEncrypter sets pdfcpu's
	// configuration switch, which parallel tests read (pdftest.Conf).
	plain, enc := encryptTestPDF(t, encryptTestPWNoSpace)
	if !bytes.HasPrefix(enc, []byte("%PDF-2.0")) {
		t.Errorf("header %q, want %%PDF-2.0 (revision 6 needs it)", enc[:8])
	}
	if err := api.Validate(bytes.NewReader(enc), pdftest.Conf(encryptTestPWNoSpace)); err != nil {
		t.Fatalf("with the password: %v", err)
	}
	for _, pw := range []string{"", "blue-ölfass-42", encryptTestPW, "wrong"} {
		if _, err := api.ReadContext(bytes.NewReader(enc), pdftest.Conf(pw)); err == nil {
			t.Errorf("opened with password %q", pw)
		}
		if err := api.Validate(bytes.NewReader(enc), pdftest.Conf(pw)); err == nil {
			t.Errorf("validated with password %q", pw)
		}
	}
	ctx, err := api.ReadContext(bytes.NewReader(enc), pdftest.Conf(encryptTestPWNoSpace))
	if err != nil {
		t.Fatal(err)
	}
	if ctx.E == nil || ctx.E.R != 6 || !ctx.AES4Strings || !ctx.AES4Streams {
		t.Errorf("encryption %+v, want AES revision 6", ctx.E)
	}
	if p := model.PermissionFlags(ctx.E.P); p&model.PermissionPrintRev3 == 0 || p&model.PermissionModify != 0 || p&model.PermissionExtract != 0 {
		t.Errorf("permissions %#x: want print, not modify or copy", ctx.E.P)
	}
	// ISO 32000-1 table 22: bits 1 and 2 shall be 0, bits 7, 8 and 13–32
	// shall be 1; bit 10 lets assistive technology read the text.
	if p := uint32(int32(ctx.E.P)); p&0b11 != 0 || p&0b1100_0000 != 0b1100_0000 || p>>12 != 0xFFFFF || p&(1<<9) == 0 {
		t.Errorf("P = %d (%#08x): reserved bits not as ISO 32000-1 table 22 says, or no access for assistive technology", ctx.E.P, p)
	}
	// Neither the password nor the plain text leaks into the file.
	if bytes.Contains(enc, []byte(encryptTestPWNoSpace)) || bytes.Contains(enc, pdftest.UTF16BE("Drummond")) {
		t.Error("encrypted file contains the password or plain text")
	}
	// Not byte-stable, as documented: goldens are of the plain bytes.
	_, enc2 := encryptTestPDF(t, encryptTestPWNoSpace)
	if bytes.Equal(enc, enc2) {
		t.Log("two encryptions came out identical; README says they differ")
	}
	if !bytes.Contains(plain, pdftest.UTF16BE("Drummond")) {
		t.Error("test is broken: the plain PDF does not name the clinic")
	}
}

// TestEncryptQpdf checks the encrypted file with qpdf, the reference
// implementation CI uses: it opens and checks clean with the password,
// qpdf reports AES-256 revision 6, and it refuses the file without.
func TestEncryptQpdf(t *testing.T) {
	// Not parallel: it encrypts, and render.NewEncrypter sets pdfcpu's
	// configuration switch, which parallel tests read (pdftest.Conf).
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

func TestScrubPasswords(t *testing.T) {
	t.Parallel()
	err := scrubPasswords(errors.New("bad pw hunter2 here"), "hunter2", "")
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("not scrubbed: %v", err)
	}
	orig := errors.New("nothing secret")
	if scrubPasswords(orig, "hunter2") != orig {
		t.Error("an error without the password was replaced")
	}
}
