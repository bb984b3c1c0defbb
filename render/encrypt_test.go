package render

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"handout/internal/golden"
	"handout/internal/pdftest"
	"handout/internal/pdfua"
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
	if msg := permissionProblem(ctx.E.P); msg != "" {
		t.Error(msg)
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

// TestEncryptedPDFUA checks encrypted files, the built-in handout and a
// packet (cover, handouts, tick log) encrypted as render and batch do
// (Encrypter.Encrypt, which Checked.Finisher calls), against PDF/UA with
// their password: no problems, and the same conditions as the plain file
// (so the checker read the whole file); /P with bit 10 (text for
// assistive technology) set and the reserved bits as ISO 32000-1 says
// (26-001, 26-002); and with poppler, where installed (required with
// HANDOUT_POPPLER=1), Tagged: yes and the same structure tree, text and
// all, as the plain file, passing the golden checks (popplerProblems).
func TestEncryptedPDFUA(t *testing.T) {
	// Not parallel: it encrypts (TestEncryptOpensOnlyWithPassword says why).
	conditions := func(ps []pdfua.Problem) []string {
		var out []string
		for _, p := range ps {
			if !slices.Contains(out, p.Condition) {
				out = append(out, p.Condition)
			}
		}
		slices.Sort(out)
		return out
	}
	e := newTestEngine(t)
	enc := NewEncrypter()
	poppler := popplerReady(t)
	for _, gc := range []goldenCase{goldenCases[0], goldenCaseNamed(t, "packet")} {
		j := goldenJob(t, gc)
		plain, _, err := e.Render(j)
		if err != nil {
			t.Fatal(err)
		}
		encrypted, err := enc.Encrypt(plain, encryptTestPWNoSpace, "")
		if err != nil {
			t.Fatal(err)
		}
		got := pdfua.CheckWithPassword(encrypted, encryptTestPWNoSpace)
		for _, p := range got {
			t.Errorf("%s, encrypted: PDF/UA: %s", gc.name, p)
		}
		if want := conditions(pdfua.Check(plain)); !slices.Equal(conditions(got), want) {
			t.Errorf("%s: the encrypted file fails %v, the plain one %v", gc.name, conditions(got), want)
		}
		ctx, err := api.ReadContext(bytes.NewReader(encrypted), pdftest.Conf(encryptTestPWNoSpace))
		if err != nil {
			t.Fatal(err)
		}
		if msg := permissionProblem(ctx.E.P); msg != "" {
			t.Errorf("%s: %s", gc.name, msg)
		}
		if !poppler {
			continue
		}
		dir := t.TempDir()
		plainPath, encPath := filepath.Join(dir, "plain.pdf"), filepath.Join(dir, "encrypted.pdf")
		if err := os.WriteFile(plainPath, plain, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(encPath, encrypted, 0o600); err != nil {
			t.Fatal(err)
		}
		_, plainTree, err := pdfinfoStruct(plainPath, "")
		if err != nil {
			t.Fatal(err)
		}
		info, tree, err := pdfinfoStruct(encPath, encryptTestPWNoSpace)
		if err != nil {
			t.Fatalf("%s, encrypted: %v", gc.name, err)
		}
		if !regexp.MustCompile(`(?m)^Encrypted:\s+yes`).MatchString(info) {
			t.Errorf("%s: pdfinfo does not say the file is encrypted:\n%s", gc.name, info)
		}
		if tree != plainTree {
			t.Errorf("%s: the encrypted file's structure tree is not the plain one's\n%s", gc.name, golden.FirstDiff(plainTree, tree))
		}
		for _, p := range popplerProblems(popplerWanted(j), info, tree) {
			t.Errorf("poppler, %s encrypted: %s", gc.name, p)
		}
	}
}

// permissionProblem says what is wrong with an encrypted file's /P, or
// "": ISO 32000-1 table 22 says bits 1 and 2 shall be 0 and bits 7, 8
// and 13–32 shall be 1; bit 10 lets assistive technology read the text
// (PDF/UA 7.16, Matterhorn 26-002).
func permissionProblem(p int) string {
	if u := uint32(int32(p)); u&0b11 != 0 || u&0b1100_0000 != 0b1100_0000 || u>>12 != 0xFFFFF || u&(1<<9) == 0 {
		return fmt.Sprintf("P = %d (%#08x): reserved bits not as ISO 32000-1 table 22 says, or no access for assistive technology", p, u)
	}
	return ""
}

// goldenCaseNamed is the golden case of that name.
func goldenCaseNamed(t testing.TB, name string) goldenCase {
	t.Helper()
	for _, gc := range goldenCases {
		if gc.name == name {
			return gc
		}
	}
	t.Fatalf("no golden case %q", name)
	return goldenCase{}
}
