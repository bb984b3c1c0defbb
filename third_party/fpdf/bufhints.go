// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

// Buffer size hints (handout patch 14, PATCHES.md). A document is built
// in memory, each page's content in a buffer of its own and the file in
// another; grown by doubling, they allocated about twice what they end up
// holding, a third of all the memory a document took. A program that
// writes many similar documents (a batch of patient packets) can say how
// large the last ones came out, and the buffers are made that large at
// once.

// bufferHints are the sizes the buffers start at: the whole file, and
// each page's content.
type bufferHints struct {
	document, page int
	written        int // the file's size, recorded by Output
}

// SetBufferHints makes the output buffer start at document bytes and each
// page's content buffer at page bytes; 0 leaves a buffer to grow as it
// needs. It changes no byte of the output.
func (f *Fpdf) SetBufferHints(document, page int) {
	f.bufHints.document, f.bufHints.page = max(document, 0), max(page, 0)
}

// BufferSizes reports, after Output, how large the file and the largest
// page's content came out: the hints for the next such document.
func (f *Fpdf) BufferSizes() (document, page int) {
	for _, p := range f.pages[1:] {
		page = max(page, p.Len())
	}
	return f.bufHints.written, page
}
