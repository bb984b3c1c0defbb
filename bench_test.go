package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"testing"
)

// benchGCPercent is the collector setting benchmarks run with: main's 400,
// unless GOGC is set in the environment (GOGC=100 go test -bench … shows
// the default collector).
func benchGCPercent() int {
	if v, err := strconv.Atoi(os.Getenv("GOGC")); err == nil {
		return v
	}
	return 400
}

// BenchmarkRender renders the built-in handout (13 figures, sample clinic)
// in process, as a visit-time render or one packet of a batch does: fonts
// and drawings are prepared once per engine and reused.
//
//	go test -run '^$' -bench Render -benchmem .
func BenchmarkRender(b *testing.B) {
	// As main runs it: the collector at GOGC=400 (see main).
	defer debug.SetGCPercent(debug.SetGCPercent(benchGCPercent()))
	e := newTestEngine(b)
	j := loadJob(b, "builtin:mid-back-pain")
	// One render before timing: the drawings are made on first use, once
	// per process, and would otherwise weigh on short runs.
	if _, _, err := e.Render(j); err != nil {
		b.Fatal(err)
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		out, _, err := e.Render(j)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size)/1024, "KB/pdf")
}
