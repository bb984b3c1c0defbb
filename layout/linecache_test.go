package layout

import (
	"reflect"
	"strconv"
	"testing"

	"handout/content"
)

// TestLineCacheTellsSpansApart: paragraphs whose texts join to the same
// words but differ in where a style or a link starts, or whose text
// reads like the key of other spans, are different entries, and every line the cache gives back is what breaking the
// paragraph anew gives.
func TestLineCacheTellsSpansApart(t *testing.T) {
	m := monoFonts{}
	st := textStyle{size: 10, leading: 14}
	paragraphs := [][]content.Span{
		{{Text: "lie on your "}, {Text: "back", Style: content.Bold}},
		{{Text: "lie on your b"}, {Text: "ack", Style: content.Bold}},
		{{Text: "lie on your "}, {Text: "back", Style: content.Italic}},
		{{Text: "lie on your "}, {Text: "back", Link: "https://example.com"}},
		{{Text: "lie on your "}, {Text: "back", FootnoteRef: 1}},
		{{Text: "lie on your back"}},
		// What a key without the texts' lengths would write for the
		// next one.
		{{Text: "x0,0:0;y"}},
		{{Text: "x"}, {Text: "y"}},
	}
	c := NewLineCache()
	for round := range 3 { // kept from the second; the third reads them back
		for i, spans := range paragraphs {
			for _, w := range []float64{40, 400} {
				got := c.lines(m, st, spans, w)
				want := breakLines(m, splitWords(m, st, spans), w)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("round %d, paragraph %d at width %.0f: the cache gave the lines of another paragraph", round, i, w)
				}
			}
		}
	}
	if n := len(c.m); n != 2*len(paragraphs) {
		t.Errorf("the cache holds %d paragraphs, want %d", n, 2*len(paragraphs))
	}
}

// TestLineCacheKeepsRepeatsOnly: a paragraph broken once is not kept
// (a cover's line with the patient's name is different in every packet
// of a batch, and kept they filled the cache); broken again, it is.
func TestLineCacheKeepsRepeatsOnly(t *testing.T) {
	m := monoFonts{}
	st := textStyle{size: 10, leading: 14}
	c := NewLineCache()
	for i := range 100 {
		c.lines(m, st, []content.Span{{Text: "Prepared for patient " + strconv.Itoa(i)}}, 200)
	}
	if n := len(c.m); n != 0 {
		t.Errorf("the cache keeps %d paragraphs broken once, want none", n)
	}
	hands := []content.Span{{Text: "Kneel on your hands and knees."}}
	c.lines(m, st, hands, 200)
	c.lines(m, st, hands, 200)
	if n := len(c.m); n != 1 {
		t.Errorf("the cache keeps %d paragraphs after one was broken twice, want 1", n)
	}
}
