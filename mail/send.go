// Package mail sends each patient's packet as one email message: a short
// text from templates that name the clinic and nothing of the patient's
// condition, with the packet attached. LoadSettings reads where and how to
// send; a Sender delivers the messages over a bounded pool of SMTP
// connections, with retries and a rate limit, or writes them as .eml files
// for a dry run; the Journal in the output folder makes sure that no packet
// is sent twice, however often a run is interrupted or repeated.
//
// Only an Item's ID may appear in errors, logs, the journal or file names:
// never an address, a name or a password.
package mail

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/textproto"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"

	"handout/internal/atomicfile"
	"handout/internal/inputfile"
)

// Result is what became of one row's message. Err names no address
// or patient; the caller adds the row's id and line.
type Result struct {
	ID       string
	Status   Status     // "" when nothing was attempted: sent before, or Err says why
	action   sendAction // what the journal called for
	SHA256   string     // of the attachment sent (or that would have been)
	Attempts int
	Err      error
}

// Sentinel errors of a send, for callers that count or report by kind.
var (
	// ErrRejected is a permanent refusal (5xx): that row needs fixing.
	ErrRejected = errors.New("the mail server refused the message")
	// ErrRetriesExhausted is a transient failure that outlasted the
	// retries: the row can be sent again with --resume.
	ErrRetriesExhausted = errors.New("the mail server could not take the message now")
	// ErrMaybeDelivered is a connection lost after the whole message was
	// handed over and before the server answered: it may have arrived.
	ErrMaybeDelivered = errors.New("the connection broke after the message was handed over, before the server answered; whether it arrived is unknown: check with the patient, then run with --resend to send it again")
	// ErrInterrupted is a message not sent because the run was stopped.
	ErrInterrupted = errors.New("not sent: the run was interrupted")
	// ErrServer is a failure to connect or log in that no message can get
	// past (bad password, certificate): the run stops.
	ErrServer = errors.New("cannot use the mail server")
)

// connection is one connection to a mail server, or a stand-in for one.
// Implementations: *smtpConn (SMTP: go-mail connects and logs in, the
// mail transaction is driven here) and *emlConn (--dry-run: .eml files).
type connection interface {
	// deliver hands m over. It reconnects as needed.
	deliver(ctx context.Context, m *gomail.Msg, id string) error
	close()
}

// Sender sends each patient's packet, one message each, over a bounded
// pool of connections, with retries, a rate limit and the send journal.
// Safe to use from one goroutine (Run); it runs its own workers.
type Sender struct {
	settings *Settings
	tmpl     *templates
	journal  *Journal // nil for a dry run: nothing is recorded
	resend   bool
	dial     func() connection // makes a worker's connection
	pace     *pacer
	backoff  time.Duration // first retry delay; doubled each time, up to 30 times it
}

// NewSender returns a Sender over SMTP, or writing .eml files into
// dryRunDir when that is not "". journal may be nil for a dry run.
func NewSender(s *Settings, journal *Journal, dryRunDir string, resend bool) (*Sender, error) {
	t, err := parseTemplates(s)
	if err != nil {
		return nil, err
	}
	snd := &Sender{settings: s, tmpl: t, journal: journal, resend: resend, pace: newPacer(s.RatePerMinute), backoff: 2 * time.Second}
	if dryRunDir != "" {
		snd.dial = func() connection { return &emlConn{dir: dryRunDir} }
	} else {
		snd.dial = func() connection { return &smtpConn{settings: s} }
	}
	return snd, nil
}

// Run sends the items it receives until in is closed, with
// settings.Connections workers, and calls report once per item (from one
// goroutine at a time). After ctx is cancelled no new message is started;
// one being transmitted is finished (bounded by the timeout), so the
// journal knows its outcome; items still arriving are reported as
// interrupted. Run returns ErrServer if the server cannot be used at all;
// the items after that are reported interrupted.
func (snd *Sender) Run(ctx context.Context, in <-chan Item, report func(Result)) error {
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range snd.settings.Connections {
		wg.Go(func() {
			conn := snd.dial()
			defer conn.close()
			for it := range in {
				r := snd.sendOne(ctx, conn, it)
				if errors.Is(r.Err, ErrServer) {
					stop(r.Err)
				}
				mu.Lock()
				report(r)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); errors.Is(err, ErrServer) {
		return err
	}
	return nil
}

// packetFile is the kind of input a packet is to the sender: a regular
// file (a packet swapped for a pipe must not hang the run), and no larger
// than the largest message mail providers take (25 MB) could carry.
var packetFile = inputfile.Kind{What: "packet", Max: 25_000_000,
	Advice: "no mail provider takes a message this large; make the packets smaller with --preset email or --max-size 18MB"}

// sendOne decides, records, sends with retries, and records the outcome.
func (snd *Sender) sendOne(ctx context.Context, conn connection, it Item) Result {
	res := Result{ID: it.ID}
	pdf, err := packetFile.Read(it.File)
	if err != nil {
		res.Err = fmt.Errorf("reading the packet: %w", err)
		return res
	}
	sum := sha256.Sum256(pdf)
	res.SHA256 = hex.EncodeToString(sum[:])
	if snd.journal != nil {
		prev, ok := snd.journal.lookup(it.ID)
		res.action = decideSend(prev, ok, res.SHA256, snd.resend)
		switch res.action {
		case actionAlreadySent:
			return res
		case actionChanged:
			res.Err = errors.New("the packet changed since it was sent; run with --resend to send the new one")
			return res
		case actionMaybeSent:
			res.Err = maybeSentError(prev.Status)
			return res
		}
	}
	if ctx.Err() != nil {
		res.Err = ErrInterrupted
		return res
	}
	m, err := compose(snd.settings, snd.tmpl, it, filepath.Base(it.File), pdf)
	if err != nil {
		res.Err = err
		return res
	}
	if err := snd.note(Record{ID: it.ID, SHA256: res.SHA256, Status: StatusSending}); err != nil {
		res.Err = err
		return res
	}
	var code int
	res.Status, res.Attempts, code, res.Err = snd.deliver(ctx, conn, m, it)
	rec := Record{ID: it.ID, SHA256: res.SHA256, Status: res.Status, Code: code}
	if err := snd.note(rec); err != nil && res.Err == nil {
		// The journal still says "sending": the next run does not send it
		// again without --resend, but the front desk should know why.
		res.Err = fmt.Errorf("the message was delivered, but the send journal could not record it (%w); the next run will list it as perhaps sent: it was, so do not --resend it", err)
	}
	return res
}

// maybeSentError says why a row whose latest journal status is st
// (sending or unknown) is not sent again, from what the journal knows: a
// "sending" line without an outcome is a run that stopped (was killed)
// while handing the message over; "unknown" is a connection that broke
// after the message was handed over, in a run that went on.
func maybeSentError(st Status) error {
	what := "an earlier run stopped while the message was being handed over"
	if st == StatusUnknown {
		what = "in an earlier run the connection broke after the message was handed over, before the server answered"
	}
	return fmt.Errorf("%s; whether it arrived is unknown: check with the patient, then run with --resend to send it again", what)
}

// note records r in the journal, if there is one.
func (snd *Sender) note(r Record) error {
	if snd.journal == nil {
		return nil
	}
	return snd.journal.record(r)
}

// deliver sends m, retrying transient failures with exponential backoff
// (with jitter, so a pool of workers does not retry in step). The message
// itself is sent with a context that is not cancelled with ctx: once a
// transaction has started it is finished, so its outcome is known.
//
// It returns the outcome, the attempts made, the server's last reply code
// (0 if none) and the error for the row.
func (snd *Sender) deliver(ctx context.Context, conn connection, m *gomail.Msg, it Item) (Status, int, int, error) {
	wait := snd.backoff
	for attempt := 1; ; attempt++ {
		if err := snd.pace.wait(ctx); err != nil {
			return StatusFailed, attempt - 1, 0, ErrInterrupted
		}
		err := conn.deliver(context.WithoutCancel(ctx), m, it.ID)
		if err == nil {
			return StatusSent, attempt, 0, nil
		}
		code := smtpCode(err)
		switch classify(err) {
		case failPermanent:
			return StatusFailed, attempt, code, fmt.Errorf("%w (%s)", ErrRejected, describeSMTP(err, it))
		case failAmbiguous:
			return StatusUnknown, attempt, code, ErrMaybeDelivered
		case failServer:
			return StatusFailed, attempt, code, fmt.Errorf("%w: %s", ErrServer, describeSMTP(err, it))
		}
		if attempt >= snd.settings.Attempts {
			return StatusFailed, attempt, code, fmt.Errorf("%w after %d attempts (%s); run again with --resume", ErrRetriesExhausted, attempt, describeSMTP(err, it))
		}
		d := wait + time.Duration(rand.Int64N(int64(wait)/4+1))
		select {
		case <-ctx.Done():
			return StatusFailed, attempt, code, ErrInterrupted
		case <-time.After(d):
		}
		wait = min(2*wait, 30*snd.backoff)
	}
}

// failKind sorts a failed delivery.
type failKind int

const (
	failTransient failKind = iota // 4xx or the network before the end of data: retry
	failPermanent                 // 5xx for this message: report the row
	failAmbiguous                 // the whole message went out and no answer came back: do not retry
	failServer                    // login or TLS: stop the run
)

// classify sorts err from a delivery.
func classify(err error) failKind {
	var tp *textproto.Error
	hasCode := errors.As(err, &tp)
	var txErr *txError
	if errors.As(err, &txErr) {
		switch {
		case hasCode && tp.Code >= 500:
			return failPermanent
		case hasCode && tp.Code >= 400:
			// Refused, also at the end of data: a 4xx there means the
			// server did not take the message.
			return failTransient
		case txErr.step == stepReply:
			// The whole message went out and no (or no sensible) answer
			// came back: the server may have accepted it.
			return failAmbiguous
		}
		return failTransient
	}
	var dialErr *dialError
	if errors.As(err, &dialErr) {
		// A server that is down or busy may be back in a minute; one that
		// refuses our login or certificate will refuse every message.
		var netErr net.Error
		switch {
		case hasCode:
			if tp.Code >= 500 {
				return failServer
			}
		case errors.As(err, &netErr), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		default:
			return failServer
		}
	}
	return failTransient
}

// smtpCode returns the server's reply code in err, or 0.
func smtpCode(err error) int {
	var tp *textproto.Error
	if errors.As(err, &tp) {
		return tp.Code
	}
	return 0
}

// describeSMTP says what the server answered, without the recipient's
// address or name: servers often quote the address in a 550.
func describeSMTP(err error, it Item) string {
	msg := err.Error()
	secrets := []string{"<" + it.To + ">", it.To, it.Data.Name} // <address> first: "<recipient>", not "<<recipient>>"
	if i := strings.LastIndexByte(it.To, '@'); i > 0 {
		secrets = append(secrets, it.To[:i]) // the mailbox alone
	}
	for _, secret := range secrets {
		if strings.TrimSpace(secret) != "" {
			msg = regexp.MustCompile("(?i)"+regexp.QuoteMeta(secret)).ReplaceAllLiteralString(msg, "<recipient>")
		}
	}
	return strings.Join(strings.Fields(msg), " ")
}

// pacer spaces the start of deliveries (retries included) at least
// interval apart across all workers: the rate limit. Safe for concurrent
// use.
type pacer struct {
	interval time.Duration // 0: no limit
	mu       sync.Mutex
	next     time.Time
}

// newPacer returns a pacer for perMinute deliveries a minute (0: no limit).
func newPacer(perMinute int) *pacer {
	if perMinute <= 0 {
		return &pacer{}
	}
	return &pacer{interval: time.Minute / time.Duration(perMinute)}
}

// wait blocks until the caller may start a delivery, or ctx is done.
func (p *pacer) wait(ctx context.Context) error {
	if p.interval == 0 {
		return ctx.Err()
	}
	p.mu.Lock()
	now := time.Now()
	at := p.next
	if at.Before(now) {
		at = now
	}
	p.next = at.Add(p.interval)
	p.mu.Unlock()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(time.Until(at)):
		return nil
	}
}

// dialError is a failure to connect, greet, start TLS or log in.
type dialError struct{ err error }

func (e *dialError) Error() string { return "connecting to the mail server: " + e.err.Error() }
func (e *dialError) Unwrap() error { return e.err }

// txStep is how far a mail transaction got when it failed.
type txStep int

const (
	stepEnvelope txStep = iota // MAIL, RCPT or DATA: nothing of the message was handed over
	stepContent                // writing the message: its end was never sent, so the server cannot take it
	stepReply                  // the whole message was sent; waiting for the server's answer
)

// txError is a failure of one mail transaction on an open connection, with
// the step it failed at and the SMTP command.
type txError struct {
	step txStep
	cmd  string
	err  error
}

// Error gives the server's reply as it was sent ("RCPT TO: 550 5.1.1
// …"), not quoted as textproto.Error quotes it.
func (e *txError) Error() string {
	var tp *textproto.Error
	if errors.As(e.err, &tp) {
		return fmt.Sprintf("%s: %03d %s", e.cmd, tp.Code, tp.Msg)
	}
	return e.cmd + ": " + e.err.Error()
}
func (e *txError) Unwrap() error { return e.err }

// smtpConn is one SMTP connection of the pool, opened on first use and
// again after a failure.
//
// go-mail dials, greets, starts TLS and logs in (DialToSMTPClientWithContext);
// the mail transaction itself (MAIL, RCPT, DATA, the message, the end of
// data) is driven here on go-mail's smtp.Client, not by gomail.Client.Send.
// Send runs NOOP before and RSET after each message and returns one error
// for all of it: a connection that breaks after the server's 250 (at the
// RSET, or with a 421 to it) looks like a failed send, and a retry delivers
// the message twice. Here deliver returns as soon as the 250 to the end of
// data is read, and nothing that happens on the connection afterwards is
// part of that message: the next command belongs to the next message,
// which has not been handed over yet. Msg.IsDelivered would tell the same
// only as long as go-mail sets it where it does today; the steps below
// make "handed over" a fact of this file, which the tests pin with a
// server that fails at each of these points.
type smtpConn struct {
	settings *Settings
	client   *smtp.Client
}

// deliver sends m over the connection, connecting first if needed. Its
// error is a *dialError (connecting) or a *txError saying how far the
// transaction got. After a failure the connection is dropped (a refused
// recipient excepted): the next message gets a fresh one, which is what a
// server that answered 421 expects.
func (c *smtpConn) deliver(ctx context.Context, m *gomail.Msg, _ string) error {
	if c.client == nil {
		cl, err := c.connect(ctx)
		if err != nil {
			return &dialError{err}
		}
		c.client = cl
	}
	fail := func(step txStep, cmd string, err error) error {
		c.drop()
		return &txError{step: step, cmd: cmd, err: err}
	}
	if err := c.client.UpdateDeadline(time.Duration(c.settings.Timeout)); err != nil {
		return fail(stepEnvelope, "MAIL FROM", err)
	}
	from, err := m.GetSender(false)
	if err != nil {
		return fail(stepEnvelope, "MAIL FROM", err)
	}
	rcpts, err := m.GetRecipients()
	if err != nil {
		return fail(stepEnvelope, "RCPT TO", err)
	}
	if err := c.client.Mail(from); err != nil {
		return fail(stepEnvelope, "MAIL FROM", err)
	}
	for _, rcpt := range rcpts {
		if err := c.client.Rcpt(rcpt); err != nil {
			// A refused recipient leaves the session usable once the
			// transaction is reset; a failed reset does not.
			var tp *textproto.Error
			if errors.As(err, &tp) && c.client.Reset() == nil {
				return &txError{step: stepEnvelope, cmd: "RCPT TO", err: err}
			}
			return fail(stepEnvelope, "RCPT TO", err)
		}
	}
	w, err := c.client.Data()
	if err != nil {
		return fail(stepEnvelope, "DATA", err)
	}
	if _, err := m.WriteTo(w); err != nil {
		return fail(stepContent, "DATA", err)
	}
	// Close sends the end of data and reads the answer: from here on the
	// server may have the whole message.
	if err := w.Close(); err != nil {
		return fail(stepReply, "end of DATA", err)
	}
	return nil
}

// connect dials the server, starts TLS and logs in.
func (c *smtpConn) connect(ctx context.Context) (*smtp.Client, error) {
	s := c.settings
	// Verification stays on: RootCAs nil is the system's store, roots adds
	// the clinic's own CA from ca_file.
	tlsConfig := &tls.Config{ServerName: s.Host, RootCAs: s.roots, MinVersion: tls.VersionTLS12}
	opts := []gomail.Option{gomail.WithPort(s.Port), gomail.WithTimeout(time.Duration(s.Timeout)), gomail.WithTLSConfig(tlsConfig)}
	// WithTLSPolicy, not WithTLSPortPolicy: the latter moves port 25 to 587
	// and may add a clear-text fallback port. TLSMandatory makes a server
	// that offers no STARTTLS an error instead of a clear-text session.
	switch s.TLS {
	case "implicit":
		opts = append(opts, gomail.WithSSL(), gomail.WithTLSPolicy(gomail.TLSMandatory))
	case "starttls":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case "none":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if s.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(s.User), gomail.WithPassword(s.password))
	}
	cl, err := gomail.NewClient(s.Host, opts...)
	if err != nil {
		return nil, err
	}
	client, err := cl.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return nil, explainTLS(err, s.Host)
	}
	return client, nil
}

// explainTLS says in the clinic's words what a certificate error from
// connecting to host means and what to do; other errors are returned as
// they are. The x509 wording alone ("signed by unknown authority") does not
// tell the front desk that ca_file exists.
func explainTLS(err error, host string) error {
	var unknown x509.UnknownAuthorityError
	var wrongHost x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &unknown):
		return fmt.Errorf("the mail server's certificate is not trusted (%w); if the server uses the clinic's own certificate authority, set ca_file or $HANDOUT_SMTP_CA_FILE to its PEM file", err)
	case errors.As(err, &wrongHost):
		return fmt.Errorf("the mail server's certificate is not trusted: it is not for %s (%w); check host", host, err)
	case errors.As(err, &invalid):
		return fmt.Errorf("the mail server's certificate is not trusted (%w); its administrator must renew or fix it", err)
	}
	return err
}

// close says goodbye to the server (QUIT), if connected. Its outcome does
// not matter: every message sent has had its answer.
func (c *smtpConn) close() {
	if c.client != nil {
		_ = c.client.Quit()
		c.drop()
	}
}

// drop closes the connection without QUIT: after a failure the session is
// in no state for more commands (in the middle of DATA, a QUIT would be
// part of the message).
func (c *smtpConn) drop() {
	if c.client != nil {
		_ = c.client.Close()
		c.client = nil
	}
}

// emlConn is --dry-run's stand-in for a connection: it writes each message
// as ID.eml (a standard MIME message any mail client opens) into dir,
// mode 0600, atomically.
type emlConn struct{ dir string }

func (c *emlConn) deliver(_ context.Context, m *gomail.Msg, id string) error {
	var b strings.Builder
	if _, err := m.WriteTo(&b); err != nil {
		return fmt.Errorf("writing the message: %w", err)
	}
	return atomicfile.Write(filepath.Join(c.dir, emlName(id)), []byte(b.String()), 0o600)
}

func (c *emlConn) close() {}

// emlName is the dry-run file of row id: the id with anything but
// letters, digits, '-', '_' and '.' replaced, so an id cannot name a path.
func emlName(id string) string {
	clean := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, id)
	return clean + ".eml"
}
