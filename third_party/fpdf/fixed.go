// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"math"
	"strconv"
)

// appendFixed appends v with prec digits after the point, byte for byte as
// strconv.AppendFloat(b, v, 'f', prec, 64) does, but without strconv's
// general shortest-decimal machinery for the numbers a page is made of.
// (handout patch 16, PATCHES.md)
//
// v is scaled by 10^prec and rounded to the nearest integer. The scaled
// product is off from the exact one by at most |v·10^prec|·2⁻⁵³; below
// 1e9 that is under 1.2e-7, so when the product's fraction is more than
// 1e-6 from one half the exact value rounds the same way. Anything else
// (a fraction near a half, where strconv rounds the exact binary value
// half to even; a huge number; NaN or an infinity; more than six digits)
// goes to strconv.
func appendFixed(b []byte, v float64, prec int) []byte {
	if prec < 0 || prec >= len(pow10) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	r := v * pow10[prec]
	if !(math.Abs(r) < 1e9) { // also NaN and the infinities
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	fl := math.Floor(r)
	d := r - fl - 0.5
	if d > -1e-6 && d < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	n := int64(fl)
	if d > 0 {
		n++
	}
	neg := math.Signbit(v) // strconv writes -0.00 for -0 and a tiny negative
	if neg {
		n = -n
	}
	// Digits from the last, by constant divisions the compiler turns into
	// multiplications.
	var digits [24]byte
	i := len(digits)
	u := uint64(n)
	for range prec {
		i--
		digits[i] = byte('0' + u%10)
		u /= 10
	}
	if prec > 0 {
		i--
		digits[i] = '.'
	}
	for {
		i--
		digits[i] = byte('0' + u%10)
		if u /= 10; u == 0 {
			break
		}
	}
	if neg {
		i--
		digits[i] = '-'
	}
	return append(b, digits[i:]...)
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6}
