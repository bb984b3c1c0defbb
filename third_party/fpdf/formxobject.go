// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"fmt"
	"sort"
)

// Form XObjects (handout patch 6, PATCHES.md): content drawn once in its
// own coordinates and placed anywhere, any number of times, with one
// operator. A program that draws the same picture in many documents can
// make its compressed content stream once and give it to each document.

// formXObject is a registered form: its bounding box in its own space
// (points, y up) and its content stream, compressed with zlib.
type formXObject struct {
	bbox [4]float64
	data []byte
	n    int // object number, at output
}

// RegisterFormXObject registers, under name (letters and digits), a form
// whose content stream, already compressed with zlib (FlateDecode), draws
// inside bbox ([llx lly urx ury], in points, y up) with nothing but path,
// colour and line-width operators: the form has no resources of its own.
// Registering a name again in the same document does nothing.
func (f *Fpdf) RegisterFormXObject(name string, bbox [4]float64, compressed []byte) {
	if f.err != nil {
		return
	}
	if f.forms == nil {
		f.forms = map[string]*formXObject{}
	}
	if _, ok := f.forms[name]; ok {
		return
	}
	f.forms[name] = &formXObject{bbox: bbox, data: compressed}
}

// UseFormXObject draws the registered form with its origin at (x, y) in
// user units (y down, as everywhere in fpdf).
func (f *Fpdf) UseFormXObject(name string, x, y float64) {
	if f.err != nil {
		return
	}
	if _, ok := f.forms[name]; !ok {
		f.err = fmt.Errorf("UseFormXObject: form %q is not registered", name)
		return
	}
	f.outf("q 1 0 0 1 %.2f %.2f cm /FX%s Do Q", x*f.k, (f.h-y)*f.k, name)
}

// formNames are the registered forms' names, sorted.
func (f *Fpdf) formNames() []string {
	names := make([]string, 0, len(f.forms))
	for name := range f.forms {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// putforms writes the registered forms' objects.
func (f *Fpdf) putforms() {
	for _, name := range f.formNames() {
		fx := f.forms[name]
		f.newobj()
		fx.n = f.n
		f.outf("<</Type /XObject /Subtype /Form /BBox [%.2f %.2f %.2f %.2f] /Resources <<>> /Filter /FlateDecode /Length %d>>",
			fx.bbox[0], fx.bbox[1], fx.bbox[2], fx.bbox[3], len(fx.data))
		f.putstream(fx.data)
		f.out("endobj")
	}
}

// putformdict lists the forms in the XObject resource dictionary.
func (f *Fpdf) putformdict() {
	for _, name := range f.formNames() {
		f.outf("/FX%s %d 0 R", name, f.forms[name].n)
	}
}
