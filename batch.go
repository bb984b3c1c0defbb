package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"handout/layout"
	"handout/render"
)

// batchOptions are the batch command's flags.
type batchOptions struct {
	list, clinic, outDir, name, shard, paper, preset string
	jobs                                             int
	resume, force, merge, grayscale                  bool

	maxSize, passwordColumn string      // issue 6: size budget, per-row passwords
	send                    sendOptions // issue 6: --send, --smtp, --dry-run, --resend
	sending                 bool        // --send
}

const batchUsage = `Usage: handout batch PATIENTS.csv [--clinic PROFILE.yaml] [--out-dir DIR] [--jobs N]
                     [--name TEMPLATE] [--resume] [--force] [--shard I/N] [--paper letter|a4]
                     [--preset print|email] [--grayscale] [--max-size SIZE] [--password-column NAME]
                     [--send [--smtp SETTINGS.yaml] [--dry-run] [--resend]]
       handout batch --merge-manifests --out-dir DIR

Makes one packet per patient of a list (CSV, or JSON Lines when the file
ends in .jsonl): a cover page, the patient's handouts with their doses, and
a weekly tick log. Every row is checked before any packet is written; rows
with problems are listed by line and id and skipped, the others are made.
A manifest in the output folder records each packet's checksum and inputs,
so that --resume after a crash redoes only what is missing or changed.
See README.md, "Batch packets", for the columns.

Exit codes: 0 every row done, 3 some rows failed, 2 nothing could be done,
1 usage error.`

// defaultNameTemplate names packets without the patient's name.
const defaultNameTemplate = "{date}-{id}.pdf"

func runBatch(args []string, stdout, stderr io.Writer) error {
	o := batchOptions{}
	fl := pflag.NewFlagSet("batch", pflag.ContinueOnError)
	fl.StringVar(&o.clinic, "clinic", "", "clinic profile YAML (default: the built-in sample clinic)")
	fl.StringVar(&o.outDir, "out-dir", ".", "folder for the packets and the manifest (created 0700 if missing)")
	fl.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "packets made at the same time")
	fl.StringVar(&o.name, "name", defaultNameTemplate, "file name template: {id} {date} {name} {handout}")
	fl.BoolVar(&o.resume, "resume", false, "skip rows whose packet is in the manifest with the same inputs and checksum")
	fl.BoolVar(&o.force, "force", false, "replace existing files that differ and were not made by this batch")
	fl.StringVar(&o.shard, "shard", "", "I/N: only the rows whose id hashes to shard I of N (0 ≤ I < N)")
	fl.StringVar(&o.paper, "paper", "", "paper size: letter or a4 (default: the clinic profile's)")
	fl.StringVar(&o.preset, "preset", "print", "image preset: print or email")
	fl.BoolVar(&o.grayscale, "grayscale", false, "photos in gray, with contrast tuned for black-and-white laser printers")
	fl.BoolVar(&o.merge, "merge-manifests", false, "merge the shard manifests in --out-dir into manifest.json, and make nothing")
	fl.StringVar(&o.maxSize, "max-size", "", "largest packet, e.g. 2MB or 600KB: photos are stepped down until it fits")
	fl.StringVar(&o.passwordColumn, "password-column", "", "encrypt each packet (AES-256) with the password in this column")
	fl.BoolVar(&o.sending, "send", false, "email each packet to the row's email address (see README, Email)")
	fl.StringVar(&o.send.settingsFile, "smtp", "", "SMTP settings YAML (default: the HANDOUT_SMTP_* environment only)")
	fl.BoolVar(&o.send.dryRun, "dry-run", false, "with --send: write ID.eml files into --out-dir instead of sending")
	fl.BoolVar(&o.send.resend, "resend", false, "with --send: also send packets changed since they were sent, and sends of unknown outcome")
	if help, err := parseFlags(fl, args, batchUsage, stdout); help || err != nil {
		return err
	}
	if o.merge {
		if fl.NArg() != 0 {
			return usagef("--merge-manifests takes no patient list")
		}
		return mergeManifests(o.outDir, stderr)
	}
	if fl.NArg() != 1 {
		return usagef("batch needs one patient list (CSV or .jsonl), got %d", fl.NArg())
	}
	o.list = fl.Arg(0)
	s, err := newBatchSettings(o)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(batchMemoryLimit))
	}
	return s.run(ctx, stderr)
}

// batchMemoryLimit is the heap size at which the collector works harder.
// With the collector set to run rarely (main sets GOGC=400), two workers
// would otherwise let the heap grow past 150 MB of garbage from fpdf's
// per-document buffers; under this limit a 1,000-packet run peaks near
// 110 MB of RSS at the same speed. GOMEMLIMIT in the environment wins.
const batchMemoryLimit = 100 << 20

// batchSettings are the checked options of one batch run.
type batchSettings struct {
	batchOptions
	tmpl   nameTemplate
	shard  shard
	paper  layout.Paper
	budget int64 // --max-size in bytes; 0 for none
}

// newBatchSettings checks the flags; every mistake is a usage error.
func newBatchSettings(o batchOptions) (*batchSettings, error) {
	s := &batchSettings{batchOptions: o}
	var err error
	if s.tmpl, err = parseNameTemplate(o.name); err != nil {
		return nil, usagef("--name: %v", err)
	}
	if s.shard, err = parseShard(o.shard); err != nil {
		return nil, usagef("--shard: %v", err)
	}
	if o.jobs < 1 || o.jobs > 256 {
		return nil, usagef("--jobs %d: use 1 to 256", o.jobs)
	}
	if _, err := parsePreset(o.preset); err != nil {
		return nil, usagef("--preset: %v", err)
	}
	if o.paper != "" {
		if s.paper, err = layout.PaperByName(o.paper); err != nil {
			return nil, usagef("--paper: %v", err)
		}
	}
	if o.maxSize != "" {
		if s.budget, err = render.ParseSize(o.maxSize); err != nil {
			return nil, usagef("--max-size: %v", err)
		}
	}
	if !o.sending && (o.send.dryRun || o.send.resend || o.send.settingsFile != "") {
		return nil, usagef("--smtp, --dry-run and --resend go with --send")
	}
	return s, nil
}

// run makes the packets: read and check the list, then make the rows of
// this shard in parallel, then write the manifest and report.
func (s *batchSettings) run(ctx context.Context, stderr io.Writer) error {
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
	p.fitter = render.NewSizeFitter(eng, s.budget)
	if s.passwordColumn != "" {
		p.encrypter = render.NewEncrypter()
	}
	if s.sending {
		if p.mail, err = startSending(ctx, s.outDir, s.send, len(plan), os.Getenv); err != nil {
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
		return err
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
	fmt.Fprintf(&b, "handout: %d rows: %d written, %d skipped, %d failed in %s%s\n",
		len(plan), t.written, t.skipped, len(t.failures), took.Round(time.Millisecond*100), rate)
	switch {
	case s.sending && s.send.dryRun:
		fmt.Fprintf(&b, "handout: mail (dry run): %d .eml files written, %d not written\n", t.mailSent, len(t.mailFailures))
	case s.sending:
		fmt.Fprintf(&b, "handout: mail: %d sent, %d sent before, %d not sent\n", t.mailSent, t.mailBefore, len(t.mailFailures))
	}
	if _, err := io.WriteString(stderr, b.String()); err != nil {
		return err
	}
	undone := len(plan) - t.written - t.skipped - len(t.failures)
	switch {
	case interrupted:
		return fmt.Errorf("interrupted with %d rows not done; run again with --resume to finish", undone)
	case len(t.failures) == 0 && len(t.mailFailures) == 0:
		return nil
	case len(t.failures) == 0:
		return &partialError{failed: len(t.mailFailures), total: len(plan)}
	case t.written+t.skipped == 0:
		return fmt.Errorf("all %d rows failed; no packet was made", len(plan))
	}
	return &partialError{failed: len(t.failures), total: len(plan)}
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

// listDir is the folder handout paths in a list are relative to.
func listDir(list string) string { return filepath.Dir(list) }
