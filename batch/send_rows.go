package batch

import (
	"context"
	"fmt"

	"handout/mail"
	"handout/render"
)

// sendRun is the sending side of a batch: packets are handed to it as
// they are written, and a bounded pool of connections sends them while
// the next packets are made.
type sendRun struct {
	in      chan mail.Item
	done    chan struct{}
	journal *mail.Journal
	results []mail.Result
	err     error
}

// startSending reads the SMTP settings (o.SMTP and the environment), opens
// the send journal in o.OutDir (not for a dry run: o.DryRun writes .eml
// files there) and starts the senders, which send changed packets again
// with o.Resend. queue is how many items can wait
// without blocking submit (the number of rows, so making packets never
// waits for the mail server). clinicEmail is the sender of a dry run that
// names none. getenv is os.Getenv outside tests.
func startSending(ctx context.Context, o Options, queue int, clinicEmail string, getenv func(string) string) (*sendRun, error) {
	var s *mail.Settings
	var err error
	if o.DryRun {
		s, err = mail.LoadDryRunSettings(o.SMTP, getenv, clinicEmail)
	} else {
		s, err = mail.LoadSettings(o.SMTP, getenv)
	}
	if err != nil {
		return nil, err
	}
	r := &sendRun{in: make(chan mail.Item, max(queue, 1)), done: make(chan struct{})}
	dryDir := ""
	if o.DryRun {
		dryDir = o.OutDir
	} else if r.journal, err = mail.OpenJournal(o.OutDir); err != nil {
		return nil, err
	}
	snd, err := mail.NewSender(s, r.journal, dryDir, o.Resend)
	if err != nil {
		r.journal.Close()
		return nil, err
	}
	go func() {
		defer close(r.done)
		r.err = snd.Run(ctx, r.in, func(res mail.Result) { r.results = append(r.results, res) })
	}()
	return r, nil
}

// submit queues one packet for sending.
func (r *sendRun) submit(it mail.Item) { r.in <- it }

// finish waits for every queued message and returns the results (in the
// order they finished) and the send journal's records by row id (for the
// manifest; nil for a dry run). The error is mail.ErrServer when the server
// could not be used at all.
func (r *sendRun) finish() ([]mail.Result, map[string]mail.Record, error) {
	close(r.in)
	<-r.done
	var recs map[string]mail.Record
	if r.journal != nil {
		recs = r.journal.Records()
		if err := r.journal.Close(); err != nil && r.err == nil {
			r.err = fmt.Errorf("send journal: %w", err)
		}
	}
	return r.results, recs, r.err
}

// emailDataFor is what a patient's message may say: the clinic's name and
// contacts, the patient's name and visit date, and whether the packet needs
// a password.
func emailDataFor(clinic render.Clinic, name, date string, protected bool) mail.Data {
	c := clinic.Profile
	return mail.Data{Name: name, Date: date, Clinic: c.Name, Phone: c.Phone, Email: c.Email, Website: c.Website, Protected: protected}
}

// sendSummary counts results for the batch's report line.
func sendSummary(results []mail.Result) (sent, already, failed int) {
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed++
		case r.Status == mail.StatusSent:
			sent++
		default:
			already++
		}
	}
	return sent, already, failed
}
