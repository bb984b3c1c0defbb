//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"handout/mail/mailtest"
)

// TestBatchTerminate stops a sending batch with SIGTERM (what Kubernetes
// sends a pod) and SIGHUP (a terminal closing) as Ctrl-C does: the packets
// and messages in progress are finished, the journal is folded into the
// manifest, and the exit code is 2 with the reminder to --resume; no
// message is left "sending".
func TestBatchTerminate(t *testing.T) {
	t.Parallel()
	ts := mailtest.StartServer(t)
	env := []string{
		"HANDOUT_SMTP_HOST=127.0.0.1",
		"HANDOUT_SMTP_PORT=" + fmt.Sprint(ts.Port),
		"HANDOUT_SMTP_TLS=none",
		"HANDOUT_SMTP_FROM=Drummond Chiropractic <frontdesk@clinic.example>",
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			out, ids := stopBatch(t, sig, env, "--send")
			journal, err := os.ReadFile(filepath.Join(out, ".send-journal.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			last := map[string]string{}
			sc := bufio.NewScanner(bytes.NewReader(journal))
			for sc.Scan() {
				var rec struct{ ID, Status string }
				if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
					t.Fatalf("send journal line %q: %v", sc.Text(), err)
				}
				last[rec.ID] = rec.Status
			}
			for id, status := range last {
				if status == "sending" {
					t.Errorf("%s is left 'sending' in the send journal", id)
				}
			}
			t.Logf("%d packets, %d messages before the signal stopped the run", len(ids), len(last))
		})
	}
}
