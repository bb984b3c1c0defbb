package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// testSMTP is a real SMTP server (go-smtp) on a loopback port, started by
// a test. It records every message it accepts, can refuse a recipient
// with 550, and can answer 421 to a recipient's first attempts.
type testSMTP struct {
	addr string
	port int

	mu        sync.Mutex
	received  []testMail
	reject    map[string]bool // recipient → 550
	tempFails map[string]int  // recipient → how many 421s are left
	rcptTries map[string]int
	discard   bool // keep only the recipients, not the bytes (benchmarks)
}

// testMail is one accepted message.
type testMail struct {
	to   []string
	data []byte
}

func startTestSMTP(t testing.TB) *testSMTP {
	t.Helper()
	ts := &testSMTP{reject: map[string]bool{}, tempFails: map[string]int{}, rcptTries: map[string]int{}}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &testSession{srv: ts}, nil
	}))
	srv.Domain = "localhost"
	srv.MaxMessageBytes = 10 << 20
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.ErrorLog = log.New(io.Discard, "", 0)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.addr = l.Addr().String()
	ts.port = l.Addr().(*net.TCPAddr).Port
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return ts
}

// delivered returns how many messages each recipient got.
func (ts *testSMTP) delivered() map[string]int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	n := map[string]int{}
	for _, m := range ts.received {
		for _, to := range m.to {
			n[to]++
		}
	}
	return n
}

// testSession is one SMTP session of the test server.
type testSession struct {
	srv *testSMTP
	to  []string
}

func (s *testSession) Reset()        { s.to = nil }
func (s *testSession) Logout() error { return nil }
func (s *testSession) Mail(string, *smtp.MailOptions) error {
	return nil
}

func (s *testSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	s.srv.rcptTries[to]++
	if s.srv.reject[to] {
		// Quote the address, as real servers do: the sender must not
		// repeat it.
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "<" + to + ">: no such user"}
	}
	if s.srv.tempFails[to] > 0 {
		s.srv.tempFails[to]--
		return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 7, 0}, Message: "try again later"}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *testSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.srv.mu.Lock()
	if s.srv.discard {
		b = nil
	}
	s.srv.received = append(s.srv.received, testMail{to: s.to, data: b})
	s.srv.mu.Unlock()
	return nil
}

// testSettings are settings for the test server, as loadSMTPSettings
// would make them.
func testSettings(t testing.TB, ts *testSMTP) *smtpSettings {
	t.Helper()
	env := map[string]string{"HANDOUT_SMTP_HOST": "127.0.0.1", "HANDOUT_SMTP_PORT": fmt.Sprint(ts.port), "HANDOUT_SMTP_TLS": "none",
		"HANDOUT_SMTP_FROM": "Drummond Chiropractic <frontdesk@clinic.example>", "HANDOUT_SMTP_REPLY_TO": "office@clinic.example"}
	s, err := loadSMTPSettings("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	s.Connections, s.Attempts, s.Timeout = 3, 3, duration(10*time.Second)
	return s
}

// testItems writes n packets (random bytes behind a PDF header, a few KB
// each) and returns one item per patient.
func testItems(t testing.TB, n, size int) []mailItem {
	t.Helper()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	items := make([]mailItem, n)
	for i := range items {
		b := make([]byte, size)
		for j := range b {
			b[j] = byte(rng.Uint32())
		}
		copy(b, "%PDF-1.4\n")
		id := fmt.Sprintf("P%04d", i)
		file := filepath.Join(dir, "2026-11-25-"+id+".pdf")
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
		items[i] = mailItem{ID: id, To: fmt.Sprintf("patient%d@mail.example", i), File: file,
			Data: emailData{Name: fmt.Sprintf("Pat Example%d", i), Date: "2026-11-25", Clinic: "Drummond Chiropractic", Phone: "(812) 336-2423"}}
	}
	return items
}

// runSend sends items through snd, stopping after stopAfter messages sent
// when it is > 0, and returns the results by row id.
func runSend(t testing.TB, snd *sender, items []mailItem, stopAfter int) map[string]sendResult {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan mailItem)
	go func() {
		defer close(in)
		for _, it := range items {
			in <- it
		}
	}()
	got := map[string]sendResult{}
	sent := 0
	err := snd.run(ctx, in, func(r sendResult) {
		if _, dup := got[r.ID]; dup {
			t.Errorf("%s reported twice", r.ID)
		}
		got[r.ID] = r
		if r.Status == statusSent {
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
func newTestSender(t testing.TB, s *smtpSettings, dir string, resend bool) *sender {
	t.Helper()
	j, err := openSendJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.close() })
	snd, err := newSender(s, j, "", resend)
	if err != nil {
		t.Fatal(err)
	}
	snd.backoff = 5 * time.Millisecond
	return snd
}

// checkMIME parses a received message as MIME and returns its To, Subject,
// text body, attachment file name and attachment bytes.
func checkMIME(t testing.TB, data []byte) (to, subject, body, filename string, attachment []byte) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not a mail message: %v", err)
	}
	dec := new(mime.WordDecoder)
	subject, _ = dec.DecodeHeader(msg.Header.Get("Subject"))
	addrs, err := msg.Header.AddressList("To")
	if err != nil || len(addrs) != 1 {
		t.Fatalf("To: %v %v", addrs, err)
	}
	to = addrs[0].Address
	for _, h := range []string{"From", "Date", "Message-Id", "Mime-Version"} {
		if msg.Header.Get(h) == "" {
			t.Errorf("no %s header", h)
		}
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("multipart: %v", err)
		}
		raw, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		var content []byte
		switch p.Header.Get("Content-Transfer-Encoding") {
		case "base64":
			content, err = base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(raw)), ""))
			if err != nil {
				t.Fatalf("base64: %v", err)
			}
		case "quoted-printable", "":
			content = raw // multipart.Reader already decodes quoted-printable
		default:
			content = raw
		}
		switch ct {
		case "text/plain":
			body = string(content)
		case "application/pdf":
			_, dp, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
			if err != nil {
				t.Fatalf("Content-Disposition: %v", err)
			}
			filename = dp["filename"]
			attachment = content
		default:
			t.Errorf("unexpected part %q", ct)
		}
	}
	return to, subject, body, filename, attachment
}

// TestSendDelivers sends six packets: one recipient is refused with 550,
// one gets a 421 first. Every message received parses as MIME, carries its
// patient's packet byte for byte, and says nothing of the condition; the
// refusal is reported for its row without the address; the 421 is retried.
func TestSendDelivers(t *testing.T) {
	ts := startTestSMTP(t)
	items := testItems(t, 6, 30_000)
	ts.reject[items[2].To] = true
	ts.tempFails[items[4].To] = 1
	snd := newTestSender(t, testSettings(t, ts), t.TempDir(), false)
	got := runSend(t, snd, items, 0)

	delivered := ts.delivered()
	for i, it := range items {
		r := got[it.ID]
		switch i {
		case 2:
			if !errors.Is(r.Err, ErrRejected) || r.Status != statusFailed || r.Attempts != 1 {
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
			if r.Attempts != 2 || ts.rcptTries[it.To] != 2 {
				t.Errorf("%s: %d attempts, server saw %d; want the 421 retried once", it.ID, r.Attempts, ts.rcptTries[it.To])
			}
		}
		if r.Err != nil || r.Status != statusSent || delivered[it.To] != 1 {
			t.Errorf("%s: %+v, delivered %d times", it.ID, r, delivered[it.To])
		}
	}
	for _, m := range ts.received {
		to, subject, body, filename, att := checkMIME(t, m.data)
		if !bytes.Contains(m.data, []byte("\r\nReply-To: <office@clinic.example>\r\n")) {
			t.Errorf("no Reply-To header in\n%.400s", m.data)
		}
		var it mailItem
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
	recs := snd.journal.records()
	if recs[items[2].ID].Status != statusFailed || recs[items[2].ID].Code != 550 || recs[items[0].ID].Status != statusSent {
		t.Errorf("journal: %+v", recs)
	}
}

// TestSendResumeExactlyOnce interrupts a run after some messages and runs
// it again with the same journal: every patient gets exactly one message.
// A third run sends nothing.
func TestSendResumeExactlyOnce(t *testing.T) {
	ts := startTestSMTP(t)
	items := testItems(t, 40, 5_000)
	ts.tempFails[items[10].To] = 1
	s := testSettings(t, ts)
	dir := t.TempDir()

	first := runSend(t, newTestSender(t, s, dir, false), items, 12)
	sent1, interrupted := 0, 0
	for _, r := range first {
		switch {
		case r.Status == statusSent:
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
		if r.Action != actionAlreadySent || r.Status != "" {
			t.Errorf("third run, %s: %+v; want already sent", r.ID, r)
		}
	}
	delivered := ts.delivered()
	for _, it := range items {
		if delivered[it.To] != 1 {
			t.Errorf("%s delivered %d times", it.ID, delivered[it.To])
		}
	}
	t.Logf("first run sent %d of %d, the second the rest", sent1, len(items))
}

// TestSendChangedAndMaybeSent: a packet changed since it was sent goes out
// only with --resend; a send whose outcome is unknown (killed while handing
// over) is not repeated without --resend; unchanged packets never again.
func TestSendChangedAndMaybeSent(t *testing.T) {
	ts := startTestSMTP(t)
	items := testItems(t, 3, 2_000)
	s := testSettings(t, ts)
	dir := t.TempDir()
	runSend(t, newTestSender(t, s, dir, false), items[:2], 0)

	// items[0] changes; items[2] was being sent when the process died.
	if err := os.WriteFile(items[0].File, []byte("%PDF-1.4 changed"), 0o600); err != nil {
		t.Fatal(err)
	}
	j, err := openSendJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.record(sendRecord{ID: items[2].ID, SHA256: "x", Status: statusSending}); err != nil {
		t.Fatal(err)
	}
	j.close()

	got := runSend(t, newTestSender(t, s, dir, false), items, 0)
	if r := got[items[0].ID]; r.Action != actionChanged || r.Err == nil || !strings.Contains(r.Err.Error(), "--resend") {
		t.Errorf("changed: %+v", r)
	}
	if r := got[items[1].ID]; r.Action != actionAlreadySent {
		t.Errorf("unchanged: %+v", r)
	}
	if r := got[items[2].ID]; r.Action != actionMaybeSent || r.Err == nil {
		t.Errorf("maybe sent: %+v", r)
	}
	got = runSend(t, newTestSender(t, s, dir, true), items, 0)
	for i, want := range []sendAction{actionResendChange, actionAlreadySent, actionSend} {
		if r := got[items[i].ID]; r.Action != want || r.Err != nil {
			t.Errorf("--resend, %s: %+v, want action %d", items[i].ID, r, want)
		}
	}
	d := ts.delivered()
	if d[items[0].To] != 2 || d[items[1].To] != 1 || d[items[2].To] != 1 {
		t.Errorf("deliveries %v", d)
	}
}

// TestSendServerUnusable: a server that refuses the login stops the run
// with ErrServer instead of failing every row one by one.
func TestSendServerUnusable(t *testing.T) {
	ts := startTestSMTP(t) // no AUTH offered: a user cannot log in
	s := testSettings(t, ts)
	s.User, s.password = "frontdesk", "hunter2hunter2"
	snd := newTestSender(t, s, t.TempDir(), false)
	in := make(chan mailItem)
	items := testItems(t, 5, 100)
	go func() {
		defer close(in)
		for _, it := range items {
			in <- it
		}
	}()
	var results []sendResult
	err := snd.run(context.Background(), in, func(r sendResult) { results = append(results, r) })
	if !errors.Is(err, ErrServer) || len(results) != len(items) {
		t.Fatalf("err = %v, %d results", err, len(results))
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Error("the SMTP password is in the error")
	}
	if len(ts.delivered()) != 0 {
		t.Error("something was delivered")
	}
}

// TestDryRunWritesEML writes one .eml per patient, each a MIME message with
// the packet attached; nothing reaches a server or the journal.
func TestDryRunWritesEML(t *testing.T) {
	s, err := loadSMTPSettings("", func(k string) string {
		return map[string]string{"HANDOUT_SMTP_HOST": "smtp.clinic.example", "HANDOUT_SMTP_FROM": "frontdesk@clinic.example"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	snd, err := newSender(s, nil, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	items := testItems(t, 3, 4_000)
	items[1].Data.Protected = true
	got := runSend(t, snd, items, 0)
	for _, it := range items {
		if r := got[it.ID]; r.Err != nil || r.Status != statusSent {
			t.Errorf("%s: %+v", it.ID, r)
		}
		data, err := os.ReadFile(filepath.Join(dir, it.ID+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		to, _, body, _, att := checkMIME(t, data)
		want, _ := os.ReadFile(it.File)
		if to != it.To || !bytes.Equal(att, want) {
			t.Errorf("%s.eml: to %q, attachment %d bytes (want %d)", it.ID, to, len(att), len(want))
		}
		if strings.Contains(body, "password") != it.Data.Protected {
			t.Errorf("%s.eml: body mentions a password: %t, protected: %t", it.ID, !it.Data.Protected, it.Data.Protected)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, sendJournalName)); err == nil {
		t.Error("a dry run wrote a send journal")
	}
}

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
	s, err := loadSMTPSettings(good, env(map[string]string{smtpPasswordEnv: "pw"}))
	if err != nil {
		t.Fatal(err)
	}
	if s.TLS != "starttls" || s.Port != 587 || s.Connections != defaultConnections || s.Attempts != defaultAttempts || time.Duration(s.Timeout) != 30*time.Second || s.password != "pw" {
		t.Errorf("defaults: %+v", s)
	}
	s, err = loadSMTPSettings(good, env(map[string]string{smtpPasswordEnv: "pw", "HANDOUT_SMTP_TLS": "implicit", "HANDOUT_SMTP_HOST": "mail.example"}))
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
		{write("host: h\nfrom: a@b.example\nuser: u\n"), nil, smtpPasswordEnv},
		{write("from: a@b.example\n"), nil, "no host"},
		{write("host: h\n"), nil, "no from address"},
		{write("host: h\nfrom: a@b.example\nconnections: 99\n"), nil, "connections 99"},
		{write("host: h\nfrom: a@b.example\nsubject: '{{.Condition}}'\n"), nil, "subject template"},
		{write("host: h\nfrom: a@b.example\ntimeout: soon\n"), nil, "not a duration"},
	} {
		s, err := loadSMTPSettings(c.file, env(c.env))
		if err == nil {
			_, err = parseEmailTemplates(s)
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
	ts := startTestSMTP(b)
	ts.discard = true
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
