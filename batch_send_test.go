package main

import (
	"bytes"
	"errors"
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
)

// TestBatchSend runs a batch with --send, --password-column and
// --max-size against the loopback server: the packets are encrypted, one
// address is refused and reported by row, the others get their packet
// byte for byte, the manifest records what was sent, and running again
// (with or without --resume) sends nothing twice. No address, name or
// password reaches the terminal.
func TestBatchSend(t *testing.T) {
	ts := mailtest.StartServer(t)
	t.Setenv("HANDOUT_SMTP_HOST", "127.0.0.1")
	t.Setenv("HANDOUT_SMTP_PORT", fmt.Sprint(ts.Port))
	t.Setenv("HANDOUT_SMTP_TLS", "none")
	t.Setenv("HANDOUT_SMTP_FROM", "Drummond Chiropractic <frontdesk@clinic.example>")
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
	args := []string{"batch", list, "--out-dir", out, "--jobs", "2", "--send", "--password-column", "pw", "--max-size", "2MB"}

	var stdout, stderr bytes.Buffer
	err := run(args, &stdout, &stderr)
	var pe *batch.PartialError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a partial failure\n%s", err, stderr.String())
	}
	log := stderr.String() + err.Error()
	for _, secret := range []string{"canary", "Canary", "secret-"} {
		if strings.Contains(log, secret) {
			t.Errorf("%q printed:\n%s", secret, log)
		}
	}
	if !strings.Contains(log, "(id P2): not sent: the mail server refused the message") || !strings.Contains(log, "mail: 3 sent, 0 sent before, 1 not sent") {
		t.Errorf("report:\n%s", log)
	}
	m, err := readManifest(filepath.Join(out, "manifest.json"))
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
	for _, again := range [][]string{append(args, "--resume"), args} {
		stderr.Reset()
		if err := run(again, &stdout, &stderr); err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
	}
	for i := range 4 {
		if n := ts.Delivered()[fmt.Sprintf("canary%d@mail.example", i)]; n != 1 {
			t.Errorf("P%d delivered %d times", i, n)
		}
	}
	if !strings.Contains(stderr.String(), "mail: 0 sent, 4 sent before, 0 not sent") {
		t.Errorf("last run: %s", stderr.String())
	}
}

// TestBatchDryRun writes one .eml per patient and sends nothing.
func TestBatchDryRun(t *testing.T) {
	t.Setenv("HANDOUT_SMTP_HOST", "smtp.clinic.example")
	t.Setenv("HANDOUT_SMTP_FROM", "frontdesk@clinic.example")
	dir := t.TempDir()
	list := filepath.Join(dir, "p.csv")
	if err := os.WriteFile(list, []byte("id,visit_date,handouts,email\nA1,2026-11-25,mid-back-pain,a@mail.example\nA2,2026-11-25,mid-back-pain,b@mail.example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"batch", list, "--out-dir", out, "--send", "--dry-run", "--preset", "email"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "mail (dry run): 2 .eml files written, 0 not written") {
		t.Errorf("report: %s", stderr.String())
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
	err := run([]string{"batch", list, "--out-dir", out, "--resend"}, &stdout, &stderr)
	var ue *usageError
	if !errors.As(err, &ue) {
		t.Errorf("--resend without --send: %v", err)
	}
}

// TestBatchDryRunNeedsNoServer: a front desk previews the messages before
// anyone has set up mail. No SMTP settings at all: the .eml files are
// written, from the address in the clinic's profile.
func TestBatchDryRunNeedsNoServer(t *testing.T) {
	for _, k := range []string{"HANDOUT_SMTP_HOST", "HANDOUT_SMTP_FROM", "HANDOUT_SMTP_USER", "HANDOUT_SMTP_PASSWORD"} {
		t.Setenv(k, "")
	}
	dir := t.TempDir()
	list := filepath.Join(dir, "p.csv")
	if err := os.WriteFile(list, []byte("id,visit_date,handouts,email\nA1,2026-11-25,mid-back-pain,a@mail.example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	var stdout, stderr bytes.Buffer
	if err := run([]string{"batch", list, "--out-dir", out, "--send", "--dry-run"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
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
	err = run([]string{"batch", list, "--out-dir", filepath.Join(dir, "real"), "--send"}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "no host") {
		t.Errorf("--send with no server: %v, want no host", err)
	}
}
