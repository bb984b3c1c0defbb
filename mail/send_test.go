package mail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"handout/internal/inputfile"
	"handout/internal/pdftest"
	"handout/mail/mailtest"
)

// testSettings are settings for the test server, as LoadSettings
// would make them.
func testSettings(t testing.TB, ts *mailtest.Server) *Settings {
	t.Helper()
	return testSettingsEnv(t, ts, nil)
}

// testSettingsEnv is testSettings with more environment variables, which
// win over testSettings' own (HANDOUT_SMTP_TLS: none).
func testSettingsEnv(t testing.TB, ts *mailtest.Server, more map[string]string) *Settings {
	t.Helper()
	env := map[string]string{"HANDOUT_SMTP_HOST": "127.0.0.1", "HANDOUT_SMTP_PORT": fmt.Sprint(ts.Port), "HANDOUT_SMTP_TLS": "none",
		"HANDOUT_SMTP_FROM": "Drummond Chiropractic <frontdesk@clinic.example>", "HANDOUT_SMTP_REPLY_TO": "office@clinic.example"}
	maps.Copy(env, more)
	s, err := LoadSettings("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	s.Connections, s.Attempts, s.Timeout = 3, 3, duration(10*time.Second)
	return s
}

// testItems writes n packets (random bytes behind a PDF header, size bytes
// each) and returns one item per patient.
func testItems(t testing.TB, n, size int) []Item {
	t.Helper()
	items := make([]Item, n)
	for i, p := range mailtest.WritePackets(t, n, size) {
		items[i] = Item{ID: p.ID, To: p.To, File: p.File,
			Data: Data{Name: p.Name, Date: "2026-11-25", Clinic: "Drummond Chiropractic", Phone: "(812) 336-2423"}}
	}
	return items
}

// runSend sends items through snd, stopping after stopAfter messages sent
// when it is > 0, and returns the results by row id.
func runSend(t testing.TB, snd *Sender, items []Item, stopAfter int) map[string]Result {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan Item)
	go func() {
		defer close(in)
		for _, it := range items {
			in <- it
		}
	}()
	got := map[string]Result{}
	sent := 0
	err := snd.Run(ctx, in, func(r Result) {
		if _, dup := got[r.ID]; dup {
			t.Errorf("%s reported twice", r.ID)
		}
		got[r.ID] = r
		if r.Status == StatusSent {
			sent++
			if sent == stopAfter {
				cancel()
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(items) {
		t.Errorf("%d results for %d items", len(got), len(items))
	}
	return got
}

// newTestSender returns a sender with a journal in dir and short backoff.
func newTestSender(t testing.TB, s *Settings, dir string, resend bool) *Sender {
	t.Helper()
	j, err := OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	snd, err := NewSender(s, j, "", resend)
	if err != nil {
		t.Fatal(err)
	}
	snd.backoff = 5 * time.Millisecond
	return snd
}

// TestSendDelivers sends six packets: one recipient is refused with 550,
// one gets a 421 first. Every message received parses as MIME, carries its
// patient's packet byte for byte, and says nothing of the condition; the
// refusal is reported for its row without the address; the 421 is retried.
func TestSendDelivers(t *testing.T) {
	ts := mailtest.StartServer(t)
	items := testItems(t, 6, 30_000)
	ts.Reject(items[2].To, true)
	ts.TempFail(items[4].To, 1)
	snd := newTestSender(t, testSettings(t, ts), t.TempDir(), false)
	got := runSend(t, snd, items, 0)

	delivered := ts.Delivered()
	for i, it := range items {
		r := got[it.ID]
		switch i {
		case 2:
			if !errors.Is(r.Err, ErrRejected) || r.Status != StatusFailed || r.Attempts != 1 {
				t.Errorf("%s: %+v, want a permanent failure after one attempt", it.ID, r)
			}
			if msg := r.Err.Error(); strings.Contains(msg, it.To) || strings.Contains(msg, "patient2") || !strings.Contains(msg, "550") {
				t.Errorf("error %q: want the 550 without the address", msg)
			}
			if delivered[it.To] != 0 {
				t.Errorf("%s: delivered despite 550", it.ID)
			}
			continue
		case 4:
			if r.Attempts != 2 || ts.Tries(it.To) != 2 {
				t.Errorf("%s: %d attempts, server saw %d; want the 421 retried once", it.ID, r.Attempts, ts.Tries(it.To))
			}
		}
		if r.Err != nil || r.Status != StatusSent || delivered[it.To] != 1 {
			t.Errorf("%s: %+v, delivered %d times", it.ID, r, delivered[it.To])
		}
	}
	for _, m := range ts.Received() {
		to, subject, body, filename, att := mailtest.CheckMIME(t, m.Data)
		if !bytes.Contains(m.Data, []byte("\r\nReply-To: <office@clinic.example>\r\n")) {
			t.Errorf("no Reply-To header in\n%.400s", m.Data)
		}
		var it Item
		for _, x := range items {
			if x.To == to {
				it = x
			}
		}
		want, err := os.ReadFile(it.File)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(att, want) {
			t.Errorf("%s: attachment differs from %s (%d vs %d bytes)", it.ID, filepath.Base(it.File), len(att), len(want))
		}
		if filename != filepath.Base(it.File) {
			t.Errorf("%s: attachment named %q", it.ID, filename)
		}
		if subject != "Your handout from Drummond Chiropractic" || !strings.Contains(body, "2026-11-25") {
			t.Errorf("%s: subject %q, body %q", it.ID, subject, body)
		}
		if strings.Contains(body, it.Data.Name) || strings.Contains(subject, it.Data.Name) {
			t.Errorf("%s: the default message names the patient", it.ID)
		}
	}
	recs := snd.journal.Records()
	if recs[items[2].ID].Status != StatusFailed || recs[items[2].ID].Code != 550 || recs[items[0].ID].Status != StatusSent {
		t.Errorf("journal: %+v", recs)
	}
}

// TestSendResumeExactlyOnce interrupts a run after some messages and runs
// it again with the same journal: every patient gets exactly one message.
// A third run sends nothing.
func TestSendResumeExactlyOnce(t *testing.T) {
	ts := mailtest.StartServer(t)
	items := testItems(t, 40, 5_000)
	ts.TempFail(items[10].To, 1)
	s := testSettings(t, ts)
	dir := t.TempDir()

	first := runSend(t, newTestSender(t, s, dir, false), items, 12)
	sent1, interrupted := 0, 0
	for _, r := range first {
		switch {
		case r.Status == StatusSent:
			sent1++
		case errors.Is(r.Err, ErrInterrupted):
			interrupted++
		default:
			t.Errorf("%s: %+v", r.ID, r)
		}
	}
	if sent1 < 12 || sent1 == len(items) || sent1+interrupted != len(items) {
		t.Fatalf("first run: %d sent, %d interrupted; want the run stopped after 12", sent1, interrupted)
	}
	second := runSend(t, newTestSender(t, s, dir, false), items, 0)
	for _, r := range second {
		if r.Err != nil {
			t.Errorf("second run, %s: %v", r.ID, r.Err)
		}
	}
	third := runSend(t, newTestSender(t, s, dir, false), items, 0)
	for _, r := range third {
		if r.action != actionAlreadySent || r.Status != "" {
			t.Errorf("third run, %s: %+v; want already sent", r.ID, r)
		}
	}
	delivered := ts.Delivered()
	for _, it := range items {
		if delivered[it.To] != 1 {
			t.Errorf("%s delivered %d times", it.ID, delivered[it.To])
		}
	}
	t.Logf("first run sent %d of %d, the second the rest", sent1, len(items))
}

// checkUnknownSays checks that err, about a message whose connection broke
// after it was handed over, says so, and what to do: not that the run
// stopped, which it did not.
func checkUnknownSays(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Error("no error for a message whose outcome is unknown")
		return
	}
	msg := err.Error()
	for _, want := range []string{"connection broke after", "handed over", "unknown", "check with the patient", "--resend"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "stopped") {
		t.Errorf("%q says the run stopped; it did not", msg)
	}
}

// TestSendChangedAndMaybeSent: a packet changed since it was sent goes out
// only with --resend; a send whose outcome is unknown (killed while handing
// over) is not repeated without --resend; unchanged packets never again.
func TestSendChangedAndMaybeSent(t *testing.T) {
	ts := mailtest.StartServer(t)
	items := testItems(t, 3, 2_000)
	s := testSettings(t, ts)
	dir := t.TempDir()
	runSend(t, newTestSender(t, s, dir, false), items[:2], 0)

	// items[0] changes; items[2] was being sent when the process died.
	if err := os.WriteFile(items[0].File, []byte("%PDF-1.4 changed"), 0o600); err != nil {
		t.Fatal(err)
	}
	j, err := OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.record(Record{ID: items[2].ID, SHA256: "x", Status: StatusSending}); err != nil {
		t.Fatal(err)
	}
	j.Close()

	got := runSend(t, newTestSender(t, s, dir, false), items, 0)
	if r := got[items[0].ID]; r.action != actionChanged || r.Err == nil || !strings.Contains(r.Err.Error(), "--resend") {
		t.Errorf("changed: %+v", r)
	}
	if r := got[items[1].ID]; r.action != actionAlreadySent {
		t.Errorf("unchanged: %+v", r)
	}
	if r := got[items[2].ID]; r.action != actionMaybeSent || r.Err == nil || !strings.Contains(r.Err.Error(), "stopped while") || !strings.Contains(r.Err.Error(), "--resend") {
		t.Errorf("maybe sent: %+v; want it to say the run stopped while handing it over, and --resend", r)
	}
	got = runSend(t, newTestSender(t, s, dir, true), items, 0)
	for i, want := range []sendAction{actionResendChange, actionAlreadySent, actionSend} {
		if r := got[items[i].ID]; r.action != want || r.Err != nil {
			t.Errorf("--resend, %s: %+v, want action %d", items[i].ID, r, want)
		}
	}
	d := ts.Delivered()
	if d[items[0].To] != 2 || d[items[1].To] != 1 || d[items[2].To] != 1 {
		t.Errorf("deliveries %v", d)
	}
}

// runUntilServerError sends items through snd with Run and returns the
// results and Run's error.
func runUntilServerError(t testing.TB, snd *Sender, items []Item) ([]Result, error) {
	t.Helper()
	in := make(chan Item)
	go func() {
		defer close(in)
		for _, it := range items {
			in <- it
		}
	}()
	var results []Result
	err := snd.Run(context.Background(), in, func(r Result) { results = append(results, r) })
	return results, err
}

// TestSendServerUnusable: a server that refuses the login stops the run
// with ErrServer instead of failing every row one by one.
func TestSendServerUnusable(t *testing.T) {
	ts := mailtest.StartServer(t) // no AUTH offered: a user cannot log in
	s := testSettings(t, ts)
	s.User, s.password = "frontdesk", "hunter2hunter2"
	items := testItems(t, 5, 100)
	results, err := runUntilServerError(t, newTestSender(t, s, t.TempDir(), false), items)
	if !errors.Is(err, ErrServer) || len(results) != len(items) {
		t.Fatalf("err = %v, %d results", err, len(results))
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Error("the SMTP password is in the error")
	}
	if len(ts.Delivered()) != 0 {
		t.Error("something was delivered")
	}
}

// TestDryRunWritesEML writes one .eml per patient, each a MIME message with
// the packet attached; nothing reaches a server or the journal.
func TestDryRunWritesEML(t *testing.T) {
	s, err := LoadSettings("", func(k string) string {
		return map[string]string{"HANDOUT_SMTP_HOST": "smtp.clinic.example", "HANDOUT_SMTP_FROM": "frontdesk@clinic.example"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	snd, err := NewSender(s, nil, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	items := testItems(t, 3, 4_000)
	items[1].Data.Protected = true
	got := runSend(t, snd, items, 0)
	for _, it := range items {
		if r := got[it.ID]; r.Err != nil || r.Status != StatusSent {
			t.Errorf("%s: %+v", it.ID, r)
		}
		data, err := os.ReadFile(filepath.Join(dir, it.ID+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		to, _, body, _, att := mailtest.CheckMIME(t, data)
		want, _ := os.ReadFile(it.File)
		if to != it.To || !bytes.Equal(att, want) {
			t.Errorf("%s.eml: to %q, attachment %d bytes (want %d)", it.ID, to, len(att), len(want))
		}
		if strings.Contains(body, "password") != it.Data.Protected {
			t.Errorf("%s.eml: body mentions a password: %t, protected: %t", it.ID, !it.Data.Protected, it.Data.Protected)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, JournalName)); err == nil {
		t.Error("a dry run wrote a send journal")
	}
}

func TestEMLName(t *testing.T) {
	for id, want := range map[string]string{"P0042": "P0042.eml", "../etc/passwd": "___etc_passwd.eml", "a b/c": "a_b_c.eml"} {
		if got := emlName(id); got != want {
			t.Errorf("emlName(%q) = %q, want %q", id, got, want)
		}
	}
}

// BenchmarkSend1000 sends 1,000 messages with 100 KB packets through the
// loopback server over the default pool of 4 connections, and reports
// messages per second and the peak heap in use (sampled every 5 ms; the
// in-process server reads each message whole but keeps none).
func BenchmarkSend1000(b *testing.B) {
	ts := mailtest.StartServer(b)
	ts.Discard()
	items := testItems(b, 1000, 100_000)
	s := testSettings(b, ts)
	s.Connections = defaultConnections
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
		}
	}()
	var total time.Duration
	for b.Loop() {
		snd := newTestSender(b, s, b.TempDir(), false)
		start := time.Now()
		got := runSend(b, snd, items, 0)
		total += time.Since(start)
		for _, r := range got {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.ID, r.Err)
			}
		}
	}
	close(stop)
	b.ReportMetric(float64(len(items)*b.N)/total.Seconds(), "msgs/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

// TestSendNeverTwiceAfter250 makes the server fail right after it has
// accepted a message: the connection dropped (a server killed), 421 to the
// next command (RSET or MAIL), 421 to the next MAIL only, or no answer to
// the end of data at all. Every patient gets exactly one message; a message
// the server answered 250 is recorded as sent, one whose answer never came
// as unknown, and neither is sent again, in this run or the next.
func TestSendNeverTwiceAfter250(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault mailtest.Fault
		want  Status
	}{
		{"drop after 250", mailtest.DropAfter250, StatusSent},
		{"421 after 250", mailtest.Reply421After250, StatusSent},
		{"421 to the next MAIL", mailtest.Refuse421NextMail, StatusSent},
		{"no reply to the end of data", mailtest.NoReplyAfterData, StatusUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := mailtest.StartServer(t)
			ts.SetFault(tc.fault)
			items := testItems(t, 40, 3_000)
			s := testSettings(t, ts)
			s.Connections = 4
			dir := t.TempDir()
			got := runSend(t, newTestSender(t, s, dir, false), items, 0)
			recs := newTestSender(t, s, dir, false).journal.Records()
			for _, it := range items {
				r := got[it.ID]
				if r.Status != tc.want || recs[it.ID].Status != tc.want {
					t.Errorf("%s: %+v, journal %q; want %q", it.ID, r, recs[it.ID].Status, tc.want)
				}
				if tc.want == StatusSent && r.Err != nil || tc.want == StatusUnknown && !errors.Is(r.Err, ErrMaybeDelivered) {
					t.Errorf("%s: error %v", it.ID, r.Err)
				}
				if tc.want == StatusUnknown {
					checkUnknownSays(t, r.Err)
				}
			}
			again := runSend(t, newTestSender(t, s, dir, false), items, 0)
			for _, it := range items {
				r := again[it.ID]
				if r.Status != "" {
					t.Errorf("second run, %s: %+v; want nothing sent", it.ID, r)
				}
				if tc.want == StatusUnknown {
					checkUnknownSays(t, r.Err)
				}
			}
			for _, it := range items {
				if n := ts.Delivered()[it.To]; n != 1 {
					t.Errorf("%s delivered %d times", it.ID, n)
				}
			}
		})
	}
}

// TestPacketMustBeRegularFile: a packet swapped for a named pipe is
// reported for its row at once, not read (the run would hang), and the
// other rows are still sent.
func TestPacketMustBeRegularFile(t *testing.T) {
	s, err := LoadSettings("", func(k string) string {
		return map[string]string{"HANDOUT_SMTP_HOST": "smtp.clinic.example", "HANDOUT_SMTP_FROM": "frontdesk@clinic.example"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	snd, err := NewSender(s, nil, t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	items := testItems(t, 2, 4_000)
	if err := os.Remove(items[0].File); err != nil {
		t.Fatal(err)
	}
	pdftest.Mkfifo(t, items[0].File)
	got := pdftest.Promptly(t, func() map[string]Result { return runSend(t, snd, items, 0) })
	if r := got[items[0].ID]; r.Err == nil || !errors.Is(r.Err, inputfile.ErrNotRegular) {
		t.Errorf("the pipe's row: %+v, want a not-a-regular-file error", r)
	}
	if r := got[items[1].ID]; r.Err != nil || r.Status != StatusSent {
		t.Errorf("the other row: %+v", r)
	}
}
