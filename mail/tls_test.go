package mail

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handout/mail/mailtest"
)

// tlsModes are the settings' TLS modes against the test server's.
var tlsModes = []struct {
	tls  string
	mode mailtest.TLSMode
}{
	{"implicit", mailtest.Implicit},
	{"starttls", mailtest.StartTLS},
}

// TestSendTLSDelivers sends over implicit TLS and over STARTTLS to a
// server whose certificate is signed by a CA that only ca_file (here
// $HANDOUT_SMTP_CA_FILE) trusts: every packet arrives byte for byte.
func TestSendTLSDelivers(t *testing.T) {
	for _, m := range tlsModes {
		t.Run(m.tls, func(t *testing.T) {
			ts := mailtest.StartTLSServer(t, m.mode)
			items := testItems(t, 3, 20_000)
			s := testSettingsEnv(t, ts, map[string]string{"HANDOUT_SMTP_TLS": m.tls, "HANDOUT_SMTP_CA_FILE": ts.CAFile(t)})
			got := runSend(t, newTestSender(t, s, t.TempDir(), false), items, 0)
			delivered := ts.Delivered()
			for _, it := range items {
				if r := got[it.ID]; r.Err != nil || r.Status != StatusSent || delivered[it.To] != 1 {
					t.Errorf("%s: %+v, delivered %d times", it.ID, r, delivered[it.To])
				}
			}
			for _, msg := range ts.Received() {
				if !msg.TLS {
					t.Error("a message was received without TLS")
				}
				to, _, _, filename, att := mailtest.CheckMIME(t, msg.Data)
				for _, it := range items {
					if it.To != to {
						continue
					}
					want, err := os.ReadFile(it.File)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(att, want) || filename != filepath.Base(it.File) {
						t.Errorf("%s: attachment %q, %d bytes, differs from %s (%d bytes)", it.ID, filename, len(att), filepath.Base(it.File), len(want))
					}
				}
			}
		})
	}
}

// TestSendTLSUntrusted: without ca_file the test CA is not trusted, so
// the connection fails, the error says the certificate is not trusted and
// what to do, names no patient or address, and the run stops: nothing is
// sent in any other way.
func TestSendTLSUntrusted(t *testing.T) {
	for _, m := range tlsModes {
		t.Run(m.tls, func(t *testing.T) {
			ts := mailtest.StartTLSServer(t, m.mode)
			items := testItems(t, 4, 1_000)
			s := testSettingsEnv(t, ts, map[string]string{"HANDOUT_SMTP_TLS": m.tls})
			results, err := runUntilServerError(t, newTestSender(t, s, t.TempDir(), false), items)
			if !errors.Is(err, ErrServer) || len(results) != len(items) {
				t.Fatalf("err = %v, %d results; want ErrServer and every row reported", err, len(results))
			}
			msg := err.Error()
			t.Log(msg)
			if !strings.Contains(msg, "certificate is not trusted") || !strings.Contains(msg, "ca_file") {
				t.Errorf("error %q: want it to say the certificate is not trusted and point to ca_file", msg)
			}
			for _, it := range items {
				for _, secret := range []string{it.To, "patient", it.Data.Name} {
					if strings.Contains(msg, secret) {
						t.Errorf("error %q names %q", msg, secret)
					}
				}
			}
			for _, r := range results {
				if r.Status == StatusSent || r.Err == nil {
					t.Errorf("%s: %+v; want not sent", r.ID, r)
				}
			}
			if n := len(ts.Received()); n != 0 {
				t.Errorf("%d messages delivered over an untrusted connection", n)
			}
		})
	}
}

// TestSendStartTLSRequired: with tls: starttls, a server that offers no
// STARTTLS stops the run; nothing goes out in clear text (go-mail's policy
// is mandatory, not opportunistic).
func TestSendStartTLSRequired(t *testing.T) {
	ts := mailtest.StartServer(t) // offers no STARTTLS
	items := testItems(t, 3, 1_000)
	s := testSettingsEnv(t, ts, map[string]string{"HANDOUT_SMTP_TLS": "starttls"})
	results, err := runUntilServerError(t, newTestSender(t, s, t.TempDir(), false), items)
	if !errors.Is(err, ErrServer) || len(results) != len(items) {
		t.Fatalf("err = %v, %d results; want ErrServer and every row reported", err, len(results))
	}
	t.Log(err)
	if !strings.Contains(err.Error(), "STARTTLS") {
		t.Errorf("error %q does not say STARTTLS is missing", err)
	}
	for _, it := range items {
		if ts.Tries(it.To) != 0 {
			t.Errorf("%s: the recipient was given to a server without TLS", it.ID)
		}
	}
	if n := len(ts.Received()); n != 0 {
		t.Errorf("%d messages sent in clear text", n)
	}
}
