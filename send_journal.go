package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// sendJournalName is the send journal in an output folder.
const sendJournalName = ".send-journal.jsonl"

// sendStatus is what became of one row's message.
type sendStatus string

// Send statuses, as the journal and manifest record them.
const (
	// statusSending is written before a message is handed to the server.
	// Left without an outcome (the process was killed meanwhile), the
	// message may or may not have been delivered.
	statusSending sendStatus = "sending"
	statusSent    sendStatus = "sent"    // the server accepted it (250 after DATA)
	statusFailed  sendStatus = "failed"  // not delivered: refused, retries used up, or interrupted before DATA ended
	statusUnknown sendStatus = "unknown" // the connection broke after the whole message was handed over
)

// sendRecord is one line of the send journal: the row, the SHA-256 of the
// attachment, and what happened. It holds no address, name or password.
type sendRecord struct {
	ID     string     `json:"id"`
	SHA256 string     `json:"pdf_sha256"`
	Status sendStatus `json:"status"`
	Code   int        `json:"smtp_code,omitempty"` // the server's reply code for a failure
}

// sendJournal is the append-only record of sends in an output folder, so
// that a run that is interrupted, killed or repeated never sends a packet
// twice. Each line is written with one write and synced before the next
// step (a "sending" line before the message goes out, the outcome after),
// so a kill leaves whole lines and never loses a "sent". Safe for concurrent
// use.
type sendJournal struct {
	mu   sync.Mutex
	f    *os.File
	last map[string]sendRecord // the latest record per row id
}

// openSendJournal reads the journal in dir (if any) and opens it for
// appending. A line cut short by a crash is ignored: at worst its row is
// considered in the state its previous line says, which for a cut
// "sending" line is "never started".
func openSendJournal(dir string) (*sendJournal, error) {
	path := filepath.Join(dir, sendJournalName)
	j := &sendJournal{last: map[string]sendRecord{}}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("send journal: %w", err)
	default:
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var r sendRecord
			if json.Unmarshal(sc.Bytes(), &r) == nil && r.ID != "" {
				j.last[r.ID] = r
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("send journal: %w", err)
		}
	}
	if j.f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600); err != nil {
		return nil, fmt.Errorf("send journal: %w", err)
	}
	return j, nil
}

// record appends r and syncs it to disk.
func (j *sendJournal) record(r sendRecord) error {
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("send journal: %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("send journal: %w", err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("send journal: %w", err)
	}
	j.last[r.ID] = r
	return nil
}

// lookup returns the latest record of row id.
func (j *sendJournal) lookup(id string) (sendRecord, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	r, ok := j.last[id]
	return r, ok
}

// records returns the latest record of every row, for a manifest.
func (j *sendJournal) records() map[string]sendRecord {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make(map[string]sendRecord, len(j.last))
	for k, v := range j.last {
		out[k] = v
	}
	return out
}

// close closes the journal file.
func (j *sendJournal) close() error {
	if j == nil || j.f == nil {
		return nil
	}
	return j.f.Close()
}

// sendAction is what to do with a row's packet given the journal.
type sendAction int

const (
	actionSend         sendAction = iota // never sent, or not delivered: send
	actionAlreadySent                    // sent with these bytes: never again
	actionChanged                        // sent, and the packet changed since: only with --resend
	actionMaybeSent                      // an earlier send's outcome is unknown: only with --resend
	actionResendChange                   // sent before, changed, --resend given: send
)

// decideSend says what to do with a packet of SHA-256 sum for a row whose
// latest journal record is prev (ok false: none). The same bytes are never
// sent twice, --resend or not; --resend allows a changed packet, or one
// whose earlier send may or may not have arrived, to go out.
func decideSend(prev sendRecord, ok bool, sum string, resend bool) sendAction {
	if !ok {
		return actionSend
	}
	switch prev.Status {
	case statusSent:
		switch {
		case prev.SHA256 == sum:
			return actionAlreadySent
		case resend:
			return actionResendChange
		}
		return actionChanged
	case statusSending, statusUnknown:
		if resend {
			return actionSend
		}
		return actionMaybeSent
	}
	return actionSend
}
