package batch_test

import (
	"bytes"
	"fmt"
	netmail "net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"handout/batch"
	"handout/internal/pdftest"
	"handout/mail"
	"handout/mail/mailtest"
	"handout/render"
)

// TestBatchSend runs a batch with --send, --password-column and
// --max-size against the loopback server: the packets are encrypted, one
// address is refused and reported by row, the others get their packet
// byte for byte, the manifest records what was sent, and running again
// (with or without --resume) sends nothing twice. No address, name or
// password reaches the terminal.
func TestBatchSend(t *testing.T) {
	// Not parallel: it encrypts, and render.NewEncrypter sets pdfcpu's
	// configuration switch, which parallel tests read (pdftest.Conf).
	ts := mailtest.StartServer(t)
	env := loopbackSMTP(ts)
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("id,name,visit_date,handouts,email,pw\n")
	for i := range 4 {
		fmt.Fprintf(&csv, "P%d,Canary Person%d,2026-11-25,mid-back-pain,canary%d@mail.example,secret-%d-pw\n", i, i, i, i)
	}
	list := filepath.Join(dir, "patients.csv")
	if err := os.WriteFile(list, []byte(csv.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	ts.Reject("canary2@mail.example", true)
	out := filepath.Join(dir, "out")
	o := batch.Options{List: list, OutDir: out, Jobs: 2, Send: true,
		Render: render.Settings{Password: render.PasswordSource{Column: "pw"}, MaxSize: "2MB"}}

	stderr, err := runBatch(t, o, env)
	if !partial(err) {
		t.Fatalf("err = %v, want a partial failure\n%s", err, stderr)
	}
	log := stderr + err.Error()
	for _, secret := range []string{"canary", "Canary", "secret-"} {
		if strings.Contains(log, secret) {
			t.Errorf("%q printed:\n%s", secret, log)
		}
	}
	if !strings.Contains(log, "(id P2): not sent: the mail server refused the message") || !strings.Contains(log, "mail: 3 sent, 0 sent before, 1 not sent") {
		t.Errorf("report:\n%s", log)
	}
	m, err := pdftest.ReadManifest(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("secret-")) || bytes.Contains(b, []byte("canary")) {
		t.Error("the manifest holds a password or an address")
	}
	for _, r := range m.Rows {
		wantSend := string(mail.StatusSent)
		if r.ID == "P2" {
			wantSend = string(mail.StatusFailed)
		}
		if r.Send != wantSend || r.SentSHA256 != r.PDF || r.Plain == "" {
			t.Errorf("manifest row %+v, want send %q of the file's bytes", r, wantSend)
		}
		pdf, err := os.ReadFile(filepath.Join(out, r.File))
		if err != nil {
			t.Fatal(err)
		}
		if err := api.Validate(bytes.NewReader(pdf), pdftest.Conf("secret-"+r.ID[1:]+"-pw")); err != nil {
			t.Errorf("%s: %v", r.File, err)
		}
		if _, err := api.ReadContext(bytes.NewReader(pdf), pdftest.Conf("")); err == nil {
			t.Errorf("%s opens without a password", r.File)
		}
	}
	for _, msg := range ts.Received() {
		to, _, _, name, att := mailtest.CheckMIME(t, msg.Data)
		disk, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !bytes.Equal(att, disk) {
			t.Errorf("%s: attachment %s differs from the file (%v)", to, name, err)
		}
	}

	// Again, fixed address; then again without --resume: P2 goes out once,
	// nobody gets a second message (encrypted files are kept, not remade).
	ts.Reject("canary2@mail.example", false)
	for _, resume := range []bool{true, false} {
		o.Resume = resume
		if stderr, err = runBatch(t, o, env); err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
	}
	for i := range 4 {
		if n := ts.Delivered()[fmt.Sprintf("canary%d@mail.example", i)]; n != 1 {
			t.Errorf("P%d delivered %d times", i, n)
		}
	}
	if !strings.Contains(stderr, "mail: 0 sent, 4 sent before, 0 not sent") {
		t.Errorf("last run: %s", stderr)
	}
}

// TestBatchDryRun writes one .eml per patient and sends nothing.
func TestBatchDryRun(t *testing.T) {
	t.Parallel()
	env := map[string]string{"HANDOUT_SMTP_HOST": "smtp.clinic.example", "HANDOUT_SMTP_FROM": "frontdesk@clinic.example"}
	dir := t.TempDir()
	list := filepath.Join(dir, "p.csv")
	if err := os.WriteFile(list, []byte("id,visit_date,handouts,email\nA1,2026-11-25,mid-back-pain,a@mail.example\nA2,2026-11-25,mid-back-pain,b@mail.example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stderr, err := runBatch(t, batch.Options{List: list, OutDir: out, Send: true, DryRun: true, Render: render.Settings{Preset: "email"}}, env)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "mail (dry run): 2 .eml files written, 0 not written") {
		t.Errorf("report: %s", stderr)
	}
	for _, id := range []string{"A1", "A2"} {
		data, err := os.ReadFile(filepath.Join(out, id+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		_, _, _, name, att := mailtest.CheckMIME(t, data)
		disk, _ := os.ReadFile(filepath.Join(out, name))
		if !bytes.Equal(att, disk) {
			t.Errorf("%s.eml: attachment differs from %s", id, name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, mail.JournalName)); err == nil {
		t.Error("a dry run wrote a send journal")
	}
	if _, err := batch.New(batch.Options{List: list, OutDir: out, Jobs: 1, Resend: true}); err == nil || !strings.Contains(err.Error(), "--resend") {
		t.Errorf("--resend without --send: %v, want a mistake in the options naming --resend", err)
	}
}

// TestBatchDryRunNeedsNoServer: a front desk previews the messages before
// anyone has set up mail. No SMTP settings at all: the .eml files are
// written, from the address in the clinic's profile.
func TestBatchDryRunNeedsNoServer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	list := filepath.Join(dir, "p.csv")
	if err := os.WriteFile(list, []byte("id,visit_date,handouts,email\nA1,2026-11-25,mid-back-pain,a@mail.example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	noEnv := map[string]string{} // no HANDOUT_SMTP_* at all
	if stderr, err := runBatch(t, batch.Options{List: list, OutDir: out, Send: true, DryRun: true}, noEnv); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "A1.eml"))
	if err != nil {
		t.Fatal(err)
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if from := msg.Header.Get("From"); !strings.Contains(from, "office@drummond-chiropractic.example") {
		t.Errorf("From: %q, want the clinic profile's address", from)
	}
	// Sending for real still needs the server.
	_, err = runBatch(t, batch.Options{List: list, OutDir: filepath.Join(dir, "real"), Send: true}, noEnv)
	if err == nil || !strings.Contains(err.Error(), "no host") {
		t.Errorf("--send with no server: %v, want no host", err)
	}
}

// TestBatchPasswordChange changes one patient's password in the list: the
// next run (with --resume, or --force) makes that packet again, encrypted
// with the new password, and does not mail it without --resend, since the
// patient already has a file that opens with the old one. The manifest
// keeps a keyed fingerprint of each password, never the password; the key
// is a 0600 file in the output folder.
func TestBatchPasswordChange(t *testing.T) {
	// Not parallel: it encrypts, and render.NewEncrypter sets pdfcpu's
	// configuration switch, which parallel tests read (pdftest.Conf).
	ts := mailtest.StartServer(t)
	env := loopbackSMTP(ts)
	dir := t.TempDir()
	list := filepath.Join(dir, "patients.csv")
	writeList := func(p1 string) {
		t.Helper()
		src := "id,visit_date,handouts,email,pw\n" +
			"P1,2026-11-25,mid-back-pain,p1@mail.example," + p1 + "\n" +
			"P2,2026-11-25,mid-back-pain,p2@mail.example,second-pw-22\n"
		if err := os.WriteFile(list, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	pdf := filepath.Join(out, "2026-11-25-P1.pdf")
	opens := func(pw string) bool {
		t.Helper()
		b, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		_, err = api.ReadContext(bytes.NewReader(b), pdftest.Conf(pw))
		return err == nil
	}
	// batchRun sends the list's packets, encrypted with the pw column,
	// with the flags of o (--resume, --force, --resend) set.
	batchRun := func(o batch.Options) (string, error) {
		t.Helper()
		o.List, o.OutDir, o.Jobs, o.Send = list, out, 2, true
		o.Render.Password.Column = "pw"
		return runBatch(t, o, env)
	}

	writeList("old-pw-1111")
	if log, err := batchRun(batch.Options{}); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if !opens("old-pw-1111") {
		t.Fatal("the first packet does not open with its password")
	}

	for _, c := range []struct {
		flag    string
		options batch.Options
		pw, old string
	}{
		{"--resume", batch.Options{Resume: true}, "new-pw-2222", "old-pw-1111"},
		{"--force", batch.Options{Force: true}, "newer-pw-3333", "new-pw-2222"},
	} {
		writeList(c.pw)
		log, err := batchRun(c.options)
		if !partial(err) || !strings.Contains(log, "2 rows: 1 written, 1 skipped, 0 failed") ||
			!strings.Contains(log, "(id P1): not sent: the packet changed since it was sent; run with --resend") {
			t.Errorf("%s, after a new password: err = %v, want P1 made again and not sent:\n%s", c.flag, err, log)
		}
		if !opens(c.pw) || opens(c.old) {
			t.Errorf("%s: the packet does not open with the new password only", c.flag)
		}
	}
	if d := ts.Delivered(); d["p1@mail.example"] != 1 || d["p2@mail.example"] != 1 {
		t.Errorf("delivered %v before --resend, want one each", d)
	}
	log, err := batchRun(batch.Options{Resend: true})
	if err != nil || !strings.Contains(log, "mail: 1 sent, 1 sent before, 0 not sent") {
		t.Errorf("--resend: %v\n%s", err, log)
	}
	if ts.Delivered()["p1@mail.example"] != 2 {
		t.Errorf("P1 delivered %d times, want 2 (again with --resend)", ts.Delivered()["p1@mail.example"])
	}
	msgs := ts.Received()
	if _, _, _, _, att := mailtest.CheckMIME(t, msgs[len(msgs)-1].Data); true {
		if _, err := api.ReadContext(bytes.NewReader(att), pdftest.Conf("newer-pw-3333")); err != nil {
			t.Errorf("the packet sent again does not open with the new password: %v", err)
		}
	}

	m, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(m, []byte("-pw-")) || !bytes.Contains(m, []byte(`"password_fingerprint"`)) {
		t.Errorf("the manifest holds a password, or no fingerprint:\n%s", m)
	}
	if fi, err := os.Stat(filepath.Join(out, ".password-key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the password key: %v, %v; want a 0600 file", fi, err)
	}
}

// loopbackSMTP is the environment that points a batch's mail at ts,
// without TLS, as HANDOUT_SMTP_* variables would.
func loopbackSMTP(ts *mailtest.Server) map[string]string {
	return map[string]string{
		"HANDOUT_SMTP_HOST": "127.0.0.1",
		"HANDOUT_SMTP_PORT": fmt.Sprint(ts.Port),
		"HANDOUT_SMTP_TLS":  "none",
		"HANDOUT_SMTP_FROM": "Drummond Chiropractic <frontdesk@clinic.example>",
	}
}
