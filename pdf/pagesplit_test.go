package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"

	"handout/fonts"
	"handout/layout"
)

// patientPage is a page of body text under a running header with the
// clinic's name and a line that names patient, with a page number in its
// footer.
func patientPage(patient string) *layout.Document {
	text := func(tag layout.Tag, y float64, s string) *layout.Text {
		return &layout.Text{Tag: tag, X: 50, Y: y, Face: fonts.Regular, Size: 11, S: s}
	}
	header, footer := layout.Tag{Artifact: layout.Header}, layout.Tag{Artifact: layout.Footer}
	page := layout.Page{W: 612, H: 792, Items: []layout.Item{
		text(header, 30, "Drummond Chiropractic"),
		text(layout.Tag{Artifact: layout.Header, Personal: true}, 40, "For: "+patient),
		text(layout.Tag{}, 200, "Lie on your back with your knees bent."),
		text(footer, 760, "Page 1 of 1"),
	}}
	return &layout.Document{Title: "Split", Pages: []layout.Page{page}}
}

// contentStreams returns the compressed bytes of each content stream of
// the document's one page, in order.
func contentStreams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	m := regexp.MustCompile(`/Contents \[((?:\d+ 0 R ?)+)\]`).FindSubmatch(pdf)
	if m == nil {
		t.Fatalf("the page's /Contents is not an array of streams:\n%s", pdf)
	}
	var out [][]byte
	for _, ref := range regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(m[1], -1) {
		obj := regexp.MustCompile(`\n` + string(ref[1]) + ` 0 obj\n<</Filter /FlateDecode /Length (\d+)>>\nstream\n`).FindSubmatchIndex(pdf)
		if obj == nil {
			t.Fatalf("content stream %s 0 R not found", ref[1])
		}
		n, _ := strconv.Atoi(string(pdf[obj[2]:obj[3]]))
		out = append(out, pdf[obj[1]:obj[1]+n])
	}
	return out
}

// TestRunningHeaderHasItsOwnStream: a page's body is its first content
// stream, the running header and footer its second and the header's line
// with the patient's name its third, so that the first two are the same
// streams for every patient, and a Writer's stream cache (fork patch 15)
// compresses them once. The bytes do not depend on what the cache holds.
func TestRunningHeaderHasItsOwnStream(t *testing.T) {
	set := metricFonts(t)
	write := func(w *Writer, doc *layout.Document) []byte {
		var buf bytes.Buffer
		if err := w.Write(&buf, doc); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	shared := New(set)
	ann, bob := write(shared, patientPage("Ann")), write(shared, patientPage("Bob"))
	a, b := contentStreams(t, ann), contentStreams(t, bob)
	if len(a) != 3 || len(b) != 3 {
		t.Fatalf("pages have %d and %d content streams, want 3: the body, the running header and footer, the patient's line", len(a), len(b))
	}
	if !bytes.Equal(a[0], b[0]) {
		t.Error("the body's stream differs between two patients: the header is still in it")
	}
	if !bytes.Equal(a[1], b[1]) {
		t.Error("the running header's stream differs between two patients: the patient's line is still in it")
	}
	if bytes.Equal(a[2], b[2]) {
		t.Error("the patient's line is the same bytes for Ann and Bob")
	}
	if fresh := write(New(set), patientPage("Bob")); !bytes.Equal(fresh, bob) {
		t.Error("a Writer that wrote Ann's page first writes Bob's in other bytes than a new Writer")
	}
	if again := write(shared, patientPage("Bob")); !bytes.Equal(again, bob) {
		t.Error("Bob's page written again from the stream cache comes out in other bytes")
	}
}
