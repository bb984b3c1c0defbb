package render

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/validate"
	"golang.org/x/text/unicode/norm"
)

// maxPasswordBytes is the longest password AES-256 PDF encryption (revisions
// 5 and 6) uses: longer ones are cut to 127 bytes by the standard, so a
// reader could accept a different password than the one the clinic chose.
const maxPasswordBytes = 127

// Errors an encryption can fail with; none of them quotes a password.
var (
	ErrPasswordEmpty   = errors.New("password is empty")
	ErrPasswordTooLong = errors.New("password is longer than 127 bytes (the limit of AES-256 PDF encryption)")
	ErrPasswordInvalid = errors.New("password is not valid UTF-8 or contains control characters")
	ErrPasswordForm    = errors.New("password contains compatibility characters (ligatures, full-width or superscript forms) that PDF readers normalise; type it with ordinary letters and digits")
	// ErrPasswordSpace is a password that starts or ends with a space. A
	// patient types the password they are given and cannot see a space at
	// its end, so a PDF encrypted with it would not open for them; it is
	// refused rather than trimmed, because trimming would make a PDF whose
	// password differs from what the file, variable or list says.
	ErrPasswordSpace = errors.New("the password starts or ends with a space, which a patient would not know to type; remove the space")
)

// Encrypter encrypts finished PDFs with AES-256 (pdfcpu's standard security
// handler, revision 6: see Encrypt). Make one per process, before any
// worker starts: pdfcpu keeps its "no configuration folder" switch in a
// package variable that its configuration constructor reads unguarded, so
// setting it once, up front, is the only race-free way to use it. Safe for
// concurrent use afterwards.
type Encrypter struct {
	base model.Configuration // AES-256, print allowed; copied per document
}

// NewEncrypter returns an encrypter. It stops pdfcpu from creating its
// configuration folder in the user's home directory: handout runs on
// clinic machines and must leave nothing behind but the PDFs it was asked
// for. (This is what pdfcpu's api.DisableConfigDir does; see encrypt for
// why that package is not used.)
func NewEncrypter() *Encrypter {
	model.ConfigPath = "disable"
	c := model.NewAESConfiguration("", "", 256)
	// Patients may print their handout, and screen readers may read it
	// out; copying, editing and annotating are not needed and stay off.
	// pdfcpu's PermissionsNone sets bits 1 and 2, which ISO 32000-1
	// (table 22) says shall be 0 (P came out -1337); they are cleared.
	c.Permissions = (model.PermissionsPrint + model.PermissionExtractRev3) &^ (model.UnusedFlag1 | model.UnusedFlag2)
	return &Encrypter{base: *c}
}

// Encrypt returns pdf encrypted with AES-256 so that it opens only with
// user. owner is the permissions password; "" means a random one that is
// thrown away (nobody can lift the print-only restriction, and no second
// secret has to be kept). The result is not byte-stable: the file
// identifier and every stream's IV are random.
//
// pdfcpu writes revision 5 (the deprecated Adobe extension, whose password
// check is a single SHA-256) for PDF 1.x input and revision 6 (ISO
// 32000-2, with the iterated hash that makes guessing passwords costly)
// only for PDF 2.0 input. fpdf writes PDF 1.x, so the document is marked
// PDF 2.0 before it is written: nothing else in fpdf's output conflicts
// with 2.0, and every reader that can open AES-256 at all (Acrobat X and
// later, pdf.js, PDFium, poppler, mupdf, Preview, qpdf) reads revision 6.
func (e *Encrypter) Encrypt(pdf []byte, user, owner string) ([]byte, error) {
	if err := CheckPassword(user); err != nil {
		return nil, fmt.Errorf("encrypting: %w", err)
	}
	if owner == "" {
		owner = randomPassword()
	} else if err := CheckPassword(owner); err != nil {
		return nil, fmt.Errorf("encrypting: owner %w", err)
	}
	conf := e.base
	conf.UserPW, conf.OwnerPW = user, owner
	conf.Cmd = model.ENCRYPT
	out, err := encrypt(pdf, &conf)
	if err != nil {
		return nil, fmt.Errorf("encrypting: %w", scrubPasswords(err, user, owner))
	}
	return out, nil
}

// encrypt reads, validates and optimises pdf and writes it again as
// PDF 2.0 with the encryption conf asks for. It is what pdfcpu's
// api.ReadValidateAndOptimize and api.WriteContext do for the encrypt
// command, called one level down: package api imports pdfcpu's form
// filling, which links github.com/mattn/go-runewidth, whose package
// initialisation builds its width tables (about 40 ms) in every process
// that links it, whether or not anything is encrypted.
func encrypt(pdf []byte, conf *model.Configuration) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil { // pdfcpu has panics on malformed input
			err = fmt.Errorf("pdfcpu: %v", r)
		}
	}()
	ctx, err := pdfcpu.Read(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("reading the PDF: %w", err)
	}
	if err := validate.XRefTable(ctx); err != nil {
		return nil, fmt.Errorf("reading the PDF: %w", err)
	}
	if err := pdfcpu.OptimizeXRefTable(ctx); err != nil {
		return nil, fmt.Errorf("reading the PDF: %w", err)
	}
	v20 := model.V20
	ctx.HeaderVersion = &v20
	ctx.RootVersion = nil
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	ctx.Write.Writer = w
	if err := pdfcpu.WriteContext(ctx); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// scrubPasswords returns err with any occurrence of the passwords replaced:
// a library's error text is not ours to trust with a secret.
func scrubPasswords(err error, pws ...string) error {
	msg := err.Error()
	clean := msg
	for _, pw := range pws {
		if pw != "" {
			clean = strings.ReplaceAll(clean, pw, "***")
		}
	}
	if clean == msg {
		return err
	}
	return errors.New(clean)
}

// randomPassword returns 26 random base32 characters (128 bits) for an
// owner password nobody needs to know.
func randomPassword() string {
	return rand.Text()
}

// CheckPassword reports why pw cannot be used, without quoting it.
func CheckPassword(pw string) error {
	switch {
	case pw == "":
		return ErrPasswordEmpty
	case strings.TrimFunc(pw, unicode.IsSpace) != pw:
		return ErrPasswordSpace
	case len(pw) > maxPasswordBytes:
		return ErrPasswordTooLong
	case !utf8.ValidString(pw) || strings.ContainsFunc(pw, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return ErrPasswordInvalid
	case !norm.NFKC.IsNormalString(pw):
		// Readers prepare a typed password with SASLprep (NFKC) before
		// hashing it; pdfcpu hashes the bytes as given. Refusing what
		// NFKC would change keeps the two the same.
		return ErrPasswordForm
	}
	return nil
}
