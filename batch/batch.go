// Package batch makes one packet per patient of a list: it reads and checks
// the list, plans the rows (skipping those a manifest says are done), makes
// the packets in parallel with one render.Engine, writes them atomically,
// keeps the manifest and its journal, and optionally sends each packet by
// email (package mail). The command line (package main) only parses the
// flags into Options.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"handout/render"
)

// DefaultNameTemplate names packets without the patient's name.
const DefaultNameTemplate = "{date}-{id}.pdf"

// Options are a batch run's settings as the command line gives them, in
// one struct from the flags to the run; New checks them.
type Options struct {
	List          string // the patient list: CSV, or JSON Lines when it ends in .jsonl
	Clinic        string // clinic profile YAML; "" for the built-in sample clinic
	Library       string // a clinic's exercise folder; "" for the profile's library:
	OutDir        string // folder for the packets and the manifest
	Name          string // file name template; "" for DefaultNameTemplate
	Shard         string // "I/N", or "" for every row
	Jobs          int    // packets made at the same time
	Resume, Force bool   // skip rows already done; replace files not made by this batch
	// Render is how packets are made, checked by render as the render
	// command's are: --preset, --paper, --grayscale, --max-size, and
	// --password-column as Render.Password.Column.
	Render         render.Settings
	Send           bool   // email each packet to the row's address
	SMTP           string // with Send: SMTP settings YAML; "" for the environment only
	DryRun, Resend bool   // with Send: write .eml files; send changed packets again
}

// Batch is a checked batch run; Run makes the packets.
type Batch struct {
	Options
	settings render.Checked // Options.Render, checked
	tmpl     nameTemplate
	shard    shard
	// disk puts the packets and the manifest in place: atomicDisk, or in
	// tests a recorder of the order of syncs or a writer that fails as a
	// full disk does.
	disk outputDisk
	// commitWait is how long a packet placed waits at most for its group
	// to fill: commitWithin, or in tests longer, so that only full groups
	// (and the last) are committed however slow the machine.
	commitWait time.Duration
}

// New checks o. Its errors are mistakes in the options, each naming the
// option as the command line spells it.
func New(o Options) (*Batch, error) {
	if o.Name == "" {
		o.Name = DefaultNameTemplate
	}
	s := &Batch{Options: o, disk: atomicDisk(), commitWait: commitWithin}
	var err error
	if s.tmpl, err = parseNameTemplate(o.Name); err != nil {
		return nil, fmt.Errorf("--name: %v", err)
	}
	if s.shard, err = parseShard(o.Shard); err != nil {
		return nil, fmt.Errorf("--shard: %v", err)
	}
	if o.Jobs < 1 || o.Jobs > 256 {
		return nil, fmt.Errorf("--jobs %d: use 1 to 256", o.Jobs)
	}
	if s.settings, err = o.Render.Check(); err != nil {
		return nil, err
	}
	if !o.Send && (o.DryRun || o.Resend || o.SMTP != "") {
		return nil, fmt.Errorf("--smtp, --dry-run and --resend go with --send")
	}
	return s, nil
}

// PartialError reports a batch in which some rows failed.
type PartialError struct{ Failed, Total int }

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d of %s failed; the others were written", e.Failed, count(e.Total, "row"))
}

// Run makes the packets, writes the manifest and reports on stderr: the
// failed rows by line and id, then a summary line. getenv supplies the
// SMTP settings from the environment. A *PartialError means some rows
// failed and the others were made.
//
// The stages, each a call: read the list, set up the engine and the
// clinic, check every row, make the packets of this shard in parallel,
// write the manifest and report.
func (s *Batch) Run(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	start := time.Now()
	// The clinic first: its profile may name the list's columns.
	clinic, err := render.LoadClinic(s.Clinic)
	if err != nil {
		return err
	}
	names, err := checkListColumns(clinic.Profile.Source, clinic.Profile.ListColumns)
	if err != nil {
		return err
	}
	rows, unused, err := readPatientListWith(s.List, listOptions{passwordColumn: s.settings.PasswordColumn(), columns: names})
	if err != nil {
		return err
	}
	eng, err := render.NewEngine("")
	if err != nil {
		return err
	}
	if s.Library != "" {
		clinic.LibraryDir = s.Library // --library wins over the profile's library:, as for render
	}
	p, err := newPlanner(s, eng, clinic)
	if err != nil {
		return err
	}
	defer p.close()
	if len(unused) > 0 {
		// An export's other columns: said once, so that a column meant
		// for the program under another name is noticed.
		p.warnings.add(fmt.Sprintf("%s:1: %s not read (not one of handout's columns; never printed): %s",
			s.List, count(len(unused), "column"), strings.Join(quoteAll(unused), ", ")))
	}
	plan := p.plan(rows)

	out, err := openOutput(s.OutDir, s.shard, plan, s.disk)
	if err != nil {
		return err
	}
	defer out.closeJournal()
	p.fitter = render.NewSizeFitter(eng, s.settings.Budget)
	if s.settings.Encrypted {
		p.encrypter = render.NewEncrypter()
		if p.passwordKey, err = loadPasswordKey(s.OutDir); err != nil {
			return err
		}
	}
	if s.Send {
		if p.mail, err = startSending(ctx, s.Options, len(plan), clinic.Profile.Email, getenv); err != nil {
			return err
		}
	}

	tally := s.produce(ctx, p, out, plan, stderr)
	if p.mail != nil {
		if err := s.finishSending(p, out, plan, &tally); err != nil {
			return err
		}
	}

	if err := out.writeManifest(); err != nil {
		if tally.stop == nil && !stopsRun(err) {
			return err
		}
		// The packets made are on disk and in the journal, which --resume
		// reads: say what stopped the run, and this too.
		tally.manifestErr = err
		if tally.stop == nil {
			tally.stop = err
		}
	}
	for _, w := range p.warnings.sorted() {
		if _, err := fmt.Fprintf(stderr, "handout: warning: %s\n", w); err != nil {
			return err
		}
	}
	return s.report(stderr, plan, tally, time.Since(start), ctx.Err() != nil)
}

// report prints the failures, one per line in list order, and the summary
// line, and returns the error that sets the exit code.
func (s *Batch) report(stderr io.Writer, plan []*plannedRow, t tally, took time.Duration, interrupted bool) error {
	all := append(slices.Clone(t.failures), t.mailFailures...)
	slices.SortStableFunc(all, func(a, b *rowError) int { return a.line - b.line })
	var b strings.Builder
	for _, f := range all {
		fmt.Fprintf(&b, "handout: %s\n", f.Error())
	}
	rate := ""
	if secs := took.Seconds(); t.written > 0 && secs > 0 {
		rate = fmt.Sprintf(", %.0f packets/s", float64(t.written)/secs)
	}
	fmt.Fprintf(&b, "handout: %s: %d written, %d skipped, %d failed in %s%s\n",
		count(len(plan), "row"), t.written, t.skipped, len(t.failures), took.Round(time.Millisecond*100), rate)
	switch {
	case s.Send && s.DryRun:
		fmt.Fprintf(&b, "handout: mail (dry run): %s written, %d not written\n", count(t.mailSent, ".eml file"), len(t.mailFailures))
	case s.Send:
		fmt.Fprintf(&b, "handout: mail: %d sent, %d sent before, %d not sent\n", t.mailSent, t.mailBefore, len(t.mailFailures))
	}
	if _, err := io.WriteString(stderr, b.String()); err != nil {
		return err
	}
	undone := len(plan) - t.written - t.skipped - len(t.failures)
	switch {
	case t.stop != nil:
		problem, advice := outputUnusable(t.stop)
		msg := fmt.Sprintf("stopped: %s (%v); %s not done; %s, then run again with --resume to finish",
			problem, t.stop, count(undone, "row"), advice)
		if t.manifestErr != nil && t.manifestErr != t.stop {
			msg += fmt.Sprintf(". The manifest could not be written either (%v); --resume finds the packets made", t.manifestErr)
		}
		return errors.New(msg)
	case interrupted:
		return fmt.Errorf("interrupted with %s not done; run again with --resume to finish", count(undone, "row"))
	case len(t.failures) == 0 && len(t.mailFailures) == 0:
		return nil
	case len(t.failures) == 0:
		return &PartialError{Failed: len(t.mailFailures), Total: len(plan)}
	case t.written+t.skipped == 0 && len(plan) == 1:
		return errors.New("the only row failed; no packet was made")
	case t.written+t.skipped == 0:
		return fmt.Errorf("all %d rows failed; no packet was made", len(plan))
	}
	return &PartialError{Failed: len(t.failures), Total: len(plan)}
}

// rowError is a problem with one row of the list. It names the row by its
// line and id, never by the patient's name.
type rowError struct {
	list string // the list's path, as given
	line int
	id   string // "" when the row has no usable id
	err  error
}

// Error reads "patients.csv:17 (id P0042): unknown handout …", on one line.
func (e *rowError) Error() string {
	msg := strings.ReplaceAll(e.err.Error(), "\n", "; ")
	if e.id == "" {
		return fmt.Sprintf("%s:%d: %s", e.list, e.line, msg)
	}
	return fmt.Sprintf("%s:%d (id %s): %s", e.list, e.line, e.id, msg)
}

func (e *rowError) Unwrap() error { return e.err }

// errNoRows is a list with a header and nothing else.
var errNoRows = errors.New("the list has no rows")

// count is n with the noun, plural unless n is 1: "1 row", "3 rows".
// Every noun a batch counts takes an "s".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// listDir is the folder handout paths in a list are relative to.
func listDir(list string) string { return filepath.Dir(list) }
