package pdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendHundredths: the fast formatter writes what strconv writes, for
// values near every kind of edge and for millions of page coordinates.
func TestAppendHundredths(t *testing.T) {
	check := func(v float64) {
		t.Helper()
		got := string(appendHundredths(nil, v))
		if want := strconv.FormatFloat(v, 'f', 2, 64); got != want {
			t.Fatalf("appendHundredths(%v) = %q, strconv %q", v, got, want)
		}
	}
	for _, v := range []float64{0, math.Copysign(0, -1), 0.005, 0.015, 0.125, 0.375, -0.125, 1.005, 2.675, -0.004, -0.005, 0.994999, 0.995, 99.995, 1e14, -1e14, 1e16, math.Inf(1), math.NaN(), 612, 791.999999, 0.01, -0.01} {
		check(v)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3_000_000 {
		check((rng.Float64()*2 - 1) * 1000) // page coordinates in points
	}
	for i := range 200_000 {
		check(float64(i) / 800) // exact eighths and their neighbours: the ties
		check(math.Nextafter(float64(i)/800, 1e9))
		check(math.Nextafter(float64(i)/800, -1e9))
	}
}
