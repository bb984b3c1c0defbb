package mail

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	netmail "net/mail"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"handout/internal/inputfile"
)

// passwordEnv holds the SMTP password. It is read from the environment
// only: a settings file gets copied, mailed and committed; a password in it
// would travel with it.
const passwordEnv = "HANDOUT_SMTP_PASSWORD"

// Settings are the mail settings of a send: where to connect, as
// whom, and what the messages say. They come from a YAML file and the
// HANDOUT_SMTP_* environment variables (which win), see LoadSettings.
type Settings struct {
	Host    string `yaml:"host"`
	Port    int    `yaml:"port"`    // 0: 465 for implicit, 587 for starttls, 25 for none
	TLS     string `yaml:"tls"`     // implicit, starttls or none (none only to a loopback host)
	CAFile  string `yaml:"ca_file"` // PEM CA certificates trusted besides the system's (a clinic's own CA); relative to the settings file
	User    string `yaml:"user"`    // "": no SMTP AUTH
	From    string `yaml:"from"`    // "Clinic <frontdesk@example.com>"; a bare address gets the clinic's name
	ToName  bool   `yaml:"to_name"` // put the patient's name in To: (default: the address alone, which is all a server needs)
	ReplyTo string `yaml:"reply_to"`
	Subject string `yaml:"subject"` // text/template; "" for the default
	Body    string `yaml:"body"`    // text/template; "" for the default

	RatePerMinute int      `yaml:"rate_per_minute"` // 0: no limit
	Connections   int      `yaml:"connections"`     // 0: 4
	Attempts      int      `yaml:"attempts"`        // per message, for transient failures; 0: 5
	Timeout       duration `yaml:"timeout"`         // per connection and message; 0: 60s

	password string         // from $HANDOUT_SMTP_PASSWORD only
	roots    *x509.CertPool // the system's and CAFile's; nil without CAFile: the system's
}

// duration is a time.Duration that YAML writes as "30s" or "2m".
type duration time.Duration

// UnmarshalYAML reads a Go duration string.
func (d *duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil || v < 0 {
		return fmt.Errorf("line %d: %q is not a duration; write it like 30s or 2m", n.Line, n.Value)
	}
	*d = duration(v)
	return nil
}

// Defaults of the settings a file may leave out.
const (
	defaultConnections = 4
	defaultAttempts    = 5
	defaultSMTPTimeout = 60 * time.Second
	maxConnections     = 32
)

// LoadSettings reads path (may be "": environment only) and then the
// environment: HANDOUT_SMTP_HOST, _PORT, _TLS, _CA_FILE, _USER, _FROM,
// _REPLY_TO override the file, and HANDOUT_SMTP_PASSWORD is the only place a
// password is read from. getenv is os.Getenv outside tests.
func LoadSettings(path string, getenv func(string) string) (*Settings, error) {
	s, where, err := readSettings(path, getenv)
	if err != nil {
		return nil, err
	}
	if err := s.check(false); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return s, nil
}

// LoadDryRunSettings reads the settings for a dry run, which writes .eml
// files and connects to nothing: the server settings may be missing (a
// front desk previews the messages before anyone has set up mail), and the
// sender defaults to clinicEmail, the address in the clinic's profile
// (each message gives it the clinic's name).
// What is given is checked as for sending.
func LoadDryRunSettings(path string, getenv func(string) string, clinicEmail string) (*Settings, error) {
	s, where, err := readSettings(path, getenv)
	if err != nil {
		return nil, err
	}
	if s.From == "" {
		s.From = clinicEmail
	}
	if err := s.check(true); err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	return s, nil
}

// The kinds of input the SMTP settings and the CA file are. ca_file may
// name any file, absolute or relative to the settings (a clinic's CA often
// lives in /etc/ssl): like --smtp, it is the administrator's choice, and
// what it is read for is trust, never printed.
var (
	settingsFile = inputfile.Kind{What: "SMTP settings file", Max: 1_000_000}
	caFile       = inputfile.Kind{What: "CA certificate file", Max: 5_000_000,
		Advice: "it should hold only your mail server's CA certificate(s), in PEM form"}
)

// readSettings reads path and the environment, unchecked; where names
// them for messages.
func readSettings(path string, getenv func(string) string) (s *Settings, where string, err error) {
	s = &Settings{}
	where = "SMTP settings"
	if path != "" {
		where = path
		src, err := settingsFile.Read(path)
		if err != nil {
			return nil, "", fmt.Errorf("SMTP settings: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(src))
		dec.KnownFields(true)
		// An empty file is fine: the environment may say everything.
		if err := dec.Decode(s); err != nil && !errors.Is(err, io.EOF) {
			if strings.Contains(err.Error(), "field password not found") {
				return nil, "", fmt.Errorf("%s: a password does not belong in the settings file; remove it and set $%s", path, passwordEnv)
			}
			return nil, "", fmt.Errorf("%s: %w", path, err)
		}
		// Like the other paths a file names, ca_file is relative to the
		// file, so the settings work from any working directory.
		if s.CAFile != "" && !filepath.IsAbs(s.CAFile) {
			s.CAFile = filepath.Join(filepath.Dir(path), s.CAFile)
		}
	}
	for _, v := range []struct {
		env string
		to  *string
	}{
		{"HANDOUT_SMTP_HOST", &s.Host}, {"HANDOUT_SMTP_TLS", &s.TLS}, {"HANDOUT_SMTP_CA_FILE", &s.CAFile}, {"HANDOUT_SMTP_USER", &s.User},
		{"HANDOUT_SMTP_FROM", &s.From}, {"HANDOUT_SMTP_REPLY_TO", &s.ReplyTo},
	} {
		if e := getenv(v.env); e != "" {
			*v.to = e
		}
	}
	if e := getenv("HANDOUT_SMTP_PORT"); e != "" {
		p, err := strconv.Atoi(e)
		if err != nil {
			return nil, "", fmt.Errorf("$HANDOUT_SMTP_PORT %q is not a port number", e)
		}
		s.Port = p
	}
	s.password = getenv(passwordEnv)
	return s, where, nil
}

// check fills in defaults and reports the first setting that is wrong.
// For a dry run (dryRun) the server may be left out.
func (s *Settings) check(dryRun bool) error {
	if s.Host == "" && !dryRun {
		return errors.New("no host; set host: or $HANDOUT_SMTP_HOST")
	}
	if s.TLS == "" {
		s.TLS = "starttls"
	}
	switch s.TLS {
	case "implicit", "starttls":
	case "none":
		// Without TLS the packets cross the network in the clear: only a
		// relay on this machine (which then uses TLS itself) is allowed.
		if s.Host != "" && !isLoopback(s.Host) {
			return fmt.Errorf("tls: none is allowed only for a server on this machine (localhost, 127.0.0.1, ::1), not %s", s.Host)
		}
	default:
		return fmt.Errorf("tls: %q; use implicit, starttls or none", s.TLS)
	}
	if s.CAFile != "" {
		roots, err := loadRoots(s.CAFile)
		if err != nil {
			return err
		}
		s.roots = roots
	}
	if s.Port == 0 {
		s.Port = map[string]int{"implicit": 465, "starttls": 587, "none": 25}[s.TLS]
	}
	if s.Port < 1 || s.Port > 65535 {
		return fmt.Errorf("port %d is not a port number", s.Port)
	}
	if s.From == "" {
		return errors.New("no from address; set from: or $HANDOUT_SMTP_FROM")
	}
	if _, err := netmail.ParseAddress(s.From); err != nil {
		return fmt.Errorf("from %q: %w", s.From, err)
	}
	if s.ReplyTo != "" {
		if _, err := netmail.ParseAddress(s.ReplyTo); err != nil {
			return fmt.Errorf("reply_to %q: %w", s.ReplyTo, err)
		}
	}
	if s.User != "" && s.password == "" {
		return fmt.Errorf("user is set but $%s is empty", passwordEnv)
	}
	if s.RatePerMinute < 0 {
		return fmt.Errorf("rate_per_minute %d: use 0 (no limit) or more", s.RatePerMinute)
	}
	if s.Connections == 0 {
		s.Connections = defaultConnections
	}
	if s.Connections < 1 || s.Connections > maxConnections {
		return fmt.Errorf("connections %d: use 1 to %d", s.Connections, maxConnections)
	}
	if s.Attempts == 0 {
		s.Attempts = defaultAttempts
	}
	if s.Attempts < 1 || s.Attempts > 20 {
		return fmt.Errorf("attempts %d: use 1 to 20", s.Attempts)
	}
	if s.Timeout == 0 {
		s.Timeout = duration(defaultSMTPTimeout)
	}
	return nil
}

// loadRoots returns the system's trusted certificates plus the CA
// certificates in the PEM file caFile. Its errors name the file and say
// what to do: they are read before anything is sent.
func loadRoots(path string) (*x509.CertPool, error) {
	pem, err := caFile.Read(path)
	if err != nil {
		return nil, fmt.Errorf("ca_file: %w; set ca_file (or $HANDOUT_SMTP_CA_FILE) to the PEM file of your mail server's certificate authority, or remove it to trust only the system's", err)
	}
	roots, err := x509.SystemCertPool()
	if err != nil {
		// No system store (a bare container): the clinic's own CA, which
		// is what ca_file is for, is still enough for its own server.
		roots = x509.NewCertPool()
	}
	if !roots.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("ca_file %s: no PEM certificate in it; it must hold the CA certificate(s) as -----BEGIN CERTIFICATE----- blocks (ask whoever runs the mail server for the CA certificate in PEM form)", path)
	}
	return roots, nil
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
