package main

import (
	"fmt"
	"handout/internal/pdftest"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// BenchmarkBatch makes 1,000 packets of the mid-back handout (cover page,
// the handout, tick log; a dose override on every fourth row) with two
// workers, from reading the list to writing the manifest, and reports
// packets per second. -short makes 100.
//
//	go test -run '^$' -bench Batch -benchtime 1x .
func BenchmarkBatch(b *testing.B) {
	n := 1000
	if testing.Short() {
		n = 100
	}
	// As main does for the program: without it the benchmark would
	// measure a collector setting the command never runs with.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	dir := b.TempDir()
	list := pdftest.WriteList(b, dir, pdftest.Patients(n))
	run := 0
	for b.Loop() {
		run++
		code, stderr := batchCLI(b, list, "--out-dir", filepath.Join(dir, fmt.Sprint("out", run)), "--jobs", "2")
		if code != 0 {
			b.Fatalf("exit %d: %s", code, stderr)
		}
	}
	b.ReportMetric(float64(n*run)/b.Elapsed().Seconds(), "packets/s")
}
