// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// Object streams (handout patch 10, PATCHES.md): small dictionaries that a
// document has many of, such as the structure elements of a tagged PDF (a
// few hundred per document, about 120 bytes each), are written into one
// compressed object stream (ISO 32000-1 §7.5.7) instead of one by one,
// and the cross-reference table becomes a cross-reference stream
// (§7.5.8), which can point into it. A handout's structure tree then
// costs a tenth of its size. Only a compressed, unencrypted document does
// this (fpdf's own encryption encrypts object by object); any other gets
// the objects and the xref table as before.

import (
	"bytes"
	"encoding/binary"
	"strconv"
)

// objStream gathers the objects to be written compressed.
type objStream struct {
	index  map[int]int // object number → its index in the stream
	nums   []int       // object numbers, in stream order
	bodies bytes.Buffer
	starts []int // offset of each object in bodies
	obj    int   // the object stream's own number, once written
}

// useObjStream reports whether small objects go into an object stream.
func (f *Fpdf) useObjStream() bool { return f.compress && !f.protect.encrypted }

// putCompressible writes the next object, whose dictionary is body, into
// the object stream when the document uses one, else as usual.
func (f *Fpdf) putCompressible(body []byte) {
	if !f.useObjStream() {
		f.newobj()
		f.out(string(body))
		f.out("endobj")
		return
	}
	f.n++
	for j := len(f.offsets); j <= f.n; j++ {
		f.offsets = append(f.offsets, 0)
	}
	s := &f.objStm
	if s.index == nil {
		s.index = map[int]int{}
	}
	s.index[f.n] = len(s.nums)
	s.nums = append(s.nums, f.n)
	s.starts = append(s.starts, s.bodies.Len())
	s.bodies.Write(body)
	s.bodies.WriteByte('\n')
}

// putObjStream writes the gathered objects as one compressed stream.
func (f *Fpdf) putObjStream() {
	s := &f.objStm
	if len(s.nums) == 0 {
		return
	}
	var head []byte
	for i, n := range s.nums {
		head = strconv.AppendInt(head, int64(n), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(s.starts[i]), 10)
		head = append(head, ' ')
	}
	data := append(head, s.bodies.Bytes()...)
	mem := xmem.compress(data)
	defer mem.release()
	f.newobj()
	s.obj = f.n
	f.outf("<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>", len(s.nums), len(head), mem.buf.Len())
	f.putstream(mem.bytes())
	f.out("endobj")
}

// putXrefStream writes the cross-reference stream and the end of the
// file, in place of the xref table and trailer, for a document with an
// object stream. root and info are the catalog's and the Info
// dictionary's object numbers.
func (f *Fpdf) putXrefStream(root, info int) {
	f.newobj()
	self := f.n
	offset := f.offsets[self]
	// Each entry: type (1 byte), offset or object stream (4), generation
	// or index (2).
	var rows []byte
	row := func(typ byte, a uint32, b uint16) {
		rows = append(rows, typ)
		rows = binary.BigEndian.AppendUint32(rows, a)
		rows = binary.BigEndian.AppendUint16(rows, b)
	}
	row(0, 0, 65535)
	for j := 1; j <= f.n; j++ {
		if i, ok := f.objStm.index[j]; ok {
			row(2, uint32(f.objStm.obj), uint16(i))
			continue
		}
		row(1, uint32(f.offsets[j]), 0)
	}
	// Not compressed: 7 bytes an object are a third of the xref table's
	// 20, and compressing them cost more time (a compressor's reset) than
	// the kilobyte it saved.
	f.outf("<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /Length %d>>",
		f.n+1, root, info, len(rows))
	f.putstream(rows)
	f.out("endobj")
	f.out("startxref")
	f.outf("%d", offset)
	f.out("%%EOF")
}
