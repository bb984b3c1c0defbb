package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"handout/internal/atomicfile"
	"handout/internal/pdftest"
)

// TestBatchStopsWhenDiskFull fills the disk after the first packets (a
// writer that fails with ENOSPC, as a full disk does): the run stops at
// once instead of failing every remaining row, writes the manifest of the
// packets made, says the disk is full and what to do, and is not a partial
// success (exit 3); a run with --resume then makes the rest.
func TestBatchStopsWhenDiskFull(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name       string
		manifestOK bool // the manifest can still be written (a little space was freed meanwhile)
	}{{"manifest written", true}, {"manifest not written", false}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			list := pdftest.WriteList(t, dir, pdftest.Patients(30))
			out := filepath.Join(dir, "out")
			s, err := New(Options{List: list, OutDir: out, Jobs: 2})
			if err != nil {
				t.Fatal(err)
			}
			var attempts atomic.Int32
			full := func(path string) error {
				return fmt.Errorf("writing %s: %w", path, &fs.PathError{Op: "write", Path: path + ".tmp", Err: syscall.ENOSPC})
			}
			s.disk.place = func(path string, data []byte, perm fs.FileMode) error {
				if attempts.Add(1) > 3 {
					return full(path)
				}
				return atomicfile.Place(path, data, perm)
			}
			s.disk.write = func(path string, data []byte, perm fs.FileMode) error {
				if !c.manifestOK {
					return full(path)
				}
				return atomicfile.Write(path, data, perm)
			}
			var stderr strings.Builder
			err = s.Run(context.Background(), os.Getenv, &stderr)
			var pe *PartialError
			if err == nil || errors.As(err, &pe) {
				t.Fatalf("err = %v, want the run stopped\n%s", err, stderr.String())
			}
			for _, want := range []string{"the disk is full", "no space left on device", "free space", "--resume"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error lacks %q: %v", want, err)
				}
			}
			// In progress when the fourth write fails, and so finished:
			// the other writer's packet and each of the 2 workers' packet.
			// The writer that failed stops the run at once: no worker
			// takes a row after.
			if n := attempts.Load(); n > 4+1+2 {
				t.Errorf("%d packets tried after the disk was full; the run goes on", n-4)
			}
			if strings.Contains(stderr.String(), "(id P") {
				t.Errorf("rows reported as failed:\n%s", stderr.String())
			}
			if !strings.Contains(stderr.String(), " written, 0 skipped, 0 failed") {
				t.Errorf("summary:\n%s", stderr.String())
			}
			m, merr := readManifest(filepath.Join(out, "manifest.json"))
			if c.manifestOK {
				if merr != nil || len(m.Rows) != 3 {
					t.Errorf("manifest: %d rows, %v; want the 3 packets made", len(m.Rows), merr)
				}
			} else if !strings.Contains(err.Error(), "manifest") {
				t.Errorf("the error does not say the manifest could not be written: %v", err)
			}

			// Space again: --resume makes the rest.
			s2, err := New(Options{List: list, OutDir: out, Jobs: 2, Resume: true})
			if err != nil {
				t.Fatal(err)
			}
			stderr.Reset()
			if err := s2.Run(context.Background(), os.Getenv, &stderr); err != nil {
				t.Fatalf("--resume: %v\n%s", err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "30 rows: 27 written, 3 skipped, 0 failed") {
				t.Errorf("--resume: %s", stderr.String())
			}
		})
	}
}
