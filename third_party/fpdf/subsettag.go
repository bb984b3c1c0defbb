// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"hash/fnv"
	"slices"
	"strconv"
)

// subsetTag is the tag a subset font's name begins with (ISO 32000-1
// §9.6.4: six uppercase letters and a plus sign; handout patch 12): a
// reader, and PDF/UA, can then tell an embedded subset from the whole
// font. fpdf embeds UTF-8 fonts as subsets of the characters used, but
// named them as the whole font. The tag is worked out from the font's
// name and the characters in the subset, so the same document gives the
// same bytes and two different subsets of a font get different tags.
func subsetTag(name string, used map[int]int) string {
	runes := make([]int, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	h := fnv.New64a()
	h.Write([]byte(name))
	var b []byte
	for _, r := range runes {
		b = strconv.AppendInt(b[:0], int64(r), 36)
		b = append(b, ',')
		h.Write(b)
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}
