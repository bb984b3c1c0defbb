// Package mailtest provides what tests of sending need: a real SMTP server
// on a loopback port, packets to send, and a check that a message received
// is the MIME message a patient's client would open.
package mailtest

import (
	"bytes"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"net"
	netmail "net/mail"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Server is a real SMTP server (go-smtp) on a loopback port, started by a
// test. It records every message it accepts, can refuse a recipient with
// 550, can answer 421 to a recipient's first attempts, and can fail around
// the end of a message (SetFault). Safe for concurrent use.
type Server struct {
	Addr string // host:port
	Port int

	mu        sync.Mutex
	received  []Message
	reject    map[string]bool // recipient → 550
	tempFails map[string]int  // recipient → how many 421s are left
	rcptTries map[string]int
	discard   bool // keep only the recipients, not the bytes (benchmarks)
	fault     Fault

	caPEM []byte // the CA that signed the certificate of a TLS server
}

// Message is one accepted message.
type Message struct {
	To   []string
	Data []byte // nil after Discard
	TLS  bool   // the session was encrypted: implicit TLS or after STARTTLS
}

// StartServer starts a Server without TLS that stops when the test ends.
// It offers no STARTTLS.
func StartServer(t testing.TB) *Server {
	t.Helper()
	return start(t, noTLS)
}

// start starts a Server that offers TLS as mode says.
func start(t testing.TB, mode TLSMode) *Server {
	t.Helper()
	ts := &Server{reject: map[string]bool{}, tempFails: map[string]int{}, rcptTries: map[string]int{}}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{srv: ts, conn: c}, nil
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
	ts.Addr = l.Addr().String()
	ts.Port = l.Addr().(*net.TCPAddr).Port
	if mode != noTLS {
		cfg, caPEM := serverTLS(t)
		ts.caPEM = caPEM
		switch mode {
		case Implicit:
			l = tls.NewListener(l, cfg)
		case StartTLS:
			srv.TLSConfig = cfg
		default:
			t.Fatalf("mailtest: unknown TLS mode %d", mode)
		}
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return ts
}

// Reject makes the server refuse recipient to with 550, or with reject
// false accept it again.
func (ts *Server) Reject(to string, reject bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if reject {
		ts.reject[to] = true
	} else {
		delete(ts.reject, to)
	}
}

// TempFail makes the server answer 421 to recipient to's next n attempts.
func (ts *Server) TempFail(to string, n int) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.tempFails[to] = n
}

// Fault is a way for the server to fail around the end of a message: what
// a server that is killed, shut down or overloaded between two messages
// does to the client.
type Fault int

const (
	// NoFault: the server behaves.
	NoFault Fault = iota
	// DropAfter250 closes the connection right after the 250 that accepts
	// a message, as a server killed at that moment: the client's next
	// command (RSET, MAIL, QUIT) finds the connection gone.
	DropAfter250
	// Reply421After250 answers 421 to the next command after the 250 that
	// accepts a message (RSET or MAIL alike) and closes the connection, as
	// a server that is shutting down.
	Reply421After250
	// Refuse421NextMail answers 421 to the MAIL of the next message on a
	// connection that has delivered one, and keeps the connection.
	Refuse421NextMail
	// NoReplyAfterData takes the whole message (it is delivered) but
	// closes the connection before answering the end of data: the client
	// cannot know whether it was accepted.
	NoReplyAfterData
)

// SetFault makes the server fail as f says from now on, on every
// connection.
func (ts *Server) SetFault(f Fault) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.fault = f
}

// Discard makes the server keep only the recipients of the messages it
// accepts, not their bytes (benchmarks).
func (ts *Server) Discard() {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.discard = true
}

// Tries returns how many times recipient to was given, accepted or not.
func (ts *Server) Tries(to string) int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.rcptTries[to]
}

// Received returns the messages accepted so far.
func (ts *Server) Received() []Message {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]Message(nil), ts.received...)
}

// Delivered returns how many messages each recipient got.
func (ts *Server) Delivered() map[string]int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	n := map[string]int{}
	for _, m := range ts.received {
		for _, to := range m.To {
			n[to]++
		}
	}
	return n
}

// session is one SMTP session of the test server.
type session struct {
	srv      *Server
	conn     *smtp.Conn
	to       []string
	accepted int // messages accepted on this connection
}

// Reset is called by go-smtp after it has answered the end of data and
// before it answers RSET: the moment for the faults that come after a 250.
// The connection is closed underneath go-smtp (its Conn.Close takes a lock
// that go-smtp holds while calling Reset).
func (s *session) Reset() {
	s.to = nil
	if s.accepted == 0 {
		return
	}
	s.srv.mu.Lock()
	fault := s.srv.fault
	s.srv.mu.Unlock()
	switch fault {
	case DropAfter250:
		s.conn.Conn().Close()
	case Reply421After250:
		io.WriteString(s.conn.Conn(), "421 4.3.2 Service shutting down\r\n")
		s.conn.Conn().Close()
	}
}

func (s *session) Logout() error { return nil }

func (s *session) Mail(string, *smtp.MailOptions) error {
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	if s.srv.fault == Refuse421NextMail && s.accepted > 0 {
		return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 3, 2}, Message: "too busy, try again later"}
	}
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
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

func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.srv.mu.Lock()
	if s.srv.discard {
		b = nil
	}
	// Asked per message, not per session: STARTTLS comes after the session
	// has begun.
	_, isTLS := s.conn.TLSConnectionState()
	s.srv.received = append(s.srv.received, Message{To: s.to, Data: b, TLS: isTLS})
	fault := s.srv.fault
	s.srv.mu.Unlock()
	s.accepted++
	if fault == NoReplyAfterData {
		s.conn.Conn().Close()
	}
	return nil
}

// Packet is one patient's packet on disk and where it goes.
type Packet struct {
	ID   string // P0000, P0001, …
	To   string // patient0@mail.example, …
	Name string // Pat Example0, …
	File string // 2026-11-25-ID.pdf in a temporary folder
}

// WritePackets writes n packets (random bytes behind a PDF header, size
// bytes each) and returns one Packet per patient.
func WritePackets(t testing.TB, n, size int) []Packet {
	t.Helper()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	packets := make([]Packet, n)
	for i := range packets {
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
		packets[i] = Packet{ID: id, To: fmt.Sprintf("patient%d@mail.example", i), Name: fmt.Sprintf("Pat Example%d", i), File: file}
	}
	return packets
}

// CheckMIME parses a received message as MIME and returns its To, Subject,
// text body, attachment file name and attachment bytes. It fails the test
// if the message is not a multipart/mixed message with From, Date,
// Message-Id and MIME-Version headers, a text part and a PDF.
func CheckMIME(t testing.TB, data []byte) (to, subject, body, filename string, attachment []byte) {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(data))
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
