//go:build unix

package main

import (
	"bufio"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeSignals: SIGINT (Ctrl-C) and SIGTERM (systemd, kill) stop the
// server gracefully: it answers until then and exits 0.
func TestServeSignals(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			cmd := handoutCommand(t, nil, "serve", "--addr", "127.0.0.1:0")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if err != nil {
				t.Fatalf("no address printed: %v", err)
			}
			url, _, _ := strings.Cut(strings.TrimPrefix(line, "handout serve: "), " ")
			resp, err := http.Get(url + "/api/health")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("after %v: %v, want exit 0", sig, err)
				}
			case <-time.After(15 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 15 s after %v", sig)
			}
		})
	}
}
