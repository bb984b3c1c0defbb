package batch

import (
	"errors"
	"fmt"
	"path/filepath"

	"handout/mail"
)

// finisher returns what turns row r's PDF into the bytes written: AES-256
// encryption with the row's password under --password-column, else nil.
func (p *planner) finisher(r *plannedRow) (func([]byte) ([]byte, error), error) {
	return p.s.settings.Finisher(p.encrypter, r.password)
}

// fingerprint is what the manifest records of row r's password: "" when
// packets are not encrypted or the row has none (it fails in finisher).
func (p *planner) fingerprint(r *plannedRow) string {
	if p.encrypter == nil || r.password == "" {
		return ""
	}
	return passwordFingerprint(p.passwordKey, r.id, r.password)
}

// submitMail queues row r's packet for sending. A row without an address
// is a failure of its own: the packet is written, not sent.
func (s *Batch) submitMail(p *planner, out *output, r *plannedRow, t *tally) {
	if r.email == "" {
		t.mailFailures = append(t.mailFailures, &rowError{list: s.List, line: r.line, id: r.id, err: errors.New("not sent: no email address in the list")})
		return
	}
	p.mail.submit(mail.Item{
		ID: r.id, To: r.email, File: filepath.Join(out.dir, r.file),
		Data: emailDataFor(p.clinic, r.name, r.visitDate, p.encrypter != nil),
	})
}

// finishSending waits for the messages, reports the rows whose message
// failed, and puts each row's send status into the manifest.
func (s *Batch) finishSending(p *planner, out *output, plan []*plannedRow, t *tally) error {
	results, recs, err := p.mail.finish()
	rows := make(map[string]*plannedRow, len(plan))
	for _, r := range plan {
		rows[r.id] = r
	}
	for _, res := range results {
		switch {
		case res.Err != nil:
			r := rows[res.ID]
			t.mailFailures = append(t.mailFailures, &rowError{list: s.List, line: r.line, id: r.id, err: mailFailure(res)})
		case res.Status == mail.StatusSent:
			t.mailSent++
		default:
			t.mailBefore++
		}
	}
	for id, rec := range recs {
		if e, ok := out.done[id]; ok {
			e.Send, e.SentSHA256 = rec.Status, rec.SHA256
			out.done[id] = e
		}
	}
	return err
}

// mailFailure is what the report says of a row whose message failed: "not
// sent: why", except for a message that may well have arrived (handed
// over before the connection broke) or did (delivered, then not recorded):
// their errors say so themselves.
func mailFailure(res mail.Result) error {
	if res.Status == mail.StatusSent || res.Status == mail.StatusUnknown {
		return res.Err
	}
	return fmt.Errorf("not sent: %w", res.Err)
}
