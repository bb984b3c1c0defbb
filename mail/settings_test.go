package mail

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handout/internal/pdftest"
	"handout/mail/mailtest"
)

func TestSMTPSettings(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, fmt.Sprintf("s%d.yaml", rand.Int()))
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	good := write("host: smtp.clinic.example\nfrom: Clinic <frontdesk@clinic.example>\nuser: frontdesk\nrate_per_minute: 30\ntimeout: 30s\n")
	s, err := LoadSettings(good, env(map[string]string{passwordEnv: "pw"}))
	if err != nil {
		t.Fatal(err)
	}
	if s.TLS != "starttls" || s.Port != 587 || s.Connections != defaultConnections || s.Attempts != defaultAttempts || time.Duration(s.Timeout) != 30*time.Second || s.password != "pw" {
		t.Errorf("defaults: %+v", s)
	}
	s, err = LoadSettings(good, env(map[string]string{passwordEnv: "pw", "HANDOUT_SMTP_TLS": "implicit", "HANDOUT_SMTP_HOST": "mail.example"}))
	if err != nil || s.Port != 465 || s.Host != "mail.example" {
		t.Errorf("environment over file: %+v, %v", s, err)
	}
	for _, c := range []struct {
		file string
		env  map[string]string
		want string
	}{
		{write("host: h\nfrom: a@b.example\npassword: hunter2\n"), nil, "does not belong in the settings file"},
		{write("host: smtp.example\nfrom: a@b.example\ntls: none\n"), nil, "only for a server on this machine"},
		{write("host: h\nfrom: a@b.example\ntls: ssl\n"), nil, "use implicit, starttls or none"},
		{write("host: h\nfrom: a@b.example\nuser: u\n"), nil, passwordEnv},
		{write("from: a@b.example\n"), nil, "no host"},
		{write("host: h\n"), nil, "no from address"},
		{write("host: h\nfrom: a@b.example\nconnections: 99\n"), nil, "connections 99"},
		{write("host: h\nfrom: a@b.example\nsubject: '{{.Condition}}'\n"), nil, "subject template"},
		{write("host: h\nfrom: a@b.example\ntimeout: soon\n"), nil, "not a duration"},
	} {
		s, err := LoadSettings(c.file, env(c.env))
		if err == nil {
			_, err = parseTemplates(s)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", filepath.Base(c.file), err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "hunter2") {
			t.Errorf("error quotes the password: %v", err)
		}
	}
	for host, ok := range map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true, "[::1]": true, "10.0.0.1": false, "smtp.example": false} {
		if isLoopback(host) != ok {
			t.Errorf("isLoopback(%q) = %t", host, !ok)
		}
	}
}

// TestDryRunSettings: a dry run needs no server and takes the clinic's
// address as the sender; what is given is still checked.
func TestDryRunSettings(t *testing.T) {
	none := func(string) string { return "" }
	s, err := LoadDryRunSettings("", none, "office@clinic.example")
	if err != nil || s.From != "office@clinic.example" {
		t.Fatalf("no settings: %+v, %v", s, err)
	}
	s, err = LoadDryRunSettings("", func(k string) string {
		return map[string]string{"HANDOUT_SMTP_FROM": "frontdesk@clinic.example"}[k]
	}, "office@clinic.example")
	if err != nil || s.From != "frontdesk@clinic.example" {
		t.Errorf("a from in the settings wins: %+v, %v", s, err)
	}
	if _, err := LoadDryRunSettings("", none, ""); err == nil || !strings.Contains(err.Error(), "no from address") {
		t.Errorf("no sender anywhere: %v", err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(bad, []byte("host: smtp.example\ntls: none\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDryRunSettings(bad, none, "office@clinic.example"); err == nil || !strings.Contains(err.Error(), "only for a server on this machine") {
		t.Errorf("a dry run hid a setting that sending would refuse: %v", err)
	}
}

// TestSMTPSettingsCAFile: ca_file is relative to the settings file,
// $HANDOUT_SMTP_CA_FILE wins, and a file that is missing or holds no PEM
// certificate is an error that names it and says what to do.
func TestSMTPSettingsCAFile(t *testing.T) {
	dir := t.TempDir()
	ts := mailtest.StartTLSServer(t, mailtest.StartTLS)
	ca, err := os.ReadFile(ts.CAFile(t))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	caPath := write("clinic-ca.pem", string(ca))
	notPEM := write("clinic-ca.der", "not a certificate")
	file := write("smtp.yaml", "host: mail.clinic.internal\nfrom: a@clinic.example\nca_file: clinic-ca.pem\n")
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

	s, err := LoadSettings(file, env(nil))
	if err != nil || s.CAFile != caPath || s.roots == nil {
		t.Fatalf("relative ca_file: %+v, %v; want %s loaded", s, err, caPath)
	}
	if s, err := LoadSettings(write("plain.yaml", "host: h\nfrom: a@b.example\n"), env(nil)); err != nil || s.roots != nil {
		t.Errorf("no ca_file: roots %v, %v; want the system's (nil)", s.roots, err)
	}
	for _, c := range []struct {
		env  string
		want []string
	}{
		{filepath.Join(dir, "missing.pem"), []string{"missing.pem", "set ca_file"}},
		{notPEM, []string{"clinic-ca.der", "no PEM certificate", "BEGIN CERTIFICATE"}},
	} {
		_, err := LoadSettings(file, env(map[string]string{"HANDOUT_SMTP_CA_FILE": c.env}))
		for _, w := range c.want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("ca_file %s: err = %v, want %q", filepath.Base(c.env), err, w)
			}
		}
	}
}

// TestSettingsFilesAreRegular: a named pipe or a device given as the
// settings file or the CA file is refused at once, naming it.
func TestSettingsFilesAreRegular(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	pdftest.Mkfifo(t, fifo)
	file := filepath.Join(dir, "smtp.yaml")
	if err := os.WriteFile(file, []byte("host: h\nfrom: a@b.example\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct{ file, ca, want string }{
		{fifo, "", fifo + ": is a named pipe, not a regular file"},
		{"/dev/zero", "", "/dev/zero: is a device, not a regular file"},
		{file, fifo, fifo + ": is a named pipe, not a regular file"},
		{file, "/dev/zero", "/dev/zero: is a device, not a regular file"},
	} {
		err := pdftest.Promptly(t, func() error {
			_, err := LoadSettings(c.file, env(map[string]string{"HANDOUT_SMTP_CA_FILE": c.ca}))
			return err
		})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("settings %s, ca_file %s: err = %v, want %q", c.file, c.ca, err, c.want)
		}
	}
}
