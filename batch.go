package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/spf13/pflag"

	"handout/batch"
	"handout/render"
)

const batchUsage = `Usage: handout batch PATIENTS.csv [--clinic PROFILE.yaml] [--library DIR] [--out-dir DIR]
                     [--jobs N] [--name TEMPLATE] [--resume] [--force] [--shard I/N] [--paper letter|a4]
                     [--preset print|email] [--style sheet|large-print|article] [--grayscale] [--max-size SIZE]
                     [--password-column NAME]
                     [--send [--smtp SETTINGS.yaml] [--dry-run] [--resend]]
       handout batch --merge-manifests --out-dir DIR

Makes one packet per patient of a list (CSV, or JSON Lines when the file
ends in .jsonl): a cover page, the patient's programme (the protocol and
exercises columns) and handouts with their doses, and a weekly tick log.
A practice system's export is read as it is saved (its patient columns
recognised, its other columns not read), and a list may give one exercise
a line (an exercise_id column). Every row is checked before any packet is
written; rows with problems are listed by line and id and skipped, the
others are made. A manifest in the output folder records each packet's
checksum and inputs, so that --resume after a crash redoes only what is
missing or changed. See README.md, "Batch packets", for the columns.

Exit codes: 0 every row done, 3 some rows failed, 2 nothing could be done
or the run stopped (a signal, a full disk: run again with --resume),
1 usage error.`

// batchFlags returns the batch command's flags, parsed into o and, for
// --merge-manifests, merge.
func batchFlags(o *batch.Options, merge *bool) *pflag.FlagSet {
	fl := pflag.NewFlagSet("batch", pflag.ContinueOnError)
	fl.StringVar(&o.Clinic, "clinic", "", "clinic profile YAML (default: the built-in sample clinic)")
	fl.StringVar(&o.Library, "library", "", "a clinic's folder of exercises and protocols, added to the built-in ones (default: the profile's library:)")
	fl.StringVar(&o.OutDir, "out-dir", ".", "folder for the packets and the manifest (created 0700 if missing)")
	fl.IntVar(&o.Jobs, "jobs", runtime.NumCPU(), "packets made at the same time")
	// Help says what the default is rather than this machine's count, so
	// it reads the same everywhere (and its golden file does not change
	// with the machine).
	fl.Lookup("jobs").DefValue = "one per CPU"
	fl.StringVar(&o.Name, "name", batch.DefaultNameTemplate, "file name template: {id} {date} {name} {handout}")
	fl.BoolVar(&o.Resume, "resume", false, "skip rows whose packet is in the manifest with the same inputs and checksum")
	fl.BoolVar(&o.Force, "force", false, "replace existing files that differ and were not made by this batch")
	fl.StringVar(&o.Shard, "shard", "", "I/N: only the rows whose id hashes to shard I of N (0 ≤ I < N)")
	fl.StringVar(&o.Render.Paper, "paper", "", "paper size: letter or a4 (default: the clinic profile's)")
	fl.StringVar(&o.Render.Preset, "preset", "print", "image preset: print or email")
	fl.StringVar(&o.Render.Style, "style", "", styleFlagHelp)
	grayscaleFlag(fl, &o.Render.Grayscale)
	fl.BoolVar(merge, "merge-manifests", false, "merge the shard manifests in --out-dir into manifest.json, and make nothing")
	fl.StringVar(&o.Render.MaxSize, "max-size", "", "largest packet, e.g. 2MB or 600KB: photos are stepped down until it fits")
	fl.StringVar(&o.Render.Password.Column, "password-column", "", "encrypt each packet (AES-256) with the password in this column")
	fl.BoolVar(&o.Send, "send", false, "email each packet to the row's email address (see README, Email)")
	fl.StringVar(&o.SMTP, "smtp", "", "SMTP settings YAML (default: the HANDOUT_SMTP_* environment only)")
	fl.BoolVar(&o.DryRun, "dry-run", false, "with --send: write ID.eml files into --out-dir instead of sending")
	fl.BoolVar(&o.Resend, "resend", false, "with --send: also send packets changed since they were sent, and sends of unknown outcome")
	completeFiles(fl, "clinic", "yaml", "yml")
	completeDirs(fl, "out-dir")
	completeDirs(fl, "library")
	completeWords(fl, "paper", render.PaperNames()...)
	completeWords(fl, "preset", render.PresetNames()...)
	completeWords(fl, "style", render.StyleNames()...)
	completeFiles(fl, "smtp", "yaml", "yml")
	return fl
}

// runBatch is the batch command: it reads the flags into batch.Options
// and runs package batch, which does the rest.
func runBatch(args []string, stdout, stderr io.Writer) error {
	var o batch.Options
	var merge bool
	fl := batchFlags(&o, &merge)
	if help, err := parseFlags(fl, args, batchUsage, stdout); help || err != nil {
		return err
	}
	if merge {
		if fl.NArg() != 0 {
			return usagef("--merge-manifests takes no patient list")
		}
		return batch.MergeManifests(o.OutDir, stderr)
	}
	if fl.NArg() != 1 {
		return usagef("batch needs one patient list (CSV or .jsonl), got %d", fl.NArg())
	}
	o.List = fl.Arg(0)
	b, err := batch.New(o)
	if err != nil {
		return usagef("%v", err)
	}
	// SIGTERM (Kubernetes stopping a pod, systemd, kill) and SIGHUP (the
	// terminal closing) stop the run as Ctrl-C does: the packets and
	// messages in progress are finished and the manifest written, where
	// the default would kill the process with messages left "sending".
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(batchMemoryLimit))
	}
	return b.Run(ctx, os.Getenv, stderr)
}

// batchMemoryLimit is the heap size at which the collector works harder.
// With the collector set to run rarely (main sets GOGC=400), two workers
// would otherwise let the heap grow past 150 MB of garbage from fpdf's
// per-document buffers. At 100 MiB a 10,000-row run peaked at 113 MB of
// RSS; at 75 MiB it peaks at 88 MB, and is no slower (258 packets/s; the
// live heap is a few tens of MB, so the collector is not starved). A
// machine with more to spare can raise it: GOMEMLIMIT in the environment
// wins.
const batchMemoryLimit = 75 << 20
