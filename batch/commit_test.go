package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"handout/internal/atomicfile"
	"handout/internal/pdftest"
)

// syncRecorder is an outputDisk that checks the group commit's invariant
// at every step of the collector: the journal names no packet that is not
// durably in place (renamed before a folder sync that has finished), and
// every journal line was synced before the next folder sync. The packets
// and the manifest go to disk through atomicfile, as in a run.
type syncRecorder struct {
	t       *testing.T
	journal string // the journal's path

	mu      sync.Mutex
	placed  map[string]bool // ids renamed into place
	durable map[string]bool // ids renamed before a finished folder sync
	synced  int             // journal lines at its last sync
	syncs   int             // folder syncs
}

func newSyncRecorder(t *testing.T, out string) *syncRecorder {
	return &syncRecorder{t: t, journal: filepath.Join(out, journalName(shard{})), placed: map[string]bool{}, durable: map[string]bool{}}
}

func (r *syncRecorder) disk() outputDisk {
	return outputDisk{
		place: func(path string, data []byte, perm fs.FileMode) error {
			err := atomicfile.Place(path, data, perm)
			r.mu.Lock()
			defer r.mu.Unlock()
			if err == nil {
				r.placed[packetID(path)] = true
			}
			return err
		},
		syncDir: func(dir string) error {
			r.mu.Lock()
			r.check("before a folder sync", true)
			r.syncs++
			covered := make([]string, 0, len(r.placed))
			for id := range r.placed {
				covered = append(covered, id)
			}
			r.mu.Unlock()
			err := atomicfile.SyncDir(dir)
			r.mu.Lock()
			defer r.mu.Unlock()
			for _, id := range covered {
				r.durable[id] = true
			}
			return err
		},
		syncJournal: func(f *os.File) error {
			err := f.Sync()
			r.mu.Lock()
			defer r.mu.Unlock()
			r.synced = len(r.check("at a journal sync", false))
			return err
		},
		write: func(path string, data []byte, perm fs.FileMode) error {
			r.mu.Lock()
			r.check("before the manifest", true)
			var m manifest
			if err := json.Unmarshal(data, &m); err != nil {
				r.t.Errorf("manifest: %v", err)
			}
			for _, row := range m.Rows {
				if !r.durable[row.ID] {
					r.t.Errorf("the manifest lists %s, whose packet is not durably in place", row.ID)
				}
			}
			r.mu.Unlock()
			return atomicfile.Write(path, data, perm)
		},
	}
}

// check reads the journal's ids and reports each one whose packet is not
// durably in place; when synced is set, also journal lines not synced.
// r.mu is held.
func (r *syncRecorder) check(when string, synced bool) []string {
	b, err := os.ReadFile(r.journal)
	if err != nil {
		r.t.Errorf("%s: %v", when, err)
	}
	var ids []string
	for line := range bytes.Lines(b) {
		var row manifestRow
		if err := json.Unmarshal(line, &row); err != nil {
			r.t.Errorf("%s: journal line %q: %v", when, line, err)
		}
		ids = append(ids, row.ID)
		if !r.durable[row.ID] {
			r.t.Errorf("%s: the journal records %s before its folder was synced after its rename", when, row.ID)
		}
	}
	if synced && len(ids) != r.synced {
		r.t.Errorf("%s: %d journal lines, %d of them synced", when, len(ids), r.synced)
	}
	return ids
}

// packetID is the id in a packet's file name, DATE-ID.pdf.
func packetID(path string) string {
	name := strings.TrimSuffix(filepath.Base(path), ".pdf")
	return name[strings.LastIndexByte(name, '-')+1:]
}

// TestGroupCommitOrder runs a batch through syncRecorder: no journal line
// or manifest row is written for a packet before the folder sync that
// follows its rename, the journal is synced before the next group, and
// the folder is synced once per group, not once per packet.
func TestGroupCommitOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const n = 80
	list := pdftest.WriteList(t, dir, pdftest.Patients(n))
	out := filepath.Join(dir, "out")
	s, err := New(Options{List: list, OutDir: out, Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	rec := newSyncRecorder(t, out)
	s.disk = rec.disk()
	s.commitWait = time.Hour // only full groups, and the last one
	var stderr strings.Builder
	if err := s.Run(context.Background(), os.Getenv, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	if len(rec.placed) != n || len(rec.durable) != n {
		t.Errorf("%d packets placed, %d synced; want %d", len(rec.placed), len(rec.durable), n)
	}
	if want := (n + commitEvery - 1) / commitEvery; rec.syncs != want {
		t.Errorf("%d folder syncs for %d packets; want %d, one per group of %d", rec.syncs, n, want, commitEvery)
	}
	pdftest.CheckManifest(t, out, "manifest.json", rec.ids())
}

// ids lists the ids placed.
func (r *syncRecorder) ids() []string {
	var ids []string
	for id := range r.placed {
		ids = append(ids, id)
	}
	return ids
}

// TestCommitGroup: a group is due when full or when its first packet has
// waited commitWithin, and never while it is empty.
func TestCommitGroup(t *testing.T) {
	t.Parallel()
	g := commitGroup{wait: commitWithin}
	if g.due() != nil {
		t.Fatal("an empty group is due")
	}
	if g.add(outcome{}) {
		t.Fatal("a group of one is full")
	}
	select {
	case <-g.due():
	case <-time.After(time.Minute):
		t.Fatal("a group of one is not due after a minute")
	}
	if got := g.take(); len(got) != 1 || g.due() != nil {
		t.Fatalf("take: %d packets, due %v", len(got), g.due())
	}
	for i := range commitEvery {
		if full := g.add(outcome{}); full != (i == commitEvery-1) {
			t.Fatalf("packet %d: full = %v", i+1, full)
		}
	}
}
