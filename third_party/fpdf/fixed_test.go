// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendFixed: appendFixed writes what strconv writes, for the
// numbers of a page, the halves strconv rounds to even, the edges of the
// fast path and the values that are not numbers.
func TestAppendFixed(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675,
		0.0049, -0.0049, -0.005, 0.005, 612, 792, 841.89, 595.28, 123456.789, -98765.4321,
		1e9 / 100, 1e9/100 - 0.005, 9999999.995, 1e300, -1e300, 5e-324,
		math.Inf(1), math.Inf(-1), math.NaN(), 1 / 255.0, 128 / 255.0, 254 / 255.0}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		switch rng.IntN(4) {
		case 0:
			values = append(values, rng.Float64()*1000-500)
		case 1: // whole hundredths and thousandths, and their halves
			values = append(values, float64(rng.IntN(2000000)-1000000)/2000)
		case 2:
			values = append(values, float64(rng.IntN(256))/255)
		default: // up to and past the fast path's limit
			values = append(values, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(16))))
		}
	}
	for _, v := range values {
		for prec := -1; prec <= 8; prec++ {
			want := strconv.AppendFloat(nil, v, 'f', prec, 64)
			if got := appendFixed(nil, v, prec); string(got) != string(want) {
				t.Fatalf("appendFixed(%v, %d) = %s, strconv writes %s", v, prec, got, want)
			}
		}
	}
}

func BenchmarkAppendFixed(b *testing.B) {
	var buf []byte
	b.Run("appendFixed", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			buf = appendFixed(buf[:0], float64(i%60000)/97, 2)
		}
	})
	b.Run("strconv", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			buf = strconv.AppendFloat(buf[:0], float64(i%60000)/97, 'f', 2, 64)
		}
	})
}
