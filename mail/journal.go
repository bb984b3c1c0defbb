package mail

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"handout/internal/atomicfile"
)

// JournalName is the send journal in an output folder.
const JournalName = ".send-journal.jsonl"

// Status is what became of one row's message.
type Status string

// Send statuses, as the journal and manifest record them.
const (
	// StatusSending is written before a message is handed to the server.
	// Left without an outcome (the process was killed meanwhile), the
	// message may or may not have been delivered.
	StatusSending Status = "sending"
	StatusSent    Status = "sent"    // the server accepted it (250 after DATA)
	StatusFailed  Status = "failed"  // not delivered: refused, retries used up, or interrupted before DATA ended
	StatusUnknown Status = "unknown" // the connection broke after the whole message was handed over
)

// Record is one line of the send journal: the row, the SHA-256 of the
// attachment, and what happened. It holds no address, name or password.
type Record struct {
	ID     string `json:"id"`
	SHA256 string `json:"pdf_sha256"`
	Status Status `json:"status"`
	Code   int    `json:"smtp_code,omitempty"` // the server's reply code for a failure
}

// Journal is the append-only record of sends in an output folder, so
// that a run that is interrupted, killed or repeated never sends a packet
// twice. Each line is written with one write and synced before the next
// step (a "sending" line before the message goes out, the outcome after),
// so a kill leaves whole lines and never loses a "sent". Safe for concurrent
// use.
type Journal struct {
	mu   sync.Mutex
	f    *os.File
	last map[string]Record // the latest record per row id
}

// OpenJournal reads the journal in dir (if any) and opens it for
// appending. A line cut short by a crash is ignored: at worst its row is
// considered in the state its previous line says, which for a cut
// "sending" line is "never started".
func OpenJournal(dir string) (*Journal, error) {
	path := filepath.Join(dir, JournalName)
	j := &Journal{last: map[string]Record{}}
	// One open for reading and appending, never through a link: a
	// planted link would make the run append to any file its user can
	// write (atomicfile.OpenJournal).
	f, err := atomicfile.OpenJournal(path)
	if err != nil {
		return nil, fmt.Errorf("send journal: %w", err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r Record
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.ID != "" {
			j.last[r.ID] = r
		}
	}
	if err := sc.Err(); err != nil {
		f.Close()
		return nil, fmt.Errorf("send journal: %w", err)
	}
	j.f = f
	return j, nil
}

// record appends r and syncs it to disk.
func (j *Journal) record(r Record) error {
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
func (j *Journal) lookup(id string) (Record, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	r, ok := j.last[id]
	return r, ok
}

// Records returns the latest record of every row, for a manifest.
func (j *Journal) Records() map[string]Record {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make(map[string]Record, len(j.last))
	for k, v := range j.last {
		out[k] = v
	}
	return out
}

// Close closes the journal file.
func (j *Journal) Close() error {
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
func decideSend(prev Record, ok bool, sum string, resend bool) sendAction {
	if !ok {
		return actionSend
	}
	switch prev.Status {
	case StatusSent:
		switch {
		case prev.SHA256 == sum:
			return actionAlreadySent
		case resend:
			return actionResendChange
		}
		return actionChanged
	case StatusSending, StatusUnknown:
		if resend {
			return actionSend
		}
		return actionMaybeSent
	}
	return actionSend
}
