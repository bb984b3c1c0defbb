package batch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"handout/mail"
	"handout/mail/mailtest"
	"handout/render"
)

// TestStartSending drives the batch-facing API: packets are submitted as
// they are made, finish returns every result and the journal's records,
// and a second run sends nothing again.
func TestStartSending(t *testing.T) {
	t.Parallel()
	ts := mailtest.StartServer(t)
	env := map[string]string{"HANDOUT_SMTP_HOST": "127.0.0.1", "HANDOUT_SMTP_PORT": fmt.Sprint(ts.Port),
		"HANDOUT_SMTP_TLS": "none", "HANDOUT_SMTP_FROM": "frontdesk@clinic.example"}
	getenv := func(k string) string { return env[k] }
	clinic, err := render.LoadClinic("")
	if err != nil {
		t.Fatal(err)
	}
	items := mailtest.WritePackets(t, 8, 1_000)
	out := t.TempDir()
	for run := range 2 {
		r, err := startSending(context.Background(), Options{OutDir: out}, len(items), "", getenv)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range items {
			r.submit(mail.Item{ID: p.ID, To: p.To, File: p.File, Data: emailDataFor(clinic, "", "2026-11-25", false)})
		}
		results, recs, err := r.finish()
		if err != nil || len(results) != len(items) || len(recs) != len(items) {
			t.Fatalf("run %d: %d results, %d records, %v", run, len(results), len(recs), err)
		}
		sent, already, failed := sendSummary(results)
		if want := [2][3]int{{8, 0, 0}, {0, 8, 0}}[run]; [3]int{sent, already, failed} != want {
			t.Errorf("run %d: sent, already, failed = %d, %d, %d; want %v", run, sent, already, failed, want)
		}
	}
	for _, it := range items {
		if n := ts.Delivered()[it.To]; n != 1 {
			t.Errorf("%s delivered %d times", it.ID, n)
		}
	}
}

// TestMailFailure: a row whose message was handed over and whose answer
// never came, or that was delivered and then not recorded, is not reported
// as "not sent"; a refused one is.
func TestMailFailure(t *testing.T) {
	t.Parallel()
	if got := mailFailure(mail.Result{Status: mail.StatusUnknown, Err: mail.ErrMaybeDelivered}).Error(); strings.HasPrefix(got, "not sent") {
		t.Errorf("unknown outcome reported as %q", got)
	}
	if got := mailFailure(mail.Result{Status: mail.StatusSent, Err: errors.New("send journal: no space left on device")}).Error(); strings.HasPrefix(got, "not sent") {
		t.Errorf("delivered, not recorded, reported as %q", got)
	}
	if got := mailFailure(mail.Result{Err: mail.ErrRejected}).Error(); got != "not sent: "+mail.ErrRejected.Error() {
		t.Errorf("refusal reported as %q", got)
	}
}
