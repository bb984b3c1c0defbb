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
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"handout/figures"
	"handout/internal/atomicfile"
	"handout/layout"
	"handout/render"
)

// DefaultNameTemplate names packets without the patient's name.
const DefaultNameTemplate = "{date}-{id}.pdf"

// Options are a batch run's settings as the command line gives them;
// New checks them.
type Options struct {
	List           string // the patient list: CSV, or JSON Lines when it ends in .jsonl
	Clinic         string // clinic profile YAML; "" for the built-in sample clinic
	OutDir         string // folder for the packets and the manifest
	Name           string // file name template; "" for DefaultNameTemplate
	Shard          string // "I/N", or "" for every row
	Paper          string // "letter", "a4", or "" for the clinic profile's
	Preset         string // photo preset: "print" or "email"
	Jobs           int    // packets made at the same time
	Resume, Force  bool   // skip rows already done; replace files not made by this batch
	Grayscale      bool   // photos in gray for black-and-white laser printers
	MaxSize        string // largest packet, e.g. "2MB"; "" for no limit
	PasswordColumn string // encrypt each packet with the password in this column
	Send           bool   // email each packet to the row's address
	SMTP           string // SMTP settings YAML; "" for the environment only
	DryRun, Resend bool   // with Send: write .eml files; send changed packets again
}

// Batch is a checked batch run; Run makes the packets.
type Batch struct{ s *batchSettings }

// New checks o. Its errors are mistakes in the options, each naming the
// option as the command line spells it.
func New(o Options) (*Batch, error) {
	if o.Name == "" {
		o.Name = DefaultNameTemplate
	}
	s, err := newBatchSettings(batchOptions{
		list: o.List, clinic: o.Clinic, outDir: o.OutDir, name: o.Name, shard: o.Shard,
		paper: o.Paper, preset: o.Preset, jobs: o.Jobs, resume: o.Resume, force: o.Force,
		grayscale: o.Grayscale, maxSize: o.MaxSize, passwordColumn: o.PasswordColumn,
		sending: o.Send, send: sendOptions{settingsFile: o.SMTP, dryRun: o.DryRun, resend: o.Resend},
	})
	if err != nil {
		return nil, err
	}
	return &Batch{s}, nil
}

// Run makes the packets, writes the manifest and reports on stderr: the
// failed rows by line and id, then a summary line. getenv supplies the
// SMTP settings from the environment. A *PartialError means some rows
// failed and the others were made.
func (b *Batch) Run(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	return b.s.run(ctx, getenv, stderr)
}

// PartialError reports a batch in which some rows failed.
type PartialError struct{ Failed, Total int }

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d of %s failed; the others were written", e.Failed, count(e.Total, "row"))
}

// batchOptions are the options inside the package.
type batchOptions struct {
	list, clinic, outDir, name, shard, paper, preset string
	jobs                                             int
	resume, force, grayscale                         bool

	maxSize, passwordColumn string      // size budget, per-row passwords
	send                    sendOptions // --send, --smtp, --dry-run, --resend
	sending                 bool        // --send
}

// batchSettings are the checked options of one batch run.
type batchSettings struct {
	batchOptions
	tmpl   nameTemplate
	shard  shard
	paper  layout.Paper
	budget int64 // --max-size in bytes; 0 for none
	// writeFile puts a packet or the manifest in place: atomicfile.Write,
	// or in tests a writer that fails as a full disk does.
	writeFile func(path string, data []byte, perm fs.FileMode) error
}

// newBatchSettings checks the flags; every mistake is a usage error.
func newBatchSettings(o batchOptions) (*batchSettings, error) {
	s := &batchSettings{batchOptions: o, writeFile: atomicfile.Write}
	var err error
	if s.tmpl, err = parseNameTemplate(o.name); err != nil {
		return nil, fmt.Errorf("--name: %v", err)
	}
	if s.shard, err = parseShard(o.shard); err != nil {
		return nil, fmt.Errorf("--shard: %v", err)
	}
	if o.jobs < 1 || o.jobs > 256 {
		return nil, fmt.Errorf("--jobs %d: use 1 to 256", o.jobs)
	}
	if _, err := figures.ParsePreset(o.preset); err != nil {
		return nil, fmt.Errorf("--preset: %v", err)
	}
	if o.paper != "" {
		if s.paper, err = layout.PaperByName(o.paper); err != nil {
			return nil, fmt.Errorf("--paper: %v", err)
		}
	}
	if o.maxSize != "" {
		if s.budget, err = render.ParseSize(o.maxSize); err != nil {
			return nil, fmt.Errorf("--max-size: %v", err)
		}
	}
	if !o.sending && (o.send.dryRun || o.send.resend || o.send.settingsFile != "") {
		return nil, fmt.Errorf("--smtp, --dry-run and --resend go with --send")
	}
	return s, nil
}

// run makes the packets: read and check the list, then make the rows of
// this shard in parallel, then write the manifest and report.
func (s *batchSettings) run(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	start := time.Now()
	// The stages, each a call: read the list, set up the engine and the
	// clinic, check every row, make the packets, write the manifest.
	rows, err := readPatientListWith(s.list, s.passwordColumn)
	if err != nil {
		return err
	}
	eng, err := render.NewEngine("")
	if err != nil {
		return err
	}
	clinic, err := render.LoadClinic(s.clinic)
	if err != nil {
		return err
	}
	p, err := newPlanner(s, eng, clinic)
	if err != nil {
		return err
	}
	defer p.close()
	plan := p.plan(rows)

	out, err := openOutput(s.outDir, s.shard, plan)
	if err != nil {
		return err
	}
	defer out.closeJournal()
	out.writeFile = s.writeFile
	p.fitter = render.NewSizeFitter(eng, s.budget)
	if s.passwordColumn != "" {
		p.encrypter = render.NewEncrypter()
		if p.passwordKey, err = loadPasswordKey(s.outDir); err != nil {
			return err
		}
	}
	if s.sending {
		if p.mail, err = startSending(ctx, s.outDir, s.send, len(plan), clinic.Profile.Email, getenv); err != nil {
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
func (s *batchSettings) report(stderr io.Writer, plan []*plannedRow, t tally, took time.Duration, interrupted bool) error {
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
	case s.sending && s.send.dryRun:
		fmt.Fprintf(&b, "handout: mail (dry run): %s written, %d not written\n", count(t.mailSent, ".eml file"), len(t.mailFailures))
	case s.sending:
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
