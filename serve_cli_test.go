package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServeRefusesNetworkWithoutProtection: an address beyond loopback
// without both a password and TLS is refused before anything listens,
// saying what is missing.
func TestServeRefusesNetworkWithoutProtection(t *testing.T) {
	t.Parallel()
	pw := filepath.Join(t.TempDir(), "pw.txt")
	if err := os.WriteFile(pw, []byte("front desk secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		o    serveOptions
		want string
	}{
		{serveOptions{addr: "0.0.0.0:0"}, "neither is given"},
		{serveOptions{addr: "192.0.2.1:0", passwordFile: pw}, "no TLS certificate"},
		{serveOptions{addr: "0.0.0.0:0", selfSigned: true, certDir: t.TempDir()}, "no --password-file"},
		{serveOptions{addr: "0.0.0.0:0", tlsCert: "c.pem"}, "go together"},
		{serveOptions{addr: "8080"}, "host:port"},
	} {
		err := serveUntil(context.Background(), c.o, new(bytes.Buffer), new(bytes.Buffer))
		var ue *usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v; want a usage error saying %q", c.o, err, c.want)
		}
	}
}

// TestServeStartsAndStops: on loopback it prints its address, answers,
// and stops cleanly when told to (the signal's context).
func TestServeStartsAndStops(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	out := &lockedBuffer{}
	done := make(chan error, 1)
	go func() { done <- serveUntil(ctx, serveOptions{addr: "127.0.0.1:0"}, out, new(bytes.Buffer)) }()
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == ""; {
		if line, ok := strings.CutPrefix(out.String(), "handout serve: "); ok {
			url, _, _ = strings.Cut(line, " ")
		}
		if time.Now().After(deadline) {
			t.Fatalf("no address printed: %q", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Get(url + "/api/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("health: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("stopping: %v", err)
	}
}

// lockedBuffer is standard output written by the server's goroutine and
// read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
