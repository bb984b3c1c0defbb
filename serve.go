package main

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"handout/internal/inputfile"
	"handout/render"
	"handout/serve"
)

const serveUsage = `Usage: handout serve [--addr 127.0.0.1:8080] [--clinic PROFILE.yaml] [--library DIR] [--open]
                     [--host NAME]... [--password-file FILE] [--tls-cert CERT.pem --tls-key KEY.pem | --tls-self-signed]

Starts the front desk's web page on this machine and prints its address:
build a patient's programme with a live preview of the PDF, make a batch of
packets from a patient list, see the clinic's profile. Everything is served
by this program; nothing is fetched from the internet. Ctrl-C stops it.

It listens on loopback (this machine only) unless --addr says otherwise.
Any other address needs --password-file (asked of every request) and TLS:
--tls-cert and --tls-key, or --tls-self-signed (a certificate made once and
kept in --cert-dir; its fingerprint is printed). docs/api.md describes
the HTTP API the page uses.`

// serveOptions are the serve command's flags.
type serveOptions struct {
	addr, clinic, library, passwordFile string
	tlsCert, tlsKey, certDir            string
	selfSigned, open                    bool
	hosts                               []string
}

func serveFlags(o *serveOptions) *pflag.FlagSet {
	fl := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fl.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	fl.StringVar(&o.clinic, "clinic", "", "clinic profile YAML (default: the built-in sample clinic)")
	fl.StringVar(&o.library, "library", "", "a clinic's folder of exercises and protocols (default: the profile's library:); Save as protocol writes there")
	fl.BoolVar(&o.open, "open", false, "open the page in the default browser")
	fl.StringArrayVar(&o.hosts, "host", nil, "a name of this machine the browser may use besides the address (repeatable)")
	fl.StringVar(&o.passwordFile, "password-file", "", "ask every request for the password in this file's first line")
	fl.StringVar(&o.tlsCert, "tls-cert", "", "TLS certificate (PEM), with --tls-key")
	fl.StringVar(&o.tlsKey, "tls-key", "", "TLS private key (PEM), with --tls-cert")
	fl.BoolVar(&o.selfSigned, "tls-self-signed", false, "use a self-signed certificate, made once and kept in --cert-dir")
	fl.StringVar(&o.certDir, "cert-dir", "", "folder for the self-signed certificate (default: handout's settings folder)")
	completeFiles(fl, "clinic", "yaml", "yml")
	completeDirs(fl, "library")
	completeDirs(fl, "cert-dir")
	completeFiles(fl, "password-file")
	completeFiles(fl, "tls-cert", "pem", "crt")
	completeFiles(fl, "tls-key", "pem", "key")
	return fl
}

func runServe(args []string, stdout, stderr io.Writer) error {
	var o serveOptions
	fl := serveFlags(&o)
	if help, err := parseFlags(fl, args, serveUsage, stdout); help || err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return usagef("serve takes no arguments")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, o, stdout, stderr)
}

// serveUntil checks the options, starts the server and serves until ctx
// is done (a signal).
func serveUntil(ctx context.Context, o serveOptions, stdout, stderr io.Writer) error {
	host, _, err := net.SplitHostPort(o.addr)
	if err != nil {
		return usagef("--addr %q: write host:port, e.g. 127.0.0.1:8080", o.addr)
	}
	loopback := isLoopback(host)
	password, err := readServePassword(o.passwordFile)
	if err != nil {
		return err
	}
	tlsConfig, fingerprint, err := serveTLS(o)
	if err != nil {
		return err
	}
	if !loopback && (password == "" || tlsConfig == nil) {
		return usagef("--addr %s reaches beyond this machine, so it needs --password-file and TLS (--tls-cert and --tls-key, or --tls-self-signed); %s",
			o.addr, missingForNetwork(password != "", tlsConfig != nil))
	}
	clinic, err := render.LoadClinic(o.clinic)
	if err != nil {
		return err
	}
	library := o.library
	if library == "" {
		library = clinic.LibraryDir
	}
	srv, err := serve.New(serve.Config{Clinic: clinic, ClinicPath: o.clinic, LibraryDir: library, Hosts: o.hosts,
		Password: password, TLS: tlsConfig, Log: stderr})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %w", o.addr, err)
	}
	url := serve.URL(ln.Addr(), tlsConfig != nil)
	fmt.Fprintf(stdout, "handout serve: %s (Ctrl-C stops it)\n", url)
	if fingerprint != "" {
		fmt.Fprintf(stdout, "handout serve: the certificate's SHA-256 fingerprint is %s\n", fingerprint)
	}
	if o.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(stderr, "handout: warning: the browser could not be opened (%v); open %s\n", err, url)
		}
	}
	return srv.Serve(ctx, ln)
}

// isLoopback reports whether host (of --addr) is this machine only.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func missingForNetwork(havePassword, haveTLS bool) string {
	switch {
	case !havePassword && !haveTLS:
		return "neither is given"
	case !havePassword:
		return "no --password-file is given"
	}
	return "no TLS certificate is given"
}

// servePasswordFile is the kind of file --password-file is: a line.
var servePasswordFile = inputfile.Kind{What: "password", Max: 64_000, Advice: "its first line is the password; keep it short"}

// readServePassword reads the first line of path ("": none) without its
// line ending; an empty one is refused.
func readServePassword(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	src, err := servePasswordFile.Read(path)
	if err != nil {
		return "", fmt.Errorf("--password-file: %w", err)
	}
	line, _, _ := strings.Cut(string(src), "\n")
	pw := strings.TrimRight(line, "\r")
	if len(pw) < 8 {
		return "", usagef("--password-file %s: the first line is the password and must have at least 8 characters", path)
	}
	return pw, nil
}

// serveTLS is the TLS configuration the options ask for (nil for none)
// and, for a self-signed certificate, its fingerprint.
func serveTLS(o serveOptions) (*tls.Config, string, error) {
	switch {
	case (o.tlsCert == "") != (o.tlsKey == ""):
		return nil, "", usagef("--tls-cert and --tls-key go together")
	case o.tlsCert != "" && o.selfSigned:
		return nil, "", usagef("--tls-self-signed or --tls-cert/--tls-key: give one")
	case o.tlsCert != "":
		cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
		if err != nil {
			return nil, "", fmt.Errorf("--tls-cert %s, --tls-key %s: %w", o.tlsCert, o.tlsKey, err)
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, "", nil
	case o.selfSigned:
		dir := o.certDir
		if dir == "" {
			config, err := os.UserConfigDir()
			if err != nil {
				return nil, "", fmt.Errorf("--tls-self-signed: no settings folder (%v); give --cert-dir", err)
			}
			dir = filepath.Join(config, "handout")
		}
		cert, fp, err := serve.SelfSigned(dir, o.hosts)
		if err != nil {
			return nil, "", err
		}
		return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, fp, nil
	}
	return nil, "", nil
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
