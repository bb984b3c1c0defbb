package batch

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"handout/internal/atomicfile"
	"handout/internal/inputfile"
	"handout/mail"
)

// manifestFormat names the manifest's layout.
const manifestFormat = "handout-batch-manifest/1"

// manifest is the record of a run in its output folder: for each row
// whose packet is there, which file it is, its checksum and the checksum
// of what it was made from. It holds no time stamps and is sorted by id,
// so the same run gives the same bytes.
type manifest struct {
	Format string        `json:"format"`
	Shard  string        `json:"shard,omitempty"` // "I/N" for a shard's manifest
	Rows   []manifestRow `json:"rows"`
}

// manifestRow is one packet in the manifest and in the journal.
type manifestRow struct {
	ID     string `json:"id"`
	File   string `json:"file"`
	Pages  int    `json:"pages"`
	PDF    string `json:"pdf_sha256"` // of the file on disk: encrypted, if it is
	Inputs string `json:"inputs_sha256"`
	// Plain is the SHA-256 of the packet before encryption (only for an
	// encrypted one): encryption gives new bytes on every run, so this is
	// what tells whether the packet changed.
	Plain string `json:"plain_sha256,omitempty"`
	// Password is the fingerprint of the password an encrypted packet
	// opens with (passwordFingerprint), so that a new password in the
	// list makes the packet again; never the password itself.
	Password string `json:"password_fingerprint,omitempty"`
	// Send and SentSHA256 are the send journal's latest status for the
	// row (--send) and the SHA-256 of the attachment it concerns.
	Send       mail.Status `json:"send,omitempty"`
	SentSHA256 string      `json:"sent_sha256,omitempty"`
}

// manifestName is manifest.json, or manifest-I-of-N.json for a shard, so
// that shards can share a folder.
func manifestName(sh shard) string {
	if sh.n == 0 {
		return "manifest.json"
	}
	return fmt.Sprintf("manifest-%d-of-%d.json", sh.i, sh.n)
}

// journalName is the append-only record of packets made since the
// manifest was last written: one JSON manifestRow per line, each added
// only once its packet is durably in place (see commit). After a crash or
// kill -9 the next run reads it; at the end of a run it is folded into the
// manifest and removed.
func journalName(sh shard) string { return "." + manifestName(sh) + ".journal" }

// output is the output folder of a run.
type output struct {
	dir   string
	shard shard
	// prev holds what earlier runs recorded (manifest, then journal):
	// files with these checksums were made by this batch for these rows.
	prev map[string]manifestRow
	done map[string]manifestRow // this run's rows, for the new manifest

	journal    *os.File
	journalErr error

	disk outputDisk // atomicDisk outside tests
}

// openOutput creates the folder (0700) if needed, reads the earlier
// manifest and journal, removes the temporary files a killed run left for
// this run's rows, and opens the journal. Files go through disk.
func openOutput(dir string, sh shard, plan []*plannedRow, disk outputDisk) (*output, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	// A new folder's own entry must survive a power cut too, or every
	// packet synced inside it goes with it.
	if err := atomicfile.SyncDir(filepath.Dir(filepath.Clean(dir))); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	o := &output{dir: dir, shard: sh, prev: map[string]manifestRow{}, done: map[string]manifestRow{}, disk: disk}
	m, err := readManifest(filepath.Join(dir, manifestName(sh)))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, r := range m.Rows {
		o.prev[r.ID] = r
	}
	// One open for reading the interrupted run's lines and appending this
	// run's, never through a link (atomicfile.OpenJournal).
	if o.journal, err = atomicfile.OpenJournal(filepath.Join(dir, journalName(sh))); err != nil {
		return nil, fmt.Errorf("manifest journal: %w", err)
	}
	if err := o.readJournal(); err != nil {
		o.closeJournal()
		return nil, err
	}
	if err := o.removeStaleTemps(plan); err != nil {
		o.closeJournal()
		return nil, err
	}
	return o, nil
}

// manifestFile is the kind of input a manifest is: about 250 bytes a row,
// for lists of up to listFile's size.
var manifestFile = inputfile.Kind{What: "manifest", Max: 500_000_000,
	Advice: "move it away to start afresh"}

func readManifest(path string) (manifest, error) {
	var m manifest
	b, err := manifestFile.Read(path)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil || m.Format != manifestFormat {
		return m, fmt.Errorf("%s is not a manifest this program can read (%v); move it away to start afresh", path, err)
	}
	return m, nil
}

// readJournal adds the journal of an interrupted run to prev. A line that
// does not parse (cut short by a power failure) is skipped: its row is
// made again.
func (o *output) readJournal() error {
	sc := bufio.NewScanner(o.journal)
	for sc.Scan() {
		var r manifestRow
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.ID != "" {
			o.prev[r.ID] = r
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("manifest journal: %w", err)
	}
	return nil
}

// removeStaleTemps removes the temporary files (".NAME.*.tmp", see
// atomicfile.Write) that a killed run left for this run's files and its
// manifest. Only those: another shard may be writing into the folder.
func (o *output) removeStaleTemps(plan []*plannedRow) error {
	mine := map[string]bool{manifestName(o.shard): true}
	for _, r := range plan {
		if r.file != "" {
			mine[r.file] = true
		}
	}
	entries, err := os.ReadDir(o.dir)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		stem := strings.TrimSuffix(name[1:], ".tmp")
		if i := strings.LastIndexByte(stem, '.'); i > 0 && mine[stem[:i]] {
			if err := os.Remove(filepath.Join(o.dir, name)); err != nil {
				return fmt.Errorf("removing a temporary file of an interrupted run: %w", err)
			}
		}
	}
	return nil
}

// record notes a group of finished rows, whose packets are durably in
// place (commit syncs their folder first): in memory for the manifest, and
// on disk in the journal, in one write (a kill leaves whole lines, a power
// cut at worst a cut last line, which the next run skips) and then a sync
// of the journal, so that --resume after a power cut finds the group. The
// error is also kept for writeManifest, which reports it.
func (o *output) record(rows []manifestRow) error {
	var lines []byte
	for _, r := range rows {
		o.done[r.ID] = r
		line, _ := json.Marshal(r) // strings and an int: cannot fail
		lines = append(append(lines, line...), '\n')
	}
	_, err := o.journal.Write(lines)
	if err == nil {
		err = o.disk.syncJournal(o.journal)
	}
	if err != nil {
		err = fmt.Errorf("manifest journal: %w", err)
		if o.journalErr == nil {
			o.journalErr = err
		}
	}
	return err
}

// outputUnusable says what is wrong with the output folder as a whole,
// and what to do about it, when err is the kind of write failure every
// later packet would meet too (the disk is full, or read-only); "" for a
// problem of one packet. Such an error stops the run rather than fail
// each remaining row.
func outputUnusable(err error) (problem, advice string) {
	switch {
	case err == nil:
		return "", ""
	case diskFull(err):
		return "the disk is full", "free space on it (or give another --out-dir)"
	case readOnly(err):
		return "the output folder's disk is read-only", "check the disk (Linux makes one read-only after errors) or give another --out-dir"
	}
	return "", ""
}

// stopsRun reports whether err is one that outputUnusable describes.
func stopsRun(err error) bool {
	problem, _ := outputUnusable(err)
	return problem != ""
}

func (o *output) closeJournal() {
	if o.journal != nil {
		o.journal.Close()
	}
}

// writeManifest writes this run's rows, sorted by id, atomically, then
// removes the journal it replaces.
func (o *output) writeManifest() error {
	m := manifest{Format: manifestFormat, Shard: o.shard.String(), Rows: make([]manifestRow, 0, len(o.done))}
	for _, r := range o.done {
		m.Rows = append(m.Rows, r)
	}
	if err := saveManifest(filepath.Join(o.dir, manifestName(o.shard)), m, o.disk.write); err != nil {
		return err
	}
	if o.journalErr != nil {
		return o.journalErr
	}
	o.closeJournal()
	o.journal = nil
	if err := os.Remove(filepath.Join(o.dir, journalName(o.shard))); err != nil {
		return fmt.Errorf("manifest journal: %w", err)
	}
	return nil
}

// saveManifest sorts m's rows by id and writes it atomically with write
// (atomicfile.Write outside tests).
func saveManifest(path string, m manifest, write func(string, []byte, fs.FileMode) error) error {
	slices.SortFunc(m.Rows, func(a, b manifestRow) int { return strings.Compare(a.ID, b.ID) })
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return write(path, append(b, '\n'), 0o600)
}

// tally counts what became of the rows.
type tally struct {
	written, skipped int
	failures         []*rowError

	mailSent, mailBefore int         // --send: messages sent now, and before
	mailFailures         []*rowError // --send: rows whose packet was written but not sent

	// stop is the write error that stopped the run (outputUnusable), and
	// manifestErr the manifest's own, if it could not be written either.
	stop, manifestErr error
}

// outcome is what a worker reports for one row.
type outcome struct {
	row     *plannedRow
	entry   manifestRow
	skipped bool // the file was already there with the right bytes
	err     error
	// pdf is a packet made and still to be put in place (placePacket);
	// nil once it is, or when there was nothing to write.
	pdf []byte
}

// produce makes the packets of the rows that passed the checks, with
// s.Jobs workers, and puts them in place with as many writers, so that a
// worker makes its next packet while the disk syncs its last one (the
// sync waits for the disk, not for a CPU). Only the collector (this
// goroutine) touches the output's records and the progress bar, and
// commits the packets placed in groups (commit). A writer keeps no PDF
// after placing it: at most 2×s.Jobs packets are in memory, however long
// the list.
func (s *Batch) produce(ctx context.Context, p *planner, out *output, plan []*plannedRow, stderr io.Writer) tally {
	var t tally
	var todo []*plannedRow
	for _, r := range plan {
		if r.err != nil {
			t.failures = append(t.failures, r.err)
		} else {
			todo = append(todo, r)
		}
	}
	bar := newProgress(stderr, len(todo))
	defer bar.finish()
	// A full disk stops handing out rows, as Ctrl-C does.
	ctx, stopRows := context.WithCancel(ctx)
	defer stopRows()
	halt := func(err error) {
		if t.stop == nil {
			t.stop = err
			stopRows()
		}
	}

	// Each worker takes the next row itself: with a goroutine handing
	// rows out over a channel, a free worker waited for that goroutine to
	// be scheduled again, a sixth of the workers' time on two cores.
	var next atomic.Int64
	nextRow := func() *plannedRow {
		if ctx.Err() != nil {
			return nil // stopped: no more rows; those started finish
		}
		i := int(next.Add(1)) - 1
		if i >= len(todo) {
			return nil
		}
		return todo[i]
	}
	// Unbuffered: a packet made waits in its worker for a writer, so
	// that once the disk is full no more than the packets in hand are
	// tried (a buffer here let two more be written into a full disk).
	writes := make(chan outcome)
	// Room for every writer's outcome: a writer does not wait while the
	// collector syncs a group.
	results := make(chan outcome, s.Jobs)
	var made, placed sync.WaitGroup
	for range min(s.Jobs, len(todo)) {
		made.Go(func() {
			for r := nextRow(); r != nil; r = nextRow() {
				if res := s.makePacket(p, out, r); res.pdf != nil {
					writes <- res
				} else {
					results <- res
				}
			}
		})
		placed.Go(func() {
			for res := range writes {
				res = s.placePacket(out, res)
				if stopsRun(res.err) {
					// At once, not when the collector gets to it: the
					// workers would take more rows for a full disk meanwhile.
					stopRows()
				}
				results <- res
			}
		})
	}
	go func() {
		made.Wait()
		close(writes)
		placed.Wait()
		close(results)
	}()
	// Made packets wait in a group for one folder sync (see commit).
	group := commitGroup{wait: s.commitWait}
	for {
		select {
		case res, ok := <-results:
			if !ok {
				s.commit(p, out, group.take(), &t, halt)
				return t
			}
			bar.add()
			switch {
			case stopsRun(res.err):
				// Not this row's problem: every row after it would fail the
				// same way. The row is left undone, for --resume.
				halt(res.err)
			case res.err != nil:
				t.failures = append(t.failures, &rowError{list: s.List, line: res.row.line, id: res.row.id, err: res.err})
			case group.add(res):
				s.commit(p, out, group.take(), &t, halt)
			}
		case <-group.due():
			s.commit(p, out, group.take(), &t, halt)
		}
	}
}

// makePacket makes one row's packet, for placePacket to put in place,
// unless the file there already has the right bytes. A panic, in this
// program or a library, fails the row and not the run.
func (s *Batch) makePacket(p *planner, out *output, r *plannedRow) (res outcome) {
	res.row = r
	defer func() {
		if v := recover(); v != nil {
			res.err = fmt.Errorf("internal error while making the packet (please report it): %v", v)
		}
		if res.err != nil {
			res.err = redact(res.err, r.patientRow)
		}
	}()
	path := filepath.Join(out.dir, r.file)
	prev, hasPrev := out.prev[r.id]
	ours := hasPrev && prev.File == r.file // made by an earlier run for this row
	// The password is not among the inputs (they are hashed without a
	// key), so a packet is the same only if its password is too.
	password := p.fingerprint(r)
	if s.Resume && ours && prev.Inputs == r.inputs && prev.Password == password {
		if sum, err := fileSHA256(path); err == nil && sum == prev.PDF {
			return outcome{row: r, entry: prev, skipped: true}
		}
	}
	j, err := p.job(r)
	if err != nil {
		return outcome{row: r, err: err}
	}
	finish, err := p.finisher(r)
	if err != nil {
		return outcome{row: r, err: err}
	}
	doc, err := p.fitter.Render(j, finish)
	if err != nil {
		return outcome{row: r, err: err}
	}
	pdfBytes := doc.Final
	entry := manifestRow{ID: r.id, File: r.file, Pages: doc.Pages, PDF: hashBytes(pdfBytes), Inputs: r.inputs, Password: password}
	if finish != nil {
		entry.Plain = hashBytes(doc.Plain)
	}
	existing, err := fileSHA256(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return outcome{row: r, err: err}
	case existing == entry.PDF:
		return outcome{row: r, entry: entry, skipped: true}
	case ours && existing == prev.PDF && entry.Plain != "" && entry.Plain == prev.Plain && entry.Password == prev.Password:
		// The same packet, encrypted again with the same password: keep
		// the file there (and what was sent of it) rather than new bytes
		// that say the same.
		return outcome{row: r, entry: prev, skipped: true}
	case ours && existing == prev.PDF, s.Force:
		// This batch's own earlier packet for the row, made from other
		// inputs: replace it. Anything else needs --force.
	default:
		return outcome{row: r, err: fmt.Errorf("%s exists with other content and was not made by this batch for this row; "+
			"move it away, or run with --force to replace it", r.file)}
	}
	return outcome{row: r, entry: entry, pdf: pdfBytes}
}

// placePacket puts a packet makePacket made in its file, synced and
// renamed into place but not yet durable: the collector's commit syncs
// the folder before the row is recorded. The outcome keeps no PDF.
func (s *Batch) placePacket(out *output, res outcome) outcome {
	err := out.disk.place(filepath.Join(out.dir, res.row.file), res.pdf, 0o600)
	res.pdf = nil
	if err != nil {
		return outcome{row: res.row, err: redact(err, res.row.patientRow)}
	}
	return res
}

// fileSHA256 hashes a regular file; anything else at path is an error.
func fileSHA256(path string) (string, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file; move it away", filepath.Base(path))
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("reading %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// redact removes the patient's name, the clinician and the notes from a
// message, should a library ever quote them: messages go to the terminal
// and to logs.
func redact(err error, r *patientRow) error {
	msg := err.Error()
	changed := false
	for _, s := range []struct{ text, as string }{{r.name, "[name]"}, {r.notes, "[notes]"}, {r.clinician, "[clinician]"}} {
		if len(s.text) >= 3 && strings.Contains(msg, s.text) {
			msg, changed = strings.ReplaceAll(msg, s.text, s.as), true
		}
	}
	if !changed {
		return err
	}
	return errors.New(msg)
}

// MergeManifests joins the manifests of a sharded run's shards in dir
// (manifest-I-of-N.json, every I from 0 to N-1) into manifest.json, the
// manifest one unsplit run would have written.
func MergeManifests(dir string, stderr io.Writer) error {
	paths, err := filepath.Glob(filepath.Join(dir, "manifest-*-of-*.json"))
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%s: no shard manifests (manifest-I-of-N.json) to merge", dir)
	}
	n := -1
	seen := map[int]bool{}
	merged := manifest{Format: manifestFormat}
	ids := map[string]string{}
	for _, path := range paths {
		var sh shard
		if _, err := fmt.Sscanf(filepath.Base(path), "manifest-%d-of-%d.json", &sh.i, &sh.n); err != nil || sh.n < 1 {
			return fmt.Errorf("%s: not a shard manifest name", path)
		}
		if n != -1 && sh.n != n {
			return fmt.Errorf("%s: shard manifests of %d and %d shards are mixed; remove those of the other run", dir, n, sh.n)
		}
		n = sh.n
		if _, err := os.Stat(filepath.Join(dir, journalName(sh))); err == nil {
			return fmt.Errorf("shard %s did not finish (its journal is there); run it again with --resume", sh)
		}
		m, err := readManifest(path)
		if err != nil {
			return err
		}
		if m.Shard != sh.String() {
			return fmt.Errorf("%s says it is shard %q", path, m.Shard)
		}
		seen[sh.i] = true
		for _, r := range m.Rows {
			if other, dup := ids[r.ID]; dup {
				return fmt.Errorf("id %s is in %s and %s; the shards are of different lists", r.ID, filepath.Base(other), filepath.Base(path))
			}
			ids[r.ID] = path
			merged.Rows = append(merged.Rows, r)
		}
	}
	var missing []string
	for i := range n {
		if !seen[i] {
			missing = append(missing, fmt.Sprintf("%d/%d", i, n))
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: no manifest for shard %s; run it first", dir, strings.Join(missing, ", "))
	}
	out := filepath.Join(dir, manifestName(shard{}))
	if err := saveManifest(out, merged, atomicfile.Write); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stderr, "handout: merged %s (%s) into %s\n", count(n, "shard manifest"), count(len(merged.Rows), "row"), out)
	return err
}
