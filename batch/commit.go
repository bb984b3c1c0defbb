package batch

import (
	"fmt"
	"io/fs"
	"os"
	"time"

	"handout/internal/atomicfile"
)

// Group commit: how a packet becomes done.
//
// A packet is durably in place once its file is synced and renamed
// (atomicfile.Place, by a writer: placePacket) and its folder has been
// synced after the rename. Syncing the folder once per packet was about a
// millisecond of every packet's time; a run syncs it once per group of
// packets instead, and only then says anything about them.
//
// The invariant: the journal (and so the manifest, and the mail sent
// for a packet) never says a packet is done unless its file is durably in
// place: the file synced, and its rename's folder synced after the
// rename. commit keeps it by its order: sync the folder, append the
// group's journal lines, sync the journal, then count the rows and queue
// their mail. TestGroupCommitOrder checks that order.
//
// What a crash costs: a kill -9 or a power cut loses at most the records
// of the group not yet committed (commitEvery packets, or commitWithin of
// work); the packets themselves are whole or not there. --resume makes
// those rows again, finds the same bytes in the file and keeps it. (An
// encrypted packet comes out with new bytes each time, so one whose
// record was lost is refused as "not made by this batch" until --force.)
const (
	commitEvery  = 32
	commitWithin = 100 * time.Millisecond
)

// outputDisk is how a run puts files in its output folder and makes them
// durable: atomicDisk outside tests; tests record the order of the calls,
// or fail as a full disk does.
type outputDisk struct {
	// place puts a packet in place, synced and renamed, without syncing
	// the folder (atomicfile.Place).
	place func(path string, data []byte, perm fs.FileMode) error
	// write puts the manifest in place, folder synced (atomicfile.Write).
	write func(path string, data []byte, perm fs.FileMode) error
	// syncDir makes the renames into a folder durable (atomicfile.SyncDir).
	syncDir func(dir string) error
	// syncJournal flushes the journal's lines to disk.
	syncJournal func(*os.File) error
}

// atomicDisk is the output folder on disk, through package atomicfile.
func atomicDisk() outputDisk {
	return outputDisk{
		place:       atomicfile.Place,
		write:       atomicfile.Write,
		syncDir:     atomicfile.SyncDir,
		syncJournal: (*os.File).Sync,
	}
}

// commitGroup holds the packets made and renamed into place whose folder
// sync and journal lines are still to come. Only the collector uses it.
type commitGroup struct {
	wait  time.Duration // how long the first packet waits at most
	made  []outcome
	timer *time.Timer // from the group's first packet; nil while empty
}

// add puts a made packet in the group and reports whether the group is
// full and is to be committed now.
func (g *commitGroup) add(res outcome) (full bool) {
	if len(g.made) == 0 {
		g.timer = time.NewTimer(g.wait)
	}
	g.made = append(g.made, res)
	return len(g.made) >= commitEvery
}

// due fires when the group has waited g.wait; never while empty.
func (g *commitGroup) due() <-chan time.Time {
	if g.timer == nil {
		return nil
	}
	return g.timer.C
}

// take empties the group and returns what it held.
func (g *commitGroup) take() []outcome {
	if g.timer != nil {
		g.timer.Stop()
		g.timer = nil
	}
	made := g.made
	g.made = nil
	return made
}

// commit makes a group of packets durable, then records them, in the
// order the invariant above needs: the folder sync, the journal lines,
// the journal sync; then the counts and the mail. A folder that cannot be
// synced leaves the group's rows not done (a full or read-only disk stops
// the run, as a failed write does) or failed, as a failed write would.
func (s *Batch) commit(p *planner, out *output, made []outcome, t *tally, halt func(error)) {
	if len(made) == 0 {
		return
	}
	if err := out.disk.syncDir(out.dir); err != nil {
		for _, res := range made {
			if stopsRun(err) {
				halt(err)
				continue
			}
			t.failures = append(t.failures, &rowError{list: s.List, line: res.row.line, id: res.row.id,
				err: fmt.Errorf("writing %s: syncing the output folder: %w", res.row.file, err)})
		}
		return
	}
	entries := make([]manifestRow, len(made))
	for i, res := range made {
		entries[i] = res.entry
	}
	if err := out.record(entries); stopsRun(err) {
		halt(err)
	}
	for _, res := range made {
		if res.skipped {
			t.skipped++
		} else {
			t.written++
		}
		if p.mail != nil {
			s.submitMail(p, out, res.row, t)
		}
	}
}
