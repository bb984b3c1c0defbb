package pdftest

import (
	"bytes"
	"slices"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// OnlyOnPages fails t where secret (a patient's name, a note)
// can be read in a PDF other than in what its pages print: in the raw
// bytes outside the pages' content streams, or in any other object once
// decoded (the document information dictionary, the XMP metadata, the
// structure tree, the object streams that hold them). It looks for
// secret in UTF-8 and in UTF-16 big-endian (PDF text strings).
//
// A page's content streams may hold secret as it is, even compressed: a
// short stream is deflated into stored blocks when that is smaller, and
// what the page prints is the patient's to read anyway.
func OnlyOnPages(t testing.TB, pdfBytes []byte, secret string) {
	t.Helper()
	ctx, err := api.ReadContext(bytes.NewReader(pdfBytes), Conf(""))
	if err != nil {
		t.Fatalf("reading the PDF: %v", err)
	}
	if err := ctx.EnsurePageCount(); err != nil {
		t.Fatal(err)
	}
	contents := map[int]bool{} // object numbers of the pages' content streams
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, _, err := ctx.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		switch c := d["Contents"].(type) {
		case types.IndirectRef:
			contents[c.ObjectNumber.Value()] = true
		case types.Array:
			for _, o := range c {
				if r, ok := o.(types.IndirectRef); ok {
					contents[r.ObjectNumber.Value()] = true
				}
			}
		}
	}
	encodings := [][]byte{[]byte(secret), UTF16BE(secret)}
	found := func(b []byte) bool {
		return slices.ContainsFunc(encodings, func(enc []byte) bool { return bytes.Contains(b, enc) })
	}
	raw := slices.Clone(pdfBytes) // the pages' content streams blanked in it
	for nr, e := range ctx.Table {
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		sd, isStream := e.Object.(types.StreamDict)
		if contents[nr] {
			if isStream && e.Offset != nil && !e.Compressed {
				// Blank the stream's bytes, so that the rest of the file
				// is searched without them.
				start := int(*e.Offset)
				if i := bytes.Index(raw[start:], []byte("stream")); i >= 0 && sd.StreamLength != nil {
					from := start + i + len("stream\n")
					clear(raw[from:min(len(raw), from+int(*sd.StreamLength))])
				}
			}
			continue
		}
		if isStream {
			if err := sd.Decode(); err == nil && found(sd.Content) {
				t.Errorf("object %d (%s) holds %q", nr, sd.Dict, secret)
			}
			continue
		}
		if found([]byte(e.Object.PDFString())) {
			t.Errorf("object %d holds %q: %s", nr, secret, e.Object.PDFString())
		}
	}
	if found(raw) {
		t.Errorf("%q is readable in the PDF's bytes outside its pages' content streams", secret)
	}
}
