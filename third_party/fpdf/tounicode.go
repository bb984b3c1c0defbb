// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import "strconv"

// ToUnicode CMaps for one-byte fonts (handout patch 9, PATCHES.md).
//
// A TrueType or Type1 font made by MakeFont with an encoding other than
// cp1252 is written with /Differences naming its glyphs. How a reader
// turns those names into text is left to the reader (ISO 32000-1 9.10.2
// trusts only the names of the standard Latin set and Symbol font), so
// copying, searching and reading aloud may give the wrong characters, and
// PDF/UA (ISO 14289-1 7.21.7) asks for a /ToUnicode map instead. MakeFont
// records each code's Unicode value from the encoding map (fontDefType.Uv,
// as FPDF 1.8 for PHP does); putfonts writes it as a ToUnicode CMap, one
// stream per distinct map, shared by the fonts that use it.

// maxCMapEntries is the most entries a bfchar or bfrange block may hold
// (Adobe Technical Note #5014, the CMap and CIDFont file format).
const maxCMapEntries = 100

// unicodes returns the Unicode value of each code of an encoding map,
// by code, 0 for none: codes below the space are controls, and a code
// named .notdef draws nothing. A slice like Cw, not a map: a definition
// is decoded, and encoded again for its font ID, in every document that
// uses it, and a map's keys cost an allocation each way.
func (l *encListType) unicodes() []int {
	uv := make([]int, len(l))
	for code := 32; code < len(l); code++ {
		if e := l[code]; e.name != ".notdef" && e.uv > 0 {
			uv[code] = e.uv
		}
	}
	return uv
}

// toUnicodeCMap returns a ToUnicode CMap for one-byte codes mapped to
// Unicode values in the Basic Multilingual Plane (uv by code, 0 for
// none): runs of consecutive codes mapped to consecutive values as bfrange
// entries, the rest as bfchar. The same map always gives the same bytes.
func toUnicodeCMap(uv []int) []byte {
	type entry struct{ first, last, u int }
	var ranges, chars []entry
	mapped := func(code int) bool { return code < len(uv) && code <= 0xFF && uv[code] > 0 && uv[code] <= 0xFFFF }
	for code := 0; code < len(uv) && code <= 0xFF; {
		if !mapped(code) {
			code++
			continue
		}
		last := code
		// A range may not change the destination's high byte
		// (5014, 1.4.2), hence the last condition.
		for mapped(last+1) && uv[last+1] == uv[last]+1 && uv[last+1]&0xFF != 0 {
			last++
		}
		e := entry{code, last, uv[code]}
		if last > code {
			ranges = append(ranges, e)
		} else {
			chars = append(chars, e)
		}
		code = last + 1
	}
	b := make([]byte, 0, 512+20*len(ranges)+14*len(chars))
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"...)
	for len(ranges) > 0 {
		n := min(len(ranges), maxCMapEntries)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfrange\n"...)
		for _, e := range ranges[:n] {
			b = appendHex(b, e.first, 2)
			b = append(b, ' ')
			b = appendHex(b, e.last, 2)
			b = append(b, ' ')
			b = appendHex(b, e.u, 4)
			b = append(b, '\n')
		}
		b = append(b, "endbfrange\n"...)
		ranges = ranges[n:]
	}
	for len(chars) > 0 {
		n := min(len(chars), maxCMapEntries)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfchar\n"...)
		for _, e := range chars[:n] {
			b = appendHex(b, e.first, 2)
			b = append(b, ' ')
			b = appendHex(b, e.u, 4)
			b = append(b, '\n')
		}
		b = append(b, "endbfchar\n"...)
		chars = chars[n:]
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"...)
}

// appendHex appends <v> with digits hexadecimal digits, upper case.
func appendHex(b []byte, v, digits int) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '<')
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		b = append(b, hex[v>>shift&0xF])
	}
	return append(b, '>')
}

// puttounicode writes font's ToUnicode CMap unless an identical one was
// written already, and returns its object number; 0 if the font has none.
// written maps a CMap's text to its object.
func (f *Fpdf) puttounicode(font fontDefType, written map[string]int) int {
	if len(font.Uv) == 0 {
		return 0
	}
	cmap, packed := font.cmap, font.cmapZ // made once by ParseFontDefinition (patch 11)
	if f.protect.encrypted {
		// putstream encrypts in place: never the shared copies.
		cmap, packed = nil, nil
	}
	if cmap == nil {
		cmap = toUnicodeCMap(font.Uv)
	}
	if n, ok := written[string(cmap)]; ok {
		return n
	}
	f.newobj()
	if f.compress {
		if packed == nil {
			mem := xmem.compress(cmap)
			defer mem.release()
			packed = mem.bytes()
		}
		f.outf("<</Filter /FlateDecode /Length %d>>", len(packed))
		f.putstream(packed)
	} else {
		f.outf("<</Length %d>>", len(cmap))
		f.putstream(cmap)
	}
	f.out("endobj")
	written[string(cmap)] = f.n
	return f.n
}
