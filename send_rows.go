package main

import (
	"context"
	"fmt"

	"handout/content"
)

// sendOptions are the sending flags of a batch: --send (or --dry-run),
// --smtp FILE, --resend.
type sendOptions struct {
	settingsFile string // YAML settings; "" reads the environment only
	dryRun       bool   // write ID.eml files into the output folder instead of sending
	resend       bool   // send packets that changed since they were sent, and unknown outcomes
}

// sendRun is the sending side of a batch: packets are handed to it as
// they are written, and a bounded pool of connections sends them while
// the next packets are made.
type sendRun struct {
	in      chan mailItem
	done    chan struct{}
	journal *sendJournal
	results []sendResult
	err     error
}

// startSending reads the settings, opens the send journal in outDir (not
// for a dry run) and starts the senders. queue is how many items can wait
// without blocking submit (the number of rows, so making packets never
// waits for the mail server). getenv is os.Getenv outside tests.
func startSending(ctx context.Context, outDir string, o sendOptions, queue int, getenv func(string) string) (*sendRun, error) {
	s, err := loadSMTPSettings(o.settingsFile, getenv)
	if err != nil {
		return nil, err
	}
	r := &sendRun{in: make(chan mailItem, max(queue, 1)), done: make(chan struct{})}
	dryDir := ""
	if o.dryRun {
		dryDir = outDir
	} else if r.journal, err = openSendJournal(outDir); err != nil {
		return nil, err
	}
	snd, err := newSender(s, r.journal, dryDir, o.resend)
	if err != nil {
		r.journal.close()
		return nil, err
	}
	go func() {
		defer close(r.done)
		r.err = snd.run(ctx, r.in, func(res sendResult) { r.results = append(r.results, res) })
	}()
	return r, nil
}

// submit queues one packet for sending.
func (r *sendRun) submit(it mailItem) { r.in <- it }

// finish waits for every queued message and returns the results (in the
// order they finished) and the send journal's records by row id (for the
// manifest; nil for a dry run). The error is ErrServer when the server
// could not be used at all.
func (r *sendRun) finish() ([]sendResult, map[string]sendRecord, error) {
	close(r.in)
	<-r.done
	var recs map[string]sendRecord
	if r.journal != nil {
		recs = r.journal.records()
		if err := r.journal.close(); err != nil && r.err == nil {
			r.err = fmt.Errorf("send journal: %w", err)
		}
	}
	return r.results, recs, r.err
}

// emailDataFor is what a patient's message may say: the clinic's name and
// contacts, the patient's name and visit date, and whether the packet needs
// a password.
func emailDataFor(c *content.Clinic, name, date string, protected bool) emailData {
	return emailData{Name: name, Date: date, Clinic: c.Name, Phone: c.Phone, Email: c.Email, Website: c.Website, Protected: protected}
}

// sendSummary counts results for the batch's report line.
func sendSummary(results []sendResult) (sent, already, failed int) {
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed++
		case r.Status == statusSent:
			sent++
		default:
			already++
		}
	}
	return sent, already, failed
}
