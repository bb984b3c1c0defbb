package batch_test

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"testing"

	"handout/batch"
	"handout/internal/pdftest"
)

// BenchmarkBatch makes 1,000 packets of the mid-back handout (cover page,
// the handout, tick log; a dose override on every fourth row) with two
// workers, from reading the list to writing the manifest, and reports
// packets per second. -short makes 100.
//
//	go test -run '^$' -bench Batch -benchtime 1x ./batch
func BenchmarkBatch(b *testing.B) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	// As main does for the program (GOGC=400, and the batch command's
	// memory limit, batchMemoryLimit in package main): without them the
	// benchmark would measure a collector setting the command never runs
	// with.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(75 << 20))
	dir := b.TempDir()
	list := pdftest.WriteList(b, dir, pdftest.Patients(n))
	run := 0
	for b.Loop() {
		run++
		if stderr, err := runBatch(b, batch.Options{List: list, OutDir: filepath.Join(dir, fmt.Sprint("out", run)), Jobs: 2}, nil); err != nil {
			b.Fatalf("%v: %s", err, stderr)
		}
	}
	b.ReportMetric(float64(n*run)/b.Elapsed().Seconds(), "packets/s")
}
